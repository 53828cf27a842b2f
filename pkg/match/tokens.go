package match

import (
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/qfill/qfill/pkg/textnorm"
)

// token is a token's text ("火災", "w:backup", "c:malware") hashed with
// 64-bit FNV-1a. Matching never needs the text back, and a hash costs no
// allocation per bigram and makes the maps a third of the size; with a
// million distinct tokens the chance of any collision is about 1 in 3·10^7.
type token uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashRune(h uint64, r rune) uint64 { return hashString(h, string(r)) }

var wordPrefix = hashString(fnvOffset, "w:")

// features is a sparse bag of weighted tokens.
type features map[token]float64

// textTokens splits folded text into word tokens (English, stemmed) and
// character bigrams (kanji and kana, which have no spaces). Digits stay with
// their word so "24" and "365" survive as tokens. add also gets the token's
// byte range in s, so synonym credit can tell which tokens spell a
// thesaurus term.
func textTokens(s string, add func(tok token, w float64, start, end int)) {
	var run []rune
	var at []int // byte offset of each rune of run
	flushCJK := func() {
		switch n := len(run); {
		case n == 1:
			add(token(hashRune(fnvOffset, run[0])), 1, at[0], at[0]+utf8.RuneLen(run[0]))
		case n > 1:
			for i := 0; i+1 < n; i++ {
				add(token(hashRune(hashRune(fnvOffset, run[i]), run[i+1])), bigramWeight(run[i], run[i+1]), at[i], at[i+1]+utf8.RuneLen(run[i+1]))
			}
		}
		run, at = run[:0], at[:0]
	}
	var word strings.Builder
	wordStart := 0
	one := func(w string, start, end int) {
		if w, ok := wordForm(w); ok {
			add(token(hashString(wordPrefix, w)), 1, start, end)
		}
	}
	flushWord := func(end int) {
		if word.Len() == 0 {
			return
		}
		w := word.String()
		word.Reset()
		// A slash joins words, not letters (IDS/IPS, ISO/IEC,
		// tags/metadata): each side is a word of its own.
		if strings.Contains(strings.Trim(w, ".-_/"), "/") {
			at := wordStart
			for _, part := range strings.Split(w, "/") {
				one(part, at, at+len(part))
				at += len(part) + 1
			}
			return
		}
		one(w, wordStart, end)
	}
	for i, r := range s {
		switch {
		case textnorm.IsCJK(r):
			flushWord(i)
			run, at = append(run, r), append(at, i)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || ((r == '.' || r == '-' || r == '/') && word.Len() > 0):
			flushCJK()
			if word.Len() == 0 {
				wordStart = i
			}
			word.WriteRune(r)
		default:
			flushCJK()
			flushWord(i)
		}
	}
	flushCJK()
	flushWord(len(s))
}

// wordForm is the form a Latin word is matched in: stemmed, without
// the punctuation around it; ok is false for a stop word.
func wordForm(w string) (string, bool) {
	w = strings.Trim(w, ".-_/")
	if w == "" || englishStop[w] {
		return "", false
	}
	if isASCIIWord(w) && len(w) > 2 {
		w = stem(w)
	}
	return w, true
}

// stems remembers english.Stem's answers: the same few thousand words
// recur in every wording and every query, and stemming took a third of
// the time of matching an English sheet. It stops growing at maxStems
// words, so a long-running serve is not a leak.
var (
	stems     sync.Map // word → stem
	stemCount atomic.Int64
)

const maxStems = 1 << 16

func stem(w string) string {
	if s, ok := stems.Load(w); ok {
		return s.(string)
	}
	s := english.Stem(w, false)
	if stemCount.Load() < maxStems {
		// The word is a slice of a whole text: keep a copy, not the text.
		if _, loaded := stems.LoadOrStore(strings.Clone(w), s); !loaded {
			stemCount.Add(1)
		}
	}
	return s
}

// wordPairs returns the pairs of Latin words that follow each other in
// p, stop words skipped ("access to customer data" gives "access
// custom" and "custom data"); a hyphen or slash separates words there,
// other punctuation and kanji or kana end a run.
func wordPairs(p string) map[string]bool {
	pairs := map[string]bool{}
	sep := func(r rune) bool { return r == ' ' || r == '-' || r == '/' }
	runs := strings.FieldsFunc(p, func(r rune) bool {
		return !sep(r) && !unicode.IsDigit(r) && (!unicode.IsLetter(r) || textnorm.IsCJK(r))
	})
	for _, run := range runs {
		prev := ""
		for _, w := range strings.FieldsFunc(run, sep) {
			if w, ok := wordForm(w); ok {
				if prev != "" {
					pairs[prev+" "+w] = true
				}
				prev = w
			}
		}
	}
	return pairs
}

// exampleList matches a bracketed list of examples in folded text (NFKC
// has made "（例：" into "(例:"), opened by "e.g.", "for example",
// "such as", "例", "例えば" or "たとえば".
var exampleList = regexp.MustCompile(`\((?:e\.g\.?|eg\.|for example|such as|例えば|たとえば|例)[^()]*\)`)

// exampleSpans returns the byte ranges of the example lists in p.
func exampleSpans(p string) [][]int {
	if !strings.Contains(p, "(") {
		return nil
	}
	return exampleList.FindAllStringIndex(p, -1)
}

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// bigramWeight lowers bigrams made of hiragana: in Japanese the topic is
// written in kanji and katakana, while hiragana carries particles and verb
// endings ("して", "ての") that every question shares. A bigram that joins
// a word to a case particle (ルは of ファイアウォールは, 置を) weighs less
// again: it says only that some word ending so is followed by は, and
// ウォールは meeting ルールは sent "is a firewall installed?" to the
// firewall-review entry.
func bigramWeight(a, b rune) float64 {
	ha, hb := unicode.Is(unicode.Hiragana, a), unicode.Is(unicode.Hiragana, b)
	switch {
	case ha && hb:
		return hiraganaPairWeight
	case ha && isParticle(a) || hb && isParticle(b):
		return particlePairWeight
	case ha || hb:
		return mixedPairWeight
	}
	return 1
}

// particles are the case particles whose junction bigrams weigh
// particlePairWeight. Not の: 〜の〜 joins the nouns of one compound ask
// (ログの保存期間), and its junctions carry more of it.
const particles = "はがをにでともへや"

func isParticle(r rune) bool { return strings.ContainsRune(particles, r) }

const (
	hiraganaPairWeight = 0.2
	mixedPairWeight    = 0.5
	particlePairWeight = 0.3
)
