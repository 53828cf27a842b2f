package learn

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/qfill/qfill/pkg/corpus"
)

// Reviewers' decisions, learned and saved: an accepted entry gains the
// wording (and a choice it lacked), a choice against the entry's own is a
// conflict that changes nothing until confirmed, a typed answer is a new
// entry with its provenance, and an entry gone from the corpus is said so.
func TestFromReview(t *testing.T) {
	dir, _, c := loadStyled(t)
	obs := func(q string, choice corpus.Choice) Observation {
		return Observation{File: "customer.xlsx", Sheet: "Checks", Row: 7, QID: "N-7", Question: q, Choice: choice}
	}
	typed := obs("社内で情報セキュリティ研修を毎年実施していますか", corpus.ChoiceYes)
	typed.Answer = "はい、全社員を対象に年1回実施しています。"
	rs := []Reviewed{
		{Obs: obs("Is a firewall in place at the perimeter?", corpus.ChoiceNone), EntryID: "fw"},
		{Obs: obs("Do you use a web application firewall?", corpus.ChoiceYes), EntryID: "waf"},
		{Obs: obs("Are ports open to everyone?", corpus.ChoiceNo), EntryID: "ports"},
		{Obs: typed},
		{Obs: obs("Gone?", corpus.ChoiceNone), EntryID: "removed-meanwhile"},
	}
	acts := FromReview(c.Entries, rs, Options{Today: "2026-12-05"})
	kinds := map[Kind]int{}
	for _, a := range acts {
		kinds[a.Kind]++
	}
	// waf's answer "Yes." already says yes: the decision is an alias.
	want := map[Kind]int{KindAlias: 2, KindConflict: 1, KindNew: 1, KindMissing: 1}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%d %s actions, want %d (all: %v)", kinds[k], k, n, kinds)
		}
	}
	ch, err := Save(c.Entries, acts, filepath.Join(dir, "learned.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for f, data := range ch.Files {
		os.WriteFile(f, data, 0o644)
	}
	again, err := corpus.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*corpus.Entry{}
	for _, e := range again.Entries {
		got[e.ID] = e
	}
	if !hasWording(got["fw"], "Is a firewall in place at the perimeter?") {
		t.Errorf("fw lacks the accepted wording: %v", got["fw"].Aliases)
	}
	if got["ports"].Answer != "Yes: 443 only." || hasWording(got["ports"], "Are ports open to everyone?") {
		t.Errorf("the conflicting decision changed ports: %+v", got["ports"])
	}
	var learned *corpus.Entry
	for _, e := range again.Entries {
		if e.Question == typed.Question {
			learned = e
		}
	}
	if learned == nil || learned.Answer != typed.Answer || learned.Choice != corpus.ChoiceYes || learned.Source == nil || learned.Source.File != "customer.xlsx" {
		t.Fatalf("typed answer not learned with its choice and provenance: %+v", learned)
	}

	// Confirmed, the conflicting choice is taken.
	_, _, c = loadStyled(t)
	rs[2].Confirm = true
	for _, a := range FromReview(c.Entries, rs[2:3], Options{Today: "2026-12-05"}) {
		if a.Kind != KindReplace || a.Entry.Choice != corpus.ChoiceNo {
			t.Errorf("confirmed: %s, choice %q", a.Kind, a.Entry.Choice)
		}
	}
}

// An entry without a choice takes the one the reviewer decided.
func TestFromReviewRemembersChoice(t *testing.T) {
	es := []*corpus.Entry{{ID: "loc", Question: "データセンターの所在地は？", Answer: "日本国内です。", File: "x.yaml"}}
	acts := FromReview(es, []Reviewed{{Obs: Observation{Question: "国内のデータセンターを利用していますか", Choice: corpus.ChoiceYes}, EntryID: "loc"}}, Options{Today: "2026-12-05"})
	if len(acts) != 1 || acts[0].Kind != KindChoice || es[0].Choice != corpus.ChoiceYes || len(es[0].Aliases) != 1 {
		t.Fatalf("got %+v, entry %+v", acts, es[0])
	}
}
