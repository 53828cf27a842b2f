package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qfill/qfill/pkg/calib"
	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/fill"
	"github.com/qfill/qfill/pkg/indexcache"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/output"
	"github.com/rs/zerolog"
	"github.com/xuri/excelize/v2"
)

var (
	repoCorpus = filepath.Join("..", "..", "corpus")
	templateJA = filepath.Join("..", "..", "templates", "security_checklist_ja.xlsx")
)

// qfill runs the command in-process and returns exit code, stdout, stderr.
func qfill(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	// No .xls converter: tests do not depend on LibreOffice being
	// installed (TestXLSConversion injects its own).
	return qfillConverting(t, nil, args...)
}

// qfillConverting is qfill with conv as the .xls converter.
func qfillConverting(t *testing.T, conv fill.Converter, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	tmp := newTempRoot()
	defer tmp.remove()
	code := runContext(context.Background(), args, &iostreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, tmp: tmp, convertXLS: conv, ledger: testLedger})
	return code, out.String(), errOut.String()
}

func copyFile(t *testing.T, src, dir string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, filepath.Base(src))
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestFillTemplate(t *testing.T) {
	dir := t.TempDir()
	in := copyFile(t, templateJA, dir)
	sum := sha256.Sum256(mustRead(t, in))
	report := filepath.Join(dir, "r.json")
	code, stdout, stderr := qfill(t, "fill", in, "--corpus", repoCorpus, "--report", report)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("stderr %q, want the results on stdout and no diagnostics", stderr)
	}
	out := filepath.Join(dir, "security_checklist_ja.filled.xlsx")
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("no output: %v", err)
	}
	if sha256.Sum256(mustRead(t, in)) != sum {
		t.Error("input modified")
	}
	// Two dropdown rows matched entries that name no value for it: the
	// summary says which entries a choice would let fill them.
	for _, want := range []string{"44 questions", "filled", "for review", "unanswered", "kept", out, "corpus: ", "report: " + report,
		"held for review as their entries name no dropdown value: 2 (add choice: to dc-location, log-retention)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	var rep struct {
		Files []struct {
			Input, Output, Error string
			Items                []map[string]any
			Counts               struct {
				NoChoice int `json:"no_choice"`
			}
		}
	}
	if err := json.Unmarshal(mustRead(t, report), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 || rep.Files[0].Error != "" || len(rep.Files[0].Items) != 44 || rep.Files[0].Counts.NoChoice != 2 {
		t.Fatalf("report = %+v", rep)
	}
	for _, k := range []string{"sheet", "row", "question", "answer_cell", "status", "entry_id", "score"} {
		if _, ok := rep.Files[0].Items[1][k]; !ok {
			t.Errorf("report item lacks %q", k)
		}
	}
	// No temporary files are left beside the output.
	left, _ := filepath.Glob(filepath.Join(dir, ".qfill-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Every bad input ends in exit status 2, one line on stderr, and no output.
func TestFillBadInput(t *testing.T) {
	dir := t.TempDir()
	notExcel := filepath.Join(dir, "notes.xlsx")
	os.WriteFile(notExcel, []byte("just text"), 0o644)
	xls := filepath.Join(dir, "old.xls")
	os.WriteFile(xls, append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...), 0o644)
	enc := filepath.Join(dir, "locked.xlsx")
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "x")
	f.SaveAs(enc, excelize.Options{Password: "pw"})
	memo := filepath.Join(dir, "memo.xlsx")
	g := excelize.NewFile()
	g.SetCellStr("Sheet1", "A1", "nothing to answer here")
	g.SaveAs(memo)
	badCorpus := filepath.Join(dir, "bad.yaml")
	os.WriteFile(badCorpus, []byte("entries:\n  - id: a\n    question: q\n"), 0o644)
	tmpl := copyFile(t, templateJA, dir)
	badSyn := filepath.Join(dir, "syn")
	os.MkdirAll(badSyn, 0o755)
	os.WriteFile(filepath.Join(badSyn, "a.yaml"), []byte("entries:\n  - {id: a, question: q, answer: x}\n"), 0o644)
	os.WriteFile(filepath.Join(badSyn, "synonyms.txt"), []byte("product 本サービス\n"), 0o644)

	tests := []struct {
		name string
		args []string
		want string
	}{
		{"not excel", []string{"fill", notExcel, "--corpus", repoCorpus}, "not an Excel workbook"},
		{"xls", []string{"fill", xls, "--corpus", repoCorpus}, "soffice --headless --convert-to xlsx"},
		{"encrypted", []string{"fill", enc, "--corpus", repoCorpus}, "encrypted: pass --password"},
		{"wrong password", []string{"fill", enc, "--corpus", repoCorpus, "--password", "no"}, "password does not open"},
		{"no question column", []string{"fill", memo, "--corpus", repoCorpus}, "--question-col"},
		{"bad corpus", []string{"fill", tmpl, "--corpus", badCorpus}, "bad.yaml:2: entry \"a\" has no answer"},
		// The corpus loads while the input is read; its error still comes
		// first, as when it was loaded before.
		{"bad corpus and input", []string{"fill", notExcel, "--corpus", badCorpus}, "bad.yaml:2: entry \"a\" has no answer"},
		{"bad synonyms", []string{"fill", tmpl, "--corpus", badSyn}, "synonyms.txt:1: want \"name: term, term, ...\""},
		{"missing file", []string{"fill", filepath.Join(dir, "nope.xlsx"), "--corpus", repoCorpus}, "no such file"},
		{"missing corpus", []string{"fill", tmpl, "--corpus", filepath.Join(dir, "answers")}, "answers: no such file or folder"},
		{"same file", []string{"fill", tmpl, "-o", tmpl, "--corpus", repoCorpus}, "never writes over"},
		{"threshold over 1", []string{"fill", tmpl, "--corpus", repoCorpus, "--threshold", "7"}, "want a confidence from 0 to 1"},
		{"negative threshold", []string{"fill", tmpl, "--corpus", repoCorpus, "--threshold", "-0.5"}, "want a confidence from 0 to 1"},
		{"threshold not a number", []string{"fill", tmpl, "--corpus", repoCorpus, "--threshold", "NaN"}, "want a confidence from 0 to 1"},
		{"eval threshold", []string{"eval", "--pairs", "x.tsv", "--threshold", "1.5"}, "want a confidence from 0 to 1"},
		{"missing pairs", []string{"eval", "--pairs", filepath.Join(dir, "pairs.tsv")}, "pairs " + filepath.Join(dir, "pairs.tsv") + ": no such file"},
		{"serve threshold", []string{"serve", "--threshold", "-1"}, "want a confidence from 0 to 1"},
		{"unreachable share", []string{"fill", tmpl, "--corpus", repoCorpus, "--threshold", "99.99%"}, "no confidence reaches 99.99% right answers"},
		{"share over 100%", []string{"fill", tmpl, "--corpus", repoCorpus, "--threshold", "150%"}, "at most 100%"},
		{"no workers", []string{"fill", tmpl, "--corpus", repoCorpus, "-j", "0"}, "want 1 or more"},
		{"part limit", []string{"fill", tmpl, "--corpus", repoCorpus, "--max-part-mb", "0"}, "--max-part-mb 0"},
		{"unzip limit", []string{"fill", tmpl, "--corpus", repoCorpus, "--max-unzip-mb", "-3"}, "--max-unzip-mb -3"},
		{"row limit", []string{"fill", tmpl, "--corpus", repoCorpus, "--max-rows", "0"}, "--max-rows 0"},
		{"upload limit", []string{"serve", "--max-upload-mb", "0"}, "--max-upload-mb 0"},
		{"bad column", []string{"fill", tmpl, "--corpus", repoCorpus, "--answer-col", "3"}, "not a column letter"},
		{"bad flag", []string{"fill", tmpl, "--frobnicate"}, "unknown flag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := filepath.Glob(filepath.Join(dir, "*"))
			code, _, stderr := qfill(t, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stderr %q)", code, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q lacks %q", stderr, tt.want)
			}
			if n := strings.Count(strings.TrimRight(stderr, "\n"), "\n"); n != 0 {
				t.Errorf("stderr has %d lines, want one: %q", n+1, stderr)
			}
			after, _ := filepath.Glob(filepath.Join(dir, "*"))
			if len(after) != len(before) {
				t.Errorf("files appeared: %v -> %v", before, after)
			}
		})
	}
}

func TestEvalJSON(t *testing.T) {
	code, out, stderr := qfill(t, "eval", "--pairs", filepath.Join("..", "..", "testdata", "eval", "templates", "pairs.tsv"), "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"rows", "answerable", "top1", "auto_filled", "precision", "coverage", "baselines"} {
		if _, ok := m[k]; !ok {
			t.Errorf("eval --json lacks %q", k)
		}
	}
	if p := m["precision"].(float64); p < 0 || p > 1 {
		t.Errorf("precision %v outside 0..1", p)
	}
	code, _, stderr = qfill(t, "eval", "--pairs", filepath.Join("..", "..", "testdata", "eval", "templates", "pairs.tsv"), "--set", "nope=1")
	if code != 2 || !strings.Contains(stderr, "unknown matcher setting") {
		t.Errorf("--set nope: exit %d %q", code, stderr)
	}
}

// eval --explain: one line per row with the matcher's trace, the check
// that held a row back named.
func TestEvalExplain(t *testing.T) {
	code, out, stderr := qfill(t, "eval", "--pairs", filepath.Join("..", "..", "testdata", "eval", "templates", "pairs.tsv"), "--explain")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 103 {
		t.Errorf("%d lines, want one per row (103)", len(lines))
	}
	held := 0
	for _, l := range lines {
		if !strings.Contains(l, ": score ") && !strings.Contains(l, " ->  (") {
			t.Errorf("no trace: %s", l)
		}
		if strings.Contains(l, "held back by ") {
			held++
		}
	}
	if held == 0 {
		t.Error("no row says which check held it back")
	}
}

func TestInspectJSON(t *testing.T) {
	code, out, stderr := qfill(t, "inspect", templateJA, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var v struct {
		Sheets []inspectSheet
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	s := v.Sheets[0]
	if s.HeaderRow != 5 || s.Question != "C" || s.Answer != "D" || s.Remarks != "E" || s.ID != "A" || s.Questions != 44 {
		t.Errorf("inspect = %+v", s)
	}
	if len(s.Choices) != 1 || s.Choices[0] != "はい/いいえ/該当なし" {
		t.Errorf("choices = %q", s.Choices)
	}

	// Check boxes typed into the answer cells are listed as such.
	dir := t.TempDir()
	boxes := filepath.Join(dir, "boxes.xlsx")
	x := excelize.NewFile()
	x.SetSheetRow("Sheet1", "A1", &[]any{"No.", "質問", "回答", "備考"})
	x.SetSheetRow("Sheet1", "A2", &[]any{1, "多要素認証に対応していますか？", "□はい　□いいえ"})
	x.SetSheetRow("Sheet1", "A3", &[]any{2, "バックアップを取得していますか？", "□はい　□いいえ"})
	if err := x.SaveAs(boxes); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = qfill(t, "inspect", boxes, "--json")
	v.Sheets = nil
	if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil {
		t.Fatalf("exit %d: %s %v", code, stderr, err)
	}
	if s := v.Sheets[0]; len(s.Choices) != 0 || len(s.Boxes) != 1 || s.Boxes[0] != "はい/いいえ" {
		t.Errorf("check boxes: choices %q, boxes %q", s.Choices, s.Boxes)
	}

	// --rows lists each question with its section, and a follow-up with
	// the question it refers back to.
	x.SetSheetRow("Sheet1", "A4", &[]any{3, "上記の保存期間を記載してください。"})
	if err := x.SaveAs(boxes); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = qfill(t, "inspect", boxes, "--rows")
	if want := "上記の保存期間を記載してください。 ← バックアップを取得していますか？"; code != 0 || !strings.Contains(out, want) {
		t.Errorf("inspect --rows: exit %d, want a line with %q:\n%s%s", code, want, out, stderr)
	}
}

func TestCorpusDiscovery(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("QFILL_CORPUS", repoCorpus)
	p, from, err := findCorpus("")
	if err != nil || p != repoCorpus || from != "$QFILL_CORPUS" {
		t.Errorf("env: %q %q %v", p, from, err)
	}
	t.Setenv("QFILL_CORPUS", "")
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "cfg"))
	t.Setenv("HOME", dir)
	t.Chdir(dir)
	if _, _, err := findCorpus(""); err == nil || !strings.Contains(err.Error(), "--corpus") {
		t.Errorf("no corpus anywhere: err = %v", err)
	}
	os.MkdirAll(filepath.Join(dir, "corpus"), 0o755)
	if p, from, _ := findCorpus(""); p != "corpus" || from != "./corpus" {
		t.Errorf("working dir: %q %q", p, from)
	}
}

func TestFillFolders(t *testing.T) {
	src := t.TempDir()
	data := mustRead(t, templateJA)
	os.MkdirAll(filepath.Join(src, "顧客 A", "2026"), 0o755)
	os.WriteFile(filepath.Join(src, "顧客 A", "2026", "チェック シート.xlsx"), data, 0o644)
	os.WriteFile(filepath.Join(src, "b.xlsx"), data, 0o644)
	os.WriteFile(filepath.Join(src, "~$b.xlsx"), []byte("lock"), 0o644)
	out := filepath.Join(t.TempDir(), "out")
	report := filepath.Join(t.TempDir(), "r.json")

	code, stdout, stderr := qfill(t, "fill", src, "-o", out, "--corpus", repoCorpus, "--report", report, "-j", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, p := range []string{filepath.Join(out, "b.xlsx"), filepath.Join(out, "顧客 A", "2026", "チェック シート.xlsx")} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("mirrored output missing: %v", err)
		}
	}
	if !strings.Contains(stdout, "total (2 files, 0 failed)") || !strings.Contains(stderr, "[2/2]") {
		t.Errorf("summary:\n%s\nprogress:\n%s", stdout, stderr)
	}

	// A bad file: reported, the batch goes on, exit status 3.
	os.WriteFile(filepath.Join(src, "broken.xlsx"), []byte("garbage"), 0o644)
	code, stdout, stderr = qfill(t, "fill", src, "-o", out, "--corpus", repoCorpus, "--report", report)
	if code != 3 {
		t.Fatalf("exit %d, want 3: %s", code, stderr)
	}
	var rep struct {
		Files []struct{ Input, Output, Error string }
	}
	json.Unmarshal(mustRead(t, report), &rep)
	if len(rep.Files) != 3 {
		t.Fatalf("report has %d files", len(rep.Files))
	}
	errs := 0
	for _, f := range rep.Files {
		if f.Error != "" {
			errs++
			if !strings.Contains(f.Input, "broken.xlsx") || f.Output != "" {
				t.Errorf("failed file entry = %+v", f)
			}
		}
	}
	if errs != 1 || !strings.Contains(stdout, "1 failed") {
		t.Errorf("errors = %d; stdout:\n%s", errs, stdout)
	}
	// The table's and the progress line's file column names the file; the
	// error beside it does not name it again.
	if strings.Count(stdout, "broken.xlsx") != 1 || strings.Count(stderr, "broken.xlsx") != 1 {
		t.Errorf("broken.xlsx named more than once a line:\n%s%s", stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "broken.xlsx")); err == nil {
		t.Error("broken file has an output")
	}

	// Nothing can be done: exit status 2.
	if code, _, _ := qfill(t, "fill", src, "--corpus", filepath.Join(src, "nope")); code != 2 {
		t.Errorf("bad corpus: exit %d, want 2", code)
	}
	if code, _, _ := qfill(t, "fill", src, "-j", "0", "--corpus", repoCorpus); code != 2 {
		t.Errorf("-j 0: exit %d, want 2", code)
	}
	// An output folder that cannot be created: each file fails, exit 3.
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, nil, 0o644)
	code, _, stderr = qfill(t, "fill", src, "-o", filepath.Join(blocker, "out"), "--corpus", repoCorpus)
	if code != 3 || !strings.Contains(stderr, "cannot create output folder") {
		t.Errorf("unwritable output: exit %d: %s", code, stderr)
	}
}

func TestHTMLReportAndDroppedFile(t *testing.T) {
	dir := t.TempDir()
	in := copyFile(t, templateJA, dir)
	html := filepath.Join(dir, "report.html")
	// `qfill FILE.xlsx` (a file dropped on the executable) means fill.
	code, _, stderr := qfill(t, in, "--corpus", repoCorpus, "--html", html)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "security_checklist_ja.filled.xlsx")); err != nil {
		t.Errorf("dropped file not filled: %v", err)
	}
	page := string(mustRead(t, html))
	// Each matched row shows how its confidence was reached, and how
	// often answers of that confidence were right.
	for _, want := range []string{"<table", `data-s="review"`, `data-s="filled"`, "要確認 / Review", "dc-building", "サーバールームの消火設備", `class="muted trace">score 0.`, "→ head 0.", "right\">≈62%</span>", "right\">≈99%</span>"} {
		if !strings.Contains(page, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// Self-contained: nothing is loaded from elsewhere.
	for _, bad := range []string{"src=\"http", "href=\"http", "<link ", "@import"} {
		if strings.Contains(page, bad) {
			t.Errorf("report loads an external asset (%s)", bad)
		}
	}
}

// fill, serve and batch build their matcher with the corpus folder's
// synonyms file.
func TestLoadMatcherSynonyms(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("entries:\n  - {id: lang, question: 管理画面の表示言語を切り替えられますか？, answer: 日本語と英語}\n"), 0o644)
	q := match.Query{Text: "Can the admin console language be changed?"}
	r, _, err := loadMatcher(zerolog.Nop(), dir, thresholdFlag{})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Store(); err != nil {
		t.Fatal(err)
	}
	if b := r.Index.Match(q).Best(); b != nil {
		t.Fatalf("without synonyms: matched %s", b.Entry.ID)
	}
	os.WriteFile(filepath.Join(dir, corpus.SynonymsFile), []byte("console: 管理画面, admin console\nlanguage: 言語, language\n"), 0o644)
	if r, _, err = loadMatcher(zerolog.Nop(), dir, thresholdFlag{}); err != nil {
		t.Fatal(err)
	}
	if b := r.Index.Match(q).Best(); b == nil || b.Entry.ID != "lang" {
		t.Fatalf("with synonyms: best %v, want lang", b)
	}
}

// A fill stores the index it built once matching has started; the next
// fill on the same corpus reads it back and matches exactly as the first.
func TestFillStoresIndexForNextRun(t *testing.T) {
	t.Setenv(indexcache.EnvVar, t.TempDir())
	qs := []match.Query{{Text: "データセンターの所在地は国内ですか"}, {Text: "Do you encrypt data at rest?"}}
	run := func() (*pendingMatcher, []match.Result) {
		p, err := startMatcher(zerolog.Nop(), filepath.Join("..", "..", "corpus"), thresholdFlag{})
		if err != nil {
			t.Fatal(err)
		}
		res := p.MatchAll(qs)
		p.Wait(context.Background())
		return p, res
	}
	first, want := run()
	second, got := run()
	if first.loaded.Hit || !second.loaded.Hit {
		t.Fatalf("cache hits: first run %v, second %v; want false, true", first.loaded.Hit, second.loaded.Hit)
	}
	for i := range qs {
		if want[i].Confidence != got[i].Confidence || want[i].Best().Entry.ID != got[i].Best().Entry.ID {
			t.Errorf("%q: %s at %v from the built index, %s at %v from the cached one", qs[i].Text,
				want[i].Best().Entry.ID, want[i].Confidence, got[i].Best().Entry.ID, got[i].Confidence)
		}
	}
}

// eval --cv: grouped cross-validation over the own sets, with the keys of
// eval --json; the pooled out-of-fold probability keeps its precision
// floor. eval --fit prints a model that names what it was fitted on.
func TestEvalCrossValidation(t *testing.T) {
	sets := filepath.Join("..", "..", "testdata", "eval")
	code, out, stderr := qfill(t, "eval", "--cv", sets, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Calibrated, Rules map[string]float64
		Files             map[string]map[string]float64
		Curve             struct {
			Brier        float64
			Rows         int
			ByConfidence []struct {
				From                float64
				Rows                int
				Predicted, Observed float64
			} `json:"by_confidence"`
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"rows", "answerable", "top1", "auto_filled", "precision", "coverage"} {
		if _, ok := res.Calibrated[k]; !ok {
			t.Errorf("eval --cv --json lacks calibrated.%s", k)
		}
	}
	if len(res.Files) < 40 {
		t.Errorf("%d folds, want one per own set", len(res.Files))
	}
	// Floors: measured 99.6% precision, 52% coverage at 0.95 (rounded down).
	if p, c := res.Calibrated["precision"], res.Calibrated["coverage"]; p < 0.98 || c < 0.45 {
		t.Errorf("out-of-fold precision %.3f coverage %.3f, want at least 0.98 / 0.45", p, c)
	}
	// The confidence curves out of fold: measured Brier 0.11 on these
	// sets; in every band of confidence (the curve's own bands) the
	// prediction within 10 points of what happened (measured: 3).
	if c := res.Curve; c.Rows < 1500 || c.Brier <= 0 || c.Brier > 0.13 {
		t.Errorf("curves out of fold: %d rows, Brier %.3f", c.Rows, c.Brier)
	}
	if len(res.Curve.ByConfidence) < 10 {
		t.Errorf("%d confidence bands, want calib.Edges", len(res.Curve.ByConfidence))
	}
	for _, b := range res.Curve.ByConfidence {
		if b.Rows >= 30 && math.Abs(b.Predicted-b.Observed) > 0.1 {
			t.Errorf("confidence band from %.2f, %d rows: predicted %.3f, observed %.3f", b.From, b.Rows, b.Predicted, b.Observed)
		}
	}
	code, out, stderr = qfill(t, "eval", "--fit", sets)
	if code != 0 || !strings.Contains(out, `"fitted_on"`) || !strings.Contains(out, "templates/pairs.tsv") {
		t.Errorf("eval --fit: exit %d, %s%s", code, out, stderr)
	}
	code, out, stderr = qfill(t, "eval", "--fit", sets, "--curves")
	if _, err := calib.ReadCurves(strings.NewReader(out)); code != 0 || err != nil || !strings.Contains(out, "templates/pairs.tsv") {
		t.Errorf("eval --fit --curves: exit %d, %v, %s", code, err, stderr)
	}
	model := filepath.Join(t.TempDir(), "model.json")
	if code, _, stderr := qfill(t, "eval", "--fit", sets, "-o", model); code != 0 {
		t.Fatalf("eval --fit -o: exit %d: %s", code, stderr)
	}
	code, out, stderr = qfill(t, "eval", "--pairs", filepath.Join(sets, "templates", "pairs.tsv"), "--model", model, "--json")
	var m map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &m) != nil || m["threshold"] != 0.95 {
		t.Errorf("eval --model: exit %d, threshold %v: %s", code, m["threshold"], stderr)
	}
	if code, _, stderr := qfill(t, "eval", "--cv", sets, "--pairs", "x.tsv"); code != 2 || !strings.Contains(stderr, "one of --pairs") {
		t.Errorf("two modes: exit %d, %q", code, stderr)
	}
}

// Small things a user trips on.
func TestEverydayEdges(t *testing.T) {
	dir := t.TempDir()
	in := copyFile(t, templateJA, dir)

	// -o names a folder for one file.
	for _, o := range []string{filepath.Join(dir, "new") + string(os.PathSeparator), filepath.Join(dir, "new")} {
		code, _, stderr := qfill(t, "fill", in, "-o", o, "--corpus", repoCorpus, "--force")
		if code != 0 {
			t.Fatalf("-o %s: exit %d: %s", o, code, stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "new", "security_checklist_ja.xlsx")); err != nil {
			t.Errorf("-o %s: %v", o, err)
		}
	}

	// The version.
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, out, _ := qfill(t, args...)
		if code != 0 || !strings.HasPrefix(out, "qfill ") {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}

	// fill without a file says how to call it.
	code, _, stderr := qfill(t, "fill")
	if code != 2 || !strings.Contains(stderr, "usage: qfill fill INPUT.xlsx") {
		t.Errorf("fill without a file: exit %d, %q", code, stderr)
	}

	// A folder of .xls files is not "empty": each is tried, and says how
	// to convert it where no converter is at hand.
	xlsDir := filepath.Join(dir, "xls")
	os.Mkdir(xlsDir, 0o755)
	os.WriteFile(filepath.Join(xlsDir, "old.xls"), mustRead(t, loXLS), 0o644)
	code, _, stderr = qfill(t, "fill", xlsDir, "--corpus", repoCorpus)
	if code != exitPartial || !strings.Contains(stderr, "soffice --headless --convert-to xlsx") {
		t.Errorf("folder of .xls: exit %d, %q", code, stderr)
	}
}

func TestUnknownFlagHint(t *testing.T) {
	for args, want := range map[string]string{"--frobnicate": "see 'qfill --help'", "fill --frobnicate": "see 'qfill fill --help'"} {
		_, _, stderr := qfill(t, strings.Fields(args)...)
		if !strings.Contains(stderr, want) {
			t.Errorf("%s: %q lacks %q", args, stderr, want)
		}
	}
}

// eval --rows is one line of eight tab-separated fields per row, even
// when an entry's question runs over several lines (CAIQ's do).
func TestEvalRowsOneLinePerRow(t *testing.T) {
	dir := t.TempDir()
	yaml := "entries:\n  - id: BCR-01\n    question: |-\n      Is a business continuity plan established,\n      documented and tested?\n    answer: \"Yes\"\n"
	if err := os.MkdirAll(filepath.Join(dir, "corpus"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "corpus", "answers.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	pairs := "query_id\tquery_question\tcorpus\texpected_id\tnote\nQ1\tIs a business continuity plan documented and tested?\tcorpus\tBCR-01\t\n"
	if err := os.WriteFile(filepath.Join(dir, "pairs.tsv"), []byte(pairs), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := qfill(t, "eval", "--pairs", filepath.Join(dir, "pairs.tsv"), "--rows")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d lines, want 1: %q", len(lines), out)
	}
	f := strings.Split(lines[0], "\t")
	if len(f) != 8 || f[0] != "right" || f[6] != "Is a business continuity plan established, documented and tested?" {
		t.Errorf("row %q", f)
	}
}

// --threshold 97% fills only rows whose confidence reaches a band where
// 97% of measured answers were right in every language: fewer than the
// default, a subset of them.
func TestThresholdAsShare(t *testing.T) {
	dir := t.TempDir()
	in := copyFile(t, templateJA, dir)
	fills := func(threshold ...string) map[string]bool {
		t.Helper()
		rep := filepath.Join(dir, "r.json")
		args := append([]string{"fill", in, "--corpus", repoCorpus, "-o", filepath.Join(dir, "out.xlsx"), "--force", "--report", rep}, threshold...)
		if code, _, stderr := qfill(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", threshold, code, stderr)
		}
		var r struct {
			Files []struct{ Items []fill.Item }
		}
		if err := json.Unmarshal(mustRead(t, rep), &r); err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, it := range r.Files[0].Items {
			if it.Status == fill.StatusFilled {
				got[it.AnswerCell] = true
			}
		}
		return got
	}
	def, strict := fills(), fills("--threshold", "97%")
	if len(strict) == 0 || len(strict) >= len(def) {
		t.Fatalf("97%%: %d filled, default %d", len(strict), len(def))
	}
	for c := range strict {
		if !def[c] {
			t.Errorf("%s filled at 97%% but not by default", c)
		}
	}
}

// A missing input and an output that cannot be written both carry
// fs.ErrNotExist; only the first is the input's fault.
func TestExplainInputErrMissing(t *testing.T) {
	missing := &fs.PathError{Op: "open", Path: "in.xlsx", Err: fs.ErrNotExist}
	if got := explainInputErr("in.xlsx", missing).Error(); got != "in.xlsx: no such file" {
		t.Errorf("missing input: %q", got)
	}
	unwritable := &output.WriteError{Path: "/out/a.xlsx", Err: fs.ErrNotExist}
	if got := explainInputErr("in.xlsx", unwritable).Error(); got != "in.xlsx: cannot write /out/a.xlsx: file does not exist" {
		t.Errorf("unwritable output: %q", got)
	}
}
