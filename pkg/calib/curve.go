package calib

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
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
	// Pool adjacent violators over the smoothed shares of the bands that
	// have rows, weighted by rows.
	type block struct{ from, to, rows, right int }
	var blocks []block
	share := func(b block) float64 { return (float64(b.right) + 1) / (float64(b.rows) + 2) }
	for i, b := range c {
		if b.Rows == 0 {
			continue
		}
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
	set := make([]bool, len(c))
	for _, b := range blocks {
		for i := b.from; i <= b.to; i++ {
			c[i].P, set[i] = share(b), true
		}
	}
	// A band outside every block has no rows and says nothing: it reads as
	// the band below it (never surer than the evidence); bands below the
	// first with rows read as that one.
	first := 0.5
	if len(blocks) > 0 {
		first = share(blocks[0])
	}
	for i := range c {
		switch {
		case set[i]:
		case i > 0:
			c[i].P = c[i-1].P
		default:
			c[i].P = first
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

// Default returns the curves qfill ships (make calibrate fits them), read
// once; callers share them and must not change them.
var Default = sync.OnceValue(func() *Curves {
	cs, err := ReadCurves(bytes.NewReader(curvesJSON))
	if err != nil {
		panic(fmt.Sprintf("embedded curves.json: %v", err)) // a build defect, caught by the tests
	}
	return cs
})

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

// Cut is the lowest confidence at which every language's curve gives at
// least p: the threshold that fills only rows whose answers were right at
// least that often in the measured sets. ok is false when no band of some
// language reaches p.
func (cs *Curves) Cut(p float64) (cut float64, ok bool) {
	if cs == nil || len(cs.Langs) == 0 {
		return 0, false
	}
	for _, c := range cs.Langs {
		i := slices.IndexFunc(c, func(b Band) bool { return b.P >= p })
		if i < 0 {
			return 0, false
		}
		cut = max(cut, c[i].From)
	}
	return cut, true
}

// Threshold reads a threshold as users write it: a confidence from 0 to
// 1 ("0.55"), or a share of right answers ("95%"), which the shipped
// curves turn into the confidence that reaches it in every language.
// share is the "95%" form as a fraction (0.95), or 0 for a confidence.
func Threshold(s string) (conf, share float64, err error) {
	s = strings.TrimSpace(s)
	if pct, ok := strings.CutSuffix(s, "%"); ok {
		p, err := strconv.ParseFloat(strings.TrimSpace(pct), 64)
		if err != nil || math.IsNaN(p) || p <= 0 || p > 100 {
			return 0, 0, errors.New("want a share of right answers above 0% and at most 100%, e.g. 95%")
		}
		cut, ok := Default().Cut(p / 100)
		if !ok {
			return 0, 0, fmt.Errorf("no confidence reaches %s right answers in the measured sets (the most is %s)", s, Default().best())
		}
		return cut, p / 100, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || f < 0 || f > 1 {
		return 0, 0, errors.New("want a confidence from 0 to 1, or a share of right answers such as 95%")
	}
	return f, 0, nil
}

// best is the highest share every language reaches, as a percentage.
func (cs *Curves) best() string {
	lo := 1.0
	for _, c := range cs.Langs {
		lo = min(lo, c[len(c)-1].P)
	}
	return strconv.FormatFloat(math.Floor(lo*1000)/10, 'f', -1, 64) + "%"
}
