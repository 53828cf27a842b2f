package fill

import (
	"errors"
	"fmt"
	"strings"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/i18n"
	"github.com/qfill/qfill/pkg/sheet"
)

// Decision is a reviewer's ruling on one question row; the plan writes it
// in place of the matcher's choice, the way a confident match is written.
type Decision struct {
	// Skip leaves the answer cell blank, without a review mark.
	Skip bool `json:"skip,omitempty"`
	// Entry is the answer to write: a corpus entry, or one made of the
	// reviewer's own text.
	Entry *corpus.Entry `json:"-"`
	// Choice is the dropdown value to write, one of the row's choices;
	// empty lets the entry's answer pick it, as fill does.
	Choice string `json:"choice,omitempty"`
}

// ErrNotAllowed is a decision whose value the cell's dropdown refuses.
var ErrNotAllowed = errors.New("value not allowed")

// Key names a row for decisions: its sheet and answer cell ("Sheet1!D12").
func Key(sheetName, answerCell string) string { return sheetName + "!" + answerCell }

// Key is the item's key for decisions.
func (it *Item) Key() string { return Key(it.Sheet, it.AnswerCell) }

// Decide applies d to the planned item of row r: the item becomes what
// fill writes for that decision. It fails, leaving the item as it was,
// when the row's dropdown allows no value for the decision.
func Decide(it *Item, r sheet.Row, d Decision, o Options) error {
	if d.Skip {
		it.Status, it.Reason, it.Answer, it.Choice, it.Remarks, it.writes = StatusUnanswered, it.lang.f(i18n.MsgLeftBlank), "", "", "", nil
		it.Decided = true
		return nil
	}
	e := d.Entry
	if e == nil {
		return fmt.Errorf("a decision needs an entry, an answer or skip")
	}
	value, remarks, why, _ := render(r, e, it.lang)
	if d.Choice != "" {
		if len(r.Choices) == 0 {
			if e.Answer == "" {
				value = d.Choice
			}
		} else {
			v, ok := matchAllowed(r.Choices, d.Choice)
			if !ok {
				return fmt.Errorf("%w: %q is not one of the values the cell allows (%s)", ErrNotAllowed, d.Choice, strings.Join(r.Choices, " / "))
			}
			value, why = boxed(r, v), ""
			c, _ := corpus.ChoiceOf(v)
			remarks = choiceRemarks(e, c)
		}
	}
	if why != "" {
		return fmt.Errorf("%w: %s", ErrNotAllowed, why)
	}
	if value == "" {
		return fmt.Errorf("the answer is empty")
	}
	next := *it
	next.Status, next.Reason, next.Decided = StatusFilled, it.lang.f(i18n.MsgReviewed), true
	next.EntryID, next.Answer, next.Remarks, next.Choice = e.ID, e.Answer, remarks, ""
	if value != e.Answer {
		next.Choice = value
	}
	next.writes = writeAnswer(r, e, value, remarks, o)
	*it = next
	return nil
}

// RowsByKey indexes the question rows of a workbook's checklists by Key,
// for deciding them one at a time.
func RowsByKey(wb *sheet.Workbook) map[string]sheet.Row {
	out := map[string]sheet.Row{}
	for _, s := range wb.Checklists() {
		for _, r := range s.Rows {
			out[Key(s.Name, r.AnswerCell)] = r
		}
	}
	return out
}
