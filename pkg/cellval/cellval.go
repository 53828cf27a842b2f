// Package cellval gives the text a person reads in a spreadsheet cell that
// stores a number: 99.95% as its format shows it, not 0.9995, and a date
// as 2026-04-01, not the serial number 46113. excelize shows a date in
// Excel's locale format (numFmt 14) as mm-dd-yy, which no one can read
// back for sure, so dates are written out in full.
package cellval

import (
	"regexp"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// shownDate is how excelize shows a date cell in the built-in formats
// (04-01-26, 4/1/2026, 2026/4/1, 2026年4月1日).
var shownDate = regexp.MustCompile(`^\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}日?$`)

// Text returns the text of a cell whose stored value is raw and which
// excelize shows as shown.
func Text(raw, shown string, date1904 bool) string {
	if raw == shown || !shownDate.MatchString(shown) {
		return shown
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return shown
	}
	t, err := excelize.ExcelDateToTime(serial, date1904)
	if err != nil {
		return shown
	}
	return t.Format("2006-01-02")
}

// Date1904 reports whether the workbook counts dates from 1904 (old Mac
// Excel), not 1900.
func Date1904(f *excelize.File) bool {
	props, err := f.GetWorkbookProps()
	return err == nil && props.Date1904 != nil && *props.Date1904
}

// IsNumber reports whether a cell's stored value is a number, which its
// format may show otherwise.
func IsNumber(raw string) bool {
	_, err := strconv.ParseFloat(raw, 64)
	return err == nil
}

// Of returns the text of a cell whose stored value is raw: raw itself
// unless it is a number, which is shown as its format shows it. It reads
// the cell through excelize's GetCellValue, which rewrites a number's
// stored text in the loaded sheet (9.1999999999999993 becomes 9.2): for
// workbooks that are only read.
func Of(f *excelize.File, sheet, cell, raw string, date1904 bool) string {
	if !IsNumber(raw) {
		return raw
	}
	shown, err := f.GetCellValue(sheet, cell)
	if err != nil {
		return raw
	}
	return Text(raw, shown, date1904)
}
