package eval

import (
	"math"
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

func TestReliable(t *testing.T) {
	r := Reliable([]Scored{{0.1, false, 0.05}, {0.1, true, 0.15}, {0.97, true, 0.9}, {0.95, true, 0.9}, {0.5, false, 0.55}})
	// (0.01 + 0.81 + 0.0009 + 0.0025 + 0.25) / 5
	if math.Abs(r.Brier-0.21468) > 1e-9 || r.Rows != 5 {
		t.Errorf("Brier %.5f over %d rows", r.Brier, r.Rows)
	}
	want := map[float64][3]float64{0: {2, 0.1, 0.5}, 0.4: {1, 0.5, 0}, 0.95: {2, 0.96, 1}}
	for _, b := range r.Bands {
		w := want[b.From]
		if float64(b.Rows) != w[0] || math.Abs(b.Predicted-w[1]) > 1e-9 || math.Abs(b.Observed-w[2]) > 1e-9 {
			t.Errorf("band %v: %d rows, predicted %.3f, observed %.3f; want %v", b.From, b.Rows, b.Predicted, b.Observed, w)
		}
	}
	want = map[float64][3]float64{0: {1, 0.1, 0}, 0.1: {1, 0.1, 1}, 0.55: {1, 0.5, 0}, 0.9: {2, 0.96, 1}}
	for _, b := range r.ByConfidence {
		w := want[b.From]
		if float64(b.Rows) != w[0] || math.Abs(b.Predicted-w[1]) > 1e-9 || math.Abs(b.Observed-w[2]) > 1e-9 {
			t.Errorf("confidence band %v: %d rows, predicted %.3f, observed %.3f; want %v", b.From, b.Rows, b.Predicted, b.Observed, w)
		}
	}
}
