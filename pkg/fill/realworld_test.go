package fill

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qfill/qfill/internal/xlsxdump"
)

func realworldFiles(t *testing.T) []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "realworld", "*.xlsx"))
	if len(files) == 0 {
		t.Skip("../shared/realworld is not beside this checkout (it is in CI): skipping the real-world fidelity test")
	}
	return files
}

// TestRealworldFidelity fills every public questionnaire in
// ../shared/realworld and checks that the output differs from the input
// only in the cells qfill wrote: every other cell value, formula and style,
// the merges, data validations (x14 included), defined names, sheet, row
// and column visibility, column widths and comments are equal, and every
// package part qfill had no reason to touch is byte-identical.
func TestRealworldFidelity(t *testing.T) {
	ix := sampleIndex(t)
	for _, in := range realworldFiles(t) {
		t.Run(filepath.Base(in), func(t *testing.T) {
			t.Parallel()
			res, err := Run(Job{Input: in}, ix)
			if err != nil {
				t.Fatalf("fill: %v", err)
			}
			orig, _ := os.ReadFile(in)
			skip := map[string]bool{}
			for _, it := range res.Items {
				for _, w := range it.writes {
					skip[it.Sheet+"!"+w.cell] = true
				}
			}
			a, err := xlsxdump.Dump(orig, xlsxdump.Options{Styles: true, Skip: skip})
			if err != nil {
				t.Fatal(err)
			}
			b, err := xlsxdump.Dump(res.Bytes, xlsxdump.Options{Styles: true, Skip: skip})
			if err != nil {
				t.Fatalf("output does not open: %v", err)
			}
			if a != b {
				t.Errorf("output differs outside the written cells:\n%s", firstDiff(a, b))
			}
			// Parts of sheets qfill did not write are copied byte for byte.
			changed := map[string]bool{}
			for _, it := range res.Items {
				if len(it.writes) > 0 {
					changed[it.Sheet] = true
				}
			}
			checkUntouchedParts(t, orig, res.Bytes, changed)
			c := Count(res.Items)
			t.Logf("%d questions: %d filled, %d review, %d unanswered, %d kept", c.Questions, c.Filled, c.Review, c.Unanswered, c.Kept)
		})
	}
}

func checkUntouchedParts(t *testing.T, orig, out []byte, changedSheets map[string]bool) {
	t.Helper()
	or, _ := zip.NewReader(bytes.NewReader(orig), int64(len(orig)))
	ow, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	paths, err := sheetPartPaths(or)
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"[Content_Types].xml": true, "xl/styles.xml": true, "xl/sharedStrings.xml": true, "xl/_rels/workbook.xml.rels": true}
	for s := range changedSheets {
		allowed[paths[s]] = true
		allowed[relsPath(paths[s])] = true
	}
	outParts := map[string]*zip.File{}
	for _, f := range ow.File {
		outParts[f.Name] = f
	}
	for _, f := range or.File {
		o := outParts[f.Name]
		if o == nil {
			t.Errorf("part %s is missing from the output", f.Name)
			continue
		}
		if allowed[f.Name] || strings.Contains(f.Name, "comments") || strings.Contains(f.Name, "vmlDrawing") {
			continue
		}
		if o.CRC32 != f.CRC32 || o.CompressedSize64 != f.CompressedSize64 {
			t.Errorf("part %s changed", f.Name)
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "input:  " + al[i] + "\noutput: " + bl[i]
		}
	}
	return "lengths differ"
}
