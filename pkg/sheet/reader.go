// Package sheet reads a customer's checklist workbook: it finds the sheets
// that are questionnaires, their header rows, the question, answer, remarks
// and ID columns, every question row with its section, and the values a
// dropdown answer cell allows.
//
// Nothing here writes. The reader works from the workbook as the customer
// sees it: hidden sheets are not checklists, a merged cell has one value (its
// top-left), formula cells show their cached value.
package sheet

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Errors callers branch on.
var (
	ErrNoQuestionColumn = errors.New("no question column found")
)

// Overrides pin what the reader would otherwise guess. Columns are letters
// ("C"); zero values mean "find it". The one definition of a layout: the
// flags, a mapping file and a qfill.yaml sheet all fill this, with these
// YAML names.
type Overrides struct {
	Sheet       string `yaml:"sheet,omitempty"`
	HeaderRow   int    `yaml:"header_row,omitempty"`
	QuestionCol string `yaml:"question_col,omitempty"`
	AnswerCol   string `yaml:"answer_col,omitempty"`
	RemarksCol  string `yaml:"remarks_col,omitempty"`
	IDCol       string `yaml:"id_col,omitempty"`
	// MaxRows bounds the rows read from one sheet (0: DefaultMaxRows).
	// It is a resource limit, not layout: mapping files do not set it.
	MaxRows int `yaml:"-"`
}

// Merge returns o with every field that top sets taken from top.
func (o Overrides) Merge(top Overrides) Overrides {
	if top.Sheet != "" {
		o.Sheet = top.Sheet
	}
	if top.HeaderRow > 0 {
		o.HeaderRow = top.HeaderRow
	}
	for _, p := range []struct {
		dst *string
		v   string
	}{{&o.QuestionCol, top.QuestionCol}, {&o.AnswerCol, top.AnswerCol}, {&o.RemarksCol, top.RemarksCol}, {&o.IDCol, top.IDCol}} {
		if p.v != "" {
			*p.dst = p.v
		}
	}
	if top.MaxRows > 0 {
		o.MaxRows = top.MaxRows
	}
	return o
}

// Layout is where a sheet keeps its table.
type Layout struct {
	HeaderRow   int `json:"header_row"`
	IDCol       int `json:"id_col,omitempty"`
	QuestionCol int `json:"question_col"`
	DetailCol   int `json:"detail_col,omitempty"`
	AnswerCol   int `json:"answer_col"`
	RemarksCol  int `json:"remarks_col,omitempty"`
	// CategoryCols hold headings that apply to the rows under them.
	CategoryCols []int `json:"category_cols,omitempty"`
	// MarkCols is set when the answer is an "x" in one of several columns
	// (Yes | No | Not Applicable); the map goes from column to choice label.
	MarkCols map[int]string `json:"mark_cols,omitempty"`
	// Mark is what goes in the chosen column: the mark the sheet's
	// answered rows already use (○, x, X), or, on a sheet without any,
	// ○ under Japanese labels and x under others.
	Mark string `json:"mark,omitempty"`
	// ExtraCols are further answer columns, from column to header label:
	// a labelled column right of the question, of no other role, whose
	// cells on the question rows take a dropdown the vendor fills (CAIQ
	// v4's SSRM Control Ownership). A column without a dropdown is not
	// taken: free text there could as well be the customer's.
	ExtraCols map[int]string `json:"extra_cols,omitempty"`
}

// Row is one question in a checklist.
type Row struct {
	Row      int    `json:"row"`
	ID       string `json:"id,omitempty"`
	Question string `json:"question"`
	Section  string `json:"section,omitempty"`
	// Follows is the question a follow-up row refers back to (上記で
	// 「はい」の場合、その頻度; see FollowUp): the one above it that is no
	// follow-up itself.
	Follows string `json:"follows,omitempty"`
	// AnswerCell is where the answer goes ("D12").
	AnswerCell string `json:"answer_cell"`
	// Answer is the cell's current text; Answered is false when it is
	// empty or a placeholder.
	Answer   string `json:"answer,omitempty"`
	Answered bool   `json:"answered"`
	// Locked is set when the answer cell (or one of its mark cells) holds
	// a formula: qfill never replaces a formula. Protected is set when
	// one is locked in a protected sheet.
	Locked    bool `json:"locked,omitempty"`
	Protected bool `json:"protected,omitempty"`
	// SharedWith names the top-left cell of an answer area merged over
	// several questions; only the first of them is answered there.
	SharedWith string `json:"shared_with,omitempty"`
	// RemarksCell is empty when the row's remarks cell holds a formula
	// or is locked in a protected sheet; such an extra answer cell is
	// left out of Extras.
	RemarksCell string `json:"remarks_cell,omitempty"`
	Remarks     string `json:"remarks,omitempty"`
	// AnswerInput and RemarksInput are what the cells' input rules (a
	// validation other than a list) allow; nil for anything.
	AnswerInput  *Input `json:"answer_input,omitempty"`
	RemarksInput *Input `json:"remarks_input,omitempty"`
	// Choices lists the values a dropdown answer cell allows; empty means
	// free text.
	Choices []string `json:"choices,omitempty"`
	// HintChoices are the values the answer column's header names for a
	// cell without a dropdown (回答（はい／いいえ）, 対応状況（○/×）): the
	// writer puts one there when the entry says which, and the text
	// otherwise.
	HintChoices []string `json:"hint_choices,omitempty"`
	// Boxes is the text of an answer cell typed as check boxes (□はい
	// □いいえ): Choices are its labels, Answer the label ticked, and the
	// writer ticks one (TickBox) instead of replacing the text.
	Boxes string `json:"boxes,omitempty"`
	// MarkCells maps a choice label to the cell that takes a mark for it,
	// and Mark is the mark (Layout.Mark).
	MarkCells map[string]string `json:"mark_cells,omitempty"`
	Mark      string            `json:"-"`
	// Extras are the row's other answer cells (see Layout.ExtraCols).
	Extras []Extra `json:"extras,omitempty"`
}

// Extra is a second answer cell of a row: CAIQ v4's "SSRM Control
// Ownership" beside its Yes/No/NA answer.
type Extra struct {
	// Label is the column's header text, which names the answer.
	Label string `json:"label"`
	Cell  string `json:"cell"`
	Value string `json:"value,omitempty"`
	// Choices are the values the cell's dropdown allows.
	Choices []string `json:"choices,omitempty"`
}

// Sheet is one worksheet as the reader understood it.
type Sheet struct {
	Name    string `json:"name"`
	Layout  Layout `json:"layout"`
	Headers []int  `json:"header_rows"`
	Rows    []Row  `json:"rows"`
	// Skipped explains why the sheet is not a checklist; empty when it is.
	Skipped string `json:"skipped,omitempty"`
}

// Workbook is the reader's view of a file.
type Workbook struct {
	Sheets []*Sheet
}

// Checklists returns the sheets that hold questions.
func (w *Workbook) Checklists() []*Sheet {
	var out []*Sheet
	for _, s := range w.Sheets {
		if s.Skipped == "" {
			out = append(out, s)
		}
	}
	return out
}

// Questions counts question rows over all checklists.
func (w *Workbook) Questions() int {
	n := 0
	for _, s := range w.Checklists() {
		n += len(s.Rows)
	}
	return n
}

// Read finds the checklists in an open workbook. It returns
// ErrNoQuestionColumn (wrapped, naming the sheets tried) when no sheet has
// one.
func Read(f *excelize.File, ov Overrides) (wb *Workbook, err error) {
	// excelize can panic on hostile packages (bad references, huge
	// dimensions): such a file ends in an error, never a crash.
	defer func() {
		if r := recover(); r != nil {
			wb, err = nil, fmt.Errorf("%w: %v", ErrCorruptZip, r)
		}
	}()
	wb = &Workbook{}
	names := f.GetSheetList()
	if ov.Sheet != "" {
		found := false
		for _, n := range names {
			if n == ov.Sheet {
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("no sheet named %q (sheets: %s)", ov.Sheet, strings.Join(names, ", "))
		}
	}
	dn := newNames(f)
	parts := rawParts(f)
	// The parts' own paths, whether or not the reader takes a sheet's
	// rows and formulas from its XML (tests read with parts nil).
	paths := parts
	if paths == nil {
		paths = sheetParts(f)
	}
	raws := map[string]*rawSheet{}
	var tooLarge error // the first sheet refused for its size
	for _, name := range names {
		s := &Sheet{Name: name}
		wb.Sheets = append(wb.Sheets, s)
		if ov.Sheet != "" && name != ov.Sheet {
			s.Skipped = "not the sheet chosen with --sheet"
			continue
		}
		if vis, err := f.GetSheetVisible(name); err == nil && !vis && ov.Sheet == "" {
			s.Skipped = "hidden sheet"
			continue
		}
		raws[name] = rawWorksheet(f, parts, name)
		if err := readSheet(f, dn, s, ov, raws[name], pkgPart(f, paths[name])); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				// The XML decoder's bare EOF says nothing to a user.
				return nil, fmt.Errorf("%w: sheet %q ends in the middle of its XML", ErrCorruptZip, name)
			}
			err = fmt.Errorf("sheet %q: %w", name, quoting{err})
			if errors.Is(err, ErrTooManyRows) || errors.Is(err, ErrTooManyCells) || errors.Is(err, ErrHugeMerge) {
				// A tab of data beside the checklist (a log, an asset
				// list) is passed over as too large to be one; the
				// workbook is refused only when no sheet is a checklist.
				s.Skipped = quoting{errors.Unwrap(err)}.Error()
				if tooLarge == nil {
					tooLarge = err
				}
				continue
			}
			return nil, err
		}
	}
	if ov.Sheet == "" {
		skipCopies(f, wb, raws)
		skipExamples(wb)
	}
	if len(wb.Checklists()) == 0 {
		if tooLarge != nil {
			return nil, tooLarge
		}
		var tried []string
		for _, s := range wb.Sheets {
			if s.Skipped != "hidden sheet" {
				tried = append(tried, fmt.Sprintf("%q", s.Name))
			}
		}
		return wb, fmt.Errorf("%w (sheets tried: %s)", ErrNoQuestionColumn, strings.Join(tried, ", "))
	}
	return wb, nil
}

func readSheet(f *excelize.File, dn *names, s *Sheet, ov Overrides, rs *rawSheet, part []byte) error {
	g, err := loadGrid(f, s.Name, ov.MaxRows, rs)
	if err != nil {
		return err
	}
	if len(g.cells) == 0 {
		s.Skipped = "empty sheet"
		return nil
	}
	lay, headers, reason := findLayout(g, ov)
	if reason != "" {
		s.Skipped = reason
		return nil
	}
	s.Layout, s.Headers = lay, headers
	dvs, err := readValidations(f, rs, dn, s.Name)
	if err != nil {
		return err
	}
	keep := newUntouched(f, rs, s.Name, part)
	s.Rows = readRows(f, g, s.Name, lay, headers, dvs, dn, keep)
	if lay.MarkCols != nil {
		s.Layout.Mark = sheetMark(g, lay, s.Rows)
		for i := range s.Rows {
			s.Rows[i].Mark = s.Layout.Mark
		}
	}
	markPresetAnswers(s.Rows)
	s.Layout.ExtraCols = extraCols(g, s.Layout, s.Rows, dvs)
	for i := range s.Rows {
		r := &s.Rows[i]
		for _, c := range sortedCols(s.Layout.ExtraCols) {
			cell, _ := excelize.CoordinatesToCellName(c, r.Row)
			if keep.either(cell) {
				continue
			}
			r.Extras = append(r.Extras, Extra{Label: s.Layout.ExtraCols[c], Cell: cell, Value: strings.TrimSpace(g.text(r.Row, c)), Choices: dvs.choicesAt(c, r.Row)})
		}
	}
	locked := 0
	for _, r := range s.Rows {
		if r.Locked {
			locked++
		}
	}
	switch {
	case len(s.Rows) == 0:
		s.Skipped = fmt.Sprintf("header found on row %d, but no question rows under it", lay.HeaderRow)
	case locked == len(s.Rows):
		s.Skipped = fmt.Sprintf("every answer cell in column %s holds a formula (a report or evaluation sheet)", colLetter(lay.AnswerCol))
		s.Rows = nil
	}
	return nil
}
