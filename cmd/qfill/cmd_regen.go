package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/qfill/qfill/internal/xlsxdump"
	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/fill"
	"github.com/qfill/qfill/pkg/lint"
	"github.com/qfill/qfill/pkg/manifest"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/output"
	"github.com/qfill/qfill/pkg/review"
	"github.com/qfill/qfill/pkg/sheet"
	"github.com/spf13/cobra"
)

type regenOptions struct {
	io       *iostreams
	manifest string
	check    bool
}

func newRegenCmd(io *iostreams) *cobra.Command {
	opts := &regenOptions{io: io}
	cmd := &cobra.Command{
		Use:   "regen [--manifest qfill.yaml] [--check]",
		Short: "Regenerate the standard answer sheets listed in qfill.yaml",
		Long: `Fill every template listed in the manifest (qfill.yaml) into its output.
The same inputs give byte-identical outputs on any machine.

With --check nothing is written: regen prints which outputs are stale and
which cells would change (sheet!cell: old → new), and fails when the corpus
has problems that 'qfill corpus lint' reports. Use it in CI, as gofmt -d.

EXIT STATUS (--check)
  0  every output is up to date and the corpus is clean
  1  some output is stale or missing, or the corpus lint found problems
  2  error: bad manifest, template or corpus`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return regenRun(opts) },
	}
	cmd.Flags().StringVar(&opts.manifest, "manifest", manifest.DefaultFile, "manifest file")
	cmd.Flags().BoolVar(&opts.check, "check", false, "write nothing; report stale outputs and exit 1 if any")
	return cmd
}

// regenerated is one manifest sheet rendered in memory.
type regenerated struct {
	sheet  manifest.Sheet
	output []byte
	report []byte
	counts fill.Counts
}

func regenRun(opts *regenOptions) error {
	m, err := manifest.Load(opts.manifest)
	if err != nil {
		return err
	}
	done, corpora, err := regenBuild(opts, m)
	if err != nil {
		return err
	}
	if !opts.check {
		return regenWrite(opts, m, done)
	}
	return regenCheck(opts, m, done, corpora)
}

// regenBuild fills every sheet of the manifest in memory, with one index
// per corpus and threshold, and renders the reports.
func regenBuild(opts *regenOptions, m *manifest.Manifest) ([]regenerated, map[string]*corpus.Corpus, error) {
	indexes := map[string]*match.Index{}
	corpora := map[string]*corpus.Corpus{}
	var done []regenerated
	for _, s := range m.Sheets {
		cpath := m.CorpusOf(s)
		key := cpath
		if s.Threshold != nil {
			key += "|" + strconv.FormatFloat(s.Threshold.Confidence, 'g', -1, 64)
		}
		ix := indexes[key]
		if ix == nil {
			c := corpora[cpath]
			if c == nil {
				var err error
				collectorFor(m.Abs(cpath))
				if c, err = corpus.Load(m.Abs(cpath)); err != nil {
					return nil, nil, err
				}
				corpora[cpath] = c
			}
			cfg := match.DefaultConfig().WithSynonyms(c.Synonyms)
			if s.Threshold != nil {
				cfg.Threshold = s.Threshold.Confidence
			}
			ix = match.New(c.Entries, cfg)
			indexes[key] = ix
		}
		ov := s.Layout
		if s.Mapping != "" {
			mo, err := sheet.LoadMapping(m.Abs(s.Mapping))
			if err != nil {
				return nil, nil, err
			}
			ov = mo.Merge(ov)
		}
		if err := ov.Validate(); err != nil {
			return nil, nil, fmt.Errorf("%s: %s: %w", m.Path, s.Template, err)
		}
		job := fill.Job{Input: m.Abs(s.Template), Output: m.Abs(s.Output), Layout: ov, Plan: fill.Options{Overwrite: s.Overwrite}, Open: sheet.OpenOptions{TempDir: opts.io.tmp.dir()}}
		res, err := fill.Run(job, ix)
		if err != nil {
			return nil, nil, explainInputErr(s.Template, err)
		}
		r := regenerated{sheet: s, output: res.Bytes, counts: res.Counts}
		if s.Report != "" {
			// Paths as the manifest writes them, so the report is the same
			// whatever folder regen runs from.
			res.Input, res.Output = filepath.ToSlash(s.Template), filepath.ToSlash(s.Output)
			rep := &review.Report{Corpus: filepath.ToSlash(cpath)}
			rep.Add(res, nil)
			var b bytes.Buffer
			if err := rep.WriteJSON(&b); err != nil {
				return nil, nil, err
			}
			r.report = b.Bytes()
		}
		done = append(done, r)
	}
	return done, corpora, nil
}

// regenWrite writes the outputs and reports that changed.
func regenWrite(opts *regenOptions, m *manifest.Manifest, done []regenerated) error {
	for _, r := range done {
		c := r.counts
		fmt.Fprintf(opts.io.ErrOut, "%s: %d questions: %d filled, %d for review, %d unanswered, %d kept\n",
			r.sheet.Template, c.Questions, c.Filled, c.Review, c.Unanswered, c.Kept)
		for _, f := range []struct {
			path string
			data []byte
		}{{r.sheet.Output, r.output}, {r.sheet.Report, r.report}} {
			if f.path == "" {
				continue
			}
			p := m.Abs(f.path)
			if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, f.data) {
				fmt.Fprintf(opts.io.ErrOut, "unchanged %s\n", f.path)
				continue
			}
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			if err := output.WriteAtomic(p, f.data); err != nil {
				return err
			}
			fmt.Fprintf(opts.io.ErrOut, "wrote %s\n", f.path)
		}
	}
	return nil
}

// regenCheck writes nothing: it lists the outputs that are missing or
// stale, with the cells that changed, and the corpus's lint problems,
// and exits 1 when there is any (like gofmt -d).
func regenCheck(opts *regenOptions, m *manifest.Manifest, done []regenerated, corpora map[string]*corpus.Corpus) error {
	stale := 0
	w := opts.io.Out
	for _, r := range done {
		for _, f := range []struct {
			path string
			data []byte
			xlsx bool
		}{{r.sheet.Output, r.output, true}, {r.sheet.Report, r.report, false}} {
			if f.path == "" {
				continue
			}
			old, err := os.ReadFile(m.Abs(f.path))
			switch {
			case errors.Is(err, os.ErrNotExist):
				stale++
				fmt.Fprintf(w, "%s: missing\n", f.path)
				continue
			case err != nil:
				return err
			case bytes.Equal(old, f.data):
				continue
			}
			stale++
			fmt.Fprintf(w, "%s: stale\n", f.path)
			if f.xlsx {
				printCellChanges(w, old, f.data)
			}
		}
	}
	problems := 0
	for path, c := range corpora {
		for _, p := range lint.Run(c.Entries, today()) {
			problems++
			fmt.Fprintf(w, "corpus %s: %s\n", path, p)
		}
	}
	if stale > 0 || problems > 0 {
		fmt.Fprintf(opts.io.ErrOut, "%d stale outputs, %d corpus problems: run 'qfill regen' and 'qfill corpus lint'\n", stale, problems)
		return errSilent(exitFound)
	}
	fmt.Fprintf(opts.io.ErrOut, "%d outputs up to date\n", len(done))
	return nil
}

// printCellChanges lists the cells whose values differ between two
// packages.
func printCellChanges(w io.Writer, old, cur []byte) {
	changes, err := xlsxdump.Diff(old, cur)
	if err != nil {
		fmt.Fprintf(w, "  (the current file does not open: %v)\n", oneLine(err.Error()))
		return
	}
	for _, c := range changes {
		fmt.Fprintf(w, "  %s!%s: %q → %q\n", c.Sheet, c.Cell, clip(c.Old), clip(c.New))
	}
	if len(changes) == 0 {
		fmt.Fprintln(w, "  (same cell values; styles, comments or package parts differ)")
	}
}

func clip(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}
