// Package search finds corpus entries for a person who types what they
// look for: `qfill corpus search` and the review page's search box.
//
// A short pattern (an id, a word, a label of a few characters) is looked
// for as a subsequence of each entry's id and wordings, fzf-style
// (sahilm/fuzzy), which is what a person typing "bk-" or "暗号" expects.
// A sentence, or a pattern that is no subsequence of anything, is read
// the way a checklist row is read, by the matcher.
package search

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/textnorm"
	"github.com/sahilm/fuzzy"
)

// Hit is one entry found, with how it was found ("fuzzy 12", "0.54").
type Hit struct {
	Entry *corpus.Entry
	Score string
}

// Short reports whether q is a pattern rather than a sentence.
func Short(q string) bool {
	return utf8.RuneCountInString(q) <= 12 && !strings.ContainsAny(strings.TrimSpace(q), " 　?？")
}

// Find returns at most limit entries for q. ix is the matcher over the same
// entries; nil builds one when a sentence needs it.
func Find(es []*corpus.Entry, ix *match.Index, synonyms, q string, limit int) []Hit {
	q = strings.TrimSpace(q)
	if q == "" || limit < 1 {
		return nil
	}
	var hits []Hit
	if Short(q) {
		// One haystack line per entry: id, question and aliases, folded
		// like the pattern.
		texts := make([]string, len(es))
		for i, e := range es {
			texts[i] = textnorm.Fold(e.ID + " " + strings.Join(e.Wordings(), " "))
		}
		for _, m := range fuzzy.Find(textnorm.Fold(q), texts) {
			hits = append(hits, Hit{es[m.Index], fmt.Sprintf("fuzzy %d", m.Score)})
		}
	}
	// A short Japanese label (火災対策, 電源設備) is seldom a subsequence
	// of the stored wording; the matcher reads it as a checklist row.
	if len(hits) == 0 {
		if ix == nil || limit > match.DefaultConfig().TopK {
			cfg := match.DefaultConfig().WithSynonyms(synonyms)
			cfg.TopK = limit
			ix = match.New(es, cfg)
		}
		for _, c := range ix.Match(match.Query{Text: q}).Candidates {
			hits = append(hits, Hit{c.Entry, fmt.Sprintf("%.2f", c.Score)})
		}
	}
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}
