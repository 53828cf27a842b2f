package sheet

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// excelize streams a sheet's rows through encoding/xml, which allocates a
// token for every element, attribute and run of text: on a workbook of
// many tabs most of the reading time. A sheet whose XML is plain is read
// here instead, with a scanner that gives exactly what excelize's
// Rows.Columns (raw values) and GetRowOpts give, and gives up (excelize
// then streams the sheet) on anything it does not know to read the same
// way: XML that encoding/xml might reject before the last row (where
// excelize stops without an error), elements other than rows, cells,
// values, formulas and plain inline strings inside the sheet's data, a
// value excelize would refuse or read another way, rows out of order.

// rawRow is one <row> element: its number, its hidden attribute as
// excelize reads it, and its cells as Rows.Columns returns them.
type rawRow struct {
	r      int
	hidden bool
	cells  []string
}

// sharedStrings gives the text of a shared string by index; ok is false
// when excelize must read the sheet. A nil table has no strings in
// memory: a sheet that refers to one is left to excelize.
type sharedStrings func(i int) (s string, ok bool)

// streamRows returns the sheet's rows with text and the rows reported
// hidden, or the error that refuses the sheet, as streamGridRows reads
// them through excelize, or false when excelize must stream the sheet.
// sst is called only for a sheet with at least one row, as excelize reads
// the table on the first row.
func (rs *rawSheet) streamRows(sst func() (sharedStrings, bool), maxRows int) (rows [][]string, hidden map[int]bool, ok bool, err error) {
	if rs == nil {
		return nil, nil, false, nil
	}
	rr, ok, err := scanRows(rs.xml, sst, maxRows)
	if !ok || err != nil {
		return nil, nil, ok, err
	}
	hidden = map[int]bool{}
	// As excelize reports them (Rows.Next and Columns read a row ahead):
	// row 1 takes the first element's hidden attribute, whatever its
	// number; the rows after it up to that number take none; every later
	// row number takes the attribute of the first element at or below it.
	prev := 0
	for i, row := range rr {
		if i == 0 {
			if row.hidden {
				hidden[1] = true
			}
			prev = row.r
			continue
		}
		if row.hidden {
			for r := prev + 1; r <= min(row.r, maxRows); r++ {
				hidden[r] = true
			}
		}
		prev = row.r
	}
	for _, row := range rr {
		if len(row.cells) == 0 {
			continue
		}
		for len(rows) < row.r-1 {
			rows = append(rows, nil)
		}
		rows = append(rows, row.cells)
	}
	return rows, hidden, true, nil
}

// scanRows reads the <row> elements of a worksheet's XML. At the first
// row below maxRows with text, or the row past maxGridCells, it returns
// the error that refuses the sheet, as excelize's stream does there;
// what follows is never read or held.
func scanRows(b []byte, sst func() (sharedStrings, bool), maxRows int) ([]rawRow, bool, error) {
	x := &xmlScan{b: b}
	if !x.prolog() {
		return nil, false, nil
	}
	// Up to <sheetData>: well-formed, and no element named row (excelize
	// takes one anywhere as a row).
	var stack [][]byte
	for {
		t, ok := x.next()
		if !ok || t.kind == tagEOF {
			return nil, false, nil
		}
		if t.kind == tagEnd {
			if len(stack) == 0 || !bytes.Equal(stack[len(stack)-1], t.name) {
				return nil, false, nil
			}
			stack = stack[:len(stack)-1]
			continue
		}
		if localName(t.name) == "row" {
			return nil, false, nil
		}
		if len(stack) == 1 && string(t.name) == "sheetData" {
			if t.selfClosing {
				return nil, !x.restHasRow(), nil
			}
			break
		}
		if !t.selfClosing {
			stack = append(stack, t.name)
		}
	}
	var (
		rows  []rawRow
		table sharedStrings
		last  int
		cells int
	)
	for {
		t, ok := x.next()
		if !ok || t.kind == tagEOF {
			return nil, false, nil
		}
		if t.kind == tagEnd {
			if string(t.name) != "sheetData" {
				return nil, false, nil
			}
			break
		}
		if string(t.name) != "row" {
			return nil, false, nil
		}
		row, ok := rowAttrs(t.attrs)
		if !ok {
			return nil, false, nil
		}
		if row.r == 0 {
			row.r = last + 1
		}
		if row.r <= last || row.r > excelize.TotalRows {
			return nil, false, nil
		}
		last = row.r
		if len(rows) == 0 {
			if table, ok = sst(); !ok {
				return nil, false, nil
			}
		}
		if !t.selfClosing {
			if row.cells, ok = x.rowCells(table); !ok {
				return nil, false, nil
			}
		}
		rows = append(rows, row)
		if row.r > maxRows && len(row.cells) > 0 {
			return nil, true, tooManyRows(row.r, maxRows)
		}
		if cells += len(row.cells); cells > maxGridCells {
			return nil, true, tooManyCells(row.r, len(row.cells))
		}
	}
	if x.restHasRow() {
		return nil, false, nil
	}
	return rows, true, nil
}

// rowAttrs reads a row's number (0 when it has none) and hidden
// attribute as excelize does: the last of each counts, a number that does
// not parse is an error (not ok), and a hidden value that does not parse
// ends the search, leaving the row visible.
func rowAttrs(attrs []xmlAttr) (rawRow, bool) {
	var row rawRow
	for i := range attrs {
		if !attrs[i].is("r") {
			continue
		}
		v, ok := attrs[i].value()
		if !ok {
			return row, false
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return row, false
		}
		row.r = n
	}
	for i := range attrs {
		if !attrs[i].is("hidden") {
			continue
		}
		v, ok := attrs[i].value()
		if !ok {
			return row, false
		}
		h, err := strconv.ParseBool(v)
		if err != nil {
			row.hidden = false
			break
		}
		row.hidden = h
	}
	return row, true
}

// restHasRow reports whether an element named row may follow (excelize's
// Rows.Next would take it as a row).
func (x *xmlScan) restHasRow() bool {
	rest := x.b[x.i:]
	for i := 0; ; {
		j := bytes.Index(rest[i:], []byte("row"))
		if j < 0 {
			return false
		}
		i += j
		if i > 0 && (rest[i-1] == '<' || rest[i-1] == ':') && (i+3 >= len(rest) || isNameEnd(rest[i+3])) {
			return true
		}
		i += 3
	}
}

// rowCells reads the cells of a row up to its end tag, as excelize's
// rowXMLHandler does: a cell without a reference is the one after the
// previous, a cell is kept only with a value or a formula, and one whose
// reference is not right of the cells kept so far is put after them.
func (x *xmlScan) rowCells(table sharedStrings) ([]string, bool) {
	var cells []string
	col := 0
	for {
		t, ok := x.next()
		if !ok || t.kind == tagEOF {
			return nil, false
		}
		if t.kind == tagEnd {
			return cells, string(t.name) == "row"
		}
		if string(t.name) != "c" {
			return nil, false
		}
		col++
		var ref, typ string
		for i := range t.attrs {
			a := &t.attrs[i]
			switch {
			case a.is("r"):
				if c, ok := cellColumn(a.raw); ok {
					col, ref = c, ""
					continue
				}
				if ref, ok = a.value(); !ok {
					return nil, false
				}
			case a.is("t"):
				if typ, ok = a.value(); !ok {
					return nil, false
				}
			case a.is("s"):
				// excelize stops reading a cell whose style does not parse.
				v, ok := a.value()
				if _, err := strconv.ParseInt(v, 10, 64); !ok || err != nil {
					return nil, false
				}
			}
		}
		if ref != "" {
			c, _, err := excelize.CellNameToCoordinates(ref)
			if err != nil {
				return nil, false
			}
			col = c
		}
		val, formula, ok := x.cellValue(t, typ, table)
		if !ok {
			return nil, false
		}
		if val != "" || formula {
			for i, blank := 1, col-len(cells); i < blank; i++ {
				cells = append(cells, "")
			}
			cells = append(cells, val)
		}
	}
}

// cellValue reads a cell's children and returns its raw value as
// excelize's getValueFrom gives it, and whether it has a formula.
func (x *xmlScan) cellValue(c scanTag, typ string, table sharedStrings) (val string, formula, ok bool) {
	var (
		raw        []byte
		text       string
		plain      = true
		inline     bool
		inlineText string
	)
	if !c.selfClosing {
		for {
			t, ok := x.next()
			if !ok || t.kind == tagEOF {
				return "", false, false
			}
			if t.kind == tagEnd {
				if string(t.name) != "c" {
					return "", false, false
				}
				break
			}
			switch string(t.name) {
			case "v":
				if raw, text, plain, ok = x.textContent(t); !ok {
					return "", false, false
				}
			case "f":
				if !formulaAttrsOK(t.attrs) {
					return "", false, false
				}
				if _, _, _, ok := x.textContent(t); !ok {
					return "", false, false
				}
				formula = true
			case "is":
				if inline {
					return "", false, false
				}
				if inlineText, ok = x.inlineString(t); !ok {
					return "", false, false
				}
				inline = true
			default:
				return "", false, false
			}
		}
	}
	switch typ {
	case "s":
		if len(raw) == 0 && text == "" {
			return "", formula, true
		}
		var idx int
		if plain {
			idx = atoiBytes(raw)
		} else {
			idx, _ = strconv.Atoi(strings.TrimSpace(text))
		}
		if table == nil {
			return "", false, false
		}
		s, ok := table(idx)
		return s, formula, ok
	case "inlineStr":
		if inline {
			return inlineText, formula, true
		}
	}
	if plain {
		return string(raw), formula, true
	}
	return text, formula, true
}

// cellColumn reads the column of a plain cell reference ("AB12": up to
// three capitals, then a row number without leading zeros), as
// excelize.CellNameToCoordinates does for it, without a string; false for
// any other (the caller then asks CellNameToCoordinates).
func cellColumn(ref []byte) (int, bool) {
	i, col := 0, 0
	for i < len(ref) && i < 3 && 'A' <= ref[i] && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	if i == 0 || i == len(ref) || ref[i] < '1' || ref[i] > '9' || len(ref)-i > 7 || col > excelize.MaxColumns {
		return 0, false
	}
	row := 0
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
		row = row*10 + int(c-'0')
	}
	if row > excelize.TotalRows {
		return 0, false
	}
	return col, true
}

// atoiBytes is strconv.Atoi(strings.TrimSpace(s)) with its error ignored
// (excelize reads a shared string's index so), without a copy of s for
// the plain digits of nearly every cell.
func atoiBytes(s []byte) int {
	if len(s) > 0 && len(s) < 10 {
		n := 0
		for _, c := range s {
			if c < '0' || c > '9' {
				n = -1
				break
			}
			n = n*10 + int(c-'0')
		}
		if n >= 0 {
			return n
		}
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(s)))
	return n
}

// formulaAttrsOK reports whether encoding/xml decodes a formula's
// attributes into excelize's xlsxF without an error (its flags are
// booleans, its shared index a number).
func formulaAttrsOK(attrs []xmlAttr) bool {
	for i := range attrs {
		a := &attrs[i]
		v, ok := a.value()
		if !ok {
			return false
		}
		switch string(a.local) {
		case "aca", "dt2D", "dtr", "del1", "del2", "ca", "bx":
			if _, err := strconv.ParseBool(strings.TrimSpace(v)); err != nil {
				return false
			}
		case "si":
			if _, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err != nil {
				return false
			}
		}
	}
	return true
}

// inlineString reads an <is> element that holds one <t>, or runs of one
// <t> each without properties, and returns its text as excelize's
// xlsxSI.String does; anything else (properties, phonetic runs, an
// escaped character, which excelize unescapes) is not ok.
func (x *xmlScan) inlineString(is scanTag) (string, bool) {
	if is.selfClosing {
		return "", true
	}
	var head, runs strings.Builder
	haveT := false
	for {
		t, ok := x.next()
		if !ok || t.kind == tagEOF {
			return "", false
		}
		if t.kind == tagEnd {
			if string(t.name) != "is" {
				return "", false
			}
			break
		}
		switch string(t.name) {
		case "t":
			if haveT {
				return "", false
			}
			s, ok := x.tText(t)
			if !ok {
				return "", false
			}
			head.WriteString(s)
			haveT = true
		case "r":
			if t.selfClosing {
				continue
			}
			rt, ok := x.next()
			if !ok || rt.kind != tagStart || string(rt.name) != "t" {
				return "", false
			}
			s, ok := x.tText(rt)
			if !ok {
				return "", false
			}
			end, ok := x.next()
			if !ok || end.kind != tagEnd || string(end.name) != "r" {
				return "", false
			}
			runs.WriteString(s)
		default:
			return "", false
		}
	}
	s := head.String() + runs.String()
	if strings.Contains(s, "_x") {
		return "", false
	}
	return s, true
}

// tText returns the decoded text of a <t> element.
func (x *xmlScan) tText(t scanTag) (string, bool) {
	raw, text, plain, ok := x.textContent(t)
	if !ok {
		return "", false
	}
	if plain {
		return string(raw), true
	}
	return text, true
}
