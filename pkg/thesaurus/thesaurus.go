// Package thesaurus maps the domain terms of security checklists onto
// concepts (thesaurus.txt: "backup: バックアップ, データ保全, backup"), and
// finds them in text: Japanese terms also when a particle joins their
// nouns (時刻の同期 for 時刻同期), Latin ones as whole words with their
// regular inflections. A vendor's synonyms file adds to it (With).
package thesaurus

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/textnorm"
)

//go:embed thesaurus.txt
var thesaurusText string

// concept is one line of the thesaurus, terms folded.
type concept struct {
	name  string
	terms []string
}

// Thesaurus maps domain terms onto concepts.
type Thesaurus struct {
	concepts []concept
	// byFirst lists, for each first character of a term, the (concept,
	// term) pairs starting with it, so Concepts scans the text once
	// instead of searching it for every term. Keyed by character, not
	// byte: every katakana term starts with the same UTF-8 byte. Latin
	// (ASCII) terms, matched as whole words, are in wordFirst, which the
	// scan reads only where a word starts: English text would otherwise
	// try every term of a letter at every letter. wordFirst is keyed by a
	// term's first two bytes (wordKey): keyed by the first alone, a word
	// start tried some thirty terms, and an English row's scans were a
	// tenth of its matching time.
	byFirst   map[rune][]termRef
	wordFirst map[uint16][]termRef
}

type termRef struct {
	concept int
	term    string // bridged (see bridge)
	latin   bool   // matched as a whole word
	// exclude marks a "!term": inside it, the concept's other terms do
	// not count (ログ is a log, but not inside ログイン).
	exclude bool
}

// Default is the built-in security and SLA thesaurus. It is
// parsed once and shared: a Thesaurus is never changed after parsing (With
// returns a copy).
func Default() *Thesaurus {
	return defaultThesaurus()
}

var defaultThesaurus = sync.OnceValue(func() *Thesaurus { return Parse(thesaurusText) })

// Parse reads the "name: term, term" format of thesaurus.txt.
// Lines that do not parse are skipped: the built-in file is tested, and a
// vendor's synonyms file is checked line by line when its corpus loads.
func Parse(text string) *Thesaurus {
	return (&Thesaurus{}).With(text)
}

// With returns a copy of t with the concepts of text (thesaurus.txt
// format) added; a concept whose name t already has gains the new terms.
// A vendor's synonyms file (corpus.SynonymsFile) goes through here. Lines
// that do not parse are skipped (see Parse).
func (t *Thesaurus) With(text string) *Thesaurus {
	out := &Thesaurus{}
	byName := map[string]int{}
	if t != nil {
		for _, c := range t.concepts {
			byName[c.name] = len(out.concepts)
			out.concepts = append(out.concepts, concept{name: c.name, terms: slices.Clone(c.terms)})
		}
	}
	syns, _ := corpus.ParseSynonyms(text)
	for _, syn := range syns {
		i, ok := byName[syn.Name]
		if !ok {
			i = len(out.concepts)
			byName[syn.Name] = i
			out.concepts = append(out.concepts, concept{name: syn.Name})
		}
		for _, term := range syn.Terms {
			if term = textnorm.Fold(term); term != "" && !slices.Contains(out.concepts[i].terms, term) {
				out.concepts[i].terms = append(out.concepts[i].terms, term)
			}
		}
	}
	out.index()
	return out
}

// actorConcepts say who does what is asked: a question and a wording
// that differ in one differ in the ask.
var actorConcepts = map[string]bool{"selfservice": true}

// Actor reports whether concept c is one of actorConcepts.
func (t *Thesaurus) Actor(c int) bool {
	return t != nil && c >= 0 && c < len(t.concepts) && actorConcepts[t.concepts[c].name]
}

// index builds byFirst from the concepts.
func (t *Thesaurus) index() {
	t.byFirst = map[rune][]termRef{}
	t.wordFirst = map[uint16][]termRef{}
	for i, c := range t.concepts {
		seen := map[string]bool{}
		for _, term := range c.terms {
			term, _ = bridge(term)
			if seen[term] {
				continue // 時刻の同期 and 時刻同期 are one term now
			}
			seen[term] = true
			ref := termRef{concept: i, term: term}
			if rest, ok := strings.CutPrefix(term, "!"); ok {
				ref.term, ref.exclude = rest, true
			}
			if ref.term == "" {
				continue
			}
			ref.latin = isLatin(ref.term)
			r, _ := utf8.DecodeRuneInString(ref.term)
			if ref.latin && len(ref.term) == 1 {
				// Whatever follows it: every key of its first byte.
				for next := range uint16(utf8.RuneSelf) {
					k := uint16(ref.term[0])<<8 | next
					t.wordFirst[k] = append(t.wordFirst[k], ref)
				}
			} else if ref.latin {
				k := wordKey(ref.term, 0)
				t.wordFirst[k] = append(t.wordFirst[k], ref)
			} else {
				t.byFirst[r] = append(t.byFirst[r], ref)
			}
		}
	}
}

// Concepts returns the names of the concepts mentioned in folded text s.
func (t *Thesaurus) Concepts(s string) []string {
	if t == nil {
		return nil
	}
	ids := t.IDs(s)
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	out := make([]string, len(ids))
	for i, c := range ids {
		out[i] = t.concepts[c].name
	}
	return out
}

// IDs returns the concepts named in folded text s, each once, as
// numbers that Name turns into names.
func (t *Thesaurus) IDs(s string) []int {
	var out []int
	t.scan(s, func(c, _, _ int) {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	})
	return out
}

// Span is one term found in a text: its concept and byte range.
type Span struct{ Concept, Start, End int }

// Spans returns every term in folded text s, overlapping ones included.
func (t *Thesaurus) Spans(s string) []Span {
	if t == nil {
		return nil
	}
	var out []Span
	t.scan(s, func(c, i, j int) { out = append(out, Span{c, i, j}) })
	return out
}

// Name returns the name of concept c.
func (t *Thesaurus) Name(c int) string { return t.concepts[c].name }

// scan calls found for every occurrence of a term in folded text s; Latin
// terms count only as whole words ("ids" is not "id"), or with a regular
// inflection (see inflected).
//
// The text is bridged first (see bridge), so a term written as one
// compound (時刻同期, サービス終了) also matches the words joined by a
// particle (時刻の同期, サービスを終了); found gets byte ranges of s.
//
// A term that lies inside one of its concept's exclusions ("!ログイン")
// does not count.
func (t *Thesaurus) scan(orig string, found func(concept, start, end int)) {
	s, drops := bridge(orig)
	// Most texts hold a few terms: keep them on the stack.
	var hitBuf, exclBuf [8]Span
	hits, excl := hitBuf[:0], exclBuf[:0]
	try := func(ref termRef, i int) {
		if !strings.HasPrefix(s[i:], ref.term) {
			return
		}
		j := i + len(ref.term)
		if ref.latin && j < len(s) && IsWordByte(s[j]) {
			k, ok := inflected(s, j)
			if !ok {
				return
			}
			j = k
		}
		if ref.exclude {
			excl = append(excl, Span{ref.concept, i, j})
		} else {
			hits = append(hits, Span{ref.concept, i, j})
		}
	}
	for i, r := range s {
		for _, ref := range t.byFirst[r] {
			try(ref, i)
		}
		if r < utf8.RuneSelf && (i == 0 || !IsWordByte(s[i-1])) {
			for _, ref := range t.wordFirst[wordKey(s, i)] {
				try(ref, i)
			}
		}
	}
	for _, h := range hits {
		excluded := false
		for _, x := range excl {
			if x.Concept == h.Concept && x.Start <= h.Start && h.End <= x.End {
				excluded = true
				break
			}
		}
		if !excluded {
			found(h.Concept, unbridge(h.Start, drops), unbridge(h.End-1, drops)+1)
		}
	}
}

// wordKey is the key in wordFirst of the text at s[i:], whose first
// byte is ASCII: that byte and the next, or 0 in its place where the
// text ends or the next byte is not ASCII (no Latin term goes on there
// but a one-byte one, which is under every key of its byte).
func wordKey(s string, i int) uint16 {
	var next byte
	if i+1 < len(s) && s[i+1] < utf8.RuneSelf {
		next = s[i+1]
	}
	return uint16(s[i])<<8 | uint16(next)
}

// bridge drops the particles の, を and が between two characters of
// compounds (kanji or katakana), so that 時刻の同期 reads as 時刻同期 and
// サービスを終了 as サービス終了: Japanese joins the same two nouns either
// way, and a thesaurus that had to list every particle variant of every
// compound would miss most of them. drops holds, for each particle
// dropped, the offset in the result of the character that followed it
// (see unbridge); it is nil when nothing was dropped.
func bridge(s string) (string, []int) {
	if !strings.ContainsAny(s, "のをが") {
		return s, nil
	}
	var b strings.Builder
	var drops []int
	prev := rune(0)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == 'の' || r == 'を' || r == 'が') && IsCompound(prev) {
			if next, _ := utf8.DecodeRuneInString(s[i+n:]); IsCompound(next) {
				if drops == nil {
					b.Grow(len(s))
					b.WriteString(s[:i])
				}
				drops = append(drops, b.Len())
				prev = r
				i += n
				continue
			}
		}
		if drops != nil {
			b.WriteString(s[i : i+n]) // the text's own bytes, valid UTF-8 or not
		}
		prev = r
		i += n
	}
	if drops == nil {
		return s, nil
	}
	return b.String(), drops
}

// particleLen is the UTF-8 length of each particle bridge drops.
const particleLen = len("の")

// unbridge maps byte offset i of a character of bridge's result back to
// the text it came from.
func unbridge(i int, drops []int) int {
	n := 0
	for _, d := range drops {
		if d > i {
			break
		}
		n++
	}
	return i + n*particleLen
}

// IsCompound reports whether r is written inside compound nouns: kanji
// or katakana (the long-vowel mark included).
func IsCompound(r rune) bool {
	return unicode.Is(unicode.Han, r) || r == '々' || r == 'ー' || unicode.Is(unicode.Katakana, r) && r != '・'
}

func isLatin(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// inflected reports whether the word that a Latin term ends, at j in s,
// goes on with a regular inflection only (region → regions, export →
// exported, scan → scanned, scanning), and returns the end of the word.
// A sheet writes every form, and a thesaurus that had to list each would
// miss most of them; irregular forms (policies, kept) are listed.
func inflected(s string, j int) (k int, ok bool) {
	k = j
	for k < len(s) && IsWordByte(s[k]) {
		k++
	}
	suffix := s[j:k]
	// A doubled last consonant (scanned, logging) belongs to the suffix.
	if len(suffix) > 1 && j > 0 && suffix[0] == s[j-1] && !strings.ContainsRune("aeiou", rune(s[j-1])) {
		suffix = suffix[1:]
		if suffix != "ed" && suffix != "ing" {
			return k, false
		}
	}
	switch suffix {
	case "s", "es", "ed", "d", "ing":
		return k, true
	}
	return k, false
}

// IsWordByte reports whether b continues a Latin word of folded text (a
// lower-case letter or a digit): what tells a whole word from part of one.
func IsWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
}
