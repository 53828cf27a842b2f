package sheet

import (
	"encoding/xml"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// names resolves workbook defined names (dropdown sources such as "YesNo").
type names struct {
	f      *excelize.File
	global map[string]string
	local  map[string]map[string]string // sheet -> name -> refersTo
	// shown holds the values cells show, read once per sheet by streaming
	// (formattedCells), for the cells a list points at and the numbers in
	// answer and remarks cells: excelize's GetCellValue would rewrite a
	// number's stored text in the loaded sheet (9.1999999999999993 becomes
	// 9.2), which a filled copy carries.
	shown map[string]map[string]string // sheet -> cell -> value
}

func newNames(f *excelize.File) *names {
	n := &names{f: f, global: map[string]string{}, local: map[string]map[string]string{}}
	for _, d := range f.GetDefinedName() {
		ref := strings.TrimPrefix(d.RefersTo, "=")
		// HECVAT and SAMM define each name twice, once as a broken
		// sheet-local "#REF!": the working definition must win.
		if strings.Contains(ref, "#REF!") {
			continue
		}
		key := strings.ToLower(d.Name)
		if d.Scope == "" || d.Scope == "Workbook" {
			n.global[key] = ref
			continue
		}
		if n.local[d.Scope] == nil {
			n.local[d.Scope] = map[string]string{}
		}
		n.local[d.Scope][key] = ref
	}
	return n
}

func (n *names) lookup(sheet, name string) (string, bool) {
	key := strings.ToLower(name)
	if ref, ok := n.local[sheet][key]; ok {
		return ref, true
	}
	ref, ok := n.global[key]
	return ref, ok
}

// rangeRef matches a sheet-qualified or plain cell range (a sheet's name
// is followed by !, so $F$1:$F$3 is a range of the list's own sheet).
var rangeRef = regexp.MustCompile(`^(?:(?:'((?:[^']|'')+)'|([^'!\s]+))!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$`)

// maxChoices bounds a list read from a range: a dropdown longer than this
// is a lookup table, not a set of answers.
const maxChoices = 200

// resolve turns a list validation's source into its values.
func (n *names) resolve(sheet, formula string, depth int) []string {
	src := strings.TrimSpace(strings.TrimPrefix(xmlText(formula), "="))
	if src == "" || depth > 3 {
		return nil
	}
	if strings.HasPrefix(src, `"`) {
		// An inline list: "Yes,No,N/A".
		inner := strings.Trim(src, `"`)
		var out []string
		for _, p := range strings.Split(inner, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	if ref, ok := n.lookup(sheet, src); ok {
		return n.resolve(sheet, ref, depth+1)
	}
	m := rangeRef.FindStringSubmatch(src)
	if m == nil {
		return nil // INDIRECT(), OFFSET() and the like: unknown at read time
	}
	target := sheet
	if m[1] != "" {
		target = strings.ReplaceAll(m[1], "''", "'")
	} else if m[2] != "" {
		target = m[2]
	}
	c1, _ := excelize.ColumnNameToNumber(strings.ToUpper(m[3]))
	r1 := atoi(m[4])
	c2, r2 := c1, r1
	if m[5] != "" {
		c2, _ = excelize.ColumnNameToNumber(strings.ToUpper(m[5]))
		r2 = atoi(m[6])
	}
	if (r2-r1+1)*(c2-c1+1) > maxChoices {
		return nil
	}
	var out []string
	for r := r1; r <= r2; r++ {
		for c := c1; c <= c2; c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			if v := strings.TrimSpace(n.cellValue(target, cell)); v != "" {
				out = append(out, v)
			}
		}
	}
	return out
}

// cellValue is the value a cell of sheet shows ("" for none, or no such
// sheet); see shown.
func (n *names) cellValue(sheet, cell string) string {
	if n.shown == nil {
		n.shown = map[string]map[string]string{}
	}
	m, ok := n.shown[sheet]
	if !ok {
		m = formattedCells(n.f, sheet)
		n.shown[sheet] = m
	}
	return m[cell]
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

var xmlTag = regexp.MustCompile(`<[^>]+>`)

// xmlText is the text of a validation formula as excelize returns it: the
// element's inner XML, so with its escapes (LibreOffice writes every
// inline list as &quot;Yes,No&quot;) and, for x14 formulas, wrapped in
// "<xm:f>'Sheet'!$A$1:$A$3</xm:f>".
func xmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b strings.Builder
	d := xml.NewDecoder(strings.NewReader("<f>" + s + "</f>"))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		if cd, ok := tok.(xml.CharData); ok {
			b.Write(cd)
		}
	}
	if b.Len() == 0 {
		// Not XML after all: drop what looks like tags, keep the rest.
		return xmlTag.ReplaceAllString(s, "")
	}
	return b.String()
}

// area is a rectangle of cells.
type area struct{ r1, c1, r2, c2 int }

type listRule struct {
	areas  []area
	values []string
}

// validations holds a sheet's list dropdowns and its other input rules.
type validations struct {
	rules  []listRule
	inputs []inputRule
}

// inputRule is a validation other than a list that limits what its cells
// take.
type inputRule struct {
	areas []area
	in    Input
}

// Input is what a cell's input rule allows: a text of MaxLen characters at
// most, as Excel's LEN counts them (textLength; 0: no limit), or a value
// of Kind (whole, decimal, date, time), which no text qfill writes is.
type Input struct {
	MaxLen int    `json:"max_len,omitempty"`
	Kind   string `json:"kind,omitempty"`
}

func readValidations(f *excelize.File, rs *rawSheet, n *names, sheet string) (*validations, error) {
	dvs, ok := rs.validations()
	if !ok {
		var err error
		if dvs, err = f.GetDataValidations(sheet); err != nil {
			return nil, err
		}
	}
	v := &validations{}
	for _, dv := range dvs {
		if dv == nil {
			continue
		}
		// A type-less validation only shows an input prompt, and a
		// custom one's formula is not evaluated.
		switch dv.Type {
		case "list":
			if values := n.resolve(sheet, dv.Formula1, 0); len(values) > 0 {
				v.rules = append(v.rules, listRule{areas: parseAreas(dv.Sqref), values: values})
			}
		case "textLength":
			if n, ok := longestText(dv); ok {
				v.inputs = append(v.inputs, inputRule{areas: parseAreas(dv.Sqref), in: Input{MaxLen: n}})
			}
		case "whole", "decimal", "date", "time":
			v.inputs = append(v.inputs, inputRule{areas: parseAreas(dv.Sqref), in: Input{Kind: dv.Type}})
		}
	}
	return v, nil
}

// longestText is the longest text a textLength validation allows, when its
// bound is a positive number (a bound read from a cell is not followed).
func longestText(dv *excelize.DataValidation) (int, bool) {
	bound, less := dv.Formula1, 0
	switch dv.Operator {
	case "lessThanOrEqual", "equal":
	case "lessThan":
		less = 1
	case "", "between": // between is the default
		bound = dv.Formula2
	default:
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSpace(bound))
	return n - less, err == nil && n-less > 0
}

func parseAreas(sqref string) []area {
	var out []area
	for _, ref := range strings.Fields(sqref) {
		if a, ok := parseArea(ref); ok {
			out = append(out, a)
		}
	}
	return out
}

func parseArea(ref string) (area, bool) {
	first, last, _ := strings.Cut(ref, ":")
	if last == "" {
		last = first
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(strings.ReplaceAll(first, "$", ""))
	c2, r2, err2 := excelize.CellNameToCoordinates(strings.ReplaceAll(last, "$", ""))
	if err1 != nil || err2 != nil {
		return area{}, false
	}
	return area{r1: min(r1, r2), c1: min(c1, c2), r2: max(r1, r2), c2: max(c1, c2)}, true
}

// choicesAt returns the list values allowed at (col,row); the last rule
// covering the cell wins, as in Excel.
func (v *validations) choicesAt(col, row int) []string {
	if v == nil {
		return nil
	}
	var out []string
	for _, r := range v.rules {
		if covers(r.areas, col, row) {
			out = r.values
		}
	}
	return out
}

// inputAt returns what the input rule at (col,row) allows; the last rule
// covering the cell wins.
func (v *validations) inputAt(col, row int) *Input {
	if v == nil {
		return nil
	}
	var in *Input
	for _, r := range v.inputs {
		if covers(r.areas, col, row) {
			in = &r.in
		}
	}
	return in
}

func covers(areas []area, col, row int) bool {
	for _, a := range areas {
		if row >= a.r1 && row <= a.r2 && col >= a.c1 && col <= a.c2 {
			return true
		}
	}
	return false
}
