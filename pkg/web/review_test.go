package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qfill/qfill/pkg/match"
	"github.com/xuri/excelize/v2"
)

var templateEN = filepath.Join("..", "..", "templates", "vendor_assessment_en.xlsx")

// copyCorpus copies the bundled corpus into a folder the test may change.
func copyCorpus(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	os.MkdirAll(dir, 0o755)
	files, _ := filepath.Glob(filepath.Join("..", "..", "corpus", "*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644)
	}
	return dir
}

func reviewServer(t *testing.T, corpusDir string, tune func(*Server)) *httptest.Server {
	t.Helper()
	lib, err := NewLibrary(corpusDir, match.DefaultConfig(), "test corpus", nil)
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Library: lib, MaxUpload: 4 << 20, Addr: "127.0.0.1:0", Today: func() string { return "2026-12-05" }}
	if tune != nil {
		tune(s)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func startReview(t *testing.T, url, path string) (int, ReviewResponse, string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, _ := mw.CreateFormFile("file", filepath.Base(path))
	w.Write(data)
	mw.Close()
	res, err := http.Post(url+"/api/review", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var rr ReviewResponse
	json.Unmarshal(raw, &rr)
	return res.StatusCode, rr, string(raw)
}

func call(t *testing.T, method, url string, body any) (int, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, url, rd)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return res.StatusCode, raw
}

func decide(t *testing.T, url, id string, ds ...DecisionIn) (int, ReviewResponse, string) {
	t.Helper()
	code, raw := call(t, "POST", url+"/api/review/"+id+"/decisions", map[string]any{"decisions": ds})
	var rr ReviewResponse
	json.Unmarshal(raw, &rr)
	return code, rr, string(raw)
}

// pickRows finds review rows of each kind in a review.
func pickRows(t *testing.T, rr ReviewResponse) (withChoice, needsChoice []ReviewRow) {
	t.Helper()
	for _, r := range rr.Rows {
		if !r.NeedsReview || len(r.Choices) == 0 || len(r.Suggestions) == 0 {
			continue
		}
		if s := r.Suggestions[0]; s.Probability <= 0 || s.Probability >= 1 || (len(r.Suggestions) > 1 && r.Suggestions[1].Probability != 0) {
			t.Errorf("row %d: suggestions' probabilities %v: want one in (0, 1) for the first only", r.Row, r.Suggestions)
		}
		if r.Suggestions[0].NeedsChoice {
			needsChoice = append(needsChoice, r)
		} else {
			withChoice = append(withChoice, r)
		}
	}
	if len(withChoice) < 2 || len(needsChoice) < 1 {
		t.Fatalf("the template has %d review rows whose suggestion has a choice and %d without; want 2 and 1", len(withChoice), len(needsChoice))
	}
	return
}

func cell(t *testing.T, data []byte, sheet, cell string) (value string, commented bool) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	value, _ = f.GetCellValue(sheet, cell)
	cs, _ := f.GetComments(sheet)
	for _, c := range cs {
		if c.Cell == cell {
			commented = true
		}
	}
	return
}

func TestReviewAPI(t *testing.T) {
	ts := reviewServer(t, filepath.Join("..", "..", "corpus"), nil)
	code, rr, raw := startReview(t, ts.URL, templateJA)
	if code != 200 || rr.ID == "" || rr.ToReview == 0 || rr.Reviewed != 0 || rr.Learn {
		t.Fatalf("POST /api/review: %d %s", code, raw)
	}
	for _, r := range rr.Rows {
		if len(r.Suggestions) > 3 || r.Key != r.Sheet+"!"+strings.Split(r.Key, "!")[1] {
			t.Errorf("row %s: %d suggestions", r.Key, len(r.Suggestions))
		}
		if len(r.Suggestions) > 0 && (len(r.Trace) == 0 || r.Trace[0].Signal != "score") {
			t.Errorf("row %s: trace %+v, want one that starts with the score", r.Key, r.Trace)
		}
		for _, s := range r.Suggestions {
			if s.Question == "" || s.Answer == "" {
				t.Errorf("row %s: suggestion %s lacks its question or answer", r.Key, s.EntryID)
			}
		}
	}
	withChoice, needsChoice := pickRows(t, rr)
	a, b, c := withChoice[0], needsChoice[0], withChoice[1]
	var d ReviewRow
	for _, r := range rr.Rows {
		if r.NeedsReview && r.Key != a.Key && r.Key != b.Key && r.Key != c.Key {
			d = r
		}
	}
	api := ts.URL + "/api/review/" + rr.ID

	// Refused, and nothing changes: a value the dropdown does not list, a
	// suggestion without a choice accepted without one, a row that is
	// not there, an entry that is not there.
	for _, bad := range []struct {
		d    DecisionIn
		want string
	}{
		{DecisionIn{Key: a.Key, Answer: "多分", Choice: "たぶん"}, "is not one of the values the cell allows (はい / いいえ / 該当なし)"},
		{DecisionIn{Key: b.Key, EntryID: b.Suggestions[0].EntryID}, "はい / いいえ / 該当なし"},
		{DecisionIn{Key: "Nope!Z9", Skip: true}, "no question row"},
		{DecisionIn{Key: a.Key, EntryID: "no-such-entry"}, "no entry"},
		{DecisionIn{Key: a.Key}, "needs entry_id, answer, skip or clear"},
	} {
		code, _, raw := decide(t, ts.URL, rr.ID, DecisionIn{Key: c.Key, Skip: true}, bad.d)
		if code != 400 || !strings.Contains(raw, bad.want) {
			t.Errorf("%+v: %d %s, want 400 with %q", bad.d, code, raw, bad.want)
		}
	}
	code, got, raw := decide(t, ts.URL, rr.ID,
		DecisionIn{Key: a.Key, EntryID: a.Suggestions[0].EntryID},
		DecisionIn{Key: b.Key, EntryID: b.Suggestions[0].EntryID, Choice: "はい"},
		DecisionIn{Key: c.Key, Answer: "提供していません。", Choice: "いいえ"},
		DecisionIn{Key: d.Key, Skip: true})
	if code != 200 || len(got.Rows) != 4 || got.Reviewed != 4 {
		t.Fatalf("decisions: %d %s", code, raw)
	}
	for _, r := range got.Rows {
		if !r.Decided || r.Decision == nil {
			t.Errorf("%s not decided: %+v", r.Key, r)
		}
	}
	// Undo: the decision is taken back.
	if code, got, _ := decide(t, ts.URL, rr.ID, DecisionIn{Key: d.Key, Clear: true}); code != 200 || got.Rows[0].Decided || got.Reviewed != 3 {
		t.Errorf("clear: %d %+v", code, got)
	}
	decide(t, ts.URL, rr.ID, DecisionIn{Key: d.Key, Skip: true})

	code, data := call(t, "GET", api+"/download", nil)
	if code != 200 {
		t.Fatalf("download: %d %s", code, data)
	}
	sheetOf := func(r ReviewRow) (string, string) { s, c, _ := strings.Cut(r.Key, "!"); return s, c }
	for _, tc := range []struct {
		r    ReviewRow
		want string
	}{{a, a.Suggestions[0].Choice}, {b, "はい"}, {c, "いいえ"}, {d, ""}} {
		sh, ce := sheetOf(tc.r)
		if v, commented := cell(t, data, sh, ce); v != tc.want || commented {
			t.Errorf("%s: %q (review mark %v), want %q without a mark", tc.r.Key, v, commented, tc.want)
		}
	}
	// An undecided review row keeps its mark, as fill leaves it.
	for _, r := range rr.Rows {
		if r.NeedsReview && r.Key != a.Key && r.Key != b.Key && r.Key != c.Key && r.Key != d.Key && r.Status == "review" {
			sh, ce := sheetOf(r)
			if _, commented := cell(t, data, sh, ce); !commented {
				t.Errorf("undecided %s lost its review mark", r.Key)
			}
			break
		}
	}

	// Search the review's corpus.
	code, raw2 := call(t, "GET", api+"/search?q=バックアップ", nil)
	if code != 200 || !strings.Contains(string(raw2), `"entry_id":"bk-`) {
		t.Errorf("search: %d %s", code, raw2)
	}
	// Learning is off without --learn.
	if code, raw := call(t, "POST", api+"/learn", nil); code != 403 || !strings.Contains(string(raw), "--learn") {
		t.Errorf("learn without --learn: %d %s", code, raw)
	}
	if code, _ := call(t, "DELETE", api, nil); code != 204 {
		t.Errorf("DELETE: %d", code)
	}
	for _, u := range []string{api + "/download", ts.URL + "/api/review/0123/download"} {
		if code, raw := call(t, "GET", u, nil); code != 404 || !strings.Contains(string(raw), "no such review") {
			t.Errorf("GET %s: %d %s", u, code, raw)
		}
	}
}

func TestReviewBounds(t *testing.T) {
	ts := reviewServer(t, filepath.Join("..", "..", "corpus"), func(s *Server) { s.MaxReviews = 2; s.MaxUpload = 64 << 10 })
	big := filepath.Join(t.TempDir(), "big.xlsx")
	os.WriteFile(big, bytes.Repeat([]byte("x"), 100<<10), 0o644)
	if code, _, raw := startReview(t, ts.URL, big); code != 413 || !strings.Contains(raw, "larger than") {
		t.Errorf("oversized: %d %s", code, raw)
	}
	notXLSX := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(notXLSX, []byte("hello"), 0o644)
	if code, _, raw := startReview(t, ts.URL, notXLSX); code != 400 || !strings.Contains(raw, "not a spreadsheet") {
		t.Errorf("not a workbook: %d %s", code, raw)
	}
	broken := filepath.Join(t.TempDir(), "broken.xlsx")
	os.WriteFile(broken, []byte("PK\x03\x04 not really"), 0o644)
	if code, _, raw := startReview(t, ts.URL, broken); code != 422 || strings.Contains(raw, "\n\"") {
		t.Errorf("broken workbook: %d %s", code, raw)
	}
	for i := 0; i < 2; i++ {
		if code, _, raw := startReview(t, ts.URL, templateJA); code != 200 {
			t.Fatalf("review %d: %d %s", i, code, raw)
		}
	}
	if code, _, raw := startReview(t, ts.URL, templateJA); code != 429 || !strings.Contains(raw, "reviews are open") {
		t.Errorf("third review: %d %s", code, raw)
	}

	// Idle reviews are dropped.
	ts = reviewServer(t, filepath.Join("..", "..", "corpus"), func(s *Server) { s.ReviewIdle = 50 * time.Millisecond })
	_, rr, _ := startReview(t, ts.URL, templateJA)
	time.Sleep(100 * time.Millisecond)
	if code, _ := call(t, "GET", ts.URL+"/api/review/"+rr.ID+"/download", nil); code != 404 {
		t.Errorf("idle review still there: %d", code)
	}
}

// Two reviewers on two files, at once: each sees only their own rows and
// their own decisions.
func TestReviewConcurrent(t *testing.T) {
	ts := reviewServer(t, filepath.Join("..", "..", "corpus"), nil)
	var wg sync.WaitGroup
	files := []string{templateJA, templateEN, templateJA, templateEN}
	ids := make([]string, len(files))
	decided := make([]string, len(files))
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, rr, raw := startReview(t, ts.URL, f)
			if code != 200 {
				t.Errorf("%s: %d %s", f, code, raw)
				return
			}
			// Each reviewer decides a different row.
			r := rr.Rows[i%len(rr.Rows)]
			if code, _, raw := decide(t, ts.URL, rr.ID, DecisionIn{Key: r.Key, Skip: true}); code != 200 {
				t.Errorf("%s: decide: %d %s", f, code, raw)
			}
			ids[i], decided[i] = rr.ID, r.Key
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for i, id := range ids {
		if seen[id] {
			t.Fatalf("review id %s given twice", id)
		}
		seen[id] = true
		code, raw := call(t, "GET", ts.URL+"/api/review/"+id, nil)
		var rr ReviewResponse
		if err := json.Unmarshal(raw, &rr); code != 200 || err != nil {
			t.Fatalf("GET review %d: %d %s", i, code, raw)
		}
		ja := files[i] == templateJA
		var mine []string
		for _, r := range rr.Rows {
			if strings.HasPrefix(r.Key, "セキュリティチェックシート!") != ja {
				t.Errorf("review %d of %s shows row %s", i, files[i], r.Key)
			}
			if r.Decided {
				mine = append(mine, r.Key)
			}
		}
		if len(mine) != 1 || mine[0] != decided[i] {
			t.Errorf("review %d: decided rows %v, want only %s", i, mine, decided[i])
		}
	}
}

// Save to corpus: accepted suggestions become aliases, a typed answer a
// new entry; the next review of the same wording fills it without review.
// A decision against the corpus's answer is a conflict until confirmed,
// and a corpus file added on disk meanwhile is kept.
func TestReviewLearn(t *testing.T) {
	dir := copyCorpus(t)
	ts := reviewServer(t, dir, func(s *Server) { s.Learn = true })
	_, rr, _ := startReview(t, ts.URL, templateJA)
	withChoice, needsChoice := pickRows(t, rr)
	a, b, c := withChoice[0], needsChoice[0], withChoice[1]
	decide(t, ts.URL, rr.ID,
		DecisionIn{Key: a.Key, EntryID: a.Suggestions[0].EntryID},
		DecisionIn{Key: b.Key, EntryID: b.Suggestions[0].EntryID, Choice: "はい"},
		DecisionIn{Key: c.Key, Answer: "専任の担当者が月次で確認しています。", Choice: "はい"})

	// Someone adds a corpus file meanwhile.
	os.WriteFile(filepath.Join(dir, "90_added.yaml"), []byte("entries:\n  - {id: added-meanwhile, question: 社内に託児所はありますか？, answer: ありません。}\n"), 0o644)

	code, raw := call(t, "POST", ts.URL+"/api/review/"+rr.ID+"/learn", nil)
	var lr LearnResult
	json.Unmarshal(raw, &lr)
	if code != 200 || lr.Aliases+lr.Choices < 2 || lr.Added != 1 || len(lr.Conflicts) != 0 {
		t.Fatalf("learn: %d %s", code, raw)
	}
	if _, err := os.Stat(filepath.Join(dir, "90_added.yaml")); err != nil {
		t.Fatal("the file added meanwhile is gone")
	}
	learned, _ := os.ReadFile(filepath.Join(dir, "learned.yaml"))
	if !strings.Contains(string(learned), "専任の担当者が月次で確認しています。") || !strings.Contains(string(learned), "file: security_checklist_ja.xlsx") {
		t.Errorf("learned.yaml lacks the typed answer with its provenance:\n%s", learned)
	}

	// The same checklist again: the three rows are filled, not for review.
	_, again, _ := startReview(t, ts.URL, templateJA)
	for _, r := range again.Rows {
		if r.Key == a.Key || r.Key == b.Key || r.Key == c.Key {
			if r.Status != "filled" || r.NeedsReview {
				t.Errorf("%s after learning: %s (%s)", r.Key, r.Status, r.Reason)
			}
		}
		if r.Key == b.Key && r.Choice != "はい" {
			t.Errorf("%s after learning: choice %q, want the remembered はい", r.Key, r.Choice)
		}
	}

	// A conflict: the choice against the entry's own answer.
	var conflictRow ReviewRow
	for _, r := range again.Rows {
		if r.Status == "filled" && r.Choice == "はい" && len(r.Suggestions) > 0 {
			conflictRow = r
			break
		}
	}
	entryFile := func() string {
		var all []string
		files, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
		for _, f := range files {
			data, _ := os.ReadFile(f)
			all = append(all, string(data))
		}
		return strings.Join(all, "\n")
	}
	before := entryFile()
	decide(t, ts.URL, again.ID, DecisionIn{Key: conflictRow.Key, EntryID: conflictRow.EntryID, Choice: "いいえ"})
	code, raw = call(t, "POST", ts.URL+"/api/review/"+again.ID+"/learn", nil)
	json.Unmarshal(raw, &lr)
	if code != 200 || len(lr.Conflicts) != 1 || lr.Conflicts[0].Key != conflictRow.Key || lr.Conflicts[0].EntryID != conflictRow.EntryID {
		t.Fatalf("conflicting decision: %d %s", code, raw)
	}
	if entryFile() != before {
		t.Error("an unconfirmed conflict changed the corpus")
	}
	code, raw = call(t, "POST", ts.URL+"/api/review/"+again.ID+"/learn", map[string]any{"confirm": []string{conflictRow.Key}})
	json.Unmarshal(raw, &lr)
	if code != 200 || lr.Replaced != 1 || len(lr.Conflicts) != 0 {
		t.Errorf("confirmed: %d %s", code, raw)
	}
	if entryFile() == before {
		t.Error("a confirmed conflict did not change the corpus")
	}
}

// Two reviewers save to the corpus at once: the saves are serialised, and
// each one's learning is in the corpus afterwards. A page of another site
// cannot start a review.
func TestReviewLearnConcurrentAndCrossOrigin(t *testing.T) {
	dir := copyCorpus(t)
	ts := reviewServer(t, dir, func(s *Server) { s.Learn = true })
	typed := map[string]string{templateJA: "専用の検証環境を用意しています。", templateEN: "We run a dedicated staging environment."}
	ids := map[string]string{}
	for _, f := range []string{templateJA, templateEN} {
		_, rr, _ := startReview(t, ts.URL, f)
		var r ReviewRow
		for _, x := range rr.Rows {
			if x.NeedsReview {
				r = x
				break
			}
		}
		d := DecisionIn{Key: r.Key, Answer: typed[f]}
		if len(r.Choices) > 0 {
			d.Choice = r.Choices[0]
		}
		if code, _, raw := decide(t, ts.URL, rr.ID, d); code != 200 {
			t.Fatalf("%s: %d %s", f, code, raw)
		}
		ids[f] = rr.ID
	}
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if code, raw := call(t, "POST", ts.URL+"/api/review/"+id+"/learn", nil); code != 200 {
				t.Errorf("learn: %d %s", code, raw)
			}
		}()
	}
	wg.Wait()
	learned, _ := os.ReadFile(filepath.Join(dir, "learned.yaml"))
	for _, a := range typed {
		if !strings.Contains(string(learned), a) {
			t.Errorf("learned.yaml lacks %q after two saves at once:\n%s", a, learned)
		}
	}

	data, _ := os.ReadFile(templateJA)
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	w, _ := mw.CreateFormFile("file", "x.xlsx")
	w.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", ts.URL+"/api/review", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", "http://evil.test")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("review started from another origin: %d, want 403", res.StatusCode)
	}
}

// Entries that would write the same cells are offered once: the slot goes
// to the next entry that writes something else.
func TestReviewSuggestionsWriteDifferently(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "c.yaml"), []byte(`entries:
  - {id: bk-policy, question: "Is the backup policy reviewed yearly?", answer: "No", remarks: "No yearly review cadence yet."}
  - {id: log-policy, question: "Is the logging policy reviewed yearly?", answer: "No", remarks: "No yearly review cadence yet."}
  - {id: ir-policy, question: "Is the incident policy reviewed yearly?", answer: "No", remarks: "No yearly review cadence yet."}
  - {id: access-policy, question: "Is the access policy reviewed yearly?", answer: "Yes", remarks: "Reviewed every March."}
`), 0o644)
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"No.", "Question", "Answer"})
	for i, q := range []string{"Are policies reviewed yearly?", "Where is the data center?", "Do you have a CSIRT?", "How are keys managed?", "Is there a status page?"} {
		f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+2), &[]any{i + 1, q, ""})
	}
	path := filepath.Join(t.TempDir(), "q.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	cfg := match.DefaultConfig()
	cfg.Threshold = 1.01 // every row for review
	lib, err := NewLibrary(dir, cfg, "test corpus", nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer((&Server{Library: lib, MaxUpload: 4 << 20, Addr: "127.0.0.1:0"}).Handler())
	t.Cleanup(ts.Close)
	code, rr, raw := startReview(t, ts.URL, path)
	if code != http.StatusOK || len(rr.Rows) == 0 || rr.Rows[0].Question != "Are policies reviewed yearly?" {
		t.Fatalf("status %d: %s", code, raw)
	}
	var got []string
	for _, s := range rr.Rows[0].Suggestions {
		got = append(got, s.Answer)
	}
	slices.Sort(got)
	if strings.Join(got, " ") != "No Yes" {
		t.Errorf("suggested answers %v, want one No and the Yes", got)
	}
}

// A follow-up row (上記の保存期間) shows what it was matched as, and is
// learned so: with the question above it, not as a question of its own
// that every such row would share.
func TestReviewFollowUp(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"No.", "質問", "回答"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"1", "監視カメラを設置していますか。"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"2", "上記の保存期間を記載してください。"})
	in := filepath.Join(t.TempDir(), "followup.xlsx")
	if err := f.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	dir := copyCorpus(t)
	ts := reviewServer(t, dir, func(s *Server) { s.Learn = true })
	_, rr, raw := startReview(t, ts.URL, in)
	const asked = "保存期間を記載してください。監視カメラを設置していますか。"
	var row ReviewRow
	for _, r := range rr.Rows {
		if r.Row == 3 {
			row = r
		}
	}
	if row.Asked != asked {
		t.Fatalf("row 3 asked %q, want %q: %s", row.Asked, asked, raw)
	}
	decide(t, ts.URL, rr.ID, DecisionIn{Key: row.Key, Answer: "30日間保存しています。"})
	if code, body := call(t, "POST", ts.URL+"/api/review/"+rr.ID+"/learn", nil); code != 200 {
		t.Fatalf("learn: %d %s", code, body)
	}
	learned, _ := os.ReadFile(filepath.Join(dir, "learned.yaml"))
	if !strings.Contains(string(learned), "question: "+asked) {
		t.Errorf("learned.yaml lacks the follow-up asked with its question:\n%s", learned)
	}
}
