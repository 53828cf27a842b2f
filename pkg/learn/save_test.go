package learn

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qfill/qfill/pkg/corpus"
)

const styled = `# Our answers: network.
entries:
    # The firewall entry.
    - id: fw
      question: "Do you run a firewall?"
      answer: Yes, at every boundary.
      tags: [network, perimeter]
    - id: ports
      question: Are open ports limited?
      aliases:
        - Do you limit open ports?
      answer: 'Yes: 443 only.'   # checked yearly
    - id: waf
      question: Do you run a WAF?
      aliases: [WAF in use]
      answer: Yes.
`

// loadStyled writes the styled corpus file into a new folder and loads it.
func loadStyled(t *testing.T) (dir, path string, c *corpus.Corpus) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, "network.yaml")
	os.WriteFile(path, []byte(styled), 0o644)
	c, err := corpus.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return dir, path, c
}

// learn changes only the lines of what it learned: one line a new alias
// (two with the key), the file's quoting, flow lists, indentation and
// comments kept; an entry it cannot add a line to, or whose answer it
// replaced, is written anew in its own lines only.
func TestSaveKeepsStyle(t *testing.T) {
	dir, path, c := loadStyled(t)
	byID := map[string]*corpus.Entry{}
	for _, e := range c.Entries {
		byID[e.ID] = e
	}
	alias := func(id, q string) Action {
		byID[id].Aliases = append(byID[id].Aliases, q)
		return Action{Kind: KindAlias, Entry: byID[id], Obs: Observation{Question: q}}
	}
	actions := []Action{alias("fw", "Is a firewall in place?"), alias("ports", "Are unused ports closed?"), alias("waf", "Web application firewall?")}
	ch, err := Save(c.Entries, actions, filepath.Join(dir, "learned.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(ch.Files[path])
	want := strings.NewReplacer(
		"      question: \"Do you run a firewall?\"\n", "      question: \"Do you run a firewall?\"\n      aliases:\n        - Is a firewall in place?\n",
		"        - Do you limit open ports?\n", "        - Do you limit open ports?\n        - Are unused ports closed?\n",
	).Replace(styled)
	want = strings.Replace(want, "[WAF in use]", `[WAF in use, "Web application firewall?"]`, 1)
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	os.WriteFile(path, []byte(got), 0o644)
	again, err := corpus.LoadFile(path)
	if err != nil {
		t.Fatalf("the rewritten file does not load: %v\n%s", err, got)
	}
	if n := len(again); n != 3 || len(again[0].Aliases) != 1 || len(again[1].Aliases) != 2 || len(again[2].Aliases) != 2 {
		t.Errorf("entries read back: %+v", again)
	}
}

// A replaced answer rewrites that entry's lines alone; the comment above
// the next entry stays with it.
func TestSaveReplacedEntry(t *testing.T) {
	dir, path, c := loadStyled(t)
	ports := c.Entries[1]
	ports.Answer = "Yes: 443 and 22 from the office."
	ch, err := Save(c.Entries, []Action{{Kind: KindReplace, Entry: ports}}, filepath.Join(dir, "learned.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	got := string(ch.Files[path])
	before, _, _ := strings.Cut(styled, "    - id: ports")
	_, after, _ := strings.Cut(styled, "    - id: waf")
	if !strings.HasPrefix(got, before) || !strings.HasSuffix(got, "    - id: waf"+after) || !strings.Contains(got, "443 and 22 from the office") {
		t.Errorf("got:\n%s", got)
	}
	os.WriteFile(path, []byte(got), 0o644)
	if _, err := corpus.LoadFile(path); err != nil {
		t.Errorf("the rewritten file does not load: %v", err)
	}
}
