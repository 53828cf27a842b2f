package match

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/question"
	"github.com/qfill/qfill/pkg/textnorm"
	"github.com/qfill/qfill/pkg/thesaurus"
)

// Retrieval: the corpus's wordings in an inverted index of weighted tokens,
// and a query's candidates scored against it (score), before any judgement
// of how sure the best one is (confidence.go).

type posting struct {
	doc int32
	w   float32
}

// doc is one wording of one entry.
type doc struct {
	entry int32
	// scale is factor × |d|^-(1-QueryCoverage), the wording's part of its
	// score (see score); factor is 1, or MainAskFactor for a first
	// sentence.
	scale float64
	text  string
}

// Index is a corpus prepared for matching. It is read-only after New and
// safe for concurrent use.
type Index struct {
	cfg      Config
	entries  []*corpus.Entry
	docs     []doc
	postings map[token][]posting
	df       map[token]int
	n        int
	thes     *thesaurus.Thesaurus
	pool     sync.Pool
	keys     map[*corpus.Entry]entryKeys // compared for every query's candidates
	// answerToks holds, for each entry, the tokens of its answer and
	// remarks once a query's ranking has read them (rankByAnswers): made
	// at first use, since most entries are never a candidate of a row
	// that reads them.
	answerToks []atomic.Pointer[[]token]
}

// entryKeys: the answer is kept as a 64-bit hash of its folded key, since
// it is only compared (an answer is often a paragraph).
type entryKeys struct {
	answer  uint64
	section string
}

// New indexes the entries. Every question and alias becomes a document; the
// token statistics (document frequency) count each entry once, so an entry
// with many aliases does not make its own words look common.
func New(entries []*corpus.Entry, cfg Config) *Index {
	ix := &Index{
		cfg:      cfg,
		entries:  entries,
		postings: make(map[token][]posting),
		df:       make(map[token]int),
		n:        len(entries),
		thes:     cfg.Thesaurus,
	}
	// A wording's tokens are kept as a sorted slice, not the map
	// featurize built: half the memory while all entries wait for the
	// statistics, and the sort runs on every CPU.
	type tokTF struct {
		t  token
		tf float64
	}
	type wording struct {
		f      []tokTF
		text   string
		factor float64
	}
	compact := func(f features) []tokTF {
		out := make([]tokTF, 0, len(f))
		for t, tf := range f {
			out = append(out, tokTF{t, tf})
		}
		slices.SortFunc(out, func(a, b tokTF) int { return cmp.Compare(a.t, b.t) })
		return out
	}
	raw := make([][]wording, len(entries))
	keys := make([]entryKeys, len(entries))
	// Tokenizing is the costly part (tens of µs an entry, so even a real
	// corpus of a few hundred is worth it) and entries are independent:
	// spread it over the CPUs. Each worker counts document frequencies (an
	// entry once) and posting lengths for its entries; the counts are
	// integers, so the merged totals do not depend on scheduling.
	workers := max(1, min(runtime.GOMAXPROCS(0), len(entries)/64))
	dfs := make([]map[token]int, workers)
	lenss := make([]map[token]int, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			df, lens, seen := map[token]int{}, map[token]int{}, map[token]bool{}
			scratch := features{}
			for i := w; i < len(entries); i += workers {
				// The answer is folded once, for its key (answers are
				// compared to tell rivals apart) and for its tokens.
				answer := textnorm.Fold(entries[i].Answer)
				keys[i] = keysOf(entries[i], answer)
				for _, text := range entries[i].Wordings() {
					raw[i] = append(raw[i], wording{compact(ix.tokenizeInto(question.Prepare(text), nil, scratch)), text, 1})
					// "Do you take backups? How often?" also answers a
					// customer's "Do you take backups?": the first
					// sentence alone is a wording too, at a discount.
					if main, ok := mainAsk(text); ok && ix.cfg.MainAskFactor > 0 {
						raw[i] = append(raw[i], wording{compact(ix.tokenizeInto(question.Prepare(main), nil, scratch)), text, ix.cfg.MainAskFactor})
					}
				}
				clear(seen)
				for _, wd := range raw[i] {
					for _, x := range wd.f {
						seen[x.t] = true
						lens[x.t]++
					}
				}
				// The answer counts towards the statistics, not the
				// score: a token that answers use everywhere (実施,
				// 対応, provide) is generic, however rare it is among
				// the questions.
				if ix.cfg.AnswerStats && answer != "" {
					for t := range ix.tokenizeInto(question.PrepareFolded(answer), nil, scratch) {
						seen[t] = true
					}
				}
				for t := range seen {
					df[t]++
				}
			}
			dfs[w], lenss[w] = df, lens
		}(w)
	}
	wg.Wait()
	ix.keys = make(map[*corpus.Entry]entryKeys, len(entries))
	for i, e := range entries {
		ix.keys[e] = keys[i]
	}
	// The posting counts size each list exactly, so building them makes
	// no garbage (a large corpus would otherwise double its peak memory
	// in slice growth).
	lens := lenss[0]
	ix.df = dfs[0]
	for w := 1; w < workers; w++ {
		for t, n := range dfs[w] {
			ix.df[t] += n
		}
		for t, n := range lenss[w] {
			lens[t] += n
		}
	}
	ndocs := 0
	for i := range raw {
		ndocs += len(raw[i])
	}
	for t, n := range lens {
		ix.postings[t] = make([]posting, 0, n)
	}
	ix.docs = make([]doc, 0, ndocs)
	for i := range entries {
		for _, wd := range raw[i] {
			id := int32(len(ix.docs))
			var norm float64
			for _, x := range wd.f {
				w := ix.weight(x.t, x.tf)
				norm += w
				ix.postings[x.t] = append(ix.postings[x.t], posting{doc: id, w: float32(w)})
			}
			ix.docs = append(ix.docs, doc{entry: int32(i), text: wd.text, scale: wd.factor * math.Pow(norm, cfg.QueryCoverage-1)})
		}
		raw[i] = nil // the features are in the postings now
	}
	return ix.ready()
}

// ready gives a built or decoded index its pool of per-query scratch
// space, sized to its wordings.
func (ix *Index) ready() *Index {
	ix.answerToks = make([]atomic.Pointer[[]token], len(ix.entries))
	ix.pool.New = func() any {
		return &accumulator{overlap: make([]float64, len(ix.docs)), touched: make([]int32, len(ix.docs)+1)}
	}
	return ix
}

// Threshold is the confidence at which answers are written without review.
func (ix *Index) Threshold() float64 { return ix.cfg.Threshold }

// tokenizeInto turns a question, already through prepare, into weighted
// tokens (bigrams or stemmed words, and thesaurus concepts) in f, cleared
// first (the index reuses one map per worker), recording where each token
// sits in p when at is not nil. Words inside an example list ("(e.g.,
// hardware, devices)", "（例：負荷分散装置など）") count ExampleWeight: they
// illustrate the ask rather than state it, and a stored question seldom
// lists the same examples.
func (ix *Index) tokenizeInto(p string, at *[]located, f features) features {
	clear(f)
	var ex [][]int
	if ix.cfg.ExampleWeight != 1 {
		ex = exampleSpans(p)
	}
	textTokens(p, func(t token, w float64, i, j int) {
		for _, e := range ex {
			if i >= e[0] && j <= e[1] {
				w *= ix.cfg.ExampleWeight
				break
			}
		}
		f[t] += w
		if at != nil && w > 0 {
			*at = append(*at, located{t, i, j})
		}
	})
	for _, c := range ix.thes.Concepts(p) {
		f[token(hashString(conceptPrefix, c))] += ix.cfg.ConceptWeight
	}
	return f
}

var conceptPrefix = hashString(fnvOffset, "c:")

// idf is BM25's inverse document frequency: never negative, and highest for
// tokens the corpus has never seen, so a query about something the corpus
// does not cover scores low against everything.
func (ix *Index) idf(t token) float64 {
	df := float64(ix.df[t])
	return math.Log(1 + (float64(ix.n)-df+0.5)/(df+0.5))
}

// weight dampens repeated tokens (1+ln tf) and scales by rarity.
func (ix *Index) weight(t token, tf float64) float64 {
	if tf <= 0 {
		return 0
	}
	return (1 + math.Log(math.Max(tf, 1))) * math.Min(tf, 1) * math.Pow(ix.idf(t), ix.cfg.IDFPower)
}

// accumulator is the per-query scratch space: one overlap sum per wording,
// and the wordings touched. Reused through a pool, since the index serves
// several workers at once. touched has room for every wording and one more:
// score writes a posting's wording at the end of the list before it knows
// whether the wording is new.
type accumulator struct {
	overlap []float64
	touched []int32
}

// negligibleWeight is a token weight too small to change a score in the
// third decimal: BM25's idf of a token found in every entry of a corpus of
// n entries is about 0.5/n.
const negligibleWeight = 1e-3

// keep is how many entries score keeps beyond TopK, so that ties at the
// edge reach the tie-break in Match.
const keep = 8

// score returns the best entries for the query features, at least TopK of
// them when that many share a token with the query.
//
// The overlap of each wording is summed over the postings of the query's
// tokens (in sorted token order, so the float sums are the same on every
// run and so are the output files). With a = QueryCoverage,
//
//	score = (ov/|q|)^a × (ov/|d|)^(1-a) × factor = ov × |q|^-a × |d|^(a-1) × factor
//
// so qcov ("how much of what the query asks the wording covers") counting
// more than dcov ("how much of the wording is about the query") costs no
// power per wording: a stored question that adds "and how often?" still
// answers the query.
func (ix *Index) score(qf features) []Candidate {
	if len(qf) == 0 {
		return nil
	}
	toks := make([]token, 0, len(qf))
	for t := range qf {
		toks = append(toks, t)
	}
	slices.Sort(toks)
	qw := make([]float64, len(toks))
	var qnorm float64
	for i, t := range toks {
		qw[i] = ix.weight(t, qf[t])
		qnorm += qw[i]
	}
	acc := ix.pool.Get().(*accumulator)
	defer ix.pool.Put(acc)
	overlap, touched, n := acc.overlap, acc.touched, 0
	for i, t := range toks {
		w := qw[i]
		// A token in (nearly) every entry has an idf near zero: it adds
		// nothing to any overlap but would cost a pass over every wording.
		if w < negligibleWeight {
			continue
		}
		// The wording is written to the list unconditionally and kept by
		// advancing n only if it is new: about a third of the postings
		// touch a new wording, a branch the CPU mispredicts often
		// enough to cost a third of the loop.
		for _, p := range ix.postings[t] {
			o := overlap[p.doc]
			touched[n] = p.doc
			if o == 0 {
				n++
			}
			overlap[p.doc] = o + min(w, float64(p.w))
		}
	}
	limit := ix.cfg.TopK + keep
	kq := math.Pow(qnorm, -ix.cfg.QueryCoverage)
	var top []Candidate // best first, at most limit, one per entry
	// ov ≤ |d|, so score ≤ (ov/|q|)^a: a wording whose overlap is under
	// minOv cannot reach the K-th best, and is passed over without
	// loading its record (at 200,000 entries those loads are most of the
	// time).
	minOv, stale := 0.0, 0
	for _, d := range touched[:n] {
		ov := overlap[d]
		overlap[d] = 0 // the accumulator is clean for the next query
		if ov < minOv {
			continue
		}
		dd := &ix.docs[d]
		// (ov/|q|)^a × (ov/|d|)^(1-a) × factor is linear in ov: the
		// powers of the norms are constants of the query and the wording.
		sc := ov * kq * dd.scale
		if len(top) == limit && sc < top[limit-1].Score {
			continue
		}
		top = insertTop(top, Candidate{Entry: ix.entries[dd.entry], entry: dd.entry, Score: sc, Wording: dd.text, qcov: ov / qnorm}, limit)
		// A bound computed a few insertions ago is lower than the
		// current one, so it only passes over fewer wordings: refreshed
		// every eighth insertion, the power costs nothing to speak of.
		if len(top) == limit {
			if stale == 0 {
				minOv, stale = qnorm*math.Pow(top[limit-1].Score, 1/ix.cfg.QueryCoverage), 8
			}
			stale--
		}
	}
	return top
}

// insertTop puts c into the list sorted by score, keeping one candidate per
// entry (its best) and at most limit candidates. Equal scores stay in
// arrival order.
func insertTop(top []Candidate, c Candidate, limit int) []Candidate {
	for i := range top {
		if top[i].Entry == c.Entry {
			if c.Score <= top[i].Score {
				return top
			}
			top = append(top[:i], top[i+1:]...)
			break
		}
	}
	if len(top) == limit && c.Score < top[limit-1].Score {
		return top
	}
	i := sort.Search(len(top), func(i int) bool { return top[i].Score < c.Score })
	top = append(top, Candidate{})
	copy(top[i+1:], top[i:])
	top[i] = c
	return top[:min(len(top), limit)]
}

// sameAnswer is corpus.SameAnswer with the answer keys the index keeps:
// two entries that write the same cell are not rivals.
func (ix *Index) sameAnswer(a, b *corpus.Entry) bool {
	return a.Choice == b.Choice && ix.entryKeys(a).answer == ix.entryKeys(b).answer
}

// entryKeys returns the folded answer and section of an indexed entry, or
// folds them for one the index does not hold.
func (ix *Index) entryKeys(e *corpus.Entry) entryKeys {
	if k, ok := ix.keys[e]; ok {
		return k
	}
	return keysOf(e, textnorm.Fold(e.Answer))
}

// keysOf returns an entry's keys, its answer already folded.
func keysOf(e *corpus.Entry, answer string) entryKeys {
	return entryKeys{answer: hashString(fnvOffset, textnorm.KeyFolded(answer)), section: textnorm.Key(e.Section)}
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
