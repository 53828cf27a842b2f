package corpus

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
	"gopkg.in/yaml.v3"
)

// tableHeader is the column order of exported tables.
var tableHeader = []string{"id", "question", "answer", "aliases", "choice", "remarks", "section", "tags", "updated", "review_by"}

func tableRow(e *Entry) []string {
	return []string{e.ID, e.Question, e.Answer, strings.Join(e.Aliases, "|"), string(e.Choice), e.Remarks, e.Section, strings.Join(e.Tags, "|"), e.Updated, e.ReviewBy}
}

// WriteYAML writes entries in the corpus YAML format.
func WriteYAML(w io.Writer, entries []*Entry) error {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(struct {
		Entries []*Entry `yaml:"entries"`
	}{entries}); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// Encode renders entries for path in the format its extension names (.yaml,
// .yml, .csv, .tsv, .xlsx) and returns the bytes written.
func Encode(path string, entries []*Entry) ([]byte, error) {
	var b bytes.Buffer
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		if err := WriteYAML(&b, entries); err != nil {
			return nil, err
		}
	case ".csv":
		// Excel reads a CSV without a byte-order mark in the system's
		// code page: Shift_JIS on Japanese Windows, every answer garbled.
		b.WriteString(utf8BOM)
		w := csv.NewWriter(&b)
		w.Write(tableHeader)
		for _, e := range entries {
			w.Write(tableRow(e))
		}
		w.Flush()
		if err := w.Error(); err != nil {
			return nil, err
		}
	case ".tsv":
		// Quoted as Excel quotes it, where a tab or a line break would
		// split the field or a leading quote mark be taken for quoting
		// (see splitTSV).
		b.WriteString(strings.Join(tableHeader, "\t") + "\n")
		for _, e := range entries {
			row := tableRow(e)
			for i, f := range row {
				if strings.ContainsAny(f, "\t\r\n") || strings.HasPrefix(f, `"`) {
					row[i] = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
				}
			}
			b.WriteString(strings.Join(row, "\t") + "\n")
		}
	case ".xlsx":
		f := excelize.NewFile()
		defer f.Close()
		sh := "corpus"
		if err := f.SetSheetName("Sheet1", sh); err != nil {
			return nil, err
		}
		sw, err := f.NewStreamWriter(sh)
		if err != nil {
			return nil, err
		}
		write := func(r int, vals []string) error {
			row := make([]any, len(vals))
			for i, v := range vals {
				row[i] = v
			}
			cell, _ := excelize.CoordinatesToCellName(1, r)
			return sw.SetRow(cell, row)
		}
		if err := write(1, tableHeader); err != nil {
			return nil, err
		}
		for i, e := range entries {
			if err := write(i+2, tableRow(e)); err != nil {
				return nil, err
			}
		}
		if err := sw.Flush(); err != nil {
			return nil, err
		}
		if err := f.SetDocProps(&excelize.DocProperties{Creator: "qfill", Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z"}); err != nil {
			return nil, err
		}
		if err := f.Write(&b); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("%s: unknown corpus file type (want %s)", path, strings.Join(Extensions, ", "))
	}
	return b.Bytes(), nil
}
