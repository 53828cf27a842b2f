package sheet

import (
	"slices"
	"strings"
	"testing"
)

func TestReadBoxes(t *testing.T) {
	for _, tt := range []struct {
		cell   string
		labels []string
		ticked string
		ok     bool
	}{
		{"□はい　□いいえ　□該当なし", []string{"はい", "いいえ", "該当なし"}, "", true},
		{"☐ Yes ☐ No ☐ N/A", []string{"Yes", "No", "N/A"}, "", true},
		{"□はい・□いいえ", []string{"はい", "いいえ"}, "", true},
		{"■はい　□いいえ", []string{"はい", "いいえ"}, "はい", true},
		{"☐Yes ☑No", []string{"Yes", "No"}, "No", true},
		{"☑ 対応済み ☑ 一部対応 ☐ 未対応", []string{"対応済み", "一部対応", "未対応"}, "対応済み／一部対応", true},
		{"（　）はい　（　）いいえ", []string{"はい", "いいえ"}, "", true},
		{"（○）はい　（　）いいえ", []string{"はい", "いいえ"}, "はい", true},
		{"[ ] Yes [ ] No [ ] N/A", []string{"Yes", "No", "N/A"}, "", true},
		{"[x] Yes [ ] No", []string{"Yes", "No"}, "Yes", true},
		{"( ) Yes ( ) No", []string{"Yes", "No"}, "", true},
		{"(1) Yes (2) No", nil, "", false},
		{"□はい", nil, "", false},
		{strings.Repeat("□a", 13), nil, "", false},
		{"回答：□はい □いいえ", nil, "", false},
		{"□はい（具体的な対策を備考欄にご記入ください） □いいえ", nil, "", false},
		{"□ □いいえ", nil, "", false},
		{"はい／いいえ", nil, "", false},
		{"", nil, "", false},
	} {
		labels, ticked, ok := readBoxes(tt.cell)
		if ok != tt.ok || !slices.Equal(labels, tt.labels) || ticked != tt.ticked {
			t.Errorf("readBoxes(%q) = %q, %q, %v; want %q, %q, %v", tt.cell, labels, ticked, ok, tt.labels, tt.ticked, tt.ok)
		}
	}
}

func TestTickBox(t *testing.T) {
	for _, tt := range []struct{ cell, label, want string }{
		{"□はい　□いいえ　□該当なし", "いいえ", "□はい　■いいえ　□該当なし"},
		{"☐ Yes ☐ No", "Yes", "☑ Yes ☐ No"},
		// --overwrite on a ticked form moves the tick.
		{"■はい　□いいえ", "いいえ", "□はい　■いいえ"},
		{"☑ Yes ☐ No", "No", "☐ Yes ☑ No"},
		{"（　）はい（　）いいえ", "はい", "（○）はい（　）いいえ"},
		{"(  )はい (  )いいえ", "いいえ", "(  )はい (○)いいえ"},
		{"[ ] Yes [ ] No", "No", "[ ] Yes [x] No"},
		{"[x] Yes [ ] No", "No", "[ ] Yes [x] No"},
		{"□はい　□いいえ", "該当なし", ""},
		{"はい／いいえ", "はい", ""},
	} {
		if got := TickBox(tt.cell, tt.label); got != tt.want {
			t.Errorf("TickBox(%q, %q) = %q, want %q", tt.cell, tt.label, got, tt.want)
		}
	}
}

// Check boxes and values hinted in every answer cell: the rows are
// questions to answer (not repeated headers, though the rows do not ask),
// with the values to choose from.
func TestValuesInEveryAnswerCell(t *testing.T) {
	for _, tt := range []struct {
		cell     string
		choices  []string
		hint     []string
		answered bool
	}{
		{"□はい　□いいえ　□該当なし", []string{"はい", "いいえ", "該当なし"}, nil, false},
		{"はい／いいえ／該当なし", nil, []string{"はい", "いいえ", "該当なし"}, false},
		{"Yes/No", nil, []string{"Yes", "No"}, false},
		{"（はい／いいえ）", nil, []string{"はい", "いいえ"}, false},
		{"Select Yes/No/N/A", nil, []string{"Yes", "No", "N/A"}, false},
	} {
		b := newBook(t, "S")
		b.rows("S", 1, []string{"No.", "確認項目", "回答", "備考"},
			[]string{"1", "情報セキュリティ方針を定めていること", tt.cell},
			[]string{"2", "バックアップを日次で取得していること", tt.cell},
			[]string{"3", "運用規程", tt.cell},
			[]string{"4", "第三者認証", tt.cell})
		s := b.sheet("S")
		if len(s.Headers) != 1 || len(s.Rows) != 4 {
			t.Errorf("%q: headers %v, %d rows; want one header and 4 rows", tt.cell, s.Headers, len(s.Rows))
			continue
		}
		if r := s.Rows[0]; r.Answered != tt.answered || !slices.Equal(r.Choices, tt.choices) || !slices.Equal(r.HintChoices, tt.hint) {
			t.Errorf("%q: answered %v, choices %q, hint %q", tt.cell, r.Answered, r.Choices, r.HintChoices)
		}
	}
	b := newBook(t, "S")
	b.rows("S", 1, []string{"No.", "確認項目", "回答", "備考"},
		[]string{"1", "情報セキュリティ方針を定めていること", "□はい　■いいえ　□該当なし"},
		[]string{"2", "バックアップを日次で取得していること", "□はい　□いいえ　□該当なし"})
	if r := b.sheet("S").Rows[0]; !r.Answered || r.Answer != "いいえ" {
		t.Errorf("ticked form: answered %v, answer %q; want いいえ", r.Answered, r.Answer)
	}
}

// Ticking any label of a check-box cell gives a cell that reads as the
// same boxes with that label, and only it, ticked.
func FuzzBoxes(f *testing.F) {
	for _, s := range []string{"□はい　□いいえ　□該当なし", "☐ Yes ☑ No", "（　）はい（○）いいえ", "[ ] Yes [x] No [ ] N/A", "( )a ( )b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		labels, _, ok := readBoxes(s)
		if !ok {
			return
		}
		seen := map[string]bool{}
		for _, l := range labels {
			if seen[l] {
				return // a label twice: which box is meant is unclear
			}
			seen[l] = true
		}
		for _, l := range labels {
			ticked := TickBox(s, l)
			got, tick, ok := readBoxes(ticked)
			if !ok || !slices.Equal(got, labels) || tick != l {
				t.Fatalf("TickBox(%q, %q) = %q, read as %q ticked %q (ok %v)", s, l, ticked, got, tick, ok)
			}
		}
	})
}
