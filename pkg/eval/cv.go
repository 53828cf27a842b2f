package eval

import (
	"bufio"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/qfill/qfill/pkg/calib"
)

// PairsFiles finds the pairs files under the given files and folders: the
// TSV files whose header starts with query_id.
func PairsFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(path, ".tsv") {
				return nil
			}
			if isPairs(path) {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

func isPairs(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	line, _ := bufio.NewReader(f).ReadString('\n')
	return strings.HasPrefix(line, "query_id\t")
}

// Group is one pairs file's outcomes.
type Group struct {
	File     string
	Outcomes []Outcome
}

// Examples turns outcomes into labelled examples for calib.Fit.
func Examples(outs []Outcome) []calib.Example {
	ex := make([]calib.Example, 0, len(outs))
	for _, o := range outs {
		if o.BestID == "" {
			continue
		}
		ex = append(ex, calib.Example{Signals: o.Signals, Right: o.Right()})
	}
	return ex
}

// CrossValidate fits a model on every group but one and gives the held-out
// group's outcomes the model's probability as their confidence: grouped
// cross-validation, one fold per pairs file, so no file is measured by a
// fit that saw it.
func CrossValidate(groups []Group, l2 float64) []Group {
	out := make([]Group, len(groups))
	for k, g := range groups {
		var train []calib.Example
		var names []string
		for j, h := range groups {
			if j != k {
				train = append(train, Examples(h.Outcomes)...)
				names = append(names, h.File)
			}
		}
		m := calib.Fit(train, l2, names)
		held := make([]Outcome, len(g.Outcomes))
		for i, o := range g.Outcomes {
			if o.BestID != "" {
				o.Confidence = m.Predict(o.Signals)
			}
			held[i] = o
		}
		out[k] = Group{File: g.File, Outcomes: held}
	}
	return out
}

// Scored is one held-out row: the probability a curve fitted without its
// file gives it, whether its best answer was right, and the matcher's
// confidence.
type Scored struct {
	P     float64
	Right bool
	Conf  float64
}

// CurvesHeldOut measures the confidence curves out of fold: every row
// gets the probability of curves fitted on the other groups only.
func CurvesHeldOut(groups []Group) []Scored {
	var out []Scored
	for k, g := range groups {
		var train []calib.Example
		for j, h := range groups {
			if j != k {
				train = append(train, Examples(h.Outcomes)...)
			}
		}
		cs := calib.FitCurves(train, nil)
		for _, ex := range Examples(g.Outcomes) {
			// A language no other file has gets no curve: not measured.
			if p := cs.Probability(ex.Signals.English, ex.Signals.Confidence); !math.IsNaN(p) {
				out = append(out, Scored{P: p, Right: ex.Right, Conf: ex.Signals.Confidence})
			}
		}
	}
	return out
}

// Reliability compares predicted and observed: per band of predicted
// probability, the rows, their mean prediction and the share right; the
// same per band of the matcher's confidence (calib.Edges, the bands a
// curve counts in); and the Brier score (mean squared error of the
// prediction) over all rows.
//
// Out of fold, the two views differ where a curve's probability sits near
// an edge of the predicted bands: a row's predicted band then depends on
// its fold, and the folds that put it in the lower band are those whose
// left-out file was right more often at that confidence (leaving it out
// lowered the probability), so the lower band reads optimistic and the
// one above pessimistic. A row's confidence band does not depend on the
// fold, so ByConfidence says how far the curves are from what happened.
type Reliability struct {
	Bands        []ReliabilityBand `json:"bands"`
	ByConfidence []ReliabilityBand `json:"by_confidence"`
	Brier        float64           `json:"brier"`
	Rows         int               `json:"rows"`
}

// ReliabilityBand is one band of predicted probability.
type ReliabilityBand struct {
	From      float64 `json:"from"`
	Rows      int     `json:"rows"`
	Predicted float64 `json:"predicted"`
	Observed  float64 `json:"observed"`
}

// Reliable measures scored rows in bands of predicted probability and of
// confidence.
func Reliable(rows []Scored) Reliability {
	r := Reliability{
		Bands:        reliabilityBands(rows, []float64{0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95}, func(s Scored) float64 { return s.P }),
		ByConfidence: reliabilityBands(rows, calib.Edges, func(s Scored) float64 { return s.Conf }),
		Rows:         len(rows),
	}
	for _, s := range rows {
		y := 0.0
		if s.Right {
			y = 1
		}
		r.Brier += (s.P - y) * (s.P - y)
	}
	if len(rows) > 0 {
		r.Brier /= float64(len(rows))
	}
	return r
}

// reliabilityBands counts the rows into the bands that start at edges, by
// the value key gives.
func reliabilityBands(rows []Scored, edges []float64, key func(Scored) float64) []ReliabilityBand {
	bands := make([]ReliabilityBand, len(edges))
	for i, e := range edges {
		bands[i].From = e
	}
	for _, s := range rows {
		i := len(edges) - 1
		for i > 0 && key(s) < edges[i] {
			i--
		}
		b := &bands[i]
		b.Rows++
		b.Predicted += s.P
		if s.Right {
			b.Observed++
		}
	}
	for i := range bands {
		if n := float64(bands[i].Rows); n > 0 {
			bands[i].Predicted /= n
			bands[i].Observed /= n
		}
	}
	return bands
}
