package fill

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/qfill/qfill/internal/ziptest"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/sheet"
)

const fuzzSheetPart = "xl/worksheets/sheet1.xml"

var (
	fuzzIndexOnce sync.Once
	fuzzIndex     *match.Index
)

// FuzzFill runs the whole fill (read, match, plan, write the answers,
// comments and summary sheet, patch the package) on a real template whose
// worksheet XML is mutated: the writer meets the merges, validations,
// comments and odd cells the reader's fuzz target feeds the reader. A
// workbook qfill cannot fill must end in an error of one line; one it
// fills must come out as a package excelize opens again, with the input's
// sheets in the input's order.
func FuzzFill(f *testing.F) {
	base, err := os.ReadFile(filepath.Join("..", "..", "templates", "security_checklist_ja.xlsx"))
	if err != nil {
		f.Fatal(err)
	}
	for _, fn := range templates(f) {
		b, err := os.ReadFile(fn)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(ziptest.Part(f, b, fuzzSheetPart))
	}
	// A formatted row far below the content, which is set aside while
	// the sheet is written (farrows.go).
	x := ziptest.Part(f, base, fuzzSheetPart)
	if i := bytes.LastIndex(x, []byte("</sheetData>")); i >= 0 {
		f.Add(bytes.Join([][]byte{x[:i], []byte(`<row r="30000" ht="3" customHeight="1"/><row r="1048576" ht="3" customHeight="1"/>`), x[i:]}, nil))
	}
	f.Fuzz(func(t *testing.T, sheetXML []byte) {
		fuzzIndexOnce.Do(func() { fuzzIndex = sampleIndex(t) })
		data := ziptest.Replace(t, base, fuzzSheetPart, sheetXML)
		res, err := Run(Job{
			Input:        "fuzz.xlsx",
			Data:         data,
			Open:         sheet.OpenOptions{UnzipLimit: 32 << 20, XMLLimit: 8 << 20},
			Layout:       sheet.Overrides{MaxRows: 5000},
			SummarySheet: true,
		}, fuzzIndex)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error of more than one line: %q", err)
			}
			if errors.Is(err, ErrInternal) {
				t.Fatalf("panic inside the fill: %v", err)
			}
			return
		}
		if res.Bytes == nil {
			t.Fatal("no error and no package")
		}
		out, err := excelize.OpenReader(bytes.NewReader(res.Bytes))
		if err != nil {
			t.Fatalf("the filled package does not open: %v", err)
		}
		defer out.Close()
		var want []string
		for _, s := range res.Workbook.Sheets {
			want = append(want, s.Name)
		}
		got := out.GetSheetList()
		if len(got) < len(want) || !slices.Equal(got[:len(want)], want) {
			t.Fatalf("sheets %v, want %v first", got, want)
		}
	})
}
