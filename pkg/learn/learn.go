// Package learn turns answered checklists into corpus entries: every
// answered question becomes an entry with its provenance, a new wording of
// a question the corpus already answers the same way becomes an alias, and
// a different answer to the same question is a conflict for the user to
// settle (--prefer new|old).
package learn

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/sheet"
	"github.com/qfill/qfill/pkg/textnorm"
)

// Observation is one answered question read from a checklist.
type Observation struct {
	File, Sheet       string
	Row               int
	QID               string
	Question, Section string
	Answer            string
	Remarks           string
	Choice            corpus.Choice
	// Extra holds the row's further answers by column label.
	Extra map[string]string
}

// Observe collects the answered rows of a workbook. A dropdown (or mark
// column) answer gives the choice and the remarks give the text; a free
// text answer is the text, with the remarks added below it.
func Observe(file string, wb *sheet.Workbook) []Observation {
	var out []Observation
	for _, s := range wb.Checklists() {
		for _, r := range s.Rows {
			if !r.Answered || r.Locked || r.Protected || r.SharedWith != "" && r.SharedWith != r.AnswerCell {
				continue
			}
			o := Observation{File: file, Sheet: s.Name, Row: r.Row, QID: r.ID, Question: r.Asked(), Section: r.Section}
			remarks := strings.TrimSpace(r.Remarks)
			if c, ok := corpus.ChoiceOf(r.Answer); ok && (len(r.Choices) > 0 || r.MarkCells != nil || len([]rune(r.Answer)) <= 4) {
				// A dropdown row: the cell's value is the choice, the
				// remarks explain it.
				o.Choice = c
				o.Answer = strings.TrimSpace(r.Answer)
				o.Remarks = remarks
			} else {
				o.Answer = strings.TrimSpace(r.Answer)
				if remarks != o.Answer {
					o.Remarks = remarks
				}
			}
			if o.Answer == "" {
				continue
			}
			for _, x := range r.Extras {
				if x.Value != "" && !sheet.IsPlaceholder(x.Value) {
					if o.Extra == nil {
						o.Extra = map[string]string{}
					}
					o.Extra[x.Label] = x.Value
				}
			}
			out = append(out, o)
		}
	}
	return out
}

// Kind is what learning does with one observation.
type Kind string

// Kinds of Action.
const (
	KindNew      Kind = "new"      // a new entry
	KindAlias    Kind = "alias"    // a new wording of an entry with the same answer
	KindSame     Kind = "same"     // already in the corpus as it is
	KindOwnFill  Kind = "own-fill" // what qfill itself would fill there: no evidence, not learned
	KindConflict Kind = "conflict" // same question, different answer, left alone
	KindReplace  Kind = "replace"  // same question, different answer, replaced (--prefer new)
	KindKeep     Kind = "keep"     // same question, different answer, kept (--prefer old)
)

// Action is the decision for one observation.
type Action struct {
	Kind  Kind
	Obs   Observation
	Entry *corpus.Entry // the entry created or changed (new, alias, replace), or the one in conflict
	Score float64
}

// Options steer learning.
type Options struct {
	Prefer string // "", "new" or "old"
	Today  string // YYYY-MM-DD for updated: and source.learned
	// Synonyms is the corpus's synonyms file (corpus.Corpus.Synonyms).
	Synonyms string
}

// SameQuestion is the score from which two wordings ask the same thing,
// whatever their answers: only then is a different answer a conflict.
// Below it, a different answer means a different question.
const SameQuestion = 0.85

// Plan decides what to do with each observation. existing is the corpus
// as loaded; new entries get ids that do not collide with it. Aliases and
// replacements are applied to the entries in place (the caller saves the
// files they came from).
func Plan(existing []*corpus.Entry, obs []Observation, o Options) []Action {
	cfg := match.DefaultConfig().WithSynonyms(o.Synonyms)
	ix := match.New(existing, cfg)
	ids := map[string]bool{}
	for _, e := range existing {
		ids[e.ID] = true
	}
	// learned holds this run's new entries by folded question, so the
	// same row learned twice (two copies of one sheet) is not doubled.
	learned := map[string][]*corpus.Entry{}
	var out []Action
	for _, ob := range obs {
		key := textnorm.Key(ob.Question)
		if dup := findSame(learned[key], ob); dup != nil {
			out = append(out, Action{Kind: KindSame, Obs: ob, Entry: dup, Score: 1})
			continue
		}
		r := ix.Match(match.Query{Text: ob.Question, Section: ob.Section, ID: ob.QID})
		if b := r.Best(); b != nil {
			same := sameAnswer(b.Entry, ob)
			switch {
			case same && r.Auto && b.Score < SameQuestion && !hasWording(b.Entry, ob.Question):
				// The answer qfill writes there without review: most
				// likely its own fill, not a person's. Taking the
				// wording as an alias would turn qfill's guess into
				// certainty next time; a reviewer who confirmed it
				// loses nothing, since the next fill writes it anyway.
				out = append(out, Action{Kind: KindOwnFill, Obs: ob, Entry: b.Entry, Score: b.Score})
				continue
			case same && (r.Auto || b.Score >= SameQuestion):
				kind := KindSame
				if !hasWording(b.Entry, ob.Question) {
					b.Entry.Aliases = append(b.Entry.Aliases, ob.Question)
					kind = KindAlias
				}
				out = append(out, Action{Kind: kind, Obs: ob, Entry: b.Entry, Score: b.Score})
				continue
			case !same && b.Score >= SameQuestion && !distinctQuestion(b.Entry, ob):
				// The same question answered differently: the conflict
				// that --prefer settles.
				a := Action{Obs: ob, Entry: b.Entry, Score: b.Score}
				switch o.Prefer {
				case "new":
					a.Kind = KindReplace
					b.Entry.Answer, b.Entry.Remarks, b.Entry.Choice, b.Entry.Extra = ob.Answer, ob.Remarks, ob.Choice, ob.Extra
					b.Entry.Updated = o.Today
					b.Entry.Source = source(ob, o.Today)
				case "old":
					a.Kind = KindKeep
				default:
					a.Kind = KindConflict
				}
				out = append(out, a)
				continue
			}
		}
		e := &corpus.Entry{
			ID: newID(ob, ids), Question: ob.Question, Answer: ob.Answer, Remarks: ob.Remarks, Choice: ob.Choice, Extra: ob.Extra,
			Section: ob.Section, Updated: o.Today, Source: source(ob, o.Today),
		}
		ids[e.ID] = true
		learned[key] = append(learned[key], e)
		out = append(out, Action{Kind: KindNew, Obs: ob, Entry: e})
	}
	return out
}

func source(ob Observation, today string) *corpus.Source {
	return &corpus.Source{File: filepath.Base(ob.File), Sheet: ob.Sheet, Row: ob.Row, QID: ob.QID, Learned: today}
}

// distinctQuestion: both carry question IDs and they differ. CAIQ asks
// "Are the policies reviewed annually?" in every domain; those are
// different questions with the same words, not a conflict.
func distinctQuestion(e *corpus.Entry, ob Observation) bool {
	return e.Source != nil && e.Source.QID != "" && ob.QID != "" && e.Source.QID != ob.QID
}

func findSame(es []*corpus.Entry, ob Observation) *corpus.Entry {
	for _, e := range es {
		if sameAnswer(e, ob) && textnorm.Key(e.Section) == textnorm.Key(ob.Section) {
			return e
		}
	}
	return nil
}

func hasWording(e *corpus.Entry, q string) bool {
	k := textnorm.Key(q)
	for _, w := range e.Wordings() {
		if textnorm.Key(w) == k {
			return true
		}
	}
	return false
}

// sameAnswer compares an entry with an observation the way a reviewer
// would: the same choice, and the same text once a leading はい/Yes is
// set aside (a filled dropdown row keeps the choice in the cell and the
// text in the remarks).
func sameAnswer(e *corpus.Entry, ob Observation) bool {
	ec := corpus.DeriveChoice(e)
	if ob.Choice != corpus.ChoiceNone && ec != ob.Choice {
		return false
	}
	if answerKey(e.Answer+e.Remarks) == answerKey(ob.Answer+ob.Remarks) {
		return true
	}
	// A filled dropdown row: the cell holds the choice, the remarks hold
	// the entry's text without its leading はい/Yes.
	if _, isChoice := corpus.ChoiceOf(ob.Answer); isChoice && ob.Choice == ec {
		return ob.Remarks == "" || answerKey(ob.Remarks) == answerKey(e.Answer) || answerKey(ob.Remarks) == answerKey(e.Remarks)
	}
	return false
}

// answerKey compares a checklist's answer with an entry's: a filled
// dropdown row keeps the choice in the cell, so the text is compared
// without its leading はい/Yes.
func answerKey(s string) string {
	return corpus.AnswerKey(corpus.StripChoiceWord(textnorm.Fold(s)))
}

var idUnsafe = regexp.MustCompile(`[^A-Za-z0-9_.&-]+`)

// newID makes a stable, readable id: the question's own ID when the sheet
// has one and the corpus does not use it yet ("AIS-07.1"; the file is in
// the entry's source), the file's name and that ID when it does
// ("caiq-AIS-07.1" from caiq.xlsx), else file and row.
func newID(ob Observation, taken map[string]bool) string {
	q := strings.Trim(idUnsafe.ReplaceAllString(ob.QID, ""), "-")
	if q != "" && !taken[q] {
		return q
	}
	stem := strings.TrimSuffix(filepath.Base(ob.File), filepath.Ext(ob.File))
	stem = strings.Trim(idUnsafe.ReplaceAllString(stem, "-"), "-")
	if stem == "" {
		stem = "learned"
	}
	base := fmt.Sprintf("%s-r%d", stem, ob.Row)
	if q != "" {
		base = stem + "-" + q
	}
	id := base
	for n := 2; taken[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}
