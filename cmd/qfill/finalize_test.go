package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qfill/qfill/internal/ziptest"
	"github.com/qfill/qfill/pkg/fill"
	"github.com/xuri/excelize/v2"
)

// reviewCells lists the cells that carry a qfill review comment.
func reviewCells(t *testing.T, path string) map[string]bool {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]bool{}
	for _, s := range f.GetSheetList() {
		cs, _ := f.GetComments(s)
		for _, c := range cs {
			text := c.Text
			for _, r := range c.Paragraph {
				text += r.Text
			}
			if c.Author == fill.CommentAuthor && (strings.HasPrefix(text, "qfill: please review.") || strings.HasPrefix(text, "qfill: 要確認。")) {
				out[s+"!"+c.Cell] = true
			}
		}
	}
	return out
}

func fillOf(t *testing.T, path, sheetCell string) (excelize.Fill, string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, cell, _ := strings.Cut(sheetCell, "!")
	id, _ := f.GetCellStyle(s, cell)
	st, _ := f.GetStyle(id)
	v, _ := f.GetCellValue(s, cell)
	return st.Fill, v
}

// fill -> review -> finalize: the copy to send has no review mark left,
// the reviewer's answers stay, each review cell has its template style
// back, and every part but the sheet and its comments keeps its bytes.
func TestFinalize(t *testing.T) {
	dir, in, filled, marks := filledTemplate(t)
	code, _, stderr := qfill(t, "finalize", filled)
	if code != 2 || !strings.Contains(stderr, "review rows are still open") || !strings.Contains(stderr, "--force") {
		t.Errorf("finalize with open rows: exit %d, %q", code, stderr)
	}

	// The reviewer answers every review row and saves.
	reviewed := filepath.Join(dir, "reviewed.xlsx")
	f, err := excelize.OpenFile(filled)
	if err != nil {
		t.Fatal(err)
	}
	for key := range marks {
		s, cell, _ := strings.Cut(key, "!")
		f.SetCellStr(s, cell, "いいえ")
	}
	if err := f.SaveAs(reviewed); err != nil {
		t.Fatal(err)
	}
	f.Close()
	final := filepath.Join(dir, "send.xlsx")
	code, stdout, stderr := qfill(t, "finalize", reviewed, "-o", final)
	if code != 0 || !strings.Contains(stdout, "review marks removed") {
		t.Fatalf("finalize: exit %d: %s%s", code, stdout, stderr)
	}
	if left := reviewCells(t, final); len(left) != 0 {
		t.Errorf("review comments left: %v", left)
	}
	for key := range marks {
		got, v := fillOf(t, final, key)
		want, _ := fillOf(t, in, key)
		if v != "いいえ" {
			t.Errorf("%s = %q, want the reviewer's answer", key, v)
		}
		if !equalFill(got, want) {
			t.Errorf("%s fill %+v, want the template's %+v", key, got, want)
		}
	}
	// Byte for byte outside the sheet and its comments.
	a, b := zipParts(t, reviewed), zipParts(t, final)
	for name, crc := range a {
		if strings.HasPrefix(name, "xl/worksheets/") || strings.Contains(name, "comments") || strings.Contains(name, "vmlDrawing") {
			continue
		}
		if b[name] != crc {
			t.Errorf("part %s changed", name)
		}
	}

	// --force sends open rows blank, without their marks.
	forced := filepath.Join(dir, "forced.xlsx")
	if code, _, stderr := qfill(t, "finalize", filled, "-o", forced, "--force"); code != 0 {
		t.Fatalf("--force: exit %d: %s", code, stderr)
	}
	if left := reviewCells(t, forced); len(left) != 0 {
		t.Errorf("--force left review comments: %v", left)
	}
	for key := range marks {
		if got, v := fillOf(t, forced, key); v != "" || strings.Contains(strings.Join(got.Color, ""), fill.ReviewColor) {
			t.Errorf("%s after --force: %q, fill %+v", key, v, got)
		}
	}
	if !bytes.Equal(mustRead(t, in), mustRead(t, templateJA)) {
		t.Error("input modified")
	}
}

func equalFill(a, b excelize.Fill) bool {
	return a.Pattern == b.Pattern && strings.Join(a.Color, ",") == strings.Join(b.Color, ",")
}

// zipParts maps each part of a package to its checksum.
func zipParts(t *testing.T, path string) map[string]uint32 {
	t.Helper()
	data := mustRead(t, path)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]uint32{}
	for _, f := range zr.File {
		out[f.Name] = f.CRC32
	}
	return out
}

// A reviewer's number in a review cell reaches the copy to send in its own
// digits: finalize reads the answers without excelize's GetCellValue,
// which would rewrite 0.10000000000000001 (as Excel stores 0.1) as 0.1.
func TestFinalizeKeepsNumberText(t *testing.T) {
	dir, _, filled, marks := filledTemplate(t)
	var key string
	for k := range marks {
		if key == "" || k < key {
			key = k
		}
	}
	s, cell, _ := strings.Cut(key, "!")
	f, err := excelize.OpenFile(filled)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellFloat(s, cell, 0.1, -1, 64); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f.Close()
	part, sheetXML := partHolding(t, buf.Bytes(), "<v>0.1</v>")
	edited := bytes.Replace(sheetXML, []byte("<v>0.1</v>"), []byte("<v>0.10000000000000001</v>"), 1)
	reviewed := filepath.Join(dir, "reviewed.xlsx")
	if err := os.WriteFile(reviewed, ziptest.Replace(t, buf.Bytes(), part, edited), 0o644); err != nil {
		t.Fatal(err)
	}
	final := filepath.Join(dir, "send.xlsx")
	if code, _, stderr := qfill(t, "finalize", reviewed, "-o", final, "--force"); code != 0 {
		t.Fatalf("finalize: exit %d: %s", code, stderr)
	}
	out, err := os.ReadFile(final)
	if err != nil {
		t.Fatal(err)
	}
	if got := ziptest.Part(t, out, part); !bytes.Contains(got, []byte("<v>0.10000000000000001</v>")) {
		t.Errorf("%s: the reviewer's number lost its digits", key)
	}
}

// filledTemplate fills a copy of the Japanese template in a temporary
// folder and returns the folder, the copy, the filled copy and its review
// cells ("Sheet!D11").
func filledTemplate(t *testing.T) (dir, in, filled string, marks map[string]bool) {
	t.Helper()
	dir = t.TempDir()
	in = copyFile(t, templateJA, dir)
	if code, _, stderr := qfill(t, "fill", in, "--corpus", repoCorpus); code != 0 {
		t.Fatalf("fill: exit %d: %s", code, stderr)
	}
	filled = filepath.Join(dir, "security_checklist_ja.filled.xlsx")
	if marks = reviewCells(t, filled); len(marks) == 0 {
		t.Fatal("the filled copy has no review rows to test with")
	}
	return dir, in, filled, marks
}

// partHolding returns the worksheet part of pkg whose XML holds text, and
// that XML.
func partHolding(t *testing.T, pkg []byte, text string) (string, []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/worksheets/") && strings.HasSuffix(f.Name, ".xml") {
			if b := ziptest.Part(t, pkg, f.Name); bytes.Contains(b, []byte(text)) {
				return f.Name, b
			}
		}
	}
	t.Fatalf("no worksheet holds %s", text)
	return "", nil
}
