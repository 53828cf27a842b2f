package match

import (
	"fmt"
	"math"
	"strings"

	"github.com/qfill/qfill/pkg/corpus"
)

// Step is one named change to a match's confidence, in the order the
// matcher made it: what the signal saw and the confidence after it.
type Step struct {
	Signal string  `json:"signal"`
	Conf   float64 `json:"confidence"`
	Note   string  `json:"note,omitempty"`
}

// The signals a Step names.
const (
	StepScore        = "score"        // similarity less the margin penalty, capped when tied
	StepPairs        = "pairs"        // word pairs re-ranked an English row
	StepAnswers      = "answers"      // the entries' answers re-ranked an English row or a row in doubt
	StepLacks        = "lacks"        // runners-up that lack a concept count less
	StepSynonym      = "synonym"      // synonym credit re-ranked or vouched
	StepHead         = "head"         // the query's head named (bonus) or not (penalty, cap)
	StepConflict     = "conflict"     // the wording names a concept the query does not, and the reverse
	StepRival        = "rival"        // another row fits the entry better
	StepLanguage     = "language"     // the answer is in the other language
	StepUnfamiliar   = "unfamiliar"   // an English row of a sheet the corpus barely knows
	StepInapplicable = "inapplicable" // a "not applicable" answer to a reworded question
	StepBare         = "bare"         // a bare yes to a question that asks for a value
)

// Check names the check that kept a row from being filled (Reason.Check).
type Check string

// The checks a Reason names.
const (
	CheckNone         Check = ""
	CheckHead         Check = "head"
	CheckConflict     Check = "conflict"
	CheckLanguage     Check = "language"
	CheckTied         Check = "tied"
	CheckUnfamiliar   Check = "unfamiliar"
	CheckInapplicable Check = "inapplicable"
	CheckBare         Check = "bare"
)

// Reason is why a row that would have been filled was not: the one check
// that took its confidence under the threshold, with what it found.
type Reason struct {
	Check Check
	// Head is the query's head the best wording does not name.
	Head string
	// Query and Wording are terms naming concepts the other side lacks
	// (backups / logs); one is empty for an actor concept on one side.
	Query, Wording string
	// Rival is the entry with another answer that fits as well.
	Rival *corpus.Entry
	// Median is the checklist's median score of an unfamiliar sheet.
	Median float64
}

// step records a change of confidence. A rounding error (a recomputed
// score sums its tokens in map order) is no change: traces stay stable.
func (r *Result) step(signal string, before, after float64, note string) {
	if math.Abs(after-before) < 1e-9 && signal != StepScore {
		return
	}
	r.Trace = append(r.Trace, Step{Signal: signal, Conf: after, Note: note})
}

// Explain renders the trace on one line: "score 0.58 (margin 0.31) →
// head 0.78 → rival 0.71", and the check that held the row back.
func (r Result) Explain() string {
	out := FormatTrace(r.Trace)
	if r.Why.Check != CheckNone {
		out += "; held back by " + string(r.Why.Check)
	}
	return out
}

// FormatTrace renders steps on one line.
func FormatTrace(steps []Step) string {
	parts := make([]string, len(steps))
	for i, s := range steps {
		parts[i] = fmt.Sprintf("%s %.3f", s.Signal, s.Conf)
		if s.Note != "" {
			parts[i] += " (" + s.Note + ")"
		}
	}
	return strings.Join(parts, " → ")
}
