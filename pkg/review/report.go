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

// Counts are the per-status totals of a file.
type Counts struct {
	Questions  int `json:"questions"`
	Filled     int `json:"filled"`
	Review     int `json:"review"`
	Unanswered int `json:"unanswered"`
	Kept       int `json:"kept"`
	// Unfamiliar counts the review rows held because the corpus barely
	// covers their English sheet (fill.Counts).
	Unfamiliar int `json:"unfamiliar,omitempty"`
	// NoChoice counts the review rows held because their entry names no
	// value for the row's dropdown (fill.Counts).
	NoChoice int `json:"no_choice,omitempty"`
}

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
	c := res.Counts // fill.Run counts the items as it plans them
	f.Counts = Counts{Questions: c.Questions, Filled: c.Filled, Review: c.Review, Unanswered: c.Unanswered, Kept: c.Kept, Unfamiliar: c.Unfamiliar, NoChoice: c.NoChoice}
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
