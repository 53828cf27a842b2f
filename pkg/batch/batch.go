// Package batch fills many workbooks: it finds them under folders, maps
// each to an output path that mirrors the input tree, and runs the jobs on
// a bounded pool of workers that share one corpus index.
package batch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/qfill/qfill/pkg/fill"
	"github.com/qfill/qfill/pkg/output"
)

// ErrEscapes is returned for an output path that would leave the output
// folder.
var ErrEscapes = errors.New("output path leaves the output folder")

// ErrSkipped is the outcome of a job that an interrupt left undone: not
// started, or started but not written. It is no failure of the file.
var ErrSkipped = errors.New("skipped: interrupted before it was written")

// IsWorkbook reports whether a file name is one qfill fills: .xlsx,
// .xlsm or a legacy .xls (filled through a converted copy), not an Excel
// lock file (~$book.xlsx) and not a qfill output.
func IsWorkbook(name string) bool {
	base := filepath.Base(name)
	ext := strings.ToLower(filepath.Ext(base))
	if ext != ".xlsx" && ext != ".xlsm" && ext != ".xls" {
		return false
	}
	if strings.HasPrefix(base, "~$") || strings.HasPrefix(base, ".") {
		return false
	}
	return !strings.HasSuffix(strings.ToLower(strings.TrimSuffix(base, filepath.Ext(base))), ".filled")
}

// Input is one file to fill, with the folder it was found under.
type Input struct {
	Path string // as found
	Root string // the folder argument it came from ("" for a file argument)
}

// Collect expands the arguments: files are taken as they are, folders are
// walked recursively for workbooks. The result is sorted and without
// duplicates, so batches run in the same order everywhere.
func Collect(args []string) ([]Input, error) {
	seen := map[string]bool{}
	var out []Input
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such file or folder", a)
			}
			return nil, err
		}
		if !st.IsDir() {
			if !seen[a] {
				seen[a] = true
				out = append(out, Input{Path: a})
			}
			continue
		}
		var found []Input
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != a && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && IsWorkbook(p) && !seen[p] {
				seen[p] = true
				found = append(found, Input{Path: p, Root: a})
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a, err)
		}
		sort.Slice(found, func(i, j int) bool { return found[i].Path < found[j].Path })
		out = append(out, found...)
	}
	return out, nil
}

// OutputPath maps an input to its output. Without outDir the output sits
// beside the input (book.filled.xlsx). With outDir, a file found under a
// folder keeps its path relative to that folder, and a file argument goes
// to the top of outDir; the output keeps the input's name, since the
// folder already tells filled from blank.
func OutputPath(in Input, outDir string) (string, error) {
	if outDir == "" {
		return fill.DefaultOutput(in.Path), nil
	}
	rel := filepath.Base(in.Path)
	if in.Root != "" {
		r, err := filepath.Rel(in.Root, in.Path)
		if err != nil {
			return "", err
		}
		rel = r
	}
	if strings.EqualFold(filepath.Ext(rel), ".xls") {
		rel = strings.TrimSuffix(rel, filepath.Ext(rel)) + ".xlsx"
	}
	out := filepath.Join(outDir, rel)
	if r, err := filepath.Rel(outDir, out); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s: %w", in.Path, ErrEscapes)
	}
	return out, nil
}

// Outcome is one finished job.
type Outcome struct {
	Job    fill.Job
	Result *fill.Result
	Err    error
}

// Run fills the jobs on at most workers goroutines and returns the
// outcomes in job order. progress, if not nil, is called after each job
// (from one goroutine at a time). When ctx is cancelled no new job starts,
// and a job that has not written its output yet writes nothing; both end
// with ErrSkipped.
func Run(ctx context.Context, jobs []fill.Job, m fill.Matcher, workers int, progress func(Outcome)) []Outcome {
	if workers < 1 {
		workers = 1
	}
	out := make([]Outcome, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				o := runOne(ctx, jobs[i], m)
				out[i] = o
				if progress != nil {
					mu.Lock()
					progress(o)
					mu.Unlock()
				}
			}
		}()
	}
feed:
	for i := range jobs {
		select {
		case next <- i:
		case <-ctx.Done():
			for k := i; k < len(jobs); k++ {
				out[k] = Outcome{Job: jobs[k], Result: &fill.Result{Input: jobs[k].Input, Output: jobs[k].Output}, Err: ErrSkipped}
			}
			break feed
		}
	}
	close(next)
	wg.Wait()
	return out
}

func runOne(ctx context.Context, j fill.Job, m fill.Matcher) Outcome {
	if ctx.Err() != nil {
		// Cancelled while the job waited for a worker.
		return Outcome{Job: j, Result: &fill.Result{Input: j.Input, Output: j.Output}, Err: ErrSkipped}
	}
	if err := checkReplace(j); err != nil {
		return Outcome{Job: j, Result: &fill.Result{Input: j.Input, Output: j.Output}, Err: err}
	}
	res, err := fill.Run(j, m)
	if err == nil && j.Output != "" {
		switch {
		case ctx.Err() != nil:
			err = ErrSkipped
		default:
			err = write(j, res.Bytes)
		}
	}
	if res == nil {
		res = &fill.Result{Input: j.Input, Output: j.Output}
	}
	return Outcome{Job: j, Result: res, Err: err}
}

// checkReplace refuses, before any work, an output that is the input, or
// that a person edited since qfill wrote it, or that qfill did not write
// (unless the job forces it).
func checkReplace(j fill.Job) error {
	if j.Output == "" {
		return nil
	}
	if err := output.CheckDistinct(j.Input, j.Output); err != nil {
		return err
	}
	return checkLedger(j)
}

// checkLedger is checkReplace's ledger half.
func checkLedger(j fill.Job) error {
	if j.Ledger == nil || j.Force || j.Output == "" {
		return nil
	}
	if err := j.Ledger.CheckReplace(j.Output); err != nil {
		return fmt.Errorf("%s not replaced: %w", j.Output, err)
	}
	return nil
}

func write(j fill.Job, data []byte) error {
	if err := output.CheckDistinct(j.Input, j.Output); err != nil {
		return err
	}
	// Again at the last moment: the file may have been edited while the
	// batch ran.
	if err := checkLedger(j); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(j.Output), 0o755); err != nil {
		return fmt.Errorf("cannot create output folder: %w", err)
	}
	if err := output.WriteAtomic(j.Output, data); err != nil {
		return err
	}
	if j.Ledger != nil {
		// Not recording costs only a question next time (the output
		// then counts as not written by qfill); the output itself is
		// written, so this is no failure of the file.
		_ = j.Ledger.Record(j.Output, data)
	}
	return nil
}
