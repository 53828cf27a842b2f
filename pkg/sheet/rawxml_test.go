package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Every workbook at hand reads the same with the merged ranges and hidden
// columns taken from the sheets' XML as through excelize, and the XML is
// read directly for every sheet of the real-world questionnaires.
func TestReadSameWithoutRawXML(t *testing.T) {
	var files []string
	for _, pat := range []string{"../../templates/*.xlsx", "../../examples/*.xlsx", "../../testdata/*/*.xlsx", "../../../shared/realworld/*.xlsx"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	if len(files) < 5 {
		t.Fatalf("only %d workbooks found", len(files))
	}
	shared := 0
	for _, fn := range files {
		data, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		read := func(parts func(*excelize.File) map[string]string) (*Workbook, string, int) {
			rawParts = parts
			defer func() { rawParts = sheetParts }()
			b, err := OpenBytes(data, filepath.Base(fn), OpenOptions{})
			if err != nil {
				t.Fatalf("%s: %v", fn, err)
			}
			defer b.Close()
			direct := 0
			if p := parts(b.File); p != nil {
				for _, name := range b.GetSheetList() {
					if rawWorksheet(b.File, p, name) != nil {
						direct++
					}
				}
			}
			wb, err := Read(b.File, Overrides{})
			msg := ""
			if err != nil {
				msg = err.Error()
			}
			return wb, msg, direct
		}
		raw, rawErr, direct := read(sheetParts)
		via, viaErr, _ := read(func(*excelize.File) map[string]string { return nil })
		if rawErr != viaErr || !reflect.DeepEqual(raw, via) {
			t.Errorf("%s: read differently from the sheets' XML (error %q) and through excelize (error %q)", fn, rawErr, viaErr)
		}
		if filepath.Base(filepath.Dir(fn)) == "realworld" {
			shared++
			if b, _ := OpenBytes(data, "", OpenOptions{}); b != nil {
				if n := len(b.GetSheetList()); direct != n {
					t.Errorf("%s: %d of %d sheets read from their XML", fn, direct, n)
				}
				b.Close()
			}
		}
	}
	if shared == 0 {
		t.Log("../shared/realworld is absent: checked the bundled workbooks only")
	}
}

func TestRawSheetElements(t *testing.T) {
	sheet := func(body string) *rawSheet {
		return &rawSheet{xml: []byte(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + body + `</worksheet>`)}
	}
	merges := []struct {
		body string
		want []string // nil: excelize must answer
	}{
		{`<sheetData/>`, []string{}},
		{`<sheetData/><mergeCells count="0"/>`, []string{}},
		{`<sheetData/><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C1:C4"/></mergeCells>`, []string{"A1:B2", "C1:C4"}},
		// As excelize reads them: corners sorted, $ dropped, one cell.
		{`<sheetData/><mergeCells><mergeCell ref="B3:A1"/><mergeCell ref="$D$1"/></mergeCells>`, []string{"A1:B3", "D1:D1"}},
		{`<sheetData/><mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>`, nil}, // overlap: joined by excelize
		{`<sheetData/><mergeCells><mergeCell ref="A1:B2"/></mergeCells><mergeCells><mergeCell ref="D1:D2"/></mergeCells>`, nil},
		{`<sheetData/><mergeCells><mergeCell ref="nonsense"/></mergeCells>`, nil},
		{`<sheetData/><mergeCells><mergeCell ref="A1:B2"/>`, nil}, // never closed
	}
	for _, c := range merges {
		got, ok := sheet(c.body).merges()
		if c.want == nil {
			if ok {
				t.Errorf("%s: read %v, want excelize asked", c.body, got)
			}
			continue
		}
		var refs []string
		for _, m := range got {
			refs = append(refs, m[0])
		}
		if !ok || len(refs) != len(c.want) || len(refs) > 0 && !reflect.DeepEqual(refs, c.want) {
			t.Errorf("%s: %v %v, want %v", c.body, refs, ok, c.want)
		}
	}
	cols := []struct {
		body string
		want map[int]bool // nil: excelize must answer
	}{
		{`<sheetData/>`, map[int]bool{}},
		{`<cols><col min="2" max="3" hidden="1"/><col min="5" max="5" hidden="true" width="3"/></cols><sheetData/>`, map[int]bool{2: true, 3: true, 5: true}},
		// The last element covering a column decides.
		{`<cols><col min="1" max="6" hidden="1"/><col min="4" max="4" hidden="0"/></cols><sheetData/>`, map[int]bool{1: true, 2: true, 3: true, 5: true, 6: true}},
		{`<sheetData/><colBreaks count="1"><brk id="3"/></colBreaks>`, map[int]bool{}},
		{`<cols><col min="1" max="1" hidden="1"/></cols><cols></cols><sheetData/>`, nil},
	}
	for _, c := range cols {
		got, ok := sheet(c.body).hiddenCols(6)
		if c.want == nil {
			if ok {
				t.Errorf("%s: read %v, want excelize asked", c.body, got)
			}
			continue
		}
		if !ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %v %v, want %v", c.body, got, ok, c.want)
		}
	}
}

// XML where markup can hide from a plain search is left to excelize.
func TestRawWorksheetLeavesUnusualXML(t *testing.T) {
	for _, x := range []string{
		`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/></x:worksheet>`,
		`<worksheet><!-- <mergeCells><mergeCell ref="A1:B2"/></mergeCells> --><sheetData/></worksheet>`,
		`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<mergeCells>]]></t></is></c></row></sheetData></worksheet>`,
		`<worksheet xmlns:x="urn:x"><sheetData/><x:mergeCells><x:mergeCell ref="A1:B2"/></x:mergeCells></worksheet>`,
	} {
		f := excelize.NewFile()
		f.Pkg.Store("xl/worksheets/sheet1.xml", []byte(x))
		if rs := rawWorksheet(f, map[string]string{"Sheet1": "xl/worksheets/sheet1.xml"}, "Sheet1"); rs != nil {
			t.Errorf("%s: read directly", x)
		}
		f.Close()
	}
	var buf bytes.Buffer
	if err := excelize.NewFile().Write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	parts := sheetParts(f)
	if parts["Sheet1"] != "xl/worksheets/sheet1.xml" {
		t.Fatalf("parts %v", parts)
	}
	if rawWorksheet(f, parts, "Sheet1") == nil {
		t.Error("a saved workbook's sheet not read directly")
	}
	f.SetCellValue("Sheet1", "A1", "x") // now decoded in excelize, and changed
	if rawWorksheet(f, parts, "Sheet1") != nil {
		t.Error("a sheet excelize holds decoded read from its old XML")
	}
}
