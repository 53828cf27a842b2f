package match

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/qfill/qfill/pkg/thesaurus"
)

// Config holds the matcher's settings; docs/matcher-history.md has the
// measurements behind each default.
type Config struct {
	// Threshold is the confidence from which an answer is written unmarked.
	Threshold float64
	// TopK is how many candidates a Result keeps for reviewers.
	TopK int
	// ConceptWeight is the term frequency a thesaurus concept adds.
	ConceptWeight float64
	// MarginFloor and MarginPenalty: a best entry leading a rival with another
	// answer by less than MarginFloor loses MarginPenalty per missing point.
	MarginFloor   float64
	MarginPenalty float64
	// QueryCoverage is the exponent of query coverage in the score (the
	// wording's gets the rest).
	QueryCoverage float64
	// MainAskFactor scores the first sentence of a multi-part question as a
	// wording of its own, times this factor; 0 disables it.
	MainAskFactor float64
	// AnswerStats counts the answers in the document frequencies.
	AnswerStats bool
	// RivalPenalty: another row fitting the best entry better (MatchAll).
	RivalPenalty float64
	// IDFPower raises the rarity weight: above 1, rare words (the topic)
	// count for more against common ones (期間, 管理, policy).
	IDFPower float64
	// SynonymCredit is the share of its weight a token spelling a thesaurus
	// term counts as matched where the other side spells the concept
	// otherwise: it reorders candidates; SynonymConfidence is the share of
	// it that counts towards confidence where the wording names exactly the
	// query's concepts. 0 disables each.
	SynonymCredit, SynonymConfidence float64
	// AmbiguityRatio and AmbiguityCap: a rival with another answer that
	// covers as much of the query and scores AmbiguityRatio of the best
	// (the best wins only by saying less besides) caps confidence at
	// AmbiguityCap, under the threshold; 0 disables it.
	AmbiguityRatio, AmbiguityCap float64
	// LacksFactor scales the score of a runner-up that lacks a thesaurus
	// concept the query and the best wording both name, where it counts
	// against the best (margin and ambiguity); 1 disables it.
	LacksFactor float64
	// HeadBonus raises the confidence of a row whose wording names the
	// query's head (the noun that ends it, see question.Head); EnglishHeadBonus
	// does for an English head (a verb or participle, which a wording often
	// names only in a list: "established, documented, approved").
	// HeadPenalty lowers, and HeadCap (0: none) caps, one that does not.
	HeadBonus, EnglishHeadBonus, HeadPenalty, HeadCap float64
	// AnswerMeasure: a measure head that the answer or its remarks state
	// counts as named (an English question's verb must be named there too):
	// no penalty, and a Japanese one earns HeadBonus unless a concept of
	// the query is not named.
	AnswerMeasure bool
	// FollowUpMeasure: such a follow-up row is not held to the question
	// it refers back to in the rival step (see MatchAll).
	FollowUpMeasure bool
	// BareAnswer: a row whose best answer is a bare yes (実施しています,
	// 有) and whose question asks for a value (what, who, how often; a
	// measure) is capped at AmbiguityCap, unless its remarks give the
	// measure asked ("Yes", remarked "annual training") or the entry's
	// wording is a near-copy of the question (InapplicableBar; see
	// checkAnswers).
	BareAnswer bool
	// CompoundBonus raises the confidence of a row whose query is one
	// compound when the wording names its last word (see question.CompoundTail).
	CompoundBonus float64
	// ConflictPenalty lowers a row whose best wording and query each name
	// a concept the other does not (backups / logs retained); 0: none.
	ConflictPenalty float64
	// LanguageCheck caps at AmbiguityCap a row whose answer is in another
	// language than its question (see MatchAll).
	LanguageCheck bool
	// UnfamiliarMedian and UnfamiliarBar: in an English checklist whose
	// best wordings score a median under UnfamiliarMedian (the corpus barely
	// covers it; a row's topic often asks something else there), rows under
	// UnfamiliarBar are capped at AmbiguityCap; 0 disables it.
	UnfamiliarMedian, UnfamiliarBar float64
	// UnfamiliarWords: a row of such a checklist that shares this many
	// distinct words with its best wording is not held (0: none is
	// exempt). A long, specific wording (CAIQ v4's) reaches the threshold
	// against a reworded question only with many words in common; the
	// wrong fills the check exists for share at most four.
	UnfamiliarWords int
	// InapplicableBar: a row whose best entry answers n/a (該当なし) is
	// capped at AmbiguityCap unless its wording scores this much without
	// synonym credit, a near-copy of the row; 0 disables it. A bare yes
	// (BareAnswer) to a near-copy is not held either: it is the vendor's
	// own answer to that question.
	InapplicableBar float64
	// Subject reads a question that does not say what it asks about with
	// its section before it (保存期間 under バックアップ).
	Subject bool
	// OtherScriptRank scales, for ranking only, the score of a candidate
	// in the other language than the query; 0 or 1 disables it.
	OtherScriptRank float64
	// PairHint adds to the rank (never the confidence) of each candidate
	// of an English row, sure ones too, this times the share of the row's
	// word pairs its wording repeats ("security perimeters"); the
	// confidence after the new order is at most the one before. 0
	// disables it.
	PairHint float64
	// AnswerHint does as PairHint for every English row and every
	// Japanese row in doubt, with the share of the query's weight the
	// entry's answer and remarks repeat. Not for sure Japanese rows: there
	// it sent label rows (バックアップ世代数) to the entry whose answer
	// repeats the label's words, and their right fills to review.
	AnswerHint float64
	// ExampleWeight scales the tokens inside a bracketed example list
	// ("(e.g., ...)", "（例：...）"); 1 disables it.
	ExampleWeight float64
	// Thesaurus adds domain concepts; nil disables it.
	Thesaurus *thesaurus.Thesaurus
}

// defaultThreshold is DefaultConfig's Threshold. doubtBelow, the
// confidence under which a row gets the costly checks (synonym credit,
// rivals lacking a concept), is the same number but fixed: the ranking
// must not move with the user's --threshold.
const (
	defaultThreshold = 0.55
	doubtBelow       = defaultThreshold
)

// DefaultConfig returns the settings measured with `qfill eval`.
func DefaultConfig() Config {
	return Config{
		Threshold:         defaultThreshold,
		TopK:              5,
		ConceptWeight:     2,
		MarginFloor:       0.1,
		MarginPenalty:     1,
		QueryCoverage:     0.6,
		MainAskFactor:     0.95,
		AnswerStats:       true,
		IDFPower:          1,
		RivalPenalty:      1,
		SynonymCredit:     0.45,
		SynonymConfidence: 1,
		AmbiguityRatio:    0.9,
		AmbiguityCap:      0.5,
		ExampleWeight:     0.3,
		HeadBonus:         0.2,
		EnglishHeadBonus:  0,
		HeadPenalty:       0.15,
		HeadCap:           0.5,
		ConflictPenalty:   0.15,
		CompoundBonus:     0.2,
		LanguageCheck:     true,
		UnfamiliarMedian:  0.4,
		UnfamiliarBar:     0.7,
		UnfamiliarWords:   5,
		InapplicableBar:   0.8,
		Subject:           true,
		AnswerMeasure:     true,
		FollowUpMeasure:   true,
		BareAnswer:        true,
		OtherScriptRank:   0.8,
		PairHint:          0.2,
		AnswerHint:        0.2,
		LacksFactor:       0.8,
		Thesaurus:         thesaurus.Default(),
	}
}

// WithSynonyms returns the settings with a vendor's synonyms (the text of
// a corpus.SynonymsFile) added to the thesaurus.
func (c Config) WithSynonyms(text string) Config {
	if strings.TrimSpace(text) != "" {
		c.Thesaurus = c.Thesaurus.With(text)
	}
	return c
}

// Set changes one numeric setting by name, for `qfill eval --set` so that
// every choice can be measured without a rebuild.
func (c *Config) Set(key string, v float64) error {
	num := func(p *float64) func(float64) { return func(v float64) { *p = v } }
	fields := map[string]func(float64){
		"threshold": num(&c.Threshold), "concept_weight": num(&c.ConceptWeight), "margin_floor": num(&c.MarginFloor),
		"margin_penalty": num(&c.MarginPenalty), "query_coverage": num(&c.QueryCoverage), "main_ask_factor": num(&c.MainAskFactor), "lacks_factor": num(&c.LacksFactor),
		"idf_power": num(&c.IDFPower), "rival_penalty": num(&c.RivalPenalty),
		"synonym_credit": num(&c.SynonymCredit), "example_weight": num(&c.ExampleWeight), "synonym_confidence": num(&c.SynonymConfidence), "ambiguity_cap": num(&c.AmbiguityCap), "ambiguity_ratio": num(&c.AmbiguityRatio),
		"head_penalty": num(&c.HeadPenalty), "head_bonus": num(&c.HeadBonus), "english_head_bonus": num(&c.EnglishHeadBonus), "head_cap": num(&c.HeadCap), "conflict_penalty": num(&c.ConflictPenalty),
		"compound_bonus": num(&c.CompoundBonus), "other_script_rank": num(&c.OtherScriptRank),
		"pair_hint": num(&c.PairHint), "answer_hint": num(&c.AnswerHint), "unfamiliar_median": num(&c.UnfamiliarMedian), "unfamiliar_bar": num(&c.UnfamiliarBar), "inapplicable_bar": num(&c.InapplicableBar),
		"answer_stats":      func(v float64) { c.AnswerStats = v != 0 },
		"language_check":    func(v float64) { c.LanguageCheck = v != 0 },
		"subject":           func(v float64) { c.Subject = v != 0 },
		"answer_measure":    func(v float64) { c.AnswerMeasure = v != 0 },
		"follow_up_measure": func(v float64) { c.FollowUpMeasure = v != 0 },
		"bare_answer":       func(v float64) { c.BareAnswer = v != 0 },
		"unfamiliar_words":  func(v float64) { c.UnfamiliarWords = int(v) },
	}
	set, ok := fields[key]
	if !ok {
		return fmt.Errorf("unknown matcher setting %q (known: %s)", key, strings.Join(slices.Sorted(maps.Keys(fields)), ", "))
	}
	set(v)
	return nil
}
