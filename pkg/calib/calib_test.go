package calib

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/qfill/qfill/pkg/match"
)

// examples right exactly when the matcher's confidence is over cut, with
// a few rows against the rule so the fit stays finite.
func examples(english bool, cut float64) []Example {
	var out []Example
	for i := 0; i <= 100; i++ {
		c := float64(i) / 100
		right := c > cut
		if i%17 == 0 {
			right = !right
		}
		out = append(out, Example{Signals: match.Signals{Confidence: c, Score: c, English: english}, Right: right})
	}
	return out
}

func TestFitSeparates(t *testing.T) {
	m := Fit(append(examples(false, 0.5), examples(true, 0.8)...), DefaultL2, []string{"synthetic"})
	tests := []struct {
		s        match.Signals
		min, max float64
	}{
		{match.Signals{Confidence: 0.95, Score: 0.95}, 0.8, 1},
		{match.Signals{Confidence: 0.1, Score: 0.1}, 0, 0.2},
		// English was fitted with a higher cut: 0.65 is right in
		// Japanese, doubtful in English.
		{match.Signals{Confidence: 0.65, Score: 0.65}, 0.6, 1},
		{match.Signals{Confidence: 0.65, Score: 0.65, English: true}, 0, 0.4},
	}
	for _, tt := range tests {
		if p := m.Predict(tt.s); p < tt.min || p > tt.max {
			t.Errorf("Predict(%+v) = %.3f, want in [%.2f, %.2f]", tt.s, p, tt.min, tt.max)
		}
	}
	if w := m.Langs["ja"]; w.Rows != 101 {
		t.Errorf("ja fitted on %d rows, want 101", w.Rows)
	}
}

func TestFitDeterministicAndRoundTrip(t *testing.T) {
	ex := examples(false, 0.4)
	a, b := Fit(ex, DefaultL2, nil), Fit(ex, DefaultL2, nil)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two fits of the same examples differ")
	}
	var buf bytes.Buffer
	if err := a.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	s := match.Signals{Confidence: 0.6, Score: 0.6}
	if back.Predict(s) != a.Predict(s) {
		t.Error("a model read back predicts otherwise")
	}
	var w bytes.Buffer
	a.Write(&w)
	stale := strings.Replace(w.String(), `"margin"`, `"gap"`, 1)
	if _, err := Read(strings.NewReader(stale)); err == nil {
		t.Error("a model with other features was read")
	}
}
