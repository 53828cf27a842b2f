package sheet

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"path"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// excelize answers a question about a worksheet's merged ranges, columns,
// formulas or data validations by decoding the whole sheet into memory,
// where it stays. A workbook of many tabs (guidance, reports, scoring
// tables of several MB) then costs its size twice over for tabs that hold
// no questions. The reader takes those parts of a sheet from its XML as
// the package holds it, and asks excelize only where that XML is not
// plain: a sheet
// excelize holds decoded (it may have changed), one spilled to a temporary
// file, prefixed element names, comments or CDATA sections (where markup
// can hide), an element given twice, overlapping merged ranges (excelize
// joins those).

// rawParts is sheetParts; tests read workbooks without it too.
var rawParts = sheetParts

// sheetParts maps each sheet's name to its part as excelize holds the
// package in memory.
func sheetParts(f *excelize.File) map[string]string {
	return SheetParts(func(name string) []byte { return pkgPart(f, name) })
}

// SheetParts maps each sheet's name to its part in a package
// ("xl/worksheets/sheet1.xml"), as the workbook's relationships give it,
// reading the package's parts with part (nil for a part not there). It
// returns nil when the package has no workbook it can read.
func SheetParts(part func(name string) []byte) map[string]string {
	wbPath := "xl/workbook.xml"
	var root struct {
		Rels []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if b := part("_rels/.rels"); b != nil && xml.Unmarshal(b, &root) == nil {
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
	wbXML, relsXML := part(wbPath), part(path.Join(dir, "_rels", path.Base(wbPath)+".rels"))
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
	// The formula of each cell that has one, read on first use; fmsOK
	// is false when excelize must be asked.
	fms            map[string]string
	fmsRead, fmsOK bool
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
	// (none that Excel saved) is left to it, and so is one whose check
	// would cost too many comparisons.
	if overlap, ok := anyOverlap(rects); overlap || !ok {
		return nil, false
	}
	return out, true
}

// maxOverlapChecks bounds the comparisons of the overlap check of merges,
// maxRawCols the column elements checked for every column, and
// maxCellLead how far before a formula its cell's start is looked for.
const (
	maxOverlapChecks = 4_000_000
	maxRawCols       = 1000
	maxCellLead      = 64 << 10
)

// anyOverlap reports whether two of the ranges (r1, c1, r2, c2) share a
// cell, sweeping them by first row so that each is compared only with
// those whose rows it meets; ok is false when that takes more than
// maxOverlapChecks comparisons.
func anyOverlap(rects [][4]int) (overlap, ok bool) {
	order := make([][4]int, len(rects))
	copy(order, rects)
	slices.SortFunc(order, func(a, b [4]int) int { return cmp.Compare(a[0], b[0]) })
	var active [][4]int
	checks := 0
	for _, a := range order {
		kept := active[:0]
		for _, b := range active {
			if b[2] >= a[0] {
				kept = append(kept, b)
			}
		}
		active = kept
		for _, b := range active {
			if checks++; checks > maxOverlapChecks {
				return false, false
			}
			if a[1] <= b[3] && b[1] <= a[3] {
				return true, true
			}
		}
		active = append(active, a)
	}
	return false, true
}

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

// validations returns the sheet's data validations as excelize's
// GetDataValidations gives them (type, operator, cells and formulas; the
// worksheet's, then those of its x14 extension, where LibreOffice and
// newer Excel keep lists on other sheets), false when excelize must be
// asked.
func (rs *rawSheet) validations() ([]*excelize.DataValidation, bool) {
	el, ok := rs.element("<dataValidations")
	if !ok {
		return nil, false
	}
	var out []*excelize.DataValidation
	if el != nil {
		if out, ok = decodeValidations(el); !ok {
			return nil, false
		}
	}
	ext, ok := rs.worksheetExtLst()
	if !ok {
		return nil, false
	}
	if ext == nil {
		return out, true
	}
	var lst struct {
		Ext []struct {
			URI     string `xml:"uri,attr"`
			Content string `xml:",innerxml"`
		} `xml:"ext"`
	}
	if xml.Unmarshal(ext, &lst) != nil {
		return nil, false
	}
	for _, e := range lst.Ext {
		if e.URI != excelize.ExtURIDataValidations {
			continue
		}
		dvs, ok := decodeValidations([]byte(e.Content))
		if !ok {
			return nil, false
		}
		out = append(out, dvs...)
	}
	return out, true
}

// validationFormula undoes the escaping excelize undoes in a validation's
// formula.
var validationFormula = strings.NewReplacer(`&amp;`, `&`, `&lt;`, `<`, `&gt;`, `>`)

// decodeValidations reads a <dataValidations> element, or an
// <x14:dataValidations> one (whose cells are an <xm:sqref> element and
// whose formula is wrapped in <xm:f>), as excelize does.
func decodeValidations(el []byte) ([]*excelize.DataValidation, bool) {
	var dvs struct {
		XMLName xml.Name `xml:"dataValidations"`
		DV      []struct {
			Type     string `xml:"type,attr"`
			Operator string `xml:"operator,attr"`
			Sqref    string `xml:"sqref,attr"`
			XMSqref  string `xml:"sqref"`
			Formula1 *struct {
				Content string `xml:",innerxml"`
			} `xml:"formula1"`
			Formula2 *struct {
				Content string `xml:",innerxml"`
			} `xml:"formula2"`
		} `xml:"dataValidation"`
	}
	if xml.Unmarshal(el, &dvs) != nil {
		return nil, false
	}
	out := make([]*excelize.DataValidation, 0, len(dvs.DV))
	for _, d := range dvs.DV {
		dv := &excelize.DataValidation{Type: d.Type, Operator: d.Operator, Sqref: d.Sqref}
		formula := func(f *struct {
			Content string `xml:",innerxml"`
		}) string {
			if f == nil {
				return ""
			}
			v := validationFormula.Replace(f.Content)
			if strings.HasPrefix(f.Content, `"`) {
				v = strings.ReplaceAll(v, `""`, `"`)
			}
			if d.XMSqref != "" {
				v = strings.TrimSuffix(strings.TrimPrefix(v, "<xm:f>"), "</xm:f>")
			}
			return v
		}
		dv.Formula1, dv.Formula2 = formula(d.Formula1), formula(d.Formula2)
		if d.XMSqref != "" {
			dv.Sqref = d.XMSqref
		}
		out = append(out, dv)
	}
	return out, true
}

// worksheetExtLst returns the worksheet's own <extLst> element, nil when
// it has none. It is the last child of <worksheet>; the rules of
// conditional formats have extLst elements of their own, so the one that
// closes just before </worksheet> is taken, from its matching start.
func (rs *rawSheet) worksheetExtLst() ([]byte, bool) {
	end := bytes.LastIndex(rs.xml, []byte("</worksheet>"))
	if end < 0 {
		return nil, false
	}
	closing := []byte("</extLst>")
	tail := bytes.TrimRight(rs.xml[:end], " \t\r\n")
	if !bytes.HasSuffix(tail, closing) {
		return nil, true
	}
	open := []byte("<extLst")
	next := func(from int, pat []byte) int {
		if j := bytes.Index(tail[from:], pat); j >= 0 {
			return from + j
		}
		return -1
	}
	start, depth := -1, 0
	for o, c := next(0, open), next(0, closing); c >= 0; {
		if o >= 0 && o < c {
			at := o + len(open)
			if at < len(tail) && strings.IndexByte(" \t\r\n>", tail[at]) >= 0 {
				if depth == 0 {
					start = o
				}
				depth++
			}
			o = next(at, open)
			continue
		}
		if depth--; depth < 0 {
			return nil, false
		}
		c = next(c+len(closing), closing)
	}
	if depth != 0 || start < 0 {
		return nil, false
	}
	return tail[start:], true
}

// formula returns a cell's formula (without "="), "" for none, and false
// when excelize must be asked. A cell that shares the formula of an
// earlier one gets that one's text as written there: excelize shifts its
// relative references to the cell, which the reader does not look at (it
// asks whether there is a formula, what sheets it names, a HYPERLINK's
// label).
func (rs *rawSheet) formula(cell string) (string, bool) {
	col, row, err := excelize.CellNameToCoordinates(cell)
	if rs == nil || err != nil {
		return "", false
	}
	cell, _ = excelize.CoordinatesToCellName(col, row)
	if !rs.fmsRead {
		rs.fms, rs.fmsOK = rs.readFormulas()
		rs.fmsRead = true
	}
	if !rs.fmsOK {
		return "", false
	}
	return rs.fms[cell], true
}

// readFormulas finds each <f> in <sheetData> and the cell it is in.
func (rs *rawSheet) readFormulas() (map[string]string, bool) {
	b := rs.xml
	start := bytes.Index(b, []byte("<sheetData"))
	if start < 0 {
		return nil, false
	}
	end := bytes.Index(b[start:], []byte("</sheetData>"))
	if end < 0 {
		return map[string]string{}, bytes.Count(b, []byte("<sheetData")) == 1 // <sheetData/>
	}
	b = b[start : start+end]
	type fml struct {
		T       string `xml:"t,attr"`
		Ref     string `xml:"ref,attr"`
		Si      *int   `xml:"si,attr"`
		Content string `xml:",chardata"`
	}
	out := map[string]string{}
	masters := map[int]string{}
	shared := map[string]int{} // a cell sharing a formula: its group
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte("<f"))
		if j < 0 {
			break
		}
		at := i + j
		i = at + 2
		if i >= len(b) || strings.IndexByte(" \t\r\n>/", b[i]) < 0 {
			continue
		}
		// The cell the formula is in: the last <c start before it, and
		// near it (a sheet of formulas outside cells would otherwise cost
		// a search back to the start for each).
		lo := max(0, at-maxCellLead)
		c := bytes.LastIndex(b[lo:at], []byte("<c "))
		if c < 0 {
			return nil, false
		}
		c += lo
		tagEnd := bytes.IndexByte(b[c:at], '>')
		if tagEnd < 0 || b[c+tagEnd-1] == '/' || bytes.Contains(b[c:at], []byte("</c>")) {
			return nil, false // not inside that cell: XML written unlike Excel's
		}
		r, ok := cellRef(b[c : c+tagEnd])
		if !ok {
			return nil, false
		}
		col, row, err := excelize.CellNameToCoordinates(r)
		if err != nil {
			return nil, false // no reference: excelize places it by position
		}
		ref, _ := excelize.CoordinatesToCellName(col, row)
		if _, dup := out[ref]; dup {
			return nil, false
		}
		// The formula element, self-closing or up to its end tag.
		fEnd := bytes.IndexByte(b[at:], '>')
		if fEnd < 0 {
			return nil, false
		}
		el := b[at : at+fEnd+1]
		if b[at+fEnd-1] != '/' {
			k := bytes.Index(b[at:], []byte("</f>"))
			if k < 0 {
				return nil, false
			}
			el = b[at : at+k+len("</f>")]
		}
		var f fml
		if plain := el[len("<f>"):max(len("<f>"), len(el)-len("</f>"))]; bytes.HasPrefix(el, []byte("<f>")) && !bytes.ContainsAny(plain, "&<\r") {
			f.Content = string(plain) // no attributes, nothing escaped: the common case
		} else if xml.Unmarshal(el, &f) != nil {
			return nil, false
		}
		out[ref] = f.Content
		if f.T == "shared" && f.Si != nil {
			if _, ok := masters[*f.Si]; !ok && f.Ref != "" {
				masters[*f.Si] = f.Content
			}
			shared[ref] = *f.Si
		}
		i = at + len(el)
	}
	for cell, si := range shared {
		out[cell] = masters[si]
	}
	return out, true
}

// cellRef returns the r attribute of a cell's start tag (`<c r="B7" s="3"`,
// without its '>'): read attribute by attribute where they are plain,
// else as encoding/xml reads it.
func cellRef(tag []byte) (string, bool) {
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
	i := len("<c")
	for plain := true; plain; {
		for i < len(tag) && space(tag[i]) {
			i++
		}
		eq := bytes.IndexByte(tag[i:], '=')
		if eq <= 0 || i+eq+2 > len(tag) || tag[i+eq+1] != '"' && tag[i+eq+1] != '\'' {
			break
		}
		name, q := tag[i:i+eq], tag[i+eq+1]
		v := tag[i+eq+2:]
		k := bytes.IndexByte(v, q)
		if k < 0 || bytes.ContainsAny(name, " \t\r\n") || bytes.ContainsAny(v[:k], "&<\t\r\n") {
			break
		}
		if string(name) == "r" {
			return string(v[:k]), true
		}
		i += eq + 2 + k + 1
		plain = i < len(tag) && space(tag[i])
	}
	var cellTag struct {
		R string `xml:"r,attr"`
	}
	if xml.Unmarshal(append(tag[:len(tag):len(tag)], "/>"...), &cellTag) != nil {
		return "", false
	}
	return cellTag.R, true
}

// cellFormula is excelize's GetCellFormula, from the sheet's XML where it
// is plain (see formula).
func cellFormula(f *excelize.File, rs *rawSheet, sheet, cell string) (string, error) {
	if fm, ok := rs.formula(cell); ok {
		return fm, nil
	}
	return f.GetCellFormula(sheet, cell)
}
