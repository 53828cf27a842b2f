package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/learn"
	"github.com/qfill/qfill/pkg/output"
	"github.com/qfill/qfill/pkg/sheet"
	"github.com/spf13/cobra"
)

type learnOptions struct {
	io     *iostreams
	inputs []string
	corpus string
	into   string
	prefer string
	dryRun bool
	layout layoutFlags
	open   openFlags
}

func newLearnCmd(io *iostreams) *cobra.Command {
	opts := &learnOptions{io: io}
	cmd := &cobra.Command{
		Use:   "learn ANSWERED.xlsx... [--corpus corpus/] [--into corpus/learned.yaml]",
		Short: "Add the answers of answered checklists to the corpus",
		Long: `Read answered checklists with the same reader as fill and turn every
answered question into a corpus entry, with its provenance (file, sheet,
row, question ID, date). A new wording of a question the corpus already
answers the same way becomes an alias of that entry. A different answer to
the same question is reported as a conflict and changes nothing, unless
--prefer new (take the checklist's answer) or --prefer old (keep the
corpus's) says what to do.

Dropdown rows are learned as their choice (yes / no / n/a) with the remarks
as the answer text.

EXIT STATUS
  0  learned; no conflict left
  1  learned, but conflicts are left for you to settle (listed on stdout)
  2  nothing could be done: unreadable checklist or corpus, bad flags`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.inputs = args
			return learnRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.corpus, "corpus", "", "corpus file or folder (default: as for fill)")
	cmd.Flags().StringVar(&opts.into, "into", "", "file for new entries (default: learned.yaml in the corpus folder)")
	cmd.Flags().StringVar(&opts.prefer, "prefer", "", "settle conflicts: new (the checklist's answer) or old (the corpus's)")
	cmd.Flags().BoolVar(&opts.dryRun, "dry-run", false, "report what would be learned, write nothing")
	opts.layout.register(cmd)
	opts.open.register(cmd, io)
	return cmd
}

func learnRun(opts *learnOptions) error {
	if opts.prefer != "" && opts.prefer != "new" && opts.prefer != "old" {
		return fmt.Errorf("--prefer %q: want new or old", opts.prefer)
	}
	// A vendor's first learn names the folder to start; it is made only
	// when there is something to save, so a bad input leaves nothing behind.
	newFolder := false
	if opts.corpus != "" && !corpusFile(opts.corpus) && !opts.dryRun {
		_, err := os.Stat(opts.corpus)
		newFolder = errors.Is(err, os.ErrNotExist)
	}
	c, cpath := &corpus.Corpus{}, opts.corpus
	if !newFolder {
		var err error
		if cpath, _, err = findCorpus(opts.corpus); err != nil {
			return err
		}
		collectorFor(cpath)
		if c, err = corpus.Load(cpath); err != nil {
			// A new, empty corpus folder is where a vendor starts: learning
			// fills it.
			if st, serr := os.Stat(cpath); serr == nil && st.IsDir() && emptyCorpusDir(cpath) {
				c = &corpus.Corpus{}
			} else {
				return err
			}
		}
	}
	into := opts.into
	if into == "" {
		if st, err := os.Stat(cpath); newFolder || err == nil && st.IsDir() {
			into = filepath.Join(cpath, "learned.yaml")
		} else {
			return fmt.Errorf("the corpus is one file: name the file for new entries with --into")
		}
	}
	if !isYAMLPath(into) {
		return fmt.Errorf("--into %s: learned entries are written as YAML (.yaml or .yml)", into)
	}
	ov, err := opts.layout.overrides("")
	if err != nil {
		return err
	}
	ov.MaxRows = opts.open.maxRows
	if err := opts.open.check(); err != nil {
		return err
	}
	var obs []learn.Observation
	for _, in := range opts.inputs {
		f, err := openWorkbook(opts.io, in, opts.open.options())
		if err != nil {
			return explainInputErr(in, err)
		}
		wb, err := sheet.Read(f.File, ov)
		f.Close()
		if err != nil {
			return explainInputErr(in, err)
		}
		obs = append(obs, learn.Observe(in, wb)...)
	}
	actions := learn.Plan(c.Entries, obs, learn.Options{Prefer: opts.prefer, Today: today(), Synonyms: c.Synonyms})
	counts := map[learn.Kind]int{}
	for _, a := range actions {
		counts[a.Kind]++
		if a.Kind == learn.KindConflict {
			fmt.Fprintf(opts.io.Out, "conflict: %s %s row %d %q\n  corpus %s (%s): %q\n  checklist: %q\n",
				a.Obs.File, a.Obs.Sheet, a.Obs.Row, trunc(a.Obs.Question, 60), a.Entry.ID, a.Entry.Where(), trunc(a.Entry.Answer, 70), trunc(a.Obs.Answer, 70))
		}
	}
	fmt.Fprintf(opts.io.Out, "%d answered questions: %d new entries, %d new aliases, %d already known, %d as qfill fills them (not learned), %d conflicts",
		len(obs), counts[learn.KindNew], counts[learn.KindAlias], counts[learn.KindSame], counts[learn.KindOwnFill], counts[learn.KindConflict])
	if opts.prefer != "" {
		fmt.Fprintf(opts.io.Out, " (%d replaced, %d kept)", counts[learn.KindReplace], counts[learn.KindKeep])
	}
	fmt.Fprintln(opts.io.Out)
	if !opts.dryRun {
		if newFolder {
			if err := os.MkdirAll(cpath, 0o755); err != nil {
				return fmt.Errorf("cannot create the corpus folder: %w", err)
			}
			fmt.Fprintf(opts.io.ErrOut, "created the corpus folder %s\n", cpath)
		}
		ch, err := learn.Save(c.Entries, actions, into)
		if err != nil {
			return err
		}
		files := make([]string, 0, len(ch.Files))
		for f := range ch.Files {
			files = append(files, f)
		}
		sort.Strings(files)
		for _, f := range files {
			if err := output.WriteAtomic(f, ch.Files[f]); err != nil {
				return err
			}
			fmt.Fprintf(opts.io.Out, "wrote %s\n", f)
		}
		for _, u := range ch.Unsaved {
			fmt.Fprintln(opts.io.ErrOut, "note: "+u)
		}
	}
	if counts[learn.KindConflict] > 0 {
		fmt.Fprintln(opts.io.ErrOut, "conflicts were left unchanged: settle them with --prefer new or --prefer old, or edit the corpus")
		return errSilent(exitFound)
	}
	return nil
}

func isYAMLPath(p string) bool {
	e := filepath.Ext(p)
	return e == ".yaml" || e == ".yml"
}

func emptyCorpusDir(dir string) bool {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range ents {
		if !e.IsDir() && corpusFile(e.Name()) {
			return false
		}
	}
	return true
}

func corpusFile(name string) bool {
	for _, ext := range corpus.Extensions {
		if filepath.Ext(name) == ext {
			return true
		}
	}
	return false
}
