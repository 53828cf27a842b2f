// Package wordlist reads the word lists that packages keep as embedded
// text beside their code: sections opened by [name], each line a group of
// words separated by spaces, "#" to the end of a line a comment.
//
// The lists are part of the program, so a malformed file is a build
// defect: Parse panics on it, at start, and each package's tests load
// its file.
package wordlist

import (
	"fmt"
	"slices"
	"strings"
)

// Lists are the sections of one file, by name, each a list of lines of
// words.
type Lists struct {
	file     string
	sections map[string][][]string
}

// Parse reads the text of the file named file (the name is for messages).
func Parse(file, text string) Lists {
	l := Lists{file: file, sections: map[string][][]string{}}
	section := ""
	for n, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = line[1 : len(line)-1]
			if _, dup := l.sections[section]; dup {
				panic(fmt.Sprintf("%s:%d: section %s again", file, n+1, section))
			}
			l.sections[section] = nil
		case section == "":
			panic(fmt.Sprintf("%s:%d: words before the first section", file, n+1))
		default:
			l.sections[section] = append(l.sections[section], strings.Fields(line))
		}
	}
	return l
}

// Groups returns the lines of a section; a section that is missing or
// empty panics, since code that reads it would silently do nothing.
func (l Lists) Groups(name string) [][]string {
	g, ok := l.sections[name]
	if !ok || len(g) == 0 {
		panic(l.file + " has no section " + name)
	}
	return g
}

// Set returns the words of a section, its lines joined.
func (l Lists) Set(name string) map[string]bool {
	set := map[string]bool{}
	for _, line := range l.Groups(name) {
		for _, w := range line {
			set[w] = true
		}
	}
	return set
}

// Unread returns the sections whose name src (the Go source that reads
// the file) never quotes: words that would silently do nothing.
func (l Lists) Unread(src string) []string {
	var out []string
	for name := range l.sections {
		if !strings.Contains(src, `"`+name+`"`) {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}
