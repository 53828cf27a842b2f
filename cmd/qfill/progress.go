package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/qfill/qfill/pkg/batch"
	"github.com/qfill/qfill/pkg/fill"
	"github.com/qfill/qfill/pkg/i18n"
	"github.com/qfill/qfill/pkg/review"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"
)

// progress reports a batch: a bar on a terminal, one plain line per file
// otherwise (logs, CI). A single file gets neither; its summary says it.
type progress struct {
	w         io.Writer
	p         *mpb.Progress
	bar       *mpb.Bar
	total     int
	done      func(batch.Outcome)
	questions int
	start     time.Time
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func newProgress(io *iostreams, total int, single bool) *progress {
	pr := &progress{w: io.ErrOut, total: total, start: time.Now()}
	switch {
	case single:
		pr.done = func(batch.Outcome) {}
	case isTerminal(io.ErrOut):
		pr.p = mpb.New(mpb.WithOutput(io.ErrOut), mpb.WithWidth(40))
		pr.bar = pr.p.AddBar(int64(total),
			mpb.PrependDecorators(decor.Name("filling "), decor.CountersNoUnit("%d/%d files")),
			mpb.AppendDecorators(decor.Any(func(decor.Statistics) string { return fmt.Sprintf("%d questions", pr.questions) }),
				decor.Name(" "), decor.Elapsed(decor.ET_STYLE_GO), decor.Name(" eta "), decor.AverageETA(decor.ET_STYLE_GO)))
		pr.done = func(o batch.Outcome) {
			if o.Result != nil {
				pr.questions += len(o.Result.Items)
			}
			pr.bar.Increment()
		}
	default:
		n := 0
		pr.done = func(o batch.Outcome) {
			n++
			status := "ok"
			switch {
			case errors.Is(o.Err, batch.ErrSkipped):
				status = "skipped"
			case o.Err != nil:
				status = "error: " + withoutFile(o.Job.Input, explainInputErr(o.Job.Input, o.Err).Error())
			}
			fmt.Fprintf(io.ErrOut, "[%d/%d] %s: %s\n", n, total, o.Job.Input, status)
		}
	}
	return pr
}

// finish waits for the bar to draw its last state. An interrupted batch
// never completes the bar, so it is aborted first: waiting for it would
// hang the run.
func (pr *progress) finish(interrupted bool) {
	if pr.p == nil {
		return
	}
	if interrupted {
		pr.bar.Abort(false)
	}
	pr.p.Wait()
}

// withoutFile is a file's error on one line, without the file's name where
// the line already shows it.
func withoutFile(in, msg string) string {
	return oneLine(strings.TrimPrefix(msg, in+": "))
}

// printSummary writes the per-file table that ends a batch.
func printSummary(ios *iostreams, rep *review.Report) {
	tw := newTable(ios.Out)
	fmt.Fprint(tw, ios.ui(i18n.UITableHeader))
	var t review.Counts
	failed, skipped, unfamiliarFiles, noChoiceFiles := 0, 0, 0, 0
	var noChoice []string
	for _, f := range rep.Files {
		c := f.Counts
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%s\t\n", filepath.ToSlash(f.Input), c.Questions, c.Filled, c.Review, c.Unanswered, c.Kept, withoutFile(f.Input, f.Error))
		t.Questions += c.Questions
		t.Filled += c.Filled
		t.Review += c.Review
		t.Unanswered += c.Unanswered
		t.Kept += c.Kept
		if c.Unfamiliar > 0 {
			t.Unfamiliar += c.Unfamiliar
			unfamiliarFiles++
		}
		if c.NoChoice > 0 {
			t.NoChoice += c.NoChoice
			noChoiceFiles++
			for _, id := range fill.NoChoiceEntries(f.Items) {
				if !slices.Contains(noChoice, id) {
					noChoice = append(noChoice, id)
				}
			}
		}
		switch {
		case f.Error == batch.ErrSkipped.Error():
			skipped++
		case f.Error != "":
			failed++
		}
	}
	total := ios.ui(i18n.UITotal, len(rep.Files), failed)
	if skipped > 0 {
		total = ios.ui(i18n.UITotalSkipped, len(rep.Files), failed, skipped)
	}
	fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t\t\n", total, t.Questions, t.Filled, t.Review, t.Unanswered, t.Kept)
	tw.Flush()
	if t.Unfamiliar > 0 {
		fmt.Fprint(ios.Out, ios.ui(i18n.UIUnfamiliarFiles, t.Unfamiliar, unfamiliarFiles))
	}
	if t.NoChoice > 0 {
		fmt.Fprint(ios.Out, ios.ui(i18n.UINoChoiceFiles, t.NoChoice, noChoiceFiles, idList(noChoice)))
	}
}

// idList names up to five entries, and how many more there are.
func idList(ids []string) string {
	if len(ids) <= 5 {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s … (+%d)", strings.Join(ids[:5], ", "), len(ids)-5)
}
