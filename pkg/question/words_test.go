package question

import (
	"os"
	"testing"
)

// Every section of words.txt is read by a list in words.go.
func TestWordsSectionsUsed(t *testing.T) {
	src, err := os.ReadFile("words.go")
	if err != nil {
		t.Fatal(err)
	}
	if unread := wordLists.Unread(string(src)); len(unread) > 0 {
		t.Errorf("words.txt sections read by no list: %v", unread)
	}
}
