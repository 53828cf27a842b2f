package lint

import (
	"strings"
	"testing"

	"github.com/qfill/qfill/pkg/corpus"
)

// Every entry fill would refuse, lint reports; and what fill accepts but a
// customer should not get (an empty answer, a lapsed review), too.
func TestRunKinds(t *testing.T) {
	entry := func(id, q, a string) *corpus.Entry {
		return &corpus.Entry{ID: id, Question: q, Answer: a, File: "c.yaml", Line: 1}
	}
	for _, tt := range []struct {
		name    string
		entries []*corpus.Entry
		want    string // kind: message, "" for none
	}{
		{"clean", []*corpus.Entry{entry("a", "バックアップを取得していますか", "はい")}, ""},
		{"no id", []*corpus.Entry{entry("", "バックアップを取得していますか", "はい")}, "invalid: entry has no id"},
		{"duplicate id", []*corpus.Entry{entry("a", "バックアップを取得していますか", "はい"), entry("a", "ログを保管していますか", "はい")}, "duplicate-id: id \"a\" is also used at c.yaml:1"},
		{"no question", []*corpus.Entry{entry("a", "", "はい")}, "invalid: no question"},
		{"no answer", []*corpus.Entry{entry("a", "バックアップを取得していますか", "")}, "empty-answer: entry \"a\" has no answer text"},
		{"not a date", []*corpus.Entry{{ID: "a", Question: "q", Answer: "x", Updated: "last week", File: "c.yaml", Line: 1}}, "invalid: entry \"a\": updated \"last week\" is not a date (YYYY-MM-DD)"},
		{"expired", []*corpus.Entry{{ID: "a", Question: "q", Answer: "x", ReviewBy: "2026-01-01", File: "c.yaml", Line: 1}}, "expired: entry \"a\" was due for review on 2026-01-01"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range Run(tt.entries, "2026-06-01") {
				got = append(got, p.Kind+": "+p.Message)
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
