// Package xlsxdump renders a workbook as stable text: sheets and their
// visibility, column widths, merges, data validations, comments and every
// non-empty cell with its formula. Golden tests and fidelity tests compare
// these dumps, so a difference reads as a diff a person can follow.
package xlsxdump

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Options choose what Dump includes.
type Options struct {
	// Styles adds each cell's resolved style (fill, font, border, number
	// format, alignment).
	Styles bool
	// Skip omits the listed cells ("Sheet!A1") from the dump; fidelity
	// checks use it for the cells qfill wrote.
	Skip map[string]bool
}

// Dump renders the workbook in data.
func Dump(data []byte, o Options) (string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	defer f.Close()
	var b strings.Builder
	for _, dn := range f.GetDefinedName() {
		fmt.Fprintf(&b, "name %s [%s] = %s\n", dn.Name, dn.Scope, dn.RefersTo)
	}
	for _, sh := range f.GetSheetList() {
		vis, _ := f.GetSheetVisible(sh)
		fmt.Fprintf(&b, "== sheet %q visible=%v\n", sh, vis)
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			return "", fmt.Errorf("sheet %q: %w", sh, err)
		}
		maxCol := 0
		for _, r := range rows {
			maxCol = max(maxCol, len(r))
		}
		for c := 1; c <= maxCol; c++ {
			name, _ := excelize.ColumnNumberToName(c)
			w, _ := f.GetColWidth(sh, name)
			v, _ := f.GetColVisible(sh, name)
			fmt.Fprintf(&b, "col %s width=%.2f visible=%v\n", name, w, v)
		}
		for r := 1; r <= len(rows); r++ {
			if v, _ := f.GetRowVisible(sh, r); !v {
				fmt.Fprintf(&b, "row %d hidden\n", r)
			}
		}
		merges, _ := f.GetMergeCells(sh)
		var ms []string
		for _, m := range merges {
			ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		sort.Strings(ms)
		for _, m := range ms {
			fmt.Fprintf(&b, "merge %s\n", m)
		}
		dvs, _ := f.GetDataValidations(sh)
		var ds []string
		for _, dv := range dvs {
			ds = append(ds, fmt.Sprintf("dv %s type=%s f1=%s f2=%s", dv.Sqref, dv.Type, dv.Formula1, dv.Formula2))
		}
		sort.Strings(ds)
		for _, d := range ds {
			fmt.Fprintln(&b, d)
		}
		comments, _ := f.GetComments(sh)
		sort.Slice(comments, func(i, j int) bool { return comments[i].Cell < comments[j].Cell })
		for _, c := range comments {
			if o.Skip[sh+"!"+c.Cell] {
				continue
			}
			var text strings.Builder
			for _, p := range c.Paragraph {
				text.WriteString(p.Text)
			}
			if text.Len() == 0 {
				text.WriteString(c.Text)
			}
			fmt.Fprintf(&b, "comment %s by %s: %q\n", c.Cell, c.Author, text.String())
		}
		for r, row := range rows {
			for c, v := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if o.Skip[sh+"!"+cell] {
					continue
				}
				fm, _ := f.GetCellFormula(sh, cell)
				// Empty cells are left out: which of them a row lists
				// depends on its last value, not on what the sheet shows.
				if v == "" && fm == "" {
					continue
				}
				style := ""
				if o.Styles {
					style = styleText(f, sh, cell)
				}
				fmt.Fprintf(&b, "%s %q", cell, canonicalNumber(v))
				if fm != "" {
					fmt.Fprintf(&b, " =%s", fm)
				}
				if style != "" {
					fmt.Fprintf(&b, " %s", style)
				}
				b.WriteByte('\n')
			}
		}
	}
	return b.String(), nil
}

func styleText(f *excelize.File, sh, cell string) string {
	id, err := f.GetCellStyle(sh, cell)
	if err != nil {
		return ""
	}
	if id == 0 {
		// A cell missing from the XML shows its column's style: writing
		// a neighbour may make excelize store it explicitly.
		col, _, _ := excelize.SplitCellName(cell)
		if id, err = f.GetColStyle(sh, col); err != nil || id == 0 {
			return ""
		}
	}
	st, err := f.GetStyle(id)
	if err != nil {
		return ""
	}
	// JSON spells out the pointed-to values, so two equal styles print
	// the same.
	b, err := json.Marshal(st)
	if err != nil {
		return ""
	}
	return "style" + string(b)
}

// canonicalNumber prints a number in its shortest round-trip form, so
// "9.1999999999999993" and "9.2" (the same double; excelize rewrites the
// first as the second) compare equal.
func canonicalNumber(v string) string {
	if v == "" || strings.TrimLeft(v, "-0123456789.eE+") != "" {
		return v
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// Change is one cell that differs between two workbooks.
type Change struct {
	Sheet, Cell string
	Old, New    string
}

// Diff lists the cells whose values differ between two workbooks, in
// sheet and row order.
func Diff(oldData, newData []byte) ([]Change, error) {
	a, order, err := cells(oldData)
	if err != nil {
		return nil, err
	}
	b, order2, err := cells(newData)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []Change
	for _, k := range append(order, order2...) {
		if seen[k] {
			continue
		}
		seen[k] = true
		if a[k] != b[k] {
			sh, cell, _ := strings.Cut(k, "\x00")
			out = append(out, Change{Sheet: sh, Cell: cell, Old: a[k], New: b[k]})
		}
	}
	return out, nil
}

func cells(data []byte) (map[string]string, []string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	m := map[string]string{}
	var order []string
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, nil, err
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				k := sh + "\x00" + cell
				m[k] = v
				order = append(order, k)
			}
		}
	}
	return m, order, nil
}
