package sheet

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qfill/qfill/internal/ziptest"
)

// rowsBothWays reads the rows of the package's first sheet with the
// scanner and through excelize. direct says whether the scanner read them.
func rowsBothWays(t *testing.T, pkg []byte, maxRows int) (scanned, streamed string, direct bool) {
	t.Helper()
	b, err := OpenBytes(pkg, "t.xlsx", OpenOptions{UnzipLimit: 32 << 20, XMLLimit: 8 << 20})
	if err != nil {
		return "", "", false
	}
	defer b.Close()
	name := b.GetSheetList()[0]
	show := func(rs *rawSheet) string {
		rows, hidden, err := gridRows(b.File, name, maxRows, rs)
		return fmt.Sprintf("%q hidden %v err %v", rows, hidden, err)
	}
	rs := rawWorksheet(b.File, sheetParts(b.File), name)
	if rs != nil {
		_, direct, _ = scanRows(rs.xml, func() (sharedStrings, bool) { return excelizeSST(b.File, name) }, maxRows)
	}
	// excelize first: the scanner must not depend on what excelize
	// loaded before it.
	streamed = show(nil)
	return show(rs), streamed, direct
}

func templatePkg(t testing.TB) []byte {
	base, err := os.ReadFile(filepath.Join("..", "..", "templates", "security_checklist_ja.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	return base
}

// The scanner reads rows exactly as excelize's Rows.Columns (raw values)
// and GetRowOpts report them, and leaves to excelize what it cannot.
func TestScanRowsAsExcelize(t *testing.T) {
	base := templatePkg(t)
	const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">`
	cases := []struct {
		name   string
		body   string // the worksheet's content
		direct bool   // read by the scanner
	}{
		{"plain", `<dimension ref="A1:C2"/><sheetData><row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>4</v></c><c r="B1" s="3" t="s"><v>6</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="C2" t="str"><v>x</v></c></row></sheetData>`, true},
		{"empty", `<sheetData/>`, true},
		{"no rows", `<sheetData></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>`, true},
		{"rows and cells without numbers", `<sheetData><row><c t="s"><v>1</v></c><c><v>2</v></c></row><row><c/><c t="str"><v>b</v></c></row><row r="5"><c><v>5</v></c></row><row><c r="C6"><v>6</v></c><c><v>7</v></c></row></sheetData>`, true},
		{"gaps and hidden rows", `<sheetData><row r="2" hidden="1"><c r="A2"><v>1</v></c></row><row r="3"><c r="A3"><v>1</v></c></row><row r="6" hidden="true"><c r="B6"><v>2</v></c></row><row r="7" hidden="0"/><row r="9" hidden="1"><c r="A9"><v>3</v></c></row><row r="12" hidden="yes"><c r="A12"><v>4</v></c></row><row r="13" hidden="1" hidden="no"><c r="A13"><v>5</v></c></row><row r="20" hidden="1"/></sheetData>`, true},
		{"row 1 hidden", `<sheetData><row r="1" hidden="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"><c r="A2"><v>1</v></c></row></sheetData>`, true},
		{"formula without value", `<sheetData><row r="1"><c r="A1"><f>B1</f></c><c r="C1"><f t="shared" ref="C1:C2" si="0"/><v></v></c><c r="E1" t="s"><f ca="1">X</f><v>0</v></c></row><row r="2"><c r="C2"><f t="shared" si="0"/></c></row></sheetData>`, true},
		{"shared string indexes", `<sheetData><row r="1"><c r="A1" t="s"><v> 2 </v></c><c r="B1" t="s"><v>99999</v></c><c r="C1" t="s"><v>-1</v></c><c r="D1" t="s"><v>abc</v></c><c r="E1" t="s"><v/></c><c r="F1" t="s"><v>007</v></c><c r="G1" t="s"><v>99999999999999999999</v></c><c r="H1" t="s"><v> &#50;&#x31; </v></c><c r="J1" t="s"><v>1/2</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="C2" t="s"><f>Z9</f><v>99999</v></c></row></sheetData>`, true},
		{"types", `<sheetData><row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1" t="d"><v>2026-12-07T00:00:00Z</v></c><c r="D1" t="n"><v>9.1999999999999993</v></c><c r="E1" t="unknown"><v>z</v></c></row></sheetData>`, true},
		{"inline strings", `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>はい</t></is></c><c r="B1" t="inlineStr"><is><r><t>a</t></r><r><t xml:space="preserve"> b</t></r></is></c><c r="C1" t="inlineStr"><v>v</v></c><c r="D1" t="inlineStr"><is/></c><c r="E1"><is><t>ignored</t></is><v>1</v></c><c r="F1" t="inlineStr"><is><t>t</t><r><t>r</t></r></is></c></row></sheetData>`, true},
		{"entities and line ends", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"str\"><v>a &amp; b &lt;c&gt; &#x41;&#66; &quot;&apos;</v></c><c r=\"B1\" t=\"str\"><v>x\r\ny\rz\r\r\n</v></c><c r=\"C1\" t=\"str\"><v>]]&gt; ]] &gt;</v></c></row></sheetData>", true},
		{"cells out of order", `<sheetData><row r="1"><c r="C1"><v>1</v></c><c r="A1"><v>2</v></c><c><v>3</v></c><c r="B1" r="E1"><v>4</v></c><c r="c1"><v>5</v></c></row></sheetData>`, true},
		{"spaces in tags", "<sheetData ><row\tr = '1' ><c r=\"A1\"t=\"str\" ><v >a</v ></c ></row\n></sheetData >", true},
		{"beyond the row limit", `<sheetData><row r="3"><c r="A3"><v>1</v></c></row><row r="9"/><row r="11"><c r="A11"><v>1</v></c></row></sheetData>`, true},
		// Refused at row 11: what follows is never read, by either.
		{"beyond the row limit, then bad XML", `<sheetData><row r="11"><c r="A11"><v>1</v></c></row><row r="12"><c r="1A"><v>1</v></c></row><bad`, true},
		{"far formatted row", `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576" ht="3" customHeight="1"/></sheetData>`, true},

		{"prefixed cell", `<sheetData><row r="1"><x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="A1"><x:v>1</x:v></x:c></row></sheetData>`, false},
		{"row before the data", `<sheetPr><row r="1"/></sheetPr><sheetData><row r="2"><c r="A2"><v>1</v></c></row></sheetData>`, false},
		{"row after the data", `<sheetData><row r="2"><c r="A2"><v>1</v></c></row></sheetData><extLst><row r="3"/></extLst>`, false},
		{"rows out of order", `<sheetData><row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>2</v></c></row></sheetData>`, false},
		{"bad row number", `<sheetData><row r="x"><c r="A1"><v>1</v></c></row></sheetData>`, false},
		{"bad cell reference", `<sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData>`, false},
		{"bad style", `<sheetData><row r="1"><c r="A1" s="x"><v>1</v></c></row></sheetData>`, false},
		{"bad formula flag", `<sheetData><row r="1"><c r="A1"><f ca="maybe">B1</f><v>1</v></c></row></sheetData>`, false},
		{"unknown entity", `<sheetData><row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row></sheetData>`, false},
		{"control character", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"str\"><v>a\x01</v></c></row></sheetData>", false},
		{"invalid UTF-8", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"str\"><v>a\xff</v></c></row></sheetData>", false},
		{"]]> in text", `<sheetData><row r="1"><c r="A1" t="str"><v>a]]>b</v></c></row></sheetData>`, false},
		{"rich text with properties", `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>a</t></r></is></c></row></sheetData>`, false},
		{"escaped character", `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a_x000D_b</t></is></c></row></sheetData>`, false},
		{"unknown element in a cell", `<sheetData><row r="1"><c r="A1"><extLst/><v>1</v></c></row></sheetData>`, false},
		{"end tag mismatch", `<sheetData><row r="1"><c r="A1"><v>1</c></v></row></sheetData>`, false},
		{"cut short", `<sheetData><row r="1"><c r="A1"><v>1</v></c>`, false},
		{"unquoted attribute", `<sheetData><row r=1><c r="A1"><v>1</v></c></row></sheetData>`, false},
		{"processing instruction", `<sheetData><?pi x?><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			xml := head + c.body + `</worksheet>`
			if c.name == "cut short" {
				xml = head + c.body
			}
			pkg := ziptest.Replace(t, base, sheetPart, []byte(xml))
			limit := 100
			if strings.HasPrefix(c.name, "beyond the row limit") {
				limit = 10
			}
			scanned, streamed, direct := rowsBothWays(t, pkg, limit)
			if direct != c.direct {
				t.Errorf("read by the scanner: %v, want %v", direct, c.direct)
			}
			if scanned != streamed {
				t.Errorf("scanned  %s\nexcelize %s", scanned, streamed)
			}
		})
	}
}

// Random sheets of the shapes above read the same both ways.
func TestScanRowsRandom(t *testing.T) {
	base := templatePkg(t)
	rnd := rand.New(rand.NewSource(7))
	pick := func(xs ...string) string { return xs[rnd.Intn(len(xs))] }
	for i := 0; i < 300; i++ {
		var b strings.Builder
		b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		r := 0
		for n := rnd.Intn(8); n > 0; n-- {
			r += 1 + rnd.Intn(3)
			attrs := pick("", fmt.Sprintf(` r="%d"`, r), fmt.Sprintf(` r="%d" hidden="1"`, r), fmt.Sprintf(` hidden="%s" r="%d"`, pick("0", "true", "x"), r))
			if attrs == "" {
				r = r - 1 // a row without a number follows the one before
			}
			b.WriteString("<row" + attrs)
			if rnd.Intn(5) == 0 {
				b.WriteString("/>")
				continue
			}
			b.WriteString(">")
			col := 0
			for m := rnd.Intn(6); m > 0; m-- {
				col += 1 + rnd.Intn(2)
				ref := pick("", fmt.Sprintf(` r="%s%d"`, string(rune('A'+col-1)), max(r, 1)))
				typ := pick("", ` t="s"`, ` t="str"`, ` t="inlineStr"`, ` t="b"`)
				val := pick("", "<v>0</v>", "<v>3</v>", "<v>61</v>", "<v>x &amp; y</v>", "<v></v>", "<f>A1</f>", "<is><t>in</t></is>", "<f>1</f><v>2</v>")
				fmt.Fprintf(&b, "<c%s%s>%s</c>", ref, typ, val)
			}
			b.WriteString("</row>")
		}
		b.WriteString(`</sheetData></worksheet>`)
		pkg := ziptest.Replace(t, base, sheetPart, []byte(b.String()))
		scanned, streamed, _ := rowsBothWays(t, pkg, 12)
		if scanned != streamed {
			t.Fatalf("%s\nscanned  %s\nexcelize %s", b.String(), scanned, streamed)
		}
	}
}

// FuzzScanRows mutates worksheet XML: whatever the scanner reads, it
// reads as excelize does.
func FuzzScanRows(f *testing.F) {
	base := templatePkg(f)
	addTemplateSheets(f)
	f.Add([]byte(`<worksheet><sheetData><row><c t="s"><v> 1</v></c><c r="C1" t="inlineStr"><is><r><t>a</t></r></is></c></row><row r="4" hidden="1"><c><f>A1</f></c></row></sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, sheet []byte) {
		pkg := ziptest.Replace(t, base, sheetPart, sheet)
		scanned, streamed, direct := rowsBothWays(t, pkg, 5000)
		if direct && scanned != streamed {
			t.Fatalf("scanned  %s\nexcelize %s", scanned, streamed)
		}
	})
}

func TestAnyOverlap(t *testing.T) {
	rnd := rand.New(rand.NewSource(3))
	for i := 0; i < 2000; i++ {
		rects := make([][4]int, rnd.Intn(12))
		for k := range rects {
			r1, c1 := 1+rnd.Intn(20), 1+rnd.Intn(6)
			rects[k] = [4]int{r1, c1, r1 + rnd.Intn(4), c1 + rnd.Intn(2)}
		}
		want := false
		for a := range rects {
			for b := range rects[:a] {
				x, y := rects[a], rects[b]
				if x[0] <= y[2] && y[0] <= x[2] && x[1] <= y[3] && y[1] <= x[3] {
					want = true
				}
			}
		}
		if got, ok := anyOverlap(rects); !ok || got != want {
			t.Fatalf("%v: overlap %v (ok %v), want %v", rects, got, ok, want)
		}
	}
	// Tall ranges side by side meet each other row after row: past the
	// budget, the check gives up.
	tall := make([][4]int, 3000)
	for k := range tall {
		tall[k] = [4]int{1, k + 1, 100000, k + 1}
	}
	if _, ok := anyOverlap(tall); ok {
		t.Error("3,000 ranges side by side checked: want the check given up")
	}
}

// A shared-string table excelize cannot read fails every row of its
// sheets; the scanner leaves such a sheet to excelize, which says so.
func TestScanRowsBrokenSharedStrings(t *testing.T) {
	base := templatePkg(t)
	pkg := ziptest.Replace(t, base, "xl/sharedStrings.xml", []byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si><si><t>b</sst>`))
	pkg = ziptest.Replace(t, pkg, sheetPart, []byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`))
	scanned, streamed, direct := rowsBothWays(t, pkg, 100)
	if direct || scanned != streamed || !strings.Contains(streamed, "err XML syntax error") {
		t.Errorf("read by the scanner: %v\nscanned  %s\nexcelize %s", direct, scanned, streamed)
	}
}

// A sheet whose rows reach the last column is refused at the same row
// with the same words both ways, and the scanner stops there too.
func TestScanRowsTooManyCells(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := 1; r <= 300; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="str"><v>q</v></c><c r="XFD%d"><v>1</v></c></row>`, r, r, r)
	}
	b.WriteString(`</sheetData></worksheet>`)
	pkg := ziptest.Replace(t, templatePkg(t), sheetPart, []byte(b.String()))
	scanned, streamed, direct := rowsBothWays(t, pkg, 1000)
	if !direct || scanned != streamed || !strings.Contains(streamed, "too many cells: the rows up to row 245 hold more than 4000000 cells") {
		t.Errorf("read by the scanner: %v\nscanned  %.300s\nexcelize %.300s", direct, scanned, streamed)
	}
}
