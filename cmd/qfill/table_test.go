package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
)

// Columns line up on a terminal when cells hold Japanese, which takes
// two columns a character.
func TestTableDisplayWidth(t *testing.T) {
	var b strings.Builder
	tw := newTable(&b)
	fmt.Fprintf(tw, "file\tquestions\t\n")
	fmt.Fprintf(tw, "顧客A/チェックシート.xlsx\t44\t\n")
	fmt.Fprintf(tw, "b.xlsx\t12\t\n")
	if err := tw.Flush(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	col := -1
	for _, l := range lines {
		// The second column starts at the same display column on
		// every line.
		i := strings.IndexAny(l, "q41")
		at := runewidth.StringWidth(l[:i])
		if col >= 0 && at != col {
			t.Errorf("column at %d, want %d:\n%s", at, col, b.String())
		}
		col = at
	}
}
