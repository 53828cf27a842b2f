package match

import (
	_ "embed"

	"github.com/qfill/qfill/pkg/wordlist"
)

// The matcher's word lists are data, in words.txt (the domain terms are
// in package thesaurus, the words that find a question's ask in package
// question): what each list does is said there, next to its words.
//
//go:embed words.txt
var wordsTxt string

var wordLists = wordlist.Parse("words.txt", wordsTxt)

// Sets and groups of words.txt, by section.
var (
	askSynonyms = wordLists.Groups("ask_synonyms")
	englishAsks = wordLists.Groups("english_asks")
	englishStop = wordLists.Set("english_stop")
)
