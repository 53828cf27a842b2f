// Package calib turns the matcher's output into a probability that the
// best answer is right, two ways, both fitted on labelled pairs (qfill
// eval --fit) and measured out of fold (qfill eval --cv), one fold per
// pairs file:
//
//   - Curves (curve.go) map the matcher's confidence alone, per language:
//     the share of right answers among measured rows of the same
//     confidence band. Review comments and reports show it; being monotone
//     in the confidence, it ranks rows as the confidence does.
//
//   - Model is a logistic regression per language over named signals,
//     measured against the confidence by qfill eval --cv:
//
//     p = 1 / (1 + exp(-(bias + Σ wᵢ·xᵢ)))
//
// The fit is Newton's method on the L2-penalised log-likelihood, started
// from zero: deterministic, no randomness, no network.
package calib

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/qfill/qfill/pkg/match"
)

// Features names the model's inputs, in vector order.
var Features = []string{
	"confidence", "score", "lexical", "query_coverage", "margin",
	"same_concepts", "tied", "head_missing", "conflict", "other_language",
}

// Vector lays out s in Features order; booleans are 0 or 1.
func Vector(s match.Signals) []float64 {
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	return []float64{s.Confidence, s.Score, s.Lexical, s.QueryCoverage, s.Margin,
		b(s.SameConcepts), b(s.Tied), b(s.HeadMissing), b(s.Conflict), b(s.OtherLanguage)}
}

// Lang is the model a query uses.
func Lang(s match.Signals) string {
	if s.English {
		return "en"
	}
	return "ja"
}

// Weights are one language's fitted coefficients.
type Weights struct {
	Bias float64   `json:"bias"`
	W    []float64 `json:"weights"`
	// Rows and Right count the examples it was fitted on.
	Rows  int `json:"rows"`
	Right int `json:"right"`
}

// Model is a fitted calibration.
type Model struct {
	Features []string           `json:"features"`
	L2       float64            `json:"l2"`
	Langs    map[string]Weights `json:"languages"`
	// FittedOn names the pairs files the model was fitted on.
	FittedOn []string `json:"fitted_on"`
}

// Example is one labelled match: its signals, and whether the best
// entry was right (a row with no right entry counts as not right).
type Example struct {
	Signals match.Signals
	Right   bool
}

// DefaultL2 keeps the weights small where a feature rarely varies.
const DefaultL2 = 1.0

// Fit fits one model per language present in the examples.
func Fit(examples []Example, l2 float64, fittedOn []string) *Model {
	m := &Model{Features: Features, L2: l2, Langs: map[string]Weights{}, FittedOn: fittedOn}
	byLang := map[string][]Example{}
	for _, e := range examples {
		byLang[Lang(e.Signals)] = append(byLang[Lang(e.Signals)], e)
	}
	for lang, es := range byLang {
		xs := make([][]float64, len(es))
		ys := make([]float64, len(es))
		right := 0
		for i, e := range es {
			xs[i] = Vector(e.Signals)
			if e.Right {
				ys[i] = 1
				right++
			}
		}
		w := fitLogistic(xs, ys, l2)
		w.Rows, w.Right = len(es), right
		m.Langs[lang] = w
	}
	return m
}

// Predict returns the probability that the best answer is right; a
// language the model was not fitted on borrows the other's weights.
func (m *Model) Predict(s match.Signals) float64 {
	w, ok := m.Langs[Lang(s)]
	if !ok {
		for _, other := range m.Langs {
			w = other
			break
		}
	}
	if len(w.W) == 0 {
		return 0
	}
	z := w.Bias
	for i, x := range Vector(s) {
		z += w.W[i] * x
	}
	return sigmoid(z)
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// fitLogistic runs Newton's method: each step solves (XᵀWX + λI)δ = g.
// The bias is not penalised.
func fitLogistic(xs [][]float64, ys []float64, l2 float64) Weights {
	if len(xs) == 0 {
		return Weights{}
	}
	d := len(xs[0]) + 1 // bias first
	beta := make([]float64, d)
	row := func(x []float64) []float64 { return append([]float64{1}, x...) }
	for iter := 0; iter < 50; iter++ {
		grad := make([]float64, d)
		hess := make([][]float64, d)
		for i := range hess {
			hess[i] = make([]float64, d)
		}
		for k, x := range xs {
			r := row(x)
			z := 0.0
			for i := range r {
				z += beta[i] * r[i]
			}
			p := sigmoid(z)
			for i := range r {
				grad[i] += (ys[k] - p) * r[i]
				for j := range r {
					hess[i][j] += p * (1 - p) * r[i] * r[j]
				}
			}
		}
		for i := 1; i < d; i++ {
			grad[i] -= l2 * beta[i]
			hess[i][i] += l2
		}
		hess[0][0] += 1e-9
		step, err := solve(hess, grad)
		if err != nil {
			break
		}
		moved := 0.0
		for i := range beta {
			beta[i] += step[i]
			moved = math.Max(moved, math.Abs(step[i]))
		}
		if moved < 1e-9 {
			break
		}
	}
	return Weights{Bias: beta[0], W: beta[1:]}
}

// solve solves a·x = b by Gaussian elimination with partial pivoting.
func solve(a [][]float64, b []float64) ([]float64, error) {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(append([]float64(nil), a[i]...), b[i])
	}
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		if math.Abs(m[p][c]) < 1e-12 {
			return nil, errors.New("singular system")
		}
		m[c], m[p] = m[p], m[c]
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		x[r] = s / m[r][r]
	}
	return x, nil
}

// Write writes the model as indented JSON.
func (m *Model) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(m)
}

// Read reads a model written by Write and checks its feature list.
func Read(r io.Reader) (*Model, error) {
	var m Model
	if err := json.NewDecoder(r).Decode(&m); err != nil {
		return nil, fmt.Errorf("calibration model: %w", err)
	}
	if len(m.Features) != len(Features) {
		return nil, fmt.Errorf("calibration model has %d features, this qfill reads %d: fit it again", len(m.Features), len(Features))
	}
	for i, f := range Features {
		if m.Features[i] != f {
			return nil, fmt.Errorf("calibration model feature %d is %q, want %q: fit it again", i, m.Features[i], f)
		}
	}
	return &m, nil
}
