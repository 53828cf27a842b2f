package sheet

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// sheetPart is the worksheet that FuzzSheetXML replaces.
const sheetPart = "xl/worksheets/sheet1.xml"

// withSheetXML returns pkg with its first worksheet's XML replaced.
func withSheetXML(tb testing.TB, pkg []byte, sheet []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		if err != nil {
			tb.Fatal(err)
		}
		if f.Name == sheetPart {
			w.Write(sheet)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		io.Copy(w, rc)
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func partOf(tb testing.TB, pkg []byte, name string) []byte {
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return b
		}
	}
	tb.Fatalf("no part %s", name)
	return nil
}

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
		f.Add(partOf(f, b, sheetPart))
	}
	f.Add([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1048576"><c r="XFD1048576" t="s"><v>0</v></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`))
	f.Fuzz(func(t *testing.T, sheet []byte) {
		wb, err := OpenBytes(withSheetXML(t, base, sheet), "fuzz.xlsx", OpenOptions{UnzipLimit: 32 << 20, XMLLimit: 8 << 20})
		if err != nil {
			return
		}
		defer wb.Close()
		_, _ = Read(wb.File, Overrides{MaxRows: 5000})
	})
}
