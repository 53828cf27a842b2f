package sheet

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/qfill/qfill/internal/ziptest"
	"github.com/xuri/excelize/v2"
)

// Every workbook at hand reads the same with the rows, merged ranges and
// hidden columns taken from the sheets' XML as through excelize, and the
// XML is read directly for every sheet of the real-world questionnaires.
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
					// Rows too: a sheet the scanner gives up on is
					// streamed through excelize, the same but slower.
					if rs := rawWorksheet(b.File, p, name); rs != nil {
						if _, ok, _ := scanRows(rs.xml, func() (sharedStrings, bool) { return excelizeSST(b.File, name) }, DefaultMaxRows); ok {
							direct++
						}
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

// Formulas as excelize's GetCellFormula gives them, but for a cell that
// shares an earlier cell's formula: that cell's text, unshifted.
func TestRawFormulas(t *testing.T) {
	body := `<sheetData>` +
		`<row r="1"><c r="A1"><f>SUM(B1:B3)&amp;"x"</f><v>1</v></c><c r="B1" t="str"><f>HYPERLINK("https://example.com","Policy &lt;v2&gt;")</f><v></v></c></row>` +
		`<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">B2*2</f><v>2</v></c><c r="B2"><v>1</v></c></row>` +
		`<row r="3"><c r="A3"><f t="shared" si="0"/><v>2</v></c><c r="C3"><f/></c></row>` +
		`<row r="4"><c r="a4" s="1"><f t="shared" si="0"/></c><c r="B4"><f t="shared" si="7"/></c></row>` +
		`</sheetData>`
	pkg := workbookWithSheet(t, body)
	f, err := excelize.OpenReader(bytes.NewReader(pkg))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rs := rawWorksheet(f, sheetParts(f), "Sheet1")
	if rs == nil {
		t.Fatal("sheet not read directly")
	}
	for _, c := range []struct{ cell, want string }{
		{"A1", `SUM(B1:B3)&"x"`},
		{"B1", `HYPERLINK("https://example.com","Policy <v2>")`},
		{"A2", "B2*2"},
		{"A3", "B2*2"}, // excelize: B3*2
		{"A4", "B2*2"},
		{"B4", ""}, // no cell starts shared formula 7
		{"C3", ""},
		{"B2", ""},
		{"Z9", ""},
	} {
		got, ok := rs.formula(c.cell)
		if !ok || got != c.want {
			t.Errorf("%s: %q %v, want %q", c.cell, got, ok, c.want)
		}
		if c.cell == "A3" || c.cell == "A4" {
			continue
		}
		if want, err := f.GetCellFormula("Sheet1", c.cell); err != nil || got != want {
			t.Errorf("%s: %q, excelize %q (%v)", c.cell, got, want, err)
		}
	}
	for _, odd := range []string{
		`<sheetData><row r="1"><c><f>A2</f></c></row></sheetData>`,                                        // no reference
		`<sheetData><row r="1"><c r="A1"><f>1</f></c><c r="A1"><f>2</f></c></row></sheetData>`,            // twice
		`<sheetData><row r="1"><c r="A1"><v>1</v></c><c` + "\n" + `r="B1"><f>1</f></c></row></sheetData>`, // unlike Excel
	} {
		if _, ok := (&rawSheet{xml: []byte(`<worksheet>` + odd + `</worksheet>`)}).formula("A1"); ok {
			t.Errorf("%s: read directly", odd)
		}
	}
}

// Data validations as excelize's GetDataValidations gives them: the
// worksheet's, then the x14 extension's, which is the worksheet's own
// extLst, not one inside a conditional format's rule.
func TestRawValidations(t *testing.T) {
	const x14 = `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>D2:D9</xm:sqref></x14:dataValidation></x14:dataValidations></ext>`
	const cf = `<conditionalFormatting sqref="E2:E9"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{0}</x14:id></ext></extLst></cfRule></conditionalFormatting>`
	const dv = `<dataValidations count="3"><dataValidation type="list" allowBlank="1" sqref="C2:C9"><formula1>"Yes,No,R&amp;D"</formula1></dataValidation><dataValidation type="whole" sqref="F2"><formula1>0</formula1><formula2>9</formula2></dataValidation><dataValidation type="textLength" operator="lessThanOrEqual" sqref="G2:G9"><formula1>200</formula1></dataValidation></dataValidations>`
	for _, c := range []struct {
		name, body string
		want       int
	}{
		{"none", `<sheetData/>`, 0},
		{"worksheet's", `<sheetData/>` + dv, 3},
		{"and the extension's", `<sheetData/>` + cf + dv + `<extLst>` + x14 + `</extLst>`, 4},
		{"with an extLst inside its own", `<sheetData/>` + dv + `<extLst><ext uri="{0}"><extLst><ext uri="{1}"/></extLst></ext>` + x14 + `</extLst>`, 4},
		{"a rule's extLst only", `<sheetData/>` + cf + dv + `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`, 3},
	} {
		pkg := workbookWithSheet(t, c.body)
		f, err := excelize.OpenReader(bytes.NewReader(pkg))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		rs := rawWorksheet(f, sheetParts(f), "Sheet1")
		got, ok := rs.validations()
		want, err := f.GetDataValidations("Sheet1")
		if !ok || err != nil || len(got) != c.want || len(want) != c.want {
			t.Fatalf("%s: %d validations (%v), excelize %d (%v), want %d", c.name, len(got), ok, len(want), err, c.want)
		}
		for i := range got {
			if got[i].Type != want[i].Type || got[i].Operator != want[i].Operator || got[i].Sqref != want[i].Sqref || got[i].Formula1 != want[i].Formula1 || got[i].Formula2 != want[i].Formula2 {
				t.Errorf("%s: %d: %+v, excelize %+v", c.name, i, *got[i], *want[i])
			}
		}
		f.Close()
	}
}

// workbookWithSheet returns a saved workbook whose one sheet has body
// inside <worksheet>.
func workbookWithSheet(t *testing.T, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := excelize.NewFile().Write(&buf); err != nil {
		t.Fatal(err)
	}
	sheet := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` + body + `</worksheet>`
	return ziptest.Replace(t, buf.Bytes(), "xl/worksheets/sheet1.xml", []byte(sheet))
}

// A cell's reference as encoding/xml (and so excelize) reads its tag.
func TestCellRef(t *testing.T) {
	for _, tag := range []string{
		`<c r="B7"`, `<c s="2" r="B7" t="s"`, `<c r='C3' s="1"`, `<c t="a r='Z9'" r="A1"`,
		`<c r = "D4"`, `<c x:r="E5" r="F6"`, `<c x:r="E5"`, `<c r="G&#55;"`, `<c s="1"`, `<c` + "\n\t" + `r="H8"`, `<c r=""`,
	} {
		var want struct {
			R string `xml:"r,attr"`
		}
		if err := xml.Unmarshal([]byte(tag+"/>"), &want); err != nil {
			t.Fatal(err)
		}
		if got, ok := cellRef([]byte(tag)); !ok || got != want.R {
			t.Errorf("%s: %q %v, want %q", tag, got, ok, want.R)
		}
	}
}

// The longest text a textLength rule allows, as Excel applies its
// operator; no limit for a lower bound only, a bound read from a cell, or
// one that allows nothing.
func TestLongestText(t *testing.T) {
	for _, c := range []struct {
		op, f1, f2 string
		want       int
	}{
		{"lessThanOrEqual", "200", "", 200},
		{"lessThan", "200", "", 199},
		{"between", "1", "100", 100},
		{"", "1", " 50 ", 50},
		{"equal", "8", "", 8},
		{"greaterThan", "10", "", 0},
		{"notBetween", "1", "10", 0},
		{"lessThanOrEqual", "$B$1", "", 0},
		{"lessThan", "1", "", 0},
	} {
		n, ok := longestText(&excelize.DataValidation{Type: "textLength", Operator: c.op, Formula1: c.f1, Formula2: c.f2})
		if !ok {
			n = 0
		}
		if n != c.want {
			t.Errorf("%s %q %q: %d, want %d", c.op, c.f1, c.f2, n, c.want)
		}
	}
}

// Array formulas' ranges, read from the worksheet's XML however the rest
// of it is read.
func TestArrayRanges(t *testing.T) {
	got := arrayRanges([]byte(`<sheetData><row r="2"><c r="C2"><f t="array" ref="C2:C4">A2:A4*2</f></c>` +
		`<c r="D2"><f ref='E5' aca="0" t='array'>1</f></c><c r="F2"><f t="shared" ref="F2:F9" si="0">1</f></c>` +
		`<c r="G2"><fx t="array" ref="G2:G9"/><f xt="array" ref="H2:H9"/></c></row></sheetData>`))
	want := []area{{r1: 2, c1: 3, r2: 4, c2: 3}, {r1: 5, c1: 5, r2: 5, c2: 5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ranges %+v, want %+v", got, want)
	}
}
