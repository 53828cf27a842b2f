package match

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/question"
)

// score prunes (a bound on the overlap a wording needs, refreshed now and
// then) and keeps its scratch space between queries; neither may change
// what it returns. Against an exhaustive scorer (every wording's overlap
// in a map, every entry's best wording, sorted), over a corpus of
// near-copies where the bound prunes most: the same scores in the same
// order, and each entry at its best wording's score.
func TestScoreMatchesExhaustive(t *testing.T) {
	base := sampleCorpus(t).Entries
	rng := rand.New(rand.NewPCG(7, 11))
	topics := []string{"管理画面", "バックアップ", "外部連携", "Mobile app", "請求機能"}
	var es []*corpus.Entry
	for i := range 1500 {
		b := base[rng.IntN(len(base))]
		es = append(es, &corpus.Entry{
			ID:       fmt.Sprintf("e%04d", i),
			Question: fmt.Sprintf("%s: %s (%d)", topics[rng.IntN(len(topics))], b.Question, i%37),
			Answer:   b.Answer,
		})
	}
	ix := New(es, DefaultConfig())
	limit := ix.cfg.TopK + keep
	for n, b := range base {
		if n%3 != 0 {
			continue
		}
		qf := ix.tokenizeInto(question.Prepare(topics[n%len(topics)]+" "+b.Question), nil, features{})
		got := ix.score(qf)
		want := exhaustive(ix, qf)
		if len(got) != min(limit, len(want)) {
			t.Fatalf("%q: %d candidates, want %d", b.Question, len(got), min(limit, len(want)))
		}
		for i, c := range got {
			if c.Score != want[i].Score || c.Score != bestOf(want, c.Entry) {
				t.Fatalf("%q: candidate %d %s scores %v; exhaustive: %v at %d, %v for that entry", b.Question, i, c.Entry.ID, c.Score, want[i].Score, i, bestOf(want, c.Entry))
			}
		}
	}
}

// exhaustive scores every wording sharing a token with the query, sums in
// the sorted token order score uses (so the floats are the same), and
// returns each entry at its best wording, best first.
func exhaustive(ix *Index, qf features) []Candidate {
	toks := slices.Sorted(maps.Keys(qf))
	var qnorm float64
	qw := make([]float64, len(toks))
	for i, t := range toks {
		qw[i] = ix.weight(t, qf[t])
		qnorm += qw[i]
	}
	ov := map[int32]float64{}
	for i, t := range toks {
		if qw[i] < negligibleWeight {
			continue
		}
		for _, p := range ix.postings[t] {
			ov[p.doc] += min(qw[i], float64(p.w))
		}
	}
	kq := math.Pow(qnorm, -ix.cfg.QueryCoverage)
	best := map[*corpus.Entry]float64{}
	for d, o := range ov {
		e := ix.entries[ix.docs[d].entry]
		if sc := o * kq * ix.docs[d].scale; sc > best[e] {
			best[e] = sc
		}
	}
	var out []Candidate
	for e, sc := range best {
		out = append(out, Candidate{Entry: e, Score: sc})
	}
	slices.SortFunc(out, func(a, b Candidate) int { return cmp.Compare(b.Score, a.Score) })
	return out
}

func bestOf(cs []Candidate, e *corpus.Entry) float64 {
	for _, c := range cs {
		if c.Entry == e {
			return c.Score
		}
	}
	return math.NaN()
}

// The same over random word lists in which a few words are common and
// most are rare, as in text: wordings made of common words alone often
// rank near the top, where a bound that passes over a wording too soon
// would lose them.
func TestScoreMatchesExhaustiveRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	syllables := []string{"bal", "dor", "fen", "gut", "kir", "lom", "mav", "nop", "rux", "tib"}
	var vocab []string
	for _, a := range syllables {
		for _, b := range syllables[:6] {
			vocab = append(vocab, a+b+"o")
		}
	}
	words := func(n int) string {
		var ws []string
		for range n {
			// The product of two uniform numbers: low indexes often.
			ws = append(ws, vocab[int(float64(len(vocab))*rng.Float64()*rng.Float64())])
		}
		return strings.Join(ws, " ")
	}
	var es []*corpus.Entry
	for i := range 3000 {
		es = append(es, &corpus.Entry{ID: fmt.Sprintf("r%04d", i), Question: words(2 + rng.IntN(7)), Answer: "yes"})
	}
	ix := New(es, DefaultConfig())
	limit := ix.cfg.TopK + keep
	for range 400 {
		q := words(2 + rng.IntN(9))
		qf := ix.tokenizeInto(question.Prepare(q), nil, features{})
		got, want := ix.score(qf), exhaustive(ix, qf)
		if len(got) != min(limit, len(want)) {
			t.Fatalf("%q: %d candidates, want %d", q, len(got), min(limit, len(want)))
		}
		for i, c := range got {
			if c.Score != want[i].Score || c.Score != bestOf(want, c.Entry) {
				t.Fatalf("%q: candidate %d %s scores %v; exhaustive: %v at %d, %v for that entry", q, i, c.Entry.ID, c.Score, want[i].Score, i, bestOf(want, c.Entry))
			}
		}
	}
}
