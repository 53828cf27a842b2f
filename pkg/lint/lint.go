// Package lint finds problems in an answer corpus before a customer does:
// duplicate ids, near-identical questions with different answers, empty
// answers, answers past their review date, and entries fill would refuse.
package lint

import (
	"errors"
	"fmt"
	"sort"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/match"
)

// Problem is one finding, located by file and line.
type Problem struct {
	Kind    string `json:"kind"` // duplicate-id, conflict, empty-answer, invalid, expired
	ID      string `json:"id"`
	Where   string `json:"where"`
	Message string `json:"message"`
	Other   string `json:"other,omitempty"` // the other entry of a duplicate or conflict
}

func (p Problem) String() string {
	return fmt.Sprintf("%s: %s: %s", p.Where, p.Kind, p.Message)
}

// ConflictScore is the similarity above which two questions are the same
// ask: a matcher score this high means a customer's question would match
// either one, so their answers must agree.
const ConflictScore = 0.85

// Run lints the entries; today is YYYY-MM-DD.
func Run(entries []*corpus.Entry, today string) []Problem {
	var out []Problem
	byID := map[string]*corpus.Entry{}
	var valid []*corpus.Entry
	for _, e := range entries {
		if e.ID == "" {
			out = append(out, Problem{Kind: "invalid", Where: e.Where(), Message: "entry has no id"})
			continue
		}
		if prev, dup := byID[e.ID]; dup {
			out = append(out, Problem{Kind: "duplicate-id", ID: e.ID, Where: e.Where(), Other: prev.Where(), Message: fmt.Sprintf("id %q is also used at %s", e.ID, prev.Where())})
			continue
		}
		byID[e.ID] = e
		if e.Question == "" {
			out = append(out, Problem{Kind: "invalid", ID: e.ID, Where: e.Where(), Message: "no question"})
			continue
		}
		if e.Answer == "" {
			out = append(out, Problem{Kind: "empty-answer", ID: e.ID, Where: e.Where(), Message: fmt.Sprintf("entry %q has no answer text", e.ID)})
		} else if err := e.Validate(); err != nil {
			// What fill would refuse the corpus for (a date not in
			// YYYY-MM-DD): lint must not pass it.
			msg := err.Error()
			var ce *corpus.Error
			if errors.As(err, &ce) {
				msg = ce.Msg
			}
			out = append(out, Problem{Kind: "invalid", ID: e.ID, Where: e.Where(), Message: msg})
			continue
		}
		if e.ReviewBy != "" && e.ReviewBy < today {
			out = append(out, Problem{Kind: "expired", ID: e.ID, Where: e.Where(), Message: fmt.Sprintf("entry %q was due for review on %s", e.ID, e.ReviewBy)})
		}
		valid = append(valid, e)
	}
	out = append(out, conflicts(valid)...)
	return out
}

// conflicts matches every wording against the corpus itself: two entries
// that a customer's question would both match must not answer differently.
func conflicts(entries []*corpus.Entry) []Problem {
	cfg := match.DefaultConfig()
	ix := match.New(entries, cfg)
	seen := map[[2]string]bool{}
	var out []Problem
	for _, e := range entries {
		for _, w := range e.Wordings() {
			r := ix.Match(match.Query{Text: w})
			for _, c := range r.Candidates {
				o := c.Entry
				if o == e || c.Score < ConflictScore || corpus.SameAnswer(e, o) {
					continue
				}
				key := [2]string{e.ID, o.ID}
				if e.ID > o.ID {
					key = [2]string{o.ID, e.ID}
				}
				if seen[key] {
					continue
				}
				seen[key] = true
				first, second := e, o
				if second.ID < first.ID {
					first, second = second, first
				}
				out = append(out, Problem{Kind: "conflict", ID: first.ID, Where: first.Where(), Other: second.ID,
					Message: fmt.Sprintf("%q and %q (%s) ask the same (score %.2f) but answer differently", first.ID, second.ID, second.Where(), c.Score)})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
