package match

// Signals are the measurements of one match that a confidence model
// reads (see pkg/calib). They name what the matcher saw; none of them is
// a probability.
type Signals struct {
	// Confidence is the matcher's own confidence (rules, caps and all).
	Confidence float64
	// Score is the best wording's similarity, Lexical the same before
	// synonym credit, QueryCoverage the share of the query's weight it
	// matches.
	Score, Lexical, QueryCoverage float64
	// Margin is Score less the score of the best candidate with another
	// answer (Score itself when there is none among the candidates).
	Margin float64
	// SameConcepts: the best wording names exactly the query's concepts.
	SameConcepts bool
	// What the checks found, whatever the threshold: a tied rival, the
	// query's head not named, a concept conflict, an answer in the other
	// language.
	Tied, HeadMissing, Conflict, OtherLanguage bool
	// English: the query has no Japanese script.
	English bool
}

// Signals returns the measurements behind r.
func (r Result) Signals() Signals {
	b := r.Best()
	if b == nil {
		return Signals{English: r.english}
	}
	return Signals{
		Confidence:    r.Confidence,
		Score:         b.Score,
		Lexical:       b.lexical,
		QueryCoverage: b.qcov,
		Margin:        r.margin,
		SameConcepts:  b.sameConcepts,
		Tied:          r.checks.tied,
		HeadMissing:   r.checks.headMissing,
		Conflict:      r.checks.conflict,
		OtherLanguage: r.checks.otherLanguage,
		English:       r.english,
	}
}

// margin is the best candidate's lead over the first with another answer.
func (ix *Index) margin(cands []Candidate) float64 {
	if len(cands) == 0 {
		return 0
	}
	for _, c := range cands[1:] {
		if !ix.sameAnswer(c.Entry, cands[0].Entry) {
			return cands[0].Score - c.Score
		}
	}
	return cands[0].Score
}
