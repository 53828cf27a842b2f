package calib

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
)

// Edges are the lower edges of the confidence bands a Curve counts in.
// 0.5 and 0.55 are edges of their own: the matcher's caps put rows at
// exactly 0.5, and 0.55 is its default threshold, so the band a filled
// row falls in never mixes with the rows held below it.
var Edges = []float64{0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9}

// Band is one confidence band of a Curve: from its lower edge up to the
// next band's, how many measured rows fell in it, how many of those had
// the right answer on top, and P, the probability the curve gives.
type Band struct {
	From  float64 `json:"from"`
	Rows  int     `json:"rows"`
	Right int     `json:"right"`
	P     float64 `json:"p"`
}

// Curve maps the matcher's confidence to the probability that the best
// answer is right, for one language: the share of right answers among
// measured rows of the same confidence band, made monotone (a higher
// confidence never reads as less likely) by pooling adjacent bands that
// are out of order (isotonic regression), and shrunk toward the middle
// by one row each way, so a band of 40 right of 40 reads 98%, not 100%.
type Curve []Band

// FitCurve counts the examples of one language into the Edges bands.
func FitCurve(examples []Example) Curve {
	c := make(Curve, len(Edges))
	for i, e := range Edges {
		c[i].From = e
	}
	for _, ex := range examples {
		b := band(ex.Signals.Confidence)
		c[b].Rows++
		if ex.Right {
			c[b].Right++
		}
	}
	// Pool adjacent violators over the smoothed shares, weighted by rows.
	type block struct{ from, to, rows, right int }
	var blocks []block
	share := func(b block) float64 { return (float64(b.right) + 1) / (float64(b.rows) + 2) }
	for i, b := range c {
		blocks = append(blocks, block{i, i, b.Rows, b.Right})
		for len(blocks) > 1 {
			n := len(blocks)
			last, prev := blocks[n-1], blocks[n-2]
			if share(prev) <= share(last) {
				break
			}
			blocks = append(blocks[:n-2], block{prev.from, last.to, prev.rows + last.rows, prev.right + last.right})
		}
	}
	for _, b := range blocks {
		for i := b.from; i <= b.to; i++ {
			c[i].P = share(b)
		}
	}
	return c
}

func band(conf float64) int {
	return max(0, sort.SearchFloat64s(Edges, math.Nextafter(conf, math.Inf(1)))-1)
}

// P is the probability the curve gives a row of this confidence.
func (c Curve) P(conf float64) float64 {
	if len(c) == 0 {
		return math.NaN()
	}
	return c[min(band(conf), len(c)-1)].P
}

// Curves are fitted per language, named with the pairs files they were
// fitted on.
type Curves struct {
	Langs    map[string]Curve `json:"languages"`
	FittedOn []string         `json:"fitted_on"`
}

// FitCurves fits one curve per language present in the examples.
func FitCurves(examples []Example, fittedOn []string) *Curves {
	byLang := map[string][]Example{}
	for _, e := range examples {
		byLang[Lang(e.Signals)] = append(byLang[Lang(e.Signals)], e)
	}
	cs := &Curves{Langs: map[string]Curve{}, FittedOn: fittedOn}
	for lang, es := range byLang {
		cs.Langs[lang] = FitCurve(es)
	}
	return cs
}

// Probability is the estimated probability that a row's best answer is
// right, from its language's curve; NaN where there is none.
func (cs *Curves) Probability(english bool, conf float64) float64 {
	lang := "ja"
	if english {
		lang = "en"
	}
	if cs == nil {
		return math.NaN()
	}
	return cs.Langs[lang].P(conf)
}

//go:embed curves.json
var curvesJSON []byte

// Default returns the curves qfill ships (make calibrate fits them).
func Default() *Curves {
	cs, err := ReadCurves(bytes.NewReader(curvesJSON))
	if err != nil {
		panic(fmt.Sprintf("embedded curves.json: %v", err)) // a build defect, caught by the tests
	}
	return cs
}

// Write writes the curves as indented JSON.
func (cs *Curves) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(cs)
}

// ReadCurves reads curves written by Write and checks their bands.
func ReadCurves(r io.Reader) (*Curves, error) {
	var cs Curves
	if err := json.NewDecoder(r).Decode(&cs); err != nil {
		return nil, fmt.Errorf("confidence curves: %w", err)
	}
	for lang, c := range cs.Langs {
		if len(c) != len(Edges) {
			return nil, fmt.Errorf("confidence curve %s has %d bands, this qfill reads %d: fit it again", lang, len(c), len(Edges))
		}
		for i, b := range c {
			if b.From != Edges[i] || b.P < 0 || b.P > 1 || (i > 0 && b.P < c[i-1].P) {
				return nil, fmt.Errorf("confidence curve %s: band %d is not from %v with a rising probability: fit it again", lang, i, Edges[i])
			}
		}
	}
	return &cs, nil
}
