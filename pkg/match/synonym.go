package match

import (
	"maps"
	"math"
	"slices"

	"github.com/qfill/qfill/pkg/thesaurus"
)

// located is one token of a text with its byte range.
type located struct {
	t          token
	start, end int
}

// featurizeAt is tokenizeInto with each token's place, weighted as score does.
func (ix *Index) featurizeAt(p string) (map[token]float64, []located) {
	var at []located
	f := ix.tokenizeInto(p, &at, features{})
	for t, tf := range f {
		f[t] = ix.weight(t, tf)
	}
	return f, at
}

// creditSynonyms rescores the candidates whose wording names a thesaurus
// concept the query names too, and reports whether it changed any score.
//
// Two wordings of one concept share the concept token, but the characters
// that spell it still differ: 冗長化 against 二重化 leaves 冗長, 長化 and
// 二重, 重化 unmatched, dragging both coverages down. A token inside a
// shared concept's term with no counterpart on the other side counts
// SynonymCredit of its weight as matched, on each side; other tokens are
// untouched. pq is the query through prepare.
func (ix *Index) creditSynonyms(pq string, cands []Candidate) bool {
	qs := ix.thes.Spans(pq)
	if len(qs) == 0 {
		return false
	}
	// Sums go in token order: map order would jitter a score's last bit.
	qw, qat := ix.featurizeAt(pq)
	qt := slices.Sorted(maps.Keys(qw))
	var qnorm float64
	for _, t := range qt {
		qnorm += qw[t]
	}
	inQuery := make(map[int]bool, len(qs))
	for _, s := range qs {
		inQuery[s.Concept] = true
	}
	credit, a := ix.cfg.SynonymCredit, ix.cfg.QueryCoverage
	changed := false
	for i := range cands {
		pd := cands[i].prepared()
		ds := ix.thes.Spans(pd)
		shared := map[int]bool{}
		extra := false
		for _, s := range ds {
			if inQuery[s.Concept] {
				shared[s.Concept] = true
			} else {
				extra = true
			}
		}
		if len(shared) == 0 {
			continue
		}
		cands[i].sameConcepts = !extra && len(shared) == len(inQuery)
		dw, dat := ix.featurizeAt(pd)
		qin, din := insideTerms(qat, qs, shared), insideTerms(dat, ds, shared)
		var ov, dnorm, cq, cd float64
		for _, t := range qt {
			if x, ok := dw[t]; ok {
				ov += math.Min(qw[t], x)
			} else if qin[t] {
				cq += qw[t] * credit
			}
		}
		for _, t := range slices.Sorted(maps.Keys(dw)) {
			dnorm += dw[t]
			if _, ok := qw[t]; !ok && din[t] {
				cd += dw[t] * credit
			}
		}
		if qnorm == 0 || dnorm == 0 {
			continue
		}
		cands[i].Score = math.Min(1, math.Pow((ov+cq)/qnorm, a)*math.Pow((ov+cd)/dnorm, 1-a))
		changed = true
	}
	return changed
}

// insideTerms returns the tokens that lie within a term of one of the
// concepts.
func insideTerms(at []located, spans []thesaurus.Span, concepts map[int]bool) map[token]bool {
	in := map[token]bool{}
	for _, x := range at {
		for _, s := range spans {
			if concepts[s.Concept] && x.start >= s.Start && x.end <= s.End {
				in[x.t] = true
				break
			}
		}
	}
	return in
}
