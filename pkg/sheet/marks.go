package sheet

import (
	"regexp"
	"strings"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/textnorm"
)

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
