package match

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/textnorm"
	"github.com/qfill/qfill/pkg/thesaurus"
)

// askHead returns the byte range of the query's head: the run of kanji,
// katakana or Latin letters that ends its first sentence once trailing
// hiragana, punctuation and a bracketed aside are trimmed. In a Japanese
// label or question the last noun is what is asked about the topic before
// it (個人情報保護管理者の「連絡先」, 計画停止の「頻度」, ログを「取得」).
// ok is false where there is no such run of at least two characters.
func askHead(p string) (start, end int, ok bool) {
	start, end, whole, ok := askRun(p)
	return start, end, ok && !whole
}

// askRun is askHead that also returns a query that is one compound
// (whole), where askHead has no head.
func askRun(p string) (start, end int, whole, ok bool) {
	s := p
	if i := strings.Index(p, sentenceBreak); i >= 0 {
		s = p[:i]
	}
	if !textnorm.HasCJK(s) {
		start, end, ok = englishHead(s)
		return start, end, false, ok
	}
	for {
		start, end, n := trailingRun(s)
		// 監査が「行」われて, 「定期的」に: stems and adverbs step back, however short.
		if lightStems[s[start:end]] {
			s = s[:start]
			continue
		}
		if n < 2 {
			return 0, 0, false, false
		}
		// 研修を「実施」, 問合せは「可能」, 守る「仕組み」: a light
		// predicate or frame noun says that or how something is done,
		// not what; the noun before it is the head.
		if lightPredicates[s[start:end]] {
			s = s[:start]
			// 本番データを「開発環境で」利用: the object is the head, not the place.
			if i := strings.LastIndex(s, "を"); i > 0 && strings.HasSuffix(s, "で") {
				s = s[:i]
			}
			continue
		}
		// A query that is one compound (電源設備) has no head but its topic,
		// which any shared token would "match": compoundTail checks its end.
		return start, end, start == 0, true
	}
}

// queryHead returns the head headMatched checks, and whether it is the
// last word of a query that is one compound (compoundTail): in a
// label-style row, the item name's where it has one (textnorm.ItemName).
func queryHead(pq string) (start, end int, compound, ok bool) {
	first, _, _ := strings.Cut(pq, sentenceBreak)
	for _, p := range []string{textnorm.ItemName(first), pq} {
		if start, end, ok := askHead(p); ok {
			return start, end, false, true
		}
		if start, end, ok := compoundTail(p); ok {
			return start, end, true, true
		}
	}
	return 0, 0, false, false
}

// compoundTail returns the last word of a query that is one compound
// (電源「設備」, 操作「マニュアル」の提供, 対応「ブラウザ」): a trailing
// katakana run, or else headTail's last kanji; for a compound that ends
// in a topic frame (「火災」対策), the topic before it. ok is false where
// the compound is that word alone.
func compoundTail(p string) (start, end int, ok bool) {
	s, e, whole, ok := askRun(p)
	// 暗号化, 入退室: a word of three characters is the topic alone.
	if !ok || !whole || utf8.RuneCountInString(p[s:e]) < tailMinRunes {
		return 0, 0, false
	}
	if rs := []rune(p[s:e]); topicFrames[string(rs[len(rs)-2:])] {
		return s, e - len(string(rs[len(rs)-2:])), true // the topic before 対策
	}
	k := e
	for k > s {
		r, size := utf8.DecodeLastRuneInString(p[s:k])
		if !(unicode.Is(unicode.Katakana, r) || r == 'ー') {
			break
		}
		k -= size
	}
	ts, te := k, e
	if k == e {
		ts, te = headTail(p, s, e)
	}
	if ts <= s || utf8.RuneCountInString(p[ts:te]) < 2 {
		return 0, 0, false
	}
	return ts, te, true
}

// measureTail reports whether a compound's last word asks for a measure
// (件数, 期間, 頻度): unlike 設備 or 対策, it is the ask, not a frame.
func measureTail(tail string) bool {
	rs := []rune(tail)
	if len(rs) == 0 {
		return false
	}
	if strings.ContainsRune(measureSuffixes, rs[len(rs)-1]) {
		return true
	}
	return len(rs) >= 2 && measureNouns[string(rs[len(rs)-2:])]
}

// measureSuffixes end a word that names a measure (件数, 稼働率, 上限値).
const measureSuffixes = "数率額量値"

// coordinateHead returns the head of the ask joined to the one at start by
// と, や, 、 or ・ (定期メンテナンスの「頻度」と事前通知の「時期」, 検知・防止):
// a question that asks two things is answered by a wording that names
// either. ok is false where there is none.
func coordinateHead(p string, start int) (s, e int, ok bool) {
	i := start
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(p[:i])
		if !(thesaurus.IsCompound(r) || r == 'の') {
			break
		}
		i -= size
	}
	r, size := utf8.DecodeLastRuneInString(p[:i])
	if i == 0 || !strings.ContainsRune("とや、・,", r) {
		return 0, 0, false
	}
	return askHead(p[:i-size])
}

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

// trailingRun trims trailing hiragana, punctuation and a bracketed aside
// from s and returns the run of kanji or katakana that then ends it, with
// its length in characters.
func trailingRun(s string) (start, end, n int) {
	for {
		s = strings.TrimRightFunc(s, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' || unicode.In(r, unicode.Hiragana)
		})
		if strings.HasSuffix(s, ")") {
			if i := strings.LastIndexByte(s, '('); i > 0 {
				s = s[:i]
				continue
			}
		}
		break
	}
	end = len(s)
	start = end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !thesaurus.IsCompound(r) {
			break
		}
		start -= size
		n++
	}
	return start, end, n
}

// checkHead adjusts the confidence of the best candidate by the head
// check: HeadBonus when its wording names the query's head (and the two
// do not each name a concept the other lacks, and a compound head's last
// word is named too), HeadPenalty and at most HeadCap when it does not
// name the head, HeadPenalty alone when it misses only the last word or
// the head is an English participle (head is then the missing text).
// A query that is one compound gets CompoundBonus or nothing; one
// without a head keeps its confidence.
func (ix *Index) checkHead(bp bestPair, cands []Candidate, conf float64) (float64, string) {
	if ix.cfg.HeadBonus == 0 && ix.cfg.HeadPenalty == 0 && ix.cfg.HeadCap == 0 || conf <= 0 {
		return conf, ""
	}
	if cands[0].lexical >= 1-1e-6 {
		return conf, "" // the question itself: its head is there
	}
	h, ok := ix.headMatched(bp)
	if !ok {
		return conf, ""
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
	if ix.cfg.AnswerMeasure && !(h.matched && h.tailMatched) && corpus.StatesMeasure(cands[0].Entry, h.tail) {
		return conf, "" // 実施頻度 against 脆弱性診断を実施, answered 年1回: the answer names it
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
		if !h.matched && measureTail(h.tail) {
			return ix.missed(conf, true), h.shown()
		}
		if !h.matched || h.conflict || h.missing || ix.cfg.CompoundBonus == 0 {
			return conf, ""
		}
		return ix.raise(cands, conf, ix.cfg.CompoundBonus), ""
	}
	// "Do you test your plan?" against "Do you have a plan?" needs the
	// cap as a Japanese head does (englishAsks joins kept and stored).
	if !h.matched {
		return ix.missed(conf, true), h.head
	}
	// 委託先との秘密保持契約の締結 against 従業員と秘密保持契約を締結: the
	// same ask of another party. The head is no evidence then.
	if h.conflict {
		return conf, ""
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
		return ix.missed(conf, h.otherTail), h.shown()
	}
	if h.english && h.agent != "" && !h.agentMatched {
		return ix.missed(conf, false), h.agent
	}
	bonus := ix.cfg.HeadBonus
	if h.english {
		bonus = ix.cfg.EnglishHeadBonus
	}
	return ix.raise(cands, conf, bonus), ""
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
	// head and tail are the query's head and its last word (headTail).
	head, tail string
	english    bool
	compound   bool // the query is one compound and head its last word (compoundTail)
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

// otherTail reports whether stem occurs in the wording pw directly
// followed by another word of at least two characters of a compound
// (kanji or katakana): バックアップの保管期間 for the stem 保管 of the head
// 保管場所.
func otherTail(pw, stem string) bool {
	for i := 0; ; {
		k := strings.Index(pw[i:], stem)
		if k < 0 {
			return false
		}
		i += k + len(stem)
		n := 0
		for _, r := range pw[i:] {
			if !thesaurus.IsCompound(r) {
				break
			}
			n++
		}
		if n >= 2 {
			return true
		}
	}
}

// englishAgent returns the byte range of the agent of an English passive
// whose participle ends at end: the words after "by", up to the end of
// the sentence or the next preposition.
func englishAgent(p string, end int) (start, stop int, ok bool) {
	rest := p[end:]
	i := strings.Index(rest, " by ")
	if i < 0 || i > 1 {
		return 0, 0, false
	}
	start = end + i + len(" by ")
	stop = len(p)
	if j := strings.Index(p[start:], sentenceBreak); j >= 0 {
		stop = start + j
	}
	for _, prep := range []string{" for ", " to ", " on ", " at ", " in ", " with ", " before ", " after "} {
		if j := strings.Index(p[start:stop], prep); j >= 0 {
			stop = start + j
		}
	}
	return start, stop, stop > start
}

// headMatched checks the query's head against a wording: whether the
// wording shares a token lying inside it, a thesaurus concept whose term
// overlaps it, or an ask word of the same meaning, for the whole head and
// for its last word. ok is false where the query has no head to check.
func (ix *Index) headMatched(bp bestPair) (h headCheck, ok bool) {
	pq, pw := bp.pq, bp.pw
	hs, he, compound, ok := queryHead(pq)
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
	if cs, ce, ok := coordinateHead(pq, hs); ok && !h.compound {
		heads = append(heads, [2]int{cs, ce})
	}
	tails := make([][2]int, len(heads))
	for i, x := range heads {
		tails[i] = x
		if !h.compound {
			tails[i][0], tails[i][1] = headTail(pq, x[0], x[1])
		}
	}
	ts, te := tails[0][0], tails[0][1]
	h.tail = pq[ts:te]
	names := func(x [2]int) bool {
		found := askSynonymMatch(pq[x[0]:x[1]], pw) || h.english && englishAskMatch(pq[x[0]:x[1]], wt)
		textTokens(pq[x[0]:x[1]], func(t token, _ float64, _, _ int) {
			found = found || slices.Contains(wt, t)
		})
		return found
	}
	h.matched = slices.ContainsFunc(heads, names)
	h.tailMatched = slices.ContainsFunc(tails, names)
	// "Is the policy reviewed by an external party?": in an English
	// passive the agent is part of the ask, and a wording that names the
	// participle but not the agent answers another one.
	var agent [][2]int
	if h.english {
		if as, ae, ok := englishAgent(pq, he); ok {
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
		h.otherTail = otherTail(pw, pq[hs:ts])
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
	pw := prepare(wording)
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

// englishHead finds the ask of an English passive question: the participle
// after the subject of "Is/Are … <participle> …?" ("Is the policy
// published to customers?", "Are keys stored in an HSM?"). A participle
// followed by a noun is part of the subject (stored data), and light ones
// (performed, maintained, in place) say only that something is done. In a
// "Do you …" question the head is the verb (see englishVerb). Other
// English questions have no head.
func englishHead(s string) (start, end int, ok bool) {
	var ws []engWord
	for _, x := range englishWord.FindAllStringIndex(s, -1) {
		ws = append(ws, engWord{s[x[0]:x[1]], x[0], x[1]})
	}
	// "Do you …", and "How often do you …", "What … do you …": the verb
	// after the subject is the ask.
	for k := 0; k+2 < len(ws) && k < 6; k++ {
		if ws[k].w == "do" || ws[k].w == "does" {
			return englishVerb(ws[k+1:])
		}
	}
	// "How often are access rights reviewed?", "Where is data
	// stored?": the passive after a question word.
	if len(ws) > 0 && englishWh[ws[0].w] {
		for k := 1; k < len(ws) && k < 4; k++ {
			if englishAux[ws[k].w] {
				ws = ws[k:]
				break
			}
		}
	}
	if len(ws) < 3 || !englishAux[ws[0].w] {
		return 0, 0, false
	}
	// "established, documented, approved, communicated, applied,
	// evaluated and maintained" (CAIQ v4) says only that a policy exists.
	n := 0
	for _, w := range ws[2:] {
		if strings.HasSuffix(w.w, "ed") {
			n++
		}
	}
	if n >= 3 {
		return 0, 0, false
	}
	for k := 2; k < len(ws); k++ {
		w := ws[k].w
		if !(strings.HasSuffix(w, "ed") || irregularParticiples[w]) {
			continue
		}
		// A predicate participle is followed by a preposition, an adverb, a
		// conjunction or a particle; stored data: an adjective of the subject.
		if k+1 < len(ws) && !afterParticiple[ws[k+1].w] && !strings.HasSuffix(ws[k+1].w, "ly") {
			continue
		}
		if lightParticiples[w] {
			return 0, 0, false
		}
		return ws[k].i, ws[k].j, true
	}
	return 0, 0, false
}

// englishWord is a run of the bytes thesaurus.IsWordByte accepts.
var englishWord = regexp.MustCompile(`[a-z0-9]+`)

// engWord is one word of an English question and its byte range.
type engWord struct {
	w    string
	i, j int
}

// englishVerb finds the verb after the subject of a "Do you …" or "Does
// the vendor …" question (ws starts at the subject): "Do you *share*
// your plans with tenants?" asks about sharing, not about having plans.
// Light verbs (have, maintain, perform, use, provide) say only that
// something is done or had, and such a question keeps no head; so does
// one whose subject is not a plain one.
func englishVerb(ws []engWord) (start, end int, ok bool) {
	k := 0
	switch {
	case ws[0].w == "you" || ws[0].w == "we":
		k = 1
	case (ws[0].w == "your" || ws[0].w == "the") && len(ws) > 2 && englishSubjects[ws[1].w]:
		k = 2
	default:
		return 0, 0, false
	}
	// "Do you physically and logically separate …": adverbs before the
	// verb, joined by and.
	for k < len(ws) && (englishAdverbs[ws[k].w] || strings.HasSuffix(ws[k].w, "ly") ||
		ws[k].w == "and" && k > 0 && strings.HasSuffix(ws[k-1].w, "ly")) {
		k++
	}
	if k >= len(ws) || lightVerbs[ws[k].w] {
		return 0, 0, false
	}
	return ws[k].i, ws[k].j, true
}

// tailMinRunes is the length from which a head is a compound whose last
// word is checked on its own (see headTail).
const tailMinRunes = 4

// headTail narrows a compound head to its last word: Japanese compounds
// end in what they are (設置台数 is a number, 報告期限 a deadline). A frame
// noun at the end (連絡方法, ロック機能) is dropped first; the last word is
// taken as the last two characters, three when the last is a suffix such
// as 数 or 率 (世代数). Heads shorter than tailMinRunes are left whole.
func headTail(p string, s, e int) (int, int) {
	rs := []rune(p[s:e])
	if len(rs) >= tailMinRunes && lightPredicates[string(rs[len(rs)-2:])] {
		rs = rs[:len(rs)-2]
		e = s + len(string(rs))
	}
	suffix := len(rs) > 0 && strings.ContainsRune(measureSuffixes+"性度", rs[len(rs)-1])
	// 実施率, 利用数: a light predicate with a suffix asks for a measure
	// of doing it, and any wording that says 実施 would name the whole
	// head; the measure is its last two characters.
	if len(rs) == 3 && suffix && lightPredicates[string(rs[:2])] {
		return e - len(string(rs[1:])), e
	}
	if len(rs) < tailMinRunes {
		return s, e
	}
	n := 2
	if suffix {
		n = 3
	}
	return e - len(string(rs[len(rs)-n:])), e
}
