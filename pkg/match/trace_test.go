package match

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The trace ends at the confidence the result carries, and starts with the
// score: every change of confidence is a named step.
func TestTraceEndsAtConfidence(t *testing.T) {
	c := sampleCorpus(t)
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "eval", "paraphrases", "pairs.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	var qs []Query
	for i, line := range strings.Split(string(data), "\n") {
		if f := strings.Split(line, "\t"); i > 0 && len(f) > 2 {
			qs = append(qs, Query{Text: f[1]})
		}
	}
	held := 0
	for i, r := range New(c.Entries, DefaultConfig()).MatchAll(qs) {
		if r.Best() == nil {
			continue
		}
		if len(r.Trace) == 0 || r.Trace[0].Signal != StepScore {
			t.Fatalf("%q: trace %v does not start with the score", qs[i].Text, r.Trace)
		}
		if last := r.Trace[len(r.Trace)-1].Conf; math.Abs(last-r.Confidence) > 1e-12 {
			t.Errorf("%q: trace ends at %.4f, confidence %.4f: %s", qs[i].Text, last, r.Confidence, r.Explain())
		}
		if r.Why.Check != CheckNone {
			held++
		}
	}
	if held == 0 {
		t.Error("no row was held back by a check: the reasons are not recorded")
	}
}

// A confidence recomputed a rounding error away is no step: the trace of
// a row must not differ between two runs.
func TestStepIgnoresRounding(t *testing.T) {
	var r Result
	r.step(StepSynonym, 0.399, 0.399+1e-15, "")
	if len(r.Trace) != 0 {
		t.Errorf("a rounding error made a step: %v", r.Trace)
	}
	r.step(StepHead, 0.399, 0.599, "")
	if len(r.Trace) != 1 {
		t.Errorf("a real change made no step: %v", r.Trace)
	}
}
