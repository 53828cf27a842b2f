// Package review turns fill results into reports for machines (JSON) and
// people (HTML).
package review

import (
	"encoding/json"
	"io"

	"github.com/qfill/qfill/pkg/fill"
)

// File is one workbook in a report.
type File struct {
	Input  string      `json:"input"`
	Output string      `json:"output"`
	Error  string      `json:"error"`
	Counts Counts      `json:"counts"`
	Items  []fill.Item `json:"items"`
}

// Counts are the per-status totals of a file, as fill counted them.
type Counts = fill.Counts

// Report is the whole run.
type Report struct {
	Corpus string `json:"corpus,omitempty"`
	// Threshold is the confidence needed to fill without review.
	Threshold float64 `json:"threshold,omitempty"`
	Files     []File  `json:"files"`
}

// Add records one job's outcome; err is the job's failure, if any.
func (r *Report) Add(res *fill.Result, err error) {
	f := File{Input: res.Input, Output: res.Output, Items: res.Items}
	if f.Items == nil {
		f.Items = []fill.Item{}
	}
	f.Counts = res.Counts // fill.Run counts the items as it plans them
	if err != nil {
		f.Error = err.Error()
		f.Output = ""
	}
	r.Files = append(r.Files, f)
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
