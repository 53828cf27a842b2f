package match

import (
	"os"
	"strings"
	"testing"
)

// Every section of words.txt is read by a list in words.go: a section
// that none reads would be words that silently do nothing.
func TestWordsSectionsUsed(t *testing.T) {
	src, err := os.ReadFile("words.go")
	if err != nil {
		t.Fatal(err)
	}
	for name, lines := range wordLists {
		if !strings.Contains(string(src), `"`+name+`"`) {
			t.Errorf("words.txt section %s is read by no list", name)
		}
		if len(lines) == 0 {
			t.Errorf("words.txt section %s is empty", name)
		}
	}
}

func TestParseWords(t *testing.T) {
	got := parseWords("# comment\n[a]\nx y # note\n\nz\n[b]\nw\n")
	if len(got["a"]) != 2 || got["a"][0][1] != "y" || got["a"][1][0] != "z" || got["b"][0][0] != "w" {
		t.Errorf("parseWords = %v", got)
	}
	for _, bad := range []string{"x\n[a]\ny\n", "[a]\nx\n[a]\ny\n"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("parseWords(%q) did not refuse it", bad)
				}
			}()
			parseWords(bad)
		}()
	}
}
