package web

import (
	"cmp"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/qfill/qfill/pkg/batch"
	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/fill"
	"github.com/qfill/qfill/pkg/i18n"
	"github.com/qfill/qfill/pkg/learn"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/search"
	"github.com/qfill/qfill/pkg/sheet"
)

// Review jobs live in memory only: the uploaded package, the plan, and
// the reviewer's decisions. They are bounded in number (MaxReviews), each
// by the upload limit, and dropped after ReviewIdle without a request.
const (
	DefaultMaxReviews = 16
	DefaultReviewIdle = time.Hour
	// suggestionsShown is how many entries a review row offers.
	suggestionsShown = 3
)

// reviewJob is one checklist under review.
type reviewJob struct {
	mu        sync.Mutex
	id, name  string
	data      []byte
	snap      *Snapshot
	planned   map[string]fill.Item // by key, as the matcher planned them
	rows      map[string]sheet.Row
	order     []string // keys in sheet order
	decisions map[string]DecisionIn
	used      time.Time
}

// DecisionIn is one decision as the API takes it: an entry accepted
// (EntryID), an answer typed (Answer), the row left blank (Skip), or an
// earlier decision taken back (Clear). Choice is the dropdown value to
// write, when the cell has a dropdown.
type DecisionIn struct {
	Key     string `json:"key"`
	EntryID string `json:"entry_id,omitempty"`
	Answer  string `json:"answer,omitempty"`
	Remarks string `json:"remarks,omitempty"`
	Choice  string `json:"choice,omitempty"`
	Skip    bool   `json:"skip,omitempty"`
	Clear   bool   `json:"clear,omitempty"`
}

// Suggestion is an entry offered for a row.
type Suggestion struct {
	EntryID  string `json:"entry_id"`
	Question string `json:"question"`
	Answer   string `json:"answer"`
	// Choice is the dropdown value fill would write for this entry;
	// NeedsChoice says the entry has none the cell allows, so accepting
	// it takes a choice too.
	Choice      string  `json:"choice,omitempty"`
	NeedsChoice bool    `json:"needs_choice,omitempty"`
	Score       float64 `json:"score"`
	// Confidence is the matcher's estimate for the entry it ranks first;
	// it is not estimated for the others (0).
	Confidence float64 `json:"confidence,omitempty"`
	// Probability is fill.Item.Probability, for the first entry only.
	Probability float64 `json:"probability,omitempty"`
}

// ReviewRow is one question row of a checklist under review.
type ReviewRow struct {
	Key      string `json:"key"`
	Sheet    string `json:"sheet"`
	Row      int    `json:"row"`
	ID       string `json:"id,omitempty"`
	Question string `json:"question"`
	// Asked is what a follow-up row was matched (and is learned) as: its
	// own words, then the question above it.
	Asked   string `json:"asked,omitempty"`
	Section string `json:"section,omitempty"`
	// Status is what the download writes for the row now: filled,
	// review, unanswered.
	Status string `json:"status"`
	// NeedsReview: the matcher left the row for review.
	NeedsReview bool        `json:"needs_review"`
	Decided     bool        `json:"decided"`
	Decision    *DecisionIn `json:"decision,omitempty"`
	Answer      string      `json:"answer,omitempty"`
	Choice      string      `json:"choice,omitempty"`
	Remarks     string      `json:"remarks,omitempty"`
	EntryID     string      `json:"entry_id,omitempty"`
	Confidence  float64     `json:"confidence"`
	Reason      string      `json:"reason,omitempty"`
	// Trace is how the matcher reached Confidence.
	Trace       []match.Step `json:"trace,omitempty"`
	Choices     []string     `json:"choices"`
	Suggestions []Suggestion `json:"suggestions"`
}

// ReviewResponse is a review job's state.
type ReviewResponse struct {
	ID   string      `json:"id"`
	File string      `json:"file"`
	Rows []ReviewRow `json:"rows"`
	// ToReview counts the rows the matcher left for review; Reviewed, how
	// many of them are decided.
	ToReview int  `json:"to_review"`
	Reviewed int  `json:"reviewed"`
	Learn    bool `json:"learn"`
}

type apiError struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// fail answers with one line, in Japanese when the browser prefers it.
func fail(w http.ResponseWriter, r *http.Request, code int, msg string) {
	if i18n.PrefersJapanese(r.Header.Get("Accept-Language")) {
		msg = i18n.Japanese(msg)
	}
	writeJSON(w, code, apiError{Error: msg})
}

// reviews holds the jobs of one server.
type reviews struct {
	mu   sync.Mutex
	jobs map[string]*reviewJob
}

func (s *Server) maxReviews() int {
	if s.MaxReviews > 0 {
		return s.MaxReviews
	}
	return DefaultMaxReviews
}

func (s *Server) reviewIdle() time.Duration {
	if s.ReviewIdle > 0 {
		return s.ReviewIdle
	}
	return DefaultReviewIdle
}

// sweep drops the jobs idle for longer than ReviewIdle.
func (s *Server) sweep(now time.Time) {
	for id, j := range s.reviews.jobs {
		j.mu.Lock()
		idle := now.Sub(j.used) > s.reviewIdle()
		j.mu.Unlock()
		if idle {
			delete(s.reviews.jobs, id)
		}
	}
}

func (s *Server) job(w http.ResponseWriter, r *http.Request) *reviewJob {
	s.reviews.mu.Lock()
	defer s.reviews.mu.Unlock()
	s.sweep(time.Now())
	j := s.reviews.jobs[r.PathValue("id")]
	if j == nil {
		fail(w, r, http.StatusNotFound, "no such review (it may have been idle for over an hour): upload the checklist again")
		return nil
	}
	return j
}

func newID() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// startReview: POST /api/review, the checklist in the multipart field
// "file".
func (s *Server) startReview(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, s.MaxUpload+1<<20)
	mr, err := r.MultipartReader()
	if err != nil {
		fail(w, r, http.StatusBadRequest, "expected a multipart upload with the checklist in the field \"file\"")
		return
	}
	var name string
	var data []byte
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(w, r, http.StatusRequestEntityTooLarge, s.tooLarge())
			return
		}
		if err != nil {
			fail(w, r, http.StatusBadRequest, "upload was cut off")
			return
		}
		if part.FormName() != "file" {
			continue
		}
		name = filepath.Base(strings.ReplaceAll(part.FileName(), "\\", "/"))
		data, err = io.ReadAll(io.LimitReader(part, s.MaxUpload+1))
		if errors.As(err, &tooBig) || int64(len(data)) > s.MaxUpload {
			fail(w, r, http.StatusRequestEntityTooLarge, s.tooLarge())
			return
		}
		if err != nil {
			fail(w, r, http.StatusBadRequest, "upload was cut off")
			return
		}
		break
	}
	if data == nil {
		fail(w, r, http.StatusBadRequest, "no checklist in the upload (multipart field \"file\")")
		return
	}
	if !batch.IsWorkbook(name) {
		fail(w, r, http.StatusBadRequest, name+": not a spreadsheet (.xlsx or .xlsm)")
		return
	}
	snap, err := s.Library.Current()
	if err != nil {
		fail(w, r, http.StatusInternalServerError, "corpus: "+firstLine(err.Error()))
		return
	}
	res, err := fill.Run(fill.Job{Input: name, Data: data, Open: s.Open}, snap.Index)
	if err != nil {
		fail(w, r, http.StatusUnprocessableEntity, name+": "+firstLine(err.Error()))
		return
	}
	j := &reviewJob{id: newID(), name: name, data: data, snap: snap, planned: map[string]fill.Item{},
		rows: fill.RowsByKey(res.Workbook), decisions: map[string]DecisionIn{}, used: time.Now()}
	for _, it := range res.Items {
		if it.Status == fill.StatusKept {
			continue
		}
		j.planned[it.Key()] = it
		j.order = append(j.order, it.Key())
	}
	if len(j.order) == 0 {
		fail(w, r, http.StatusUnprocessableEntity, name+": no question left to answer (every answer cell is filled)")
		return
	}
	s.reviews.mu.Lock()
	s.sweep(time.Now())
	if len(s.reviews.jobs) >= s.maxReviews() {
		s.reviews.mu.Unlock()
		fail(w, r, http.StatusTooManyRequests, fmt.Sprintf("%d reviews are open: finish or close one first", s.maxReviews()))
		return
	}
	s.reviews.jobs[j.id] = j
	s.reviews.mu.Unlock()
	j.mu.Lock()
	defer j.mu.Unlock()
	writeJSON(w, http.StatusOK, s.state(j, nil))
}

// state is the job's rows (all, or those of keys) with the counters.
func (s *Server) state(j *reviewJob, keys []string) ReviewResponse {
	resp := ReviewResponse{ID: j.id, File: j.name, Rows: []ReviewRow{}, Learn: s.Learn}
	want := map[string]bool{}
	for _, k := range keys {
		want[k] = true
	}
	for _, k := range j.order {
		p := j.planned[k]
		if p.Status == fill.StatusReview {
			resp.ToReview++
			if _, ok := j.decisions[k]; ok {
				resp.Reviewed++
			}
		}
		if keys == nil || want[k] {
			resp.Rows = append(resp.Rows, j.row(k))
		}
	}
	return resp
}

// row is the review row of key: the planned item, with its decision
// applied exactly as the download applies it.
func (j *reviewJob) row(key string) ReviewRow {
	p := j.planned[key]
	it := p
	var dec *DecisionIn
	if d, ok := j.decisions[key]; ok {
		if fd, err := j.resolve(d); err == nil && fill.Decide(&it, j.rows[key], fd, fill.Options{}) == nil {
			dec = &d
		}
	}
	rr := ReviewRow{Key: key, Sheet: p.Sheet, Row: p.Row, ID: p.ID, Question: p.Question, Asked: p.Asked, Section: p.Section,
		Status: string(it.Status), NeedsReview: p.Status == fill.StatusReview, Decided: dec != nil, Decision: dec,
		Answer: it.Answer, Choice: it.Choice, Remarks: it.Remarks, EntryID: it.EntryID, Confidence: p.Confidence,
		Reason: it.Reason, Trace: p.Trace, Choices: p.Choices, Suggestions: []Suggestion{}}
	if rr.Choices == nil {
		rr.Choices = []string{}
	}
	ids := []string{}
	if p.EntryID != "" {
		ids = append(ids, p.EntryID)
	}
	for _, a := range p.RunnersUp {
		ids = append(ids, a.EntryID)
	}
	// Two entries that write the same cells are one choice for the
	// reviewer: the slot goes to the next entry that writes something
	// else.
	var shown []*corpus.Entry
	for i, id := range ids {
		if len(rr.Suggestions) == suggestionsShown {
			break
		}
		e := j.snap.Entry(id)
		if e == nil || slices.ContainsFunc(shown, func(s *corpus.Entry) bool { return corpus.WritesAlike(s, e) }) {
			continue
		}
		shown = append(shown, e)
		sg := j.suggest(key, e)
		if i == 0 {
			sg.Score, sg.Confidence, sg.Probability = p.Score, p.Confidence, p.Probability
		} else {
			sg.Score = p.RunnersUp[i-1].Score
		}
		rr.Suggestions = append(rr.Suggestions, sg)
	}
	return rr
}

// suggest describes entry e for row key: what accepting it would write.
func (j *reviewJob) suggest(key string, e *corpus.Entry) Suggestion {
	sg := Suggestion{EntryID: e.ID, Question: e.Question, Answer: e.Answer}
	it := j.planned[key]
	if err := fill.Decide(&it, j.rows[key], fill.Decision{Entry: e}, fill.Options{}); err != nil {
		sg.NeedsChoice = true
	} else {
		sg.Choice = it.Choice
	}
	return sg
}

// resolve turns an API decision into fill's.
func (j *reviewJob) resolve(d DecisionIn) (fill.Decision, error) {
	switch {
	case d.Skip:
		return fill.Decision{Skip: true}, nil
	case d.EntryID != "":
		e := j.snap.Entry(d.EntryID)
		if e == nil {
			return fill.Decision{}, fmt.Errorf("no entry %q in the corpus", d.EntryID)
		}
		return fill.Decision{Entry: e, Choice: d.Choice}, nil
	}
	if answer, remarks := d.typed(); answer != "" {
		return fill.Decision{Entry: &corpus.Entry{Answer: answer, Remarks: remarks}, Choice: d.Choice}, nil
	}
	return fill.Decision{}, fmt.Errorf("a decision needs entry_id, answer, skip or clear")
}

// typed is the answer a decision types: its text, or the bare dropdown
// value when it gives no text, and its remarks.
func (d DecisionIn) typed() (answer, remarks string) {
	answer = strings.TrimSpace(d.Answer)
	if answer == "" {
		answer = d.Choice
	}
	return answer, strings.TrimSpace(d.Remarks)
}

type decisionsIn struct {
	Decisions []DecisionIn `json:"decisions"`
}

// decide: POST /api/review/{id}/decisions. All decisions of a request
// are checked first; one that the row cannot take refuses the request.
func (s *Server) decide(w http.ResponseWriter, r *http.Request) {
	j := s.job(w, r)
	if j == nil {
		return
	}
	var in decisionsIn
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&in); err != nil {
		fail(w, r, http.StatusBadRequest, "expected JSON {\"decisions\": [...]}: "+firstLine(err.Error()))
		return
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.used = time.Now()
	keys := []string{}
	for _, d := range in.Decisions {
		p, ok := j.planned[d.Key]
		if !ok {
			fail(w, r, http.StatusBadRequest, fmt.Sprintf("%s: no question row to decide there", d.Key))
			return
		}
		if d.Clear {
			keys = append(keys, d.Key)
			continue
		}
		fd, err := j.resolve(d)
		if err == nil {
			err = fill.Decide(&p, j.rows[d.Key], fd, fill.Options{})
		}
		if err != nil {
			fail(w, r, http.StatusBadRequest, fmt.Sprintf("%s: %s", d.Key, err))
			return
		}
		keys = append(keys, d.Key)
	}
	for _, d := range in.Decisions {
		if d.Clear {
			delete(j.decisions, d.Key)
		} else {
			j.decisions[d.Key] = d
		}
	}
	writeJSON(w, http.StatusOK, s.state(j, keys))
}

// decisions is the job's decisions as fill takes them.
func (j *reviewJob) fillDecisions() map[string]fill.Decision {
	out := map[string]fill.Decision{}
	for k, d := range j.decisions {
		if fd, err := j.resolve(d); err == nil {
			out[k] = fd
		}
	}
	return out
}

// download: GET /api/review/{id}/download, the workbook with every
// decision applied and the undecided rows as fill leaves them.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	j := s.job(w, r)
	if j == nil {
		return
	}
	j.mu.Lock()
	j.used = time.Now()
	job := fill.Job{Input: j.name, Data: j.data, Open: s.Open, Plan: fill.Options{Decisions: j.fillDecisions()}}
	name := filledName(j.name)
	snap := j.snap
	j.mu.Unlock()
	res, err := fill.Run(job, snap.Index)
	if err != nil {
		fail(w, r, http.StatusInternalServerError, firstLine(err.Error()))
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Write(res.Bytes)
}

type learnIn struct {
	// Confirm lists the keys whose conflicting decision may change the
	// corpus's answer.
	Confirm []string `json:"confirm"`
}

// learnDecisions: POST /api/review/{id}/learn.
func (s *Server) learnDecisions(w http.ResponseWriter, r *http.Request) {
	if !s.Learn {
		fail(w, r, http.StatusForbidden, "saving to the corpus is off: start the server with qfill serve --learn")
		return
	}
	j := s.job(w, r)
	if j == nil {
		return
	}
	var in learnIn
	if r.ContentLength != 0 {
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&in); err != nil && !errors.Is(err, io.EOF) {
			fail(w, r, http.StatusBadRequest, "expected JSON {\"confirm\": [keys]}: "+firstLine(err.Error()))
			return
		}
	}
	confirm := map[string]bool{}
	for _, k := range in.Confirm {
		confirm[k] = true
	}
	j.mu.Lock()
	j.used = time.Now()
	var rs []learn.Reviewed
	var keys []string
	for _, k := range j.order {
		d, ok := j.decisions[k]
		if !ok || d.Skip {
			continue
		}
		p := j.planned[k]
		ob := learn.Observation{File: j.name, Sheet: p.Sheet, Row: p.Row, QID: p.ID, Question: cmp.Or(p.Asked, p.Question), Section: p.Section}
		if d.Choice != "" {
			ob.Choice, _ = corpus.ChoiceOf(d.Choice)
		}
		if d.EntryID == "" {
			ob.Answer, ob.Remarks = d.typed()
		}
		rs = append(rs, learn.Reviewed{Obs: ob, EntryID: d.EntryID, Confirm: confirm[k]})
		keys = append(keys, k)
	}
	j.mu.Unlock()
	res, err := s.Library.Learn(rs, keys, s.today())
	if err != nil {
		fail(w, r, http.StatusInternalServerError, "cannot save to the corpus: "+firstLine(err.Error()))
		return
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *Server) today() string {
	if s.Today != nil {
		return s.Today()
	}
	return time.Now().Format("2006-01-02")
}

// getReview: GET /api/review/{id}, every row with its decision.
func (s *Server) getReview(w http.ResponseWriter, r *http.Request) {
	j := s.job(w, r)
	if j == nil {
		return
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.used = time.Now()
	writeJSON(w, http.StatusOK, s.state(j, nil))
}

// closeReview: DELETE /api/review/{id}.
func (s *Server) closeReview(w http.ResponseWriter, r *http.Request) {
	s.reviews.mu.Lock()
	_, ok := s.reviews.jobs[r.PathValue("id")]
	delete(s.reviews.jobs, r.PathValue("id"))
	s.reviews.mu.Unlock()
	if !ok {
		fail(w, r, http.StatusNotFound, "no such review")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// SearchHit is an entry found by GET /api/corpus/search?q=.
type SearchHit struct {
	EntryID  string `json:"entry_id"`
	Question string `json:"question"`
	Answer   string `json:"answer"`
	Choice   string `json:"choice,omitempty"`
	Score    string `json:"score"`
}

// searchCorpus: GET /api/review/{id}/search?q=...&limit=N: entries of the
// review's corpus, found as `qfill corpus search` finds them.
func (s *Server) searchCorpus(w http.ResponseWriter, r *http.Request) {
	j := s.job(w, r)
	if j == nil {
		return
	}
	limit := 8
	fmt.Sscan(r.URL.Query().Get("limit"), &limit)
	if limit < 1 || limit > 50 {
		limit = 8
	}
	j.mu.Lock()
	j.used = time.Now()
	snap := j.snap
	j.mu.Unlock()
	hits := []SearchHit{}
	for _, h := range search.Find(snap.Corpus.Entries, snap.Index, snap.Corpus.Synonyms, r.URL.Query().Get("q"), limit) {
		hits = append(hits, SearchHit{EntryID: h.Entry.ID, Question: h.Entry.Question, Answer: h.Entry.Answer, Choice: string(corpus.DeriveChoice(h.Entry)), Score: h.Score})
	}
	writeJSON(w, http.StatusOK, map[string]any{"entries": hits})
}
