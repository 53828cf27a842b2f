package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/fill"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/review"
	"github.com/qfill/qfill/pkg/sheet"
	"github.com/spf13/cobra"
)

type fillOptions struct {
	io        *iostreams
	inputs    []string
	output    string
	corpus    string
	report    string
	threshold float64
	overwrite bool
	layout    layoutFlags
	open      openFlags
}

func newFillCmd(io *iostreams) *cobra.Command {
	opts := &fillOptions{io: io}
	cmd := &cobra.Command{
		Use:   "fill INPUT.xlsx [-o OUTPUT.xlsx]",
		Short: "Fill a checklist from the answer corpus",
		Long: `Fill the answer cells of a customer's checklist from your answer corpus and
write a filled copy (default: INPUT.filled.xlsx beside the input). The input
is never modified. Rows the matcher is unsure of are marked for review: the
answer cell gets an amber fill and a comment with the suggested entry.

The corpus is --corpus, else $QFILL_CORPUS, else ./corpus, else a corpus
folder beside the qfill executable, else <user config dir>/qfill/corpus.
` + exitStatusHelp,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.inputs = args
			if !cmd.Flags().Changed("threshold") {
				opts.threshold = -1
			}
			return fillRun(opts)
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&opts.output, "output", "o", "", "output file (default INPUT.filled.xlsx)")
	fs.StringVar(&opts.corpus, "corpus", "", "corpus file or folder (see above for the default)")
	fs.StringVar(&opts.report, "report", "", "write a JSON report of every question to this file")
	fs.Float64Var(&opts.threshold, "threshold", 0, fmt.Sprintf("confidence needed to fill without review, 0..1 (default %.2f)", match.DefaultConfig().Threshold))
	fs.BoolVar(&opts.overwrite, "overwrite", false, "replace answers already in the checklist")
	opts.layout.register(cmd)
	opts.open.register(cmd)
	return cmd
}

// findCorpus resolves the corpus location and says where it came from.
func findCorpus(flag string) (path, from string, err error) {
	if flag != "" {
		return flag, "--corpus", nil
	}
	if env := os.Getenv("QFILL_CORPUS"); env != "" {
		return env, "$QFILL_CORPUS", nil
	}
	candidates := []struct{ path, from string }{{"corpus", "./corpus"}}
	if exe, err := os.Executable(); err == nil {
		candidates = append(candidates, struct{ path, from string }{filepath.Join(filepath.Dir(exe), "corpus"), "beside the executable"})
	}
	if dir, err := os.UserConfigDir(); err == nil {
		candidates = append(candidates, struct{ path, from string }{filepath.Join(dir, "qfill", "corpus"), "user config folder"})
	}
	var tried []string
	for _, c := range candidates {
		if st, err := os.Stat(c.path); err == nil && st.IsDir() {
			return c.path, c.from, nil
		}
		tried = append(tried, c.path)
	}
	return "", "", fmt.Errorf("no corpus found (tried %s): pass --corpus PATH or set QFILL_CORPUS", strings.Join(tried, ", "))
}

// loadMatcher loads the corpus and builds the index once for all files.
func loadMatcher(flag string, threshold float64) (*match.Index, string, error) {
	path, from, err := findCorpus(flag)
	if err != nil {
		return nil, "", err
	}
	c, err := corpus.Load(path)
	if err != nil {
		return nil, "", err
	}
	cfg := match.DefaultConfig()
	if threshold >= 0 {
		if threshold > 1 {
			return nil, "", fmt.Errorf("--threshold %v is outside 0..1", threshold)
		}
		cfg.Threshold = threshold
	}
	return match.New(c.Entries, cfg), fmt.Sprintf("%s (%s, %d entries)", path, from, len(c.Entries)), nil
}

func fillRun(opts *fillOptions) error {
	if len(opts.inputs) > 1 && opts.output != "" {
		return withStatus(exitError, errors.New("-o names one output file; with several inputs, leave it out"))
	}
	ov, err := opts.layout.overrides("")
	if err != nil {
		return withStatus(exitError, err)
	}
	ix, corpusDesc, err := loadMatcher(opts.corpus, opts.threshold)
	if err != nil {
		return withStatus(exitError, err)
	}
	rep := &review.Report{Corpus: corpusDesc}
	failed := 0
	for _, in := range opts.inputs {
		out := opts.output
		if out == "" {
			out = fill.DefaultOutput(in)
		}
		job := fill.Job{Input: in, Output: out, Layout: ov, Open: opts.open.options(), Plan: fill.Options{Overwrite: opts.overwrite}}
		res, err := fill.Run(job, ix)
		rep.Add(res, err)
		if err != nil {
			failed++
			err = explainInputErr(in, err)
			if len(opts.inputs) == 1 {
				if opts.report != "" {
					_ = writeReport(opts.report, rep)
				}
				return withStatus(exitError, err)
			}
			fmt.Fprintf(opts.io.ErrOut, "qfill: %s\n", oneLine(err.Error()))
			continue
		}
		c := res.Counts
		fmt.Fprintf(opts.io.ErrOut, "%s: %d questions: %d filled, %d for review, %d unanswered, %d kept\n  -> %s\n", in, c.Questions, c.Filled, c.Review, c.Unanswered, c.Kept, out)
	}
	fmt.Fprintf(opts.io.ErrOut, "corpus: %s\n", corpusDesc)
	if opts.report != "" {
		if err := writeReport(opts.report, rep); err != nil {
			return withStatus(exitError, err)
		}
	}
	if failed > 0 {
		if failed == len(opts.inputs) {
			return errSilent(exitError)
		}
		return errSilent(exitPartial)
	}
	return nil
}

func writeReport(path string, rep *review.Report) error {
	var b strings.Builder
	if err := rep.WriteJSON(&b); err != nil {
		return err
	}
	return fill.WriteAtomic(path, []byte(b.String()))
}

// explainInputErr prefixes the file name and, for a missing question
// column, keeps the suggestion of the override flags.
func explainInputErr(in string, err error) error {
	switch {
	case errors.Is(err, sheet.ErrNoQuestionColumn), errors.Is(err, sheet.ErrLegacyXLS), errors.Is(err, sheet.ErrEncrypted),
		errors.Is(err, sheet.ErrNotExcel), errors.Is(err, sheet.ErrBadPasswd), errors.Is(err, sheet.ErrTooLarge),
		errors.Is(err, sheet.ErrCorruptZip), errors.Is(err, fill.ErrSameFile):
		return fmt.Errorf("%s: %w", in, err)
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("%s: no such file", in)
	}
	return fmt.Errorf("%s: %w", in, err)
}
