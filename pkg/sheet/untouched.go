package sheet

import (
	"bytes"
	"regexp"

	"github.com/xuri/excelize/v2"
)

// untouched tells the cells of a sheet that qfill leaves as the customer
// made them though they look empty: those holding a formula
// (=IF(C5="","",…) shows nothing), and, in a protected sheet, those left
// locked: a protected template opens for input only the cells it
// unlocks.
type untouched struct {
	f         *excelize.File
	rs        *rawSheet
	sheet     string
	protected bool
	arrays    []area
	byStyle   map[int]bool // locked, by style index
}

// newUntouched reads protection and array formulas from the worksheet's
// part as the package holds it, whether or not the reader takes the rest
// from there (rs), so that both ways read the sheet alike.
func newUntouched(f *excelize.File, rs *rawSheet, sheet string, part []byte) *untouched {
	return &untouched{f: f, rs: rs, sheet: sheet, protected: sheetProtected(part), arrays: arrayRanges(part), byStyle: map[int]bool{}}
}

// formula reports a formula in the cell, or an array formula's range
// over it: only the range's first cell holds the formula (a dynamic
// array's spill is stored so too), and writing into the rest breaks it.
func (u *untouched) formula(cell string) bool {
	if fm, _ := cellFormula(u.f, u.rs, u.sheet, cell); fm != "" {
		return true
	}
	col, row, err := excelize.CellNameToCoordinates(cell)
	return err == nil && covers(u.arrays, col, row)
}

// locked reports a cell the sheet's protection keeps from input. A style
// without a protection element is locked, as in Excel; one whose element
// leaves the flag out is taken as unlocked (excelize reads it so), which
// errs towards writing, as qfill did before it read protection.
func (u *untouched) locked(cell string) bool {
	if !u.protected {
		return false
	}
	id, err := u.f.GetCellStyle(u.sheet, cell)
	if err != nil {
		return false
	}
	l, ok := u.byStyle[id]
	if !ok {
		st, err := u.f.GetStyle(id)
		l = err == nil && (st.Protection == nil || st.Protection.Locked)
		u.byStyle[id] = l
	}
	return l
}

// either reports a cell that holds a formula or is locked.
func (u *untouched) either(cell string) bool {
	return u.formula(cell) || u.locked(cell)
}

var (
	protectedAttr = regexp.MustCompile(`\ssheet\s*=\s*["'](?:1|true)["']`)
	arrayRef      = regexp.MustCompile(`\sref\s*=\s*["']([^"']+)["']`)
)

// arrayRanges returns the ranges of the array formulas in a worksheet
// part (<f t="array" ref="C3:C9">). Markup a comment hides may add a
// range: a cell then wrongly left alone, never one wrongly written.
func arrayRanges(part []byte) []area {
	var out []area
	for _, attr := range [][]byte{[]byte(`t="array"`), []byte(`t='array'`)} {
		for b := part; ; {
			i := bytes.Index(b, attr)
			if i < 0 {
				break
			}
			start := bytes.LastIndexByte(b[:i], '<')
			end := bytes.IndexByte(b[i:], '>')
			if start >= 0 && end >= 0 && i > 0 && isSpace(b[i-1]) && start+2 < i && b[start+1] == 'f' && isSpace(b[start+2]) {
				if m := arrayRef.FindSubmatch(b[start : i+end]); m != nil {
					if a, ok := parseArea(string(m[1])); ok {
						out = append(out, a)
					}
				}
			}
			b = b[i+len(attr):]
		}
	}
	return out
}

// sheetProtected reports a worksheet part whose sheetProtection element
// turns protection on (the element alone does not: sheet defaults to
// false).
func sheetProtected(part []byte) bool {
	for b := part; ; {
		i := bytes.Index(b, []byte("<sheetProtection"))
		if i < 0 {
			return false
		}
		b = b[i+len("<sheetProtection"):]
		if len(b) == 0 || !(isSpace(b[0]) || b[0] == '/' || b[0] == '>') {
			continue
		}
		if end := bytes.IndexByte(b, '>'); end >= 0 {
			return protectedAttr.Match(b[:end])
		}
		return false
	}
}
