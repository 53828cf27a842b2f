package fill

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/qfill/qfill/pkg/convert"
	"github.com/qfill/qfill/pkg/output"

	"github.com/qfill/qfill/pkg/sheet"
)

// ErrInternal reports a failure inside the workbook library on a file it
// accepted; the input is untouched and no output is written.
var ErrInternal = errors.New("cannot edit this workbook (internal error, please report it with the file)")

// Converter turns the legacy .xls at path into .xlsx bytes, working in a
// folder under tmp; it returns convert.ErrNoConverter when it cannot.
type Converter func(ctx context.Context, path, tmp string) ([]byte, error)

// Job is one workbook to fill.
type Job struct {
	Input, Output string
	// Data is the input package when it is already in memory (an upload);
	// Input then only names it.
	Data   []byte
	Layout sheet.Overrides
	Open   sheet.OpenOptions
	Plan   Options
	// SummarySheet adds a sheet listing the rows to review.
	SummarySheet bool
	// ConvertXLS fills a legacy .xls through an .xlsx copy; nil refuses
	// .xls with sheet.ErrLegacyXLS.
	ConvertXLS Converter
	// Ledger, when set, keeps a writer from replacing an output that is
	// not what qfill last wrote there, unless Force is set.
	Ledger *output.Ledger
	Force  bool
}

// Result is what a job did.
type Result struct {
	Input  string `json:"input"`
	Output string `json:"output"`
	Error  string `json:"error"`
	Items  []Item `json:"items"`
	Counts Counts `json:"-"`
	// Bytes is the output package; nil when nothing was produced.
	Bytes []byte `json:"-"`
	// Workbook is the input as the reader understood it.
	Workbook *sheet.Workbook `json:"-"`
	// Took is where Run's time went.
	Took Timings `json:"-"`
}

// Timings are the wall times of a fill's steps: opening the package,
// reading the sheets, waiting for the corpus (a Readier loading it
// beside the reader), matching and deciding every row, and writing the
// answers into a new package.
type Timings struct {
	Open, Read, Wait, Match, Write time.Duration
}

// Run fills one workbook in memory: the input file is only read, and the
// filled package is Result.Bytes. Writing it is the caller's (package
// batch, the web page, regen), each with its own rules.
func Run(j Job, m Matcher) (res *Result, err error) {
	res = &Result{Input: j.Input, Output: j.Output}
	// excelize panics on some package shapes it does not expect (a
	// missing style table, say); that ends this workbook with an error
	// and leaves the rest of a batch running.
	defer func() {
		if r := recover(); r != nil {
			res.Bytes = nil
			err = fmt.Errorf("%w: %v", ErrInternal, r)
		}
	}()
	lap := time.Now()
	step := func(d *time.Duration) {
		now := time.Now()
		*d, lap = now.Sub(lap), now
	}
	orig := j.Data
	var f *sheet.Book
	if orig != nil {
		f, err = sheet.OpenBytes(orig, j.Input, j.Open)
	} else {
		orig, f, err = OpenInput(j.Input, j.Open, j.ConvertXLS)
	}
	if err != nil {
		return res, err
	}
	defer f.Close()
	step(&res.Took.Open)
	wb, err := sheet.Read(f.File, j.Layout)
	if err != nil {
		return res, err
	}
	res.Workbook = wb
	step(&res.Took.Read)
	if r, ok := m.(Readier); ok {
		if err := r.Ready(); err != nil {
			return res, err
		}
	}
	step(&res.Took.Wait)
	res.Items = Plan(wb, m, j.Plan)
	step(&res.Took.Match)
	res.Counts = Count(res.Items)
	// Only a package Patch writes can take set-aside rows back; an
	// encrypted one excelize saves whole.
	var far map[string][]byte
	if j.Open.Password == "" {
		far = detachFarRows(f.File, orig, res.Items)
	}
	changed, err := Apply(f.File, res.Items)
	if err != nil {
		return res, err
	}
	if j.SummarySheet {
		added, err := AddSummarySheet(f.File, res.Items)
		if err != nil {
			return res, err
		}
		if added {
			changed = append(changed, f.GetSheetList()[len(f.GetSheetList())-1])
		}
	}
	if res.Bytes, err = Render(orig, f.File, changed, j.Open.Password, far); err != nil {
		return res, err
	}
	step(&res.Took.Write)
	return res, nil
}

// OpenInput reads and opens a workbook the way fill, inspect and learn
// all do: a legacy .xls through an .xlsx copy made by conv, when there is
// one (nil, or one that finds no LibreOffice, leaves sheet.ErrLegacyXLS).
// It returns the package's bytes too, since a filled copy is patched
// from them.
func OpenInput(path string, o sheet.OpenOptions, conv Converter) ([]byte, *sheet.Book, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	b, err := sheet.OpenBytes(data, path, o)
	if !errors.Is(err, sheet.ErrLegacyXLS) || conv == nil {
		return data, b, err
	}
	data, cerr := conv(context.Background(), path, o.TempDir)
	if errors.Is(cerr, convert.ErrNoConverter) {
		return nil, nil, err
	}
	if cerr != nil {
		return nil, nil, cerr
	}
	b, err = sheet.OpenBytes(data, path, o)
	return data, b, err
}

// DefaultOutput names the output beside the input: book.xlsx ->
// book.filled.xlsx.
func DefaultOutput(input string) string {
	ext := ""
	for i := len(input) - 1; i >= 0 && input[i] != '/' && input[i] != '\\'; i-- {
		if input[i] == '.' {
			ext = input[i:]
			input = input[:i]
			break
		}
	}
	if ext == "" || strings.EqualFold(ext, ".xls") {
		// A legacy .xls is converted, so its filled copy is an .xlsx.
		ext = ".xlsx"
	}
	return fmt.Sprintf("%s.filled%s", input, ext)
}
