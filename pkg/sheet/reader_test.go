package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/qfill/qfill/internal/ziptest"
	"github.com/xuri/excelize/v2"
)

// book builds a workbook for a test from a compact description.
type book struct {
	t *testing.T
	f *excelize.File
}

func newBook(t *testing.T, first string) *book {
	t.Helper()
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", first); err != nil {
		t.Fatal(err)
	}
	return &book{t: t, f: f}
}

func (b *book) must(err error) {
	b.t.Helper()
	if err != nil {
		b.t.Fatal(err)
	}
}

// rows writes values starting at cell A<row>; "" leaves a cell empty.
func (b *book) rows(sheet string, row int, values ...[]string) *book {
	for i, r := range values {
		for j, v := range r {
			if v == "" {
				continue
			}
			c, _ := excelize.CoordinatesToCellName(j+1, row+i)
			b.must(b.f.SetCellStr(sheet, c, v))
		}
	}
	return b
}

func (b *book) merge(sheet, from, to string) *book {
	b.must(b.f.MergeCell(sheet, from, to))
	return b
}

func (b *book) list(sheet, sqref string, values ...string) *book {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	b.must(dv.SetDropList(values))
	b.must(b.f.AddDataValidation(sheet, dv))
	return b
}

// read saves and reopens the workbook, as qfill sees files, and reads it.
func (b *book) read(ov Overrides) (*Workbook, error) {
	b.t.Helper()
	var buf bytes.Buffer
	b.must(b.f.Write(&buf))
	f, err := OpenBytes(buf.Bytes(), "test.xlsx", OpenOptions{})
	b.must(err)
	b.t.Cleanup(func() { f.Close() })
	return Read(f.File, ov)
}

func (b *book) sheet(name string) *Sheet {
	b.t.Helper()
	wb, err := b.read(Overrides{})
	b.must(err)
	for _, s := range wb.Sheets {
		if s.Name == name {
			return s
		}
	}
	b.t.Fatalf("no sheet %q", name)
	return nil
}

func questions(s *Sheet) []string {
	var out []string
	for _, r := range s.Rows {
		out = append(out, r.Question)
	}
	return out
}

func TestJapaneseTitleBlockMergedCategories(t *testing.T) {
	b := newBook(t, "チェックシート")
	sh := "チェックシート"
	b.rows(sh, 1,
		[]string{"セキュリティチェックシート"},
		[]string{"会社名", "", "", "回答日"},
		[]string{"※回答欄はプルダウンから選択してください。"},
		nil,
		[]string{"No.", "分類", "確認項目", "回答", "備考"},
		[]string{"1", "物理", "入退室管理をしていますか？"},
		[]string{"2", "", "監視カメラはありますか？"},
		[]string{"■ 運用"},
		[]string{"3", "運用", "バックアップを取得していますか？", "はい", "毎日"},
		nil,
		[]string{"4", "", "ログを保存していますか？"},
	)
	b.merge(sh, "A1", "E1").merge(sh, "A3", "E3").merge(sh, "B6", "B7").merge(sh, "A8", "E8").merge(sh, "B9", "B11")
	b.list(sh, "D6:D11", "はい", "いいえ", "該当なし")
	s := b.sheet(sh)
	if s.Skipped != "" {
		t.Fatalf("skipped: %s", s.Skipped)
	}
	want := Layout{HeaderRow: 5, IDCol: 1, QuestionCol: 3, AnswerCol: 4, RemarksCol: 5, CategoryCols: []int{2}}
	if !reflect.DeepEqual(s.Layout, want) {
		t.Errorf("layout = %+v, want %+v", s.Layout, want)
	}
	if got, want := questions(s), []string{"入退室管理をしていますか？", "監視カメラはありますか？", "バックアップを取得していますか？", "ログを保存していますか？"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("questions = %q, want %q", got, want)
	}
	r := s.Rows
	if r[1].Section != "物理" || r[2].Section != "■ 運用 > 運用" || r[3].Section != "■ 運用 > 運用" {
		t.Errorf("sections = %q, %q, %q", r[1].Section, r[2].Section, r[3].Section)
	}
	if r[0].AnswerCell != "D6" || r[0].RemarksCell != "E6" || r[0].Answered {
		t.Errorf("row 6 = %+v", r[0])
	}
	if !r[2].Answered || r[2].Answer != "はい" {
		t.Errorf("row 9 should be answered: %+v", r[2])
	}
	if !reflect.DeepEqual(r[0].Choices, []string{"はい", "いいえ", "該当なし"}) {
		t.Errorf("choices = %q", r[0].Choices)
	}
}

func TestHiddenSheetRowsAndOtherSheets(t *testing.T) {
	b := newBook(t, "Response")
	_, err := b.f.NewSheet("Questions")
	b.must(err)
	b.rows("Questions", 1, []string{"ID", "Question", "Answer"}, []string{"Q-1", "Do you encrypt data at rest?"})
	b.must(b.f.SetSheetVisible("Questions", false))
	b.rows("Response", 1,
		[]string{"ID", "Question", "Answer", "Notes"},
		[]string{"Q-1", "Do you encrypt data at rest?"},
		[]string{"Q-2", "Do you back up data?"},
		[]string{"Q-3", "Do you log access?"},
	)
	b.must(b.f.SetRowVisible("Response", 3, false))
	_, err = b.f.NewSheet("Notes")
	b.must(err)
	b.rows("Notes", 1, []string{"Some text about the questionnaire"})
	wb, err := b.read(Overrides{})
	b.must(err)
	got := map[string]string{}
	for _, s := range wb.Sheets {
		got[s.Name] = s.Skipped
	}
	if got["Questions"] != "hidden sheet" || got["Response"] != "" || !strings.HasPrefix(got["Notes"], "no header row") {
		t.Errorf("skipped = %q", got)
	}
	s := wb.Checklists()[0]
	if q := questions(s); !reflect.DeepEqual(q, []string{"Do you encrypt data at rest?", "Do you log access?"}) {
		t.Errorf("questions = %q (the hidden row 3 must not be read)", q)
	}
}

func TestItemAndDescription(t *testing.T) {
	b := newBook(t, "SLA")
	b.rows("SLA", 2, []string{"", "項番", "項目", "内容", "回答欄", "補足"},
		[]string{"", "S-1", "稼働率", "月間稼働率の保証値を記載してください。"},
		[]string{"", "S-2", "提供時間", "サービスの提供時間帯を記載してください。"})
	s := b.sheet("SLA")
	if s.Layout.QuestionCol != 3 || s.Layout.DetailCol != 4 || s.Layout.AnswerCol != 5 || s.Layout.RemarksCol != 6 {
		t.Fatalf("layout = %+v", s.Layout)
	}
	if got := s.Rows[0].Question; got != "稼働率\n月間稼働率の保証値を記載してください。" {
		t.Errorf("question = %q", got)
	}
}

// Beside a column plainly headed as the question (確認内容), a short item
// name of its own on every row is read with it; a category repeated down
// the rows is not.
func TestItemNameBesideQuestion(t *testing.T) {
	tests := []struct {
		name, header string
		items        [3]string
		detail       int
		first        string
	}{
		{"item names", "項目", [3]string{"時刻同期", "操作ログ", "媒体管理"}, 3, "時刻同期\nサーバの時刻を外部の基準に合わせていますか"},
		{"item names under a category header", "小項目", [3]string{"時刻同期", "操作ログ", "媒体管理"}, 3, "時刻同期\nサーバの時刻を外部の基準に合わせていますか"},
		{"a category", "項目", [3]string{"運用", "運用", "運用"}, 0, "サーバの時刻を外部の基準に合わせていますか"},
		{"a category under a category header", "分類", [3]string{"運用", "運用", "運用"}, 0, "サーバの時刻を外部の基準に合わせていますか"},
		{"a name missing", "項目", [3]string{"時刻同期", "", "媒体管理"}, 0, "サーバの時刻を外部の基準に合わせていますか"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t, "S")
			b.rows("S", 1, []string{"No.", tt.header, "確認内容", "回答", "備考"},
				[]string{"1", tt.items[0], "サーバの時刻を外部の基準に合わせていますか"},
				[]string{"2", tt.items[1], "管理者の操作を記録して保管していますか"},
				[]string{"3", tt.items[2], "USBメモリなど外部媒体の利用を制限していますか"})
			s := b.sheet("S")
			if s.Layout.AnswerCol != 4 || s.Layout.DetailCol != tt.detail {
				t.Fatalf("layout = %+v, want detail column %d", s.Layout, tt.detail)
			}
			if got := s.Rows[0].Question; got != tt.first {
				t.Errorf("question = %q, want %q", got, tt.first)
			}
		})
	}
}

func TestMarkColumns(t *testing.T) {
	b := newBook(t, "CAIQ")
	b.rows("CAIQ", 1, []string{"", "Question ID", "Consensus Assessment Questions", "Consensus Assessment Answers", "", "", "Notes"},
		nil,
		[]string{"", "", "", "Yes", "No", "Not Applicable"},
		[]string{"", "AIS-01.1", "Do you use industry standards to build in security?"},
		[]string{"", "AIS-01.2", "Is source code scanned by a tool before release?", "", "x"})
	b.merge("CAIQ", "D1", "F2")
	s := b.sheet("CAIQ")
	if s.Layout.AnswerCol != 4 || len(s.Layout.MarkCols) != 3 || s.Layout.RemarksCol != 7 {
		t.Fatalf("layout = %+v", s.Layout)
	}
	if !reflect.DeepEqual(s.Headers, []int{1, 2, 3}) {
		t.Errorf("headers = %v, want stacked 1..3", s.Headers)
	}
	if len(s.Rows) != 2 || s.Rows[0].Answered || !s.Rows[1].Answered || s.Rows[1].Answer != "No" {
		t.Errorf("rows = %+v", s.Rows)
	}
	if s.Rows[0].MarkCells["Not Applicable"] != "F4" {
		t.Errorf("mark cells = %v", s.Rows[0].MarkCells)
	}
}

func TestFormulaQuestionsAndLockedAnswers(t *testing.T) {
	b := newBook(t, "Checklist")
	b.rows("Checklist", 1, []string{"Category", "Test Name", "Status", "Notes"})
	b.must(b.f.SetCellFormula("Checklist", "B2", `HYPERLINK("https://example.org/a","Test for weak ""TLS"" ciphers")`))
	b.rows("Checklist", 2, []string{"Crypto", "", "Not Started"})
	b.rows("Checklist", 3, []string{"Crypto", "Test session timeout handling", "Not Started"})
	b.rows("Checklist", 4, []string{"Crypto", "Test for padding oracle issues", "Not Started"})
	b.must(b.f.SetCellFormula("Checklist", "C4", `"Pass"`))
	s := b.sheet("Checklist")
	if len(s.Rows) != 3 {
		t.Fatalf("rows = %d, want 3", len(s.Rows))
	}
	if s.Rows[0].Question != `Test for weak "TLS" ciphers` {
		t.Errorf("hyperlink label = %q", s.Rows[0].Question)
	}
	if s.Rows[0].Answered || s.Rows[1].Answered {
		t.Errorf("'Not Started' must count as empty: %+v", s.Rows[:2])
	}
	if !s.Rows[2].Locked {
		t.Errorf("formula answer cell not locked: %+v", s.Rows[2])
	}
}

// A formula in a remarks cell, an extra answer cell or a mark cell is the
// customer's, though it shows nothing (=IF(C2="","",…)): the row gets no
// remarks cell, no such extra, and is locked for a mark cell.
func TestFormulaRemarksExtrasAndMarks(t *testing.T) {
	b := newBook(t, "CAIQ")
	_, err := b.f.NewSheet("Marks")
	b.must(err)
	b.rows("CAIQ", 1,
		[]string{"Question ID", "Question", "Answer", "SSRM Control Ownership", "Notes"},
		[]string{"A-01", "Are audit policies established and reviewed?"},
		[]string{"A-02", "Are audits performed at least annually?"})
	b.list("CAIQ", "C2:C3", "Yes", "No", "NA")
	b.list("CAIQ", "D2:D3", "CSP-owned", "CSC-owned")
	b.must(b.f.SetCellFormula("CAIQ", "D2", `IF(C2="","","CSP-owned")`))
	b.must(b.f.SetCellFormula("CAIQ", "E3", `IF(C3="No","Explain","")`))
	b.rows("Marks", 1,
		[]string{"No.", "質問", "はい", "いいえ", "備考"},
		[]string{"1", "データセンターは国内にありますか"},
		[]string{"2", "バックアップを取得していますか"})
	b.must(b.f.SetCellFormula("Marks", "D3", `IF(C3="○","","")`))
	s := b.sheet("CAIQ")
	if len(s.Rows) != 2 {
		t.Fatalf("rows = %d, want 2", len(s.Rows))
	}
	if r := s.Rows[0]; len(r.Extras) != 0 || r.RemarksCell != "E2" {
		t.Errorf("row 2: extras %+v, remarks cell %q; want none, E2", r.Extras, r.RemarksCell)
	}
	if r := s.Rows[1]; len(r.Extras) != 1 || r.Extras[0].Cell != "D3" || r.RemarksCell != "" {
		t.Errorf("row 3: extras %+v, remarks cell %q; want D3, none", r.Extras, r.RemarksCell)
	}
	m := b.sheet("Marks")
	if len(m.Rows) != 2 || m.Rows[0].MarkCells == nil {
		t.Fatalf("mark rows %+v", m.Rows)
	}
	if m.Rows[0].Locked || !m.Rows[1].Locked {
		t.Errorf("locked: %v, %v; want false, true", m.Rows[0].Locked, m.Rows[1].Locked)
	}
}

// An array formula (or a dynamic array's spill) holds its formula in its
// first cell only; the rest of its range is the formula's too.
func TestArrayFormulaRange(t *testing.T) {
	b := newBook(t, "Checklist")
	b.rows("Checklist", 1,
		[]string{"No.", "質問", "回答", "備考"},
		[]string{"1", "データセンターは国内にありますか"},
		[]string{"2", "バックアップを取得していますか"},
		[]string{"3", "多要素認証に対応していますか"},
		[]string{"4", "ログを保管していますか"})
	array, ref := excelize.STCellFormulaTypeArray, "C3:C4"
	b.must(b.f.SetCellFormula("Checklist", "C3", `IF(A3:A4="","","")`, excelize.FormulaOpts{Type: &array, Ref: &ref}))
	s := b.sheet("Checklist")
	var got []bool
	for _, r := range s.Rows {
		got = append(got, r.Locked)
	}
	if fmt.Sprint(got) != "[false true true false]" {
		t.Errorf("locked %v, want rows 3 and 4", got)
	}
}

// In a table whose questions carry IDs, a follow-up without one of its own
// (「はい」の場合、…記載してください) is a question of the row above, and a
// row that asks is never taken for a section heading that the rows below
// would be read under.
func TestFollowUpWithoutID(t *testing.T) {
	b := newBook(t, "回答シート")
	b.rows("回答シート", 1,
		[]string{"項番", "大項目", "質問内容", "回答欄", "補足説明"},
		[]string{"1", "組織", "情報セキュリティ責任者を任命していますか"},
		[]string{"", "", "「はい」の場合、その役職を記載してください"},
		[]string{"2", "組織", "情報セキュリティポリシーを策定していますか"},
		[]string{"", "", "以下の項目は該当する場合のみご回答ください"},
		[]string{"3", "技術", "保存データを暗号化していますか"},
		[]string{"4", "技術", "多要素認証に対応していますか"})
	s := b.sheet("回答シート")
	var got []string
	for _, r := range s.Rows {
		got = append(got, fmt.Sprintf("%d %s|%t|%t", r.Row, r.Section, r.Follows != "", r.OnYes()))
	}
	want := []string{"2 組織|false|false", "3 組織|true|true", "4 組織|false|false", "6 技術|false|false", "7 技術|false|false"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n%q\nwant\n%q", got, want)
	}
}

// In a protected sheet the cells left locked are not for input: a row
// whose answer cell is locked is Protected, a locked remarks cell is no
// remarks cell. An unprotected sheet's locked cells are written as ever.
func TestProtectedSheetLockedCells(t *testing.T) {
	for _, protect := range []bool{true, false} {
		b := newBook(t, "Checklist")
		b.rows("Checklist", 1,
			[]string{"No.", "質問", "回答", "備考"},
			[]string{"1", "データセンターは国内にありますか"},
			[]string{"2", "バックアップを取得していますか"},
			[]string{"3", "多要素認証に対応していますか"})
		open, err := b.f.NewStyle(&excelize.Style{Protection: &excelize.Protection{Locked: false}})
		b.must(err)
		b.must(b.f.SetCellStyle("Checklist", "C2", "D2", open))
		b.must(b.f.SetCellStyle("Checklist", "C3", "C3", open))
		b.must(b.f.SetCellStyle("Checklist", "D4", "D4", open))
		if protect {
			b.must(b.f.ProtectSheet("Checklist", &excelize.SheetProtectionOptions{}))
		}
		s := b.sheet("Checklist")
		if len(s.Rows) != 3 {
			t.Fatalf("rows = %d, want 3", len(s.Rows))
		}
		var got []string
		for _, r := range s.Rows {
			got = append(got, fmt.Sprintf("%v %s", r.Protected, r.RemarksCell))
		}
		want := "false D2,false ,true D4"
		if !protect {
			want = "false D2,false D3,false D4"
		}
		if strings.Join(got, ",") != want {
			t.Errorf("protected %v: rows %q, want %s", protect, got, want)
		}
	}
}

// The sheetProtection element turns protection on only with sheet="1".
func TestSheetProtected(t *testing.T) {
	for xml, want := range map[string]bool{
		`<worksheet><sheetData/></worksheet>`:                                            false,
		`<worksheet><sheetData/><sheetProtection sheet="1" objects="1"/></worksheet>`:    true,
		`<worksheet><sheetProtection algorithmName="SHA-512" sheet='true'/></worksheet>`: true,
		`<worksheet><sheetProtection sheet="0"/></worksheet>`:                            false,
		`<worksheet><sheetProtection objects="1"/></worksheet>`:                          false,
		`<worksheet><sheetProtectionX sheet="1"/></worksheet>`:                           false,
		`<worksheet><sheetProtectionX/><sheetProtection
			sheet="1"/></worksheet>`: true,
		`<worksheet><sheetProtection`: false,
	} {
		if got := sheetProtected([]byte(xml)); got != want {
			t.Errorf("%s: %v, want %v", xml, got, want)
		}
	}
}

func TestRepeatedHeadersUnlabelledQuestion(t *testing.T) {
	b := newBook(t, "Vendor Response")
	sh := "Vendor Response"
	b.rows(sh, 1,
		[]string{"Vendor security questionnaire"},
		nil,
		[]string{"Documentation", "", "Vendor Answers", "Additional Information", "Guidance"},
		[]string{"DOCU-01", "Was your service audited against SSAE 18 this year?", " "},
		[]string{"DOCU-02", "Do you follow a recognised security framework?"},
		[]string{"", "", "", "", "", "End Table Data"},
		[]string{"Application Security", "", "Vendor Answers", "Additional Information", "Guidance"},
		[]string{"APPL-01", "Do rules decide who may use the institution's accounts?"},
		[]string{"Copyright © 2025 Someone. All rights reserved."},
	)
	s := b.sheet(sh)
	if s.Layout.QuestionCol != 2 || s.Layout.IDCol != 1 || s.Layout.AnswerCol != 3 || s.Layout.RemarksCol != 4 {
		t.Fatalf("layout = %+v", s.Layout)
	}
	if !reflect.DeepEqual(s.Headers, []int{3, 7}) {
		t.Errorf("headers = %v", s.Headers)
	}
	if len(s.Rows) != 3 {
		t.Fatalf("questions = %q", questions(s))
	}
	if s.Rows[0].Answered {
		t.Errorf("a single space is not an answer")
	}
	if s.Rows[2].Section != "Application Security" {
		t.Errorf("section = %q", s.Rows[2].Section)
	}
}

func TestDropdownSources(t *testing.T) {
	b := newBook(t, "Q")
	_, err := b.f.NewSheet("Lists")
	b.must(err)
	b.rows("Lists", 1, []string{"Yes"}, []string{"No"}, []string{"N/A"})
	b.must(b.f.SetSheetVisible("Lists", false))
	b.must(b.f.SetDefinedName(&excelize.DefinedName{Name: "YesNo", RefersTo: "Lists!$A$1:$A$2"}))
	b.rows("Q", 1, []string{"ID", "Question", "Answer"},
		[]string{"1", "Is data encrypted?"}, []string{"2", "Is MFA supported?"}, []string{"3", "Are backups tested?"},
		[]string{"4", "Is there a WAF?"}, []string{"5", "Is there an IDS?"})
	// The list of rows 5 and 6 sits on the sheet itself (as OWASP's WSTG
	// checklist keeps its statuses), named without the sheet.
	b.rows("Q", 1, []string{"", "", "", "", "", "", "Pass"}, []string{"", "", "", "", "", "", "Fail"})
	for _, d := range []struct{ cell, source string }{
		{"C2", "Lists!$A$1:$A$3"}, {"C3", "YesNo"}, {"C5", "$G$1:$G$2"}, {"C6", "G1:G2"},
	} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = d.cell
		dv.SetSqrefDropList(d.source)
		b.must(b.f.AddDataValidation("Q", dv))
	}
	s := b.sheet("Q")
	if got := s.Rows[0].Choices; !reflect.DeepEqual(got, []string{"Yes", "No", "N/A"}) {
		t.Errorf("range choices = %q", got)
	}
	if got := s.Rows[1].Choices; !reflect.DeepEqual(got, []string{"Yes", "No"}) {
		t.Errorf("named choices = %q", got)
	}
	if s.Rows[2].Choices != nil {
		t.Errorf("free-text cell has choices %q", s.Rows[2].Choices)
	}
	for _, i := range []int{3, 4} {
		if got := s.Rows[i].Choices; !reflect.DeepEqual(got, []string{"Pass", "Fail"}) {
			t.Errorf("row %d: choices from a range of the sheet itself = %q", s.Rows[i].Row, got)
		}
	}
}

func TestStaleValuesUnderMerges(t *testing.T) {
	b := newBook(t, "S")
	b.rows("S", 1, []string{"Control", "ID", "Question", "Answer"},
		[]string{"TVM-02", "TVM-02.1", "Do you scan for vulnerabilities?"},
		[]string{"IS-20", "TVM-02.2", "Do you patch within 30 days?"})
	b.merge("S", "A2", "A3")
	s := b.sheet("S")
	if len(s.Rows) != 2 || strings.Contains(s.Rows[1].Section, "IS-20") {
		t.Errorf("stale value under merge leaked: %+v", s.Rows)
	}
}

func TestNoQuestionColumn(t *testing.T) {
	b := newBook(t, "Memo")
	b.rows("Memo", 1, []string{"Just a note"}, []string{"another note"})
	_, err := b.read(Overrides{})
	// The flags that help are the command line's to name (the web page
	// has none), so the reader's error names the sheets only.
	if !errors.Is(err, ErrNoQuestionColumn) || !strings.Contains(err.Error(), `"Memo"`) || strings.Contains(err.Error(), "--") {
		t.Fatalf("err = %v", err)
	}
}

func TestOverrides(t *testing.T) {
	b := newBook(t, "Odd")
	b.rows("Odd", 1, []string{"x", "y", "z"}, []string{"a", "What is your backup policy for all databases?", ""}, []string{"b", "Do you encrypt every disk in the data center?", ""})
	wb, err := b.read(Overrides{HeaderRow: 1, QuestionCol: "B", AnswerCol: "C"})
	b.must(err)
	s := wb.Checklists()[0]
	if len(s.Rows) != 2 || s.Rows[0].AnswerCell != "C2" {
		t.Fatalf("rows = %+v", s.Rows)
	}
	if err := (Overrides{AnswerCol: "3"}).Validate(); err == nil {
		t.Error("column '3' accepted")
	}
}

func TestOpenErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"text", []byte("hello, not a workbook"), ErrNotExcel},
		{"truncated zip", []byte("PK\x03\x04\x14\x00\x00\x00"), ErrTruncated},
		{"ole2", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...), ErrLegacyXLS},
		{"empty", nil, ErrNotExcel},
	}
	tmpl, err := os.ReadFile(filepath.Join("..", "..", "templates", "security_checklist_ja.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(i*7919 + i/13)
	}
	tests = append(tests,
		struct {
			name string
			data []byte
			want error
		}{"half a real workbook", tmpl[:len(tmpl)/2], ErrTruncated},
		struct {
			name string
			data []byte
			want error
		}{"zip magic then noise", append([]byte("PK\x03\x04"), noise...), ErrTruncated},
	)
	for _, tt := range tests {
		_, err := OpenBytes(tt.data, "x.xlsx", OpenOptions{})
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
	if _, err := OpenBytes([]byte("x"), "old.xls", OpenOptions{}); !errors.Is(err, ErrLegacyXLS) {
		t.Errorf(".xls name: err = %v", err)
	}
}

func TestEncrypted(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "Question")
	var buf bytes.Buffer
	if err := f.Write(&buf, excelize.Options{Password: "secret"}); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenBytes(buf.Bytes(), "e.xlsx", OpenOptions{}); !errors.Is(err, ErrEncrypted) {
		t.Errorf("no password: err = %v", err)
	}
	if _, err := OpenBytes(buf.Bytes(), "e.xlsx", OpenOptions{Password: "wrong"}); !errors.Is(err, ErrBadPasswd) {
		t.Errorf("wrong password: err = %v", err)
	}
	g, err := OpenBytes(buf.Bytes(), "e.xlsx", OpenOptions{Password: "secret"})
	if err != nil {
		t.Fatalf("right password: %v", err)
	}
	g.Close()
}

func TestZipBombLimit(t *testing.T) {
	f := excelize.NewFile()
	for r := 1; r <= 2000; r++ {
		c, _ := excelize.CoordinatesToCellName(1, r)
		f.SetCellStr("Sheet1", c, strings.Repeat("x", 200))
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	_, err := OpenBytes(buf.Bytes(), "big.xlsx", OpenOptions{UnzipLimit: 64 << 10})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

// seedFiles are the workbooks the fuzzer starts from: the bundled
// templates, and the real-world files when ../shared is there.
func seedFiles(tb testing.TB) [][]byte {
	var out [][]byte
	for _, pat := range []string{"../../templates/*.xlsx", "../../../shared/realworld/*.xlsx"} {
		files, _ := filepath.Glob(pat)
		for _, fn := range files {
			b, err := os.ReadFile(fn)
			// Larger packages make each run take seconds under the
			// fuzzer's instrumentation, so it would never get past them.
			if err == nil && len(b) < 128<<10 {
				out = append(out, b)
			}
		}
	}
	return out
}

func FuzzRead(f *testing.F) {
	for _, b := range seedFiles(f) {
		f.Add(b)
	}
	f.Add([]byte("PK\x03\x04"))
	// Categories written once per group, short items and follow-ups,
	// which the templates lack.
	x := excelize.NewFile()
	for i, r := range [][]any{{"No.", "大項目", "確認項目", "回答"}, {1, "バックアップ", "保存期間"}, {2, nil, "上記の世代数"}, {3, "ログ", "保存期間"}, {4, nil, "「はい」の場合、その方法"}} {
		x.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &r)
	}
	var buf bytes.Buffer
	if err := x.Write(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		wb, err := OpenBytes(data, "fuzz.xlsx", OpenOptions{UnzipLimit: 32 << 20, XMLLimit: 8 << 20})
		if err != nil {
			return
		}
		defer wb.Close()
		_, _ = Read(wb.File, Overrides{})
	})
}

func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "templates", "security_checklist_ja.xlsx"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		f, err := OpenBytes(data, "t.xlsx", OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Read(f.File, Overrides{}); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

// A merge over a whole wide sheet would make the reader record millions
// of covered cells: it is refused with an error instead.
func TestHugeMergeRefused(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "No.")
	f.SetCellStr("Sheet1", "B1", "質問")
	f.SetCellStr("Sheet1", "C1", "回答")
	f.SetCellStr("Sheet1", "B2", "バックアップを取得していますか？")
	f.SetCellStr("Sheet1", "XFD71", "x") // the sheet is as wide as the merge
	if err := f.MergeCell("Sheet1", "D3", "XFD70"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	wb, err := OpenBytes(buf.Bytes(), "m.xlsx", OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	if _, err := Read(wb.File, Overrides{}); !errors.Is(err, ErrHugeMerge) {
		t.Fatalf("got %v, want ErrHugeMerge", err)
	}
}

// A value a blank template already holds is the customer's (MASVS-ja
// pre-prints N/A on its Level-2-only rows), unless the same preset
// stands on nearly every row.
func TestPresetAnswers(t *testing.T) {
	tests := []struct {
		name     string
		preset   string
		every    int // the preset stands on rows i with i%every == 0
		answered int
	}{
		{"N/A on a third of the rows is the customer's", "N/A", 3, 7},
		{"N/A on half the rows is the customer's", "N/A", 2, 10},
		{"N/A on every row waits for an answer", "N/A", 1, 0},
		{"- on every row waits for an answer", "-", 1, 0},
		{"Pass on every row is an answer", "Pass", 1, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t, "Checklist").rows("Checklist", 1, []string{"No.", "Requirement", "Result"})
			for i := 0; i < 20; i++ {
				ans := ""
				if i%tt.every == 0 {
					ans = tt.preset
				}
				b.rows("Checklist", i+2, []string{fmt.Sprint(i + 1), fmt.Sprintf("Is requirement number %d of the application met?", i+1), ans})
			}
			s := b.sheet("Checklist")
			n := 0
			for _, r := range s.Rows {
				if r.Answered {
					n++
				}
			}
			if n != tt.answered {
				t.Errorf("%d rows answered, want %d", n, tt.answered)
			}
		})
	}
}

// A template that writes each item's own name in its value cell waits for
// the values; a value that only shares words with its item is an answer.
func TestItemNameAsPlaceholder(t *testing.T) {
	s := newBook(t, "Vendor").rows("Vendor", 1,
		[]string{"ID", "Question", "Answer"},
		[]string{"GN-01", "Vendor Contact Name", "Vendor Contact Name"},
		[]string{"GN-02", "Vendor Contact Title", "vendor contact title "},
		[]string{"GN-03", "Product Name", "Product Name: Acme Cloud"},
		[]string{"GN-04", "Vendor Name", "Acme Inc."},
	).sheet("Vendor")
	var got []bool
	for _, r := range s.Rows {
		got = append(got, r.Answered)
	}
	if want := []bool{false, false, true, true}; !slices.Equal(got, want) {
		t.Errorf("answered %v, want %v", got, want)
	}
}

// A template's worked example is not a question: its example answer (an
// example, so a placeholder) must not make qfill write over it.
func TestExampleRowsAreNotQuestions(t *testing.T) {
	s := newBook(t, "Q").rows("Q", 1,
		[]string{"No.", "質問", "回答"},
		[]string{"例", "パスワードは8文字以上ですか", "はい（12文字以上）"},
		[]string{"", "（記入例）パスワードは8文字以上ですか", "例：はい、12文字以上です"},
		[]string{"Example", "Are passwords at least 8 characters?", "e.g. Yes"},
		[]string{"1", "例外処理の手順を定めていますか", ""},
		[]string{"2", "Is sample data deleted after testing?", ""},
		[]string{"3", "バックアップを取得していますか", ""},
	).sheet("Q")
	want := []string{"例外処理の手順を定めていますか", "Is sample data deleted after testing?", "バックアップを取得していますか"}
	if got := questions(s); !slices.Equal(got, want) {
		t.Errorf("questions %q, want %q", got, want)
	}
}

// A sheet whose questions are copied by formula from another checklist
// (guidance beside each question, as HECVAT's Analyst Reference) is no
// sheet to answer; one that looks its questions up from a hidden sheet
// (no checklist) is. The real case is in the realworld inspect golden.
func TestCopiedQuestionSheets(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "HECVAT - Lite")
	f.NewSheet("Guide")
	var rows []Row
	for r := 2; r <= 7; r++ {
		f.SetCellFormula("Guide", fmt.Sprintf("A%d", r), fmt.Sprintf("'HECVAT - Lite'!A%d", r))
		f.SetCellFormula("Guide", fmt.Sprintf("B%d", r), fmt.Sprintf("VLOOKUP(A%d,'HECVAT - Lite'!A$2:B$7,2,FALSE)", r))
		rows = append(rows, Row{Row: r})
	}
	for _, tt := range []struct {
		name        string
		sourceSkip  string
		wantSkipped bool
	}{
		{"copies of a visible checklist", "", true},
		{"look-ups into a hidden sheet", "hidden sheet", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			wb := &Workbook{Sheets: []*Sheet{
				{Name: "HECVAT - Lite", Layout: Layout{IDCol: 1, QuestionCol: 2, AnswerCol: 3}, Rows: rows, Skipped: tt.sourceSkip},
				{Name: "Guide", Layout: Layout{IDCol: 1, QuestionCol: 3, AnswerCol: 4}, Rows: rows},
				{Name: "Other", Layout: Layout{IDCol: 1, QuestionCol: 2, AnswerCol: 3}, Rows: rows},
			}}
			skipCopies(f, wb, nil)
			if got := strings.Contains(wb.Sheets[1].Skipped, `copied by formula from sheet "HECVAT - Lite"`); got != tt.wantSkipped {
				t.Errorf("Guide skipped %q, want skipped as a copy: %v", wb.Sheets[1].Skipped, tt.wantSkipped)
			}
			if wb.Sheets[0].Skipped != tt.sourceSkip || wb.Sheets[2].Skipped != "" {
				t.Errorf("the other sheets changed: %q, %q", wb.Sheets[0].Skipped, wb.Sheets[2].Skipped)
			}
		})
	}
}

// A labelled column right of the question whose every question row takes
// a dropdown is a further answer (CAIQ v4's SSRM Control Ownership); a
// column without one, or with one on some rows only, is not.
func TestExtraAnswerColumns(t *testing.T) {
	b := newBook(t, "CAIQ")
	b.rows("CAIQ", 1,
		[]string{"Question ID", "Question", "CSP CAIQ Answer", "SSRM Control Ownership", "CSP Implementation Description", "Reviewer"},
		[]string{"A-01", "Are audit policies established and reviewed?"},
		[]string{"A-02", "Are audits performed at least annually?"},
		[]string{"A-03", "Are audit results shared with customers?"})
	b.list("CAIQ", "C2:C4", "Yes", "No", "NA")
	b.list("CAIQ", "D2:D4", "CSP-owned", "CSC-owned", "Shared CSP and CSC")
	b.list("CAIQ", "F2", "Alice", "Bob")
	s := b.sheet("CAIQ")
	if got := s.Layout.ExtraCols; len(got) != 1 || got[4] != "SSRM Control Ownership" {
		t.Fatalf("extra columns %v, want D only", got)
	}
	x := s.Rows[1].Extras
	if len(x) != 1 || x[0].Cell != "D3" || len(x[0].Choices) != 3 {
		t.Errorf("row 3 extras %+v", x)
	}
}

// A domain column right of the answers (CAIQ v4's "CCM Domain Title")
// names each row's section, as a category column left of the question
// does; a version in the title row is no question ID and no section.
func TestDomainColumnRight(t *testing.T) {
	b := newBook(t, "CAIQ")
	b.rows("CAIQ", 1,
		[]string{"v4.0.3", "CONSENSUS ASSESSMENTS INITIATIVE QUESTIONNAIRE"},
		[]string{"Question ID", "Question", "Answer", "Notes", "CCM Domain Title"},
		[]string{"A&A-01.1", "Are audit and assurance policies established?", "", "", "Audit & Assurance"},
		[]string{"A&A-02.1", "Are independent audits performed annually?", "", "", ""},
		[]string{"BCR-01.1", "Is a business continuity plan established?", "", "", "Business Continuity"})
	b.merge("CAIQ", "E3", "E4")
	s := b.sheet("CAIQ")
	var got []string
	for _, r := range s.Rows {
		got = append(got, r.Section)
	}
	if want := "Audit & Assurance,Audit & Assurance,Business Continuity"; strings.Join(got, ",") != want {
		t.Errorf("sections %q, want %s", got, want)
	}
}

// A category written once at the top of its group and left blank below,
// not merged, applies to the rows under it, as a reader reads it: until
// its column, or one to its left, says otherwise, or a section begins.
// The items, short and repeated under other categories, are the questions.
func TestCategoriesCarriedDown(t *testing.T) {
	b := newBook(t, "Sheet1")
	b.rows("Sheet1", 1,
		[]string{"No.", "大項目", "中項目", "確認項目", "回答"},
		[]string{"1", "物理", "入退室", "記録の保存期間"},
		[]string{"2", "", "", "入館証の発行"},
		[]string{"3", "", "監視カメラ", "保存期間"},
		[]string{"4", "運用", "", "取得頻度"},
		[]string{"5", "", "バックアップ", "保存期間"},
		[]string{"■ その他"},
		[]string{"6", "", "", "保険への加入"},
	)
	sections := func(b *book) []string {
		var got []string
		for _, r := range b.sheet("Sheet1").Rows {
			got = append(got, r.Section)
		}
		return got
	}
	got := sections(b)
	want := []string{"物理 > 入退室", "物理 > 入退室", "物理 > 監視カメラ", "運用", "運用 > バックアップ", "■ その他"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sections = %q, want %q", got, want)
	}

	// 大項目 merged down its group, 中項目 written once per subgroup: the
	// rest of the merge does not clear 中項目, the next merge does.
	b = newBook(t, "Sheet1")
	b.rows("Sheet1", 1,
		[]string{"No.", "大項目", "中項目", "確認項目", "回答"},
		[]string{"1", "組織", "体制", "方針の策定"},
		[]string{"2", "", "", "責任者の任命"},
		[]string{"3", "", "人的", "秘密保持契約"},
		[]string{"4", "", "", "教育の頻度"},
		[]string{"5", "組織", "", "内部監査"},
		[]string{"6", "", "", "外部監査"},
	).merge("Sheet1", "B2", "B5").merge("Sheet1", "B6", "B7")
	got = sections(b)
	want = []string{"組織 > 体制", "組織 > 体制", "組織 > 人的", "組織 > 人的", "組織", "組織"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merged: sections = %q, want %q", got, want)
	}
}

func TestFollowUp(t *testing.T) {
	for _, tt := range []struct {
		q, rest         string
		ok, onYes, onNo bool
	}{
		{"上記の保存期間を記載してください。", "保存期間を記載してください。", true, false, false},
		{"上記で「はい」の場合、取得頻度を記載してください。", "取得頻度を記載してください。", true, true, false},
		{"「はい」と回答した場合、その方式を記入してください", "その方式を記入してください", true, true, false},
		{"（はいの場合）その頻度", "その頻度", true, true, false},
		{"上記記録の保管期間", "記録の保管期間", true, false, false},
		{"前問の削除までの期間", "削除までの期間", true, false, false},
		{"If yes, how often are they tested?", "how often are they tested?", true, true, false},
		{"If so, for how long?", "for how long?", true, true, false},
		{"上記で「いいえ」の場合、その理由を記載してください", "その理由を記載してください", true, false, true},
		{"「いいえ」と回答した場合、代替策を記入してください", "代替策を記入してください", true, false, true},
		{"「無」の場合、今後の予定", "今後の予定", true, false, true},
		{"If not, please explain.", "please explain.", true, false, true},
		{"If no: describe the alternative", "describe the alternative", true, false, true},
		{"If no customer data is stored, skip this section", "If no customer data is stored, skip this section", false, false, false},
		{"該当なしの場合は「－」を記入してください", "該当なしの場合は「－」を記入してください", false, false, false},
		{"If software is developed in-house, is it reviewed?", "If software is developed in-house, is it reviewed?", false, false, false},
		{"上記以外の対策があれば記載してください", "上記以外の対策があれば記載してください", false, false, false}, // other than the above
		{"上記", "上記", false, false, false},
		{"バックアップを取得していますか", "バックアップを取得していますか", false, false, false},
		{"はい／いいえで回答してください", "はい／いいえで回答してください", false, false, false},
	} {
		if rest, ok := FollowUp(tt.q); rest != tt.rest || ok != tt.ok {
			t.Errorf("FollowUp(%q) = %q, %v; want %q, %v", tt.q, rest, ok, tt.rest, tt.ok)
		}
		r := Row{Question: tt.q}
		if tt.ok {
			r.Follows = "バックアップを取得していますか"
		}
		if got := r.OnYes(); got != tt.onYes {
			t.Errorf("OnYes(%q) = %v, want %v", tt.q, got, tt.onYes)
		}
		if got := r.OnNo(); got != tt.onNo {
			t.Errorf("OnNo(%q) = %v, want %v", tt.q, got, tt.onNo)
		}
	}
}

// A follow-up row refers back to the last question above it that is no
// follow-up itself, and is asked with it after its own words.
func TestFollowUpRows(t *testing.T) {
	b := newBook(t, "Sheet1")
	b.rows("Sheet1", 1,
		[]string{"No.", "質問", "回答"},
		[]string{"1", "ログを取得していますか。"},
		[]string{"2", "上記の保存期間を記載してください。"},
		[]string{"3", "上記で「はい」の場合、保護の方法を記載してください。"},
		[]string{"4", "上記以外の記録があれば記載してください。"},
	)
	s := b.sheet("Sheet1")
	var got []string
	for _, r := range s.Rows {
		got = append(got, r.Asked())
	}
	want := []string{"ログを取得していますか。", "保存期間を記載してください。ログを取得していますか。", "保護の方法を記載してください。ログを取得していますか。", "上記以外の記録があれば記載してください。"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("asked = %q, want %q", got, want)
	}
}

// A tab too large to be a checklist (a value in the last column of every
// row, text below the row limit, merges over a million cells) is passed over, saying why, when
// another sheet is the checklist; chosen alone, it refuses the workbook.
func TestOversizedTabsSkipped(t *testing.T) {
	b := newBook(t, "Checklist").rows("Checklist", 1,
		[]string{"No.", "質問", "回答"},
		[]string{"1", "データのバックアップを取得していますか？", ""},
		[]string{"2", "通信は暗号化されていますか？", ""})
	for _, name := range []string{"Wide", "Long", "Banner"} {
		_, err := b.f.NewSheet(name)
		b.must(err)
	}
	for r := 1; r <= 260; r++ {
		b.rows("Long", r, []string{"log line"})
	}
	b.rows("Banner", 1, []string{"notes"})
	b.must(b.f.SetCellStr("Banner", "XFD71", "x"))
	b.merge("Banner", "A2", "XFD70")
	var buf bytes.Buffer
	b.must(b.f.Write(&buf))
	// excelize would hold every cell up to XFD of each row it writes:
	// the wide sheet is written as XML.
	var wide strings.Builder
	wide.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := 1; r <= 300; r++ {
		fmt.Fprintf(&wide, `<row r="%d"><c r="A%d" t="str"><v>item</v></c><c r="XFD%d" t="str"><v>x</v></c></row>`, r, r, r)
	}
	wide.WriteString(`</sheetData></worksheet>`)
	pkg := ziptest.Replace(t, buf.Bytes(), "xl/worksheets/sheet2.xml", []byte(wide.String()))
	read := func(ov Overrides) (*Workbook, error) {
		f, err := OpenBytes(pkg, "test.xlsx", OpenOptions{})
		b.must(err)
		defer f.Close()
		return Read(f.File, ov)
	}
	ov := Overrides{MaxRows: 250}
	wb, err := read(ov)
	if err != nil {
		t.Fatal(err)
	}
	skipped := map[string]string{}
	for _, s := range wb.Sheets {
		skipped[s.Name] = s.Skipped
	}
	if skipped["Checklist"] != "" || len(wb.Checklists()) != 1 || len(wb.Checklists()[0].Rows) != 2 {
		t.Errorf("the checklist: skipped %q, %d checklists", skipped["Checklist"], len(wb.Checklists()))
	}
	if !strings.HasPrefix(skipped["Wide"], "too many cells: the rows up to row 245") {
		t.Errorf("Wide skipped: %q", skipped["Wide"])
	}
	if !strings.HasPrefix(skipped["Long"], "too many rows: row 251 has text") {
		t.Errorf("Long skipped: %q", skipped["Long"])
	}
	if !strings.HasPrefix(skipped["Banner"], "merged areas too large") {
		t.Errorf("Banner skipped: %q", skipped["Banner"])
	}
	for name, want := range map[string]error{"Wide": ErrTooManyCells, "Long": ErrTooManyRows, "Banner": ErrHugeMerge} {
		ov.Sheet = name
		if _, err := read(ov); !errors.Is(err, want) || !strings.HasPrefix(err.Error(), fmt.Sprintf("sheet %q: ", name)) {
			t.Errorf("--sheet %s: %v, want %v", name, err, want)
		}
	}
}
