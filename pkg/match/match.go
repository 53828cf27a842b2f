package match

import (
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/question"
	"github.com/qfill/qfill/pkg/textnorm"
)

// The pipeline of one match (Match) and of a checklist (MatchAll):
// retrieve and rank candidates, then judge how sure the best is.

// Query is one question read from a checklist.
type Query struct {
	Text string
	// Section is the heading the row sits under, if any.
	Section string
	// ID is the question's number or ID in its sheet, if any.
	ID string
	// FollowUp: the row refers back to the question above it (上記の
	// 実施頻度, If yes, how often?), which is the nearest query before it
	// in MatchAll's list that is no follow-up.
	FollowUp bool
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
	// pairs is the share of the query's word pairs the wording repeats
	// (English rows only; see Config.PairHint).
	pairs float64
	// answers is the share of the query's weight the entry's answer and
	// remarks repeat (English rows and rows in doubt; see
	// Config.AnswerHint).
	answers float64
	pw      string // Wording through prepare: see prepared
	entry   int32  // Entry's place in the index
}

// prepared returns the wording through prepare, made once per candidate:
// the checks of a row in doubt each read it.
func (c *Candidate) prepared() string {
	if c.pw == "" {
		c.pw = question.Prepare(c.Wording)
	}
	return c.pw
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

type checks struct {
	headMissing, conflict, tied, otherLanguage bool
	// stated: the head asks a measure that the best entry's answer states
	// and its wording does not name (Config.AnswerMeasure).
	stated bool
}

// Best returns the top candidate, or nil when nothing matched.
func (r Result) Best() *Candidate {
	if len(r.Candidates) == 0 {
		return nil
	}
	return &r.Candidates[0]
}

// Match scores the query against every entry and decides the confidence.
func (ix *Index) Match(q Query) Result {
	pq := question.Prepare(q.Text)
	qf := ix.tokenizeInto(pq, nil, features{})
	cands := ix.score(qf)
	subject := ""
	if s := ix.withSubject(pq, qf, q.Section, cands); s != pq {
		pq, subject = s, ", read as "+s
		qf = ix.tokenizeInto(pq, nil, features{})
		cands = ix.score(qf)
	}
	english := !textnorm.HasCJK(pq)
	if len(cands) == 0 {
		return Result{english: english}
	}
	for i := range cands {
		cands[i].Score = math.Min(cands[i].Score, 1)
		cands[i].lexical = cands[i].Score
		cands[i].otherScript = textnorm.HasCJK(cands[i].Wording) == english
	}
	ix.rank(cands, q)
	cands = cands[:min(len(cands), ix.cfg.TopK)]
	conf := ix.confidenceOf(cands, byScore)
	var r Result
	r.step(StepScore, 0, conf, fmt.Sprintf("similarity %.3f, margin %.3f%s", cands[0].Score, ix.margin(cands), subject))
	if ix.cfg.PairHint > 0 && english && ix.rankByPairs(pq, cands, q) {
		was := conf
		conf = math.Min(conf, ix.confidenceOf(cands, byScore))
		r.step(StepPairs, was, conf, "")
	}
	if ix.cfg.AnswerHint > 0 && (english || conf < doubtBelow) {
		ix.rankByAnswers(qf, cands, q)
		was := conf
		conf = math.Min(conf, ix.confidenceOf(cands, byScore))
		r.step(StepAnswers, was, conf, "")
	}
	// The costly steps below run only for rows in doubt, by the default
	// threshold: the ranking and confidence never move with --threshold.
	if conf < doubtBelow && ix.markLacks(pq, cands) {
		was := conf
		conf = ix.confidenceOf(cands, byScore)
		r.step(StepLacks, was, conf, "")
	}
	// Synonym credit reorders the candidates of rows in doubt (it is the
	// costly part of a match). When it puts another answer on top, that
	// answer also needs the lexical evidence, unless SynonymConfidence
	// vouches for it (below).
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
				conf = math.Min(ix.confidenceOf(cands, byScore), ix.confidenceOf(lex, func(c Candidate) float64 { return c.lexical }))
			}
			// A wording that names exactly the query's concepts in other
			// terms (バックアップの保管期間 / データ保全の保存期間) says the
			// same thing, also above a lexical best that does not (WAF /
			// ファイアウォール); one with a concept more or less (目標復旧
			// 時点 / 時間) is another ask and keeps its lexical score.
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
		bp = ix.pairOf(pq, cands[0].prepared())
	}
	conf, head, stated := ix.checkHead(bp, cands, conf)
	note := ""
	if head != "" {
		note = "not named: " + head
	} else if stated {
		note = "the answer states it"
	}
	r.step(StepHead, before, conf, note)
	// How long are backups retained? against How long are logs retained?:
	// the same ask of another object. A wording that names a concept the
	// query does not, while the query names one it does not, is about
	// something else however much of the sentence it shares.
	var conflict [2]string
	found := checks{headMissing: head != "", stated: stated}
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
		found.tied = ix.tiedRival(cands, byScore) != nil
	}
	r.Candidates, r.Confidence, r.english, r.margin, r.checks = cands, conf, english, ix.margin(cands), found
	r.Auto = r.Confidence >= ix.cfg.Threshold
	// Say why only where the check is what held the row back.
	if head != "" && before >= ix.cfg.Threshold && !r.Auto {
		r.Why = Reason{Check: CheckHead, Head: head}
	} else if conflict != ([2]string{}) {
		r.Why = Reason{Check: CheckConflict, Query: conflict[0], Wording: conflict[1]}
	} else if conf == ix.cfg.AmbiguityCap {
		if t := ix.tiedRival(cands, byScore); t != nil {
			r.Why = Reason{Check: CheckTied, Rival: t.Entry}
		}
	}
	return r
}

// withSubject puts the row's section before a question that does not say
// what it asks about: one whose every word is found in wordings with
// different answers (保存期間: logs, backups, camera footage), or a
// compound found whole in a wording on another subject than the section
// (保存期間 under ログ, in 映像記録の保存期間). Not where the question names
// the section, or the corpus holds it word for word (rank then prefers
// the entry learned under the same section).
func (ix *Index) withSubject(pq string, qf features, section string, cands []Candidate) string {
	section = question.Prepare(section[strings.LastIndex(section, ">")+1:])
	whole := slices.IndexFunc(cands, func(c Candidate) bool { return c.qcov >= 1-1e-6 })
	if !ix.cfg.Subject || section == "" || textnorm.HasCJK(pq) != textnorm.HasCJK(section) || whole < 0 || cands[0].Score >= 1-1e-6 {
		return pq
	}
	st := slices.Collect(maps.Keys(ix.tokenizeInto(section, nil, features{})))
	named := func(f features) bool {
		return slices.ContainsFunc(st, func(t token) bool { return f[t] > 0 })
	}
	if named(qf) {
		return pq
	}
	shared := slices.ContainsFunc(cands, func(c Candidate) bool { return c.qcov >= 1-1e-6 && !ix.sameAnswer(c.Entry, cands[whole].Entry) })
	if _, _, compound, _ := question.Run(pq); shared || compound && !named(ix.tokenizeInto(cands[whole].prepared(), nil, features{})) {
		return section + " " + pq
	}
	return pq
}

// rank sorts candidates best first. Ties (the same wording learned from
// several places of one questionnaire) go to the entry learned from the
// same question ID, then to the one from the same section.
func (ix *Index) rank(cands []Candidate, q Query) {
	section := textnorm.Key(q.Section)
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
	// checkAnswers), and the suggestion should be one the reviewer can
	// send on.
	key := func(c Candidate) float64 {
		k := c.Score + ix.cfg.PairHint*c.pairs + ix.cfg.AnswerHint*c.answers
		if c.otherScript && ix.cfg.OtherScriptRank > 0 {
			return k * ix.cfg.OtherScriptRank
		}
		return k
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

// rankByPairs ranks the candidates again with the share of the query's
// word pairs each wording repeats, and reports whether the query has any.
func (ix *Index) rankByPairs(pq string, cands []Candidate, q Query) bool {
	qp := wordPairs(pq)
	if len(qp) == 0 {
		return false
	}
	for i := range cands {
		n := 0
		for p := range wordPairs(cands[i].prepared()) {
			if qp[p] {
				n++
			}
		}
		cands[i].pairs = float64(n) / float64(len(qp))
	}
	ix.rank(cands, q)
	return true
}

// rankByAnswers ranks the candidates again with the share of the query's
// weight each entry's answer and remarks repeat: of two wordings that say
// as much, the one whose answer speaks of what the row asks (DDoS対策
// against an entry on attacks answered "DDoS Protection") comes first.
func (ix *Index) rankByAnswers(qf features, cands []Candidate, q Query) {
	af := features{}
	total := 0.0
	// Sums go in token order: map order would jitter a share's last bit,
	// and with it the order of near-tied candidates.
	qt := slices.Sorted(maps.Keys(qf))
	for _, t := range qt {
		total += ix.weight(t, qf[t])
	}
	for i := 0; i < len(cands) && total > 0; i++ {
		at := ix.answerTokens(&cands[i], af)
		for _, t := range qt {
			if _, ok := slices.BinarySearch(at, t); ok {
				cands[i].answers += ix.weight(t, qf[t]) / total
			}
		}
	}
	ix.rank(cands, q)
}

// answerTokens returns the sorted tokens of the answer and remarks of
// c's entry, tokenized in scratch the first time the index is asked for
// them (every time for an entry the index does not hold).
func (ix *Index) answerTokens(c *Candidate, scratch features) []token {
	held := c.entry >= 0 && int(c.entry) < len(ix.entries) && ix.entries[c.entry] == c.Entry
	if held {
		if p := ix.answerToks[c.entry].Load(); p != nil {
			return *p
		}
	}
	ix.tokenizeInto(question.Prepare(c.Entry.Answer+"。"+c.Entry.Remarks), nil, scratch)
	at := make([]token, 0, len(scratch))
	for t, tf := range scratch {
		if tf > 0 {
			at = append(at, t)
		}
	}
	slices.Sort(at)
	if held {
		ix.answerToks[c.entry].Store(&at)
	}
	return at
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
	ix.penaliseRivals(qs, out)
	ix.checkAnswers(qs, out)
	ix.checkUnfamiliar(qs, out)
	return out
}
