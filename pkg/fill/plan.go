// Package fill decides what to write into each answer cell of a checklist
// and writes it into a copy of the customer's workbook.
//
// Deciding (Plan) is pure: rows and matcher results in, a list of items
// out. Writing (Apply, Save) touches only the cells the plan names, and the
// saved package keeps every other part of the input byte for byte.
package fill

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/qfill/qfill/pkg/calib"
	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/i18n"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/sheet"
	"github.com/qfill/qfill/pkg/textnorm"
	"github.com/xuri/excelize/v2"
)

// Status is what happened to one question row.
type Status string

// Statuses of the report; see docs/usage.md "Report".
const (
	StatusFilled     Status = "filled"     // written, no review mark
	StatusReview     Status = "review"     // needs a human; suggestion in the comment
	StatusUnanswered Status = "unanswered" // no candidate
	StatusKept       Status = "kept"       // an existing answer (or formula) left alone
)

// Alternative is a runner-up shown to reviewers.
type Alternative struct {
	EntryID string  `json:"entry_id"`
	Score   float64 `json:"score"`
}

// Item is the plan for one question row, and its line in the report.
type Item struct {
	Sheet    string `json:"sheet"`
	Row      int    `json:"row"`
	ID       string `json:"id,omitempty"`
	Section  string `json:"section,omitempty"`
	Question string `json:"question"`
	// Asked is what the matcher was given where it is not the question:
	// a follow-up row with the question it refers back to.
	Asked      string  `json:"asked,omitempty"`
	AnswerCell string  `json:"answer_cell"`
	Status     Status  `json:"status"`
	EntryID    string  `json:"entry_id,omitempty"`
	Score      float64 `json:"score"`
	Confidence float64 `json:"confidence"`
	// Probability is how often, in the measured sets, a best answer of
	// this confidence was right (package calib's curves), in hundredths.
	Probability float64 `json:"probability,omitempty"`
	// Answer is what was written (filled) or suggested (review).
	Answer string `json:"answer,omitempty"`
	// Choice is the dropdown value written or suggested, if any.
	Choice      string        `json:"choice,omitempty"`
	RemarksCell string        `json:"remarks_cell,omitempty"`
	Remarks     string        `json:"remarks,omitempty"`
	Reason      string        `json:"reason,omitempty"`
	RunnersUp   []Alternative `json:"runners_up,omitempty"`
	Existing    string        `json:"existing,omitempty"`
	// Choices are the values the answer cell's dropdown allows.
	Choices []string `json:"choices,omitempty"`
	// Decided: a reviewer's decision (Options.Decisions) was written.
	Decided bool `json:"decided,omitempty"`
	// Trace is how the matcher reached Confidence, step by step.
	Trace []match.Step `json:"trace,omitempty"`

	// writes are the cell changes for this item, in order.
	writes []write
	// lang is the language of its sheet's messages.
	lang Lang
	// unfamiliar: the matcher held the row back because the corpus
	// barely covers its English sheet (match.CheckUnfamiliar).
	unfamiliar bool
	// noChoice: the row would have been filled, but its cell is a
	// dropdown and the entry says none of its values.
	noChoice bool
}

// write is one cell change.
type write struct {
	cell    string
	value   string // "" with mark set: leave the value, mark only
	mark    bool   // review colour
	comment string
}

// Options steer the plan.
type Options struct {
	// Overwrite replaces existing answers instead of keeping them.
	Overwrite bool
	// MinScore is the score under which a candidate is no suggestion at
	// all and the row is "unanswered".
	MinScore float64
	// MinConfidence is the confidence under which a row in doubt gets no
	// review mark in the workbook: it stays unanswered, and the report
	// still names the best entry.
	MinConfidence float64
	// Decisions are reviewers' rulings by Key; a decided row is written
	// as decided whatever the matcher found. A decision the row cannot
	// take (a value its dropdown refuses) leaves the row as planned.
	Decisions map[string]Decision
	// Curves turn a confidence into Item.Probability; nil means the
	// curves qfill ships.
	Curves *calib.Curves
}

// DefaultMinScore: below this similarity the best entry shares only
// incidental words with the question, and suggesting it wastes a
// reviewer's time.
const DefaultMinScore = 0.2

// DefaultMinConfidence: on the own labelled sets the best entry is right
// for about one row in seven under it (61 of 408 rows), so a review mark
// there is mostly noise in the customer's copy.
const DefaultMinConfidence = 0.1

// Matcher is what the plan needs from the matcher: all questions of a
// workbook are matched together (see match.Index.MatchAll).
type Matcher interface {
	MatchAll(qs []match.Query) []match.Result
}

// A Readier is a Matcher still being built while the workbook is read (a
// large corpus takes as long to load as a large checklist). Run calls
// Ready before planning; its error ends the job with nothing written.
type Readier interface {
	Ready() error
}

// Plan decides every question row of the workbook's checklists.
func Plan(wb *sheet.Workbook, m Matcher, o Options) []Item {
	if o.MinScore == 0 {
		o.MinScore = DefaultMinScore
	}
	if o.MinConfidence == 0 {
		o.MinConfidence = DefaultMinConfidence
	}
	if o.Curves == nil {
		o.Curves = calib.Default()
	}
	var items []Item
	var pending []int // items waiting for a match, in order; -1: a kept row, matched as a rival only
	var queries []match.Query
	var rows []sheet.Row
	// A follow-up asked only on one answer above it: its item -> the item
	// of the question above, and the answer that would contradict it.
	type condition struct {
		above int
		not   corpus.Choice
	}
	conditional := map[int]condition{}
	for _, s := range wb.Checklists() {
		// Only the first row of an answer area merged over several
		// questions may write there.
		sharedSeen := map[string]bool{}
		lang := SheetLang(s)
		above := -1
		// Whether the question a follow-up refers back to is matched: a
		// locked one is not, and then no query is its question.
		aboveAsked := false
		for _, r := range s.Rows {
			shared := r.SharedWith != "" && sharedSeen[r.SharedWith]
			if r.Follows == "" {
				aboveAsked = !r.Locked && !r.Protected && !shared
			}
			switch {
			case r.Follows == "":
				above = len(items)
			case r.OnYes() && above >= 0:
				conditional[len(items)] = condition{above, corpus.ChoiceNo}
			case r.OnNo() && above >= 0:
				conditional[len(items)] = condition{above, corpus.ChoiceYes}
			}
			it := Item{Sheet: s.Name, Row: r.Row, ID: r.ID, Section: r.Section, Question: r.Question, AnswerCell: r.AnswerCell, RemarksCell: r.RemarksCell, Choices: r.Choices, lang: lang}
			switch {
			case r.Locked:
				it.Status, it.Reason = StatusKept, lang.f(i18n.MsgFormula)
				items = append(items, it)
				continue
			case r.Protected:
				it.Status, it.Reason = StatusKept, lang.f(i18n.MsgProtected)
				items = append(items, it)
				continue
			case shared:
				it.Status, it.Reason = StatusKept, lang.f(i18n.MsgShared, r.SharedWith)
				items = append(items, it)
				continue
			case r.Answered && !o.Overwrite:
				it.Status, it.Existing = StatusKept, r.Answer
			}
			sharedSeen[r.AnswerCell] = true
			asked := r.Asked()
			queries = append(queries, match.Query{Text: asked, Section: r.Section, ID: r.ID, FollowUp: r.Follows != "" && aboveAsked})
			rows = append(rows, r)
			if it.Status == StatusKept {
				// Still a question of the sheet: another row's entry that it
				// fits better is as likely its own whether or not it is
				// answered, so a second fill decides as the first did.
				pending = append(pending, -1)
			} else {
				pending = append(pending, len(items))
				if asked != r.Question {
					it.Asked = asked
				}
			}
			items = append(items, it)
		}
	}
	// What the questions those follow-ups refer to say: yes, no, n/a.
	says := map[int]corpus.Choice{}
	for _, c := range conditional {
		says[c.above] = corpus.ChoiceNone
	}
	for k, res := range m.MatchAll(queries) {
		if pending[k] < 0 {
			continue
		}
		it := &items[pending[k]]
		decide(it, rows[k], res, o)
		if d, ok := o.Decisions[it.Key()]; ok {
			_ = Decide(it, rows[k], d, o)
		}
		if _, ok := says[pending[k]]; !ok {
			continue
		}
		switch {
		case it.Decided:
			says[pending[k]], _ = corpus.ChoiceOf(it.Choice)
		case it.Status == StatusFilled:
			says[pending[k]] = corpus.DeriveChoice(res.Best().Entry)
		}
	}
	for k, c := range conditional {
		it, parent := &items[k], &items[c.above]
		said := says[c.above]
		if parent.Status == StatusKept && parent.Existing != "" {
			said = corpus.DeriveChoice(&corpus.Entry{Answer: parent.Existing})
		}
		if said == c.not && !it.Decided && (it.Status == StatusFilled || it.Status == StatusReview) {
			// Asked only on yes, below a no (or the reverse): whatever
			// its words match would contradict the answer above.
			msg := i18n.MsgAboveNo
			if c.not == corpus.ChoiceYes {
				msg = i18n.MsgAboveYes
			}
			it.Status, it.Reason, it.Choice, it.Remarks, it.writes = StatusUnanswered, it.lang.f(msg), "", "", nil
		}
	}
	return items
}

func decide(it *Item, r sheet.Row, res match.Result, o Options) {
	best := res.Best()
	if best == nil || best.Score < o.MinScore {
		it.Status = StatusUnanswered
		return
	}
	e := best.Entry
	it.EntryID, it.Score, it.Confidence = e.ID, round(best.Score), roundDown(res.Confidence)
	if p := o.Curves.Probability(res.Signals().English, res.Confidence); !math.IsNaN(p) {
		it.Probability = math.Round(p*100) / 100
	}
	// Rounded as Confidence is: the last bits of a sum differ between
	// two runs, and the report must not.
	for _, st := range res.Trace {
		st.Conf = roundDown(st.Conf)
		it.Trace = append(it.Trace, st)
	}
	for _, c := range res.Candidates[1:] {
		it.RunnersUp = append(it.RunnersUp, Alternative{EntryID: c.Entry.ID, Score: round(c.Score)})
	}
	value, remarks, why, noChoice := render(r, e, it.lang)
	it.Answer, it.Remarks = e.Answer, remarks
	if value != e.Answer {
		it.Choice = value
	}
	if !res.Auto && res.Confidence < o.MinConfidence {
		it.Status = StatusUnanswered
		it.Reason = it.lang.f(i18n.MsgImplausible, e.ID, roundDown(res.Confidence))
		return
	}
	if !res.Auto || why != "" {
		it.Status = StatusReview
		it.Reason = why
		it.noChoice = res.Auto && noChoice
		if it.Reason == "" {
			it.Reason = reason(it, r, e, best, res.Why)
			it.unfamiliar = res.Why.Check == match.CheckUnfamiliar
		}
		if it.Reason == "" {
			it.Reason = it.lang.f(i18n.MsgBelowThreshold, roundDown(res.Confidence))
			if m, ok := largestCut(res.Trace); ok {
				it.Reason += it.lang.f(i18n.MsgLoweredBy, it.lang.f(m))
			}
		}
		var text []write
		if it.noChoice {
			// Sure of the answer, not of the dropdown's value (an entry
			// that names none, for a question such as 所在国はどこですか):
			// its text goes where a filled row's would, and the cell waits
			// for the reviewer's value.
			if t := choiceRemarks(e, corpus.ChoiceNone); t != "" && remarksCell(r, t, o) != "" {
				text = []write{{cell: r.RemarksCell, value: t}}
				it.Remarks = t
				it.Reason = it.lang.f(i18n.MsgNoChoiceRemarks, strings.Join(r.Choices, " / "), e.ID)
			}
		}
		cell := r.AnswerCell
		if c, ok := r.MarkCells[value]; ok {
			// Yes | No | N/A columns: the mark sits where the suggested
			// "x" would go.
			cell = c
		}
		// A runner-up that writes what the suggestion writes is no
		// alternative to offer. Folding answers to compare them is costly,
		// so it is done for review rows only.
		rival := slices.IndexFunc(res.Candidates[1:], func(c match.Candidate) bool { return !corpus.WritesAlike(c.Entry, e) })
		it.writes = append([]write{{cell: cell, mark: true, comment: reviewComment(it, e, value, rival)}}, text...)
		return
	}
	it.Status = StatusFilled
	it.writes = writeAnswer(r, e, value, remarks, o)
}

// writeAnswer is the cell changes that fill a row with entry e: value in
// the answer cell (or an "x" in its mark column), the remarks beside it
// (in a comment on the answer cell when no remarks cell is free), and the
// row's further answer columns.
func writeAnswer(r sheet.Row, e *corpus.Entry, value, remarks string, o Options) []write {
	var ws []write
	if r.MarkCells != nil {
		ws = append(ws, write{cell: r.MarkCells[value], value: cmp.Or(r.Mark, "x")})
	} else {
		ws = append(ws, write{cell: r.AnswerCell, value: value})
	}
	if remarks != "" {
		if c := remarksCell(r, remarks, o); c != "" {
			ws = append(ws, write{cell: c, value: remarks})
		} else {
			// Nowhere to put the explanation (no remarks column, or the
			// customer's note in it), beside a dropdown's choice or the
			// entry's own answer text: a comment keeps it with the cell.
			// A "Yes" whose remarks say how often would otherwise reach
			// the customer as a bare yes.
			ws[0].comment = remarks
		}
	}
	return append(ws, extraWrites(r, e, o)...)
}

// remarksCell is the cell that takes the remarks text: the row's remarks
// cell when it is free (or --overwrite) and its input rule allows a text
// that long, else "" (the text goes to a comment).
func remarksCell(r sheet.Row, text string, o Options) string {
	if r.RemarksCell == "" || strings.TrimSpace(r.Remarks) != "" && !o.Overwrite || refuses(r.RemarksInput, text) {
		return ""
	}
	return r.RemarksCell
}

// refuses reports a text that a cell's input rule does not allow: a number,
// date or time the rule asks for (qfill writes text), or a text longer than
// its limit.
func refuses(in *sheet.Input, text string) bool {
	return in != nil && (in.Kind != "" || in.MaxLen > 0 && utf16Len(text) > in.MaxLen)
}

// reason says, in the sheet's language, which check of the matcher kept
// the row from being filled; "" when none did (it was below the
// threshold from the start).
func reason(it *Item, r sheet.Row, e *corpus.Entry, best *match.Candidate, why match.Reason) string {
	switch why.Check {
	case match.CheckHead:
		return it.lang.f(i18n.MsgHeadMissing, e.ID, wholeWord(r.Question, textnorm.Original(r.Question, why.Head)))
	case match.CheckConflict:
		switch q, d := why.Query, why.Wording; {
		case q == "" && d == "":
		case d == "":
			return it.lang.f(i18n.MsgLacksTerm, e.ID, textnorm.Original(r.Question, q))
		case q == "":
			return it.lang.f(i18n.MsgExtraTerm, e.ID, textnorm.Original(best.Wording, d))
		default:
			return it.lang.f(i18n.MsgOtherTopic, e.ID, textnorm.Original(best.Wording, d), textnorm.Original(r.Question, q))
		}
	case match.CheckLanguage:
		return it.lang.f(i18n.MsgOtherLanguage, e.ID)
	case match.CheckTied:
		return it.lang.f(i18n.MsgTied, why.Rival.ID)
	case match.CheckUnfamiliar:
		return it.lang.f(i18n.MsgUnfamiliar, why.Median)
	case match.CheckInapplicable:
		return it.lang.f(i18n.MsgInapplicable, e.ID)
	case match.CheckBare:
		return it.lang.f(i18n.MsgBare, e.ID)
	}
	return ""
}

// wholeWord widens part, as q spells it, to the run of kanji or of
// katakana in q that holds it: a label's head is checked by its last word
// (得頻度 of 取得頻度), which is no word to show a reviewer.
func wholeWord(q, part string) string {
	i := strings.Index(q, part)
	if i < 0 || part == "" {
		return part
	}
	kana := func(r rune) bool { return r == 'ー' || unicode.Is(unicode.Katakana, r) && r != '・' }
	same := func(a, b rune) bool {
		return unicode.Is(unicode.Han, a) && unicode.Is(unicode.Han, b) || kana(a) && kana(b)
	}
	s, e := i, i+len(part)
	first, _ := utf8.DecodeRuneInString(part)
	for s > 0 {
		r, n := utf8.DecodeLastRuneInString(q[:s])
		if !same(r, first) {
			break
		}
		s -= n
	}
	last, _ := utf8.DecodeLastRuneInString(part)
	for e < len(q) {
		r, n := utf8.DecodeRuneInString(q[e:])
		if !same(r, last) {
			break
		}
		e += n
	}
	return q[s:e]
}

// cutMessages name the checks that can lower a row's confidence, for a
// reviewer: the similarity alone does not explain a row such a check
// took far below it.
var cutMessages = map[string]i18n.Msg{
	match.StepHead:         i18n.MsgCutHead,
	match.StepConflict:     i18n.MsgCutConflict,
	match.StepRival:        i18n.MsgCutRival,
	match.StepLanguage:     i18n.MsgCutLanguage,
	match.StepUnfamiliar:   i18n.MsgCutUnfamiliar,
	match.StepInapplicable: i18n.MsgCutInapplicable,
	match.StepBare:         i18n.MsgCutBare,
}

// largestCut returns the message for the check of the trace that lowered
// the confidence most, when one lowered it by at least 0.05.
func largestCut(trace []match.Step) (msg i18n.Msg, ok bool) {
	most := 0.05
	for i := 1; i < len(trace); i++ {
		m, named := cutMessages[trace[i].Signal]
		if cut := trace[i-1].Conf - trace[i].Conf; named && cut > most-1e-9 {
			msg, most, ok = m, cut, true
		}
	}
	return msg, ok
}

// extraWrites answers a filled row's further answer columns (CAIQ v4's
// SSRM Control Ownership) from the entry's answers by the same column
// label: only an empty cell (or any with Overwrite), and only a value
// the cell's dropdown allows.
func extraWrites(r sheet.Row, e *corpus.Entry, o Options) []write {
	var out []write
	for _, x := range r.Extras {
		if x.Value != "" && !o.Overwrite {
			continue
		}
		v := ""
		for label, ans := range e.Extra {
			if textnorm.Key(label) == textnorm.Key(x.Label) {
				v = ans
			}
		}
		if v == "" {
			continue
		}
		if len(x.Choices) > 0 {
			allowed, ok := matchAllowed(x.Choices, v)
			if !ok {
				continue
			}
			v = allowed
		}
		out = append(out, write{cell: x.Cell, value: v})
	}
	return out
}

// render decides the cell value for entry e in row r, the remarks text,
// and a reason when the entry cannot be written there; noChoice: the
// reason is a dropdown the entry names no value for.
func render(r sheet.Row, e *corpus.Entry, lang Lang) (value, remarks, why string, noChoice bool) {
	value, remarks, why, noChoice = renderCell(r, e, lang)
	// A cell holds 32,767 UTF-16 units, and excelize cuts a longer text
	// short without a word: half an answer must not go out as the answer.
	if why == "" && max(utf16Len(value), utf16Len(remarks)) > excelize.TotalCellChars {
		return "", remarks, lang.f(i18n.MsgTooLong, e.ID, excelize.TotalCellChars), false
	}
	if in := r.AnswerInput; why == "" && refuses(in, value) {
		if in.Kind != "" {
			kind := map[string]i18n.Msg{"whole": i18n.MsgKindWhole, "decimal": i18n.MsgKindDecimal, "date": i18n.MsgKindDate, "time": i18n.MsgKindTime}[in.Kind]
			return "", remarks, lang.f(i18n.MsgCellKind, lang.f(kind)), false
		}
		return "", remarks, lang.f(i18n.MsgCellLimit, e.ID, utf16Len(value), in.MaxLen), false
	}
	return value, remarks, why, noChoice
}

// utf16Len is the length of s as Excel counts it.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// renderCell is render without the check on the cell's length.
func renderCell(r sheet.Row, e *corpus.Entry, lang Lang) (value, remarks, why string, noChoice bool) {
	value, remarks, why, noChoice = renderValue(r, e, lang)
	return boxed(r, value), remarks, why, noChoice
}

// boxed is what a cell of check boxes takes for value: the cell's own
// text with the value's box ticked. Other cells take the value.
func boxed(r sheet.Row, value string) string {
	if r.Boxes == "" || value == "" {
		return value
	}
	return sheet.TickBox(r.Boxes, value)
}

// renderValue is renderCell with a check-box cell's value still bare.
func renderValue(r sheet.Row, e *corpus.Entry, lang Lang) (value, remarks, why string, noChoice bool) {
	remarks = e.Remarks
	if len(r.Choices) == 0 {
		// The header names the values (回答（はい／いいえ）) but the cell
		// takes any text: the value when the entry says one, else the text.
		if c := corpus.DeriveChoice(e); len(r.HintChoices) > 0 && c != corpus.ChoiceNone {
			if v, ok := corpus.PickChoice(r.HintChoices, c); ok {
				return v, choiceRemarks(e, c), "", false
			}
		}
		if e.Answer == "" {
			return string(e.Choice), remarks, "", false
		}
		return e.Answer, remarks, "", false
	}
	// A dropdown (or Yes | No | N/A mark columns): write one allowed
	// value, and the full answer text as remarks.
	if v, ok := matchAllowed(r.Choices, e.Answer); ok {
		return v, remarks, "", false
	}
	c := corpus.DeriveChoice(e)
	v, ok := corpus.PickChoice(r.Choices, c)
	if !ok {
		if c == corpus.ChoiceNone {
			return "", remarks, lang.f(i18n.MsgNoChoice, strings.Join(r.Choices, " / "), e.ID), true
		}
		return "", remarks, lang.f(i18n.MsgNoAllowedValue, strings.Join(r.Choices, " / "), c), false
	}
	return v, choiceRemarks(e, c), "", false
}

// choiceRemarks is the remarks text beside a dropdown cell that says c:
// the entry's answer without its leading はい/Yes, then its remarks.
func choiceRemarks(e *corpus.Entry, c corpus.Choice) string {
	remarks := e.Remarks
	text := corpus.StripLeadingChoice(e.Answer, c)
	if _, only := corpus.ChoiceOf(e.Answer); only {
		text = ""
	}
	if remarks != "" && text != "" && !strings.Contains(text, remarks) {
		return text + "\n" + remarks
	}
	if remarks != "" {
		return remarks
	}
	return text
}

// reviewComment: rival is the index in it.RunnersUp of the runner-up to
// offer, or -1.
func reviewComment(it *Item, e *corpus.Entry, value string, rival int) string {
	l := it.lang
	var b strings.Builder
	b.WriteString(l.f(i18n.MsgReview))
	b.WriteString("\n" + l.f(i18n.MsgSuggested, e.ID, it.Score, it.Confidence))
	if it.Probability > 0 {
		b.WriteString(l.f(i18n.MsgProbability, int(math.Round(it.Probability*100))))
	}
	if rival >= 0 {
		b.WriteString("\n" + l.f(i18n.MsgRunnerUp, it.RunnersUp[rival].EntryID, it.RunnersUp[rival].Score))
	}
	if it.Reason != "" {
		b.WriteString("\n" + l.f(i18n.MsgWhy, it.Reason))
	}
	// The reviewer decides on the entry's own question and its whole
	// answer: a learned entry's answer may be a bare "Yes" whose substance
	// is in its remarks.
	b.WriteString("\n" + l.f(i18n.MsgEntryQuestion, e.Question))
	if value != "" && value != e.Answer {
		b.WriteString("\n" + l.f(i18n.MsgChoice, value))
	}
	b.WriteString("\n" + l.f(i18n.MsgAnswer, e.Answer))
	if r := strings.TrimSpace(e.Remarks); r != "" && r != strings.TrimSpace(e.Answer) {
		b.WriteString("\n" + l.f(i18n.MsgRemarks, r))
	}
	return b.String()
}

func round(f float64) float64 {
	return float64(int(f*1000+0.5)) / 1000
}

// roundDown is round for confidences: 0.5497 shows as 0.549, not as a
// 0.550 that would seem to reach a threshold of 0.55 it is below.
func roundDown(f float64) float64 {
	return math.Floor(f*1000+1e-9) / 1000
}

// Counts summarises items by status; the JSON report carries them.
type Counts struct {
	Questions  int `json:"questions"`
	Filled     int `json:"filled"`
	Review     int `json:"review"`
	Unanswered int `json:"unanswered"`
	Kept       int `json:"kept"`
	// Unfamiliar counts the review rows that would have been filled but
	// for the corpus barely covering their English sheet.
	Unfamiliar int `json:"unfamiliar,omitempty"`
	// NoChoice counts the review rows that would have been filled but
	// for a dropdown cell their entry names no value for.
	NoChoice int `json:"no_choice,omitempty"`
}

// NoChoiceEntries lists, once each and in row order, the entries that
// would have filled a dropdown row had they a choice (Counts.NoChoice):
// a `choice` on each fills those rows next time.
func NoChoiceEntries(items []Item) []string {
	var ids []string
	for _, it := range items {
		if it.noChoice && !slices.Contains(ids, it.EntryID) {
			ids = append(ids, it.EntryID)
		}
	}
	return ids
}

// Count tallies items.
func Count(items []Item) Counts {
	c := Counts{Questions: len(items)}
	for _, it := range items {
		switch it.Status {
		case StatusFilled:
			c.Filled++
		case StatusReview:
			c.Review++
			if it.unfamiliar {
				c.Unfamiliar++
			}
			if it.noChoice {
				c.NoChoice++
			}
		case StatusUnanswered:
			c.Unanswered++
		case StatusKept:
			c.Kept++
		}
	}
	return c
}
