package fill

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qfill/qfill/pkg/convert"
	"github.com/qfill/qfill/pkg/sheet"
	"github.com/xuri/excelize/v2"
)

// A legacy .xls goes through LibreOffice. The test puts a stand-in
// `soffice` on PATH that "converts" by copying a template, so the whole
// path runs without LibreOffice installed.
func TestXLSThroughLibreOffice(t *testing.T) {
	bin := t.TempDir()
	tmpl, _ := filepath.Abs(filepath.Join("..", "..", "templates", "security_checklist_ja.xlsx"))
	script := `#!/bin/sh
out=""; last=""
while [ $# -gt 0 ]; do
  case "$1" in --outdir) out="$2"; shift;; *) last="$1";; esac
  shift
done
base=$(basename "$last" .xls)
cp "` + tmpl + `" "$out/$base.xlsx"
`
	if err := os.WriteFile(filepath.Join(bin, "soffice"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+"/usr/bin:/bin")
	dir := t.TempDir()
	in := filepath.Join(dir, "old.xls")
	xls := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...)
	os.WriteFile(in, xls, 0o644)
	out := DefaultOutput(in)
	if !strings.HasSuffix(out, "old.filled.xlsx") {
		t.Fatalf("default output %q, want .xlsx", out)
	}
	res, err := Run(Job{Input: in, Output: out, ConvertXLS: convert.XLSToXLSX}, sampleIndex(t))
	if err != nil {
		t.Fatal(err)
	}
	if Count(res.Items).Filled == 0 {
		t.Error("nothing filled from the converted copy")
	}
	if got, _ := os.ReadFile(in); !bytes.Equal(got, xls) {
		t.Error("input changed")
	}
	// Without a converter the error says how to convert; so it does
	// when the converter finds no LibreOffice.
	if _, err := Run(Job{Input: in, Output: out}, sampleIndex(t)); err != sheet.ErrLegacyXLS {
		t.Errorf("no converter: err = %v, want ErrLegacyXLS", err)
	}
	t.Setenv("PATH", t.TempDir())
	if _, err := Run(Job{Input: in, Output: out, ConvertXLS: convert.XLSToXLSX}, sampleIndex(t)); err != sheet.ErrLegacyXLS {
		t.Errorf("no soffice: err = %v, want ErrLegacyXLS", err)
	}
}

// An .xlsm keeps its VBA project and its macro-enabled content type.
func TestXLSMKeepsMacros(t *testing.T) {
	src, _ := os.ReadFile(filepath.Join("..", "..", "templates", "vendor_assessment_en.xlsx"))
	f, err := excelize.OpenReader(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	vba := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, []byte("not really a VBA project, but bytes to keep")...)
	if err := f.AddVBAProject(vba); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "macro.xlsm")
	if err := f.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	res, err := Run(Job{Input: in, Output: DefaultOutput(in)}, sampleIndex(t))
	if err != nil {
		t.Fatal(err)
	}
	if Count(res.Items).Filled == 0 {
		t.Fatal("nothing filled")
	}
	parts := readZip(t, res.Bytes)
	if !bytes.Equal(parts["xl/vbaProject.bin"], vba) {
		t.Error("vbaProject.bin changed or lost")
	}
	if ct := string(parts["[Content_Types].xml"]); !strings.Contains(ct, "macroEnabled") {
		t.Error("content type is no longer macro-enabled")
	}
	if got := DefaultOutput(in); got != filepath.Join(dir, "macro.filled.xlsm") {
		t.Errorf("output %q keeps the input's .xlsm", got)
	}
}

// Zip entries that qfill copies keep their compressed bytes exactly.
func TestCopyRawKeepsCompressedBytes(t *testing.T) {
	src, _ := os.ReadFile(filepath.Join("..", "..", "templates", "sla_check_ja.xlsx"))
	var buf bytes.Buffer
	if err := Patch(src, src, nil, nil, &buf); err != nil {
		t.Fatal(err)
	}
	a, _ := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	b, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	for i, f := range a.File {
		ra, _ := f.OpenRaw()
		rb, _ := b.File[i].OpenRaw()
		x, _ := io.ReadAll(ra)
		y, _ := io.ReadAll(rb)
		if f.Name != b.File[i].Name || !bytes.Equal(x, y) {
			t.Errorf("entry %d (%s) differs", i, f.Name)
		}
	}
}

// --summary-sheet adds one sheet with a link per row to review; without
// it the workbook keeps its sheets.
func TestSummarySheet(t *testing.T) {
	src := filepath.Join("..", "..", "templates", "vendor_assessment_en.xlsx")
	ix := sampleIndex(t)
	plain, err := Run(Job{Input: src}, ix)
	if err != nil {
		t.Fatal(err)
	}
	with, err := Run(Job{Input: src, SummarySheet: true}, ix)
	if err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(bytes.NewReader(with.Bytes))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	sheets := g.GetSheetList()
	if sheets[len(sheets)-1] != SummarySheetName {
		t.Fatalf("sheets = %v", sheets)
	}
	rows, _ := g.GetRows(SummarySheetName)
	c := Count(with.Items)
	if len(rows) != 1+c.Review+c.Unanswered {
		t.Errorf("summary has %d rows, want %d", len(rows)-1, c.Review+c.Unanswered)
	}
	if ok, link, _ := g.GetCellHyperLink(SummarySheetName, "B2"); !ok || !strings.HasPrefix(link, "'Questionnaire'!D") {
		t.Errorf("B2 link = %v %q", ok, link)
	}
	// Each suggestion says how often answers of its confidence were
	// right, as a percentage.
	suggested := 0
	for i, r := range rows[1:] {
		if len(r) > 4 && r[4] != "" {
			suggested++
			if len(r) < 7 || !strings.HasSuffix(r[6], "%") {
				t.Errorf("summary row %d: %q", i+2, r)
			}
		}
	}
	if suggested == 0 {
		t.Error("no summary row has a suggestion")
	}
	// The customer's sheets read the same with or without the summary.
	a, b := dump(t, plain.Bytes), dump(t, with.Bytes)
	if !strings.HasPrefix(b, strings.SplitN(a, "== sheet \"Lists\"", 2)[0]) {
		t.Error("the summary sheet changed the customer's sheets")
	}
	f, _ := excelize.OpenReader(bytes.NewReader(plain.Bytes))
	defer f.Close()
	if len(f.GetSheetList()) != len(sheets)-1 {
		t.Error("a sheet was added without --summary-sheet")
	}
}
