package fill

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/sheet"
)

func readZip(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = b
	}
	return out
}

type fixed []match.Result

func (f fixed) MatchAll(qs []match.Query) []match.Result { return f[:len(qs)] }

func TestPlanDecisions(t *testing.T) {
	yes := &corpus.Entry{ID: "e-yes", Answer: "はい。毎日取得しています。", Choice: corpus.ChoiceYes}
	text := &corpus.Entry{ID: "e-text", Answer: "東京と大阪"}
	auto := func(e *corpus.Entry) match.Result {
		return match.Result{Candidates: []match.Candidate{{Entry: e, Score: 0.9}}, Confidence: 0.9, Auto: true}
	}
	unsure := match.Result{Candidates: []match.Candidate{{Entry: text, Score: 0.4}, {Entry: yes, Score: 0.3}}, Confidence: 0.4}
	none := match.Result{Candidates: []match.Candidate{{Entry: text, Score: 0.1}}, Confidence: 0.1}
	wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{
		{Row: 2, Question: "q1", AnswerCell: "D2", RemarksCell: "E2", Choices: []string{"はい", "いいえ"}},
		{Row: 3, Question: "q2", AnswerCell: "D3", Choices: []string{"はい", "いいえ"}},
		{Row: 4, Question: "q3", AnswerCell: "D4", Choices: []string{"はい", "いいえ"}},
		{Row: 5, Question: "q4", AnswerCell: "D5"},
		{Row: 6, Question: "q5", AnswerCell: "D6"},
		{Row: 7, Question: "q6", AnswerCell: "D7", Answer: "既存", Answered: true},
		{Row: 8, Question: "q7", AnswerCell: "D8", Locked: true},
	}}}}
	// The kept row q6 is matched too (as a rival of the others), its
	// result unused.
	items := Plan(wb, fixed{auto(yes), auto(yes), auto(text), unsure, none, auto(text)}, Options{})
	got := Writes(items)
	want := []string{
		`S!D2 = "はい"`, `S!E2 = "毎日取得しています。"`, // choice in the cell, text in remarks
		`S!D3 = "はい" [comment]`,   // no remarks column: the text goes to a comment
		`S!D4 [review] [comment]`, // free text cannot go into a dropdown
		`S!D5 [review] [comment]`, // low confidence
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("writes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var statuses []string
	for _, it := range items {
		statuses = append(statuses, string(it.Status))
	}
	if s := strings.Join(statuses, ","); s != "filled,filled,review,review,unanswered,kept,kept" {
		t.Errorf("statuses = %s", s)
	}
	if items[4].RunnersUp != nil || items[3].RunnersUp[0].EntryID != "e-yes" {
		t.Errorf("runners-up = %+v / %+v", items[4].RunnersUp, items[3].RunnersUp)
	}
	// --overwrite replaces the existing answer.
	items = Plan(wb, fixed{auto(yes), auto(yes), auto(text), unsure, none, auto(text)}, Options{Overwrite: true})
	if items[5].Status != StatusFilled {
		t.Errorf("overwrite: status %s", items[5].Status)
	}
}

// An entry without a choice whose answer affirms what its question names
// fills a はい/いいえ dropdown with はい and its text as remarks; one that
// only describes, in words of its own, goes to review with its text in an
// empty remarks cell (not over the customer's note, nor anywhere when the
// sheet has no remarks column).
func TestPlanAnswerSaysYes(t *testing.T) {
	echo := &corpus.Entry{ID: "bk", Question: "バックアップを取得していますか？", Answer: "日次で取得しています。"}
	describes := &corpus.Entry{ID: "dr", Question: "災害対策はされていますか？", Answer: "東京と大阪の2拠点で運用しています。"}
	auto := func(e *corpus.Entry) match.Result {
		return match.Result{Candidates: []match.Candidate{{Entry: e, Score: 0.9}}, Confidence: 0.9, Auto: true}
	}
	wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{
		{Row: 2, Question: "q1", AnswerCell: "C2", RemarksCell: "D2", Choices: []string{"はい", "いいえ", "該当なし"}},
		{Row: 3, Question: "q2", AnswerCell: "C3", RemarksCell: "D3", Choices: []string{"はい", "いいえ", "該当なし"}},
		{Row: 4, Question: "q3", AnswerCell: "C4", RemarksCell: "D4", Remarks: "別紙参照", Choices: []string{"はい", "いいえ", "該当なし"}},
		{Row: 5, Question: "q4", AnswerCell: "C5", Choices: []string{"はい", "いいえ", "該当なし"}},
	}}}}
	items := Plan(wb, fixed{auto(echo), auto(describes), auto(describes), auto(describes)}, Options{})
	got := Writes(items)
	want := []string{`S!C2 = "はい"`, `S!D2 = "日次で取得しています。"`, `S!C3 [review] [comment]`, `S!D3 = "東京と大阪の2拠点で運用しています。"`, `S!C4 [review] [comment]`, `S!C5 [review] [comment]`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("writes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r := items[1].Reason; !strings.Contains(r, "in the remarks") {
		t.Errorf("reason %q does not say the text is in the remarks", r)
	}
	if r := items[2].Reason; strings.Contains(r, "in the remarks") {
		t.Errorf("reason %q says the text is in the remarks, which hold the customer's note", r)
	}
	// The summary names the entry that a choice would let fill its row.
	if c, ids := Count(items), NoChoiceEntries(items); c.NoChoice != 3 || len(ids) != 1 || ids[0] != "dr" {
		t.Errorf("no choice: %d rows, entries %v; want 3, [dr]", c.NoChoice, ids)
	}
}

// A row held back by the matcher's checks says which check, so the
// reviewer knows what to look at.
func TestReviewReasons(t *testing.T) {
	e := &corpus.Entry{ID: "officer", Answer: "執行役員を任命しています"}
	rival := &corpus.Entry{ID: "fw-review", Answer: "四半期ごとに見直しています"}
	res := func(r match.Result) match.Result {
		r.Candidates = []match.Candidate{{Entry: e, Score: 0.6}}
		r.Confidence = 0.5
		return r
	}
	wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{
		{Row: 2, Question: "個人情報保護管理者の連絡先", AnswerCell: "D2"},
		{Row: 3, Question: "ファイアウォールはありますか", AnswerCell: "D3"},
		{Row: 4, Question: "How long are backups retained?", AnswerCell: "D4"},
		{Row: 5, Question: "q", AnswerCell: "D5"},
	}}}}
	items := Plan(wb, fixed{res(match.Result{Why: match.Reason{Check: match.CheckHead, Head: "連絡先"}}), res(match.Result{Why: match.Reason{Check: match.CheckTied, Rival: rival}}), res(match.Result{Why: match.Reason{Check: match.CheckConflict, Query: "backups", Wording: "logs"}}), res(match.Result{})}, Options{})
	want := []string{
		`entry officer does not mention "連絡先", what the question asks about`,
		"entry fw-review, with another answer, fits the question as well",
		`entry officer is about "logs", the question about "backups"`,
		"confidence 0.500 is below the threshold",
	}
	for i, w := range want {
		if items[i].Status != StatusReview || items[i].Reason != w {
			t.Errorf("row %d: %s %q, want review %q", i, items[i].Status, items[i].Reason, w)
		}
	}
}

// A row whose best entry is barely plausible gets no review mark: the
// customer's copy stays clean there, and the report still names the entry.
func TestPlanPlausibilityFloor(t *testing.T) {
	e := &corpus.Entry{ID: "e-logs", Answer: "ログは1年保管しています"}
	res := func(conf float64) match.Result {
		return match.Result{Candidates: []match.Candidate{{Entry: e, Score: 0.5}}, Confidence: conf}
	}
	wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{
		{Row: 2, Question: "q1", AnswerCell: "D2"},
		{Row: 3, Question: "q2", AnswerCell: "D3"},
	}}}}
	items := Plan(wb, fixed{res(DefaultMinConfidence / 2), res(DefaultMinConfidence)}, Options{})
	if got := strings.Join(Writes(items), "\n"); got != `S!D3 [review] [comment]` {
		t.Errorf("writes:\n%s\nwant only the row at the floor marked", got)
	}
	if it := items[0]; it.Status != StatusUnanswered || it.EntryID != "e-logs" || !strings.Contains(it.Reason, "no plausible answer") {
		t.Errorf("row under the floor: %+v", it)
	}
}

// The review comment shows what the reviewer decides on: the entry's own
// question and its whole answer, remarks included (a learned entry's
// answer may be a bare "Yes").
func TestReviewCommentShowsEntry(t *testing.T) {
	e := &corpus.Entry{ID: "AIS-07.1", Question: "Are application security vulnerabilities remediated?", Answer: "Yes",
		Choice: corpus.ChoiceYes, Remarks: "Findings are fixed within 30 days of discovery."}
	wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{{Row: 2, Question: "q", AnswerCell: "D2"}}}}}
	items := Plan(wb, fixed{{Candidates: []match.Candidate{{Entry: e, Score: 0.5}}, Confidence: 0.4}}, Options{})
	c := items[0].writes[0].comment
	for _, want := range []string{"Entry question: Are application security vulnerabilities remediated?", "Answer: Yes", "Remarks: Findings are fixed within 30 days"} {
		if !strings.Contains(c, want) {
			t.Errorf("comment lacks %q:\n%s", want, c)
		}
	}
}

// On Yes | No | N/A columns the review mark sits on the suggested column.
func TestReviewMarkOnSuggestedColumn(t *testing.T) {
	e := &corpus.Entry{ID: "e", Question: "q", Answer: "いいえ", Choice: corpus.ChoiceNo}
	row := sheet.Row{Row: 5, Question: "q", AnswerCell: "F5", MarkCells: map[string]string{"Yes": "F5", "No": "G5", "Not Applicable": "H5"},
		Choices: []string{"Yes", "No", "Not Applicable"}}
	wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{row}}}}
	items := Plan(wb, fixed{{Candidates: []match.Candidate{{Entry: e, Score: 0.5}}, Confidence: 0.4}}, Options{})
	if got := strings.Join(Writes(items), "\n"); got != "S!G5 [review] [comment]" {
		t.Errorf("writes %q, want the mark on G5 (No)", got)
	}
}

// A reason quotes the question's own words: the matcher works on folded
// text (ルール folds to ルル).
func TestReasonQuotesTheQuestion(t *testing.T) {
	e := &corpus.Entry{ID: "pw-len", Question: "パスワードの長さ", Answer: "8文字以上"}
	wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{{Row: 2, Question: "パスワードのルールを定めていますか", AnswerCell: "D2"}}}}}
	items := Plan(wb, fixed{{Candidates: []match.Candidate{{Entry: e, Score: 0.6}}, Confidence: 0.4, Why: match.Reason{Check: match.CheckHead, Head: "ルル"}}}, Options{})
	if !strings.Contains(items[0].Reason, "「ルール」") {
		t.Errorf("reason %q, want the question's ルール", items[0].Reason)
	}
	// A label (or a follow-up's own words) is checked by its last word:
	// the reason names the whole word the question holds it in.
	for _, tt := range []struct{ q, head, want string }{
		{"上記の取得頻度を記載してください", "得頻度", "「取得頻度」"},
		{"パスワードルール", "ルル", "「パスワードルール」"},
		{"情報セキュリティ責任者", "責任者", "「責任者」"},
	} {
		wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{{Row: 2, Question: tt.q, AnswerCell: "D2"}}}}}
		items := Plan(wb, fixed{{Candidates: []match.Candidate{{Entry: e, Score: 0.6}}, Confidence: 0.4, Why: match.Reason{Check: match.CheckHead, Head: tt.head}}}, Options{})
		if !strings.Contains(items[0].Reason, tt.want) {
			t.Errorf("%s: reason %q, want %s", tt.q, items[0].Reason, tt.want)
		}
	}
}

// A Japanese sheet gets its review comment and reasons in Japanese, an
// English sheet in English.
func TestMessagesInTheSheetsLanguage(t *testing.T) {
	e := &corpus.Entry{ID: "bk", Question: "バックアップを取得していますか", Answer: "はい"}
	for _, tt := range []struct {
		question string
		want     []string
	}{
		{"バックアップの取得頻度を教えてください", []string{"qfill: 要確認。", "候補: bk", "理由: 信頼度 0.400 がしきい値を下回っています", "回答集の質問: バックアップを取得していますか", "回答: はい"}},
		{"How often are backups taken?", []string{"qfill: please review.", "Suggested: bk", "Why: confidence 0.400 is below the threshold", "Entry question: ", "Answer: はい"}},
	} {
		wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{{Row: 2, Question: tt.question, AnswerCell: "D2"}}}}}
		items := Plan(wb, fixed{{Candidates: []match.Candidate{{Entry: e, Score: 0.6}}, Confidence: 0.4}}, Options{})
		c := items[0].writes[0].comment
		for _, w := range tt.want {
			if !strings.Contains(c, w) {
				t.Errorf("%s: comment lacks %q:\n%s", tt.question, w, c)
			}
		}
	}
}

// A row under the threshold says which check lowered its confidence
// most, when one took at least 0.05 off it, in the sheet's language.
func TestReasonNamesTheLargestCut(t *testing.T) {
	e := &corpus.Entry{ID: "bk", Question: "バックアップを取得していますか", Answer: "はい"}
	trace := func(steps ...match.Step) match.Result {
		return match.Result{Candidates: []match.Candidate{{Entry: e, Score: 0.6}}, Confidence: steps[len(steps)-1].Conf, Trace: steps}
	}
	for _, tt := range []struct {
		question string
		res      match.Result
		want     string
	}{
		{"How often are backups taken?", trace(match.Step{Signal: match.StepScore, Conf: 0.6}, match.Step{Signal: match.StepHead, Conf: 0.5}, match.Step{Signal: match.StepRival, Conf: 0.2}),
			"confidence 0.200 is below the threshold; lowered most because another question of this sheet fits the entry better"},
		{"How often are backups taken?", trace(match.Step{Signal: match.StepScore, Conf: 0.6}, match.Step{Signal: match.StepConflict, Conf: 0.45}, match.Step{Signal: match.StepRival, Conf: 0.4}),
			"confidence 0.400 is below the threshold; lowered most because one side names a term the other lacks"},
		// Cuts under 0.05, or by a re-ranking step, explain nothing.
		{"How often are backups taken?", trace(match.Step{Signal: match.StepScore, Conf: 0.5}, match.Step{Signal: match.StepHead, Conf: 0.46}, match.Step{Signal: match.StepPairs, Conf: 0.3}),
			"confidence 0.300 is below the threshold"},
		{"バックアップの取得頻度を教えてください", trace(match.Step{Signal: match.StepScore, Conf: 0.5}, match.Step{Signal: match.StepHead, Conf: 0.35}),
			"信頼度 0.350 がしきい値を下回っています（主に質問が尋ねている点に回答集の質問が触れていないため下がりました）"},
	} {
		wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{{Row: 2, Question: tt.question, AnswerCell: "D2"}}}}}
		items := Plan(wb, fixed{tt.res}, Options{})
		if items[0].Status != StatusReview || items[0].Reason != tt.want {
			t.Errorf("%v: %s %q, want review %q", tt.res.Trace, items[0].Status, items[0].Reason, tt.want)
		}
	}
}

// A filled row answers its further answer columns from the entry's
// answers by column label, with a value the dropdown allows, and leaves
// a cell that holds something.
func TestExtraAnswers(t *testing.T) {
	e := &corpus.Entry{ID: "a1", Question: "q", Answer: "Yes", Choice: corpus.ChoiceYes,
		Extra: map[string]string{"ssrm control ownership": "csp-owned", "Other": "x"}}
	row := func(n int, value string) sheet.Row {
		return sheet.Row{Row: n, Question: "q", AnswerCell: fmt.Sprintf("C%d", n), Choices: []string{"Yes", "No"},
			Extras: []sheet.Extra{{Label: "SSRM Control Ownership", Cell: fmt.Sprintf("D%d", n), Value: value, Choices: []string{"CSP-owned", "CSC-owned"}}}}
	}
	wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{row(2, ""), row(3, "CSC-owned")}}}}
	auto := match.Result{Candidates: []match.Candidate{{Entry: e, Score: 0.9}}, Confidence: 0.9, Auto: true}
	items := Plan(wb, fixed{auto, auto}, Options{})
	if got, want := strings.Join(Writes(items), "\n"), "S!C2 = \"Yes\"\nS!D2 = \"CSP-owned\"\nS!C3 = \"Yes\""; got != want {
		t.Errorf("writes:\n%s\nwant:\n%s", got, want)
	}
}

// A review comment's runner-up is the first candidate that writes
// something else than the suggestion: one that writes the same cells is
// no alternative.
func TestRunnerUpWritesDifferently(t *testing.T) {
	no := func(id string) *corpus.Entry {
		return &corpus.Entry{ID: id, Question: "q", Answer: "No", Remarks: "No yearly review cadence yet."}
	}
	yes := &corpus.Entry{ID: "access-policy", Question: "q", Answer: "Yes", Remarks: "Reviewed every March."}
	wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{{Row: 2, Question: "Are policies reviewed yearly?", AnswerCell: "D2"}}}}}
	items := Plan(wb, fixed{{Candidates: []match.Candidate{{Entry: no("bk-policy"), Score: 0.5}, {Entry: no("log-policy"), Score: 0.49}, {Entry: yes, Score: 0.4}}, Confidence: 0.4}}, Options{})
	c := items[0].writes[0].comment
	if !strings.Contains(c, "Runner-up: access-policy (0.40)") {
		t.Errorf("comment does not offer access-policy as the runner-up:\n%s", c)
	}
	if len(items[0].RunnersUp) != 2 {
		t.Errorf("report lists %d runners-up, want both", len(items[0].RunnersUp))
	}
}

// A filled Yes | No | N/A row gets the sheet's own mark in the chosen
// column (Row.Mark, from the reader), or "x" when the reader gave none.
func TestMarkInChosenColumn(t *testing.T) {
	e := &corpus.Entry{ID: "e", Question: "q", Answer: "はい", Choice: corpus.ChoiceYes}
	for _, tt := range []struct{ mark, want string }{{"○", `S!C5 = "○"`}, {"", `S!C5 = "x"`}} {
		row := sheet.Row{Row: 5, Question: "q", AnswerCell: "C5", MarkCells: map[string]string{"はい": "C5", "いいえ": "D5", "該当なし": "E5"},
			Choices: []string{"はい", "いいえ", "該当なし"}, Mark: tt.mark}
		wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{row}}}}
		items := Plan(wb, fixed{{Candidates: []match.Candidate{{Entry: e, Score: 0.9}}, Confidence: 0.9, Auto: true}}, Options{})
		if got := strings.Join(Writes(items), "\n"); got != tt.want {
			t.Errorf("mark %q: writes %q, want %q", tt.mark, got, tt.want)
		}
	}
}

// Mark columns for a partial or unknown answer are read but never marked:
// a yes goes to 実施している, a no to 実施していない (the text, with no
// remarks column, in a comment), and an entry that says neither leaves the
// row for review.
func TestMarkBesidePartialColumns(t *testing.T) {
	marks := map[string]string{"実施している": "C5", "一部実施している": "D5", "実施していない": "E5", "わからない": "F5"}
	choices := []string{"実施している", "一部実施している", "実施していない", "わからない"}
	for _, tt := range []struct {
		c    corpus.Choice
		want string
	}{{corpus.ChoiceYes, `S!C5 = "○" [comment]`}, {corpus.ChoiceNo, `S!E5 = "○" [comment]`}, {corpus.ChoiceNA, "S!C5 [review] [comment]"}} {
		e := &corpus.Entry{ID: "e", Question: "q", Answer: "回答です。", Choice: tt.c}
		row := sheet.Row{Row: 5, Question: "q", AnswerCell: "C5", MarkCells: marks, Choices: choices, Mark: "○"}
		wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{row}}}}
		items := Plan(wb, fixed{{Candidates: []match.Candidate{{Entry: e, Score: 0.9}}, Confidence: 0.9, Auto: true}}, Options{})
		if got := strings.Join(Writes(items), "\n"); got != tt.want || tt.c == corpus.ChoiceNA && items[0].Status != StatusReview {
			t.Errorf("choice %q: writes %q (status %s), want %q", tt.c, got, items[0].Status, tt.want)
		}
	}
}

// An answer longer than a cell holds goes to review: excelize would write
// only its first 32,767 characters.
func TestAnswerLongerThanACell(t *testing.T) {
	for _, tt := range []struct {
		n      int
		status Status
	}{{32767, StatusFilled}, {32768, StatusReview}} {
		e := &corpus.Entry{ID: "e", Question: "q", Answer: strings.Repeat("あ", tt.n)}
		row := sheet.Row{Row: 2, Question: "q", AnswerCell: "C2"}
		wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{row}}}}
		items := Plan(wb, fixed{{Candidates: []match.Candidate{{Entry: e, Score: 1}}, Confidence: 1, Auto: true}}, Options{})
		if items[0].Status != tt.status || tt.status == StatusReview && !strings.Contains(items[0].Reason, "longer than a cell holds") {
			t.Errorf("%d characters: %s (%s), want %s", tt.n, items[0].Status, items[0].Reason, tt.status)
		}
	}
}

// A column headed 回答（はい／いいえ） without a dropdown takes the value
// when the entry says one, its text in the remarks; an entry that says
// none still fills the cell with its text.
func TestHeaderHintChoices(t *testing.T) {
	yes := &corpus.Entry{ID: "bk", Question: "バックアップを取得していますか？", Answer: "はい。毎日取得しています。", Choice: corpus.ChoiceYes}
	loc := &corpus.Entry{ID: "loc", Question: "データセンターの所在地は？", Answer: "東京と大阪です。"}
	for _, tt := range []struct {
		e    *corpus.Entry
		want string
	}{
		{yes, "S!C2 = \"はい\"\nS!D2 = \"毎日取得しています。\""},
		{loc, "S!C2 = \"東京と大阪です。\""},
	} {
		row := sheet.Row{Row: 2, Question: "q", AnswerCell: "C2", RemarksCell: "D2", HintChoices: []string{"はい", "いいえ"}}
		wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{row}}}}
		items := Plan(wb, fixed{{Candidates: []match.Candidate{{Entry: tt.e, Score: 0.9}}, Confidence: 0.9, Auto: true}}, Options{})
		if got := strings.Join(Writes(items), "\n"); got != tt.want {
			t.Errorf("%s: writes %q, want %q", tt.e.ID, got, tt.want)
		}
	}
}

// Check boxes typed into the answer cell: the value's box is ticked and
// the rest of the cell kept; an entry that names no value goes to review,
// since its text would wipe out the form.
func TestCheckBoxCell(t *testing.T) {
	yes := &corpus.Entry{ID: "bk", Question: "バックアップを取得していますか？", Answer: "はい。毎日取得しています。", Choice: corpus.ChoiceYes}
	loc := &corpus.Entry{ID: "loc", Question: "データセンターの所在地は？", Answer: "東京と大阪です。"}
	for _, tt := range []struct {
		e      *corpus.Entry
		status Status
		want   string
	}{
		{yes, StatusFilled, `S!C2 = "■はい\u3000□いいえ\u3000□該当なし"` + "\n" + `S!D2 = "毎日取得しています。"`},
		{loc, StatusReview, ""},
	} {
		row := sheet.Row{Row: 2, Question: "q", AnswerCell: "C2", RemarksCell: "D2", Boxes: "□はい　□いいえ　□該当なし", Choices: []string{"はい", "いいえ", "該当なし"}}
		wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{row}}}}
		items := Plan(wb, fixed{{Candidates: []match.Candidate{{Entry: tt.e, Score: 0.9}}, Confidence: 0.9, Auto: true}}, Options{})
		if items[0].Status != tt.status {
			t.Errorf("%s: %s (%s), want %s", tt.e.ID, items[0].Status, items[0].Reason, tt.status)
		}
		if got := strings.Join(Writes(items), "\n"); tt.status == StatusFilled && got != tt.want {
			t.Errorf("%s: writes %q, want %q", tt.e.ID, got, tt.want)
		}
	}
}

// A dropdown's explanation beside a remarks cell that holds the
// customer's own note goes to a comment on the answer cell: the note
// stays, and the explanation is not lost.
func TestRemarksCellTaken(t *testing.T) {
	yes := &corpus.Entry{ID: "bk", Question: "バックアップを取得していますか？", Answer: "はい。毎日取得しています。", Choice: corpus.ChoiceYes}
	row := sheet.Row{Row: 2, Question: "q", AnswerCell: "C2", RemarksCell: "D2", Remarks: "SOC2報告書を添付してください", HintChoices: []string{"はい", "いいえ"}}
	wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{row}}}}
	items := Plan(wb, fixed{{Candidates: []match.Candidate{{Entry: yes, Score: 0.9}}, Confidence: 0.9, Auto: true}}, Options{})
	if got := strings.Join(Writes(items), "\n"); got != `S!C2 = "はい" [comment]` {
		t.Errorf("writes %q, want the value with the explanation in a comment", got)
	}
	// A free-text answer carries its own explanation: no comment.
	row.HintChoices = nil
	wb = &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{row}}}}
	items = Plan(wb, fixed{{Candidates: []match.Candidate{{Entry: yes, Score: 0.9}}, Confidence: 0.9, Auto: true}}, Options{})
	if got := strings.Join(Writes(items), "\n"); got != `S!C2 = "はい。毎日取得しています。"` {
		t.Errorf("free text: writes %q", got)
	}
	// An English "Yes" whose remarks say how often: with no remarks cell
	// free, the remarks go to a comment rather than being dropped.
	remarked := &corpus.Entry{ID: "training", Question: "Do you run awareness training?", Answer: "Yes", Remarks: "Mandatory annually for all staff."}
	for _, r := range []sheet.Row{
		{Row: 2, Question: "q", AnswerCell: "C2"},
		{Row: 2, Question: "q", AnswerCell: "C2", RemarksCell: "D2", Remarks: "Attach your policy"},
	} {
		wb = &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{r}}}}
		items = Plan(wb, fixed{{Candidates: []match.Candidate{{Entry: remarked, Score: 0.9}}, Confidence: 0.9, Auto: true}}, Options{})
		if got := strings.Join(Writes(items), "\n"); got != `S!C2 = "Yes" [comment]` || items[0].Remarks != remarked.Remarks {
			t.Errorf("remarks cell %q: writes %q, remarks %q", r.RemarksCell, got, items[0].Remarks)
		}
	}
}

// A follow-up asked only on yes (「はい」の場合、…, If yes, …) below a
// question answered no is left blank, whatever its words match: filled, it
// would contradict the answer above; so is one asked only on no below a
// yes. A plain reference back (上記の…) is filled, and so is a follow-up
// below the answer it is asked on.
func TestPlanFollowUpBelowNo(t *testing.T) {
	no := &corpus.Entry{ID: "no-sub", Question: "再委託していますか", Answer: "いいえ。再委託していません。", Choice: corpus.ChoiceNo}
	yes := &corpus.Entry{ID: "yes-bk", Question: "バックアップを取得していますか", Answer: "はい。毎日取得しています。", Choice: corpus.ChoiceYes}
	ctl := &corpus.Entry{ID: "sub-control", Question: "委託先を管理していますか", Answer: "委託先は年1回評価しています。"}
	auto := func(e *corpus.Entry) match.Result {
		return match.Result{Candidates: []match.Candidate{{Entry: e, Score: 0.9}}, Confidence: 0.9, Auto: true}
	}
	follow := func(row int, q, above string) sheet.Row {
		return sheet.Row{Row: row, Question: q, Follows: above, AnswerCell: fmt.Sprintf("C%d", row)}
	}
	wb := &sheet.Workbook{Sheets: []*sheet.Sheet{{Name: "S", Rows: []sheet.Row{
		{Row: 2, Question: "再委託していますか", AnswerCell: "C2"},
		follow(3, "「はい」の場合、委託先の管理方法を記載してください", "再委託していますか"),
		follow(4, "上記の委託先の管理方法を記載してください", "再委託していますか"),
		{Row: 5, Question: "バックアップを取得していますか", AnswerCell: "C5"},
		follow(6, "If yes, how is it managed?", "バックアップを取得していますか"),
		{Row: 7, Question: "Do you subcontract?", AnswerCell: "C7", Answered: true, Answer: "No"},
		follow(8, "If so, how are subcontractors managed?", "Do you subcontract?"),
		// Asked only on no: blank below a yes, answered below a no.
		follow(9, "If not, please explain.", "Do you subcontract?"),
		{Row: 10, Question: "バックアップを取得していますか", AnswerCell: "C10"},
		follow(11, "「いいえ」の場合、その理由を記載してください", "バックアップを取得していますか"),
	}}}}
	// Row 7, kept, is matched too (auto(no), unused): a rival of the others.
	items := Plan(wb, fixed{auto(no), auto(ctl), auto(ctl), auto(yes), auto(ctl), auto(no), auto(ctl), auto(ctl), auto(yes), auto(ctl)}, Options{})
	var got []string
	for _, it := range items {
		got = append(got, string(it.Status))
	}
	if s := strings.Join(got, ","); s != "filled,unanswered,filled,filled,filled,kept,unanswered,filled,filled,unanswered" {
		t.Errorf("statuses = %s", s)
	}
	if r := items[9].Reason; !strings.Contains(r, "「はい」です") {
		t.Errorf("reason %q does not say the question above is answered yes", r)
	}
	if r := items[1].Reason; !strings.Contains(r, "いいえ") {
		t.Errorf("reason %q does not say the question above is answered no", r)
	}
	for _, w := range Writes(items) {
		if strings.HasPrefix(w, "S!C3") || strings.HasPrefix(w, "S!C8") {
			t.Errorf("wrote %s below a no", w)
		}
	}
}
