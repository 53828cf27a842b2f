package fill

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qfill/qfill/internal/xlsxdump"
	"github.com/qfill/qfill/internal/ziptest"
	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/match"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func sampleIndex(t testing.TB) *match.Index {
	t.Helper()
	c, err := corpus.Load(filepath.Join("..", "..", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	return match.New(c.Entries, match.DefaultConfig())
}

func templates(t testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "templates", "*.xlsx"))
	if len(files) < 2 {
		t.Fatalf("want at least two templates, found %v", files)
	}
	return files
}

func runFill(t *testing.T, ix *match.Index, in string, o Options) *Result {
	t.Helper()
	res, err := Run(Job{Input: in, Plan: o}, ix)
	if err != nil {
		t.Fatalf("fill %s: %v", in, err)
	}
	if len(res.Bytes) == 0 {
		t.Fatal("no package rendered")
	}
	return res
}

// fillBook saves f, fills it from entries and opens the filled copy.
func fillBook(t *testing.T, f *excelize.File, entries []*corpus.Entry, o Options) (*Result, *excelize.File) {
	t.Helper()
	in := filepath.Join(t.TempDir(), "in.xlsx")
	if err := f.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	res := runFill(t, match.New(entries, match.DefaultConfig()), in, o)
	g, err := excelize.OpenReader(bytes.NewReader(res.Bytes))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	return res, g
}

func dump(t *testing.T, data []byte) string {
	t.Helper()
	s, err := xlsxdump.Dump(data, xlsxdump.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestGolden fills every bundled template and compares a text dump of the
// output (cells, merges, validations, comments) and the plan with
// testdata/golden. Regenerate with: go test ./pkg/fill -run Golden -update
func TestGolden(t *testing.T) {
	ix := sampleIndex(t)
	for _, in := range templates(t) {
		name := strings.TrimSuffix(filepath.Base(in), ".xlsx")
		t.Run(name, func(t *testing.T) {
			res := runFill(t, ix, in, Options{})
			var got strings.Builder
			got.WriteString("# plan\n")
			for _, w := range Writes(res.Items) {
				got.WriteString(w + "\n")
			}
			for _, it := range res.Items {
				got.WriteString(string(it.Status) + " " + it.Sheet + "!" + it.AnswerCell + " " + it.EntryID + "\n")
			}
			got.WriteString("# workbook\n")
			got.WriteString(dump(t, res.Bytes))
			golden := filepath.Join("testdata", "golden", name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got.String() != string(want) {
				t.Errorf("output differs from %s; run `go test ./pkg/fill -run Golden -update` and review the diff", golden)
			}
		})
	}
}

func TestInputUnchangedAndDeterministic(t *testing.T) {
	ix := sampleIndex(t)
	for _, src := range templates(t) {
		data, _ := os.ReadFile(src)
		in := filepath.Join(t.TempDir(), filepath.Base(src))
		if err := os.WriteFile(in, data, 0o444); err != nil {
			t.Fatal(err)
		}
		before := sha256.Sum256(data)
		a := runFill(t, ix, in, Options{})
		b := runFill(t, ix, in, Options{})
		after, _ := os.ReadFile(in)
		if sha256.Sum256(after) != before {
			t.Errorf("%s: input modified", src)
		}
		if !bytes.Equal(a.Bytes, b.Bytes) {
			t.Errorf("%s: two fills gave different bytes", src)
		}
	}
}

// A second fill of a filled file keeps every answer: the cells stay the same.
func TestRefillChangesNothing(t *testing.T) {
	ix := sampleIndex(t)
	for _, src := range templates(t) {
		first := runFill(t, ix, src, Options{})
		if Count(first.Items).Filled == 0 {
			t.Fatalf("%s: nothing filled", src)
		}
		in := filepath.Join(t.TempDir(), "filled.xlsx")
		if err := os.WriteFile(in, first.Bytes, 0o644); err != nil {
			t.Fatal(err)
		}
		second := runFill(t, ix, in, Options{})
		if got := Count(second.Items).Filled; got != 0 {
			t.Errorf("%s: second fill wrote %d answers over existing ones", src, got)
		}
		if a, b := dump(t, first.Bytes), dump(t, second.Bytes); a != b {
			t.Errorf("%s: second fill changed the workbook", src)
		}
	}
}

// Parts qfill did not change are copied byte for byte.
func TestUntouchedPartsAreCopied(t *testing.T) {
	ix := sampleIndex(t)
	src := filepath.Join("..", "..", "templates", "vendor_assessment_en.xlsx")
	res := runFill(t, ix, src, Options{})
	orig, _ := os.ReadFile(src)
	in := readZip(t, orig)
	out := readZip(t, res.Bytes)
	changed := map[string]bool{}
	for name, data := range in {
		if !bytes.Equal(out[name], data) {
			changed[name] = true
		}
	}
	for name := range changed {
		switch {
		case strings.HasPrefix(name, "xl/worksheets/sheet2.xml"), name == "xl/worksheets/_rels/sheet2.xml.rels",
			name == "xl/styles.xml", name == "xl/sharedStrings.xml", name == "[Content_Types].xml",
			strings.HasPrefix(name, "xl/comments"), strings.HasPrefix(name, "xl/drawings/vml"):
		default:
			t.Errorf("part %s changed but qfill did not write there", name)
		}
	}
	for _, keep := range []string{"xl/workbook.xml", "xl/worksheets/sheet1.xml", "docProps/core.xml", "xl/theme/theme1.xml"} {
		if changed[keep] {
			t.Errorf("%s changed", keep)
		}
	}
}

// A corpus answer that looks like a formula is written as text.
func TestFormulaLikeAnswersStayText(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"No.", "Question", "Answer"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"1", "What is the total?"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"2", "Which command do you run?"})
	dir := t.TempDir()
	in := filepath.Join(dir, "in.xlsx")
	if err := f.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	ix := match.New([]*corpus.Entry{
		{ID: "a", Question: "What is the total?", Answer: "=SUM(1,2)"},
		{ID: "b", Question: "Which command do you run?", Answer: "@echo +1 -x"},
	}, match.DefaultConfig())
	res := runFill(t, ix, in, Options{})
	g, err := excelize.OpenReader(bytes.NewReader(res.Bytes))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	for cell, want := range map[string]string{"C2": "=SUM(1,2)", "C3": "@echo +1 -x"} {
		v, _ := g.GetCellValue("Sheet1", cell)
		fm, _ := g.GetCellFormula("Sheet1", cell)
		if v != want || fm != "" {
			t.Errorf("%s = %q formula %q, want text %q", cell, v, fm, want)
		}
	}
}

// threeQuestions is a sheet of three English questions (rows 2 to 4) with
// answer (C) and remarks (D) columns.
func threeQuestions() *excelize.File {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"No.", "Question", "Answer", "Remarks"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"1", "Do you take daily backups?"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"2", "Is data encrypted at rest?"})
	f.SetSheetRow("Sheet1", "A4", &[]any{"3", "Do you run penetration tests?"})
	return f
}

// A customer's formula in a remarks or mark cell survives a fill, even
// --overwrite, though it shows nothing: the answer's text goes to a
// comment on the answer cell instead.
func TestFormulasBesideAnswersKept(t *testing.T) {
	f := threeQuestions()
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "C2:C4"
	if err := dv.SetDropList([]string{"Yes", "No"}); err != nil {
		t.Fatal(err)
	}
	f.AddDataValidation("Sheet1", dv)
	remarks := `IF(C2="No","Please explain","")`
	f.SetCellFormula("Sheet1", "D2", remarks)
	f.NewSheet("Marks")
	f.SetSheetRow("Marks", "A1", &[]any{"No.", "質問", "はい", "いいえ", "備考"})
	f.SetSheetRow("Marks", "A2", &[]any{"1", "バックアップを毎日取得していますか"})
	f.SetSheetRow("Marks", "A3", &[]any{"2", "保存データを暗号化していますか"})
	f.SetSheetRow("Marks", "A4", &[]any{"3", "侵入テストを実施していますか"})
	mark := `IF(E2="","","x")`
	f.SetCellFormula("Marks", "D2", mark)
	res, g := fillBook(t, f, []*corpus.Entry{
		{ID: "bk", Question: "Do you take daily backups?", Answer: "Yes. Backups run every night and are kept for 30 days.", Choice: corpus.ChoiceYes},
		{ID: "bk-ja", Question: "バックアップを毎日取得していますか", Answer: "はい。毎日取得しています。", Choice: corpus.ChoiceYes},
	}, Options{Overwrite: true})
	if v, _ := g.GetCellValue("Sheet1", "C2"); v != "Yes" {
		t.Errorf("C2 = %q, want Yes", v)
	}
	for _, c := range []struct{ sheet, cell, want string }{{"Sheet1", "D2", remarks}, {"Marks", "D2", mark}} {
		if fm, _ := g.GetCellFormula(c.sheet, c.cell); fm != c.want {
			t.Errorf("%s!%s formula %q, want %q", c.sheet, c.cell, fm, c.want)
		}
	}
	cs, _ := g.GetComments("Sheet1")
	var text string
	for _, c := range cs {
		for _, p := range c.Paragraph {
			text += c.Cell + ": " + p.Text
		}
	}
	if want := "C2: Backups run every night"; !strings.HasPrefix(text, want) {
		t.Errorf("comments %q, want %q…", text, want)
	}
	for _, it := range res.Items {
		if it.Sheet == "Marks" && it.Row == 2 && it.Status != StatusKept {
			t.Errorf("Marks row 2 %s, want kept", it.Status)
		}
	}
}

// A protected sheet is filled in the cells it leaves unlocked only: a row
// whose answer cell is locked is kept, saying why, and a locked remarks
// cell gets nothing.
func TestProtectedSheetFilledWhereUnlocked(t *testing.T) {
	f := threeQuestions()
	open, err := f.NewStyle(&excelize.Style{Protection: &excelize.Protection{Locked: false}})
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStyle("Sheet1", "C2", "C3", open)
	if err := f.ProtectSheet("Sheet1", &excelize.SheetProtectionOptions{}); err != nil {
		t.Fatal(err)
	}
	res, g := fillBook(t, f, []*corpus.Entry{
		{ID: "bk", Question: "Do you take daily backups?", Answer: "Yes", Remarks: "Every night, kept for 30 days."},
		{ID: "enc", Question: "Is data encrypted at rest?", Answer: "Yes"},
		{ID: "pt", Question: "Do you run penetration tests?", Answer: "Yes"},
	}, Options{})
	for cell, want := range map[string]string{"C2": "Yes", "C3": "Yes", "C4": "", "D2": ""} {
		if v, _ := g.GetCellValue("Sheet1", cell); v != want {
			t.Errorf("%s = %q, want %q", cell, v, want)
		}
	}
	if cs, _ := g.GetComments("Sheet1"); len(cs) != 1 || cs[0].Cell != "C2" {
		t.Errorf("comments %+v, want the remarks on C2", cs)
	}
	if it := res.Items[2]; it.Status != StatusKept || !strings.Contains(it.Reason, "protected") {
		t.Errorf("row 4: %s (%s), want kept as protected", it.Status, it.Reason)
	}
}

// A cell whose input rule limits a text's length (a textLength
// validation) gets no longer text: an answer over the answer cell's limit
// is held for review, saying why; remarks over the remarks cell's go to a
// comment on the answer cell. An answer cell whose rule takes a number
// gets no text.
func TestInputRules(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"No.", "質問", "回答", "備考"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"1", "バックアップを毎日取得していますか"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"2", "データセンターの所在地を教えてください"})
	f.SetSheetRow("Sheet1", "A4", &[]any{"3", "多要素認証に対応していますか"})
	f.SetSheetRow("Sheet1", "A5", &[]any{"4", "稼働率の保証値を教えてください"})
	for _, r := range []struct {
		sqref string
		max   float64
		kind  excelize.DataValidationType
	}{{"C2:C4", 10, excelize.DataValidationTypeTextLength}, {"D2:D5", 12, excelize.DataValidationTypeTextLength}, {"C5", 100, excelize.DataValidationTypeDecimal}} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = r.sqref
		if err := dv.SetRange(0, r.max, r.kind, excelize.DataValidationOperatorBetween); err != nil {
			t.Fatal(err)
		}
		f.AddDataValidation("Sheet1", dv)
	}
	res, g := fillBook(t, f, []*corpus.Entry{
		{ID: "bk", Question: "バックアップを毎日取得していますか", Answer: "はい", Remarks: "毎日深夜に取得し、30日間保管しています。"},
		{ID: "dc", Question: "データセンターの所在地を教えてください", Answer: "東京および大阪のリージョンにあります。"},
		{ID: "mfa", Question: "多要素認証に対応していますか", Answer: "はい", Remarks: "対応しています。"},
		{ID: "sla", Question: "稼働率の保証値を教えてください", Answer: "99.95%"},
	}, Options{})
	for cell, want := range map[string]string{"C2": "はい", "D2": "", "C3": "", "C4": "はい", "D4": "対応しています。", "C5": ""} {
		if v, _ := g.GetCellValue("Sheet1", cell); v != want {
			t.Errorf("%s = %q, want %q", cell, v, want)
		}
	}
	if cs, _ := g.GetComments("Sheet1"); len(cs) != 3 || cs[0].Cell != "C2" || cs[1].Cell != "C3" || cs[2].Cell != "C5" {
		t.Errorf("comments %+v, want the remarks on C2 and reviews on C3 and C5", cs)
	}
	for i, want := range map[int]string{1: "入力規則（10 文字まで）", 3: "入力規則は数値のみ"} {
		if it := res.Items[i]; it.Status != StatusReview || !strings.Contains(it.Reason, want) {
			t.Errorf("row %d: %s (%s), want review for %q", it.Row, it.Status, it.Reason, want)
		}
	}
}

func TestDefaultOutput(t *testing.T) {
	for in, want := range map[string]string{"a/b.xlsx": "a/b.filled.xlsx", "c.xlsm": "c.filled.xlsm", "d": "d.filled.xlsx", "e.f/g": "e.f/g.filled.xlsx"} {
		if got := DefaultOutput(in); got != want {
			t.Errorf("DefaultOutput(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkFillTemplate(b *testing.B) {
	ix := sampleIndex(b)
	src := filepath.Join("..", "..", "templates", "security_checklist_ja.xlsx")
	for b.Loop() {
		if _, err := Run(Job{Input: src}, ix); err != nil {
			b.Fatal(err)
		}
	}
}

// A follow-up asking how often (上記の取得頻度) is filled from the entry of
// the question above when that entry's answer says how often (毎日): the
// question above fitting the entry better is no rival then.
func TestFollowUpMeasureFilled(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"No.", "質問", "回答"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"1", "バックアップを取得していますか"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"2", "上記の取得頻度を記載してください"})
	in := filepath.Join(t.TempDir(), "in.xlsx")
	if err := f.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	res := runFill(t, sampleIndex(t), in, Options{})
	for _, it := range res.Items {
		if it.Status != StatusFilled || it.EntryID != "bk-taken" {
			t.Errorf("row %d %q: %s with %q, want filled with bk-taken", it.Row, it.Question, it.Status, it.EntryID)
		}
	}
}

// A follow-up row (上記の保存期間) is matched with the question it refers
// back to: after the camera question it asks how long footage is kept, not
// logs, whose entry is the shortest wording of 保存期間. After the backup
// question it goes to review: the backup entry fits its question better.
func TestFollowUpRowAskedWithItsQuestion(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"No.", "質問", "回答"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"1", "データのバックアップを取得していますか。"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"2", "上記の保存期間を記載してください。"})
	f.SetSheetRow("Sheet1", "A4", &[]any{"3", "監視カメラを設置していますか。"})
	f.SetSheetRow("Sheet1", "A5", &[]any{"4", "上記の保存期間を記載してください。"})
	in := filepath.Join(t.TempDir(), "in.xlsx")
	if err := f.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	res := runFill(t, sampleIndex(t), in, Options{})
	want := map[int]string{2: "bk-taken", 3: "", 4: "dc-cctv", 5: "dc-cctv-retention"}
	for _, it := range res.Items {
		got := it.EntryID
		if it.Status != StatusFilled {
			got = ""
		}
		if got != want[it.Row] {
			t.Errorf("row %d %q: filled with %q (%s), want %q", it.Row, it.Question, it.EntryID, it.Status, want[it.Row])
		}
		if it.Row == 5 && it.Asked != "保存期間を記載してください。監視カメラを設置していますか。" {
			t.Errorf("row 5: asked %q, want its own words, then the question above", it.Asked)
		}
		if it.Row == 2 && it.Asked != "" {
			t.Errorf("row 2 is no follow-up, but asked %q", it.Asked)
		}
	}
}

// fillLongNumber fills f with the number short stored as long instead
// (Excel writes 9.2 as 9.1999999999999993), and checks that the sheet part
// of the filled copy still says long.
func fillLongNumber(t *testing.T, f *excelize.File, short, long string) *Result {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	const part = "xl/worksheets/sheet1.xml"
	sheetXML := ziptest.Part(t, buf.Bytes(), part)
	edited := bytes.Replace(sheetXML, []byte("<v>"+short+"</v>"), []byte("<v>"+long+"</v>"), 1)
	if bytes.Equal(edited, sheetXML) {
		t.Fatalf("no <v>%s</v> in %s", short, sheetXML)
	}
	in := filepath.Join(t.TempDir(), "in.xlsx")
	if err := os.WriteFile(in, ziptest.Replace(t, buf.Bytes(), part, edited), 0o644); err != nil {
		t.Fatal(err)
	}
	res := runFill(t, sampleIndex(t), in, Options{})
	if res.Counts.Filled == 0 {
		t.Fatal("nothing filled: the sheet was not written")
	}
	if out := ziptest.Part(t, res.Bytes, part); !bytes.Contains(out, []byte("<v>"+long+"</v>")) {
		t.Errorf("the number %s lost its text:\n%s", long, out)
	}
	return res
}

// A number at the top-left of a merged range keeps its text in a sheet
// qfill writes to: reading the merges' values through excelize rewrote
// 9.1999999999999993 as 9.2 (the same double, other bytes than the
// customer's).
func TestMergedNumberTextKept(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"No.", "質問", "回答", "重み"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"1", "バックアップを取得していますか"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"2", "バックアップは遠隔地に保管していますか"})
	f.SetCellValue("Sheet1", "D2", 9.2)
	if err := f.MergeCell("Sheet1", "D2", "D3"); err != nil {
		t.Fatal(err)
	}
	fillLongNumber(t, f, "9.2", "9.1999999999999993")
}

// A kept answer that is a number keeps its text in the filled copy, and is
// still read as its format shows it (99.95%).
func TestKeptNumberTextKept(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"No.", "質問", "回答"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"1", "バックアップを取得していますか"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"2", "サービス稼働率の実績"})
	f.SetCellValue("Sheet1", "C3", 0.9995)
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStyle("Sheet1", "C3", "C3", pct)
	res := fillLongNumber(t, f, "0.9995", "0.99950000000000006")
	for _, s := range res.Workbook.Sheets {
		for _, r := range s.Rows {
			if r.Row == 3 && r.Answer != "99.95%" {
				t.Errorf("kept answer read as %q, want 99.95%%", r.Answer)
			}
		}
	}
}

// A number among the cells a dropdown's list points at, on the sheet qfill
// writes, keeps its text: the reader reads the list without excelize's
// GetCellValue, which would rewrite it.
func TestListNumberTextKept(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"No.", "質問", "回答"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"1", "バックアップを取得していますか"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"2", "バックアップは遠隔地に保管していますか"})
	f.SetCellValue("Sheet1", "F1", "はい")
	f.SetCellValue("Sheet1", "F2", "いいえ")
	f.SetCellValue("Sheet1", "F3", 0.1)
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "C2:C3"
	dv.SetSqrefDropList("$F$1:$F$3")
	if err := f.AddDataValidation("Sheet1", dv); err != nil {
		t.Fatal(err)
	}
	fillLongNumber(t, f, "0.1", "0.10000000000000001")
}

// slowCorpus is a matcher whose corpus is ready only after a delay, as
// when it loads beside the reader.
type slowCorpus struct {
	*match.Index
	delay time.Duration
}

func (s slowCorpus) Ready() error { time.Sleep(s.delay); return nil }

// TestRunTimings: each step's time is recorded (fill -v logs them), the
// wait for the corpus apart from the matching, and together they are
// the run's time.
func TestRunTimings(t *testing.T) {
	const delay = 30 * time.Millisecond
	start := time.Now()
	res, err := Run(Job{Input: templates(t)[0]}, slowCorpus{sampleIndex(t), delay})
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	took := res.Took
	if took.Wait < delay {
		t.Errorf("wait %v, want at least the corpus's %v", took.Wait, delay)
	}
	for name, d := range map[string]time.Duration{"open": took.Open, "read": took.Read, "match": took.Match, "write": took.Write} {
		if d <= 0 {
			t.Errorf("%s took %v", name, d)
		}
	}
	if sum := took.Open + took.Read + took.Wait + took.Match + took.Write; sum > elapsed {
		t.Errorf("steps add up to %v, more than the run's %v", sum, elapsed)
	}
}
