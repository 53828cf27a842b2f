package fill

import (
	"fmt"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// ReviewColor is the fill of an answer cell that needs a human (a pale
// amber, readable in print and distinct from the green/red customers use
// for their own status colours).
const ReviewColor = "FFE699"

// CommentAuthor signs qfill's cell comments.
const CommentAuthor = "qfill"

// MaxComments bounds the review comments added to one sheet. Past it the
// rows still get the review fill and are listed in the reports; the
// comment is left out because excelize places each new comment by
// walking every row of the sheet (quadratic on long sheets), and nobody
// reviews thousands of notes cell by cell.
const MaxComments = 1000

// Apply makes the plan's cell changes in f and returns the sheets it
// changed. Values are always written as text, so an answer that starts
// with "=", "+", "-" or "@" can never become a formula.
func Apply(f *excelize.File, items []Item) ([]string, error) {
	styles := map[int]int{} // original style -> the same style with the review fill
	existing := map[string]map[string]bool{}
	added := map[string]int{}
	changed := map[string]bool{}
	// A package from a minimal producer may have no style table, and
	// excelize can then neither add a fill nor place a comment (it
	// panics looking for the default font). Review rows are left blank,
	// which is safe, and the reports still list them.
	_, styleErr := f.GetStyle(0)
	canMark := styleErr == nil
	for i := range items {
		it := &items[i]
		for _, w := range it.writes {
			if w.cell == "" {
				continue
			}
			changed[it.Sheet] = true
			if w.value != "" {
				if err := f.SetCellStr(it.Sheet, w.cell, w.value); err != nil {
					return nil, fmt.Errorf("sheet %q cell %s: %w", it.Sheet, w.cell, err)
				}
			}
			if w.mark && canMark {
				if err := markCell(f, it.Sheet, w.cell, styles); err != nil {
					return nil, fmt.Errorf("sheet %q cell %s: %w", it.Sheet, w.cell, err)
				}
			}
			if w.comment != "" && canMark {
				if existing[it.Sheet] == nil {
					existing[it.Sheet] = map[string]bool{}
					cs, err := f.GetComments(it.Sheet)
					if err != nil {
						return nil, fmt.Errorf("sheet %q: %w", it.Sheet, err)
					}
					for _, c := range cs {
						existing[it.Sheet][c.Cell] = true
					}
				}
				// The customer's own comment stays; the report still has
				// the suggestion.
				if existing[it.Sheet][w.cell] || added[it.Sheet] >= MaxComments {
					continue
				}
				existing[it.Sheet][w.cell] = true
				added[it.Sheet]++
				if err := f.AddComment(it.Sheet, excelize.Comment{
					Cell: w.cell, Author: CommentAuthor,
					Paragraph: []excelize.RichTextRun{{Text: w.comment}},
					Width:     360, Height: 160,
				}); err != nil {
					return nil, fmt.Errorf("sheet %q cell %s: comment: %w", it.Sheet, w.cell, err)
				}
			}
		}
	}
	out := make([]string, 0, len(changed))
	for s := range changed {
		out = append(out, s)
	}
	sort.Strings(out)
	return out, nil
}

// markCell gives a cell the review fill, keeping its font, border,
// alignment and number format.
func markCell(f *excelize.File, sheet, cell string, cache map[int]int) error {
	orig, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		return err
	}
	id, ok := cache[orig]
	if !ok {
		st, err := f.GetStyle(orig)
		if err != nil {
			return err
		}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{ReviewColor}}
		if id, err = f.NewStyle(st); err != nil {
			return err
		}
		cache[orig] = id
	}
	return f.SetCellStyle(sheet, cell, cell, id)
}

// Writes lists the plan's cell changes as "Sheet!A1 = value" lines, the
// form tests compare plans in.
func Writes(items []Item) []string {
	var out []string
	for _, it := range items {
		for _, w := range it.writes {
			var parts []string
			if w.value != "" {
				parts = append(parts, fmt.Sprintf("= %q", w.value))
			}
			if w.mark {
				parts = append(parts, "[review]")
			}
			if w.comment != "" {
				parts = append(parts, "[comment]")
			}
			out = append(out, fmt.Sprintf("%s!%s %s", it.Sheet, w.cell, strings.Join(parts, " ")))
		}
	}
	return out
}
