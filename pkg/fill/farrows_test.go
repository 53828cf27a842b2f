package fill

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qfill/qfill/internal/ziptest"
	"github.com/xuri/excelize/v2"
)

func TestSplitFarRows(t *testing.T) {
	const head = `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2"><v>5</v></c></row>`
	const far = `<row r="1048576" ht="3" customHeight="1" x14ac:dyDescent="0.2"/>`
	for _, c := range []struct {
		name, rows string
		far        string // "" when nothing is split off
	}{
		{"a formatted last row", far, far},
		{"styled empty cells, and two rows", `<row r="30000" s="2"><c r="A30000" s="3"/><c r="B30000" s="3"></c></row>` + "\n" + `<row r="32000" ht="3"/>`, `<row r="30000" s="2"><c r="A30000" s="3"/><c r="B30000" s="3"></c></row>` + "\n" + `<row r="32000" ht="3"/>`},
		// The rows after the widest gap: 30,000 slots cost little.
		{"far below formatted rows", `<row r="30000" ht="3"/>` + far, far},
		{"formatted rows below the content", `<row r="3" ht="3"/><row r="4" ht="3"/>`, ""},
		{"more formatted rows than are walked", strings.Repeat(`<row r="20000" ht="3"/>`, maxFarRows+1), ""},
		{"close below the content", `<row r="9000" ht="3" customHeight="1"/>`, ""},
		{"a value far below", `<row r="1048576"><c r="A1048576"><v>1</v></c></row>`, ""},
		{"a formula far below", `<row r="1048576"><c r="A1048576"><f>A1</f></c></row>`, ""},
		{"a row without its number", `<row ht="3" customHeight="1"/>`, ""},
		{"nothing below", ``, ""},
	} {
		x := []byte(head + c.rows + `</sheetData><pageMargins left="0.7"/></worksheet>`)
		kept, got, ok := splitFarRows(x)
		if c.far == "" {
			if ok {
				t.Errorf("%s: split off %q", c.name, got)
			}
			continue
		}
		if !ok || string(got) != c.far || string(kept) != strings.Replace(string(x), c.far, "", 1) || !bytes.HasSuffix(x, []byte(c.far+`</sheetData><pageMargins left="0.7"/></worksheet>`)) {
			t.Errorf("%s: %v %q\nkept %q", c.name, ok, got, kept)
			continue
		}
		back, err := restoreFarRows(kept, got)
		if err != nil || !bytes.Equal(back, x) {
			t.Errorf("%s: restored %q (%v)", c.name, back, err)
		}
	}
	if _, _, ok := splitFarRows([]byte(head + `<!-- --><row r="1048576" ht="3"/></sheetData></worksheet>`)); ok {
		t.Error("split a sheet with a comment in its XML")
	}
	if _, err := restoreFarRows([]byte(`<worksheet><sheetData><row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData></worksheet>`), []byte(far)); err == nil {
		t.Error("rows put back above a row written below them")
	}
	if got, err := restoreFarRows([]byte(`<worksheet><sheetData/></worksheet>`), []byte(far)); err != nil || string(got) != `<worksheet><sheetData>`+far+`</sheetData></worksheet>` {
		t.Errorf("into an empty sheet: %q %v", got, err)
	}
}

// A checklist whose sheet formats its very last row (as HECVAT v4's AI tab
// does) is filled as usual, and the row reaches the copy as written.
func TestFarRowKept(t *testing.T) {
	src := filepath.Join("..", "..", "templates", "security_checklist_ja.xlsx")
	orig, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	const part = "xl/worksheets/sheet1.xml"
	const far = `<row r="1048576" ht="3" customHeight="1"/>`
	x := ziptest.Part(t, orig, part)
	i := bytes.LastIndex(x, []byte("</sheetData>"))
	if i < 0 {
		t.Fatal("no </sheetData> in the template")
	}
	data := ziptest.Replace(t, orig, part, bytes.Join([][]byte{x[:i], []byte(far), x[i:]}, nil))
	ix := sampleIndex(t)
	plain, err := Run(Job{Input: src, Data: orig}, ix)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(Job{Input: src, Data: data}, ix)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := Count(plain.Items), Count(res.Items); a != b {
		t.Errorf("counts %+v, with the row %+v", a, b)
	}
	out := ziptest.Part(t, res.Bytes, part)
	if !bytes.Contains(out, []byte(far+"</sheetData>")) || bytes.Count(out, []byte(`<row r="1048576"`)) != 1 {
		t.Fatalf("the formatted row is not the last row of the copy, as written")
	}
	// Everything else in the sheet as a fill without the row writes it.
	if a, b := string(ziptest.Part(t, plain.Bytes, part)), strings.Replace(string(out), far, "", 1); a != b {
		t.Error("the sheet's other rows differ from a fill of the template without the row")
	}
	f, err := excelize.OpenReader(bytes.NewReader(res.Bytes))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if h, err := f.GetRowHeight("セキュリティチェックシート", 1048576); err != nil || h != 3 {
		t.Errorf("row 1048576 is %v points high (%v)", h, err)
	}
}
