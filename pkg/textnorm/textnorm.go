// Package textnorm folds the many ways one checklist sentence can be typed
// into one form, so that the header finder and the matcher compare meaning
// rather than keyboard habits.
//
// Customers' sheets mix full- and half-width letters, half-width katakana,
// circled numbers, ウィルス/ウイルス, サーバー/サーバ, ヴ/ブ and numbering such
// as "1-2." or "(3)". Fold applies NFKC (golang.org/x/text does the width and
// compatibility work) and then the folds NFKC does not know about.
package textnorm

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// kanaFold maps spellings that Japanese writers use interchangeably onto one
// form. Small vowels become large (ウィ→ウイ, ファ→フア) and ヴ becomes ブ: both
// sides of a comparison are folded the same way, so the odd-looking result
// never reaches a user.
var kanaFold = strings.NewReplacer(
	"ヴァ", "バ", "ヴィ", "ビ", "ヴェ", "ベ", "ヴォ", "ボ", "ヴ", "ブ",
	"ァ", "ア", "ィ", "イ", "ゥ", "ウ", "ェ", "エ", "ォ", "オ",
	"ヵ", "カ", "ヶ", "ケ",
)

// kanaFoldFirst holds the first character of every kanaFold pattern:
// most text has none, and checking is cheaper than the Replacer's walk.
const kanaFoldFirst = "ヴァィゥェォヵヶ"

// okuriganaPairs maps the spellings of common verb nouns that differ only in
// their kana endings (取り扱い, 取扱い, 取扱) onto the shortest one. Checklists
// from different writers use all of them, and character bigrams of 取り扱い
// share nothing with those of 取扱. Longer variants come first: they are
// tried in this order.
var okuriganaPairs = []string{
	"取り扱い", "取扱", "取扱い", "取扱", "取り扱", "取扱",
	"持ち込み", "持込", "持込み", "持込", "持ち込", "持込",
	"持ち出し", "持出", "持出し", "持出", "持ち出", "持出",
	"立ち入り", "立入", "立入り", "立入", "立ち入", "立入",
	"受け入れ", "受入", "受入れ", "受入",
	"申し込み", "申込", "申込み", "申込",
	"引き渡し", "引渡", "引渡し", "引渡",
	"問い合わせ", "問合せ", "問い合せ", "問合せ", "問合わせ", "問合せ",
	"取り組み", "取組", "取組み", "取組",
	"割り当て", "割当", "割当て", "割当",
	"取り決め", "取決", "取決め", "取決",
	"切り替え", "切替", "切替え", "切替",
	"払い戻し", "払戻", "払戻し", "払戻",
	"貸し出し", "貸出", "貸出し", "貸出",
	"届け出", "届出", "申し出", "申出",
	"締め切り", "締切", "締切り", "締切",
	"書き込み", "書込", "書込み", "書込",
	"読み込み", "読込", "読込み", "読込",
	"組み込み", "組込", "組込み", "組込",
	"打ち合わせ", "打合せ", "打合わせ", "打合せ",
	"手続き", "手続",
}

// mazegakiPairs maps words written half in kana (漏えい, 改ざん, ぜい弱性:
// the style of government guidelines, which keep to the jōyō kanji) onto
// their all-kanji spelling (漏洩, 改竄, 脆弱性), which vendors' sheets use
// as often. Their bigrams share nothing either. Each variant is longer
// than its replacement, as with okurigana.
var mazegakiPairs = []string{
	"漏えい", "漏洩",
	"改ざん", "改竄",
	"ぜい弱", "脆弱",
	"き損", "毀損",
	"ひっ迫", "逼迫",
	"補てん", "補填",
	"隠ぺい", "隠蔽",
	"破たん", "破綻",
	"ねつ造", "捏造",
	"はく奪", "剥奪",
	"危ぐ", "危惧",
	"ちょう付", "貼付",
	"てん末", "顛末",
}

// homophonePairs maps kanji spellings that checklists use for one word
// although a dictionary tells them apart: 規定 (a provision) stands for
// 規程 (a body of rules) in 運用規定 / 運用管理規程 as often as not. Each
// replacement has the variant's length and does not contain it, so
// folding stays idempotent.
var homophonePairs = []string{
	"規定", "規程",
}

// okurigana indexes okuriganaPairs, mazegakiPairs and homophonePairs by
// first character: a lookup per character is far cheaper than a
// strings.Replacer's per-byte trie walk on text that rarely has any
// variant.
var okurigana = func() map[rune][][2]string {
	m := map[rune][][2]string{}
	for _, pairs := range [][]string{okuriganaPairs, mazegakiPairs, homophonePairs} {
		for i := 0; i < len(pairs); i += 2 {
			r, _ := utf8.DecodeRuneInString(pairs[i])
			m[r] = append(m[r], [2]string{pairs[i], pairs[i+1]})
		}
	}
	return m
}()

// foldOkurigana replaces the variants in s, longest listed first, and
// reports whether it replaced any.
func foldOkurigana(s string) (string, bool) {
	var b strings.Builder
	last := 0 // s[last:i] is copied unchanged
	for i, r := range s {
		if i < last {
			continue // inside a replaced variant
		}
		for _, p := range okurigana[r] {
			if strings.HasPrefix(s[i:], p[0]) {
				if b.Len() == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[last:i])
				b.WriteString(p[1])
				last = i + len(p[0])
				break
			}
		}
	}
	if last == 0 {
		return s, false
	}
	b.WriteString(s[last:])
	return b.String(), true
}

// Fold returns s in canonical form: NFKC, lower case, katakana folds,
// okurigana and mixed-script variants (取り扱い = 取扱, 漏えい = 漏洩),
// long vowel marks after katakana removed (サーバー = サーバ), runs of white
// space collapsed to one space. Punctuation is kept; Tokens and the header
// finder decide what to do with it.
func Fold(s string) string {
	if out, ok := foldASCII(s); ok {
		return out
	}
	n, ok := narrowPlain(s)
	if !ok {
		n = norm.NFKC.String(s)
	}
	out := foldNormal(n)
	// Removing a mark can bring a voicing mark next to its kana (ｻｰﾞｰ):
	// then the text is no longer in normal form, and another pass composes
	// it (and drops a long mark the composed kana now precedes), so that
	// Fold is idempotent. Each pass only removes characters. Text the
	// folds left as NFKC made it is normal already, and so is text of
	// characters that never combine (plainRunes).
	for i := 0; i < 4 && out != n && !plainRunes(out) && !norm.NFKC.IsNormalString(out); i++ {
		out = foldOnce(out)
	}
	return out
}

// plainRunes reports whether s holds only characters that are in NFKC
// form each and never combine with what precedes them, so that text of
// them alone is in NFKC form (TestPlainRunes checks the ranges against
// the Unicode tables): ASCII, Japanese punctuation, hiragana, katakana
// and the unified kanji. Checking them is a fraction of the normalizer's
// table walk, which most folded Japanese text would otherwise take twice.
func plainRunes(s string) bool {
	for _, r := range s {
		if !plainRune(r) {
			return false
		}
	}
	return true
}

func plainRune(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
	case 0x3001 <= r && r <= 0x3029: // 、。 and the CJK brackets and marks, not the ideographic space
	case 0x3041 <= r && r <= 0x3096: // hiragana, not the voicing marks after them
	case 0x30A1 <= r && r <= 0x30FC: // katakana, ・ and ー
	case 0x4E00 <= r && r <= 0x9FFF: // CJK unified ideographs
	default:
		return false
	}
	return true
}

// narrowPlain is NFKC for text of plainRunes characters, full-width ASCII
// (？（）０-９Ａ-Ｚ, U+FF01–FF5E) and the ideographic space, which is most
// Japanese checklist text: NFKC maps each of the latter to its ASCII
// counterpart, and the result is plain (TestNarrowPlain checks both
// against the normalizer). It reports false for any other text.
func narrowPlain(s string) (string, bool) {
	wide := false
	for _, r := range s {
		switch {
		case 0xFF01 <= r && r <= 0xFF5E, r == 0x3000:
			wide = true
		case !plainRune(r):
			return "", false
		}
	}
	if !wide {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case 0xFF01 <= r && r <= 0xFF5E:
			b = append(b, byte(r-0xFEE0))
		case r == 0x3000:
			b = append(b, ' ')
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b), true
}

// foldASCII is Fold for text that is all ASCII (most English sheets and
// corpora), where NFKC and the kana folds change nothing: lower case and
// collapsed white space, without the Unicode tables' cost.
func foldASCII(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return "", false
		}
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c >= '\t' && c <= '\r':
			space = true
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, c)
	}
	return string(b), true
}

func foldOnce(s string) string { return foldNormal(norm.NFKC.String(s)) }

// foldNormal is foldOnce after NFKC.
func foldNormal(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, kanaFoldFirst) {
		s = kanaFold.Replace(s)
	}
	// A replacement can leave a new variant behind (持ち込みみ → 持込み):
	// repeat until nothing changes, so that Fold stays idempotent. Every
	// pass that changes the text shortens it, or (a homophone) leaves no
	// variant to replace.
	for i, changed := 0, true; changed && i < 8; i++ {
		s, changed = foldOkurigana(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	space := false
	for _, r := range s {
		switch {
		case r == 'ー' || r == '-' && isKatakana(prev):
			// A long vowel mark only lengthens the katakana before it;
			// dropping it makes サーバー and サーバ the same word.
			if isKatakana(prev) {
				continue
			}
			b.WriteRune(r)
		case unicode.IsSpace(r):
			space = true
			continue
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
		}
		space = false
		prev = r
	}
	return b.String()
}

func isKatakana(r rune) bool {
	return unicode.Is(unicode.Katakana, r) && r != '・'
}

// numbering matches the item numbers customers put in front of a question:
// "1.", "1-2.", "(3)", "[A-1]", "Q1.", "問3", "No.5", "①" (NFKC makes it "1").
var numbering = regexp.MustCompile(`^(?:(?:q|no|問|項目)\.?\s*)?(?:[(\[（【]?\s*[a-z]?[0-9]+(?:[-.‐_][0-9]+)*\s*[)\]）】.．:：、]|[a-z]?[0-9]+(?:[-.][0-9]+)*\s+|[0-9]+$|q\s*[.:：]\s*)\s*`)

// StripNumbering removes one leading item number from folded text.
func StripNumbering(s string) string {
	for i := 0; i < 2; i++ {
		loc := numbering.FindStringIndex(s)
		if loc == nil || loc[1] == 0 || loc[1] == len(s) {
			break
		}
		s = s[loc[1]:]
	}
	return s
}

// politeEndings are closings that carry no topic: whether a sheet asks
// "〜していますか" or "〜を教えてください" it wants the same answer. The list is
// ordered longest first so that the longest closing is removed.
var politeEndings = []string{
	"を教えてください", "について教えてください", "を記載してください", "をご記入ください",
	"をご教示ください", "を記入してください", "を説明してください", "についてご説明ください",
	"はありますでしょうか", "されていますでしょうか", "していますでしょうか",
	"されていますか", "していますか", "されてますか", "してますか", "はありますか", "がありますか",
	"ありますか", "できますか", "いますか", "でしょうか", "ますか", "ですか",
	"ください", "すること", "されること", "していること", "されていること", "か",
}

// The closing of a request to write something: "〜について、具体的にご記入
// ください", "〜をご説明願います", "〜についてご回答ください". What is to be
// written is the ask; the rest is the frame. Matched from the end, part by
// part (a regular expression anchored only at the end is tried from every
// position, and this runs for every question and corpus entry).
var (
	requestEnds    = []string{"ください", "下さい", "お願いいたします", "お願いします", "願います", "いただけますか", "いただきたい"}
	requestLinks   = []string{"して", "を"}
	requestVerbs   = []string{"記入", "記載", "回答", "説明", "教示", "提示"}
	requestHonor   = []string{"ご", "お"}
	requestAdverbs = []string{"具体的に", "詳しく", "詳細に", "簡潔に"}
	requestTopics  = []string{"について", "に関して", "を"}
)

// stripRequest removes a request closing from s, or returns s unchanged.
func stripRequest(s string) string {
	cut := func(t string, list []string, required bool) (string, bool) {
		for _, e := range list {
			if rest, ok := strings.CutSuffix(t, e); ok {
				return rest, true
			}
		}
		return t, !required
	}
	t, ok := cut(s, requestEnds, true)
	if !ok {
		return s
	}
	t, _ = cut(t, requestLinks, false)
	if t, ok = cut(t, requestVerbs, true); !ok {
		return s
	}
	t, _ = cut(t, requestHonor, false)
	t, _ = cut(t, requestAdverbs, false)
	t = strings.TrimRight(t, "、, ")
	t, _ = cut(t, requestTopics, false)
	if utf8.RuneCountInString(t) < 2 {
		return s
	}
	return t
}

// StripEnding removes a trailing question mark and one polite closing from
// folded text.
func StripEnding(s string) string {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return r == '?' || r == '。' || r == '.' || r == ' ' || r == '、'
	})
	if t := stripRequest(s); t != s {
		return trimOne(t, labelFrames)
	}
	return trimOne(trimOne(s, politeEndings), labelFrames)
}

// ItemName returns the item name that opens a label-style question in
// folded text (データのバックアップ 取得の有無と頻度: the cells of 項目 |
// 内容 joined), or "" for any other. The name says what is asked; the
// phrase after it says more of it. The name is 2 to 15 characters of a
// compound, its words joined by の or ・; the phrase starts in Japanese
// (接続元 IP アドレスの制限 is one phrase, spaced around the Latin) and
// has a verb or particle other than の.
func ItemName(s string) string {
	name, rest, ok := strings.Cut(s, " ")
	first, _ := utf8.DecodeRuneInString(rest)
	if !ok || !itemName.MatchString(name) || !IsCJK(first) ||
		!strings.ContainsFunc(rest, func(r rune) bool { return unicode.In(r, unicode.Hiragana) && r != 'の' }) {
		return ""
	}
	return name
}

var itemName = regexp.MustCompile(`^[\p{Han}\p{Katakana}ー々a-z0-9の・]{1,14}[\p{Han}\p{Katakana}ー々]$`)

// trimOne removes the first of endings that s ends with, keeping at least
// two characters: "か" alone is not a closing, nor "の有無" a label.
func trimOne(s string, endings []string) string {
	for _, e := range endings {
		if rest := strings.TrimSuffix(s, e); rest != s && utf8.RuneCountInString(rest) >= 2 {
			return rest
		}
	}
	return s
}

// labelFrames close a label that names the state of its topic rather than
// the topic: "多要素認証の有無", "SSO 対応の可否", "教育の実施状況". The topic
// is the ask, and a vendor's corpus, written as questions, seldom says 有無
// or 状況, so rarity made them the heaviest words of the label.
var labelFrames = []string{
	"の取得有無", "の実施有無", "の導入有無", "の設置有無", "の提供有無", "の実施可否", "の対応可否", "の利用可否",
	"の有無", "の可否", "の実施状況", "の対応状況", "の取得状況", "の導入状況", "の状況",
	// 復元可否, 暗号化有無: the frame written onto the word.
	"有無", "可否",
}

// Key folds s for comparing short labels (header cells, choice values):
// folded, with every space and punctuation mark removed.
func Key(s string) string {
	return KeyFolded(Fold(s))
}

// KeyFolded is Key for text already folded by Fold, for a caller that
// needs both (folding is most of the cost).
func KeyFolded(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// IsCJK reports whether r is written in a script without spaces between
// words (kanji, kana), where the matcher uses character n-grams.
func IsCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || r == '々' || r == 'ー'
}

// Script is the language a text is written in, as ScriptOf tells it.
type Script int

const (
	ScriptNone Script = iota
	ScriptEnglish
	ScriptJapanese
)

// ScriptOf tells Japanese text (any kana or kanji) from English (at least
// min words of three or more Latin letters with a lower-case one), and
// both from codes and figures (SSO, AES-256, 99.9%). Answers need two
// such words ("Yes, we do"): a bare "Yes" fits a Japanese sheet too.
func ScriptOf(s string, min int) Script {
	words := 0
	run, lower := 0, false
	for _, r := range s + " " {
		if IsCJK(r) {
			return ScriptJapanese
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
		return ScriptEnglish
	}
	return ScriptNone
}

// HasCJK reports whether s has any kanji or kana: Japanese text, where
// text without them is English or figures.
func HasCJK(s string) bool {
	return strings.ContainsFunc(s, IsCJK)
}

// Original returns the part of orig that folds to folded, as orig spells
// it: ルール for the folded ルル, so that a message quotes the customer's
// own words. It returns folded itself when no part of orig does.
func Original(orig, folded string) string {
	if folded == "" {
		return ""
	}
	rs := []rune(orig)
	want := utf8.RuneCountInString(folded)
	for i := range rs {
		if unicode.IsSpace(rs[i]) {
			continue
		}
		// A fold never more than doubles or halves a word's length; the
		// longest match keeps a trailing ー that folding drops.
		for j := min(len(rs), i+2*want+2); j >= i+max(1, want/2); j-- {
			if !unicode.IsSpace(rs[j-1]) && Fold(string(rs[i:j])) == folded {
				return string(rs[i:j])
			}
		}
	}
	return folded
}
