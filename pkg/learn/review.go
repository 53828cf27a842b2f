package learn

import (
	"github.com/qfill/qfill/pkg/corpus"
)

// Reviewed is a reviewer's decision on one checklist row, to learn from:
// an entry accepted for the row (EntryID), or an answer typed for it
// (Obs.Answer, Obs.Remarks). Obs.Choice is the dropdown value decided,
// if any.
type Reviewed struct {
	Obs     Observation
	EntryID string
	// Confirm lets the decision change an answer the corpus already
	// has; without it such a decision is a conflict and changes nothing.
	Confirm bool
}

// KindChoice: an accepted entry without a choice is given the one the
// reviewer picked, so the next fill writes it without asking.
const KindChoice Kind = "choice"

// KindMissing: the accepted entry is no longer in the corpus (someone
// removed or renamed it meanwhile); nothing is learned from the row.
const KindMissing Kind = "missing"

// FromReview decides what learning does with reviewers' decisions, on
// the corpus as it is now (existing, changed in place like Plan does):
//   - an accepted entry gains the row's wording as an alias, and the
//     decided choice when it has none; a choice other than its own is a
//     conflict unless confirmed;
//   - a typed answer is learned as `qfill learn` learns an answered row:
//     a new entry with its provenance, an alias of an entry that answers
//     alike, or a conflict with one that answers the same question
//     otherwise (confirmed: replaced).
func FromReview(existing []*corpus.Entry, rs []Reviewed, o Options) []Action {
	byID := map[string]*corpus.Entry{}
	for _, e := range existing {
		byID[e.ID] = e
	}
	var out []Action
	var typed, confirmed []Observation
	for _, r := range rs {
		if r.EntryID == "" {
			if r.Confirm {
				confirmed = append(confirmed, r.Obs)
			} else {
				typed = append(typed, r.Obs)
			}
			continue
		}
		e := byID[r.EntryID]
		if e == nil {
			out = append(out, Action{Kind: KindMissing, Obs: r.Obs})
			continue
		}
		a := Action{Kind: KindSame, Obs: r.Obs, Entry: e, Score: 1}
		if c := r.Obs.Choice; c != corpus.ChoiceNone {
			switch own := corpus.DeriveChoice(e); {
			case own == corpus.ChoiceNone:
				e.Choice, e.Updated, a.Kind = c, o.Today, KindChoice
			case own != c && !r.Confirm:
				out = append(out, Action{Kind: KindConflict, Obs: r.Obs, Entry: e, Score: 1})
				continue
			case own != c:
				e.Choice, e.Updated, a.Kind = c, o.Today, KindReplace
			}
		}
		if !hasWording(e, r.Obs.Question) {
			e.Aliases = append(e.Aliases, r.Obs.Question)
			if a.Kind == KindSame {
				a.Kind = KindAlias
			}
		}
		out = append(out, a)
	}
	if len(confirmed) > 0 {
		o.Prefer = "new"
		out = append(out, Plan(existing, confirmed, o)...)
	}
	if len(typed) > 0 {
		o.Prefer = ""
		out = append(out, Plan(existing, typed, o)...)
	}
	return out
}
