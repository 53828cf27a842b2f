package match

import (
	_ "embed"
	"strings"
	"unicode"

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
}

// DefaultThesaurus is the built-in security and SLA thesaurus.
func DefaultThesaurus() *Thesaurus {
	return ParseThesaurus(thesaurusText)
}

// ParseThesaurus reads the "name: term, term" format of thesaurus.txt.
// Lines that do not parse are skipped: the built-in file is tested, and a
// user's extra file is a convenience, not a contract.
func ParseThesaurus(text string) *Thesaurus {
	t := &Thesaurus{}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, list, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		c := concept{name: strings.TrimSpace(name)}
		for _, term := range strings.Split(list, ",") {
			if term = textnorm.Fold(strings.TrimSpace(term)); term != "" {
				c.terms = append(c.terms, term)
			}
		}
		t.concepts = append(t.concepts, c)
	}
	return t
}

// Concepts returns the names of the concepts mentioned in folded text s.
func (t *Thesaurus) Concepts(s string) []string {
	if t == nil {
		return nil
	}
	var out []string
	for _, c := range t.concepts {
		for _, term := range c.terms {
			if containsTerm(s, term) {
				out = append(out, c.name)
				break
			}
		}
	}
	return out
}

// containsTerm finds term in s; a term in Latin letters must stand as a
// whole word, so "ids" does not fire inside "provides".
func containsTerm(s, term string) bool {
	if !isLatin(term) {
		return strings.Contains(s, term)
	}
	for from := 0; ; {
		i := strings.Index(s[from:], term)
		if i < 0 {
			return false
		}
		i += from
		j := i + len(term)
		if (i == 0 || !isWordByte(s[i-1])) && (j == len(s) || !isWordByte(s[j])) {
			return true
		}
		from = i + 1
	}
}

func isLatin(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
}
