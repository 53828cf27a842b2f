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
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/qfill/qfill/pkg/cellval"
	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/textnorm"
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
	// Locked is set when the answer cell holds a formula: qfill never
	// replaces a formula.
	Locked bool `json:"locked,omitempty"`
	// SharedWith names the top-left cell of an answer area merged over
	// several questions; only the first of them is answered there.
	SharedWith  string `json:"shared_with,omitempty"`
	RemarksCell string `json:"remarks_cell,omitempty"`
	Remarks     string `json:"remarks,omitempty"`
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
		if err := readSheet(f, dn, s, ov); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				// The XML decoder's bare EOF says nothing to a user.
				return nil, fmt.Errorf("%w: sheet %q ends in the middle of its XML", ErrCorruptZip, name)
			}
			return nil, fmt.Errorf("sheet %q: %w", name, quoting{err})
		}
	}
	if ov.Sheet == "" {
		skipCopies(f, wb)
		skipExamples(wb)
	}
	if len(wb.Checklists()) == 0 {
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

// grid is a sheet's cell text with merges resolved.
type grid struct {
	cells [][]string // [row-1][col-1], values of top-left cells only
	// cover maps a covered cell (not the top-left of its merge) to the
	// merge's top-left; area maps every top-left to its merge.
	cover      map[[2]int][2]int
	area       map[[2]int][4]int // top-left -> r1,c1,r2,c2
	hiddenRows map[int]bool
	hiddenCols map[int]bool
	maxCol     int
}

func (g *grid) text(r, c int) string {
	if r < 1 || c < 1 || r > len(g.cells) || c > len(g.cells[r-1]) {
		return ""
	}
	return g.cells[r-1][c-1]
}

// covered reports whether (r,c) lies inside a merge and is not its
// top-left, which means the cell has no value of its own.
func (g *grid) covered(r, c int) bool {
	_, ok := g.cover[[2]int{r, c}]
	return ok
}

// spanText returns the value shown at (r,c): the top-left value of the
// merge it belongs to, or its own.
func (g *grid) spanText(r, c int) string {
	if tl, ok := g.cover[[2]int{r, c}]; ok {
		return g.text(tl[0], tl[1])
	}
	return g.text(r, c)
}

// maxScanRows bounds where the first header row may be.
const maxScanRows = 60

// DefaultMaxRows bounds the rows read from one sheet. Checklists run to a
// few thousand rows; a sheet far longer is a data dump, and reading it
// whole would cost memory in proportion to its size (excelize keeps a
// loaded worksheet as one struct per cell).
const DefaultMaxRows = 100_000

// maxMergedCells bounds the cells covered by merges in one sheet. A real
// checklist merges category cells down a few thousand rows; a million
// covered cells is far beyond that.
const maxMergedCells = 1_000_000

func loadGrid(f *excelize.File, name string, maxRows int) (*grid, error) {
	if maxRows <= 0 {
		maxRows = DefaultMaxRows
	}
	// Rows are streamed from the part, and the limit is checked before
	// anything loads the worksheet whole (merges, visibility and
	// validations do), so a sheet with a million rows costs one row of
	// memory before it is refused.
	it, err := f.Rows(name)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	rows := make([][]string, 0, 64)
	hidden := map[int]bool{}
	for cur := 1; it.Next(); cur++ {
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		if cur <= maxRows && it.GetRowOpts().Hidden {
			hidden[cur] = true
		}
		if len(row) == 0 {
			continue
		}
		if cur > maxRows {
			return nil, fmt.Errorf("%w: row %d has text, and qfill reads at most %d rows of a sheet (raise the limit with --max-rows)", ErrTooManyRows, cur, maxRows)
		}
		for len(rows) < cur-1 {
			rows = append(rows, nil)
		}
		rows = append(rows, row)
	}
	if err := it.Error(); err != nil {
		return nil, err
	}
	for r := range hidden {
		if r > len(rows) {
			delete(hidden, r) // below the last row with text
		}
	}
	g := &grid{cells: rows, cover: map[[2]int][2]int{}, area: map[[2]int][4]int{}, hiddenRows: hidden, hiddenCols: map[int]bool{}}
	for _, r := range rows {
		if len(r) > g.maxCol {
			g.maxCol = len(r)
		}
	}
	merges, err := f.GetMergeCells(name)
	if err != nil {
		return nil, err
	}
	// Every covered cell is recorded, so a hostile merge (A1:XFD100000)
	// would cost billions of entries: the cells under merges are bounded.
	budget := maxMergedCells
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r2 < r1 || c2 < c1 {
			continue
		}
		if r2 > len(rows) {
			r2 = max(r1, len(rows))
		}
		g.area[[2]int{r1, c1}] = [4]int{r1, c1, r2, c2}
		c2 = min(c2, g.maxCol+1)
		if budget -= (r2 - r1 + 1) * max(0, c2-c1+1); budget < 0 {
			return nil, fmt.Errorf("%w: they cover more than %d cells", ErrHugeMerge, maxMergedCells)
		}
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r != r1 || c != c1 {
					g.cover[[2]int{r, c}] = [2]int{r1, c1}
				}
			}
		}
	}
	// Stale values under merges (left by copy-paste) are not what the
	// customer sees: blank them.
	for k := range g.cover {
		r, c := k[0], k[1]
		if r <= len(rows) && c <= len(rows[r-1]) {
			rows[r-1][c-1] = ""
		}
	}
	for c := 1; c <= g.maxCol; c++ {
		col, _ := excelize.ColumnNumberToName(c)
		if vis, err := f.GetColVisible(name, col); err == nil && !vis {
			g.hiddenCols[c] = true
		}
	}
	for i := range rows {
		for j := range rows[i] {
			rows[i][j] = strings.TrimRight(rows[i][j], " \t\r\n")
		}
	}
	return g, nil
}

// header is a candidate header row.
type header struct {
	row        int
	answerOnly bool
	roles      map[int]Role // column -> role
	scores     map[int]float64
	score      float64
}

func (h header) col(r Role) int {
	best, bs := 0, 0.0
	for c, role := range h.roles {
		if role == r && (h.scores[c] > bs || h.scores[c] == bs && c < best) {
			best, bs = c, h.scores[c]
		}
	}
	return best
}

// scanHeader classifies the cells of row r.
func scanHeader(g *grid, r int, answerGiven bool) header {
	h := header{row: r, roles: map[int]Role{}, scores: map[int]float64{}}
	filled := 0
	long := 0
	for c := 1; c <= len(g.cells[r-1]); c++ {
		t := g.text(r, c)
		if t == "" {
			continue
		}
		filled++
		if len([]rune(t)) > maxLabelRunes {
			long++
			continue
		}
		role, s := classify(t)
		if role != RoleNone && s >= 0.4 {
			h.roles[c], h.scores[c] = role, s
		}
	}
	// A header row is mostly labels: a content row that happens to contain
	// the word "answer" must not win.
	if filled == 0 || long > filled/2 {
		return header{row: r}
	}
	// A header that names the answer only by its values, one column each
	// (診断項目 | 実施している | 一部実施している | 実施していない):
	// the first of them is the answer.
	named := false
	for _, role := range h.roles {
		named = named || role == RoleAnswer
	}
	if !named {
		for c := 1; c <= len(g.cells[r-1]); c++ {
			if markRun(g, r, c) != nil {
				h.roles[c], h.scores[c] = RoleAnswer, 0.8
				break
			}
		}
	}
	has := map[Role]bool{}
	for c, role := range h.roles {
		if !has[role] && role != RoleOther {
			h.score += h.scores[c]
		}
		has[role] = true
	}
	switch {
	case has[RoleAnswer] || answerGiven:
		// An answer label alone ("Use Case Information | Summary Answers |
		// Guidance") is a header too; layoutFor then needs the cells below
		// to show an ID and a question column.
		h.answerOnly = !(has[RoleQuestion] || has[RoleID] || has[RoleRemarks] || has[RoleDetail]) && !answerGiven
	case has[RoleRemarks] && has[RoleQuestion] && (has[RoleID] || has[RoleCategory]):
		// No answer label but a question, an ID and a comments column:
		// the comments column is where answers go (CAIQ v1.1).
	default:
		h.score = 0
	}
	return h
}

var (
	// exampleRow marks a template's worked example: a bracketed or
	// labelled 記入例 / 例 / Example opening the question, or a first cell
	// that says only that (例, 記入例, 例1, Example).
	exampleRow = regexp.MustCompile(`(?i)^\s*([（(【\[]\s*(` + exampleWords + `|例|example|sample)\s*[0-9０-９]*\s*[）)】\]]|(` + exampleWords + `)|例\s*[0-9０-９]*\s*$|(example|sample)\s*[0-9]*\s*([:：]|$))`)
	// titleMark starts a part's title written in the question column:
	// ■ 組織的対策, 【アクセス管理】, 第3章 物理的対策, [Access Control].
	titleMark = regexp.MustCompile(`^\s*([■□◆◇▼▽▶▷]|第\s*[0-9０-９一二三四五六七八九十]+\s*[章節部編])|^\s*[【\[［〔][^】\]］〕]*[】\]］〕]\s*$`)
	// noteMark starts a note to the reader: ※…, （注）…, Note: ….
	noteMark = regexp.MustCompile(`(?i)^\s*(※|[（(]\s*注\s*[）)]|注\s*[)）:：]|note\s*:|nb\s*:)`)
	// endMarkers end a table or are footers, never questions.
	endMarker = regexp.MustCompile(`(?i)^(end table data|end of standard|end of (the )?(questionnaire|table|list)|以上|―以上―|-以上-)$|copyright|all rights reserved|^©|^\(c\) `)
	// hyperlinkText pulls the label out of HYPERLINK("url","label").
	hyperlinkText = regexp.MustCompile(`(?i)HYPERLINK\(\s*"[^"]*"\s*[,;]\s*"((?:[^"]|"")*)"\s*\)`)
)

func readSheet(f *excelize.File, dn *names, s *Sheet, ov Overrides) error {
	g, err := loadGrid(f, s.Name, ov.MaxRows)
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
	dvs, err := readValidations(f, dn, s.Name)
	if err != nil {
		return err
	}
	s.Rows = readRows(f, g, s.Name, lay, headers, dvs)
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

func colNum(letters string) (int, error) {
	if letters == "" {
		return 0, nil
	}
	n, err := excelize.ColumnNameToNumber(strings.ToUpper(strings.TrimSpace(letters)))
	if err != nil {
		return 0, fmt.Errorf("bad column %q: %w", letters, err)
	}
	return n, nil
}

// findLayout picks the header row and the columns. It returns a reason
// when the sheet is not a checklist.
func findLayout(g *grid, ov Overrides) (Layout, []int, string) {
	qc, _ := colNum(ov.QuestionCol)
	ac, _ := colNum(ov.AnswerCol)
	rc, _ := colNum(ov.RemarksCol)
	ic, _ := colNum(ov.IDCol)
	var (
		lay    Layout
		best   header
		reason = "no header row with an answer column and a question, ID or remarks column in the first 60 rows"
	)
	try := func(h header) bool {
		l, why := layoutFor(g, h, qc, ac, rc, ic)
		if why != "" {
			// Keep the explanation of the likeliest header: one with more
			// than an answer label.
			if !h.answerOnly || ov.HeaderRow > 0 {
				reason = why
			}
			return false
		}
		lay, best = l, h
		return true
	}
	if ov.HeaderRow > 0 {
		if ov.HeaderRow > len(g.cells) {
			return Layout{}, nil, fmt.Sprintf("--header-row %d is past the last row (%d)", ov.HeaderRow, len(g.cells))
		}
		if !try(scanHeader(g, ov.HeaderRow, ac > 0)) {
			return Layout{}, nil, reason
		}
	} else {
		// The first row that works as a header wins: later ones are the
		// same header repeated for another section.
		found := false
		for r := 1; r <= min(len(g.cells), maxScanRows) && !found; r++ {
			if g.hiddenRows[r] {
				continue
			}
			// With the columns named, two question cells in a row that ask
			// are the first questions (one alone may be an instruction
			// above the header): whatever is above them heads the table,
			// and a sheet without a header row starts at row 1.
			if qc > 0 && ac > 0 && asks(g.text(r, qc)) && asks(g.text(r+1, qc)) {
				found = try(header{row: r - 1, roles: map[int]Role{}, scores: map[int]float64{}})
				break
			}
			if h := scanHeader(g, r, ac > 0); h.score > 0 {
				found = try(h)
			}
		}
		if !found {
			return Layout{}, nil, reason
		}
	}
	headers := []int{best.row}
	if ac == 0 {
		flatMarkCols(g, &lay, best.row)
	}
	if rc == 0 {
		answerDetailCol(g, &lay, best.row)
	}
	lastHeader := findMarkCols(g, &lay, best.row)
	if lay.MarkCols == nil && ac == 0 {
		lastHeader = max(lastHeader, splitAnswerCols(g, &lay, best.row, rc == 0))
	}
	// Stacked header rows: data starts below the last row that is still
	// part of a header merge.
	if a, ok := g.area[[2]int{best.row, lay.AnswerCol}]; ok && a[2] > lastHeader {
		lastHeader = a[2]
	}
	for r := best.row + 1; r <= lastHeader; r++ {
		headers = append(headers, r)
	}
	// Headers repeated for each section (HECVAT, WSTG): the same answer
	// label in the same column.
	ansKey := textnorm.Key(g.text(best.row, lay.AnswerCol))
	// A label in the answer cells of most rows is the template's hint of
	// the values (はい／いいえ／該当なし in every row), not a header.
	hints, rows := map[string]int{}, 0
	for r := lastHeader + 1; r <= len(g.cells); r++ {
		if g.text(r, lay.QuestionCol) != "" {
			rows++
			hints[textnorm.Key(g.text(r, lay.AnswerCol))]++
		}
	}
	for r := lastHeader + 1; r <= len(g.cells); r++ {
		// A row asking a question is no header, whatever its answer cell
		// says: templates put hints such as 「はい／いいえ」 in every one.
		t := g.text(r, lay.AnswerCol)
		if t == "" || asks(g.text(r, lay.QuestionCol)) {
			continue
		}
		// Nor is a row whose answer cell is check boxes to tick.
		if _, _, boxes := readBoxes(t); boxes {
			continue
		}
		if ansKey != "" && textnorm.Key(t) == ansKey {
			headers = append(headers, r)
			continue
		}
		if hints[textnorm.Key(t)]*2 > rows {
			continue
		}
		if role, sc := classify(t); (role == RoleAnswer || role == RoleRemarks) && sc >= 0.6 {
			if h := scanHeader(g, r, false); h.score > 0 {
				headers = append(headers, r)
			}
		}
	}
	// The first header may name fewer columns than the repeats (HECVAT
	// v4 "General Information | Answer"); take the remarks column from them.
	if lay.RemarksCol == 0 && rc == 0 {
		for _, r := range headers[1:] {
			h := scanHeader(g, r, true)
			if c := firstRight(h, RoleRemarks, lay.AnswerCol); c > lay.AnswerCol && c != lay.DetailCol {
				lay.RemarksCol = c
				break
			}
		}
	}
	return lay, headers, ""
}

// asks reports whether a cell ends as a question does.
// A request is a question too (〜を教えてください。, 〜ですか。, "Describe
// your backup process.").
func asks(t string) bool {
	t = strings.TrimRight(strings.TrimSpace(t), "。.．")
	return strings.HasSuffix(t, "?") || strings.HasSuffix(t, "？") || strings.HasSuffix(t, "か") ||
		request.MatchString(t)
}

// request: a sentence that asks for an answer without a question mark.
var request = regexp.MustCompile(`(ください|下さい|願います|お願いします)$|^(?i:(please )?(describe|explain|provide|list|specify|state|indicate|outline|identify)) `)

// colProfile describes the cells under a header in one column.
type colProfile struct {
	filled  int
	idLike  int
	avgLen  float64
	asks    int // cells ending in a question mark
	samples int
	// distinct counts the different texts among the filled cells;
	// repeats, the filled cells that repeat the filled cell above them.
	distinct, repeats int
	// japanese counts the cells with kana or kanji in them.
	japanese int
}

// idPattern matches question IDs: "A&A-01.1", "AIS- 02.2", "1.10", "Q3",
// "GNRL-01", "G-SM-A-1-1", "MSTG-ARCH-1", "C003-1-01".
var idPattern = regexp.MustCompile(`^(?i:[a-z][a-z0-9&]{0,11}(?:[-_ .]{0,2}[a-z0-9]{1,8}){0,5}|[0-9]{1,4}(?:[-.][0-9]{1,4}){0,3}[.)]?)$`)

func profile(g *grid, h header, col int) colProfile {
	var p colProfile
	var total float64
	seen := map[string]bool{}
	above := ""
	end := min(len(g.cells), h.row+60)
	for r := h.row + 1; r <= end; r++ {
		p.samples++
		t := strings.TrimSpace(g.text(r, col))
		if t == "" {
			continue
		}
		p.filled++
		if !seen[t] {
			seen[t] = true
			p.distinct++
		}
		if t == above {
			p.repeats++
		}
		above = t
		n := len([]rune(t))
		total += float64(n)
		if n <= 24 && idPattern.MatchString(t) && strings.ContainsAny(t, "0123456789") {
			p.idLike++
		}
		if asks(t) {
			p.asks++
		}
		if textnorm.HasCJK(t) {
			p.japanese++
		}
	}
	if p.filled > 0 {
		p.avgLen = total / float64(p.filled)
	}
	return p
}

// layoutFor chooses the columns under header h, checking the labels
// against the cells below them. Overrides (non-zero) win.
func layoutFor(g *grid, h header, qc, ac, rc, ic int) (Layout, string) {
	lay := Layout{HeaderRow: h.row}
	lay.AnswerCol = pick(ac, h.col(RoleAnswer))
	remarksAsAnswer := false
	if lay.AnswerCol == 0 {
		// CAIQ v1.1 has only "Comments and Notes": where there is no
		// answer column, the remarks column takes the answer.
		lay.AnswerCol = h.col(RoleRemarks)
		remarksAsAnswer = true
	}
	if lay.AnswerCol == 0 {
		return lay, fmt.Sprintf("row %d: no answer column", h.row)
	}
	profiles := map[int]colProfile{}
	prof := func(c int) colProfile {
		if p, ok := profiles[c]; ok {
			return p
		}
		p := profile(g, h, c)
		profiles[c] = p
		return p
	}
	// Question: a labelled column whose cells read like questions, or an
	// unlabelled one left of the answer with the longest text.
	lay.QuestionCol = qc
	if lay.QuestionCol == 0 {
		bestScore := 0.0
		maxCol := g.maxCol
		for c := 1; c <= maxCol; c++ {
			if c == lay.AnswerCol {
				continue
			}
			role := h.roles[c]
			p := prof(c)
			if p.filled < 2 || p.avgLen < 8 || p.idLike*2 > p.filled {
				continue
			}
			var s float64
			switch role {
			case RoleQuestion:
				s = 1 + h.scores[c]
			case RoleNone, RoleDetail:
				if c > lay.AnswerCol {
					continue
				}
				s = 0.5
			default:
				continue
			}
			if c > lay.AnswerCol {
				s -= 0.6
			}
			// Longer text and question marks make a question column.
			s += math.Min(p.avgLen, 80) / 160
			s += float64(p.asks) / float64(p.filled) / 4
			s += float64(p.filled) / float64(p.samples) / 4
			if s > bestScore {
				lay.QuestionCol, bestScore = c, s
			}
		}
		// Failing that, a column labelled as the question that lists
		// short items of its own (サービスレベル項目: サービス稼働率,
		// 障害通知時間), not a category repeated down a group. An item may
		// come back under another category (保存期間 under ログ, then
		// under バックアップ), but not on the next row.
		for c := 1; c < lay.AnswerCol && lay.QuestionCol == 0; c++ {
			if p := prof(c); h.roles[c] == RoleQuestion && p.filled >= 2 && p.avgLen >= 3 && p.idLike == 0 && p.repeats*10 < p.filled {
				lay.QuestionCol = c
			}
		}
	}
	if lay.QuestionCol == 0 {
		return lay, fmt.Sprintf("header on row %d has an answer column but no question column could be found", h.row)
	}
	if lay.QuestionCol == lay.AnswerCol {
		return lay, "question and answer columns are the same"
	}
	// Item | description (項目 | 内容): the longer description wins above,
	// but the item name comes first and both are read. Beside a column
	// that is plainly the question (項目 | 確認内容), the item name must be
	// one of its own on every row, short, unlike its neighbours': a
	// category repeated down a group says nothing of the row's ask.
	if left := lay.QuestionCol - 1; qc == 0 && left >= 1 && (h.roles[left] == RoleQuestion || h.roles[left] == RoleCategory) && h.scores[left] <= h.scores[lay.QuestionCol] && left != lay.AnswerCol {
		pl, pq := prof(left), prof(lay.QuestionCol)
		weak := h.roles[left] == RoleQuestion && h.scores[lay.QuestionCol] < 0.9 && pl.filled*2 >= pq.filled && pl.idLike*2 <= pl.filled
		label := pl.filled >= pq.filled && pl.distinct*10 >= pl.filled*9 && pl.avgLen <= 20 && pl.idLike == 0
		// 質問 | Question: the same questions in two languages. Both are
		// read, so the corpus's language is found whichever it is, as
		// when the English column comes first (read below as a
		// description).
		translated := h.roles[left] == RoleQuestion && pl.filled == pq.filled && pl.avgLen >= 8 && (onlyJapanese(pl) && noJapanese(pq) || onlyJapanese(pq) && noJapanese(pl))
		if weak || label || translated {
			lay.DetailCol, lay.QuestionCol = lay.QuestionCol, left
		}
	}
	if !remarksAsAnswer {
		lay.RemarksCol = pick(rc, firstRight(h, RoleRemarks, lay.AnswerCol))
	} else if rc > 0 {
		lay.RemarksCol = rc
	}
	// ID: a labelled column left of the question whose cells look like IDs,
	// or else any such column (SAMM keeps its IDs in a hidden, unlabelled
	// column A; HECVAT puts the section name where the label would be).
	lay.IDCol = ic
	if lay.IDCol == 0 {
		bestID := 0.0
		for c := 1; c < lay.QuestionCol; c++ {
			if r := h.roles[c]; r == RoleOther || r == RoleCategory {
				continue
			}
			p := prof(c)
			if p.filled < 2 {
				continue
			}
			ratio := float64(p.idLike) / float64(p.filled)
			s := ratio
			if h.roles[c] == RoleID {
				s += 0.5
			}
			if ratio >= 0.6 && s >= bestID {
				lay.IDCol, bestID = c, s
			}
		}
	}
	// A description beside an item name (項目 | 内容, Test Name |
	// Objectives) belongs to the question.
	for c, role := range h.roles {
		if c == lay.QuestionCol || c == lay.AnswerCol {
			continue
		}
		if (role == RoleDetail || role == RoleQuestion) && c > lay.QuestionCol && c < lay.AnswerCol && (lay.DetailCol == 0 || c < lay.DetailCol) && c != lay.IDCol {
			lay.DetailCol = c
		}
	}
	if h.answerOnly && (lay.IDCol == 0 || h.roles[lay.QuestionCol] != RoleNone) {
		return lay, fmt.Sprintf("row %d names only an answer column and no ID column shows below it", h.row)
	}
	if lay.RemarksCol == lay.DetailCol || lay.RemarksCol == lay.AnswerCol {
		lay.RemarksCol = 0
	}
	for c, role := range h.roles {
		if role == RoleCategory && (c < lay.QuestionCol || c > max(lay.AnswerCol, lay.RemarksCol)) && c != lay.IDCol {
			lay.CategoryCols = append(lay.CategoryCols, c)
		}
	}
	sort.Ints(lay.CategoryCols)
	return lay, ""
}

func onlyJapanese(p colProfile) bool { return p.filled > 0 && p.japanese == p.filled }
func noJapanese(p colProfile) bool   { return p.japanese == 0 }

func pick(override, found int) int {
	if override > 0 {
		return override
	}
	return found
}

func firstRight(h header, r Role, col int) int {
	best := 0
	for c, role := range h.roles {
		if role == r && c > col && (best == 0 || c < best) {
			best = c
		}
	}
	if best == 0 {
		return h.col(r)
	}
	return best
}

// findMarkCols detects Yes | No | N/A sub-headers under a merged answer
// header, where an answer is an "x" in one column. It returns the last
// header row.
func findMarkCols(g *grid, lay *Layout, hr int) int {
	a, ok := g.area[[2]int{hr, lay.AnswerCol}]
	if !ok || a[3] == a[1] {
		return hr
	}
	for r := hr + 1; r <= min(hr+3, len(g.cells)); r++ {
		marks := map[int]string{}
		for c := a[1]; c <= a[3]; c++ {
			t := g.text(r, c)
			if t == "" {
				continue
			}
			if ch := choiceOf(t); ch != "" {
				marks[c] = t
			}
		}
		if len(marks) >= 2 {
			lay.MarkCols = marks
			return r
		}
	}
	return hr
}

// splitAnswerCols reads sub-headers under an answer header merged over
// several columns that are no Yes | No | N/A marks (回答 over 選択 | 記述,
// or over はい/いいえ | 内容): the column for the value is the answer, and
// one naming the answer's text takes it as remarks. It returns the
// sub-header row, or hr.
func splitAnswerCols(g *grid, lay *Layout, hr int, setRemarks bool) int {
	a, ok := g.area[[2]int{hr, lay.AnswerCol}]
	if !ok || a[3] == a[1] {
		return hr
	}
	for r := hr + 1; r <= min(hr+2, len(g.cells)); r++ {
		value, text := 0, 0
		for c := a[1]; c <= a[3]; c++ {
			t := g.text(r, c)
			role, sc := classify(t)
			switch {
			case t == "":
			case value == 0 && (headerChoices(t) != nil || role == RoleAnswer && sc >= 0.6 && !answerDetail.MatchString(textnorm.Key(t))):
				value = c
			case text == 0 && answerDetail.MatchString(textnorm.Key(t)):
				text = c
			}
		}
		if value == 0 || text == 0 {
			continue
		}
		lay.AnswerCol = value
		if setRemarks {
			lay.RemarksCol = text
		}
		return r
	}
	return hr
}

// flatMarkCols detects Yes | No | N/A columns named in the header row
// itself (No. | 質問 | はい | いいえ | 該当なし | 備考): adjacent labels right
// of the question, each a different choice, yes and no among them. The
// answer is then a mark in one of them, and a remarks-like column taken
// for the answer becomes the remarks column.
func flatMarkCols(g *grid, lay *Layout, hr int) {
	if lay.MarkCols != nil || lay.QuestionCol == 0 {
		return
	}
	for c := lay.QuestionCol + 1; c <= g.maxCol; c++ {
		marks := markRun(g, hr, c)
		if marks == nil {
			continue
		}
		if _, inRun := marks[lay.AnswerCol]; !inRun {
			if role, _ := classify(g.text(hr, lay.AnswerCol)); role == RoleRemarks && lay.RemarksCol == 0 {
				lay.RemarksCol = lay.AnswerCol
			}
		}
		lay.AnswerCol, lay.MarkCols = c, marks
		return
	}
}

// markRun reads the header labels from column c rightwards that name the
// values of a mark answer: each a different choice, or a partial or
// unknown answer (一部実施している, わからない, Partial) that no entry
// writes, with yes and no among them. It is nil when there is no such run.
// A run is at most maxMarks long, so that a row of partial labels costs
// no more than a row of anything else.
func markRun(g *grid, r, c int) map[int]string {
	marks, seen := map[int]string{}, map[string]bool{}
	for d := c; d <= g.maxCol && d < c+maxMarks; d++ {
		t := g.text(r, d)
		ch := choiceOf(t)
		if t == "" || g.covered(r, d) || seen[ch] && ch != "" || ch == "" && !partialMark.MatchString(textnorm.Key(t)) {
			break
		}
		marks[d], seen[ch] = t, true
	}
	if !seen[string(corpus.ChoiceYes)] || !seen[string(corpus.ChoiceNo)] {
		return nil
	}
	return marks
}

// maxMarks bounds a run of mark columns: yes, no, n/a and a few partial
// or unknown answers.
const maxMarks = 8

// partialMark: a mark column for an answer between yes and no, or none.
var partialMark = regexp.MustCompile(`^(一部|部分的|わからない|分からない|不明|未定|検討中|partial|partly|unknown|planned|inprogress|don'?tknow)`)

// sheetMark is the mark most answered rows use in the mark columns (the
// first in row order among equals), or the sheet's language's default.
func sheetMark(g *grid, lay Layout, rows []Row) string {
	count, best := map[string]int{}, ""
	for _, r := range rows {
		for _, c := range sortedCols(lay.MarkCols) {
			t := strings.TrimSpace(g.text(r.Row, c))
			if IsPlaceholder(t) || len([]rune(t)) > 2 {
				continue
			}
			count[t]++
			if best == "" || count[t] > count[best] {
				best = t
			}
		}
	}
	if best != "" {
		return best
	}
	for _, label := range lay.MarkCols {
		if textnorm.HasCJK(label) {
			return "○"
		}
	}
	return "x"
}

// answerDetailCol finds a second answer column that holds the answer's
// text beside one that takes a value (対応可否（○/×） | 回答内容 | 備考,
// Answer | Answer Details | Comments, 回答区分 | 詳細): the text goes
// there, and the customer's own remarks column is left alone.
func answerDetailCol(g *grid, lay *Layout, hr int) {
	last := g.maxCol
	if lay.RemarksCol > lay.AnswerCol {
		last = lay.RemarksCol - 1
	}
	for c := lay.AnswerCol + 1; c <= last; c++ {
		if _, mark := lay.MarkCols[c]; mark {
			continue
		}
		t := g.text(hr, c)
		if role, sc := classify(t); (role == RoleAnswer || role == RoleDetail) && sc >= 0.6 && answerDetail.MatchString(textnorm.Key(t)) {
			lay.RemarksCol = c
			return
		}
	}
}

// answerDetail: a label naming the answer's content or explanation.
var answerDetail = regexp.MustCompile(`内容|説明|詳細|具体|補足|理由|記述|details?|explanation|description|text`)

// choiceOf maps a label onto yes / no / n/a, or "".
func choiceOf(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	c, ok := corpus.ChoiceOf(s)
	if !ok {
		return ""
	}
	return string(c)
}

// isHeader reports whether r is one of the header rows.
func isHeader(headers []int, r int) bool {
	for _, h := range headers {
		if h == r {
			return true
		}
	}
	return false
}

func readRows(f *excelize.File, g *grid, name string, lay Layout, headers []int, dvs *validations) []Row {
	date1904 := cellval.Date1904(f)
	var hint []string
	for _, h := range headers {
		if hint = headerChoices(g.text(h, lay.AnswerCol)); hint != nil {
			break
		}
	}
	var out []Row
	section := ""
	var cats categories
	start := lay.HeaderRow + 1
	for start <= len(g.cells) && isHeader(headers, start) {
		start++
	}
	// Rows above the header that carry a question ID belong to the table
	// too (HECVAT's general-information block sits above its first header).
	var pre []int
	if lay.IDCol > 0 {
		for r := 1; r < lay.HeaderRow; r++ {
			if id := strings.TrimSpace(g.text(r, lay.IDCol)); isQuestionID(id) && g.text(r, lay.QuestionCol) != "" {
				pre = append(pre, r)
			}
		}
	}
	// One pass over the question rows counts what the rules below weigh:
	// - when most rows carry an ID, a row without one is a heading or a
	//   note under a question (SAMM's criteria rows), not a question;
	// - ■ and 【】 mark titles where few rows carry them; on a sheet that
	//   bullets every item with ■ they mark the questions;
	// - a remarks text in most rows of a blank form is the template's hint
	//   ((任意), 補足があればご記入ください), not the customer's note on one row.
	withQ, withID, titled := 0, 0, 0
	remarkHints := map[string]int{}
	for r := start; r <= len(g.cells); r++ {
		q := g.text(r, lay.QuestionCol)
		if q == "" || isHeader(headers, r) {
			continue
		}
		withQ++
		if lay.IDCol > 0 && isQuestionID(strings.TrimSpace(g.text(r, lay.IDCol))) {
			withID++
		}
		if titleMark.MatchString(q) {
			titled++
		}
		if lay.RemarksCol > 0 {
			remarkHints[g.text(r, lay.RemarksCol)]++
		}
	}
	idRequired := lay.IDCol > 0 && withQ > 0 && withID*10 >= withQ*7
	titles := titled*2 < withQ
	rowNums := pre
	for r := start; r <= len(g.cells); r++ {
		rowNums = append(rowNums, r)
	}
	for _, r := range rowNums {
		if isHeader(headers, r) {
			// A repeated header names its section in the first cells.
			section = rowLead(g, r, lay)
			continue
		}
		if g.hiddenRows[r] {
			continue
		}
		q := g.text(r, lay.QuestionCol)
		if q == "" && !g.covered(r, lay.QuestionCol) {
			q = formulaLabel(f, name, r, lay.QuestionCol)
		}
		id := ""
		if lay.IDCol > 0 {
			id = strings.TrimSpace(g.text(r, lay.IDCol))
		}
		if q == "" {
			// An ID or a label with no question: a section heading.
			if lead := rowLead(g, r, lay); lead != "" && !endMarker.MatchString(strings.TrimSpace(lead)) {
				section = lead
			}
			continue
		}
		if endMarker.MatchString(strings.TrimSpace(q)) || (id != "" && endMarker.MatchString(id)) {
			continue
		}
		// A template's worked example (例 | （記入例）… | 例：はい) shows how
		// to answer; its answer is the customer's and must stay.
		if exampleRow.MatchString(q) || exampleRow.MatchString(firstCell(g, r, lay)) {
			continue
		}
		if looksLikeHeading(g, r, lay, q) {
			if titles && titleMark.MatchString(q) && !asks(q) {
				section = q
				continue
			}
			if noteMark.MatchString(q) {
				continue
			}
		}
		// A cell merged across the answer column is a heading or a note,
		// not a question with a place for its answer. An answer area merged
		// down over several questions (CAIQ v1.1) is shared by them.
		shared := ""
		if tl, ok := g.cover[[2]int{r, lay.AnswerCol}]; ok {
			if tl[1] != lay.AnswerCol {
				section = q
				continue
			}
			shared, _ = excelize.CoordinatesToCellName(tl[1], tl[0])
		}
		if g.hiddenCols[lay.AnswerCol] && lay.MarkCols == nil {
			continue
		}
		if lay.IDCol > 0 && id == "" && looksLikeHeading(g, r, lay, q) {
			section = q
			continue
		}
		// "2 データセンターについて" above 2-1, 2-2 names their part.
		if id != "" && !asks(q) && looksLikeHeading(g, r, lay, q) && parentID(id, nextID(g, r, lay)) {
			section = q
			continue
		}
		if idRequired && !isQuestionID(id) {
			if looksLikeHeading(g, r, lay, q) {
				section = q
			}
			continue
		}
		if d := lay.DetailCol; d > 0 && !g.covered(r, d) {
			dt := g.text(r, d)
			if dt == "" {
				dt = formulaLabel(f, name, r, d)
			}
			if dt != "" && dt != q {
				q = q + "\n" + dt
			}
		}
		row := Row{Row: r, ID: id, Question: q, Section: cats.rowSection(g, r, lay, section), SharedWith: shared}
		row.AnswerCell, _ = excelize.CoordinatesToCellName(lay.AnswerCol, r)
		if shared != "" {
			row.AnswerCell = shared
		}
		if lay.MarkCols != nil {
			row.MarkCells = map[string]string{}
			for c, label := range lay.MarkCols {
				cell, _ := excelize.CoordinatesToCellName(c, r)
				row.MarkCells[label] = cell
				if t := g.text(r, c); !IsPlaceholder(t) {
					row.Answer, row.Answered = label, true
				}
			}
			row.Choices = markLabels(lay.MarkCols)
		} else {
			// A number is read as its format shows it (99.95%, a date):
			// learn records it, and it would fill the next sheet so.
			row.Answer = cellval.Of(f, name, row.AnswerCell, g.spanText(r, lay.AnswerCol), date1904)
			// A template that writes the item's own name where its value
			// goes ("Vendor Contact Name" beside Vendor Contact Name), or
			// describes the value ("Service Name and Version Information"
			// beside Service Name), marks the cell to fill: no answer
			// repeats its question.
			row.Answered = !IsPlaceholder(row.Answer) && textnorm.Key(row.Answer) != textnorm.Key(q) && !describesItem(row.Answer, q)
			if fm, _ := f.GetCellFormula(name, row.AnswerCell); fm != "" {
				row.Locked = true
			}
			row.Choices = dvs.choicesAt(lay.AnswerCol, r)
			if shared != "" {
				if c, r0, err := excelize.CellNameToCoordinates(shared); err == nil {
					row.Choices = dvs.choicesAt(c, r0)
				}
			}
			if labels, ticked, ok := readBoxes(row.Answer); ok && len(row.Choices) == 0 {
				row.Boxes, row.Choices = row.Answer, labels
				row.Answer, row.Answered = ticked, ticked != ""
			}
			if len(row.Choices) == 0 {
				row.HintChoices = hint
				// The values hinted in the cell itself (はい／いいえ／該当なし).
				if l := hintValues(row.Answer); l != nil && !row.Answered {
					row.HintChoices = l
				}
			}
		}
		if lay.RemarksCol > 0 && !g.covered(r, lay.RemarksCol) && !g.hiddenCols[lay.RemarksCol] {
			row.RemarksCell, _ = excelize.CoordinatesToCellName(lay.RemarksCol, r)
			row.Remarks = cellval.Of(f, name, row.RemarksCell, g.text(r, lay.RemarksCol), date1904)
			// An answered row's repeated remark is the vendor's own note.
			if n := remarkHints[row.Remarks]; !row.Answered && n >= 3 && n*2 > withQ || isRemarksHint(row.Remarks) {
				row.Remarks = ""
			}
		}
		out = append(out, row)
	}
	LinkFollowUps(out)
	return dropNotes(out, lay)
}

// LinkFollowUps sets the Follows of every follow-up row among rows, in
// sheet order: the last question above it that is no follow-up.
func LinkFollowUps(rows []Row) {
	asked := ""
	for i, r := range rows {
		if _, ok := FollowUp(r.Question); ok {
			rows[i].Follows = asked
		} else {
			asked = r.Question
		}
	}
}

// dropNotes removes rows that explain the question above them (SAMM's
// criteria lines): when questions carry an ID and a dropdown, a row with
// neither is not a question.
func dropNotes(rows []Row, lay Layout) []Row {
	if lay.IDCol == 0 {
		return rows
	}
	withID, withIDChoices := 0, 0
	for _, r := range rows {
		if r.ID != "" {
			withID++
			if len(r.Choices) > 0 {
				withIDChoices++
			}
		}
	}
	if withID < 3 || withIDChoices*10 < withID*8 {
		return rows
	}
	out := rows[:0]
	for _, r := range rows {
		if r.ID == "" && len(r.Choices) == 0 {
			continue
		}
		out = append(out, r)
	}
	return out
}

// isQuestionID reports whether s looks like a question number or ID. A
// version ("v4.0.3", in CAIQ v4's title row) is not one.
func isQuestionID(s string) bool {
	return s != "" && len([]rune(s)) <= 24 && idPattern.MatchString(s) && strings.ContainsAny(s, "0123456789") && !versionLike.MatchString(s)
}

var versionLike = regexp.MustCompile(`^[vV]\d+(\.\d+)+$`)

func markLabels(m map[int]string) []string {
	cols := make([]int, 0, len(m))
	for c := range m {
		cols = append(cols, c)
	}
	sort.Ints(cols)
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = m[c]
	}
	return out
}

// nextID is the ID of the next row below r that has one.
func nextID(g *grid, r int, lay Layout) string {
	for n := r + 1; n <= len(g.cells); n++ {
		if id := strings.TrimSpace(g.text(n, lay.IDCol)); id != "" {
			return id
		}
	}
	return ""
}

// parentID reports whether child numbers an item under parent: 2 and 2-1,
// 3. and 3.1, A.1 and A.1.2.
func parentID(parent, child string) bool {
	p := strings.TrimRight(parent, ".)．")
	if p == "" || !isQuestionID(child) || !strings.HasPrefix(child, p) {
		return false
	}
	rest := []rune(child[len(p):])
	return len(rest) > 1 && strings.ContainsRune("-.‐－_ ", rest[0])
}

// looksLikeHeading tells a section title from a question on a sheet with an
// ID column: no ID, short, and no question mark.
func looksLikeHeading(g *grid, r int, lay Layout, q string) bool {
	if strings.ContainsAny(q, "?？") || len([]rune(q)) > 80 {
		return false
	}
	// A heading row leaves its answer cell alone; a question without an ID
	// but with its own answer text is still a question.
	return g.text(r, lay.AnswerCol) == ""
}

// rowLead is the text at the start of a row, left of the answer column: the
// section name in an ID column, a merged title, a category label.
func rowLead(g *grid, r int, lay Layout) string {
	var parts []string
	for c := 1; c < max(lay.AnswerCol, lay.QuestionCol+1); c++ {
		if g.covered(r, c) {
			continue
		}
		if t := strings.TrimSpace(g.text(r, c)); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// quoting is an error whose text quotes the file: the XML decoder names
// the element or namespace it found, which a hostile file makes as long
// and as many lines as it likes. Its text is one line of at most
// quoteLimit characters; errors.Is and errors.As still see the error.
type quoting struct{ err error }

const quoteLimit = 300

func (q quoting) Unwrap() error { return q.err }

func (q quoting) Error() string {
	s := strings.Join(strings.FieldsFunc(q.err.Error(), func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
	if r := []rune(s); len(r) > quoteLimit {
		s = string(r[:quoteLimit]) + "…"
	}
	return s
}

// firstCell is the row's first text left of its question, where a
// template numbers its rows or marks an example.
func firstCell(g *grid, r int, lay Layout) string {
	for c := 1; c < lay.QuestionCol; c++ {
		if t := strings.TrimSpace(g.text(r, c)); t != "" && !g.covered(r, c) {
			return t
		}
	}
	return ""
}

// followUp is the opening of a question that refers back to the one above
// it: 上記の, 上記で「はい」の場合、, 「いいえ」と回答した場合、, If yes, If
// not, (a comma after it: "If no data is kept" asks on its own).
var followUp = regexp.MustCompile(`^[（(]?(?:(?:上記|前記|前問)(?:で|に)?(?:「?(?:はい|いいえ)」?と?(?:回答した)?)?の?(?:場合)?|` + onAnswer + `|(?i:if (?:yes|so)\b|if (?:no|not)\s*[,:：]))[）)、，,:：]?\s*`)

// onAnswer is 「はい」の場合 and its kin; a bare 無 or なし must be quoted
// (該当なしの場合 is a note on how to answer).
const onAnswer = `(?:「?(?:はい|有|あり|いいえ)」?|「(?:無|なし)」)(?:と回答した|を選択した)?の?場合`

// FollowUp returns a follow-up question without its opening, and whether
// it is one: on its own, 上記の保存期間 does not say what is kept. 上記以外
// (other than the above) asks about something else.
func FollowUp(q string) (string, bool) {
	if m := followUp.FindString(q); m != "" && len(m) < len(q) && !strings.HasPrefix(q[len(m):], "以外") {
		return q[len(m):], true
	}
	return q, false
}

// onYes and onNo are the openings of a follow-up asked only of a yes
// (「はい」の場合、, If yes, If so) or only of a no (「いいえ」の場合、, If
// not,) above it.
var (
	onYes = regexp.MustCompile(`^[（(]?(?:(?:上記|前記|前問)(?:で|に)?)?「?(?:はい|有|あり)」?(?:と回答した|を選択した)?の?場合|^[（(]?(?i:if (?:yes|so)\b)`)
	onNo  = regexp.MustCompile(`^[（(]?(?:(?:上記|前記|前問)(?:で|に)?)?(?:「?いいえ」?|「(?:無|なし)」)(?:と回答した|を選択した)?の?場合|^[（(]?(?i:if (?:no|not)\s*[,:：])`)
)

// OnYes reports whether the row is a follow-up asked only when the
// question above it is answered yes.
func (r Row) OnYes() bool {
	return r.Follows != "" && onYes.MatchString(r.Question)
}

// OnNo reports whether the row is a follow-up asked only when the
// question above it is answered no.
func (r Row) OnNo() bool {
	return r.Follows != "" && onNo.MatchString(r.Question)
}

// Asked is what the row asks, for matching and learning: a follow-up
// with the question it refers back to after it, as a second sentence, so
// that its own ask comes first (保存期間を記載してください。ログを取得して
// いますか).
func (r Row) Asked() string {
	if r.Follows == "" {
		return r.Question
	}
	rest, _ := FollowUp(r.Question)
	rest = strings.TrimRight(rest, "。．.？? 　")
	if textnorm.HasCJK(rest) {
		return rest + "。" + r.Follows
	}
	return rest + "? " + r.Follows
}

// categories carries a sheet's category cells down its rows: a category
// written once at the top of its group and left blank below applies to
// the rows under it, as a merged one does, until a cell of its column or
// of one to its left says otherwise, or a new section begins.
type categories struct {
	under string
	cells []string
}

// rowSection joins the last section heading seen with the category cells
// that apply to the row.
func (cs *categories) rowSection(g *grid, r int, lay Layout, section string) string {
	if cs.cells == nil || cs.under != section {
		cs.under, cs.cells = section, make([]string, len(lay.CategoryCols))
	}
	var parts []string
	if section != "" {
		parts = append(parts, section)
	}
	for i, c := range lay.CategoryCols {
		// A new value, or the first cell of a merged one, starts a group
		// and clears the categories right of it; the rest of a merged
		// cell (大分類 merged down, 中分類 written once per group beside
		// it) or the same value written again does not.
		if t := strings.TrimSpace(g.spanText(r, c)); t != "" {
			if _, first := g.area[[2]int{r, c}]; first || t != cs.cells[i] {
				clear(cs.cells[i+1:])
			}
			cs.cells[i] = t
		}
		if t := cs.cells[i]; t != "" && t != section {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " > ")
}

// formulaLabel returns the text of a formula cell that has no cached
// value, when the text is inside the formula (HYPERLINK("url","label")).
func formulaLabel(f *excelize.File, sheet string, r, c int) string {
	cell, _ := excelize.CoordinatesToCellName(c, r)
	fm, err := f.GetCellFormula(sheet, cell)
	if err != nil || fm == "" {
		return ""
	}
	if m := hyperlinkText.FindStringSubmatch(fm); m != nil {
		return strings.ReplaceAll(m[1], `""`, `"`)
	}
	return ""
}

// markPresetAnswers treats an answer that a template put on many rows
// ("N/A" on every Level-2 row, "-" everywhere) as a placeholder, but only
// when it is the one answer on the sheet: a sheet someone answered has more
// than one kind of answer, and those are never touched.
func markPresetAnswers(rows []Row) {
	if len(rows) < 4 {
		return
	}
	counts := map[string]int{}
	for _, r := range rows {
		if r.Answered && r.MarkCells == nil {
			counts[textnorm.Key(r.Answer)]++
		}
	}
	if len(counts) != 1 {
		return
	}
	for k, n := range counts {
		if !defaultishAnswers[k] || n*10 < len(rows)*9 {
			return
		}
		for i := range rows {
			if rows[i].Answered && textnorm.Key(rows[i].Answer) == k {
				rows[i].Answered = false
			}
		}
	}
}

func colLetter(c int) string {
	s, _ := excelize.ColumnNumberToName(c)
	return s
}
