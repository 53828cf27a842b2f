package eval

import (
	"path/filepath"
	"testing"

	"github.com/qfill/qfill/pkg/match"
)

// A fold is measured by a model that never saw it: file A's rows are all
// right at a low confidence, file B's all wrong at the same confidence.
// Fitted on B alone, A's rows get a low probability; had A leaked into
// its own fit, they would sit near one half or above.
func TestCrossValidateHoldsOut(t *testing.T) {
	mk := func(expected, best string, n int) []Outcome {
		var out []Outcome
		for i := 0; i < n; i++ {
			c := 0.2 + float64(i%5)/100
			out = append(out, Outcome{Pair: Pair{Expected: []string{expected}}, BestID: best, Confidence: c,
				Signals: match.Signals{Confidence: c, Score: c}})
		}
		return out
	}
	groups := []Group{{File: "a.tsv", Outcomes: mk("x", "x", 40)}, {File: "b.tsv", Outcomes: mk("x", "y", 40)}}
	held := CrossValidate(groups, 1)
	for _, o := range held[0].Outcomes {
		if o.Confidence > 0.3 {
			t.Fatalf("file a measured at %.3f: the fit saw its own rows", o.Confidence)
		}
	}
	for _, o := range held[1].Outcomes {
		if o.Confidence < 0.7 {
			t.Fatalf("file b measured at %.3f, want high (fitted on a, all right)", o.Confidence)
		}
	}
}

func TestPairsFiles(t *testing.T) {
	files, err := PairsFiles([]string{ownSetsDir})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if filepath.Base(f) != "pairs.tsv" {
			t.Errorf("%s is taken for a pairs file", f)
		}
	}
	if len(files) < 40 {
		t.Errorf("found %d pairs files, want the 42 own sets", len(files))
	}
}
