package fill

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/i18n"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/sheet"
	"github.com/xuri/excelize/v2"
)

func entryByID(t *testing.T, id string) *corpus.Entry {
	t.Helper()
	c, err := corpus.Load(filepath.Join("..", "..", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range c.Entries {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("no entry %s", id)
	return nil
}

func cellAndComment(t *testing.T, data []byte, sheet, cell string) (string, string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, _ := f.GetCellValue(sheet, cell)
	cs, _ := f.GetComments(sheet)
	for _, c := range cs {
		if c.Cell == cell {
			text := c.Text
			for _, p := range c.Paragraph {
				text += p.Text
			}
			return v, text
		}
	}
	return v, ""
}

// A reviewer's decision is written the way fill writes a confident match:
// deciding a filled row for its own entry changes no byte of the output,
// and a decided review row loses its mark and gets the answer.
func TestDecisions(t *testing.T) {
	ix := sampleIndex(t)
	in := filepath.Join("..", "..", "templates", "security_checklist_ja.xlsx")
	plain := runFill(t, ix, in, Options{})
	// review: a dropdown row in review whose suggestion has a choice;
	// nochoice: one whose suggestion has none, so the reviewer gives it.
	var filled, review, nochoice *Item
	for i := range plain.Items {
		it := &plain.Items[i]
		switch {
		case it.Status == StatusFilled && it.Choice != "" && it.Remarks != "" && filled == nil:
			filled = it
		case it.Status == StatusReview && len(it.Choices) > 0 && corpus.DeriveChoice(entryByID(t, it.EntryID)) != corpus.ChoiceNone && review == nil:
			review = it
		case it.Status == StatusReview && len(it.Choices) > 0 && corpus.DeriveChoice(entryByID(t, it.EntryID)) == corpus.ChoiceNone && nochoice == nil:
			nochoice = it
		}
	}
	if filled == nil || review == nil || nochoice == nil {
		t.Fatal("the template lacks a filled dropdown row with remarks, or a review row of either kind")
	}

	same := runFill(t, ix, in, Options{Decisions: map[string]Decision{filled.Key(): {Entry: entryByID(t, filled.EntryID)}}})
	if !bytes.Equal(same.Bytes, plain.Bytes) {
		t.Errorf("deciding %s for its own entry %s changed the output", filled.Key(), filled.EntryID)
	}

	e := entryByID(t, review.EntryID)
	got := runFill(t, ix, in, Options{Decisions: map[string]Decision{review.Key(): {Entry: e}}})
	it := itemAt(got, review.Key())
	if it.Status != StatusFilled || !it.Decided || it.EntryID != e.ID {
		t.Errorf("decided row: %+v", it)
	}
	v, comment := cellAndComment(t, got.Bytes, it.Sheet, it.AnswerCell)
	if v == "" || v != it.Choice || comment != "" {
		t.Errorf("decided cell %s: value %q (want %q), comment %q (want none)", it.AnswerCell, v, it.Choice, comment)
	}
	if _, c := cellAndComment(t, plain.Bytes, it.Sheet, it.AnswerCell); c == "" {
		t.Errorf("the undecided fill has no review comment on %s to compare with", it.AnswerCell)
	}

	// An entry without a choice, on a dropdown: the reviewer's choice goes
	// in the cell, the entry's answer in the remarks.
	e = entryByID(t, nochoice.EntryID)
	got = runFill(t, ix, in, Options{Decisions: map[string]Decision{nochoice.Key(): {Entry: e, Choice: "はい"}}})
	it = itemAt(got, nochoice.Key())
	if v, _ := cellAndComment(t, got.Bytes, it.Sheet, it.AnswerCell); v != "はい" || !it.Decided {
		t.Errorf("entry without a choice, decided はい: cell %q, %+v", v, it)
	}
	if r, _ := cellAndComment(t, got.Bytes, it.Sheet, it.RemarksCell); r != e.Answer {
		t.Errorf("entry without a choice: remarks %q, want the entry's answer", r)
	}
	if err := Decide(&Item{}, rowOf(t, got, nochoice.Key()), Decision{Entry: e}, Options{}); !errors.Is(err, ErrNotAllowed) {
		t.Errorf("entry without a choice, no choice given: err %v, want ErrNotAllowed", err)
	}

	// A typed answer with a choice: the choice in the cell, the text in
	// the remarks.
	typed := &corpus.Entry{Answer: "対応していません。今後の予定もありません。"}
	got = runFill(t, ix, in, Options{Decisions: map[string]Decision{review.Key(): {Entry: typed, Choice: "いいえ"}}})
	it = itemAt(got, review.Key())
	if v, _ := cellAndComment(t, got.Bytes, it.Sheet, it.AnswerCell); v != "いいえ" {
		t.Errorf("typed answer: cell %q, want いいえ", v)
	}
	if r, _ := cellAndComment(t, got.Bytes, it.Sheet, it.RemarksCell); it.RemarksCell == "" || r != typed.Answer {
		t.Errorf("typed answer: remarks %s = %q, want the text", it.RemarksCell, r)
	}

	// Left blank: no value, no mark.
	got = runFill(t, ix, in, Options{Decisions: map[string]Decision{review.Key(): {Skip: true}}})
	it = itemAt(got, review.Key())
	if v, c := cellAndComment(t, got.Bytes, it.Sheet, it.AnswerCell); v != "" || c != "" || it.Status != StatusUnanswered {
		t.Errorf("skipped row: %q %q %s", v, c, it.Status)
	}

	// A value the dropdown does not list is refused, and the row stays
	// as planned.
	var r0 = rowOf(t, got, review.Key())
	before := *review
	err := Decide(review, r0, Decision{Entry: typed, Choice: "たぶん"}, Options{})
	if !errors.Is(err, ErrNotAllowed) || review.Status != before.Status || review.Decided {
		t.Errorf("not allowed: err %v, item %+v", err, review)
	}
}

func itemAt(res *Result, key string) Item {
	for _, it := range res.Items {
		if it.Key() == key {
			return it
		}
	}
	return Item{}
}

func rowOf(t *testing.T, res *Result, key string) sheet.Row {
	t.Helper()
	r, ok := RowsByKey(res.Workbook)[key]
	if !ok {
		t.Fatalf("no row %s", key)
	}
	return r
}

// A row held back because its English sheet is one the corpus barely
// covers says so, with the sheet's median, in the sheet's language.
func TestReasonUnfamiliar(t *testing.T) {
	for _, l := range []Lang{English, Japanese} {
		it := &Item{lang: l}
		got := reason(it, sheet.Row{}, &corpus.Entry{ID: "x"}, nil, match.Reason{Check: match.CheckUnfamiliar, Median: 0.28})
		if !strings.Contains(got, "0.28") {
			t.Errorf("lang %v: reason %q does not give the median", l, got)
		}
	}
	msg, ok := largestCut([]match.Step{{Signal: match.StepScore, Conf: 0.62}, {Signal: match.StepUnfamiliar, Conf: 0.5}})
	if !ok || msg != i18n.MsgCutUnfamiliar {
		t.Errorf("largestCut = %v, %v; want the unfamiliar-sheet message", msg, ok)
	}
}

// A row held back because its entry answers "not applicable" to another
// wording names the entry, in the sheet's language.
func TestReasonInapplicable(t *testing.T) {
	for _, l := range []Lang{English, Japanese} {
		it := &Item{lang: l}
		got := reason(it, sheet.Row{}, &corpus.Entry{ID: "cons-enc"}, nil, match.Reason{Check: match.CheckInapplicable})
		if !strings.Contains(got, "cons-enc") {
			t.Errorf("lang %v: reason %q does not name the entry", l, got)
		}
	}
	msg, ok := largestCut([]match.Step{{Signal: match.StepScore, Conf: 0.78}, {Signal: match.StepInapplicable, Conf: 0.5}})
	if !ok || msg != i18n.MsgCutInapplicable {
		t.Errorf("largestCut = %v, %v; want the not-applicable message", msg, ok)
	}
}

// A row held back because its entry says only yes to a question that asks
// for more names the entry, in the sheet's language.
func TestReasonBare(t *testing.T) {
	for _, l := range []Lang{English, Japanese} {
		it := &Item{lang: l}
		got := reason(it, sheet.Row{}, &corpus.Entry{ID: "officer"}, nil, match.Reason{Check: match.CheckBare})
		if !strings.Contains(got, "officer") {
			t.Errorf("lang %v: reason %q does not name the entry", l, got)
		}
	}
	msg, ok := largestCut([]match.Step{{Signal: match.StepScore, Conf: 0.78}, {Signal: match.StepBare, Conf: 0.5}})
	if !ok || msg != i18n.MsgCutBare {
		t.Errorf("largestCut = %v, %v; want the bare-yes message", msg, ok)
	}
}

// A reviewer's value on a check-box cell ticks its box, as a fill does.
func TestDecideCheckBoxCell(t *testing.T) {
	row := sheet.Row{Row: 2, Question: "q", AnswerCell: "C2", RemarksCell: "D2", Boxes: "□はい　□いいえ　□該当なし", Choices: []string{"はい", "いいえ", "該当なし"}}
	e := &corpus.Entry{ID: "loc", Question: "データセンターの所在地は？", Answer: "東京と大阪です。"}
	it := &Item{Sheet: "S", Row: 2, AnswerCell: "C2", RemarksCell: "D2"}
	if err := Decide(it, row, Decision{Entry: e, Choice: "いいえ"}, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(Writes([]Item{*it}), "\n"); got != `S!C2 = "□はい\u3000■いいえ\u3000□該当なし"`+"\n"+`S!D2 = "東京と大阪です。"` {
		t.Errorf("writes %q", got)
	}
}
