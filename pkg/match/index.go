package match

import (
	"math"
	"sort"
	"strings"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/textnorm"
)

// Query is one question read from a checklist.
type Query struct {
	Text string
	// Section is the heading the row sits under, if any.
	Section string
	// ID is the question's number or ID in its sheet, if any.
	ID string
}

// Candidate is one corpus entry scored against a query.
type Candidate struct {
	Entry *corpus.Entry
	// Score is the similarity of the best wording, in [0,1].
	Score float64
	// Wording is the question or alias that scored best.
	Wording string
}

// Result is the outcome of matching one query.
type Result struct {
	// Candidates holds the best entries, best first (at most Config.TopK).
	Candidates []Candidate
	// Confidence in [0,1] that Candidates[0] answers the query.
	Confidence float64
	// Auto reports whether Confidence reaches the threshold, so the answer
	// may be written without a review mark.
	Auto bool
}

// Best returns the top candidate, or nil when nothing matched.
func (r Result) Best() *Candidate {
	if len(r.Candidates) == 0 {
		return nil
	}
	return &r.Candidates[0]
}

type posting struct {
	doc int32
	w   float32
}

// doc is one wording of one entry.
type doc struct {
	entry  int32
	norm   float64
	factor float64 // score multiplier: 1, or MainAskFactor for a first sentence
	text   string
}

// Index is a corpus prepared for matching. It is read-only after New and
// safe for concurrent use.
type Index struct {
	cfg      Config
	entries  []*corpus.Entry
	docs     []doc
	postings map[string][]posting
	df       map[string]int
	n        int
	thes     *Thesaurus
}

// New indexes the entries. Every question and alias becomes a document; the
// token statistics (document frequency) count each entry once, so an entry
// with many aliases does not make its own words look common.
func New(entries []*corpus.Entry, cfg Config) *Index {
	ix := &Index{
		cfg:      cfg,
		entries:  entries,
		postings: make(map[string][]posting),
		df:       make(map[string]int),
		n:        len(entries),
		thes:     cfg.Thesaurus,
	}
	type wording struct {
		f      features
		text   string
		factor float64
	}
	raw := make([][]wording, len(entries))
	for i, e := range entries {
		seen := map[string]bool{}
		for _, w := range e.Wordings() {
			f := ix.featurize(w)
			raw[i] = append(raw[i], wording{f, w, 1})
			for t := range f {
				seen[t] = true
			}
			// "Do you take backups? How often, how many generations?" asks
			// one main thing and then details. A customer's "Do you take
			// backups?" is answered by it, so the first sentence alone is a
			// wording too, at a small discount.
			if main, ok := mainAsk(w); ok && ix.cfg.MainAskFactor > 0 {
				raw[i] = append(raw[i], wording{ix.featurize(main), w, ix.cfg.MainAskFactor})
			}
		}
		for t := range seen {
			ix.df[t]++
		}
	}
	for i := range entries {
		for _, wd := range raw[i] {
			f := wd.f
			id := int32(len(ix.docs))
			var norm float64
			keys := make([]string, 0, len(f))
			for t := range f {
				keys = append(keys, t)
			}
			sort.Strings(keys)
			for _, t := range keys {
				tf := f[t]
				w := ix.weight(t, tf)
				norm += w
				ix.postings[t] = append(ix.postings[t], posting{doc: id, w: float32(w)})
			}
			ix.docs = append(ix.docs, doc{entry: int32(i), norm: norm, factor: wd.factor, text: wd.text})
		}
	}
	return ix
}

// Len returns the number of entries indexed.
func (ix *Index) Len() int { return len(ix.entries) }

// featurize turns a question into weighted tokens: character bigrams or
// stemmed words, plus thesaurus concepts.
func (ix *Index) featurize(s string) features {
	f := features{}
	p := prepare(s)
	textTokens(p, func(t string, w float64) { f[t] += w })
	for _, c := range ix.thes.Concepts(p) {
		f["c:"+c] += ix.cfg.ConceptWeight
	}
	return f
}

// idf is BM25's inverse document frequency: never negative, and highest for
// tokens the corpus has never seen, so a query about something the corpus
// does not cover scores low against everything.
func (ix *Index) idf(t string) float64 {
	df := float64(ix.df[t])
	return math.Log(1 + (float64(ix.n)-df+0.5)/(df+0.5))
}

// weight dampens repeated tokens (1+ln tf) and scales by rarity.
func (ix *Index) weight(t string, tf float64) float64 {
	if tf <= 0 {
		return 0
	}
	return (1 + math.Log(math.Max(tf, 1))) * math.Min(tf, 1) * math.Pow(ix.idf(t), ix.cfg.IDFPower)
}

// Match scores the query against every entry and decides the confidence.
func (ix *Index) Match(q Query) Result {
	best := ix.score(ix.featurize(q.Text), 1, nil)
	if len(best) == 0 {
		return Result{}
	}
	cands := make([]Candidate, 0, len(best))
	for _, c := range best {
		if c.Score > 1 {
			c.Score = 1
		}
		cands = append(cands, c)
	}
	// Ties (the same wording learned from several places of one
	// questionnaire) go to the entry learned from the same question ID,
	// then to the one from the same section.
	tie := func(c Candidate) int {
		n := 0
		if q.ID != "" && c.Entry.Source != nil && c.Entry.Source.QID == q.ID {
			n += 2
		}
		if q.Section != "" && textnorm.Key(c.Entry.Section) == textnorm.Key(q.Section) {
			n++
		}
		return n
	}
	sort.Slice(cands, func(i, j int) bool {
		if math.Abs(cands[i].Score-cands[j].Score) > 1e-9 {
			return cands[i].Score > cands[j].Score
		}
		if ti, tj := tie(cands[i]), tie(cands[j]); ti != tj {
			return ti > tj
		}
		return cands[i].Entry.ID < cands[j].Entry.ID
	})
	if len(cands) > ix.cfg.TopK {
		cands = cands[:ix.cfg.TopK]
	}
	r := Result{Candidates: cands}
	r.Confidence = ix.confidence(cands)
	r.Auto = r.Confidence >= ix.cfg.Threshold
	return r
}

// score adds the query's score against every wording, times factor, into
// best (the best candidate per entry), and returns it.
func (ix *Index) score(qf features, factor float64, best map[int32]Candidate) map[int32]Candidate {
	if best == nil {
		best = make(map[int32]Candidate)
	}
	if len(qf) == 0 {
		return best
	}
	qw := make(map[string]float64, len(qf))
	for t, tf := range qf {
		qw[t] = ix.weight(t, tf)
	}
	var qnorm float64
	for _, w := range sortedValues(qw) {
		qnorm += w
	}
	// overlap[d] is the weight the query and wording d share: the sum over
	// common tokens of the smaller of the two weights. Tokens go in sorted
	// order, so float sums come out the same on every run, and so do the
	// output files.
	toks := make([]string, 0, len(qw))
	for t := range qw {
		toks = append(toks, t)
	}
	sort.Strings(toks)
	overlap := make(map[int32]float64)
	for _, t := range toks {
		w := qw[t]
		for _, p := range ix.postings[t] {
			overlap[p.doc] += math.Min(w, float64(p.w))
		}
	}
	a := ix.cfg.QueryCoverage
	for d, ov := range overlap {
		dd := ix.docs[d]
		// qcov: how much of what the query asks the wording covers; dcov:
		// how much of the wording is about the query. A stored question
		// that adds "and how often?" still answers the query, so qcov
		// counts more.
		qcov, dcov := ov/qnorm, ov/dd.norm
		s := math.Pow(qcov, a) * math.Pow(dcov, 1-a) * dd.factor * factor
		if c, ok := best[dd.entry]; !ok || s > c.Score {
			best[dd.entry] = Candidate{Entry: ix.entries[dd.entry], Score: s, Wording: dd.text}
		}
	}
	return best
}

// MatchAll matches the questions of one checklist together. A customer's
// checklist seldom asks the same thing twice, so when another question of
// the sheet fits a row's best entry clearly better than the row does, that
// entry most likely belongs to the other question: the row's confidence
// drops by RivalPenalty times the difference. Identical questions do not
// penalise each other.
func (ix *Index) MatchAll(qs []Query) []Result {
	out := make([]Result, len(qs))
	for i, q := range qs {
		out[i] = ix.Match(q)
	}
	if ix.cfg.RivalPenalty == 0 {
		return out
	}
	// bestFor[entry] = the highest score any question gives the entry.
	bestFor := map[*corpus.Entry]float64{}
	for _, r := range out {
		for _, c := range r.Candidates {
			if c.Score > bestFor[c.Entry] {
				bestFor[c.Entry] = c.Score
			}
		}
	}
	for i := range out {
		b := out[i].Best()
		if b == nil {
			continue
		}
		if gap := bestFor[b.Entry] - b.Score; gap > 1e-6 {
			out[i].Confidence = math.Max(0, out[i].Confidence-gap*ix.cfg.RivalPenalty)
			out[i].Auto = out[i].Confidence >= ix.cfg.Threshold
		}
	}
	return out
}

// confidence turns the best score and its margin over the first runner-up
// that would give a different answer into a confidence.
func (ix *Index) confidence(c []Candidate) float64 {
	if len(c) == 0 {
		return 0
	}
	s1 := c[0].Score
	var s2 float64
	for _, o := range c[1:] {
		if !sameAnswer(o.Entry, c[0].Entry) {
			s2 = o.Score
			break
		}
	}
	margin := s1 - s2
	conf := s1
	if margin < ix.cfg.MarginFloor {
		conf -= (ix.cfg.MarginFloor - margin) * ix.cfg.MarginPenalty
	}
	return math.Max(0, math.Min(1, conf))
}

// sameAnswer treats two entries with the same answer as one: choosing
// either writes the same cell, so they are not rivals.
func sameAnswer(a, b *corpus.Entry) bool {
	return a.Choice == b.Choice && textnorm.Key(a.Answer) == textnorm.Key(b.Answer)
}

// Explain lists the query's tokens as the matcher sees them; for debugging
// and for `qfill eval -v`.
func (ix *Index) Explain(s string) string {
	f := ix.featurize(s)
	keys := make([]string, 0, len(f))
	for k := range f {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, " ")
}

// mainAsk returns the first sentence of a question that asks several
// things, when that sentence is a question of its own.
func mainAsk(s string) (string, bool) {
	i := strings.IndexAny(s, "?？")
	if i < 0 {
		return "", false
	}
	rest := strings.TrimSpace(strings.Trim(s[i:], "?？ "))
	main := s[:i]
	if len([]rune(rest)) < 3 || len([]rune(main)) < 4 {
		return "", false
	}
	return main, true
}

func sortedValues(m map[string]float64) []float64 {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]float64, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}
