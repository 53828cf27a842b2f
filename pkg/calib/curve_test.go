package calib

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/qfill/qfill/pkg/match"
)

// rows makes n examples at one confidence, right of them right.
func rows(conf float64, n, right int) []Example {
	var out []Example
	for i := 0; i < n; i++ {
		out = append(out, Example{Signals: match.Signals{Confidence: conf}, Right: i < right})
	}
	return out
}

func TestFitCurve(t *testing.T) {
	var ex []Example
	ex = append(ex, rows(0.05, 98, 8)...)  // (8+1)/(98+2) = 0.09
	ex = append(ex, rows(0.45, 18, 10)...) // 0.55, out of order with the next band:
	ex = append(ex, rows(0.5, 18, 6)...)   // pooled with it: (16+1)/(36+2)
	ex = append(ex, rows(0.55, 38, 37)...) // 0.55 is a band of its own
	ex = append(ex, rows(1, 40, 40)...)    // 1 falls in the last band; 41/42, not 1
	c := FitCurve(ex)
	tests := []struct {
		conf, want float64
	}{
		{0, 0.09}, {0.05, 0.09}, {0.0999, 0.09},
		{0.1, 0.09}, {0.3, 0.09}, // empty bands read as the band below
		{0.45, 17.0 / 38}, {0.5, 17.0 / 38}, {0.5499, 17.0 / 38},
		{0.55, 38.0 / 40}, {0.95, 41.0 / 42}, {1, 41.0 / 42},
	}
	for _, tt := range tests {
		if got := c.P(tt.conf); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("P(%v) = %.4f, want %.4f", tt.conf, got, tt.want)
		}
	}
	for i := 1; i < len(c); i++ {
		if c[i].P < c[i-1].P {
			t.Errorf("band %v reads %.3f, below band %v's %.3f", c[i].From, c[i].P, c[i-1].From, c[i-1].P)
		}
	}
	if c[len(c)-1].Rows != 40 || c[0].Right != 8 {
		t.Errorf("counts: last band %d rows, first %d right", c[len(c)-1].Rows, c[0].Right)
	}
}

func TestCurvesRoundTrip(t *testing.T) {
	ex := append(rows(0.2, 10, 2), rows(0.8, 10, 9)...)
	for i := range ex[:5] {
		ex[i].Signals.English = true
	}
	cs := FitCurves(ex, []string{"a/pairs.tsv"})
	var buf bytes.Buffer
	if err := cs.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadCurves(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if back.Probability(false, 0.8) != cs.Probability(false, 0.8) || back.FittedOn[0] != "a/pairs.tsv" {
		t.Error("curves read back differ")
	}
	if !math.IsNaN((&Curves{}).Probability(true, 0.5)) {
		t.Error("a language without a curve gives a probability")
	}
	var w bytes.Buffer
	cs.Write(&w)
	for _, bad := range []string{
		strings.Replace(w.String(), `"from": 0.55`, `"from": 0.56`, 1),
		`{"languages": {"ja": [{"from": 0, "p": 0.5}]}}`,
		`{"languages": `,
	} {
		if _, err := ReadCurves(strings.NewReader(bad)); err == nil {
			t.Errorf("read curves that do not fit this qfill: %.60q", bad)
		}
	}
}

// The shipped curves: both languages, rising, and a filled row at the
// default threshold reads well above a held one. English rows just above
// the threshold read under 90%: a customer's questionnaire asked of a
// vendor's HECVAT answers is among the fitted sets.
func TestDefaultCurves(t *testing.T) {
	cs := Default()
	if len(cs.FittedOn) == 0 {
		t.Error("curves.json names no pairs file it was fitted on")
	}
	th := match.DefaultConfig().Threshold
	for _, en := range []bool{false, true} {
		filled, held := cs.Probability(en, th), cs.Probability(en, 0.3)
		if math.IsNaN(filled) || filled < 0.85 || held > 0.7 || held >= filled {
			t.Errorf("english=%v: P(%.2f) = %.3f, P(0.3) = %.3f", en, th, filled, held)
		}
	}
}

func TestCutAndThreshold(t *testing.T) {
	ja := append(append(rows(0.2, 48, 28), rows(0.6, 48, 46)...), rows(0.9, 98, 97)...) // 0.58, 0.94, 0.98
	en := append(rows(0.2, 48, 8), rows(0.6, 98, 95)...)                                // 0.18, 0.96
	for i := range en {
		en[i].Signals.English = true
	}
	cs := FitCurves(append(ja, en...), nil)
	for _, tt := range []struct {
		p    float64
		want float64
		ok   bool
	}{
		{0.5, 0.6, true},  // ja reaches it at 0.2, en only at 0.6
		{0.95, 0.9, true}, // en at 0.6, ja only at 0.9
		{0.97, 0, false},  // en never does
	} {
		if got, ok := cs.Cut(tt.p); got != tt.want || ok != tt.ok {
			t.Errorf("Cut(%v) = %v, %v; want %v, %v", tt.p, got, ok, tt.want, tt.ok)
		}
	}
	ninety, _ := Default().Cut(0.9)
	for _, tt := range []struct {
		in   string
		want float64
		bad  bool
	}{
		{"0.55", 0.55, false},
		{" 1 ", 1, false},
		{"90%", ninety, false},
		{"90 %", ninety, false},
		{"100%", 0, true},
		{"0%", 0, true},
		{"1.5", 0, true},
		{"high", 0, true},
		{"NaN", 0, true},
	} {
		got, _, err := Threshold(tt.in)
		if (err != nil) != tt.bad || !tt.bad && got != tt.want {
			t.Errorf("Threshold(%q) = %v, %v", tt.in, got, err)
		}
	}
}
