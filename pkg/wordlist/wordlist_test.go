package wordlist

import (
	"slices"
	"testing"
)

func TestParse(t *testing.T) {
	l := Parse("t.txt", "# comment\n[a]\nx y # note\n\nz\n[b]\nw\n")
	if g := l.Groups("a"); len(g) != 2 || g[0][1] != "y" || g[1][0] != "z" {
		t.Errorf("Groups(a) = %v", g)
	}
	if s := l.Set("a"); len(s) != 3 || !s["x"] || !s["z"] {
		t.Errorf("Set(a) = %v", s)
	}
	if got := l.Unread(`Set("a")`); !slices.Equal(got, []string{"b"}) {
		t.Errorf("Unread = %v, want [b]", got)
	}
}

func TestParseRefuses(t *testing.T) {
	for _, bad := range []string{"x\n[a]\ny\n", "[a]\nx\n[a]\ny\n"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Parse(%q) did not refuse it", bad)
				}
			}()
			Parse("t.txt", bad)
		}()
	}
	for _, name := range []string{"missing", "empty"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Groups(%s) did not refuse it", name)
				}
			}()
			Parse("t.txt", "[empty]\n[full]\nx\n").Groups(name)
		}()
	}
}
