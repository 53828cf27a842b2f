package sheet

import "testing"

func TestIsPlaceholder(t *testing.T) {
	tests := []struct {
		cell string
		want bool
	}{
		{"", true},
		{"  ", true},
		{"▼", true},
		{"▼選択してください", true},
		{"【選択】", true},
		{"プルダウンで選択", true},
		{"リストから選択してください", true},
		{"選択して下さい", true},
		{"ご記入ください", true},
		{"入力してください", true},
		{"Please choose", true},
		{"Select...", true},
		{"Not Started", true},
		{"はい／いいえ", true},
		{"はい・いいえ・該当なし", true},
		{"Yes/No/N/A", true},
		// Answers, even short ones.
		{"はい", false},
		{"-", false},
		{"N/A", false},
		{"Yes", false},
		{"はい/はい", false},
		{"Yes/Partially", false},
		{"回答済み", false},
		{"選択肢Aを採用", false},
		{"記入例を参照", false},
		{"ISO/IEC 27001", false},
		{"入力値を検証しています", false},
	}
	for _, tt := range tests {
		if got := IsPlaceholder(tt.cell); got != tt.want {
			t.Errorf("IsPlaceholder(%q) = %v, want %v", tt.cell, got, tt.want)
		}
	}
}

// Answer cells a template pre-fills with a request or a hint are empty to
// the reader, so they are filled; a real answer beside them is kept.
func TestPresetAnswerCellsAreEmpty(t *testing.T) {
	b := newBook(t, "チェックシート")
	sh := "チェックシート"
	b.rows(sh, 1,
		[]string{"No.", "質問", "回答", "備考"},
		[]string{"1", "データは暗号化して保管していますか？", "プルダウンから選択してください"},
		[]string{"2", "バックアップを取得していますか？", "はい／いいえ"},
		[]string{"3", "脆弱性診断を実施していますか？", "いいえ"},
	)
	s := b.sheet(sh)
	if len(s.Rows) != 3 {
		t.Fatalf("questions = %q", questions(s))
	}
	if s.Rows[0].Answered || s.Rows[1].Answered || !s.Rows[2].Answered {
		t.Errorf("answered: %v %v %v, want false false true", s.Rows[0].Answered, s.Rows[1].Answered, s.Rows[2].Answered)
	}
}

// The answer column headed as the hint its cells repeat: every row is
// still a question, and none is answered.
func TestHintInHeaderAndEveryCell(t *testing.T) {
	b := newBook(t, "Sheet1")
	b.rows("Sheet1", 1,
		[]string{"No.", "確認項目", "はい/いいえ"},
		[]string{"1", "データは暗号化して保管していますか？", "はい/いいえ"},
		[]string{"2", "バックアップを取得していますか？", "はい/いいえ"},
	)
	s := b.sheet("Sheet1")
	if len(s.Rows) != 2 || s.Rows[0].Answered || s.Rows[1].Answered || s.Rows[1].Section != "" {
		t.Fatalf("rows %+v, headers %v", s.Rows, s.Headers)
	}
}
