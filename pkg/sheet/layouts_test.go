package sheet

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

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
		{"e.g., CRM, LMS, SaaS, IaaS", true},
		{"例：ISMS認証", true},
		{"（例）年1回", true},
		{"https://www.vendor.domain/privacynotice", true},
		{"http://www.example.com/privacy", true},
		{"https://portal.acme.example/", true},
		{"未入力", true},
		{"（回答欄）", true},
		{"回答を入力", true},
		{"ここに入力", true},
		{"Click here to enter text.", true},
		{"Enter response", true},
		{"Type here", true},
		{"会社名をご記入ください", true},
		{"（該当するものを選択してください）", true},
		{"入力欄", true},
		{"Enter answer here", true},
		{"Enter your response here", true},
		{"Yes or No", true},
		{"はい/いいえを選択", true},
		{"Select Yes/No", true},
		{"Yes/No (select one)", true},
		{"[Yes/No]", true},
		{"（はい／いいえ）", true},
		{"はい・いいえ・該当なし から選択", true},
		{"(Yes)", false},
		{"はい（選択）", false},
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
		{"Egress filtering is in place, e.g. on every subnet", false},
		{"例外はありません", false},
		{"https://www.acme.com/privacy", false},
		{"See https://www.example.com/privacy for our policy", false},
		{"ISO/IEC 27001", false},
		{"入力値を検証しています", false},
		{"回答欄に記載のとおり", false},
		{"Typed passwords are masked", false},
		{"詳細はお問い合わせください", false},
		{"別紙をご参照ください", false},
		{"IDとパスワードを入力", false},
		{"SSOかパスワード認証を選択", false},
		{"Yes, for data or backups", false},
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

// はい | いいえ | 該当なし named in the header row itself, one column each:
// the answer is a mark in one of them, the mark the sheet already uses,
// and 備考 is the remarks column, not the answer.
func TestFlatMarkColumns(t *testing.T) {
	tests := []struct {
		name string
		rows [][]string
		mark string
	}{
		{"japanese, one row marked", [][]string{
			{"No.", "質問", "はい", "いいえ", "該当なし", "備考"},
			{"1", "データは暗号化して保管していますか？"},
			{"2", "バックアップを取得していますか？", "", "レ"},
		}, "レ"},
		{"japanese, none marked yet", [][]string{
			{"No.", "質問", "はい", "いいえ", "該当なし", "備考"},
			{"1", "データは暗号化して保管していますか？"},
			{"2", "バックアップを取得していますか？"},
		}, "○"},
		{"english", [][]string{
			{"ID", "Question", "Yes", "No", "N/A", "Comments"},
			{"1", "Do you encrypt data at rest?"},
			{"2", "Do you take backups?"},
		}, "x"},
	}
	for _, tt := range tests {
		b := newBook(t, "S")
		b.rows("S", 1, tt.rows...)
		s := b.sheet("S")
		if s.Layout.AnswerCol != 3 || s.Layout.RemarksCol != 6 || len(s.Layout.MarkCols) != 3 || s.Layout.Mark != tt.mark {
			t.Errorf("%s: layout %+v", tt.name, s.Layout)
			continue
		}
		if len(s.Rows) != 2 || s.Rows[0].Answered || s.Rows[0].MarkCells[tt.rows[0][2]] != "C2" || s.Rows[0].Mark != tt.mark || s.Rows[0].RemarksCell != "F2" {
			t.Errorf("%s: first row %+v", tt.name, s.Rows[0])
		}
	}
	if s := (func() *Sheet { b := newBook(t, "S"); b.rows("S", 1, tests[0].rows...); return b.sheet("S") })(); !s.Rows[1].Answered || s.Rows[1].Answer != "いいえ" {
		t.Errorf("the marked row reads %+v", s.Rows[1])
	}
}

// Mark columns that are the header's only answer label, with columns for
// a partial or unknown answer among them (IPA's 5分でできる自社診断:
// 実施している | 一部実施している | 実施していない | わからない).
func TestMarkColumnsWithoutOtherLabels(t *testing.T) {
	for _, tt := range []struct {
		header []string
		marks  int
	}{
		{[]string{"No.", "質問", "はい", "いいえ", "該当なし"}, 3},
		{[]string{"No", "診断内容", "実施している", "一部実施している", "実施していない", "わからない"}, 4},
		{[]string{"#", "Question", "Yes", "Partial", "No", "N/A"}, 4},
		{[]string{"No.", "確認項目", "準拠", "非準拠", "対象外"}, 3},
	} {
		b := newBook(t, "S")
		b.rows("S", 1, tt.header,
			[]string{"1", "データは暗号化して保管していますか？"},
			[]string{"2", "バックアップを取得していますか？", "", "", "○"})
		s := b.sheet("S")
		if s.Skipped != "" || s.Layout.QuestionCol != 2 || s.Layout.AnswerCol != 3 || len(s.Layout.MarkCols) != tt.marks {
			t.Errorf("%q: skipped %q, layout %+v", tt.header, s.Skipped, s.Layout)
			continue
		}
		if len(s.Rows) != 2 || s.Rows[0].Answered || !s.Rows[1].Answered || s.Rows[1].Answer != tt.header[4] {
			t.Errorf("%q: rows %+v", tt.header, s.Rows)
		}
	}
	// A short label after yes and no that is no answer value ends the run.
	b := newBook(t, "S")
	b.rows("S", 1, []string{"No.", "質問", "はい", "いいえ", "担当者"},
		[]string{"1", "データは暗号化して保管していますか？"},
		[]string{"2", "バックアップを取得していますか？"})
	if m := b.sheet("S").Layout.MarkCols; len(m) != 2 {
		t.Errorf("marks %v; want はい and いいえ only", m)
	}
}

func TestHeaderChoices(t *testing.T) {
	for _, tt := range []struct {
		label string
		want  []string
	}{
		{"回答（はい／いいえ）", []string{"はい", "いいえ"}},
		{"対応状況(○/×/－)", []string{"○", "×", "－"}},
		{"Yes/No/N/A", []string{"Yes", "No", "N/A"}},
		{"回答【はい・いいえ・該当なし】", []string{"はい", "いいえ", "該当なし"}},
		{"回答", nil},
		{"回答（必須）", nil},
		{"回答（はい／該当なし）", nil},
		{"Answer (Yes/No) — comments", nil},
	} {
		if got := headerChoices(tt.label); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("headerChoices(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
	b := newBook(t, "S")
	b.rows("S", 1,
		[]string{"No.", "質問", "回答（はい／いいえ）", "備考"},
		[]string{"1", "データは暗号化して保管していますか？"},
		[]string{"2", "バックアップを取得していますか？"},
	)
	if r := b.sheet("S").Rows; len(r) != 2 || !reflect.DeepEqual(r[0].HintChoices, []string{"はい", "いいえ"}) {
		t.Errorf("rows %+v", r)
	}
}

// A second answer column naming the answer's content, right of the one
// that takes a value, receives the text; the customer's 備考 is left
// alone. Without one, 備考 is the remarks column as before.
func TestAnswerDetailColumn(t *testing.T) {
	for _, tt := range []struct {
		header      []string
		answer, rem int
	}{
		{[]string{"No.", "質問", "対応可否（○/×）", "回答内容", "備考"}, 3, 4},
		{[]string{"ID", "Question", "Answer", "Answer Details", "Comments"}, 3, 4},
		{[]string{"No.", "質問", "はい", "いいえ", "該当なし", "回答内容", "備考"}, 3, 6},
		{[]string{"No.", "質問", "回答", "備考"}, 3, 4},
		{[]string{"No.", "質問", "回答", "担当者", "備考"}, 3, 5},
		{[]string{"#", "Requirement", "Compliant (Y/N)", "Vendor Comments"}, 3, 4},
		{[]string{"通番", "チェック項目", "実施状況", "実施内容", "備考"}, 3, 4},
		{[]string{"No.", "要求事項", "対応", "説明"}, 3, 4},
		{[]string{"No.", "チェック項目", "実施の有無", "具体的な実施内容"}, 3, 4},
		{[]string{"#", "設問内容", "回答区分", "回答内容"}, 3, 4},
		{[]string{"No.", "質問", "回答区分", "詳細"}, 3, 4},
		{[]string{"No.", "質問", "選択肢", "自由記述"}, 3, 4},
		{[]string{"ID", "Question", "Answer", "Description"}, 3, 4},
		{[]string{"No.", "確認内容", "回答", "回答に関する補足・根拠資料", "当社評価"}, 3, 4},
		// What the vendor is to do is the question, not its answer.
		{[]string{"No.", "委託先の実施事項", "実施状況", "備考"}, 3, 4},
		{[]string{"No.", "事業者の対応事項", "回答", "備考"}, 3, 4},
		// The customer's own columns take nothing.
		{[]string{"No.", "質問", "回答", "当社確認欄", "当社コメント"}, 3, 0},
		{[]string{"No.", "質問", "委託先記入欄", "当社記入欄"}, 3, 0},
		{[]string{"No.", "Question", "Response", "Reviewer Comments"}, 3, 0},
	} {
		b := newBook(t, "S")
		b.rows("S", 1, tt.header,
			[]string{"1", "データは暗号化して保管していますか？"},
			[]string{"2", "バックアップを取得していますか？"})
		if l := b.sheet("S").Layout; l.AnswerCol != tt.answer || l.RemarksCol != tt.rem {
			t.Errorf("%q: answer %d, remarks %d; want %d, %d", tt.header, l.AnswerCol, l.RemarksCol, tt.answer, tt.rem)
		}
	}
}

// An answer header merged over two columns with sub-headers: the value
// column is the answer, the text column the remarks, and the values a
// sub-header names are the hint.
func TestSplitAnswerHeader(t *testing.T) {
	for _, tt := range []struct {
		sub  []string
		hint []string
	}{
		{[]string{"", "", "選択", "記述", ""}, nil},
		{[]string{"", "", "はい/いいえ", "内容", ""}, []string{"はい", "いいえ"}},
	} {
		b := newBook(t, "S")
		b.rows("S", 1, []string{"No.", "質問", "回答", "", "備考"}, tt.sub,
			[]string{"1", "データは暗号化して保管していますか？"},
			[]string{"2", "バックアップを取得していますか？"})
		b.must(b.f.MergeCell("S", "C1", "D1"))
		s := b.sheet("S")
		if l := s.Layout; l.AnswerCol != 3 || l.RemarksCol != 4 || len(s.Rows) != 2 || s.Rows[0].Row != 3 || !reflect.DeepEqual(s.Rows[0].HintChoices, tt.hint) {
			t.Errorf("%q: layout %+v, rows %+v", tt.sub, l, s.Rows)
		}
	}
}

// An SLA table (種別 | サービスレベル項目 | 規定内容 | 測定単位 | 設定例 |
// 回答): the item name is read with its description.
func TestSLAItemAndDescription(t *testing.T) {
	b := newBook(t, "S")
	b.rows("S", 1,
		[]string{"種別", "サービスレベル項目", "規定内容", "測定単位", "設定例", "回答"},
		[]string{"可用性", "サービス稼働率", "サービスを利用できる時間の割合", "％", "99.9%以上"},
		[]string{"可用性", "計画停止予定通知", "定期的な保守停止に関する事前連絡確認", "有無", "1か月前に通知"},
	)
	s := b.sheet("S")
	if l := s.Layout; l.QuestionCol != 2 || l.DetailCol != 3 || l.AnswerCol != 6 || len(s.Rows) != 2 || s.Rows[0].Question != "サービス稼働率\nサービスを利用できる時間の割合" {
		t.Errorf("layout %+v, rows %+v", l, s.Rows)
	}
}

// A 記入例 sheet beside the checklist is left alone; alone, or chosen
// with --sheet, it is read.
func TestExampleSheetSkipped(t *testing.T) {
	rows := [][]string{
		{"No.", "質問", "回答", "備考"},
		{"1", "データは暗号化して保管していますか？"},
		{"2", "バックアップを取得していますか？"},
	}
	b := newBook(t, "記入例")
	b.rows("記入例", 1, rows...)
	if s := b.sheet("記入例"); len(s.Rows) != 2 {
		t.Fatalf("an example sheet alone: %+v", s)
	}
	if _, err := b.f.NewSheet("回答"); err != nil {
		t.Fatal(err)
	}
	b.rows("回答", 1, rows...)
	wb, err := Read(b.f, Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	if cs := wb.Checklists(); len(cs) != 1 || cs[0].Name != "回答" {
		t.Errorf("checklists %v", sheetNames(cs))
	}
	if wb, err = Read(b.f, Overrides{Sheet: "記入例"}); err != nil || len(wb.Checklists()) != 1 || wb.Checklists()[0].Name != "記入例" {
		t.Errorf("--sheet 記入例: %v", err)
	}
}

func sheetNames(ss []*Sheet) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Name)
	}
	return out
}

// An evaluation sheet gives the criteria beside each item (評価項目 |
// 評価基準 | 自己評価): the criteria are the customer's text and belong to
// the question; the self-assessment is the answer.
func TestCriteriaBesideItem(t *testing.T) {
	for _, header := range [][]string{
		{"No.", "評価項目", "評価基準", "自己評価", "根拠・説明"},
		{"No.", "確認項目", "確認の観点", "回答", "備考"},
	} {
		b := newBook(t, "S")
		b.rows("S", 1, header,
			[]string{"1", "情報セキュリティ方針", "方針が文書化され、年1回以上見直されていること"},
			[]string{"2", "バックアップ", "日次で取得し、遠隔地に保管していること"})
		s := b.sheet("S")
		if l := s.Layout; l.QuestionCol != 2 || l.DetailCol != 3 || l.AnswerCol != 4 || l.RemarksCol != 5 {
			t.Errorf("%q: question %d, detail %d, answer %d, remarks %d; want 2, 3, 4, 5", header, l.QuestionCol, l.DetailCol, l.AnswerCol, l.RemarksCol)
		}
		if len(s.Rows) != 2 || s.Rows[0].Answered || !strings.Contains(s.Rows[0].Question, "年1回以上見直されて") {
			t.Errorf("%q: rows %+v; want two unanswered rows whose question holds the criteria", header, s.Rows)
		}
	}
}

// Each header wording the reader knows, laid out as No. | question |
// answer | remarks with the others kept plain: the columns it names are
// found, whatever its neighbours say.
func TestHeaderVocabulary(t *testing.T) {
	ja := [][]string{
		{"質問", "確認項目", "確認事項", "確認内容", "チェック項目", "要求事項", "評価項目", "設問", "質問内容", "セキュリティ要件", "管理策", "診断内容", "事業者の対応事項", "委託先の実施事項"},
		{"回答", "ご回答", "回答欄", "貴社記入欄", "委託先記入欄", "貴社の状況", "対応状況", "実施状況", "準拠状況", "準拠", "適合性", "現状", "可否", "実施の有無", "自己評価", "回答区分", "選択肢", "状況", "ご返答", "貴社の値", "設定値", "回答（はい／いいえ）", "対応状況（○：対応済 △：一部対応 ×：未対応）"},
		{"備考", "補足", "補足説明", "コメント", "回答補足", "回答に関する補足・根拠資料", "「はい」の場合は具体的な内容をご記入ください", "非準拠の場合の理由", "補足事項（任意）", "自由記述", "詳細", "回答内容"},
	}
	en := [][]string{
		{"Question", "Questions", "Requirement", "Security Question", "Question/Request", "Control Question", "Assessment Question", "Query"},
		{"Answer", "Response", "Vendor Response", "Supplier Response (Y/N/NA)", "Yes/No", "Compliant?", "Implemented?", "In Place?", "Choice", "Status", "Selected Answer", "Current State", "Self-Assessment", "Reply"},
		{"Comments", "Notes", "Remarks", "Additional Information", "Explanation", "Justification", "If No, please explain", "Vendor Comments", "Description", "Answer Details", "Rationale"},
	}
	for _, lang := range []struct {
		words [][]string
		rows  [][]string
	}{
		{ja, [][]string{{"1", "データは暗号化して保管していますか？"}, {"2", "バックアップを取得していますか？"}}},
		{en, [][]string{{"1", "Do you encrypt data at rest?"}, {"2", "Do you take backups?"}}},
	} {
		for role, words := range lang.words {
			for _, w := range words {
				header := []string{"No.", lang.words[0][0], lang.words[1][0], lang.words[2][0]}
				header[role+1] = w
				b := newBook(t, "S")
				b.rows("S", 1, append([][]string{header}, lang.rows...)...)
				s := b.sheet("S")
				if l := s.Layout; s.Skipped != "" || l.QuestionCol != 2 || l.AnswerCol != 3 || l.RemarksCol != 4 || l.DetailCol != 0 {
					t.Errorf("%q: skipped %q, question %d, answer %d, remarks %d, detail %d; want 2, 3, 4, 0", header, s.Skipped, l.QuestionCol, l.AnswerCol, l.RemarksCol, l.DetailCol)
				}
			}
		}
	}
}

// A template's description of the value an item takes is no answer; a
// value is.
func TestDescribesItem(t *testing.T) {
	for _, tt := range []struct {
		answer, item string
		want         bool
	}{
		{"Service Name and Version Information", "Service Name", true},
		{"Short Description of the Service", "Service Description", true},
		{"Support Contact E-mail Address", "Support Contact Email", true},
		{"Support Contact Phone Number", "Support Contact Phone", true},
		{"Acme Service Desk 4.2", "Service Name", false},
		{"support@acme.example", "Support Contact Email", false},
		{"Acme Cloud Platform", "Service Name", false},
		{"Name of the service owner", "Service Name", false},
		{"Hosted service for course scheduling", "Service Description", false},
		{"サービス名", "サービス名", false},
	} {
		if got := describesItem(tt.answer, tt.item); got != tt.want {
			t.Errorf("describesItem(%q, %q) = %v, want %v", tt.answer, tt.item, got, tt.want)
		}
	}
}

// Every answer cell pre-filled with the values to pick from, and a first
// question asked as a request (〜を教えてください。): the first row is a
// question, not a second header row.
func TestRequestRowUnderHeader(t *testing.T) {
	for _, first := range []string{"データセンターの所在地を教えてください。", "Describe your backup process."} {
		b := newBook(t, "S")
		b.rows("S", 1, []string{"No.", "質問", "回答", "備考"},
			[]string{"1", first, "はい／いいえ／該当なし"},
			[]string{"2", "バックアップを取得していますか？", "はい／いいえ／該当なし"},
			[]string{"3", "ログを保存していますか？", "はい／いいえ／該当なし"})
		s := b.sheet("S")
		if len(s.Headers) != 1 || len(s.Rows) != 3 || s.Rows[0].Question != first || s.Rows[0].Answered {
			t.Errorf("%q: headers %v, %d rows, first %+v", first, s.Headers, len(s.Rows), s.Rows[0])
		}
	}
}

// A column listing the options beside the answer column (質問 | 選択肢 |
// 回答): the answer label wins, and the options stay the customer's.
func TestOptionsColumnBesideAnswer(t *testing.T) {
	for _, header := range [][]string{
		{"No.", "質問", "選択肢", "回答", "備考"},
		{"No.", "Question", "Choices", "Answer", "Comments"},
		{"ID", "Question", "Answer Options", "Selected Answer", "Notes"},
	} {
		b := newBook(t, "S")
		b.rows("S", 1, header,
			[]string{"1", "データは暗号化して保管していますか？", "はい／いいえ／該当なし"},
			[]string{"2", "バックアップを取得していますか？", "はい／いいえ／該当なし"})
		if l := b.sheet("S").Layout; l.AnswerCol != 4 || l.RemarksCol != 5 {
			t.Errorf("%q: answer %d, remarks %d; want 4, 5", header, l.AnswerCol, l.RemarksCol)
		}
	}
	// Alone, the options label names the answer column.
	b := newBook(t, "S")
	b.rows("S", 1, []string{"Q#", "Question", "Choice", "Justification"},
		[]string{"1", "Do you encrypt data at rest?"}, []string{"2", "Do you take backups?"})
	if l := b.sheet("S").Layout; l.AnswerCol != 3 || l.RemarksCol != 4 {
		t.Errorf("Choice alone: answer %d, remarks %d; want 3, 4", l.AnswerCol, l.RemarksCol)
	}
}

// A numbered row above numbered sub-items (2 above 2-1, 2-2) that does not
// ask is their part's title, not a question; a parent that asks, one
// already answered and one with no sub-items stay questions.
func TestParentRowAboveSubItems(t *testing.T) {
	b := newBook(t, "S")
	b.rows("S", 1, []string{"No.", "質問", "回答", "備考"},
		[]string{"1", "認証・アクセス管理について"},
		[]string{"1-1", "多要素認証に対応していますか？"},
		[]string{"1-2", "アクセスログを保管していますか？"},
		[]string{"2", "情報セキュリティ方針を定めていますか"},
		[]string{"2-1", "方針は経営層が承認していますか？"},
		[]string{"3.", "データセンター"},
		[]string{"3.1", "建物は耐震構造ですか？"},
		[]string{"4", "バックアップ", "日次で取得"},
		[]string{"4-1", "復旧手順を試験していますか？"},
		[]string{"5", "暗号化"},
		[]string{"10", "鍵の管理"},
		[]string{"A.1", "Physical security"},
		[]string{"A.1.2", "Are visitors escorted?"})
	var got []string
	sections := map[string]string{}
	for _, r := range b.sheet("S").Rows {
		got = append(got, r.ID)
		sections[r.ID] = r.Section
	}
	want := []string{"1-1", "1-2", "2", "2-1", "3.1", "4", "4-1", "5", "10", "A.1.2"}
	if !slices.Equal(got, want) {
		t.Errorf("question rows %v, want %v", got, want)
	}
	if !strings.Contains(sections["1-2"], "認証・アクセス管理について") || !strings.Contains(sections["A.1.2"], "Physical security") {
		t.Errorf("sections %v: the parent rows do not name their part", sections)
	}
}

func TestParentID(t *testing.T) {
	for _, tt := range []struct {
		parent, child string
		want          bool
	}{
		{"2", "2-1", true},
		{"3.", "3.1", true},
		{"A.1", "A.1.2", true},
		{"1", "1．2", false}, // a full-width stop is not read as an ID
		{"1", "10", false},
		{"1", "1-", false},
		{"1", "2-1", false},
		{"APPL-01", "APPL-011", false},
		{"", "1-1", false},
	} {
		if got := parentID(tt.parent, tt.child); got != tt.want {
			t.Errorf("parentID(%q, %q) = %v, want %v", tt.parent, tt.child, got, tt.want)
		}
	}
}

// Titles marked ■ or 【】 and notes marked ※ in the question column are
// not questions; on a sheet that bullets every item with ■ the items are.
func TestTitleAndNoteRows(t *testing.T) {
	b := newBook(t, "S")
	b.rows("S", 1, []string{"質問", "回答", "備考"},
		[]string{"■ 組織的対策"},
		[]string{"情報セキュリティ方針を定めていますか？"},
		[]string{"【アクセス管理】"},
		[]string{"【必須】多要素認証に対応していますか？"},
		[]string{"■アクセスログを保管していますか？"},
		[]string{"第3章 物理的対策"},
		[]string{"データセンターの建物は耐震構造ですか？"},
		[]string{"[Backups]"},
		[]string{"Do you take daily backups?"},
		[]string{"※ご不明な点は営業担当までお問い合わせください。"},
		[]string{"（注）該当しない場合は空欄のままで結構です。"})
	var got []string
	for _, r := range b.sheet("S").Rows {
		got = append(got, r.Question)
	}
	want := []string{"情報セキュリティ方針を定めていますか？", "【必須】多要素認証に対応していますか？", "■アクセスログを保管していますか？", "データセンターの建物は耐震構造ですか？", "Do you take daily backups?"}
	if !slices.Equal(got, want) {
		t.Errorf("questions %q, want %q", got, want)
	}
	if rows := b.sheet("S").Rows; len(rows) == len(want) && !strings.Contains(rows[1].Section, "アクセス管理") {
		t.Errorf("section of the row under 【アクセス管理】: %q", rows[1].Section)
	}

	bullets := newBook(t, "S")
	bullets.rows("S", 1, []string{"確認項目", "回答", "備考"},
		[]string{"■ パスワードポリシー"},
		[]string{"■ 多要素認証"},
		[]string{"■ アクセスログの保管"},
		[]string{"■ バックアップ"})
	if n := len(bullets.sheet("S").Rows); n != 4 {
		t.Errorf("every item bulleted with ■: %d questions, want 4", n)
	}
}

// A remarks cell that only invites a note (（任意）, 補足があればご記入
// ください), or one text typed into most rows' remarks, is empty; a note
// the customer wrote on one row stays.
func TestRemarksHints(t *testing.T) {
	b := newBook(t, "S")
	b.rows("S", 1, []string{"No.", "質問", "回答", "備考"},
		[]string{"1", "多要素認証に対応していますか？", "", "（任意）"},
		[]string{"2", "アクセスログを保管していますか？", "", "（任意）"},
		[]string{"3", "バックアップを取得していますか？", "", "（任意）"},
		[]string{"4", "データを暗号化していますか？", "", "SOC2報告書を添付してください"},
		[]string{"5", "脆弱性診断を実施していますか？", "", "補足があればご記入ください"},
		[]string{"6", "データセンターは国内ですか？", "", "該当する場合は所在地も"})
	var got []string
	for _, r := range b.sheet("S").Rows {
		got = append(got, r.Remarks)
	}
	want := []string{"", "", "", "SOC2報告書を添付してください", "", "該当する場合は所在地も"}
	if !slices.Equal(got, want) {
		t.Errorf("remarks %q, want %q", got, want)
	}
	// On an answered sheet a remark repeated down the rows is the
	// vendor's own note, which learn keeps.
	answered := newBook(t, "S")
	answered.rows("S", 1, []string{"No.", "質問", "回答", "備考"},
		[]string{"1", "AI機能の学習データを分離していますか？", "該当なし", "AI機能はありません"},
		[]string{"2", "AI機能の出力を監視していますか？", "該当なし", "AI機能はありません"},
		[]string{"3", "AI機能の利用を記録していますか？", "該当なし", "AI機能はありません"})
	for _, r := range answered.sheet("S").Rows {
		if r.Remarks != "AI機能はありません" {
			t.Errorf("answered row %d: remarks %q", r.Row, r.Remarks)
		}
	}
}

// A list of questions without a header row, read with the columns named:
// the first question is a question, not a header. An instruction that asks
// above the header stays out of the questions.
func TestNoHeaderRowColumnsNamed(t *testing.T) {
	b := newBook(t, "S")
	b.rows("S", 1,
		[]string{"多要素認証に対応していますか？"},
		[]string{"アクセスログを保管していますか？"},
		[]string{"バックアップを取得していますか？"})
	wb, err := b.read(Overrides{QuestionCol: "A", AnswerCol: "B"})
	if err != nil {
		t.Fatal(err)
	}
	if s := wb.Sheets[0]; s.Layout.HeaderRow != 0 || len(s.Rows) != 3 || s.Rows[0].AnswerCell != "B1" {
		t.Errorf("header row %d, %d rows (first %+v); want no header and 3 rows from B1", s.Layout.HeaderRow, len(s.Rows), s.Rows)
	}

	b = newBook(t, "S")
	b.rows("S", 1,
		[]string{"以下の質問にご回答ください。"},
		[]string{""},
		[]string{"質問", "回答"},
		[]string{"多要素認証に対応していますか？"},
		[]string{"アクセスログを保管していますか？"})
	if wb, err = b.read(Overrides{QuestionCol: "A", AnswerCol: "B"}); err != nil {
		t.Fatal(err)
	}
	if s := wb.Sheets[0]; len(s.Rows) != 2 || s.Rows[0].Row != 4 {
		t.Errorf("instruction above the header: rows %+v; want rows 4 and 5", s.Rows)
	}
}

// A column labelled as the question that lists short items of its own
// (an SLA table's サービスレベル項目) is the question column; short values
// repeated down a group are categories, and the sheet is not read.
func TestShortItemsUnderQuestionLabel(t *testing.T) {
	b := newBook(t, "S")
	b.rows("S", 1, []string{"No.", "サービスレベル項目", "回答", "備考"},
		[]string{"1", "サービス稼働率"}, []string{"2", "障害通知時間"}, []string{"3", "RPO"}, []string{"4", "計画停止予定通知"})
	if s := b.sheet("S"); s.Skipped != "" || s.Layout.QuestionCol != 2 || len(s.Rows) != 4 {
		t.Errorf("skipped %q, question column %d, %d rows; want column 2 and 4 rows", s.Skipped, s.Layout.QuestionCol, len(s.Rows))
	}
	b = newBook(t, "S")
	b.rows("S", 1, []string{"No.", "項目", "回答", "備考"},
		[]string{"1", "組織"}, []string{"2", "組織"}, []string{"3", "物理"}, []string{"4", "物理"})
	if _, err := b.read(Overrides{}); !errors.Is(err, ErrNoQuestionColumn) {
		t.Errorf("categories only: err %v, want ErrNoQuestionColumn", err)
	}
}

// 質問 | Question: the same questions in Japanese and English. Both columns
// are read, whichever comes first, so that a corpus in either language
// matches; two Japanese columns stay a question and its details.
func TestTranslatedQuestionColumns(t *testing.T) {
	ja := []string{"データのバックアップを定期的に取得していますか。", "管理者アカウントに多要素認証を適用していますか。", "従業員にセキュリティ教育を実施していますか。"}
	en := []string{"Do you back up data regularly?", "Do administrator accounts require multi-factor authentication?", "Do you provide security training to employees?"}
	for _, tt := range []struct {
		name        string
		header      []string
		left, right []string
	}{
		{"Japanese first", []string{"No.", "質問", "Question", "回答", "備考"}, ja, en},
		{"English first", []string{"No.", "Question", "質問", "回答", "備考"}, en, ja},
		{"labels in both languages", []string{"No.", "質問項目 (Question)", "Question (English)", "回答 (Answer)", "備考 (Remarks)"}, ja, en},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t, "S")
			rows := [][]string{tt.header}
			for i := range tt.left {
				rows = append(rows, []string{fmt.Sprint(i + 1), tt.left[i], tt.right[i]})
			}
			b.rows("S", 1, rows...)
			s := b.sheet("S")
			if s.Layout.QuestionCol != 2 || s.Layout.DetailCol != 3 || s.Layout.AnswerCol != 4 || len(s.Rows) != 3 {
				t.Fatalf("question %d+%d, answer %d, %d rows; want B+C, D and 3 rows", s.Layout.QuestionCol, s.Layout.DetailCol, s.Layout.AnswerCol, len(s.Rows))
			}
			if q := s.Rows[0].Question; !strings.Contains(q, tt.left[0]) || !strings.Contains(q, tt.right[0]) {
				t.Errorf("question %q, want both languages", q)
			}
		})
	}
}

// An answer or remark stored as a number reads as its format shows it: a
// percentage as 99.95%, a date as 2020-04-01. learn records what it reads,
// and a stored 0.9995 or 43922 would fill the next customer's sheet so.
func TestNumberAnswersAsShown(t *testing.T) {
	b := newBook(t, "S")
	b.rows("S", 1, []string{"No.", "項目", "回答", "備考"},
		[]string{"1", "サービスの月間稼働率の目標値"},
		[]string{"2", "サービスの提供開始日"},
		[]string{"3", "障害時の目標復旧時間", "4時間以内"})
	b.must(b.f.SetCellValue("S", "C2", 0.9995))
	b.must(b.f.SetCellValue("S", "C3", time.Date(2020, 4, 1, 0, 0, 0, 0, time.UTC)))
	b.must(b.f.SetCellValue("S", "D2", 0.999))
	pct, err := b.f.NewStyle(&excelize.Style{NumFmt: 10})
	b.must(err)
	date, err := b.f.NewStyle(&excelize.Style{NumFmt: 14})
	b.must(err)
	b.must(b.f.SetCellStyle("S", "C2", "C2", pct))
	b.must(b.f.SetCellStyle("S", "D2", "D2", pct))
	b.must(b.f.SetCellStyle("S", "C3", "C3", date))
	s := b.sheet("S")
	if len(s.Rows) != 3 {
		t.Fatalf("%d rows, want 3", len(s.Rows))
	}
	for i, want := range []string{"99.95%", "2020-04-01", "4時間以内"} {
		if r := s.Rows[i]; r.Answer != want || !r.Answered {
			t.Errorf("row %d: answer %q (answered %v), want %q", r.Row, r.Answer, r.Answered, want)
		}
	}
	if r := s.Rows[0]; r.Remarks != "99.90%" {
		t.Errorf("remarks %q, want 99.90%%", r.Remarks)
	}
}
