package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/qfill/qfill/internal/hostile"
	"github.com/qfill/qfill/pkg/fill"
	"github.com/xuri/excelize/v2"
)

// writeLongSheet writes a minimal .xlsx whose one sheet has a header row
// and n question rows, as raw XML: excelize's writers would take far
// longer to produce a million rows. Without styles the package has no
// style table, as some minimal producers write it.
func writeLongSheet(t *testing.T, path string, n int, styles bool) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z := zip.NewWriter(f)
	parts := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	}
	names := []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"}
	if styles {
		parts["[Content_Types].xml"] = strings.Replace(parts["[Content_Types].xml"], "</Types>", `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`, 1)
		parts["xl/_rels/workbook.xml.rels"] = strings.Replace(parts["xl/_rels/workbook.xml.rels"], "</Relationships>", `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`, 1)
		parts["xl/styles.xml"] = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`
		names = append(names, "xl/styles.xml")
	}
	for _, name := range names {
		w, _ := z.Create(name)
		w.Write([]byte(parts[name]))
	}
	w, _ := z.Create("xl/worksheets/sheet1.xml")
	b := bufio.NewWriterSize(w, 1<<20)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	b.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>No.</t></is></c><c r="B1" t="inlineStr"><is><t>質問</t></is></c><c r="C1" t="inlineStr"><is><t>回答</t></is></c></row>`)
	for i := 2; i <= n+1; i++ {
		fmt.Fprintf(b, `<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>データのバックアップを取得していますか？ %d</t></is></c></row>`, i, i, i-1, i, i)
	}
	b.WriteString(`</sheetData></worksheet>`)
	if err := b.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
}

// A million-row sheet is refused with one line that names the flag to
// raise the limit, before the sheet is loaded whole, and leaves no
// temporary file behind (excelize spills big parts to the temp folder).
func TestMillionRowSheet(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the million-row sheet")
	}
	dir := t.TempDir()
	tmp := filepath.Join(dir, "tmp")
	os.Mkdir(tmp, 0o755)
	t.Setenv("TMPDIR", tmp)
	in := filepath.Join(dir, "long.xlsx")
	writeLongSheet(t, in, 1_000_000, false)
	before, _ := os.ReadFile(in)

	var code int
	var stderr string
	peak := peakHeap(func() { code, _, stderr = qfill(t, "fill", in, "--corpus", repoCorpus) })
	t.Logf("peak heap %d MB", peak>>20)
	// Loading the sheet whole would take gigabytes; streaming it costs
	// the corpus index and a few buffers.
	if peak > 128<<20 {
		t.Errorf("peak heap %d MB while refusing a million-row sheet, want < 128 MB", peak>>20)
	}
	if code != 2 {
		t.Fatalf("exit %d, want 2: %s", code, stderr)
	}
	if !strings.Contains(stderr, "--max-rows") || strings.Count(strings.TrimRight(stderr, "\n"), "\n") != 0 {
		t.Errorf("want one line naming --max-rows, got %q", stderr)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if _, err := os.Stat(filepath.Join(dir, "long.filled.xlsx")); !os.IsNotExist(err) {
		t.Errorf("an output was written for a refused input: %v", err)
	}
	if after, _ := os.ReadFile(in); string(after) != string(before) {
		t.Error("input modified")
	}
}

// peakHeap runs fn and returns the most heap in use seen while it ran,
// sampled every few milliseconds.
func peakHeap(fn func()) uint64 {
	runtime.GC()
	done := make(chan struct{})
	var peak uint64
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	fn()
	close(done)
	<-finished
	return peak
}

// Under the limit a long sheet is filled like any other, with review
// comments up to fill.MaxComments (threshold 1 sends every row to review).
func TestLongSheetUnderLimit(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "long.xlsx")
	writeLongSheet(t, in, 6000, true)
	out := filepath.Join(dir, "out.xlsx")
	code, stdout, stderr := qfill(t, "fill", in, "--corpus", repoCorpus, "-o", out, "--max-rows", "7000", "--threshold", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var questions, filled, review int
	if _, err := fmt.Sscanf(stdout[strings.Index(stdout, ": ")+2:], "%d questions: %d filled, %d for review", &questions, &filled, &review); err != nil || questions != 6000 {
		t.Fatalf("summary %q: %v", stdout, err)
	}
	g, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	cs, _ := g.GetComments("Sheet1")
	t.Logf("%d review rows, %d comments", review, len(cs))
	if want := min(review, fill.MaxComments); len(cs) != want {
		t.Errorf("%d comments for %d review rows, want %d", len(cs), review, want)
	}
	if code, _, stderr := qfill(t, "fill", in, "--corpus", repoCorpus, "-o", out, "--overwrite", "--max-rows", "2000"); code != 2 || !strings.Contains(stderr, "row 2001") {
		t.Errorf("limit 2000: exit %d: %s", code, stderr)
	}
}

// A package with no style table (written by a minimal producer) is
// filled; review rows stay blank, since excelize can neither colour nor
// comment a cell there, and nothing panics.
func TestNoStyleTable(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "plain.xlsx")
	writeLongSheet(t, in, 20, false)
	out := filepath.Join(dir, "out.xlsx")
	code, stdout, stderr := qfill(t, "fill", in, "--corpus", repoCorpus, "-o", out, "--threshold", "1")
	if code != 0 || !strings.Contains(stdout, "20 for review") {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	if _, err := excelize.OpenFile(out); err != nil {
		t.Fatal(err)
	}
}

// A sheet as wide as Excel allows (16,384 columns, XFD) is read and filled.
func TestWidestSheet(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "wide.xlsx")
	f := excelize.NewFile()
	for c, v := range []string{"No.", "質問", "回答"} {
		cell, _ := excelize.CoordinatesToCellName(c+1, 1)
		f.SetCellStr("Sheet1", cell, v)
	}
	f.SetCellStr("Sheet1", "XFD1", "last column")
	qs := []string{"データのバックアップを取得していますか？", "通信は暗号化されていますか？"}
	for i, q := range qs {
		r := i + 2
		f.SetCellInt("Sheet1", fmt.Sprintf("A%d", r), int64(i+1))
		f.SetCellStr("Sheet1", fmt.Sprintf("B%d", r), q)
		f.SetCellStr("Sheet1", fmt.Sprintf("XFD%d", r), "x")
	}
	if err := f.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.xlsx")
	if code, _, stderr := qfill(t, "fill", in, "--corpus", repoCorpus, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	g, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	for r := 2; r <= 3; r++ {
		if v, _ := g.GetCellValue("Sheet1", fmt.Sprintf("C%d", r)); v == "" {
			t.Errorf("C%d not filled", r)
		}
		if v, _ := g.GetCellValue("Sheet1", fmt.Sprintf("XFD%d", r)); v != "x" {
			t.Errorf("XFD%d = %q, want it kept", r, v)
		}
	}
}

// Every hostile input, through every command that opens a workbook:
// the documented exit status, one line that says what is wrong in
// words, the input untouched, no output, and the temporary folder as
// empty afterwards as before.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the hostile inputs through every command run in make test")
	}
	inputs := hostile.Inputs()
	dir := t.TempDir()
	tmp := filepath.Join(dir, "tmp")
	os.Mkdir(tmp, 0o755)
	t.Setenv("TMPDIR", tmp)
	checkTmp := func(t *testing.T) {
		t.Helper()
		if left, _ := os.ReadDir(tmp); len(left) != 0 {
			t.Errorf("temporary files left: %v", left)
			for _, e := range left {
				os.RemoveAll(filepath.Join(tmp, e.Name()))
			}
		}
	}
	folder := filepath.Join(dir, "in")
	os.Mkdir(folder, 0o755)
	for _, in := range inputs {
		p := filepath.Join(folder, in.Name)
		if err := os.WriteFile(p, in.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, in := range inputs {
		p := filepath.Join(folder, in.Name)
		out := filepath.Join(dir, "out-"+in.Name)
		for _, args := range [][]string{
			{"fill", p, "-o", out, "--corpus", repoCorpus},
			{"inspect", p},
			{"learn", p, "--corpus", tempCorpus(t), "--dry-run"},
		} {
			t.Run(args[0]+"/"+in.Name, func(t *testing.T) {
				code, _, stderr := qfill(t, args...)
				checkTmp(t)
				if !bytes.Equal(mustRead(t, p), in.Data) {
					t.Error("input modified")
				}
				if in.Want == "" {
					if args[0] == "fill" && code != 0 {
						t.Errorf("exit %d, want 0: %s", code, stderr)
					}
					os.Remove(out)
					return
				}
				if code != 2 {
					t.Errorf("exit %d, want 2: %s", code, stderr)
				}
				if !strings.Contains(stderr, in.Want) || strings.Count(strings.TrimRight(stderr, "\n"), "\n") != 0 {
					t.Errorf("want one line saying %q, got %q", in.Want, stderr)
				}
				if strings.HasSuffix(strings.TrimSpace(stderr), "EOF") {
					t.Errorf("a bare EOF: %q", stderr)
				}
				if _, err := os.Stat(out); !os.IsNotExist(err) {
					t.Errorf("an output was written: %v", err)
				}
			})
		}
	}
	t.Run("batch", func(t *testing.T) {
		outDir := filepath.Join(dir, "out")
		code, _, stderr := qfill(t, "fill", folder, "-o", outDir, "--corpus", repoCorpus, "-j", "2")
		checkTmp(t)
		if code != exitPartial {
			t.Errorf("exit %d, want %d: %s", code, exitPartial, stderr)
		}
		for _, in := range inputs {
			_, err := os.Stat(filepath.Join(outDir, in.Name))
			if (err == nil) != (in.Want == "") {
				t.Errorf("%s: output exists %v, want %v", in.Name, err == nil, in.Want == "")
			}
			if in.Want != "" && !strings.Contains(stderr, in.Want) {
				t.Errorf("%s: the batch does not say %q", in.Name, in.Want)
			}
		}
	})
}
