package match

// Config holds the matcher's settings. DefaultConfig documents why each
// value is what it is; callers pass a Config rather than change globals.
type Config struct {
	// Threshold is the confidence at or above which an answer is written
	// without a review mark.
	Threshold float64
	// TopK is how many candidates a Result keeps (the best and runners-up
	// shown to reviewers).
	TopK int
	// ConceptWeight is the term frequency a thesaurus concept adds.
	ConceptWeight float64
	// MarginFloor and MarginPenalty: when the best entry leads a rival with a
	// different answer by less than MarginFloor, confidence drops by
	// MarginPenalty per point of missing margin.
	MarginFloor   float64
	MarginPenalty float64
	// QueryCoverage is the exponent of query coverage in the score; the
	// wording's coverage gets 1-QueryCoverage.
	QueryCoverage float64
	// MainAskFactor scores the first sentence of a multi-part question as a
	// wording of its own, times this factor; 0 disables it.
	MainAskFactor float64
	// Thesaurus adds domain concepts; nil disables it.
	Thesaurus *Thesaurus
}

// DefaultConfig returns the settings measured with `qfill eval`.
func DefaultConfig() Config {
	return Config{
		Threshold:     0.6,
		TopK:          5,
		ConceptWeight: 2,
		MarginFloor:   0.1,
		MarginPenalty: 1,
		QueryCoverage: 0.6,
		MainAskFactor: 0.95,
		Thesaurus:     DefaultThesaurus(),
	}
}
