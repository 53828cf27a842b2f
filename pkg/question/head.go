package question

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qfill/qfill/pkg/textnorm"
	"github.com/qfill/qfill/pkg/thesaurus"
)

// Head returns the byte range of the query's head: the run of kanji,
// katakana or Latin letters that ends its first sentence once trailing
// hiragana, punctuation and a bracketed aside are trimmed. In a Japanese
// label or question the last noun is what is asked about the topic before
// it (個人情報保護管理者の「連絡先」, 計画停止の「頻度」, ログを「取得」).
// ok is false where there is no such run of at least two characters.
func Head(p string) (start, end int, ok bool) {
	start, end, whole, ok := Run(p)
	return start, end, ok && !whole
}

// Run is Head that also returns a query that is one compound
// (whole), where Head has no head.
func Run(p string) (start, end int, whole, ok bool) {
	s := p
	if i := strings.Index(p, SentenceBreak); i >= 0 {
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
		// which any shared token would "match": CompoundTail checks its end.
		return start, end, start == 0, true
	}
}

// Ask returns the head the matcher's head check reads, and whether it is
// the last word of a query that is one compound (CompoundTail): in a
// label-style row, the item name's where it has one (textnorm.ItemName).
func Ask(pq string) (start, end int, compound, ok bool) {
	first, _, _ := strings.Cut(pq, SentenceBreak)
	for _, p := range []string{textnorm.ItemName(first), pq} {
		if start, end, ok := Head(p); ok {
			return start, end, false, true
		}
		if start, end, ok := CompoundTail(p); ok {
			return start, end, true, true
		}
	}
	return 0, 0, false, false
}

// CompoundTail returns the last word of a query that is one compound
// (電源「設備」, 操作「マニュアル」の提供, 対応「ブラウザ」): a trailing
// katakana run, or else Tail's last kanji; for a compound that ends
// in a topic frame (「火災」対策), the topic before it. ok is false where
// the compound is that word alone.
func CompoundTail(p string) (start, end int, ok bool) {
	s, e, whole, ok := Run(p)
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
		ts, te = Tail(p, s, e)
	}
	if ts <= s || utf8.RuneCountInString(p[ts:te]) < 2 {
		return 0, 0, false
	}
	return ts, te, true
}

// IsMeasure reports whether a compound's last word asks for a measure
// (件数, 期間, 頻度): unlike 設備 or 対策, it is the ask, not a frame.
func IsMeasure(tail string) bool {
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

// Coordinate returns the head of the ask joined to the one at start by
// と, や, 、 or ・ (定期メンテナンスの「頻度」と事前通知の「時期」, 検知・防止):
// a question that asks two things is answered by a wording that names
// either. ok is false where there is none.
func Coordinate(p string, start int) (s, e int, ok bool) {
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
	return Head(p[:i-size])
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

// OtherTail reports whether stem occurs in the wording pw directly
// followed by another word of at least two characters of a compound
// (kanji or katakana): バックアップの保管期間 for the stem 保管 of the head
// 保管場所.
func OtherTail(pw, stem string) bool {
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

// Agent returns the byte range of the agent of an English passive
// whose participle ends at end: the words after "by", up to the end of
// the sentence or the next preposition.
func Agent(p string, end int) (start, stop int, ok bool) {
	rest := p[end:]
	i := strings.Index(rest, " by ")
	if i < 0 || i > 1 {
		return 0, 0, false
	}
	start = end + i + len(" by ")
	stop = len(p)
	if j := strings.Index(p[start:], SentenceBreak); j >= 0 {
		stop = start + j
	}
	for _, prep := range []string{" for ", " to ", " on ", " at ", " in ", " with ", " before ", " after "} {
		if j := strings.Index(p[start:stop], prep); j >= 0 {
			stop = start + j
		}
	}
	return start, stop, stop > start
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
// word is checked on its own (see Tail).
const tailMinRunes = 4

// Tail narrows a compound head to its last word: Japanese compounds
// end in what they are (設置台数 is a number, 報告期限 a deadline). A frame
// noun at the end (連絡方法, ロック機能) is dropped first; the last word is
// taken as the last two characters, three when the last is a suffix such
// as 数 or 率 (世代数). Heads shorter than tailMinRunes are left whole.
func Tail(p string, s, e int) (int, int) {
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

// AsksForValue reports whether a question (as the sheet words it) asks for
// something a bare yes does not give: what, who, where, when, which or how
// (何, 誰, どこ, いつ, どの, どう, いくつ; an English question that opens
// with one), or a measure that its head names (実施頻度, 設置台数). A
// follow-up is read by its own first sentence.
func AsksForValue(q string) bool {
	first := q
	if i := strings.IndexAny(first, "。?？\n"); i >= 0 {
		first = first[:i]
	}
	if whAsk.MatchString(notAsk.ReplaceAllString(textnorm.Fold(first), "")) {
		return true
	}
	p := Prepare(first)
	if s, e, _, ok := Ask(p); ok {
		s, e = Tail(p, s, e)
		return IsMeasure(p[s:e])
	}
	return false
}

// Measure returns the last word of the measure a question asks for (頻度 in
// 「バックアップの取得頻度」), or "" where it asks none. An English question
// is read by its words (how often, how long, how many, where) and its
// measure named in Japanese, as corpus.StatesMeasure reads it: "How often
// is training given?" asks 頻度. A follow-up is read by its own first
// sentence.
func Measure(q string) string {
	first := q
	if i := strings.IndexAny(first, "。?？\n"); i >= 0 {
		first = first[:i]
	}
	if !textnorm.HasCJK(first) {
		f := textnorm.Fold(first)
		for _, m := range englishMeasures {
			if openAsk.MatchString(f) && m.ask.MatchString(f) {
				return m.measure
			}
		}
		return ""
	}
	p := Prepare(first)
	if s, e, _, ok := Ask(p); ok {
		s, e = Tail(p, s, e)
		if IsMeasure(p[s:e]) {
			return p[s:e]
		}
	}
	return ""
}

// openAsk opens an English question that asks for a value; "Are backups
// kept in another location?" asks none.
var openAsk = regexp.MustCompile(`^\s*(?:what|who|where|when|which|how|within how|in which|at what|for how)\b`)

// englishMeasures: how an English question asks for a measure, first
// match wins ("how many days" asks a period, "how many" a count).
var englishMeasures = []struct {
	ask     *regexp.Regexp
	measure string
}{
	{regexp.MustCompile(`\bhow (?:often|frequently)\b|\b(?:frequency|interval|cadence)\b`), "頻度"},
	{regexp.MustCompile(`\bhow (?:long|quickly|soon|fast)\b|\bhow many (?:seconds|minutes|hours|days|weeks|months|years)\b|\bwithin how\b|\b(?:retention )?period\b`), "期間"},
	{regexp.MustCompile(`\bhow many\b|\bnumber of\b`), "数"},
	{regexp.MustCompile(`^\s*where\b|\bin which (?:country|countries|region|regions)\b|\bwhich (?:country|countries|region|regions)\b|\blocations?\b`), "場所"},
}

// whAsk is a question word: anywhere in Japanese, where an English
// sentence opens (a "do you" question may say "how" further on).
var whAsk = regexp.MustCompile(`何|誰|どこ|いつ|どの|どう|どれ|いく[つら]|^\s*(?:what|who|where|when|which|how)\b`)

// notAsk are the question words that ask nothing: whether (かどうか),
// any (何らか, 何か but not 何か月), any time or anyone (いつでも, 誰でも).
var notAsk = regexp.MustCompile(`かどうか|何らか|何か(?:[^月]|$)|(?:何|誰|いつ|どこ|どれ)(?:でも|も)`)
