package match

import (
	"slices"
	"testing"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/thesaurus"
)

// The package comment's worked example, as it runs.
func TestWorkedExample(t *testing.T) {
	offsite := &corpus.Entry{ID: "bk-offsite", Question: "バックアップデータを別拠点に保管していますか", Answer: "はい。東京と大阪の2拠点に保管しています。"}
	entries := []*corpus.Entry{offsite,
		{ID: "bk-freq", Question: "バックアップの取得頻度を教えてください", Answer: "毎日取得しています。"},
		{ID: "log-keep", Question: "ログを保管していますか", Answer: "1年間保管しています。"},
		{ID: "dc-place", Question: "データセンターの所在地を教えてください", Answer: "日本国内です。"},
	}
	ix := New(entries, DefaultConfig())
	q := Query{Text: "バックアップは遠隔地に保管していますか"}
	r := ix.MatchAll([]Query{q})[0]
	if b := r.Best(); b == nil || b.Entry != offsite {
		t.Fatalf("best = %+v, want bk-offsite", r.Best())
	}
	if !slices.Contains(thesaurus.Default().Concepts(q.Text), "offsite") {
		t.Error("the query does not name the offsite concept")
	}
	if !r.Auto {
		t.Errorf("confidence %.3f, want the row filled", r.Confidence)
	}
}
