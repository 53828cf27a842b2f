package main

import (
	"bytes"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
)

// table lines up tab-separated cells by their width on a terminal, where
// a Japanese character takes two columns (text/tabwriter counts it as
// one, so a table with Japanese paths or questions came out ragged). It
// is written like a tabwriter: cells end with '\t', lines with '\n';
// Flush writes the table.
type table struct {
	w    io.Writer
	buf  bytes.Buffer
	rows [][]string
}

func newTable(w io.Writer) *table { return &table{w: w} }

func (t *table) Write(p []byte) (int, error) {
	t.buf.Write(p)
	for {
		line, err := t.buf.ReadString('\n')
		if err != nil {
			// An unfinished line waits for the rest.
			t.buf.Reset()
			t.buf.WriteString(line)
			return len(p), nil
		}
		t.rows = append(t.rows, strings.Split(strings.TrimSuffix(line, "\n"), "\t"))
	}
}

// Flush pads every cell but a line's last to its column's widest cell
// plus two spaces, and writes the lines.
func (t *table) Flush() error {
	if t.buf.Len() > 0 {
		t.rows = append(t.rows, strings.Split(t.buf.String(), "\t"))
		t.buf.Reset()
	}
	var widths []int
	for _, r := range t.rows {
		for i, c := range r[:len(r)-1] {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], runewidth.StringWidth(c))
		}
	}
	var out, line strings.Builder
	for _, r := range t.rows {
		line.Reset()
		for i, c := range r[:len(r)-1] {
			line.WriteString(c)
			line.WriteString(strings.Repeat(" ", widths[i]-runewidth.StringWidth(c)+2))
		}
		line.WriteString(r[len(r)-1])
		// An empty last cell would leave the padding of the one before.
		out.WriteString(strings.TrimRight(line.String(), " "))
		out.WriteString("\n")
	}
	t.rows = nil
	_, err := io.WriteString(t.w, out.String())
	return err
}

// padRight pads s with spaces to n terminal columns.
func padRight(s string, n int) string {
	return s + strings.Repeat(" ", max(0, n-runewidth.StringWidth(s)))
}
