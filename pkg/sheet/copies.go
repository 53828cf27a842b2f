package sheet

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"
)

// skipCopies skips a checklist whose questions are formulas that copy
// them from another checklist of the workbook: a page of guidance for
// the institution's reviewer (HECVAT's "Analyst Reference", whose answer
// column holds the reason for each question), or a report. The vendor
// answers the sheet the questions come from, not a view of it; writing
// into the view would overwrite the customer's guidance.
//
// Questions looked up from a hidden sheet (HECVAT's VLOOKUP into its
// "Questions" tab) are another matter: that sheet is no checklist, and
// the sheet that looks them up is the one to answer.
func skipCopies(f *excelize.File, wb *Workbook, raws map[string]*rawSheet) {
	checklists := map[string]bool{}
	for _, s := range wb.Checklists() {
		checklists[s.Name] = true
	}
	if len(checklists) < 2 {
		return
	}
	for _, s := range wb.Checklists() {
		counts := map[string]int{}
		// The ID and question cells, and those between them: the reader
		// may take a guidance column for the questions when the copied
		// questions sit beside it.
		last := max(s.Layout.QuestionCol, s.Layout.IDCol)
		for _, r := range s.Rows {
			found := map[string]bool{}
			for c := 1; c <= last; c++ {
				cell, err := excelize.CoordinatesToCellName(c, r.Row)
				if err != nil {
					continue
				}
				fm, err := cellFormula(f, raws[s.Name], s.Name, cell)
				if err != nil || fm == "" {
					continue
				}
				for other := range checklists {
					if other != s.Name && refersTo(fm, other) {
						found[other] = true
					}
				}
			}
			for other := range found {
				counts[other]++
			}
		}
		for other, n := range counts {
			if n*2 > len(s.Rows) {
				s.Skipped = fmt.Sprintf("its questions are copied by formula from sheet %q: guidance or a report about that sheet, not one to answer", other)
				break
			}
		}
	}
}

// refersTo reports whether a formula names sheet: 'HECVAT - Lite'!A23 or
// Sheet1!A23.
func refersTo(formula, sheet string) bool {
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	return strings.Contains(formula, quoted) || !strings.ContainsAny(sheet, " -'") && strings.Contains(formula, sheet+"!")
}

// exampleWords name a worked example, in a sheet's name and in a row.
const exampleWords = `記入例|回答例|記載例`

// exampleSheet: a sheet name that says it shows how to answer (記入例,
// 回答例, 見本, Example, Sample).
var exampleSheet = regexp.MustCompile(`(?i)` + exampleWords + `|見本|サンプル|example|sample`)

// skipExamples leaves alone the checklists whose sheet names say they are
// examples when the workbook has another checklist: the customer shows
// how to answer there, and the answers go on the other sheet.
func skipExamples(wb *Workbook) {
	var examples []*Sheet
	others := 0
	for _, s := range wb.Checklists() {
		if exampleSheet.MatchString(s.Name) {
			examples = append(examples, s)
		} else {
			others++
		}
	}
	if others == 0 {
		return
	}
	for _, s := range examples {
		s.Skipped = "an example sheet (its name says so); the checklist is on another sheet (--sheet to fill it)"
		s.Rows = nil
	}
}
