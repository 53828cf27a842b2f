package sheet

import (
	"sort"
	"strings"
)

// extraCols finds the further answer columns of a sheet (see
// Layout.ExtraCols): every one of its question rows must have the
// dropdown, so a list on one stray cell does not make a column.
func extraCols(g *grid, lay Layout, rows []Row, dvs *validations) map[int]string {
	if len(rows) == 0 || lay.MarkCols != nil {
		return nil
	}
	taken := map[int]bool{lay.QuestionCol: true, lay.AnswerCol: true, lay.RemarksCol: true, lay.IDCol: true, lay.DetailCol: true}
	for _, c := range lay.CategoryCols {
		taken[c] = true
	}
	var out map[int]string
	for c := lay.QuestionCol + 1; c <= g.maxCol; c++ {
		label := strings.TrimSpace(g.text(lay.HeaderRow, c))
		if taken[c] || label == "" {
			continue
		}
		all := true
		for _, r := range rows {
			if len(dvs.choicesAt(c, r.Row)) == 0 {
				all = false
				break
			}
		}
		if all {
			if out == nil {
				out = map[int]string{}
			}
			out[c] = label
		}
	}
	return out
}

func sortedCols(m map[int]string) []int {
	cols := make([]int, 0, len(m))
	for c := range m {
		cols = append(cols, c)
	}
	sort.Ints(cols)
	return cols
}
