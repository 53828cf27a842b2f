package sheet

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/qfill/qfill/pkg/cellval"
	"github.com/qfill/qfill/pkg/textnorm"
	"github.com/xuri/excelize/v2"
)

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
	// endLine is a line that ends a table or a footer (see isEndMarker).
	endLine = regexp.MustCompile(`(?i)^(?:(end table data|end of standard|end of (the )?(questionnaire|table|list)|以上|―以上―|-以上-)$|©|\(c\) )`)
	// hyperlinkText pulls the label out of HYPERLINK("url","label").
	hyperlinkText = regexp.MustCompile(`(?i)HYPERLINK\(\s*"[^"]*"\s*[,;]\s*"((?:[^"]|"")*)"\s*\)`)
)

// isEndMarker reports whether s ends a table or is a footer, never a
// question: an end line, or a copyright notice anywhere in it (found
// with strings.Contains, since a regexp would try every position of
// every cell).
func isEndMarker(s string) bool {
	if endLine.MatchString(s) {
		return true
	}
	l := strings.ToLower(s)
	return strings.Contains(l, "copyright") || strings.Contains(l, "all rights reserved")
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

func readRows(f *excelize.File, g *grid, name string, lay Layout, headers []int, dvs *validations, dn *names, keep *untouched) []Row {
	date1904 := cellval.Date1904(f)
	// A number in an answer or remarks cell is read as its format shows
	// it (99.95%, a date): learn records it, and it would fill the next
	// sheet so. The shown value is read by streaming (names.cellValue),
	// only when such a cell holds a number.
	shown := func(cell, raw string) string {
		if !cellval.IsNumber(raw) {
			return raw
		}
		v := dn.cellValue(name, cell)
		if v == "" {
			return raw
		}
		return cellval.Text(raw, v, date1904)
	}
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
			q = formulaLabel(f, g.raw, name, r, lay.QuestionCol)
		}
		id := ""
		if lay.IDCol > 0 {
			id = strings.TrimSpace(g.text(r, lay.IDCol))
		}
		if q == "" {
			// An ID or a label with no question: a section heading.
			if lead := rowLead(g, r, lay); lead != "" && !isEndMarker(strings.TrimSpace(lead)) {
				section = lead
			}
			continue
		}
		if isEndMarker(strings.TrimSpace(q)) || (id != "" && isEndMarker(id)) {
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
		// A follow-up without an ID of its own (「はい」の場合、その役職を
		// 記載してください) is a question of the row above; a row that asks
		// names no section either way.
		_, follows := FollowUp(q)
		followUp := follows && id == "" && asks(q)
		if lay.IDCol > 0 && id == "" && looksLikeHeading(g, r, lay, q) && !followUp {
			if !asks(q) {
				section = q
			}
			continue
		}
		// "2 データセンターについて" above 2-1, 2-2 names their part.
		if id != "" && !asks(q) && looksLikeHeading(g, r, lay, q) && parentID(id, nextID(g, r, lay)) {
			section = q
			continue
		}
		if idRequired && !isQuestionID(id) && !followUp {
			if looksLikeHeading(g, r, lay, q) && !asks(q) {
				section = q
			}
			continue
		}
		if d := lay.DetailCol; d > 0 && !g.covered(r, d) {
			dt := g.text(r, d)
			if dt == "" {
				dt = formulaLabel(f, g.raw, name, r, d)
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
				row.Locked = row.Locked || keep.formula(cell)
				row.Protected = row.Protected || keep.locked(cell)
			}
			row.Choices = markLabels(lay.MarkCols)
		} else {
			row.Answer = shown(row.AnswerCell, g.spanText(r, lay.AnswerCol))
			// A template that writes the item's own name where its value
			// goes ("Vendor Contact Name" beside Vendor Contact Name), or
			// describes the value ("Service Name and Version Information"
			// beside Service Name), marks the cell to fill: no answer
			// repeats its question.
			row.Answered = !IsPlaceholder(row.Answer) && textnorm.Key(row.Answer) != textnorm.Key(q) && !describesItem(row.Answer, q)
			row.Locked = keep.formula(row.AnswerCell)
			row.Protected = keep.locked(row.AnswerCell)
			row.Choices = dvs.choicesAt(lay.AnswerCol, r)
			row.AnswerInput = dvs.inputAt(lay.AnswerCol, r)
			if shared != "" {
				if c, r0, err := excelize.CellNameToCoordinates(shared); err == nil {
					row.Choices = dvs.choicesAt(c, r0)
					row.AnswerInput = dvs.inputAt(c, r0)
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
			row.Remarks = shown(row.RemarksCell, g.text(r, lay.RemarksCol))
			if keep.either(row.RemarksCell) {
				row.RemarksCell, row.Remarks = "", ""
			}
			row.RemarksInput = dvs.inputAt(lay.RemarksCol, r)
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
func formulaLabel(f *excelize.File, rs *rawSheet, sheet string, r, c int) string {
	cell, _ := excelize.CoordinatesToCellName(c, r)
	fm, err := cellFormula(f, rs, sheet, cell)
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

// formattedCells returns the values excelize shows for the non-empty cells
// of a sheet, read by streaming its rows, which leaves the loaded sheet as
// it is.
func formattedCells(f *excelize.File, sheet string) map[string]string {
	out := map[string]string{}
	it, err := f.Rows(sheet)
	if err != nil {
		return out
	}
	defer it.Close()
	for r := 1; it.Next(); r++ {
		row, err := it.Columns()
		if err != nil {
			return out
		}
		for c, v := range row {
			if v != "" {
				cell, _ := excelize.CoordinatesToCellName(c+1, r)
				out[cell] = v
			}
		}
	}
	return out
}
