// Package hostile builds the bad workbooks that qfill's tests feed to
// every entry point (fill, batch, learn, inspect, the web page): random
// bytes, cut-off files and zip bombs of several shapes. Each comes with
// the words its one-line error must contain.
package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"sync"

	"github.com/xuri/excelize/v2"
)

// Input is one hostile file.
type Input struct {
	Name string
	Data []byte
	// Want is a phrase of the error qfill must give; empty when the file
	// is a valid workbook that must simply be handled (filled).
	Want string
}

var (
	once   sync.Once
	inputs []Input
)

// Inputs returns the hostile files, built once per process (the bombs
// take about a second to deflate).
func Inputs() []Input {
	once.Do(build)
	return inputs
}

const mb = 1 << 20

// Small returns the inputs that are cheap to build (no bombs): seeds for
// fuzzing, whose every worker process builds its seeds anew.
func Small() []Input {
	valid := Workbook()
	rnd := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(rnd.Uint32())
	}
	return []Input{
		{"random.xlsx", noise, "not an Excel workbook"},
		{"empty.xlsx", nil, "not an Excel workbook"},
		{"truncated.xlsx", valid[:len(valid)/2], "the file ends early"},
		{"zip-magic-noise.xlsx", append([]byte("PK\x03\x04"), noise...), "the file ends early"},
	}
}

func build() {
	valid := Workbook()
	inputs = append(Small(), []Input{
		// One worksheet part of 400 MB of one letter: about 500 KB packed.
		{"bomb-sheet.xlsx", bomb(map[string]int{"xl/worksheets/sheet1.xml": 400 * mb}), "part xl/worksheets/sheet1.xml inflates to 400 MB, over the 256 MB limit"},
		{"bomb-strings.xlsx", bomb(map[string]int{"xl/sharedStrings.xml": 300 * mb}), "part xl/sharedStrings.xml inflates to 300 MB"},
		{"bomb-styles.xlsx", bomb(map[string]int{"xl/styles.xml": 300 * mb}), "part xl/styles.xml inflates to 300 MB"},
		// Many parts, each under every per-part limit: the package as a
		// whole inflates hundreds of times.
		{"bomb-many.xlsx", bomb(manyParts(80, 6*mb)), "would inflate"},
		// A part whose headers say 1 KB while its data inflates to 64 MB:
		// the reader must stop at the declared size.
		{"lying-sizes.xlsx", lying(64 * mb), "damaged"},
		// A zip bomb kept as an embedded object of a valid workbook is
		// never inflated: the workbook is filled.
		{"nested.xlsx", nested(valid, bomb(map[string]int{"xl/worksheets/sheet1.xml": 400 * mb})), ""},
		// 300 rows with a value in the last column, XFD: 20 KB packed,
		// but read as 16,384 cells a row, 5 million cells in all.
		{"wide-rows.xlsx", wideRows(300), "too many cells"},
	}...)
}

// wideRows is a checklist whose every row also holds a value in the last
// column.
func wideRows(n int) []byte {
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellStr("Sheet1", "A1", "No.")
	f.SetCellStr("Sheet1", "B1", "質問")
	f.SetCellStr("Sheet1", "C1", "回答")
	for r := 2; r <= n; r++ {
		f.SetCellInt("Sheet1", "A"+itoa(r), int64(r-1))
		f.SetCellStr("Sheet1", "B"+itoa(r), "データのバックアップを取得していますか？")
		f.SetCellStr("Sheet1", "XFD"+itoa(r), "x")
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// Workbook is a small valid checklist: a header row and two questions.
func Workbook() []byte {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]string{{"No.", "質問", "回答"}, {"1", "データのバックアップを取得していますか？", ""}, {"2", "通信は暗号化されていますか？", ""}}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			f.SetCellStr("Sheet1", cell, v)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		panic(err)
	}
	return b.Bytes()
}

var skeleton = map[string]string{
	"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
	"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
	"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
	"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	"xl/worksheets/sheet1.xml":   `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`,
}

var skeletonOrder = []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"}

// bomb writes a package whose named parts hold the given number of one
// letter each; the other skeleton parts are valid.
func bomb(huge map[string]int) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	z.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	chunk := bytes.Repeat([]byte("a"), mb)
	names := append([]string(nil), skeletonOrder...)
	for name := range huge {
		if _, ok := skeleton[name]; !ok {
			names = append(names, name)
		}
	}
	for _, name := range names {
		w, err := z.Create(name)
		if err != nil {
			panic(err)
		}
		n, ok := huge[name]
		if !ok {
			io.WriteString(w, skeleton[name])
			continue
		}
		for ; n > 0; n -= len(chunk) {
			w.Write(chunk[:min(n, len(chunk))])
		}
	}
	if err := z.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func manyParts(n, size int) map[string]int {
	m := map[string]int{}
	for i := range n {
		m["xl/media/image"+itoa(i)+".bin"] = size
	}
	return m
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// lying writes a valid skeleton whose worksheet part says, in both its
// local header and the central directory, that it inflates to 1 KB while
// its data inflates to size bytes.
func lying(size int) []byte {
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	body := bytes.Repeat([]byte("a"), size)
	fw.Write(body)
	fw.Close()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, name := range skeletonOrder[:4] {
		w, _ := z.Create(name)
		io.WriteString(w, skeleton[name])
	}
	w, err := z.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
		CRC32: crc32.ChecksumIEEE(body[:1024]), CompressedSize64: uint64(comp.Len()), UncompressedSize64: 1024})
	if err != nil {
		panic(err)
	}
	w.Write(comp.Bytes())
	z.Close()
	return b.Bytes()
}

// nested copies a valid workbook and adds inner, itself a zip bomb, as an
// embedded object part stored without compression.
func nested(valid, inner []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(valid), int64(len(valid)))
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, f := range zr.File {
		if err := z.Copy(f); err != nil {
			panic(err)
		}
	}
	w, _ := z.CreateHeader(&zip.FileHeader{Name: "xl/embeddings/oleObject1.bin", Method: zip.Store})
	w.Write(inner)
	z.Close()
	return b.Bytes()
}
