package corpus

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/qfill/qfill/pkg/cellval"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"
)

// yamlFields are the keys an entry may have; anything else is a typo that
// would otherwise be dropped without a word.
var yamlFields = map[string]bool{
	"id": true, "question": true, "aliases": true, "answer": true, "choice": true,
	"remarks": true, "extra": true, "section": true, "tags": true, "updated": true, "review_by": true, "source": true,
}

func loadYAML(path string) ([]*Entry, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	data, err := decodeText(path, raw)
	if err != nil {
		return nil, err
	}
	if entries, ok := loadYAMLPieces(path, data, pieceEntries); ok {
		return entries, nil
	}
	return parseYAML(path, data)
}

// parseYAML decodes a corpus file's text as one document.
func parseYAML(path, data string) ([]*Entry, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(data), &doc); err != nil {
		return nil, &Error{File: path, Line: yamlErrLine(err), Msg: yamlErrMsg(err)}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	root := doc.Content[0]
	list := root
	if root.Kind == yaml.MappingNode {
		list = nil
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value == "entries" {
				list = root.Content[i+1]
			}
		}
		if list == nil {
			return nil, &Error{File: path, Line: root.Line, Msg: "no \"entries:\" list"}
		}
	}
	if list.Kind != yaml.SequenceNode {
		return nil, &Error{File: path, Line: list.Line, Msg: "entries must be a list"}
	}
	return yamlEntries(path, list.Content, 0)
}

// yamlEntries decodes the entry nodes of a list whose first line is the
// file's line offset+1.
func yamlEntries(path string, list []*yaml.Node, offset int) ([]*Entry, error) {
	entries := make([]*Entry, 0, len(list))
	for _, n := range list {
		if n.Kind != yaml.MappingNode {
			return nil, &Error{File: path, Line: offset + n.Line, Msg: "entry must be a mapping (id:, question:, answer: ...)"}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i].Value; !yamlFields[k] {
				return nil, &Error{File: path, Line: offset + n.Content[i].Line, Msg: fmt.Sprintf("unknown field %q", k)}
			}
		}
		e := &Entry{}
		if err := n.Decode(e); err != nil {
			return nil, decodeErr(path, n, err)
		}
		e.File, e.Line = path, offset+n.Line
		if err := normaliseEntry(e); err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// pieceEntries is how many entries one piece of a corpus file holds
// when it is parsed in pieces (loadYAMLPieces).
const pieceEntries = 256

// loadYAMLPieces parses a corpus file of the usual shape in pieces of n
// entries, on every CPU: yaml.v3 builds a node tree of the whole document
// before decoding it, and for a large corpus that tree is the peak of a
// fill's memory. It reports false, and the caller parses the file whole, when
// the file has another shape or any piece does not read on its own (an
// alias to an anchor in another piece, a quoted text across pieces, any
// error at all), so what is loaded, and every error message, is what
// the whole parse gives.
func loadYAMLPieces(path, data string, n int) ([]*Entry, bool) {
	pieces := splitEntries(data, n)
	if len(pieces) < 2 {
		return nil, false
	}
	out := make([][]*Entry, len(pieces))
	var failed atomic.Bool
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pieces)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= len(pieces) {
					return
				}
				var doc yaml.Node
				err := yaml.Unmarshal([]byte(pieces[i].text), &doc)
				if err != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.SequenceNode {
					failed.Store(true)
					return
				}
				if out[i], err = yamlEntries(path, doc.Content[0].Content, pieces[i].line-1); err != nil {
					failed.Store(true)
					return
				}
			}
		}()
	}
	wg.Wait()
	if failed.Load() {
		return nil, false
	}
	total := 0
	for _, p := range out {
		total += len(p)
	}
	entries := make([]*Entry, 0, total)
	for _, p := range out {
		entries = append(entries, p...)
	}
	return entries, true
}

// piece is a run of whole list items of a corpus file, and the line of
// the file it starts on.
type piece struct {
	text string
	line int
}

// splitEntries cuts a corpus file into pieces of up to n list items each,
// when the file is one "entries:" list (or a bare list) of block items
// at one indentation, with nothing but comments and blank lines beside
// it; for any other shape (another top-level key, a document marker, a
// flow list, tabs in the indentation) it returns nil. A line indented as
// far as the items and starting with "- " begins an item wherever YAML
// allows it; where it does not (inside a quoted text), the piece fails
// to parse and the file is read whole.
func splitEntries(data string, n int) []piece {
	// yaml.v3 also breaks lines at a lone CR, NEL, LS and PS, which the
	// cut below does not see.
	if strings.ContainsAny(data, "\u0085\u2028\u2029") {
		return nil
	}
	if strings.Count(data, "\r") != strings.Count(data, "\r\n") {
		return nil
	}
	var starts, lines []int // byte offset and line number of each item
	indent := -1            // the items' indentation, once the list starts
	listed := false         // "entries:" seen
	line := 0
	for off := 0; off < len(data); {
		end := strings.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off + 1
		}
		l := strings.TrimRight(data[off:end], "\r\n")
		line++
		body := strings.TrimLeft(l, " ")
		ind := len(l) - len(body)
		switch {
		case body == "" || body[0] == '#':
		case strings.HasPrefix(body, "\t"):
			return nil
		case indent < 0 && !listed && ind == 0 && strings.HasPrefix(body, "entries:") && strings.Trim(stripComment(body[len("entries:"):]), " ") == "":
			listed = true
		case indent < 0 && (listed || ind == 0) && (body == "-" || strings.HasPrefix(body, "- ")):
			indent = ind
			starts, lines = append(starts, off), append(lines, line)
		case indent >= 0 && ind == indent && (body == "-" || strings.HasPrefix(body, "- ")):
			starts, lines = append(starts, off), append(lines, line)
		case indent >= 0 && ind > indent:
		default:
			return nil
		}
		off = end
	}
	if len(starts) == 0 {
		return nil
	}
	// What comes before the list (comments, "entries:") is not in any
	// piece, so it is checked as YAML here: a control character in a
	// comment fails the whole file.
	var head yaml.Node
	if yaml.Unmarshal([]byte(data[:starts[0]]), &head) != nil {
		return nil
	}
	var out []piece
	for i := 0; i < len(starts); i += n {
		end := len(data)
		if i+n < len(starts) {
			end = starts[i+n]
		}
		out = append(out, piece{data[starts[i]:end], lines[i]})
	}
	return out
}

// stripComment drops a trailing comment from what follows a key.
func stripComment(s string) string {
	if i := strings.Index(s, " #"); i >= 0 {
		return s[:i]
	}
	return s
}

// yamlErrLine digs the line out of yaml.v3's "yaml: line N: msg" errors.
func yamlErrLine(err error) int {
	var line int
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		_, _ = fmt.Sscanf(msg[i:], "line %d", &line)
	}
	return line
}

// decodeErr names the field whose value has the wrong shape: yaml.v3 says
// only "line N: cannot unmarshal !!seq into string".
func decodeErr(path string, entry *yaml.Node, err error) error {
	line := yamlErrLine(err)
	for i := 0; i+1 < len(entry.Content); i += 2 {
		k, v := entry.Content[i], entry.Content[i+1]
		if v.Line != line {
			continue
		}
		want := "text"
		switch k.Value {
		case "aliases", "tags":
			want = "a list of text"
		case "extra", "source":
			want = "a mapping"
		}
		return &Error{File: path, Line: line, Msg: fmt.Sprintf("%s: want %s", k.Value, want)}
	}
	return &Error{File: path, Line: entry.Line, Msg: yamlErrMsg(err)}
}

func yamlErrMsg(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, "line "); i == 0 {
		if j := strings.Index(msg, ": "); j > 0 {
			msg = msg[j+2:]
		}
	}
	return msg
}

// tableColumns maps the header names of a corpus table (English and
// Japanese) onto entry fields.
var tableColumns = map[string]string{
	"id": "id", "question": "question", "answer": "answer", "aliases": "aliases",
	"choice": "choice", "remarks": "remarks", "section": "section", "tags": "tags",
	"updated": "updated", "review_by": "review_by",
	"質問": "question", "回答": "answer", "別表記": "aliases", "選択肢": "choice",
	"備考": "remarks", "区分": "section", "タグ": "tags", "更新日": "updated",
	// A list kept in Excel numbers its rows and names its columns so.
	"管理番号": "id",
	"no":   "number", "no.": "number", "番号": "number", "項番": "number", "#": "number",
	"質問内容": "question", "質問項目": "question", "設問": "question", "回答内容": "answer",
	"分類": "section", "カテゴリ": "section", "カテゴリー": "section", "大項目": "section", "category": "section",
}

// HeaderKey folds a table's column label for lookup: case, width (Ｎｏ．)
// and surrounding spaces ignored, and the byte-order mark that Excel's
// "UTF-8" export puts before the first label dropped.
func HeaderKey(h string) string {
	return strings.ToLower(strings.TrimSpace(norm.NFKC.String(strings.TrimPrefix(h, "\ufeff"))))
}

// tableEntries turns the rows of a corpus table (of a workbook's sheet,
// when sheet is set) into entries; lines[i] is the 1-based line (or row)
// of rows[i].
func tableEntries(file, sheet string, rows [][]string, lines []int) ([]*Entry, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	path := file
	if sheet != "" {
		path = fmt.Sprintf("%s[%s]", file, sheet)
	}
	// A list kept in Excel often has a title, a date or a note above its
	// header: the header is the first of the top rows that names the
	// columns an entry needs.
	head, cols := 0, tableHeaderCols(rows[0])
	for i := 1; i < min(len(rows), maxTitleRows+1) && !hasNeeded(cols); i++ {
		if c := tableHeaderCols(rows[i]); hasNeeded(c) {
			head, cols = i, c
		}
	}
	for _, need := range neededColumns {
		if _, ok := cols[need]; !ok {
			return nil, &Error{File: path, Line: lines[0], Msg: fmt.Sprintf("header has no %q column (need question and answer)", need), noHeader: true}
		}
	}
	// An entry without an id (no id column, or a row added in Excel with
	// its id left blank) is named by its file (and sheet) and its number
	// in the table's No. column, or else its line: answers-12 or
	// 回答集-物理-3. A No. counts the rows of one table, so it is no id
	// on its own: each sheet of an answer book starts again at 1.
	_, hasID := cols["id"]
	stem := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	if sheet != "" {
		stem += "-" + sheet
	}
	get := func(row []string, f string) string {
		i, ok := cols[f]
		if !ok || i >= len(row) {
			return ""
		}
		return row[i]
	}
	var entries []*Entry
	for r := head + 1; r < len(rows); r++ {
		row := rows[r]
		if isBlank(row) {
			continue
		}
		e := &Entry{
			ID: get(row, "id"), Question: get(row, "question"), Answer: get(row, "answer"),
			Choice: Choice(get(row, "choice")), Remarks: get(row, "remarks"), Section: get(row, "section"),
			Aliases: splitList(get(row, "aliases"), "|\n"), Tags: splitList(get(row, "tags"), "|,"),
			Updated: strings.TrimSpace(get(row, "updated")), ReviewBy: strings.TrimSpace(get(row, "review_by")),
			File: path, Line: lines[r],
		}
		if !hasID || strings.TrimSpace(e.ID) == "" {
			n := strings.TrimSpace(get(row, "number"))
			if n == "" {
				n = strconv.Itoa(lines[r])
			}
			e.ID = stem + "-" + n
		}
		if err := normaliseEntry(e); err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// maxTitleRows is how many rows above a table's header are looked past.
const maxTitleRows = 10

var neededColumns = []string{"question", "answer"}

// tableHeaderCols maps the fields a header row names to their columns.
func tableHeaderCols(header []string) map[string]int {
	cols := map[string]int{}
	for i, h := range header {
		f, ok := tableColumns[HeaderKey(h)]
		if _, taken := cols[f]; ok && (!taken || HeaderKey(h) == f) {
			// A column named as the field (answer) wins over one read
			// as it (回答内容); else the first does.
			cols[f] = i
		}
	}
	return cols
}

func hasNeeded(cols map[string]int) bool {
	for _, f := range neededColumns {
		if _, ok := cols[f]; !ok {
			return false
		}
	}
	return true
}

func isBlank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func splitList(s, seps string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func loadDelimited(path string, sep rune) ([]*Entry, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	data, err := decodeText(path, raw)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	var lines []int
	if sep == '\t' {
		rows, lines = splitTSV(data)
	} else {
		r := csv.NewReader(strings.NewReader(data))
		r.Comma = sep
		r.FieldsPerRecord = -1
		for {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					return nil, &Error{File: path, Line: pe.Line, Msg: pe.Err.Error()}
				}
				return nil, &Error{File: path, Msg: err.Error()}
			}
			line, _ := r.FieldPos(0)
			rows = append(rows, rec)
			lines = append(lines, line)
		}
	}
	return tableEntries(path, "", rows, lines)
}

// splitTSV splits tab-separated text into records, with the line each
// starts on. Excel and LibreOffice quote a field that holds a line break,
// a tab or a quote mark ("two""lines", possibly over several lines); any
// other quote mark is a character, as in the TSV other tools write
// ("quoted" question).
func splitTSV(data string) (rows [][]string, lines []int) {
	line := 1
	for data != "" {
		rows, lines = append(rows, nil), append(lines, line)
		for {
			field, rest := tsvField(data)
			line += strings.Count(data[:len(data)-len(rest)], "\n")
			rows[len(rows)-1] = append(rows[len(rows)-1], field)
			data = strings.TrimPrefix(rest, "\r")
			if data == "" || data[0] == '\n' {
				break
			}
			data = data[1:] // the tab
		}
		if data != "" {
			data, line = data[1:], line+1
		}
	}
	return rows, lines
}

// tsvField reads the field at the start of s and returns it with the rest
// of s, which starts at the tab or line break that ends the field.
func tsvField(s string) (field, rest string) {
	if strings.HasPrefix(s, `"`) {
		var b strings.Builder
		for i := 1; ; {
			j := strings.IndexByte(s[i:], '"')
			if j < 0 {
				break // never closed: the quote mark is a character
			}
			b.WriteString(s[i : i+j])
			i += j + 1
			if strings.HasPrefix(s[i:], `"`) {
				b.WriteByte('"')
				i++
				continue
			}
			if after := strings.TrimPrefix(s[i:], "\r"); after == "" || after[0] == '\t' || after[0] == '\n' {
				return b.String(), s[i:]
			}
			break // text after the closing quote: the quote marks are characters
		}
	}
	end := strings.IndexAny(s, "\t\n")
	if end < 0 {
		end = len(s)
	}
	return strings.TrimSuffix(s[:end], "\r"), s[end:]
}

// sheetRows reads a sheet's cells as a person reads them: text as it is,
// a number as its format shows it and a date as YYYY-MM-DD (cellval), so
// a date typed into Excel does not read as mm-dd-yy.
func sheetRows(f *excelize.File, sheet string) ([][]string, error) {
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	date1904 := cellval.Date1904(f)
	for r := range rows {
		for c := range rows[r] {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			rows[r][c] = cellval.Of(f, sheet, cell, rows[r][c], date1904)
		}
	}
	return rows, nil
}

// fillMergedDown copies the value of a cell merged down over several rows
// (a category beside its questions, one answer for several questions)
// into each row it covers, in its first column: the rows below it would
// otherwise have none.
func fillMergedDown(f *excelize.File, sheet string, rows [][]string) error {
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		return err
	}
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		_, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		if r1 > len(rows) || c1 > len(rows[r1-1]) {
			continue
		}
		v := rows[r1-1][c1-1]
		for r := r1 + 1; r <= min(r2, len(rows)); r++ {
			for len(rows[r-1]) < c1 {
				rows[r-1] = append(rows[r-1], "")
			}
			rows[r-1][c1-1] = v
		}
	}
	return nil
}

func loadXLSX(path string) ([]*Entry, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot open workbook: " + err.Error()}
	}
	defer f.Close()
	// Every sheet with a table is read: an answer book kept in Excel often
	// has a sheet per topic. A sheet without one (a cover, notes) is
	// passed over, unless no sheet has one.
	var all []*Entry
	var noHeader error
	tables := 0
	for _, sheet := range f.GetSheetList() {
		if vis, _ := f.GetSheetVisible(sheet); !vis {
			continue
		}
		rows, err := sheetRows(f, sheet)
		if err == nil {
			err = fillMergedDown(f, sheet, rows)
		}
		if err != nil {
			return nil, &Error{File: path, Msg: fmt.Sprintf("sheet %q: %v", sheet, err)}
		}
		start := 0
		for start < len(rows) && isBlank(rows[start]) {
			start++
		}
		if start == len(rows) {
			continue
		}
		lines := make([]int, len(rows)-start)
		for i := range lines {
			lines[i] = start + i + 1
		}
		entries, err := tableEntries(path, sheet, rows[start:], lines)
		if e := (*Error)(nil); errors.As(err, &e) && e.noHeader {
			if noHeader == nil {
				noHeader = err
			}
			continue
		}
		if err != nil {
			return nil, err
		}
		tables++
		all = append(all, entries...)
	}
	if tables == 0 && noHeader != nil {
		return nil, noHeader
	}
	return all, nil
}
