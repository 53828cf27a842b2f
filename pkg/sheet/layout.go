package sheet

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/qfill/qfill/pkg/textnorm"
	"github.com/xuri/excelize/v2"
)

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
	for _, end := range questionEnds {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return request.MatchString(t)
}

// questionEnds close a question or a polite request. They are tested
// with HasSuffix: a pattern anchored only at the end would be tried at
// every position of every cell.
var questionEnds = []string{"?", "？", "か", "ください", "下さい", "願います", "お願いします"}

// request: an English request that opens with its verb.
var request = regexp.MustCompile(`^(?i:(please )?(describe|explain|provide|list|specify|state|indicate|outline|identify)) `)

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

func colLetter(c int) string {
	s, _ := excelize.ColumnNumberToName(c)
	return s
}
