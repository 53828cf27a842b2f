package match

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

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
	// Score is the similarity of the best wording, in [0,1], the one
	// candidates are ranked by: for a row in doubt it includes synonym
	// credit, which Confidence includes only where the wording names
	// exactly the query's concepts (Config.SynonymConfidence).
	Score float64
	// Wording is the question or alias that scored best.
	Wording string
	// lexical is Score before synonym credit.
	lexical float64
	// qcov is the share of the query's weight the wording matches.
	qcov float64
	// sameQID: the entry was learned from the query's own question ID.
	sameQID bool
	// sameConcepts: the wording names exactly the query's concepts.
	sameConcepts bool
	// otherScript: the wording is Japanese and the query English, or the
	// reverse.
	otherScript bool
	// lacks: a thesaurus concept the query and the best wording both
	// name is missing from this wording.
	lacks bool
}

// rival reports whether o counts against the best candidate b in the
// margin and the ambiguity cap. A wording in the other language does not
// when the best is in the query's: a bilingual corpus holds each ask in
// both languages with answers that differ only in their language, and a
// question in one language cannot tell the two apart.
func (ix *Index) rival(o, b *Candidate) bool {
	return !ix.sameAnswer(o.Entry, b.Entry) && !(o.otherScript && !b.otherScript)
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
	// Why is the check that kept the row from being filled, if one did.
	Why Reason
	// Trace is how the confidence was reached, step by step.
	Trace []Step
	// english, margin and checks feed Signals: what the checks found,
	// whether or not it kept the row from being filled at this
	// threshold.
	english bool
	margin  float64
	checks  checks
}

type checks struct{ headMissing, conflict, tied, otherLanguage bool }

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
	thes     *Thesaurus
	pool     sync.Pool
	// keys holds each entry's folded answer and section, compared for
	// the candidates of every query.
	keys map[*corpus.Entry]entryKeys
}

type entryKeys struct{ answer, section string }

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
	// Tokenizing is the costly part and each entry is independent: spread
	// it over the CPUs. Each worker counts document frequencies (an entry
	// once) and posting lengths for its entries; the counts are integers,
	// so the merged totals do not depend on scheduling.
	workers := max(1, min(runtime.GOMAXPROCS(0), len(entries)/256))
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
					raw[i] = append(raw[i], wording{compact(ix.tokenizeInto(prepare(text), nil, scratch)), text, 1})
					// "Do you take backups? How often, how many
					// generations?" asks one main thing and then details.
					// A customer's "Do you take backups?" is answered by
					// it, so the first sentence alone is a wording too, at
					// a small discount.
					if main, ok := mainAsk(text); ok && ix.cfg.MainAskFactor > 0 {
						raw[i] = append(raw[i], wording{compact(ix.tokenizeInto(prepare(main), nil, scratch)), text, ix.cfg.MainAskFactor})
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
					for t := range ix.tokenizeInto(prepareFolded(answer), nil, scratch) {
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
	ix.pool.New = func() any { return &accumulator{overlap: make([]float64, len(ix.docs))} }
	return ix
}

// Threshold is the confidence at which answers are written without review.
func (ix *Index) Threshold() float64 { return ix.cfg.Threshold }

// Len returns the number of entries indexed.
func (ix *Index) Len() int { return len(ix.entries) }

// featurizePrepared turns a question, already through prepare, into
// weighted tokens: character bigrams or stemmed words, plus thesaurus
// concepts.
func (ix *Index) featurizePrepared(p string) features {
	return ix.tokenizeInto(p, nil, features{})
}

// tokenizeInto is featurizePrepared into f, cleared first (building the
// index reuses one map per worker instead of growing one per wording),
// recording where each token sits in p when at is not nil. Words inside
// an example list ("(e.g., hardware, devices)", "（例：負荷分散装置など）")
// count ExampleWeight: they illustrate the ask rather than state it, and a
// stored question seldom lists the same examples.
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
	}, nil)
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

// Match scores the query against every entry and decides the confidence.
func (ix *Index) Match(q Query) Result {
	pq := prepare(q.Text)
	cands := ix.score(ix.featurizePrepared(pq))
	english := noCJK(pq)
	if len(cands) == 0 {
		return Result{english: english}
	}
	for i := range cands {
		cands[i].Score = math.Min(cands[i].Score, 1)
		cands[i].lexical = cands[i].Score
		cands[i].otherScript = noCJK(cands[i].Wording) != english
	}
	ix.rank(cands, q)
	if len(cands) > ix.cfg.TopK {
		cands = cands[:ix.cfg.TopK]
	}
	conf := ix.confidence(cands)
	var r Result
	r.step(StepScore, 0, conf, fmt.Sprintf("similarity %.3f, margin %.3f", cands[0].Score, ix.margin(cands)))
	// The costly steps below run only for rows in doubt. "In doubt" is
	// measured against the default threshold, not the user's, so that
	// the best entry, the suggestions and the confidence are the same
	// whatever --threshold says; only Auto depends on it.
	if conf < doubtBelow && ix.markLacks(pq, cands) {
		was := conf
		conf = ix.confidence(cands)
		r.step(StepLacks, was, conf, "")
	}
	// Synonym credit reorders the candidates, and makes a row surer only
	// as SynonymConfidence allows (below). Rows sure enough to fill are
	// left as they are (credit is the costly part of a match).
	// When credit keeps the answer the confidence stays the lexical one;
	// when it puts another answer on top, that answer also needs the
	// lexical evidence, so such a row stays in review unless both agree.
	afterLacks := conf
	if ix.cfg.SynonymCredit > 0 && conf < doubtBelow {
		top := cands[0].Entry
		if ix.creditSynonyms(pq, cands) {
			topSame := false
			for _, c := range cands {
				topSame = topSame || c.Entry == top && c.sameConcepts
			}
			ix.rank(cands, q)
			ix.markLacks(pq, cands)
			if !ix.sameAnswer(cands[0].Entry, top) {
				// The lexical evidence is the words alone: a rival's
				// missing concept (markLacks) does not count there.
				lex := slices.Clone(cands)
				for i := range lex {
					lex[i].lacks = false
				}
				conf = math.Min(ix.confidence(cands), ix.confidenceOf(lex, func(c Candidate) float64 { return c.lexical }))
			}
			// A wording that names exactly the query's concepts, spelt
			// with other terms (バックアップの保管期間 / データ保全の
			// 保存期間), says the same thing: its credit is evidence, not
			// just a hint. A wording with a concept more or less
			// (目標復旧時点 / 目標復旧時間, 計画停止の頻度 / 計画停止の
			// 予定通知) is another ask and keeps its lexical score.
			// The same holds where credit put such a wording above a
			// lexical best that does not name the query's concepts
			// exactly (Webアプリケーションファイアウォール: WAF against
			// ファイアウォール).
			if ix.cfg.SynonymConfidence > 0 && cands[0].sameConcepts && (ix.sameAnswer(cands[0].Entry, top) || !topSame) {
				conf = math.Max(conf, ix.confidenceOf(cands, func(c Candidate) float64 {
					if c.sameConcepts {
						return c.lexical + (c.Score-c.lexical)*ix.cfg.SynonymConfidence
					}
					return c.lexical
				}))
			}
		}
	}
	r.step(StepSynonym, afterLacks, conf, "")
	before := conf
	// Both checks below read the best wording; neither applies to a
	// wording that is the question itself or a row already at 0.
	var bp bestPair
	if conf > 0 && cands[0].lexical < 1-1e-6 {
		bp = ix.pairOf(pq, cands[0].Wording)
	}
	conf, head := ix.checkHead(bp, cands, conf)
	if head != "" {
		r.step(StepHead, before, conf, "not named: "+head)
	} else {
		r.step(StepHead, before, conf, "")
	}
	// How long are backups retained? against How long are logs retained?:
	// the same ask of another object. A wording that names a concept the
	// query does not, while the query names one it does not, is about
	// something else however much of the sentence it shares.
	var conflict [2]string
	found := checks{headMissing: head != ""}
	if ix.cfg.ConflictPenalty > 0 && conf > 0 && cands[0].lexical < 1-1e-6 {
		if q, d, ok := bp.conflict(); ok {
			found.conflict = true
			afterHead := conf
			conf = math.Max(0, conf-ix.cfg.ConflictPenalty)
			r.step(StepConflict, afterHead, conf, strings.TrimSpace(q+" / "+d))
			if afterHead >= ix.cfg.Threshold && conf < ix.cfg.Threshold {
				conflict = [2]string{q, d}
			}
		}
	}
	if conf == ix.cfg.AmbiguityCap {
		found.tied = ix.tiedRival(cands, func(c Candidate) float64 { return c.Score }) != nil
	}
	r.Candidates, r.Confidence, r.english, r.margin, r.checks = cands, conf, english, ix.margin(cands), found
	r.Auto = r.Confidence >= ix.cfg.Threshold
	// Say why only where the check is what held the row back.
	if head != "" && before >= ix.cfg.Threshold && !r.Auto {
		r.Why = Reason{Check: CheckHead, Head: head}
	} else if conflict != ([2]string{}) {
		r.Why = Reason{Check: CheckConflict, Query: conflict[0], Wording: conflict[1]}
	} else if conf == ix.cfg.AmbiguityCap {
		if t := ix.tiedRival(cands, func(c Candidate) float64 { return c.Score }); t != nil {
			r.Why = Reason{Check: CheckTied, Rival: t.Entry}
		}
	}
	return r
}

// rank sorts candidates best first. Ties (the same wording learned from
// several places of one questionnaire) go to the entry learned from the
// same question ID, then to the one from the same section.
func (ix *Index) rank(cands []Candidate, q Query) {
	section := ""
	if q.Section != "" {
		section = textnorm.Key(q.Section)
	}
	ties := make(map[*corpus.Entry]int, len(cands))
	for i, c := range cands {
		n := 0
		if q.ID != "" && c.Entry.Source != nil && c.Entry.Source.QID == q.ID {
			n += 2
			cands[i].sameQID = true
		}
		if section != "" && ix.entryKeys(c.Entry).section == section {
			n++
		}
		ties[c.Entry] = n
	}
	// An English question is better served by an English entry that
	// scores nearly as well as a Japanese one (and the reverse): the
	// other language's answer is never written unreviewed anyway (see
	// checkLanguage), and the suggestion should be one the reviewer can
	// send on.
	key := func(c Candidate) float64 {
		if c.otherScript && ix.cfg.OtherScriptRank > 0 {
			return c.Score * ix.cfg.OtherScriptRank
		}
		return c.Score
	}
	sort.Slice(cands, func(i, j int) bool {
		if si, sj := key(cands[i]), key(cands[j]); math.Abs(si-sj) > 1e-9 {
			return si > sj
		}
		if ti, tj := ties[cands[i].Entry], ties[cands[j].Entry]; ti != tj {
			return ti > tj
		}
		return cands[i].Entry.ID < cands[j].Entry.ID
	})
}

// accumulator is the per-query scratch space: one overlap sum per wording,
// and the wordings touched. Reused through a pool, since the index serves
// several workers at once.
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
	defer func() {
		for _, d := range acc.touched {
			acc.overlap[d] = 0
		}
		acc.touched = acc.touched[:0]
		ix.pool.Put(acc)
	}()
	for i, t := range toks {
		w := qw[i]
		// A token in (nearly) every entry has an idf near zero: it adds
		// nothing to any overlap but would cost a pass over every wording.
		if w < negligibleWeight {
			continue
		}
		for _, p := range ix.postings[t] {
			if acc.overlap[p.doc] == 0 {
				acc.touched = append(acc.touched, p.doc)
			}
			pw := float64(p.w)
			if w < pw {
				pw = w
			}
			acc.overlap[p.doc] += pw
		}
	}
	limit := ix.cfg.TopK + keep
	kq := math.Pow(qnorm, -ix.cfg.QueryCoverage)
	var top []Candidate // best first, at most limit, one per entry
	// ov ≤ |d|, so score ≤ (ov/|q|)^a: a wording whose overlap is under
	// minOv cannot reach the K-th best, and is passed over without
	// loading its record (at 200,000 entries those loads are most of the
	// time).
	minOv := 0.0
	for _, d := range acc.touched {
		ov := acc.overlap[d]
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
		top = insertTop(top, Candidate{Entry: ix.entries[dd.entry], Score: sc, Wording: dd.text, qcov: ov / qnorm}, limit)
		if len(top) == limit {
			minOv = qnorm * math.Pow(top[limit-1].Score, 1/ix.cfg.QueryCoverage)
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
	if len(top) > limit {
		top = top[:limit]
	}
	return top
}

// MatchAll matches the questions of one checklist together. A customer's
// checklist seldom asks the same thing twice, so when another question of
// the sheet fits a row's best entry clearly better than the row does, that
// entry most likely belongs to the other question: the row's confidence
// drops by RivalPenalty times the difference. Identical questions do not
// penalise each other.
func (ix *Index) MatchAll(qs []Query) []Result {
	out := make([]Result, len(qs))
	// Questions are independent: match them on every CPU. Each result goes
	// to its own slot, so the order (and the output) does not depend on
	// scheduling.
	workers := min(runtime.GOMAXPROCS(0), len(qs))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(qs); i += workers {
				out[i] = ix.Match(qs[i])
			}
		}(w)
	}
	wg.Wait()
	ix.penaliseRivals(out)
	ix.checkLanguage(qs, out)
	return out
}

// penaliseRivals lowers the confidence of each row whose best entry
// another row fits better (see MatchAll).
func (ix *Index) penaliseRivals(out []Result) {
	if ix.cfg.RivalPenalty == 0 {
		return
	}
	// bestFor[entry] = the highest lexical score any question gives the
	// entry: confidence stays on lexical evidence (see Match).
	bestFor := map[*corpus.Entry]float64{}
	for _, r := range out {
		for _, c := range r.Candidates {
			if c.lexical > bestFor[c.Entry] {
				bestFor[c.Entry] = c.lexical
			}
		}
	}
	for i := range out {
		b := out[i].Best()
		if b == nil {
			continue
		}
		if gap := bestFor[b.Entry] - b.lexical; gap > 1e-6 {
			was := out[i].Confidence
			out[i].Confidence = math.Max(0, out[i].Confidence-gap*ix.cfg.RivalPenalty)
			out[i].step(StepRival, was, out[i].Confidence, fmt.Sprintf("another row scores %.3f more", gap))
			out[i].Auto = out[i].Confidence >= ix.cfg.Threshold
		}
	}
}

// checkLanguage holds back a row whose answer is written in another
// language than its question: a Japanese answer pasted into an English
// questionnaire (or the reverse) is no answer the customer can send on,
// however well the questions match. Text with neither kana nor kanji nor
// an English word (SSO, ISO/IEC 27001, 99.9%) fits either language.
func (ix *Index) checkLanguage(qs []Query, out []Result) {
	if !ix.cfg.LanguageCheck {
		return
	}
	for i := range out {
		b := out[i].Best()
		if b == nil {
			continue
		}
		q, a := scriptOf(qs[i].Text, 1), scriptOf(b.Entry.Answer, 2)
		if q != scriptNone && a != scriptNone && q != a {
			out[i].checks.otherLanguage = true
			wasAuto, was := out[i].Auto, out[i].Confidence
			out[i].Confidence = math.Min(out[i].Confidence, ix.cfg.AmbiguityCap)
			out[i].step(StepLanguage, was, out[i].Confidence, "")
			out[i].Auto = out[i].Confidence >= ix.cfg.Threshold
			// The head and the conflict say more than the language; the
			// language, more than a tied rival.
			if wasAuto && !out[i].Auto && (out[i].Why.Check == CheckNone || out[i].Why.Check == CheckTied) {
				out[i].Why = Reason{Check: CheckLanguage}
			}
		}
	}
}

type script int

const (
	scriptNone script = iota
	scriptEnglish
	scriptJapanese
)

// scriptOf tells Japanese text (any kana or kanji) from English (at least
// min words of three or more Latin letters with a lower-case one), and
// both from codes and figures (SSO, AES-256, 99.9%). Answers need two
// such words ("Yes, we do"): a bare "Yes" fits a Japanese sheet too.
func scriptOf(s string, min int) script {
	words := 0
	run, lower := 0, false
	for _, r := range s + " " {
		if textnorm.IsCJK(r) {
			return scriptJapanese
		}
		if r < 0x250 && unicode.IsLetter(r) {
			run++
			lower = lower || unicode.IsLower(r)
			continue
		}
		if run >= 3 && lower {
			words++
		}
		run, lower = 0, false
	}
	if words >= min {
		return scriptEnglish
	}
	return scriptNone
}

// confidence turns the best score and its margin over the best rival that
// would give a different answer into a confidence.
func (ix *Index) confidence(c []Candidate) float64 {
	return ix.confidenceOf(c, func(c Candidate) float64 { return c.Score })
}

// confidenceOf is confidence for the first candidate with the scores
// score gives: the lexical ones, for a candidate synonym credit put first.
func (ix *Index) confidenceOf(c []Candidate, score func(Candidate) float64) float64 {
	if len(c) == 0 {
		return 0
	}
	s1 := score(c[0])
	var s2 float64
	for i := range c[1:] {
		o := &c[i+1]
		if s := ix.rivalScore(*o, score); s > s2 && ix.rival(o, &c[0]) {
			s2 = s
		}
	}
	margin := s1 - s2
	conf := s1
	if margin < ix.cfg.MarginFloor {
		conf -= (ix.cfg.MarginFloor - margin) * ix.cfg.MarginPenalty
	}
	// "ファイアウォールはありますか" is covered whole by the firewall entry,
	// the firewall-review entry and the WAF entry; the shortest wording
	// scores best, but which of those asks the customer means the words
	// do not say.
	if ix.tiedRival(c, score) != nil {
		conf = math.Min(conf, ix.cfg.AmbiguityCap)
	}
	return math.Max(0, math.Min(1, conf))
}

// rivalScore is a runner-up's score as it counts against the best.
func (ix *Index) rivalScore(o Candidate, score func(Candidate) float64) float64 {
	if o.lacks {
		return score(o) * ix.cfg.LacksFactor
	}
	return score(o)
}

// tiedRival returns a candidate with another answer that matches at least
// as much of the query as the first and scores at least AmbiguityRatio of
// it (see Config.AmbiguityRatio), or nil.
//
// A wording that is the query itself (lexical score 1), or an entry
// learned from the query's own question ID, has no such rival: the stored
// question says nothing besides the customer's, or the sheet's own ID
// says which it is (HECVAT asks "Contact Name" for the solution and again
// for accessibility).
func (ix *Index) tiedRival(c []Candidate, score func(Candidate) float64) *Candidate {
	if ix.cfg.AmbiguityCap <= 0 || len(c) < 2 || c[0].lexical >= 1-1e-6 || c[0].sameQID {
		return nil
	}
	s1 := score(c[0])
	for i := range c[1:] {
		o := &c[i+1]
		if o.qcov >= c[0].qcov-1e-9 && o.Wording != c[0].Wording && ix.rival(o, &c[0]) && ix.rivalScore(*o, score) >= s1*ix.cfg.AmbiguityRatio {
			return o
		}
	}
	return nil
}

// markLacks marks the runners-up that lack a thesaurus concept the query
// and the best wording both name, and reports whether it marked any:
// 遠隔バックアップ against 遠隔地に保管 and バックアップを行っている,
// 解約後のデータ消去の時期 against 契約終了後のデータ削除 and データ削除の
// 方法. Such a rival answers a broader or another question, so it counts
// LacksFactor of its score against the best (confidenceOf, tiedRival).
// Only rows in doubt are marked (it can only raise confidence), and only
// rivals close enough to the best to count in the margin or the
// ambiguity test are read: the scan of a wording is the cost.
func (ix *Index) markLacks(pq string, cands []Candidate) bool {
	for i := range cands {
		cands[i].lacks = false
	}
	if ix.cfg.LacksFactor == 1 || ix.thes == nil || len(cands) < 2 {
		return false
	}
	s1 := math.Min(cands[0].Score, cands[0].lexical)
	cut := math.Min(s1-ix.cfg.MarginFloor, s1*ix.cfg.AmbiguityRatio)
	var q, both []int
	marked := false
	for i := 1; i < len(cands); i++ {
		o := &cands[i]
		if o.Score < cut || !ix.rival(o, &cands[0]) {
			continue
		}
		if q == nil {
			q = ix.thes.conceptSet(pq)
			for _, c := range ix.thes.conceptSet(prepare(cands[0].Wording)) {
				if slices.Contains(q, c) {
					both = append(both, c)
				}
			}
			if len(both) == 0 {
				return false
			}
		}
		has := ix.thes.conceptSet(prepare(o.Wording))
		for _, c := range both {
			if !slices.Contains(has, c) {
				o.lacks, marked = true, true
				break
			}
		}
	}
	return marked
}

// sameAnswer treats two entries with the same answer as one: choosing
// either writes the same cell, so they are not rivals.
// sameAnswer is corpus.SameAnswer with the answer keys the index keeps.
func (ix *Index) sameAnswer(a, b *corpus.Entry) bool {
	return a.Choice == b.Choice && ix.entryKeys(a).answer == ix.entryKeys(b).answer
}

// entryKeys returns the folded answer and section of an indexed entry, or
// folds them for one the index does not hold.
func (ix *Index) entryKeys(e *corpus.Entry) entryKeys {
	if k, ok := ix.keys[e]; ok {
		return k
	}
	return foldKeys(e)
}

func foldKeys(e *corpus.Entry) entryKeys {
	return keysOf(e, textnorm.Fold(e.Answer))
}

// keysOf is foldKeys with the answer already folded.
func keysOf(e *corpus.Entry, answer string) entryKeys {
	k := entryKeys{answer: textnorm.KeyFolded(answer)}
	if e.Section != "" {
		k.section = textnorm.Key(e.Section)
	}
	return k
}

// Explain lists the query's tokens as the matcher sees them; for debugging
// and for `qfill eval -v`.
func (ix *Index) Explain(s string) string {
	var names []string
	p := prepare(s)
	textTokens(p, func(token, float64, int, int) {}, &names)
	for _, c := range ix.thes.Concepts(p) {
		names = append(names, "c:"+c)
	}
	sort.Strings(names)
	return strings.Join(slices.Compact(names), " ")
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
