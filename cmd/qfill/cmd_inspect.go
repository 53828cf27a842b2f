package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/qfill/qfill/pkg/sheet"
	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"
)

type inspectOptions struct {
	io     *iostreams
	file   string
	json   bool
	rows   bool
	layout layoutFlags
	open   openFlags
}

func newInspectCmd(io *iostreams) *cobra.Command {
	opts := &inspectOptions{io: io}
	cmd := &cobra.Command{
		Use:   "inspect FILE.xlsx",
		Short: "Show what the reader finds in a checklist (sheets, header, columns, questions)",
		Long: `Show, for every sheet, what qfill's reader found: the header row, the
question / answer / remarks / ID columns, the number of questions, the
choices of the answer cells, and why a sheet was skipped.
` + exitStatusHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.file = args[0]
			return inspectRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON")
	cmd.Flags().BoolVar(&opts.rows, "rows", false, "list every question row")
	opts.layout.register(cmd)
	opts.open.register(cmd, io)
	return cmd
}

// inspectSheet is the JSON view of one sheet.
type inspectSheet struct {
	Name      string   `json:"name"`
	Skipped   string   `json:"skipped,omitempty"`
	HeaderRow int      `json:"header_row,omitempty"`
	Headers   []int    `json:"header_rows,omitempty"`
	ID        string   `json:"id_col,omitempty"`
	Question  string   `json:"question_col,omitempty"`
	Detail    string   `json:"detail_col,omitempty"`
	Answer    string   `json:"answer_col,omitempty"`
	Remarks   string   `json:"remarks_col,omitempty"`
	Category  []string `json:"category_cols,omitempty"`
	Marks     []string `json:"mark_cols,omitempty"`
	Mark      string   `json:"mark,omitempty"`
	Extras    []string `json:"extra_cols,omitempty"`
	Questions int      `json:"questions"`
	Answered  int      `json:"answered"`
	Locked    int      `json:"locked,omitempty"`
	Protected int      `json:"protected,omitempty"`
	Choices   []string `json:"choices,omitempty"`
	// Boxes are the values of answer cells typed as check boxes.
	Boxes []string    `json:"check_boxes,omitempty"`
	Rows  []sheet.Row `json:"rows,omitempty"`
}

func colName(c int) string {
	if c <= 0 {
		return ""
	}
	s, _ := excelize.ColumnNumberToName(c)
	return s
}

func describe(s *sheet.Sheet, withRows bool) inspectSheet {
	v := inspectSheet{Name: s.Name, Skipped: s.Skipped}
	if s.Skipped != "" {
		return v
	}
	l := s.Layout
	v.HeaderRow, v.Headers = l.HeaderRow, s.Headers
	v.ID, v.Question, v.Detail, v.Answer, v.Remarks = colName(l.IDCol), colName(l.QuestionCol), colName(l.DetailCol), colName(l.AnswerCol), colName(l.RemarksCol)
	for _, c := range l.CategoryCols {
		v.Category = append(v.Category, colName(c))
	}
	for c, label := range l.MarkCols {
		v.Marks = append(v.Marks, colName(c)+"="+label)
	}
	sort.Strings(v.Marks)
	v.Mark = l.Mark
	for c, label := range l.ExtraCols {
		v.Extras = append(v.Extras, colName(c)+"="+label)
	}
	sort.Strings(v.Extras)
	seen := map[string]bool{}
	for _, r := range s.Rows {
		v.Questions++
		if r.Answered {
			v.Answered++
		}
		if r.Locked {
			v.Locked++
		}
		if r.Protected {
			v.Protected++
		}
		if len(r.Choices) > 0 && r.MarkCells == nil {
			k := strings.Join(r.Choices, "/")
			switch {
			case r.Boxes != "" && !seen["□"+k]:
				seen["□"+k] = true
				v.Boxes = append(v.Boxes, k)
			case r.Boxes == "" && !seen[k]:
				seen[k] = true
				v.Choices = append(v.Choices, k)
			}
		}
	}
	if withRows {
		v.Rows = s.Rows
	}
	return v
}

func inspectRun(opts *inspectOptions) error {
	if err := opts.open.check(); err != nil {
		return err
	}
	f, err := openWorkbook(opts.io, opts.file, opts.open.options())
	if err != nil {
		return explainInputErr(opts.file, err)
	}
	defer f.Close()
	ov, err := opts.layout.overrides(opts.file)
	if err != nil {
		return err
	}
	ov.MaxRows = opts.open.maxRows
	wb, readErr := sheet.Read(f.File, ov)
	if wb == nil {
		return explainInputErr(opts.file, readErr)
	}
	var out []inspectSheet
	for _, s := range wb.Sheets {
		out = append(out, describe(s, opts.rows))
	}
	if opts.json {
		enc := json.NewEncoder(opts.io.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"file": opts.file, "sheets": out}); err != nil {
			return err
		}
	} else {
		w := opts.io.Out
		fmt.Fprintf(w, "%s\n", opts.file)
		for _, s := range out {
			if s.Skipped != "" {
				fmt.Fprintf(w, "  %s skipped: %s\n", padRight(strconv.Quote(s.Name), 28), s.Skipped)
				continue
			}
			if s.HeaderRow == 0 {
				fmt.Fprintf(w, "  %s no header row", padRight(strconv.Quote(s.Name), 28))
			} else {
				fmt.Fprintf(w, "  %s header row %d", padRight(strconv.Quote(s.Name), 28), s.HeaderRow)
			}
			if len(s.Headers) > 1 {
				fmt.Fprintf(w, " (+%d more header rows)", len(s.Headers)-1)
			}
			fmt.Fprintf(w, "; question %s", s.Question)
			if s.Detail != "" {
				fmt.Fprintf(w, "+%s", s.Detail)
			}
			fmt.Fprintf(w, ", answer %s", s.Answer)
			if len(s.Marks) > 0 {
				fmt.Fprintf(w, " (%s in %s)", s.Mark, strings.Join(s.Marks, ", "))
			}
			if s.Remarks != "" {
				fmt.Fprintf(w, ", remarks %s", s.Remarks)
			}
			if s.ID != "" {
				fmt.Fprintf(w, ", id %s", s.ID)
			}
			if len(s.Category) > 0 {
				fmt.Fprintf(w, ", category %s", strings.Join(s.Category, ","))
			}
			if len(s.Extras) > 0 {
				fmt.Fprintf(w, ", more answers %s", strings.Join(s.Extras, ", "))
			}
			fmt.Fprintf(w, "\n  %-28s %d questions, %d answered", "", s.Questions, s.Answered)
			if s.Locked > 0 {
				fmt.Fprintf(w, ", %d formula answers (left alone)", s.Locked)
			}
			if s.Protected > 0 {
				fmt.Fprintf(w, ", %d answer cells locked by the sheet's protection (left alone)", s.Protected)
			}
			fmt.Fprintln(w)
			for _, c := range s.Choices {
				fmt.Fprintf(w, "  %-28s choices: %s\n", "", c)
			}
			for _, c := range s.Boxes {
				fmt.Fprintf(w, "  %-28s check boxes: %s\n", "", c)
			}
			for _, r := range s.Rows {
				fmt.Fprintf(w, "    %5d %-10s %-8s %s | %s", r.Row, r.ID, r.AnswerCell, trunc(r.Section, 30), trunc(r.Question, 70))
				if r.Follows != "" {
					fmt.Fprintf(w, " ← %s", trunc(r.Follows, 40))
				}
				fmt.Fprintln(w)
			}
		}
	}
	if readErr != nil {
		return explainInputErr(opts.file, readErr)
	}
	return nil
}

func trunc(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
