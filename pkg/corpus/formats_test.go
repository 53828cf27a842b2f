package corpus

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// Read in pieces, a corpus file must load exactly as it does whole, or
// not be read in pieces at all.
func TestYAMLPieces(t *testing.T) {
	item := func(i int) string {
		return "  - id: e" + string(rune('a'+i)) + "\n    question: 質問" + string(rune('a'+i)) + "\n    answer: はい\n"
	}
	four := "entries:\n" + item(0) + item(1) + item(2) + item(3)
	for _, tc := range []struct {
		name, text string
		pieces     bool // read in pieces (else whole)
	}{
		{"entries list", four, true},
		{"comments and blank lines", "# head\n\nentries:   # the list\n" + item(0) + "\n  # between\n" + item(1) + "# outdented comment\n" + item(2), true},
		{"bare list", "- id: a\n  question: q\n  answer: x\n- id: b\n  question: r\n  answer: y\n", true},
		{"items at the key's column", "entries:\n- id: a\n  question: q\n  answer: x\n- id: b\n  question: r\n  answer: y\n", true},
		{"CRLF", strings.ReplaceAll(four, "\n", "\r\n"), true},
		{"block text holding a dash line", "entries:\n  - id: a\n    question: q\n    answer: |\n      first\n      - not an item\n  - id: b\n    question: r\n    answer: y\n", true},
		{"flow items", "entries:\n  - {id: a, question: q, answer: x}\n  - {id: b, question: r, answer: y}\n", true},
		{"quoted text across items", "entries:\n  - id: a\n    question: \"q\n  - id: b\"\n    answer: x\n  - id: c\n    question: r\n    answer: y\n", false},
		{"alias to another piece", "entries:\n  - id: a\n    question: q\n    answer: &ans x\n  - id: b\n    question: r\n    answer: *ans\n", false},
		{"another top-level key", four + "version: 2\n", false},
		{"document marker", "---\n" + four, false},
		{"flow list", "entries: [{id: a, question: q, answer: x}, {id: b, question: r, answer: y}]\n", false},
		{"tab indentation", "entries:\n\t- id: a\n", false},
		{"unknown field", "entries:\n  - id: a\n    question: q\n    answer: x\n  - id: b\n    questoin: r\n    answer: y\n", false},
		{"bad choice", "entries:\n  - id: a\n    question: q\n    answer: x\n  - id: b\n    question: r\n    answer: y\n    choice: perhaps\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			whole, werr := parseYAML("c.yaml", tc.text)
			got, ok := loadYAMLPieces("c.yaml", tc.text, 1)
			if ok != tc.pieces {
				t.Fatalf("read in pieces = %v, want %v (whole parse: %d entries, err %v)", ok, tc.pieces, len(whole), werr)
			}
			if ok && (werr != nil || !reflect.DeepEqual(got, whole)) {
				t.Errorf("pieces and whole differ:\n%+v\n%+v (err %v)", got, whole, werr)
			}
		})
	}
}

// Lines count from the file's first line in every piece.
func TestYAMLPiecesLines(t *testing.T) {
	text := "# c\nentries:\n  - id: a\n    question: q\n    answer: x\n\n  - id: b\n    question: r\n    answer: y\n  - id: c\n    question: s\n    answer: z\n"
	got, ok := loadYAMLPieces("c.yaml", text, 2)
	if !ok {
		t.Fatal("not read in pieces")
	}
	var lines []int
	for _, e := range got {
		lines = append(lines, e.Line)
	}
	if want := []int{3, 7, 10}; !reflect.DeepEqual(lines, want) {
		t.Errorf("lines = %v, want %v", lines, want)
	}
}

func FuzzYAMLPieces(f *testing.F) {
	f.Add("entries:\n  - id: a\n    question: q\n    answer: x\n  - id: b\n    question: r\n    answer: |\n      y\n      - z\n", 1)
	f.Add("- id: a\n  question: q\n  answer: x\n- id: b\n  question: \"r\n- s\"\n  answer: y\n", 2)
	f.Add("entries:\n  - id: a\n    answer: &x y\n  - id: b\n    answer: *x\n", 1)
	f.Fuzz(func(t *testing.T, text string, n int) {
		if n < 1 || n > 8 {
			n = 1
		}
		got, ok := loadYAMLPieces("c.yaml", text, n)
		if !ok {
			return
		}
		whole, err := parseYAML("c.yaml", text)
		if err != nil {
			t.Fatalf("read in pieces, but the whole file fails: %v", err)
		}
		if !reflect.DeepEqual(got, whole) {
			t.Fatalf("pieces and whole differ:\n%+v\n%+v", got, whole)
		}
	})
}

// A corpus file of 5,000 entries, read whole and in pieces.
func BenchmarkLoadYAML(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("# generated\nentries:\n")
	for i := range 5000 {
		fmt.Fprintf(&sb, "  - id: e%d\n    question: バックアップの取得頻度と保管期間を教えてください（%d）\n    aliases: [\"How often are backups taken?\"]\n    answer: |\n      毎日取得し、30日間保管しています。\n    choice: \"yes\"\n    tags: [backup]\n", i, i)
	}
	text := sb.String()
	b.Run("whole", func(b *testing.B) {
		for b.Loop() {
			if _, err := parseYAML("c.yaml", text); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("pieces", func(b *testing.B) {
		for b.Loop() {
			if _, ok := loadYAMLPieces("c.yaml", text, pieceEntries); !ok {
				b.Fatal("not read in pieces")
			}
		}
	})
}
