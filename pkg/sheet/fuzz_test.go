package sheet

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/qfill/qfill/internal/ziptest"
)

// sheetPart is the worksheet that FuzzSheetXML replaces.
const sheetPart = "xl/worksheets/sheet1.xml"

// FuzzSheetXML mutates the worksheet XML inside a real package (styles,
// shared strings and names stay valid), which reaches the reader's own
// logic far more often than mutating zip bytes does: header search,
// merges, hidden rows, validations, formulas. Seeds are the sheets of
// the bundled templates.
func FuzzSheetXML(f *testing.F) {
	base, err := os.ReadFile(filepath.Join("..", "..", "templates", "security_checklist_ja.xlsx"))
	if err != nil {
		f.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "templates", "*.xlsx"))
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(ziptest.Part(f, b, sheetPart))
	}
	f.Add([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1048576"><c r="XFD1048576" t="s"><v>0</v></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`))
	f.Fuzz(func(t *testing.T, sheet []byte) {
		wb, err := OpenBytes(ziptest.Replace(t, base, sheetPart, sheet), "fuzz.xlsx", OpenOptions{UnzipLimit: 32 << 20, XMLLimit: 8 << 20})
		if err != nil {
			return
		}
		defer wb.Close()
		_, _ = Read(wb.File, Overrides{MaxRows: 5000})
	})
}
