package fill

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// SummarySheetName is the sheet --summary-sheet adds.
const SummarySheetName = "qfill review"

// AddSummarySheet appends a sheet listing the rows to review, each with a
// link to its answer cell. It is opt-in: a customer's file should stay as
// they sent it unless the user asks. It returns false when there is
// nothing to review.
func AddSummarySheet(f *excelize.File, items []Item) (bool, error) {
	var rows []Item
	for _, it := range items {
		if it.Status == StatusReview || it.Status == StatusUnanswered {
			rows = append(rows, it)
		}
	}
	if len(rows) == 0 {
		return false, nil
	}
	name := SummarySheetName
	for n := 2; ; n++ {
		if idx, _ := f.GetSheetIndex(name); idx < 0 {
			break
		}
		name = fmt.Sprintf("%s %d", SummarySheetName, n)
	}
	if _, err := f.NewSheet(name); err != nil {
		return false, err
	}
	head := []any{"シート / Sheet", "セル / Cell", "状態 / Status", "質問 / Question", "候補 / Suggested", "確信度 / Confidence", "この確信度の正解率 / Right at this confidence", "理由 / Reason"}
	if err := f.SetSheetRow(name, "A1", &head); err != nil {
		return false, err
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{ReviewColor}}})
	_ = f.SetCellStyle(name, "A1", "H1", bold)
	for i, it := range rows {
		r := i + 2
		var right any // blank where there is no suggestion
		if it.Probability > 0 {
			right = it.Probability
		}
		vals := []any{it.Sheet, it.AnswerCell, string(it.Status), it.Question, it.EntryID, it.Confidence, right, it.Reason}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := f.SetSheetRow(name, cell, &vals); err != nil {
			return false, err
		}
		link, _ := excelize.CoordinatesToCellName(2, r)
		if err := f.SetCellHyperLink(name, link, fmt.Sprintf("'%s'!%s", it.Sheet, it.AnswerCell), "Location"); err != nil {
			return false, err
		}
	}
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 9}) // 0%
	_ = f.SetCellStyle(name, "G2", fmt.Sprintf("G%d", len(rows)+1), pct)
	for col, w := range map[string]float64{"A": 22, "B": 10, "C": 12, "D": 60, "E": 22, "F": 12, "G": 14, "H": 40} {
		_ = f.SetColWidth(name, col, col, w)
	}
	return true, nil
}
