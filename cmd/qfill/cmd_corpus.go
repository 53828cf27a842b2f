package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/lint"
	"github.com/qfill/qfill/pkg/output"
	"github.com/qfill/qfill/pkg/search"
	"github.com/spf13/cobra"
)

// today is the date lint compares review_by with; QFILL_TODAY pins it
// (YYYY-MM-DD) for reproducible runs.
func today() string {
	if d := os.Getenv("QFILL_TODAY"); d != "" {
		return d
	}
	return time.Now().Format("2006-01-02")
}

func newCorpusCmd(io *iostreams) *cobra.Command {
	var path string
	cmd := &cobra.Command{
		Use:   "corpus",
		Short: "Lint, search, count and convert the answer corpus",
	}
	cmd.PersistentFlags().StringVar(&path, "corpus", "", "corpus file or folder (default: as for fill)")
	cmd.AddCommand(newCorpusLintCmd(io, &path), newCorpusSearchCmd(io, &path), newCorpusStatsCmd(io, &path), newCorpusConvertCmd(io))
	return cmd
}

func loadCorpusFlag(flag string, loose bool) (*corpus.Corpus, string, error) {
	p, _, err := findCorpus(flag)
	if err != nil {
		return nil, "", err
	}
	collectorFor(p)
	var c *corpus.Corpus
	if loose {
		c, err = corpus.LoadLoose(p)
	} else {
		c, err = corpus.Load(p)
	}
	return c, p, err
}

func newCorpusLintCmd(io *iostreams, path *string) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "lint",
		Short: "Find duplicate ids, conflicting answers, empty answers and answers past review_by",
		Long: `Check the corpus: duplicate ids, near-identical questions with different
answers (conflicts), entries without answer text, and entries whose
review_by date has passed (today, or $QFILL_TODAY).

EXIT STATUS
  0  no problem found
  1  problems found (listed on stdout)
  2  the corpus could not be read`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, p, err := loadCorpusFlag(*path, true)
			if err != nil {
				return err
			}
			probs := lint.Run(c.Entries, today())
			if asJSON {
				if probs == nil {
					probs = []lint.Problem{}
				}
				enc := json.NewEncoder(io.Out)
				enc.SetIndent("", "  ")
				if err := enc.Encode(map[string]any{"corpus": p, "entries": len(c.Entries), "problems": probs}); err != nil {
					return err
				}
			} else {
				for _, pr := range probs {
					fmt.Fprintln(io.Out, pr)
				}
				fmt.Fprintf(io.ErrOut, "%s: %d entries, %d problems\n", p, len(c.Entries), len(probs))
			}
			if len(probs) > 0 {
				return errSilent(exitFound)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// shortPattern: a few letters or one word are a pattern to look for in
// ids and questions (sahilm/fuzzy); anything longer is a question to match.
func newCorpusSearchCmd(io *iostreams, path *string) *cobra.Command {
	var limit int
	cmd := &cobra.Command{
		Use:   "search PATTERN",
		Short: "Find entries: short patterns by fuzzy search, sentences (and patterns fuzzy search misses) by the matcher",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, _, err := loadCorpusFlag(*path, false)
			if err != nil {
				return err
			}
			q := strings.Join(args, " ")
			hits := search.Find(c.Entries, nil, c.Synonyms, q, limit)
			tw := newTable(io.Out)
			fmt.Fprintln(tw, "id\tscore\tquestion\tanswer\t")
			for _, h := range hits {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", h.Entry.ID, h.Score, trunc(h.Entry.Question, 50), trunc(h.Entry.Answer, 60))
			}
			tw.Flush()
			if len(hits) == 0 {
				fmt.Fprintf(io.ErrOut, "no entry matches %q\n", q)
			}
			return nil
		},
	}
	cmd.Flags().IntVarP(&limit, "limit", "n", 10, "show at most this many entries")
	return cmd
}

func newCorpusStatsCmd(io *iostreams, path *string) *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Count entries, aliases and tags, and show the oldest update",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, p, err := loadCorpusFlag(*path, false)
			if err != nil {
				return err
			}
			aliases, withChoice := 0, 0
			tags := map[string]int{}
			oldest, oldestID, undated := "", "", 0
			for _, e := range c.Entries {
				aliases += len(e.Aliases)
				if e.Choice != corpus.ChoiceNone {
					withChoice++
				}
				for _, t := range e.Tags {
					tags[t]++
				}
				switch {
				case e.Updated == "":
					undated++
				case oldest == "" || e.Updated < oldest:
					oldest, oldestID = e.Updated, e.ID
				}
			}
			w := io.Out
			fmt.Fprintf(w, "corpus   %s (%d files)\n", p, len(c.Files))
			fmt.Fprintf(w, "entries  %d (%d with a choice)\n", len(c.Entries), withChoice)
			fmt.Fprintf(w, "aliases  %d\n", aliases)
			if c.Synonyms != "" {
				syns, _ := corpus.ParseSynonyms(c.Synonyms) // checked when loaded
				fmt.Fprintf(w, "synonyms %d in %s\n", len(syns), corpus.SynonymsFile)
			}
			if oldest != "" {
				fmt.Fprintf(w, "oldest   %s (%s)\n", oldest, oldestID)
			}
			if undated > 0 {
				fmt.Fprintf(w, "undated  %d\n", undated)
			}
			names := make([]string, 0, len(tags))
			for t := range tags {
				names = append(names, t)
			}
			sort.Slice(names, func(i, j int) bool {
				if tags[names[i]] != tags[names[j]] {
					return tags[names[i]] > tags[names[j]]
				}
				return names[i] < names[j]
			})
			fmt.Fprintf(w, "tags     %d:", len(names))
			for _, t := range names {
				fmt.Fprintf(w, " %s(%d)", t, tags[t])
			}
			fmt.Fprintln(w)
			return nil
		},
	}
}

func newCorpusConvertCmd(io *iostreams) *cobra.Command {
	return &cobra.Command{
		Use:   "convert IN OUT",
		Short: "Convert a corpus between YAML and CSV/TSV/XLSX (the format follows OUT's extension)",
		Long: `Convert a corpus file or folder into one file. The format follows OUT's
extension: .yaml/.yml, .csv, .tsv or .xlsx. Business users can edit the
XLSX in Excel; convert it back to YAML for the repository.
Provenance (source:) is kept in YAML only. A folder's synonyms.txt is
not part of the output file.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := corpus.Load(args[0])
			if err != nil {
				return err
			}
			data, err := corpus.Encode(args[1], c.Entries)
			if err != nil {
				return err
			}
			if err := output.CheckDistinct(args[0], args[1]); err != nil {
				return fmt.Errorf("convert: OUT is IN")
			}
			if err := output.WriteAtomic(args[1], data); err != nil {
				return err
			}
			fmt.Fprintf(io.ErrOut, "wrote %d entries to %s\n", len(c.Entries), args[1])
			if c.Synonyms != "" {
				// One file cannot hold the folder's synonyms; say so rather
				// than let them drop out of the matching unnoticed.
				fmt.Fprintf(io.ErrOut, "note: %s is not part of %s: keep it in the folder the corpus is used from\n", filepath.Join(args[0], corpus.SynonymsFile), args[1])
			}
			return nil
		},
	}
}
