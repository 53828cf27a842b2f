package fill

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// farRowGap is how far below the row before them trailing value-less
// rows must start to be kept out of excelize's way (see detachFarRows): a
// few thousand empty slots cost nothing to speak of.
const farRowGap = 10000

// detachFarRows takes the trailing rows that hold no values (only a
// height or a style: HECVAT v4 formats row 1,048,576 of a tab) out of the
// XML of each sheet that is about to be written, and returns them by part.
// excelize makes a slot for every row up to the last when it decodes a
// sheet, so one such row costs about 100 MB and half a second; the rows
// go back, as they were written, after the last row excelize writes
// (restoreFarRows). A sheet excelize has decoded already is left alone.
func detachFarRows(f *excelize.File, orig []byte, items []Item) map[string][]byte {
	zr, err := zip.NewReader(bytes.NewReader(orig), int64(len(orig)))
	if err != nil {
		return nil
	}
	parts, err := sheetPartPaths(zr)
	if err != nil {
		return nil
	}
	out := map[string][]byte{}
	seen := map[string]bool{}
	for _, it := range items {
		p, ok := parts[it.Sheet]
		if !ok || seen[p] {
			continue
		}
		seen[p] = true
		if _, decoded := f.Sheet.Load(p); decoded {
			continue
		}
		v, ok := f.Pkg.Load(p)
		if !ok {
			continue
		}
		x, _ := v.([]byte)
		if kept, far, ok := splitFarRows(x); ok {
			f.Pkg.Store(p, kept)
			out[p] = far
		}
	}
	return out
}

// splitFarRows splits a worksheet's XML into the XML without its trailing
// value-less rows that start farRowGap or more below the row before them,
// and those rows. Walking back over value-less rows stops after
// maxFarRows of them, or once the rows left are too close to the top.
func splitFarRows(x []byte) (kept, far []byte, ok bool) {
	if bytes.Contains(x, []byte("<!--")) || bytes.Contains(x, []byte("<![CDATA[")) {
		return nil, nil, false
	}
	end := bytes.LastIndex(x, []byte("</sheetData>"))
	if end < 0 {
		return nil, nil, false
	}
	// start is where the rows examined so far begin, after the row
	// number of the first of them.
	start, after := end, 0
	for n := 0; n <= maxFarRows; n++ {
		if start < end && after < farRowGap {
			return nil, nil, false
		}
		s, r, empty := lastRow(x[:start])
		if s < 0 {
			r = 0
		}
		if start < end && after-r >= farRowGap {
			return append(bytes.Clone(x[:start]), x[end:]...), bytes.Clone(x[start:end]), true
		}
		if s < 0 || !empty {
			return nil, nil, false
		}
		start, after = s, r
	}
	return nil, nil, false
}

// maxFarRows bounds the value-less rows splitFarRows walks back over.
const maxFarRows = 1000

// lastRow finds the last <row> element of x, which must end x (but for
// white space): its start, its row number, and whether it holds no value,
// formula or inline string. s < 0 when x does not end in a row element
// with a number.
func lastRow(x []byte) (s, r int, empty bool) {
	body := bytes.TrimRight(x, " \t\r\n")
	for from := len(body); ; {
		s = bytes.LastIndex(body[:from], []byte("<row"))
		if s < 0 {
			return -1, 0, false
		}
		if next := s + len("<row"); next < len(body) && strings.IndexByte(" \t\r\n>/", body[next]) >= 0 {
			break
		}
		from = s
	}
	el := body[s:]
	tagEnd := bytes.IndexByte(el, '>')
	if tagEnd < 0 {
		return -1, 0, false
	}
	selfClosing := el[tagEnd-1] == '/'
	if selfClosing && tagEnd+1 != len(el) || !selfClosing && !bytes.HasSuffix(el, []byte("</row>")) {
		return -1, 0, false
	}
	var row struct {
		R int `xml:"r,attr"`
	}
	tag := el[:tagEnd+1]
	if !selfClosing {
		tag = append(bytes.Clone(el[:tagEnd]), "/>"...)
	}
	if xml.Unmarshal(tag, &row) != nil || row.R <= 0 {
		return -1, 0, false
	}
	inner := el[tagEnd+1:]
	for _, t := range []string{"<v", "<f", "<is"} {
		for i := 0; ; {
			j := bytes.Index(inner[i:], []byte(t))
			if j < 0 {
				break
			}
			i += j + len(t)
			if i < len(inner) && strings.IndexByte(" \t\r\n>/", inner[i]) >= 0 {
				return s, row.R, false
			}
		}
	}
	return s, row.R, true
}

// restoreFarRows puts the rows detachFarRows took out back at the end of
// the sheet's rows as excelize wrote them, which must all be above them.
func restoreFarRows(x, far []byte) ([]byte, error) {
	var first struct {
		R int `xml:"r,attr"`
	}
	if err := xml.NewDecoder(bytes.NewReader(far)).Decode(&first); err != nil {
		return nil, fmt.Errorf("formatted rows set aside: %w", err)
	}
	if i := bytes.LastIndex(x, []byte("<sheetData/>")); i >= 0 {
		return bytes.Join([][]byte{x[:i], []byte("<sheetData>"), far, []byte("</sheetData>"), x[i+len("<sheetData/>"):]}, nil), nil
	}
	end := bytes.LastIndex(x, []byte("</sheetData>"))
	if end < 0 {
		return nil, fmt.Errorf("no rows to put the formatted rows set aside after")
	}
	if i, r, _ := lastRow(x[:end]); i >= 0 && r >= first.R {
		return nil, fmt.Errorf("row %d was written below the formatted rows set aside (from row %d)", r, first.R)
	}
	return bytes.Join([][]byte{x[:end], far, x[end:]}, nil), nil
}
