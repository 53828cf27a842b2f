package match

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/question"
	"github.com/qfill/qfill/pkg/textnorm"
	"github.com/qfill/qfill/pkg/thesaurus"
)

// englishAskTokens are the groups of englishAsks as tokens.
var englishAskTokens = func() (out [][]token) {
	for _, g := range englishAsks {
		out = append(out, tokensOf(strings.Join(g, " ")))
	}
	return out
}()

// tokensOf returns the tokens of s in order.
func tokensOf(s string) (ts []token) {
	textTokens(s, func(t token, _ float64, _, _ int) { ts = append(ts, t) })
	return ts
}

// englishAskMatch reports whether the English head and a wording (its
// tokens) name one ask in two of its words; words compare stemmed.
func englishAskMatch(head string, wording []token) bool {
	ht := tokensOf(head)
	for _, g := range englishAskTokens {
		if slices.ContainsFunc(ht, func(t token) bool { return slices.Contains(g, t) }) &&
			slices.ContainsFunc(wording, func(t token) bool { return slices.Contains(g, t) }) {
			return true
		}
	}
	return false
}

// namesHead reports whether a prepared text (wt its tokens) names a head:
// an ask word of the same meaning, or a token of the head.
func namesHead(head, text string, wt []token, english bool) bool {
	found := askSynonymMatch(head, text) || english && englishAskMatch(head, wt)
	textTokens(head, func(t token, _ float64, _, _ int) {
		found = found || slices.Contains(wt, t)
	})
	return found
}

// answerNames reports whether an entry's answer or remarks name an English
// head (reviewed: "Policies are reviewed every 3 years").
func answerNames(e *corpus.Entry, head string) bool {
	a := question.Prepare(e.Answer + " " + e.Remarks)
	return namesHead(head, a, tokensOf(a), true)
}

// askSynonymMatch reports whether the head and the wording name one ask
// in two of its terms.
func askSynonymMatch(head, wording string) bool {
	for _, g := range askSynonyms {
		inHead, inWording := false, false
		for _, t := range g {
			inHead = inHead || strings.Contains(head, t)
			inWording = inWording || strings.Contains(wording, t)
		}
		if inHead && inWording {
			return true
		}
	}
	return false
}

// checkHead adjusts the confidence of the best candidate by the head
// check: HeadBonus when its wording names the query's head (and the two
// do not each name a concept the other lacks, and a compound head's last
// word is named too), HeadPenalty and at most HeadCap when it does not
// name the head, HeadPenalty alone when it misses only the last word or
// the head is an English participle (head is then the missing text).
// A query that is one compound gets CompoundBonus or nothing; one
// without a head keeps its confidence. stated: the head asks a measure
// the answer states (AnswerMeasure), and was let pass for that.
func (ix *Index) checkHead(bp bestPair, cands []Candidate, conf float64) (_ float64, head string, stated bool) {
	if ix.cfg.HeadBonus == 0 && ix.cfg.HeadPenalty == 0 && ix.cfg.HeadCap == 0 || conf <= 0 {
		return conf, "", false
	}
	if cands[0].lexical >= 1-1e-6 {
		return conf, "", false // the question itself: its head is there
	}
	h, ok := ix.headMatched(bp)
	if !ok {
		return conf, "", false
	}
	// サービス稼働率の保証値 against the alias サービス稼働率は？ of an entry
	// that is also worded 可用性の保証値を教えてください: the entry names the
	// head, in another of its wordings.
	if !h.matched || !h.tailMatched {
		for _, w := range cands[0].Entry.Wordings() {
			if w == cands[0].Wording {
				continue
			}
			if o, _ := ix.headMatched(bp.with(ix, w)); o.matched && o.tailMatched && !o.conflict {
				h = o
				break
			}
		}
	}
	// 実施頻度 against 脆弱性診断を実施, answered 年1回: the answer gives
	// what is asked, which is as good as a wording that names it, and
	// earns the bonus unless a concept of the query is not named (or each
	// side names one the other lacks) or the value is no interval (常時監視
	// for 監視間隔). An English head is the verb ("How often is the policy
	// reviewed?") and the measure is asked by other words, so the answer
	// must name the verb too: "tested annually" is not how often a plan
	// is reviewed.
	if ix.cfg.AnswerMeasure && !(h.matched && h.tailMatched) {
		if h.english {
			if givesMeasure(cands[0].Entry, bp.pq) && answerNames(cands[0].Entry, h.head) {
				return conf, "", true
			}
		} else if stated, exact := corpus.StatesMeasure(cands[0].Entry, h.tail); stated {
			if !exact || h.conflict || h.missing {
				return conf, "", true
			}
			return ix.raise(cands, conf, ix.cfg.HeadBonus), "", true
		}
	}
	// 緊急「連絡」体制の整備 against 障害発生時の連絡体制: a label that is
	// one compound names its topic and its ask at once, so a wording that
	// names its last word, and every concept the label names, gets the
	// bonus (通信回線冗長化 against サーバの構成は冗長化 does not: the
	// network is not named). One that does not is no evidence against it
	// (火災対策 against 火災感知・報知システム, 電源設備 against 非常用電源),
	// since the label's last word is often generic.
	if h.compound {
		// インシデント発生「件数」 against インシデント発生時の対応組織: a
		// last word that asks for a measure is the ask, as a head is.
		if !h.matched && question.IsMeasure(h.tail) {
			return ix.missed(conf, true), h.shown(), false
		}
		if !h.matched || h.conflict || h.missing || ix.cfg.CompoundBonus == 0 {
			return conf, "", false
		}
		return ix.raise(cands, conf, ix.cfg.CompoundBonus), "", false
	}
	// "Do you test your plan?" against "Do you have a plan?" needs the
	// cap as a Japanese head does (englishAsks joins kept and stored).
	if !h.matched {
		return ix.missed(conf, true), h.head, false
	}
	// 委託先との秘密保持契約の締結 against 従業員と秘密保持契約を締結: the
	// same ask of another party. The head is no evidence then.
	if h.conflict {
		return conf, "", false
	}
	// 監視カメラの設置台数 against 監視カメラは設置されていますか: the head
	// shares 設置, but it is a number (台数) that is asked. A wording that
	// lacks the head's last word gets the penalty, not the bonus (and not
	// the cap: 取得頻度 against バックアップを取得 is often answered by an
	// answer that gives the frequency).
	// バックアップの保管場所 against バックアップの保管期間: the wording asks
	// another measure of the same thing, not the thing itself, and is
	// capped as an unmatched head is.
	if !h.english && !h.tailMatched {
		return ix.missed(conf, h.otherTail), h.shown(), false
	}
	if h.english && h.agent != "" && !h.agentMatched {
		return ix.missed(conf, false), h.agent, false
	}
	bonus := ix.cfg.HeadBonus
	if h.english {
		bonus = ix.cfg.EnglishHeadBonus
	}
	return ix.raise(cands, conf, bonus), "", false
}

// missed lowers conf by HeadPenalty for a head the wording does not name,
// and caps it at HeadCap where capped.
func (ix *Index) missed(conf float64, capped bool) float64 {
	conf = math.Max(0, conf-ix.cfg.HeadPenalty)
	if capped && ix.cfg.HeadCap > 0 {
		conf = math.Min(conf, ix.cfg.HeadCap)
	}
	return conf
}

// raise adds a head bonus to conf, at most halfway to 1: confidence 1
// stays for a wording that is the question itself, so --threshold 1
// still sends every other row to review. The bonus must not lift a row
// that an ambiguous topic holds back (see tiedRival).
func (ix *Index) raise(cands []Candidate, conf, bonus float64) float64 {
	conf = math.Min(conf+bonus, (conf+1)/2)
	if ix.tiedRival(cands, byScore) != nil {
		conf = math.Min(conf, ix.cfg.AmbiguityCap)
	}
	return conf
}

// shown is the head as a message names it: the tail is checked by its
// last two or three characters (得頻度 of 取得頻度), which are no word to
// show a reviewer, so the whole head that holds them is named.
func (h headCheck) shown() string {
	if h.head != "" && strings.Contains(h.head, h.tail) {
		return h.head
	}
	return h.tail
}

// headCheck is what headMatched finds.
type headCheck struct {
	// head and tail are the query's head and its last word (question.Tail).
	head, tail string
	english    bool
	compound   bool // the query is one compound and head its last word (question.CompoundTail)
	// matched: the wording names the head (a coordinated one will do);
	// tailMatched: it names the last word of it too.
	matched, tailMatched bool
	// conflict: each side names a thesaurus concept the other does not;
	// missing: the query names one the wording does not.
	conflict, missing bool
	// otherTail: the wording has the head's first part with another last
	// word after it (保管「期間」 for the head 保管「場所」).
	otherTail bool
	// agent is the "by …" phrase after an English participle head, and
	// agentMatched whether the wording names it (a token or concept).
	agent        string
	agentMatched bool
}

// headMatched checks the query's head against a wording: whether the
// wording shares a token lying inside it, a thesaurus concept whose term
// overlaps it, or an ask word of the same meaning, for the whole head and
// for its last word. ok is false where the query has no head to check.
func (ix *Index) headMatched(bp bestPair) (h headCheck, ok bool) {
	pq, pw := bp.pq, bp.pw
	hs, he, compound, ok := question.Ask(pq)
	if !ok {
		return h, false
	}
	h.compound = compound
	h.english = !textnorm.HasCJK(pq)
	h.head = pq[hs:he]
	// Wordings are short: a slice beats a map here, and a bigram wholly
	// inside the head is the same token in the head alone.
	wt := tokensOf(pw)
	heads := [][2]int{{hs, he}}
	if cs, ce, ok := question.Coordinate(pq, hs); ok && !h.compound {
		heads = append(heads, [2]int{cs, ce})
	}
	tails := make([][2]int, len(heads))
	for i, x := range heads {
		tails[i] = x
		if !h.compound {
			tails[i][0], tails[i][1] = question.Tail(pq, x[0], x[1])
		}
	}
	ts, te := tails[0][0], tails[0][1]
	h.tail = pq[ts:te]
	names := func(x [2]int) bool { return namesHead(pq[x[0]:x[1]], pw, wt, h.english) }
	h.matched = slices.ContainsFunc(heads, names)
	h.tailMatched = slices.ContainsFunc(tails, names)
	// "Is the policy reviewed by an external party?": in an English
	// passive the agent is part of the ask, and a wording that names the
	// participle but not the agent answers another one.
	var agent [][2]int
	if h.english {
		if as, ae, ok := question.Agent(pq, he); ok {
			agent = [][2]int{{as, ae}}
			h.agent = pq[as:ae]
			h.agentMatched = names(agent[0])
		}
	}
	for _, q := range bp.qs {
		if !named(bp.ds, q.Concept) {
			continue
		}
		overlaps := func(x [2]int) bool { return q.Start < x[1] && q.End > x[0] }
		h.matched = h.matched || slices.ContainsFunc(heads, overlaps)
		h.tailMatched = h.tailMatched || slices.ContainsFunc(tails, overlaps)
		h.agentMatched = h.agentMatched || slices.ContainsFunc(agent, overlaps)
	}
	if !h.english && !h.compound && !h.tailMatched && utf8.RuneCountInString(pq[hs:ts]) >= 2 {
		h.otherTail = question.OtherTail(pw, pq[hs:ts])
	}
	_, _, h.conflict = bp.conflict()
	h.missing = slices.ContainsFunc(bp.qs, func(s thesaurus.Span) bool { return !named(bp.ds, s.Concept) })
	return h, true
}

// bestPair is the query and the best candidate's wording, prepared, with
// the thesaurus terms in each: what the head check and the concept
// conflict both read, made once per match.
type bestPair struct {
	pq, pw string
	qs, ds []thesaurus.Span
	th     *thesaurus.Thesaurus
}

// pairOf pairs the prepared query with a prepared wording.
func (ix *Index) pairOf(pq, pw string) bestPair {
	return bestPair{pq: pq, pw: pw, qs: ix.thes.Spans(pq), ds: ix.thes.Spans(pw), th: ix.thes}
}

// with is bp for another wording of the same query: the query's
// thesaurus spans are kept, not scanned again.
func (bp bestPair) with(ix *Index, wording string) bestPair {
	pw := question.Prepare(wording)
	return bestPair{pq: bp.pq, pw: pw, qs: bp.qs, ds: ix.thes.Spans(pw), th: bp.th}
}

func named(spans []thesaurus.Span, c int) bool {
	return slices.ContainsFunc(spans, func(s thesaurus.Span) bool { return s.Concept == c })
}

// conflict reports whether the query and the wording each name a
// thesaurus concept the other does not, with a term of each as they
// spell it.
func (bp bestPair) conflict() (q, d string, ok bool) {
	qi := slices.IndexFunc(bp.qs, func(s thesaurus.Span) bool { return !named(bp.ds, s.Concept) })
	di := slices.IndexFunc(bp.ds, func(s thesaurus.Span) bool { return !named(bp.qs, s.Concept) })
	if qi >= 0 && di >= 0 {
		return bp.pq[bp.qs[qi].Start:bp.qs[qi].End], bp.pw[bp.ds[di].Start:bp.ds[di].End], true
	}
	// 利用者自身でバックアップを取得できますか against バックアップを取得
	// していますか: who does it is part of the ask, so an actor concept
	// on one side only is a conflict by itself.
	for _, s := range bp.qs {
		if bp.th.Actor(s.Concept) && !named(bp.ds, s.Concept) {
			return bp.pq[s.Start:s.End], "", true
		}
	}
	for _, s := range bp.ds {
		if bp.th.Actor(s.Concept) && !named(bp.qs, s.Concept) {
			return "", bp.pw[s.Start:s.End], true
		}
	}
	return "", "", false
}
