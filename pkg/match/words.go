package match

import (
	_ "embed"
	"fmt"
	"strings"
)

// The matcher's word lists are data, in words.txt (the domain terms are
// in package thesaurus): what each list does is said there, next to its
// words.
//
//go:embed words.txt
var wordsTxt string

var wordLists = parseWords(wordsTxt)

// Sets and groups of words.txt, by section.
var (
	measureNouns         = wordSet("measure_nouns")
	topicFrames          = wordSet("topic_frames")
	lightPredicates      = wordSet("light_predicates")
	lightStems           = wordSet("light_stems")
	askSynonyms          = wordGroups("ask_synonyms")
	englishAsks          = wordGroups("english_asks")
	englishSubjects      = wordSet("english_subjects")
	englishAdverbs       = wordSet("english_adverbs")
	lightVerbs           = wordSet("light_verbs")
	englishAux           = wordSet("english_aux")
	englishWh            = wordSet("english_wh")
	irregularParticiples = wordSet("irregular_participles")
	lightParticiples     = wordSet("light_participles")
	afterParticiple      = wordSet("after_participle")
	englishStop          = wordSet("english_stop")
)

// parseWords reads words.txt: sections of lines of words.
func parseWords(s string) map[string][][]string {
	out := map[string][][]string{}
	section := ""
	for n, line := range strings.Split(s, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = line[1 : len(line)-1]
			if _, dup := out[section]; dup {
				panic(fmt.Sprintf("words.txt:%d: section %s again", n+1, section))
			}
			out[section] = nil
		case section == "":
			panic(fmt.Sprintf("words.txt:%d: words before the first section", n+1))
		default:
			out[section] = append(out[section], strings.Fields(line))
		}
	}
	return out
}

func wordGroups(name string) [][]string {
	g, ok := wordLists[name]
	if !ok || len(g) == 0 {
		panic("words.txt has no section " + name)
	}
	return g
}

func wordSet(name string) map[string]bool {
	set := map[string]bool{}
	for _, line := range wordGroups(name) {
		for _, w := range line {
			set[w] = true
		}
	}
	return set
}
