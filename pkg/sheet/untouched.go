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
	byStyle   map[int]bool // locked, by style index
}

func newUntouched(f *excelize.File, rs *rawSheet, sheet string, part []byte) *untouched {
	return &untouched{f: f, rs: rs, sheet: sheet, protected: sheetProtected(part), byStyle: map[int]bool{}}
}

// formula reports a formula in the cell, or an array formula's range
// over it (writing into one breaks the array).
func (u *untouched) formula(cell string) bool {
	fm, _ := cellFormula(u.f, u.rs, u.sheet, cell)
	return fm != "" || u.rs.inArray(cell)
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

var protectedAttr = regexp.MustCompile(`\ssheet\s*=\s*["'](?:1|true)["']`)

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
		if len(b) == 0 || !(b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n' || b[0] == '/' || b[0] == '>') {
			continue
		}
		if end := bytes.IndexByte(b, '>'); end >= 0 {
			return protectedAttr.Match(b[:end])
		}
		return false
	}
}
