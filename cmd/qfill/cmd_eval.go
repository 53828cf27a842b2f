package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/eval"
	"github.com/qfill/qfill/pkg/match"
	"github.com/spf13/cobra"
)

type evalOptions struct {
	io        *iostreams
	pairs     string
	threshold thresholdFlag
	json      bool
	misses    bool
	rows      bool
	explain   bool
	set       []string
	cv, fit   []string
	out       string
	model     string
	curves    bool
}

func newEvalCmd(io *iostreams) *cobra.Command {
	opts := &evalOptions{io: io}
	cmd := &cobra.Command{
		Use:   "eval --pairs PAIRS.tsv",
		Short: "Measure answer quality on labelled question pairs",
		Long: `Measure the matcher on labelled pairs (query, corpus, expected entry ids):
top-1 accuracy, top-3 (the right entry among the first three candidates,
the suggestions a review row offers), precision of the answers written
without a review mark, and coverage, per direction and overall, beside
two baselines (character-bigram BM25 and sahilm/fuzzy).
` + exitStatusHelp,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return evalRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.pairs, "pairs", "", "pairs file (TSV: query_id, query_question, corpus, expected_id, note)")
	cmd.Flags().Var(&opts.threshold, "threshold", "confidence needed to fill without review, 0..1, or a share of right answers such as 95% (default: the matcher's; with --cv or --model, a probability, default 0.95)")
	cmd.Flags().BoolVar(&opts.json, "json", false, "print one JSON object")
	cmd.Flags().BoolVar(&opts.misses, "all-misses", false, "also list answerable rows left for review")
	cmd.Flags().BoolVar(&opts.rows, "rows", false, "print every row's outcome as TSV and nothing else")
	cmd.Flags().BoolVar(&opts.explain, "explain", false, "print every row's outcome with the matcher's trace (how its confidence was reached) and nothing else")
	cmd.Flags().StringSliceVar(&opts.set, "set", nil, "change a matcher setting for this run, e.g. --set rival_penalty=0 (repeatable)")
	cmd.Flags().StringSliceVar(&opts.cv, "cv", nil, "cross-validate a fitted probability over the pairs files under these folders, one fold per file")
	cmd.Flags().StringSliceVar(&opts.fit, "fit", nil, "fit the probability model on the pairs files under these folders and print it as JSON")
	cmd.Flags().StringVarP(&opts.out, "output", "o", "", "with --fit: write the model to this file")
	cmd.Flags().BoolVar(&opts.curves, "curves", false, "with --fit: fit the confidence curves (the probability review comments show) instead of the model")
	cmd.Flags().StringVar(&opts.model, "model", "", "with --pairs: measure the probability of this fitted model (from --fit) instead of the matcher's confidence; --threshold is then a probability")
	return cmd
}

// evalJSON is the machine-readable result; fractions are in [0,1].
type evalJSON struct {
	eval.Metrics
	Threshold   float64                 `json:"threshold"`
	Directions  map[string]eval.Metrics `json:"directions"`
	Baselines   map[string]baselineJSON `json:"baselines"`
	WrongFilled []wrongJSON             `json:"wrong_auto_fills"`
}

type baselineJSON struct {
	Top1                float64 `json:"top1"`
	CoverageAtPrecision float64 `json:"coverage_at_95_precision_oracle"`
}

type wrongJSON struct {
	QueryID    string  `json:"query_id"`
	Query      string  `json:"query"`
	Chosen     string  `json:"chosen"`
	Expected   string  `json:"expected"`
	Confidence float64 `json:"confidence"`
	// WritesRight: the chosen entry writes what an expected one writes.
	WritesRight bool `json:"same_answer"`
}

func evalRun(opts *evalOptions) error {
	modes := 0
	for _, on := range []bool{opts.pairs != "", len(opts.cv) > 0, len(opts.fit) > 0} {
		if on {
			modes++
		}
	}
	if modes != 1 {
		return errors.New("give one of --pairs FILE, --cv DIR or --fit DIR")
	}
	cfg := match.DefaultConfig()
	for _, kv := range opts.set {
		k, v, ok := strings.Cut(kv, "=")
		f, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil {
			return fmt.Errorf("--set %q: want name=number", kv)
		}
		if err := cfg.Set(k, f); err != nil {
			return err
		}
	}
	switch {
	case len(opts.cv) > 0:
		return cvRun(opts, cfg)
	case len(opts.fit) > 0:
		return fitRun(opts, cfg)
	}
	set, err := eval.Load(opts.pairs)
	if err != nil {
		return err
	}
	th := opts.threshold.or(cfg.Threshold)
	cfg.Threshold = th
	outs := set.Run(func(es []*corpus.Entry, synonyms string) eval.Matcher {
		return match.New(es, cfg.WithSynonyms(synonyms))
	})
	if opts.model != "" {
		m, err := readModel(opts.model)
		if err != nil {
			return err
		}
		th = opts.threshold.probability(defaultCalibratedThreshold)
		for i := range outs {
			if outs[i].BestID != "" {
				outs[i].Confidence = m.Predict(outs[i].Signals)
				outs[i].Auto = outs[i].Confidence >= th
			}
		}
	}
	// The baselines stay plain: they measure what a matcher without
	// qfill's folding and thesaurus would do.
	bm := set.Run(func(es []*corpus.Entry, _ string) eval.Matcher { return eval.NewBM25(es) })
	fz := set.Run(func(es []*corpus.Entry, _ string) eval.Matcher { return eval.NewFuzzy(es) })

	if opts.rows || opts.explain {
		for _, o := range outs {
			mark := "none"
			switch {
			case o.Pair.Answerable() && o.Right():
				mark = "right"
			case o.Pair.Answerable():
				mark = "wrong"
			case o.Confidence >= th:
				mark = "NONE-filled"
			}
			if opts.explain {
				state := "review"
				if o.Confidence >= th {
					state = "filled"
				}
				fmt.Fprintf(opts.io.Out, "%s %s, %s %q -> %s (want %s): %s\n", o.Pair.QueryID, mark, state, o.Pair.Query, o.BestID, expected(o.Pair), o.Explain)
				continue
			}
			fmt.Fprintf(opts.io.Out, "%s\t%.3f\t%.3f\t%s\t%s\t%s\t%s\t%s\n", mark, o.Confidence, o.Score,
				tsvField(o.Pair.QueryID), tsvField(o.Pair.Query), tsvField(o.BestID), tsvField(o.BestText), tsvField(expected(o.Pair)))
		}
		return nil
	}
	overall := eval.Measure(outs, th)
	names, groups := eval.ByDirection(outs)
	var wrong []wrongJSON
	for _, o := range outs {
		if o.BestID != "" && o.Confidence >= th && !o.Right() {
			wrong = append(wrong, wrongJSON{QueryID: o.Pair.QueryID, Query: o.Pair.Query, Chosen: o.BestID + " " + o.BestText, Expected: expected(o.Pair), Confidence: o.Confidence, WritesRight: o.WritesRight})
		}
	}
	if opts.json {
		res := evalJSON{Metrics: overall, Threshold: th, Directions: map[string]eval.Metrics{}, Baselines: map[string]baselineJSON{}, WrongFilled: wrong}
		for _, n := range names {
			res.Directions[n] = eval.Measure(groups[n], th)
		}
		for name, o := range map[string][]eval.Outcome{"bm25_bigram": bm, "fuzzy": fz, "qfill": outs} {
			c, _ := eval.BestCoverageAt(o, 0.95)
			res.Baselines[name] = baselineJSON{Top1: eval.Measure(o, 2).Top1, CoverageAtPrecision: c}
		}
		enc := json.NewEncoder(opts.io.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	w := opts.io.Out
	fmt.Fprintf(w, "pairs %s: %d rows, %d answerable, threshold %.2f\n\n", set.Path, overall.Rows, overall.Answerable, th)
	tw := newTable(w)
	fmt.Fprintln(tw, "direction\trows\tanswerable\ttop-1\ttop-3\tauto-filled\tprecision\tcoverage\t")
	for _, n := range names {
		printMetrics(tw, n, eval.Measure(groups[n], th))
	}
	printMetrics(tw, "overall", overall)
	tw.Flush()

	fmt.Fprintln(w, "\nbaselines (coverage at >=95% precision uses a threshold chosen after seeing the labels):")
	tw = newTable(w)
	fmt.Fprintln(tw, "matcher\ttop-1\tcoverage@95%P (oracle)\tthreshold\t")
	for _, b := range []struct {
		name string
		o    []eval.Outcome
	}{{"qfill", outs}, {"bm25 bigram", bm}, {"sahilm/fuzzy", fz}} {
		c, t := eval.BestCoverageAt(b.o, 0.95)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.2f\t\n", b.name, pct(eval.Measure(b.o, 2).Top1), pct(c), t)
	}
	tw.Flush()

	fmt.Fprintln(w, "\nprecision / coverage by threshold (qfill):")
	tw = newTable(w)
	fmt.Fprintln(tw, "threshold\tauto-filled\tprecision\tcoverage\t")
	curve := []float64{0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}
	if !slices.Contains(curve, th) {
		curve = append(curve, th)
		slices.Sort(curve)
	}
	for _, t := range curve {
		m := eval.Measure(outs, t)
		mark := ""
		if t == th {
			mark = " (default)"
		}
		fmt.Fprintf(tw, "%.2f%s\t%d\t%s\t%s\t\n", t, mark, m.AutoFilled, pct(m.Precision), pct(m.Coverage))
	}
	tw.Flush()

	fmt.Fprintf(w, "\nwrong auto-fills: %d", len(wrong))
	if overall.AutoWritesRight > 0 {
		fmt.Fprintf(w, " (writing what a right entry writes: %d)", overall.AutoWritesRight)
	}
	fmt.Fprintln(w)
	for _, x := range wrong {
		same := ""
		if x.WritesRight {
			same = " (writes the same choice, answer and remarks)"
		}
		fmt.Fprintf(w, "  %s %q (%.2f)\n    chose    %s%s\n    expected %s\n", x.QueryID, x.Query, x.Confidence, x.Chosen, same, x.Expected)
	}
	if opts.misses {
		fmt.Fprintln(w, "\nanswerable rows not filled right:")
		for _, o := range outs {
			if o.Pair.Answerable() && !(o.Right() && o.Confidence >= th) {
				fmt.Fprintf(w, "  %s %q (%.2f) best %s %q, expected %s\n", o.Pair.QueryID, o.Pair.Query, o.Confidence, o.BestID, o.BestText, expected(o.Pair))
			}
		}
	}
	return nil
}

func expected(p eval.Pair) string {
	if !p.Answerable() {
		return "NONE"
	}
	s := ""
	for i, id := range p.Expected {
		if i > 0 {
			s += "|"
		}
		s += id
	}
	return s
}

func printMetrics(w io.Writer, name string, m eval.Metrics) {
	fmt.Fprintf(w, "%s\t%d\t%d\t%s\t%s\t%d\t%s\t%s\t\n", name, m.Rows, m.Answerable, pct(m.Top1), pct(m.Top3), m.AutoFilled, pct(m.Precision), pct(m.Coverage))
}

func pct(f float64) string { return fmt.Sprintf("%.1f%%", 100*f) }

// tsvField keeps a value on its line and in its column: questions read
// from workbooks (CAIQ's among them) hold line breaks.
func tsvField(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}
