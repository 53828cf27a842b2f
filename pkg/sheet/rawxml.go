package sheet

import (
	"bytes"
	"encoding/xml"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// excelize answers a question about a worksheet's merged ranges or
// columns by decoding the whole sheet into memory, where it stays. A
// workbook of many tabs (guidance, reports, scoring tables of several MB)
// then costs its size twice over for tabs that hold no questions. The
// reader takes those small parts of a sheet from its XML as the package
// holds it, and asks excelize only where that XML is not plain: a sheet
// excelize holds decoded (it may have changed), one spilled to a temporary
// file, prefixed element names, comments or CDATA sections (where markup
// can hide), an element given twice, overlapping merged ranges (excelize
// joins those).

// rawParts is sheetParts; tests read workbooks without it too.
var rawParts = sheetParts

// sheetParts maps each sheet's name to its part in the package, as the
// workbook's relationships give it, or returns nil.
func sheetParts(f *excelize.File) map[string]string {
	wbPath := "xl/workbook.xml"
	var root struct {
		Rels []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if b := pkgPart(f, "_rels/.rels"); b != nil && xml.Unmarshal(b, &root) == nil {
		for _, r := range root.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = strings.TrimPrefix(path.Clean("/"+r.Target), "/")
			}
		}
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	dir := path.Dir(wbPath)
	wbXML, relsXML := pkgPart(f, wbPath), pkgPart(f, path.Join(dir, "_rels", path.Base(wbPath)+".rels"))
	if wbXML == nil || relsXML == nil || xml.Unmarshal(wbXML, &wb) != nil || xml.Unmarshal(relsXML, &rels) != nil {
		return nil
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		targets[r.ID] = r.Target
	}
	parts := map[string]string{}
	for _, s := range wb.Sheets {
		t, ok := targets[s.ID]
		if !ok {
			continue
		}
		if strings.HasPrefix(t, "/") {
			parts[s.Name] = strings.TrimPrefix(path.Clean(t), "/")
		} else {
			parts[s.Name] = strings.TrimPrefix(path.Clean(path.Join("/", dir, t)), "/")
		}
	}
	return parts
}

// pkgPart returns a part's bytes as the package holds them in memory.
func pkgPart(f *excelize.File, name string) []byte {
	v, ok := f.Pkg.Load(name)
	if !ok {
		return nil
	}
	b, _ := v.([]byte)
	return b
}

// rawSheet is a worksheet's XML, plain enough to read parts of directly.
type rawSheet struct {
	xml []byte
}

// rawWorksheet returns the sheet's XML when it can be read directly, or
// nil when excelize must answer.
func rawWorksheet(f *excelize.File, parts map[string]string, name string) *rawSheet {
	p, ok := parts[name]
	if !ok {
		return nil
	}
	if _, decoded := f.Sheet.Load(p); decoded {
		return nil
	}
	b := pkgPart(f, p)
	if b == nil || bytes.Contains(b, []byte("<!--")) || bytes.Contains(b, []byte("<![CDATA[")) {
		return nil
	}
	// The root must be an unprefixed worksheet, and no element may carry
	// a prefix that could hide one of the elements read here.
	i := bytes.IndexByte(b, '<')
	for i >= 0 && i+1 < len(b) && b[i+1] == '?' {
		j := bytes.Index(b[i:], []byte("?>"))
		if j < 0 {
			return nil
		}
		i += j + 2
		k := bytes.IndexByte(b[i:], '<')
		if k < 0 {
			return nil
		}
		i += k
	}
	if i < 0 || !bytes.HasPrefix(b[i:], []byte("<worksheet")) {
		return nil
	}
	for _, s := range []string{":mergeCell", ":col ", ":cols"} {
		if bytes.Contains(b, []byte(s)) {
			return nil
		}
	}
	return &rawSheet{xml: b}
}

// element returns the one element named tag ("<mergeCells") with its
// content, nil when there is none, and false when there are several.
func (rs *rawSheet) element(tag string) ([]byte, bool) {
	if rs == nil {
		return nil, false
	}
	var at []int
	for i := 0; ; {
		j := bytes.Index(rs.xml[i:], []byte(tag))
		if j < 0 {
			break
		}
		i += j + len(tag)
		// "<cols" must not match "<colsX": the name ends at a space, '>'
		// or '/'.
		if i < len(rs.xml) && strings.IndexByte(" \t\r\n>/", rs.xml[i]) >= 0 {
			at = append(at, i-len(tag))
		}
	}
	switch len(at) {
	case 0:
		return nil, true
	case 1:
	default:
		return nil, false
	}
	start := at[0]
	end := bytes.IndexByte(rs.xml[start:], '>')
	if end < 0 {
		return nil, false
	}
	if rs.xml[start+end-1] == '/' {
		return rs.xml[start : start+end+1], true
	}
	closing := []byte("</" + tag[1:] + ">")
	k := bytes.Index(rs.xml[start:], closing)
	if k < 0 {
		return nil, false
	}
	return rs.xml[start : start+k+len(closing)], true
}

// merges returns the sheet's merged ranges, false when excelize must be
// asked.
func (rs *rawSheet) merges() ([]excelize.MergeCell, bool) {
	el, ok := rs.element("<mergeCells")
	if !ok {
		return nil, false
	}
	if el == nil {
		return nil, true
	}
	var mc struct {
		Cells []struct {
			Ref string `xml:"ref,attr"`
		} `xml:"mergeCell"`
	}
	if xml.Unmarshal(el, &mc) != nil {
		return nil, false
	}
	out := make([]excelize.MergeCell, 0, len(mc.Cells))
	rects := make([][4]int, 0, len(mc.Cells))
	for _, c := range mc.Cells {
		// As excelize reads a range: without $, a single cell as a
		// range of one, corners in either order.
		ref := strings.ReplaceAll(c.Ref, "$", "")
		if !strings.Contains(ref, ":") {
			ref += ":" + ref
		}
		corners := strings.Split(ref, ":")
		c1, r1, err1 := excelize.CellNameToCoordinates(corners[0])
		c2, r2, err2 := excelize.CellNameToCoordinates(corners[1])
		if err1 != nil || err2 != nil {
			return nil, false
		}
		r1, c1, r2, c2 = min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)
		first, _ := excelize.CoordinatesToCellName(c1, r1)
		last, _ := excelize.CoordinatesToCellName(c2, r2)
		out = append(out, excelize.MergeCell{first + ":" + last, ""})
		rects = append(rects, [4]int{r1, c1, r2, c2})
	}
	// Overlapping ranges are joined by excelize; a sheet that has them
	// (none that Excel saved) is left to it. Checking every pair is
	// quadratic, so a sheet of very many ranges is left to it too.
	if len(rects) > maxRawMerges {
		return nil, false
	}
	for i, a := range rects {
		for _, b := range rects[:i] {
			if a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3] {
				return nil, false
			}
		}
	}
	return out, true
}

// maxRawMerges bounds the pairwise overlap check of merges, and
// maxRawCols the column elements checked for every column.
const (
	maxRawMerges = 2000
	maxRawCols   = 1000
)

// hiddenCols returns which of the columns 1..maxCol are hidden, false
// when excelize must be asked. As in excelize, the last <col> element
// covering a column decides.
func (rs *rawSheet) hiddenCols(maxCol int) (map[int]bool, bool) {
	el, ok := rs.element("<cols")
	if !ok {
		return nil, false
	}
	hidden := map[int]bool{}
	if el == nil {
		return hidden, true
	}
	var cols struct {
		Col []struct {
			Min    int  `xml:"min,attr"`
			Max    int  `xml:"max,attr"`
			Hidden bool `xml:"hidden,attr"`
		} `xml:"col"`
	}
	if xml.Unmarshal(el, &cols) != nil || len(cols.Col) > maxRawCols {
		return nil, false
	}
	for c := 1; c <= maxCol; c++ {
		for _, col := range cols.Col {
			if col.Min <= c && c <= col.Max {
				if col.Hidden {
					hidden[c] = true
				} else {
					delete(hidden, c)
				}
			}
		}
	}
	return hidden, true
}
