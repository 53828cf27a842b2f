package fill

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/qfill/qfill/pkg/i18n"
	"github.com/qfill/qfill/pkg/sheet"
	"github.com/xuri/excelize/v2"
)

// ErrOpenReviews is returned by Finalize while review rows are still
// unanswered and the caller did not force it.
var ErrOpenReviews = errors.New("review rows are still open")

// Finalized is what Finalize did.
type Finalized struct {
	// Removed counts the review marks taken out; Open lists the review
	// cells still without an answer ("Sheet!D12").
	Removed int
	Open    []string
	Bytes   []byte
}

// Finalize makes the copy to send: qfill's review marks (the amber fill
// and the review comment) are taken out of every review cell, whether the
// reviewer answered it or not, and every other part of the package keeps
// its bytes. It refuses while review cells are still unanswered, unless
// force is set.
func Finalize(data []byte, name string, o sheet.OpenOptions, force bool) (res *Finalized, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: %v", ErrInternal, r)
		}
	}()
	book, err := sheet.OpenBytes(data, name, o)
	if err != nil {
		return nil, err
	}
	defer book.Close()
	f := book.File
	answered := answeredCells(f)
	res = &Finalized{}
	type mark struct{ sheet, cell string }
	var marks []mark
	for _, s := range f.GetSheetList() {
		cs, err := f.GetComments(s)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", s, err)
		}
		for _, c := range cs {
			// Comments that carry a filled row's remarks have no review
			// prefix, and stay.
			if c.Author != CommentAuthor || !hasReviewPrefix(commentText(c)) {
				continue
			}
			marks = append(marks, mark{s, c.Cell})
			key := s + "!" + c.Cell
			if ok, known := answered[key]; known && !ok || !known && cellEmpty(f, s, c.Cell) {
				res.Open = append(res.Open, key)
			}
		}
	}
	if len(res.Open) > 0 && !force {
		return res, fmt.Errorf("%w: %d of %d (first %s)", ErrOpenReviews, len(res.Open), len(marks), res.Open[0])
	}
	changed := map[string]bool{}
	restored := map[int]int{}
	for _, m := range marks {
		if err := f.DeleteComment(m.sheet, m.cell); err != nil {
			return nil, err
		}
		if err := unmarkCell(f, m.sheet, m.cell, restored); err != nil {
			return nil, err
		}
		changed[m.sheet] = true
		res.Removed++
	}
	var sheets []string
	for _, s := range f.GetSheetList() {
		if changed[s] {
			sheets = append(sheets, s)
		}
	}
	res.Bytes, err = Render(data, f, sheets, o.Password, nil)
	return res, err
}

func hasReviewPrefix(s string) bool {
	for _, p := range i18n.ReviewPrefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func commentText(c excelize.Comment) string {
	var b strings.Builder
	b.WriteString(c.Text)
	for _, r := range c.Paragraph {
		b.WriteString(r.Text)
	}
	return strings.TrimSpace(b.String())
}

// cellEmpty reads the stored value: formatting it would make excelize
// rewrite a number's stored text in the sheet finalize writes.
func cellEmpty(f *excelize.File, sheet, cell string) bool {
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	return err == nil && strings.TrimSpace(v) == ""
}

// answeredCells maps each answer cell the reader finds ("Sheet!D12", and
// every x-column cell of a row) to whether its row holds an answer now.
func answeredCells(f *excelize.File) map[string]bool {
	out := map[string]bool{}
	wb, err := sheet.Read(f, sheet.Overrides{})
	if err != nil {
		return out
	}
	for _, s := range wb.Checklists() {
		for _, r := range s.Rows {
			out[s.Name+"!"+r.AnswerCell] = r.Answered
			for _, c := range r.MarkCells {
				out[s.Name+"!"+c] = r.Answered
			}
		}
	}
	return out
}

// unmarkCell gives a review cell back the style it had before qfill
// painted it. markCell made the review style from the original with only
// the fill changed, so the original is a style that differs from it in
// the fill alone; where several do, the one the cell's column uses most
// is taken (the rows qfill filled or kept there still carry it). Where
// none is left, the review fill is cleared from a copy.
func unmarkCell(f *excelize.File, sh, cell string, cache map[int]int) error {
	cur, err := f.GetCellStyle(sh, cell)
	if err != nil {
		return err
	}
	st, err := f.GetStyle(cur)
	if err != nil || !isReviewFill(st.Fill) {
		return err
	}
	id, ok := cache[cur]
	if !ok {
		if id, err = originalStyle(f, sh, cell, cur, st); err != nil {
			return err
		}
		cache[cur] = id
	}
	return f.SetCellStyle(sh, cell, cell, id)
}

func isReviewFill(fl excelize.Fill) bool {
	if fl.Pattern != 1 || len(fl.Color) == 0 {
		return false
	}
	c := strings.ToUpper(strings.TrimPrefix(fl.Color[0], "#"))
	return c == ReviewColor || c == "FF"+ReviewColor
}

func originalStyle(f *excelize.File, sh, cell string, cur int, st *excelize.Style) (int, error) {
	var candidates []int
	for id := 0; id < cur; id++ {
		o, err := f.GetStyle(id)
		if err != nil || isReviewFill(o.Fill) {
			continue
		}
		probe := *o
		probe.Fill = st.Fill
		if reflect.DeepEqual(&probe, st) {
			candidates = append(candidates, id)
		}
	}
	switch len(candidates) {
	case 0:
		plain := *st
		plain.Fill = excelize.Fill{}
		return f.NewStyle(&plain)
	case 1:
		return candidates[0], nil
	}
	col, _, err := excelize.SplitCellName(cell)
	if err != nil {
		return candidates[0], nil
	}
	uses := map[int]int{}
	rows, err := f.GetRows(sh)
	if err == nil {
		for r := range rows {
			if id, err := f.GetCellStyle(sh, fmt.Sprintf("%s%d", col, r+1)); err == nil {
				uses[id]++
			}
		}
	}
	best := candidates[0]
	for _, id := range candidates[1:] {
		if uses[id] > uses[best] {
			best = id
		}
	}
	return best, nil
}
