package eval

import (
	"math"
	"sort"
	"strings"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/match"
	"github.com/sahilm/fuzzy"
	"golang.org/x/text/unicode/norm"
)

// BM25 is the plain character-bigram BM25 baseline: NFKC and lower case,
// no other folding, no thesaurus. Its confidence is the BM25 score divided
// by the query's score against itself, so it lands near [0,1].
type BM25 struct {
	entries []*corpus.Entry
	docs    []map[string]int
	lens    []float64
	avg     float64
	df      map[string]int
}

// NewBM25 indexes the entries' questions.
func NewBM25(entries []*corpus.Entry) *BM25 {
	b := &BM25{entries: entries, df: map[string]int{}}
	var total float64
	for _, e := range entries {
		bg := bigrams(e.Question)
		b.docs = append(b.docs, bg)
		n := 0
		for t, c := range bg {
			b.df[t]++
			n += c
		}
		b.lens = append(b.lens, float64(n))
		total += float64(n)
	}
	if len(entries) > 0 {
		b.avg = total / float64(len(entries))
	}
	return b
}

func bigrams(s string) map[string]int {
	r := []rune(strings.ToLower(norm.NFKC.String(s)))
	out := map[string]int{}
	for i := 0; i+1 < len(r); i++ {
		out[string(r[i:i+2])]++
	}
	return out
}

// score sums over the query's bigrams in a fixed order (q sorted): summed
// in map order, equal scores differed in their last bits from run to run
// and ties fell either way, so the baseline's top-1 moved between runs.
func (b *BM25) score(q []string, tf map[string]int, dl float64) float64 {
	const k1, bb = 1.2, 0.75
	n := float64(len(b.docs))
	var s float64
	for _, t := range q {
		f := float64(tf[t])
		if f == 0 {
			continue
		}
		df := float64(b.df[t])
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		s += idf * f * (k1 + 1) / (f + k1*(1-bb+bb*dl/b.avg))
	}
	return s
}

// Match implements Matcher.
func (b *BM25) Match(q match.Query) match.Result {
	qb := bigrams(q.Text)
	var ql float64
	for _, c := range qb {
		ql += float64(c)
	}
	keys := make([]string, 0, len(qb))
	for t := range qb {
		keys = append(keys, t)
	}
	sort.Strings(keys)
	self := b.score(keys, qb, ql)
	cands := make([]match.Candidate, 0, len(b.docs))
	for i, d := range b.docs {
		s := b.score(keys, d, b.lens[i])
		if s > 0 {
			cands = append(cands, match.Candidate{Entry: b.entries[i], Score: s})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].Score > cands[j].Score })
	r := match.Result{Candidates: cands}
	if len(cands) > 0 && self > 0 {
		r.Confidence = math.Min(1, cands[0].Score/self)
	}
	return r
}

// Fuzzy is the sahilm/fuzzy baseline: the query as a subsequence pattern
// over the questions. A reworded question is rarely a subsequence of the
// stored one, which is why qfill uses fuzzy only for short patterns.
type Fuzzy struct {
	entries []*corpus.Entry
	texts   []string
}

// NewFuzzy prepares the entries' questions.
func NewFuzzy(entries []*corpus.Entry) *Fuzzy {
	f := &Fuzzy{entries: entries}
	for _, e := range entries {
		f.texts = append(f.texts, strings.ToLower(norm.NFKC.String(e.Question)))
	}
	return f
}

// Match implements Matcher; any subsequence hit has confidence 1.
func (f *Fuzzy) Match(q match.Query) match.Result {
	ms := fuzzy.Find(strings.ToLower(norm.NFKC.String(q.Text)), f.texts)
	var r match.Result
	for _, m := range ms {
		r.Candidates = append(r.Candidates, match.Candidate{Entry: f.entries[m.Index], Score: 1})
	}
	if len(ms) > 0 {
		r.Confidence = 1
	}
	return r
}
