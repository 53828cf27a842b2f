// Package eval measures a matcher on labelled question pairs: how often its
// best entry is right (top-1), how many of the answers it would write
// without a review mark are right (precision), and how many answerable
// questions get a right answer that way (coverage).
//
// Pairs come in the format of the shared benchmark: a TSV with query_id,
// query_question, corpus, expected_id (NONE, or ids joined by "|") and note.
// The corpus column names a corpus file in the same folder. Files named
// context_*.tsv (id, section) beside it give the section heading of queries
// and corpus entries, as the sheet reader would.
package eval

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/sheet"
)

// Pair is one labelled query.
type Pair struct {
	QueryID  string
	Query    string
	Section  string
	Corpus   string
	Expected []string // empty: no right entry (NONE)
	Note     string
	Line     int
}

// Answerable reports whether some corpus entry is right for the pair.
func (p Pair) Answerable() bool { return len(p.Expected) > 0 }

// Direction groups pairs by where the queries come from and which corpus
// answers them, e.g. "C003 → corpus_000".
func (p Pair) Direction() string {
	src := "queries"
	if i := strings.IndexAny(p.QueryID, "-_"); i > 0 {
		src = p.QueryID[:i]
	}
	return src + " → " + p.Corpus
}

// Set is a pairs file with its corpora.
type Set struct {
	Path    string
	Pairs   []Pair
	Corpora map[string][]*corpus.Entry
	// Synonyms holds the synonyms file of each corpus folder that has
	// one (corpus.SynonymsFile), by corpus name.
	Synonyms map[string]string
}

// Load reads a pairs file and every corpus it names.
func Load(path string) (*Set, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("pairs %s: no such file", path)
	}
	if err != nil {
		return nil, fmt.Errorf("pairs: %w", err)
	}
	defer f.Close()
	dir := filepath.Dir(path)
	sections, err := loadContexts(dir)
	if err != nil {
		return nil, err
	}
	s := &Set{Path: path, Corpora: map[string][]*corpus.Entry{}, Synonyms: map[string]string{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	cols := map[string]int{}
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Split(strings.TrimRight(sc.Text(), "\r"), "\t")
		if line == 1 {
			for i, h := range fields {
				cols[corpus.HeaderKey(h)] = i
			}
			for _, need := range []string{"query_id", "query_question", "corpus", "expected_id"} {
				if _, ok := cols[need]; !ok {
					return nil, fmt.Errorf("%s:1: header has no %q column", path, need)
				}
			}
			continue
		}
		get := func(k string) string {
			i, ok := cols[k]
			if !ok || i >= len(fields) {
				return ""
			}
			return strings.TrimSpace(fields[i])
		}
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		p := Pair{QueryID: get("query_id"), Query: get("query_question"), Corpus: get("corpus"), Note: get("note"), Line: line}
		p.Section = sections[p.QueryID]
		if exp := get("expected_id"); exp != "" && !strings.EqualFold(exp, "NONE") {
			for _, id := range strings.Split(exp, "|") {
				if id = strings.TrimSpace(id); id != "" {
					p.Expected = append(p.Expected, id)
				}
			}
		}
		if p.Query == "" || p.Corpus == "" {
			return nil, fmt.Errorf("%s:%d: query_question and corpus are required", path, line)
		}
		if _, ok := s.Corpora[p.Corpus]; !ok {
			entries, synonyms, err := loadCorpus(dir, p.Corpus)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: corpus %q: %w", path, line, p.Corpus, err)
			}
			for _, e := range entries {
				if e.Section == "" {
					e.Section = sections[e.ID]
				}
			}
			s.Corpora[p.Corpus] = entries
			if synonyms != "" {
				s.Synonyms[p.Corpus] = synonyms
			}
		}
		s.Pairs = append(s.Pairs, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// loadCorpus finds the corpus a pairs row names: NAME.tsv beside the pairs
// file (the shared benchmark's convention), or else NAME itself, a corpus
// file or folder relative to the pairs file.
func loadCorpus(dir, name string) ([]*corpus.Entry, string, error) {
	tsv := filepath.Join(dir, name+".tsv")
	if _, err := os.Stat(tsv); err == nil {
		es, err := corpus.LoadFile(tsv)
		return es, "", err
	}
	c, err := corpus.Load(filepath.Join(dir, name))
	if err != nil {
		return nil, "", err
	}
	return c.Entries, c.Synonyms, nil
}

// loadContexts reads context_*.tsv (id, section) files in dir.
func loadContexts(dir string) (map[string]string, error) {
	files, _ := filepath.Glob(filepath.Join(dir, "context_*.tsv"))
	out := map[string]string{}
	for _, fn := range files {
		data, err := os.ReadFile(fn)
		if err != nil {
			return nil, fmt.Errorf("context: %w", err)
		}
		for i, l := range strings.Split(string(data), "\n") {
			id, sec, ok := strings.Cut(strings.TrimRight(l, "\r"), "\t")
			if i == 0 || !ok {
				continue
			}
			out[strings.TrimSpace(id)] = strings.TrimSpace(sec)
		}
	}
	return out, nil
}

// Matcher is what eval measures.
type Matcher interface {
	Match(q match.Query) match.Result
}

// SheetMatcher matches all questions of one checklist together, as fill
// does (see match.Index.MatchAll).
type SheetMatcher interface {
	MatchAll(qs []match.Query) []match.Result
}

// Outcome is a matcher's answer to one pair.
type Outcome struct {
	Pair       Pair
	BestID     string
	BestText   string
	Confidence float64
	Score      float64
	Auto       bool
	// Top holds the IDs of the first three candidates, the suggestions
	// the review page offers (qfill's matcher only).
	Top []string
	// WritesRight: the best entry is not one of the expected ones but
	// writes what one of them writes (corpus.WritesAlike), so the filled
	// sheet would read the same.
	WritesRight bool
	// Signals are the matcher's measurements, and Explain its trace
	// (qfill's matcher only).
	Signals match.Signals
	Explain string
}

// Right reports whether the best entry is one of the expected ids.
func (o Outcome) Right() bool {
	return slices.Contains(o.Pair.Expected, o.BestID)
}

// RunnerUp is the second candidate's ID, or "".
func (o Outcome) RunnerUp() string {
	if len(o.Top) < 2 {
		return ""
	}
	return o.Top[1]
}

// InTop3 reports whether one of the first three candidates is expected
// (the best one where the matcher gives no list).
func (o Outcome) InTop3() bool {
	if len(o.Top) == 0 {
		return o.Right()
	}
	for _, id := range o.Top {
		if slices.Contains(o.Pair.Expected, id) {
			return true
		}
	}
	return false
}

// Run matches every pair, building one matcher per corpus with build,
// which gets the corpus's entries and its synonyms file ("" when none).
func (s *Set) Run(build func(entries []*corpus.Entry, synonyms string) Matcher) []Outcome {
	matchers := map[string]Matcher{}
	names := make([]string, 0, len(s.Corpora))
	for n := range s.Corpora {
		names = append(names, n)
	}
	sort.Strings(names)
	byID := map[string]map[string]*corpus.Entry{}
	for _, n := range names {
		matchers[n] = build(s.Corpora[n], s.Synonyms[n])
		byID[n] = make(map[string]*corpus.Entry, len(s.Corpora[n]))
		for _, e := range s.Corpora[n] {
			byID[n][e.ID] = e
		}
	}
	// The queries of one direction are one checklist.
	results := make([]match.Result, len(s.Pairs))
	groups := map[string][]int{}
	var order []string
	for i, p := range s.Pairs {
		d := p.Direction()
		if _, ok := groups[d]; !ok {
			order = append(order, d)
		}
		groups[d] = append(groups[d], i)
	}
	for _, d := range order {
		idx := groups[d]
		m := matchers[s.Pairs[idx[0]].Corpus]
		// A follow-up row (上記の保存期間, If yes, how often?) is asked
		// with the question above it, as fill asks it.
		rows := make([]sheet.Row, len(idx))
		for k, i := range idx {
			rows[k].Question = s.Pairs[i].Query
		}
		sheet.LinkFollowUps(rows)
		qs := make([]match.Query, len(idx))
		for k, i := range idx {
			qs[k] = match.Query{Text: rows[k].Asked(), Section: s.Pairs[i].Section, FollowUp: rows[k].Follows != ""}
		}
		if sm, ok := m.(SheetMatcher); ok {
			for k, r := range sm.MatchAll(qs) {
				results[idx[k]] = r
			}
			continue
		}
		for k, i := range idx {
			results[i] = m.Match(qs[k])
		}
	}
	out := make([]Outcome, len(s.Pairs))
	for i, p := range s.Pairs {
		r := results[i]
		o := Outcome{Pair: p, Confidence: r.Confidence, Auto: r.Auto, Signals: r.Signals(), Explain: r.Explain()}
		if b := r.Best(); b != nil {
			o.BestID, o.BestText, o.Score = b.Entry.ID, b.Entry.Question, b.Score
			o.WritesRight = !o.Right() && slices.ContainsFunc(p.Expected, func(id string) bool {
				x, ok := byID[p.Corpus][id]
				return ok && corpus.WritesAlike(b.Entry, x)
			})
		}
		for _, c := range r.Candidates[:min(3, len(r.Candidates))] {
			o.Top = append(o.Top, c.Entry.ID)
		}
		out[i] = o
	}
	return out
}

// Metrics summarises outcomes; the fractions are in [0,1].
type Metrics struct {
	Rows       int `json:"rows"`
	Answerable int `json:"answerable"`
	Top1Right  int `json:"top1_right"`
	Top3Right  int `json:"top3_right"`
	AutoFilled int `json:"auto_filled"`
	AutoRight  int `json:"auto_right"`
	// AutoWritesRight counts the wrong auto-fills that write what a right
	// entry writes: wrong by entry, harmless on the sheet.
	AutoWritesRight int     `json:"auto_same_answer"`
	Top1            float64 `json:"top1"`
	Top3            float64 `json:"top3"`
	Precision       float64 `json:"precision"`
	Coverage        float64 `json:"coverage"`
}

// Measure computes metrics over outcomes, with auto-fill decided by
// confidence >= threshold.
func Measure(outs []Outcome, threshold float64) Metrics {
	var m Metrics
	for _, o := range outs {
		m.Rows++
		right := o.Right()
		if o.Pair.Answerable() {
			m.Answerable++
			if right {
				m.Top1Right++
			}
			if o.InTop3() {
				m.Top3Right++
			}
		}
		if o.BestID != "" && o.Confidence >= threshold {
			m.AutoFilled++
			if right {
				m.AutoRight++
			}
			if o.WritesRight {
				m.AutoWritesRight++
			}
		}
	}
	m.Top1 = frac(m.Top1Right, m.Answerable)
	m.Top3 = frac(m.Top3Right, m.Answerable)
	m.Precision = frac(m.AutoRight, m.AutoFilled)
	if m.AutoFilled == 0 {
		m.Precision = 1
	}
	m.Coverage = frac(m.AutoRight, m.Answerable)
	return m
}

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// BestCoverageAt returns the highest coverage any threshold reaches while
// precision stays at or above minPrecision, and that threshold. It is an
// oracle (it looks at the labels) used to compare matchers fairly with
// baselines that have no calibrated threshold.
func BestCoverageAt(outs []Outcome, minPrecision float64) (coverage, threshold float64) {
	ts := make([]float64, 0, len(outs))
	for _, o := range outs {
		ts = append(ts, o.Confidence)
	}
	sort.Float64s(ts)
	threshold = 1.01
	for _, t := range ts {
		m := Measure(outs, t)
		if m.AutoFilled > 0 && m.Precision >= minPrecision && m.Coverage > coverage {
			coverage, threshold = m.Coverage, t
		}
	}
	return coverage, threshold
}

// ByDirection splits outcomes by Pair.Direction, in first-seen order.
func ByDirection(outs []Outcome) (names []string, groups map[string][]Outcome) {
	groups = map[string][]Outcome{}
	for _, o := range outs {
		d := o.Pair.Direction()
		if _, ok := groups[d]; !ok {
			names = append(names, d)
		}
		groups[d] = append(groups[d], o)
	}
	return names, groups
}
