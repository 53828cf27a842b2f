package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/qfill/qfill/internal/ziptest"
	"github.com/xuri/excelize/v2"
)

// sheetPart is the worksheet that FuzzSheetXML replaces.
const sheetPart = "xl/worksheets/sheet1.xml"

// addTemplateSheets seeds a fuzz target with the worksheet of every
// bundled template.
func addTemplateSheets(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "templates", "*.xlsx"))
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(ziptest.Part(f, b, sheetPart))
	}
	// The first again, protected, its answer cells locked or not as
	// their styles say: the protection is read the same both ways.
	if len(files) > 0 {
		b, _ := os.ReadFile(files[0])
		f.Add(bytes.Replace(ziptest.Part(f, b, sheetPart), []byte("</sheetData>"), []byte(`</sheetData><sheetProtection sheet="1" objects="1"/>`), 1))
	}
}

// FuzzSheetXML mutates the worksheet XML inside a real package (styles,
// shared strings and names stay valid), which reaches the reader's own
// logic far more often than mutating zip bytes does: header search,
// merges, hidden rows, validations, formulas. Seeds are the sheets of
// the bundled templates. The sheet is read twice, with the parts the
// reader takes from the sheet's XML (rawxml.go) and through excelize: a
// sheet excelize reads must read the same both ways (the XML read may
// accept a sheet whose unread elements excelize refuses).
func FuzzSheetXML(f *testing.F) {
	base := templatePkg(f)
	addTemplateSheets(f)
	f.Add([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1048576"><c r="XFD1048576" t="s"><v>0</v></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`))
	f.Fuzz(func(t *testing.T, sheet []byte) {
		pkg := ziptest.Replace(t, base, sheetPart, sheet)
		read := func(parts func(*excelize.File) map[string]string) (*Workbook, bool, error) {
			rawParts = parts
			defer func() { rawParts = sheetParts }()
			wb, err := OpenBytes(pkg, "fuzz.xlsx", OpenOptions{UnzipLimit: 32 << 20, XMLLimit: 8 << 20})
			if err != nil {
				return nil, false, nil
			}
			defer wb.Close()
			got, err := Read(wb.File, Overrides{MaxRows: 5000})
			return got, true, err
		}
		raw, opened, rawErr := read(sheetParts)
		if !opened {
			return
		}
		via, _, viaErr := read(func(*excelize.File) map[string]string { return nil })
		if viaErr != nil {
			return
		}
		if rawErr != nil {
			t.Fatalf("read through excelize, but not from the XML: %v", rawErr)
		}
		if !reflect.DeepEqual(raw, via) {
			t.Fatalf("read differently from the XML and through excelize:\n%+v\n%+v", raw, via)
		}
	})
}
