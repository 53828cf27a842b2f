package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/qfill/qfill/pkg/calib"
	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/eval"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/output"
)

// DefaultCalibratedThreshold is the probability at which a calibrated
// row is filled: about 95 of 100 such rows right.
const defaultCalibratedThreshold = 0.95

// loadGroups runs qfill's matcher on every pairs file under paths.
func loadGroups(paths []string, cfg match.Config) ([]eval.Group, error) {
	files, err := eval.PairsFiles(paths)
	if err != nil {
		return nil, err
	}
	if len(files) < 2 {
		return nil, fmt.Errorf("cross-validation needs at least two pairs files, found %d under %s", len(files), strings.Join(paths, ", "))
	}
	var groups []eval.Group
	for _, f := range files {
		set, err := eval.Load(f)
		if err != nil {
			return nil, err
		}
		outs := set.Run(func(es []*corpus.Entry, synonyms string) eval.Matcher {
			return match.New(es, cfg.WithSynonyms(synonyms))
		})
		groups = append(groups, eval.Group{File: f, Outcomes: outs})
	}
	return groups, nil
}

// cvJSON is --cv --json: the pooled out-of-fold figures of the fitted
// probability and, beside them, of the matcher's own confidence, with the
// same keys as eval --json.
type cvJSON struct {
	Calibrated          eval.Metrics            `json:"calibrated"`
	CalibratedThreshold float64                 `json:"calibrated_threshold"`
	Rules               eval.Metrics            `json:"rules"`
	RulesThreshold      float64                 `json:"rules_threshold"`
	Files               map[string]eval.Metrics `json:"files"`
	// Curve is the confidence curves' probability (what review comments
	// show), measured out of fold.
	Curve eval.Reliability `json:"curve"`
}

func cvRun(opts *evalOptions, cfg match.Config) error {
	groups, err := loadGroups(opts.cv, cfg)
	if err != nil {
		return err
	}
	th := opts.threshold.probability(defaultCalibratedThreshold)
	held := eval.CrossValidate(groups, calib.DefaultL2)
	var allRules, allCal []eval.Outcome
	res := cvJSON{CalibratedThreshold: th, RulesThreshold: cfg.Threshold, Files: map[string]eval.Metrics{}}
	w := opts.io.Out
	tw := newTable(w)
	if !opts.json {
		fmt.Fprintf(w, "grouped cross-validation, one fold per pairs file (%d files): each file measured with a model fitted on the others\n\n", len(groups))
		fmt.Fprintf(tw, "pairs file\trows\tanswerable\ttop-1\trules@%.2f P\tC\tcalibrated@%.2f P\tC\t\n", cfg.Threshold, th)
	}
	for k, g := range groups {
		r, c := eval.Measure(g.Outcomes, cfg.Threshold), eval.Measure(held[k].Outcomes, th)
		allRules = append(allRules, g.Outcomes...)
		allCal = append(allCal, held[k].Outcomes...)
		res.Files[shortPath(g.File)] = c
		if !opts.json {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t\n", shortPath(g.File), r.Rows, r.Answerable, pct(r.Top1), pct(r.Precision), pct(r.Coverage), pct(c.Precision), pct(c.Coverage))
		}
	}
	res.Rules, res.Calibrated = eval.Measure(allRules, cfg.Threshold), eval.Measure(allCal, th)
	res.Curve = eval.Reliable(eval.CurvesHeldOut(groups))
	if opts.json {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	r, c := res.Rules, res.Calibrated
	fmt.Fprintf(tw, "all (pooled)\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t\n", r.Rows, r.Answerable, pct(r.Top1), pct(r.Precision), pct(r.Coverage), pct(c.Precision), pct(c.Coverage))
	tw.Flush()
	fmt.Fprintln(w, "\nout-of-fold probability, pooled:")
	tw = newTable(w)
	fmt.Fprintln(tw, "threshold\tauto-filled\tprecision\tcoverage\t")
	for _, t := range []float64{0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.99} {
		m := eval.Measure(allCal, t)
		fmt.Fprintf(tw, "%.2f\t%d\t%s\t%s\t\n", t, m.AutoFilled, pct(m.Precision), pct(m.Coverage))
	}
	tw.Flush()
	fmt.Fprintf(w, "\nout-of-fold confidence curves (the probability review comments show), %d rows, Brier score %.3f:\n", res.Curve.Rows, res.Curve.Brier)
	tw = newTable(w)
	for i, view := range []struct {
		name  string
		bands []eval.ReliabilityBand
	}{{"probability from", res.Curve.Bands}, {"confidence from", res.Curve.ByConfidence}} {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s\trows\tpredicted\tright\t\n", view.name)
		for _, b := range view.bands {
			if b.Rows > 0 {
				fmt.Fprintf(tw, "%.2f\t%d\t%s\t%s\t\n", b.From, b.Rows, pct(b.Predicted), pct(b.Observed))
			}
		}
	}
	tw.Flush()
	return nil
}

func fitRun(opts *evalOptions, cfg match.Config) error {
	groups, err := loadGroups(opts.fit, cfg)
	if err != nil {
		return err
	}
	var ex []calib.Example
	var names []string
	for _, g := range groups {
		ex = append(ex, eval.Examples(g.Outcomes)...)
		names = append(names, shortPath(g.File))
	}
	var b strings.Builder
	if opts.curves {
		err = calib.FitCurves(ex, names).Write(&b)
	} else {
		err = calib.Fit(ex, calib.DefaultL2, names).Write(&b)
	}
	if err != nil {
		return err
	}
	if opts.out == "" {
		fmt.Fprint(opts.io.Out, b.String())
		return nil
	}
	if err := output.WriteAtomic(opts.out, []byte(b.String())); err != nil {
		return err
	}
	fmt.Fprintf(opts.io.ErrOut, "fitted on %d rows of %d pairs files -> %s\n", len(ex), len(groups), opts.out)
	return nil
}

func readModel(path string) (*calib.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := calib.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// shortPath names a pairs file by its folder and name.
func shortPath(p string) string {
	return filepath.ToSlash(filepath.Join(filepath.Base(filepath.Dir(p)), filepath.Base(p)))
}
