package question

import (
	_ "embed"

	"github.com/qfill/qfill/pkg/wordlist"
)

//go:embed words.txt
var wordsTxt string

var wordLists = wordlist.Parse("words.txt", wordsTxt)

// Sets of words.txt, by section.
var (
	measureNouns         = wordLists.Set("measure_nouns")
	topicFrames          = wordLists.Set("topic_frames")
	lightPredicates      = wordLists.Set("light_predicates")
	lightStems           = wordLists.Set("light_stems")
	englishSubjects      = wordLists.Set("english_subjects")
	englishAdverbs       = wordLists.Set("english_adverbs")
	lightVerbs           = wordLists.Set("light_verbs")
	englishAux           = wordLists.Set("english_aux")
	englishWh            = wordLists.Set("english_wh")
	irregularParticiples = wordLists.Set("irregular_participles")
	lightParticiples     = wordLists.Set("light_participles")
	afterParticiple      = wordLists.Set("after_participle")
)
