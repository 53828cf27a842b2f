package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/qfill/qfill/pkg/batch"
	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/fill"
	"github.com/qfill/qfill/pkg/i18n"
	"github.com/qfill/qfill/pkg/indexcache"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/output"
	"github.com/qfill/qfill/pkg/review"
	"github.com/qfill/qfill/pkg/sheet"
	"github.com/rs/zerolog"
	"github.com/spf13/cobra"
)

type fillOptions struct {
	io        *iostreams
	inputs    []string
	output    string
	corpus    string
	report    string
	html      string
	threshold thresholdFlag
	overwrite bool
	force     bool
	summary   bool
	jobs      int
	layout    layoutFlags
	open      openFlags
}

func newFillCmd(io *iostreams) *cobra.Command {
	opts := &fillOptions{io: io}
	cmd := &cobra.Command{
		Use:   "fill INPUT.xlsx|DIR... [-o OUTPUT]",
		Short: "Fill a checklist from the answer corpus",
		Long: `Fill the answer cells of a customer's checklist from your answer corpus and
write a filled copy (default: INPUT.filled.xlsx beside the input). The input
is never modified. Rows the matcher is unsure of are marked for review: the
answer cell gets an amber fill and a comment with the suggested entry.

Folders are searched recursively for .xlsx and .xlsm files (Excel lock
files ~$* and qfill's own *.filled.* outputs are skipped); with -o DIR the
output tree mirrors the input tree. Files are filled -j at a time with one
shared corpus index; a file that fails is reported and the batch goes on.

An output file is replaced only when it is still what qfill wrote there:
a filled copy that a reviewer has edited since, or a file qfill did not
write, is left alone (that file fails with a message) unless --force.

The corpus is --corpus, else $QFILL_CORPUS, else ./corpus, else a corpus
folder beside the qfill executable, else <user config dir>/qfill/corpus.
` + exitStatusHelp,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return fmt.Errorf("no checklist given: usage: qfill %s", cmd.Use)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.inputs = args
			return fillRun(cmd.Context(), opts)
		},
	}
	fs := cmd.Flags()
	fs.StringVarP(&opts.output, "output", "o", "", "output file for one input; output folder for folders or several inputs (default: INPUT.filled.xlsx beside each input)")
	fs.IntVarP(&opts.jobs, "jobs", "j", runtime.NumCPU(), "files filled at once")
	fs.StringVar(&opts.corpus, "corpus", "", "corpus file or folder (see above for the default)")
	fs.StringVar(&opts.report, "report", "", "write a JSON report of every question to this file")
	fs.StringVar(&opts.html, "html", "", "write a self-contained HTML report for reviewers to this file")
	fs.Var(&opts.threshold, "threshold", fmt.Sprintf("confidence needed to fill without review, 0..1, or the share of right answers it must reach in the measured sets, e.g. 95%% (default %.2f)", match.DefaultConfig().Threshold))
	fs.BoolVar(&opts.overwrite, "overwrite", false, "replace answers already in the checklist")
	fs.BoolVar(&opts.force, "force", false, "replace an output file that was edited since qfill wrote it, or that qfill did not write")
	fs.BoolVar(&opts.summary, "summary-sheet", false, "add a sheet listing the rows to review, with links to their cells")
	opts.layout.register(cmd)
	opts.open.register(cmd, io)
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

// loadMatcher loads the corpus and its index (from the index cache when
// an earlier run stored them) once for all files.
func loadMatcher(log zerolog.Logger, flag string, threshold thresholdFlag) (indexcache.Result, string, error) {
	path, from, err := findCorpus(flag)
	if err != nil {
		return indexcache.Result{}, "", err
	}
	collectorFor(path)
	t0 := time.Now()
	r, err := indexcache.Default().Load(path, func(c *corpus.Corpus) match.Config {
		cfg := match.DefaultConfig().WithSynonyms(c.Synonyms)
		cfg.Threshold = threshold.or(cfg.Threshold)
		return cfg
	})
	if err != nil {
		return indexcache.Result{}, "", err
	}
	log.Debug().Str("corpus", path).Int("entries", len(r.Corpus.Entries)).Bool("cached", r.Hit).Dur("took", time.Since(t0)).Msg("corpus ready")
	return r, fmt.Sprintf("%s (%s, %d entries)", path, from, len(r.Corpus.Entries)), nil
}

// pendingMatcher is a corpus loaded and indexed in the background; it is
// a fill.Readier.
type pendingMatcher struct {
	log       zerolog.Logger
	done      chan struct{}
	loaded    indexcache.Result
	desc      string
	err       error
	storeOnce sync.Once
	stored    chan struct{}
}

// startMatcher finds the corpus (a missing one is an error at once) and
// loads it in the background.
func startMatcher(log zerolog.Logger, flag string, threshold thresholdFlag) (*pendingMatcher, error) {
	if _, _, err := findCorpus(flag); err != nil {
		return nil, err
	}
	p := &pendingMatcher{log: log, done: make(chan struct{}), stored: make(chan struct{})}
	go func() {
		defer close(p.done)
		p.loaded, p.desc, p.err = loadMatcher(log, flag, threshold)
	}()
	return p, nil
}

func (p *pendingMatcher) Ready() error {
	<-p.done
	return p.err
}

// MatchAll leaves every row unanswered when the corpus failed to load;
// fill.Run has stopped at Ready before that.
func (p *pendingMatcher) MatchAll(qs []match.Query) []match.Result {
	if p.Ready() != nil {
		return make([]match.Result, len(qs))
	}
	out := p.loaded.Index.MatchAll(qs)
	p.store()
	return out
}

// store writes a freshly built index to the index cache in the
// background, once: after the first matching, so that it does not hold
// matching up and shares the CPUs with the writer rather than the
// matcher.
func (p *pendingMatcher) store() {
	p.storeOnce.Do(func() {
		go func() {
			defer close(p.stored)
			if p.Ready() != nil {
				return
			}
			if err := p.loaded.Store(); err != nil {
				p.log.Debug().Err(err).Msg("index not cached")
			}
		}()
	})
}

// Wait lets the index cache be written before the command ends, unless
// the run was interrupted: then the next run builds the index again.
func (p *pendingMatcher) Wait(ctx context.Context) {
	if ctx.Err() != nil {
		return
	}
	p.store()
	select {
	case <-p.stored:
	case <-ctx.Done():
	}
}

func fillRun(ctx context.Context, opts *fillOptions) error {
	ov, err := opts.layout.overrides("")
	if err != nil {
		return err
	}
	ov.MaxRows = opts.open.maxRows
	if err := opts.open.check(); err != nil {
		return err
	}
	if opts.jobs < 1 {
		return fmt.Errorf("-j %d: want 1 or more workers", opts.jobs)
	}
	inputs, err := batch.Collect(opts.inputs)
	if err != nil {
		return err
	}
	paths := make([]string, len(inputs))
	for i, in := range inputs {
		paths[i] = in.Path
	}
	collectorFor("", paths...)
	// One file argument: -o names the output file. Otherwise -o is the
	// output folder, mirroring the input folders.
	single := len(opts.inputs) == 1 && len(inputs) == 1 && inputs[0].Root == ""
	if len(inputs) == 0 {
		return fmt.Errorf("no .xlsx, .xlsm or .xls files in %s", strings.Join(opts.inputs, ", "))
	}
	// One file is read on one CPU while the corpus loads; a batch waits
	// for the corpus, so that a broken one is one error, not one per file.
	ix, err := startMatcher(opts.io.log, opts.corpus, opts.threshold)
	if err != nil {
		return err
	}
	defer ix.Wait(ctx)
	if !single {
		if err := ix.Ready(); err != nil {
			return err
		}
	}
	if single && opts.output != "" && isFolder(opts.output) {
		// -o DIR/ with one file: the file goes into the folder.
		if err := os.MkdirAll(opts.output, 0o755); err != nil {
			return fmt.Errorf("cannot create output folder: %w", err)
		}
		single = false
		inputs[0].Root = ""
	}
	var jobs []fill.Job
	for _, in := range inputs {
		out := opts.output
		if !single || out == "" {
			if out, err = batch.OutputPath(in, opts.output); err != nil {
				return err
			}
		}
		jobs = append(jobs, fill.Job{Input: in.Path, Output: out, Layout: ov, Open: opts.open.options(), Plan: fill.Options{Overwrite: opts.overwrite}, SummarySheet: opts.summary, ConvertXLS: opts.io.convertXLS,
			Ledger: opts.io.ledger, Force: opts.force})
	}
	prog := newProgress(opts.io, len(jobs), single)
	outcomes := batch.Run(ctx, jobs, ix, opts.jobs, prog.done)
	prog.finish(ctx.Err() != nil)
	// A broken corpus is reported before a broken input, as when the
	// corpus was loaded first.
	if err := ix.Ready(); err != nil {
		return err
	}

	rep := &review.Report{Corpus: ix.desc, Threshold: ix.loaded.Index.Threshold()}
	failed, skipped := 0, 0
	for _, o := range outcomes {
		err := o.Err
		switch {
		case errors.Is(err, batch.ErrSkipped):
			skipped++
		case err != nil:
			err = explainInputErr(o.Job.Input, err)
			failed++
		}
		rep.Add(o.Result, err)
		if t := o.Result.Took; err == nil {
			opts.io.log.Debug().Str("file", o.Job.Input).Dur("open", t.Open).Dur("read", t.Read).Dur("wait", t.Wait).
				Dur("match", t.Match).Dur("write", t.Write).Msg("filled")
		}
	}
	if opts.report != "" {
		if err := writeReport(opts.report, rep); err != nil {
			return err
		}
	}
	if opts.html != "" {
		var b strings.Builder
		if err := rep.WriteHTML(&b); err != nil {
			return err
		}
		if err := output.WriteAtomic(opts.html, []byte(b.String())); err != nil {
			return err
		}
	}
	if single {
		if skipped > 0 {
			return withStatus(exitInterrupted, errors.New("interrupted: nothing was written"))
		}
		if failed > 0 {
			return explainInputErr(jobs[0].Input, outcomes[0].Err)
		}
		c := outcomes[0].Result.Counts
		fmt.Fprint(opts.io.Out, opts.io.ui(i18n.UISummary, jobs[0].Input, c.Questions, c.Filled, c.Review, c.Unanswered, c.Kept, jobs[0].Output))
		if c.Unfamiliar > 0 {
			fmt.Fprint(opts.io.Out, opts.io.ui(i18n.UIUnfamiliar, c.Unfamiliar))
		}
		if c.NoChoice > 0 {
			fmt.Fprint(opts.io.Out, opts.io.ui(i18n.UINoChoice, c.NoChoice, idList(fill.NoChoiceEntries(outcomes[0].Result.Items))))
		}
		printWritten(opts)
		fmt.Fprint(opts.io.Out, opts.io.ui(i18n.UICorpus, ix.desc))
		return nil
	}
	printSummary(opts.io, rep)
	printWritten(opts)
	fmt.Fprint(opts.io.Out, opts.io.ui(i18n.UICorpus, ix.desc))
	if skipped > 0 {
		return withStatus(exitInterrupted, fmt.Errorf("interrupted: %d of %d files written, %d skipped", len(jobs)-failed-skipped, len(jobs), skipped))
	}
	if failed > 0 {
		return errSilent(exitPartial)
	}
	return nil
}

// printWritten says where the reports went.
func printWritten(opts *fillOptions) {
	if opts.report != "" {
		fmt.Fprint(opts.io.Out, opts.io.ui(i18n.UIReport, opts.report))
	}
	if opts.html != "" {
		fmt.Fprint(opts.io.Out, opts.io.ui(i18n.UIHTMLReport, opts.html))
	}
}

// isFolder reports whether -o names a folder: one that exists, or a
// path ending in a separator.
func isFolder(p string) bool {
	if strings.HasSuffix(p, "/") || strings.HasSuffix(p, string(os.PathSeparator)) {
		return true
	}
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func writeReport(path string, rep *review.Report) error {
	var b strings.Builder
	if err := rep.WriteJSON(&b); err != nil {
		return err
	}
	return output.WriteAtomic(path, []byte(b.String()))
}

// explainInputErr prefixes the file name and, for a missing question
// column, keeps the suggestion of the override flags.
func explainInputErr(in string, err error) error {
	var limit *sheet.LimitError
	var write *output.WriteError
	switch {
	case errors.As(err, &write):
		return fmt.Errorf("%s: %w", in, write)
	case errors.Is(err, output.ErrEdited), errors.Is(err, output.ErrNotQfill):
		return fmt.Errorf("%s: %w; pass --force to replace it", in, err)
	case errors.As(err, &limit) && limit.Ratio > 0:
		return fmt.Errorf("%s: %w", in, err)
	case errors.As(err, &limit) && limit.Part != "":
		return fmt.Errorf("%s: %w (--max-part-mb)", in, err)
	case errors.Is(err, sheet.ErrTooLarge):
		return fmt.Errorf("%s: %w (--max-unzip-mb)", in, err)
	// The flags that help are the command's to name: the web page has none.
	case errors.Is(err, sheet.ErrNoQuestionColumn):
		return fmt.Errorf("%s: %w; name the columns with --sheet, --header-row, --question-col and --answer-col", in, err)
	case errors.Is(err, sheet.ErrEncrypted):
		return fmt.Errorf("%s: %w: pass --password", in, err)
	case errors.Is(err, sheet.ErrLegacyXLS),
		errors.Is(err, sheet.ErrNotExcel), errors.Is(err, sheet.ErrBadPasswd), errors.Is(err, sheet.ErrTruncated),
		errors.Is(err, sheet.ErrCorruptZip), errors.Is(err, output.ErrSameFile):
		return fmt.Errorf("%s: %w", in, err)
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("%s: no such file", in)
	}
	return fmt.Errorf("%s: %w", in, err)
}
