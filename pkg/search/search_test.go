package search

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/qfill/qfill/pkg/corpus"
)

func TestFind(t *testing.T) {
	c, err := corpus.Load(filepath.Join("..", "..", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		q, wantPrefix, how string
	}{
		{"bk-", "bk-", "fuzzy"},                  // an id prefix: subsequence
		{"暗号", "", "fuzzy"},                      // a word of the wordings
		{"バックアップの取得頻度は？", "bk-", ""},             // a sentence: the matcher
		{"Do you encrypt data at rest?", "", ""}, // English sentence
		{"zzzzqqq", "", "none"},                  // nothing
	} {
		hits := Find(c.Entries, nil, c.Synonyms, tc.q, 3)
		if tc.how == "none" {
			if len(hits) != 0 && strings.HasPrefix(hits[0].Score, "fuzzy") {
				t.Errorf("%q: fuzzy hits %v", tc.q, hits[0].Entry.ID)
			}
			continue
		}
		if len(hits) == 0 || len(hits) > 3 {
			t.Errorf("%q: %d hits, want 1 to 3", tc.q, len(hits))
			continue
		}
		if !strings.HasPrefix(hits[0].Entry.ID, tc.wantPrefix) {
			t.Errorf("%q: first hit %s, want an id starting %q", tc.q, hits[0].Entry.ID, tc.wantPrefix)
		}
		if fz := strings.HasPrefix(hits[0].Score, "fuzzy"); fz != (tc.how == "fuzzy") {
			t.Errorf("%q: found by %q, want fuzzy=%v", tc.q, hits[0].Score, tc.how == "fuzzy")
		}
	}
	if Find(c.Entries, nil, "", "  ", 3) != nil {
		t.Error("a blank query found entries")
	}
}
