package match

import (
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/question"
	"github.com/qfill/qfill/pkg/thesaurus"
)

func entries() []*corpus.Entry {
	return []*corpus.Entry{
		{ID: "bk", Question: "バックアップを取得していますか？", Answer: "毎日"},
		{ID: "bk-off", Question: "バックアップを遠隔地に保管していますか？", Answer: "大阪に保管"},
		{ID: "red", Question: "サーバーは冗長化されていますか？", Answer: "はい"},
		{ID: "mfa", Question: "多要素認証に対応していますか？", Answer: "TOTP"},
		{ID: "log", Question: "ログの保存期間は？", Answer: "1年"},
		{ID: "en-enc", Question: "Is customer data encrypted at rest?", Answer: "Yes, AES-256"},
		{ID: "en-pen", Question: "Do you conduct penetration tests?", Answer: "Yes, yearly"},
		{ID: "dc", Question: "データセンターはどこにありますか？またその事業者は？", Answer: "東京"},
	}
}

func TestMatchBest(t *testing.T) {
	ix := New(entries(), DefaultConfig())
	tests := []struct {
		q, want string
	}{
		{"1. バックアップを取得していますか", "bk"},                          // numbering and closing removed
		{"ﾊﾞｯｸｱｯﾌﾟは取得されていますか", "bk"},                          // half-width kana
		{"バックアップは遠隔地で保管されていますか", "bk-off"},                    // the nearer ask wins
		{"サーバを二重化していますか", "red"},                              // thesaurus: 二重化 = 冗長化, サーバ = サーバー
		{"二要素認証は使えますか", "mfa"},                                // thesaurus
		{"Do you support MFA?", "mfa"},                        // thesaurus across languages
		{"Is data at rest encrypted?", "en-enc"},              // word order, stemming
		{"Are penetration tests conducted yearly?", "en-pen"}, // stemming: conduct/conducted
		{"データセンターの所在地を教えてください", "dc"},                         // first sentence of a two-part question
	}
	for _, tt := range tests {
		r := ix.Match(Query{Text: tt.q})
		if b := r.Best(); b == nil || b.Entry.ID != tt.want {
			got := "<none>"
			if b != nil {
				got = b.Entry.ID
			}
			t.Errorf("Match(%q) best = %s, want %s", tt.q, got, tt.want)
		}
	}
}

func TestIdenticalQuestionScoresOne(t *testing.T) {
	ix := New(entries(), DefaultConfig())
	r := ix.Match(Query{Text: "ログの保存期間は？"})
	if b := r.Best(); b == nil || b.Entry.ID != "log" || math.Abs(b.Score-1) > 1e-6 {
		t.Fatalf("best = %+v, want log with score 1", b)
	}
	if !r.Auto {
		t.Errorf("identical question not auto-filled (confidence %.3f)", r.Confidence)
	}
}

// A query whose tokens are in every wording fills the accumulator's list
// of touched wordings and writes the spare slot after it; the next query
// must find the accumulator clean.
func TestScoreTouchesEveryWording(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "a", Question: "ログを保管していますか？", Answer: "はい"},
		{ID: "b", Question: "ログを保管していますか？期間は何年ですか？", Answer: "1年"},
		{ID: "c", Question: "ログの保管場所", Answer: "東京"},
	}
	ix := New(es, DefaultConfig())
	first := ix.Match(Query{Text: "ログの保管"})
	if got := len(first.Candidates); got != 3 {
		t.Fatalf("%d candidates, want all 3 entries", got)
	}
	for range 3 {
		again := ix.Match(Query{Text: "ログの保管"})
		for i, c := range again.Candidates {
			if c.Entry != first.Candidates[i].Entry || c.Score != first.Candidates[i].Score {
				t.Fatalf("candidate %d: %s %.6f, first run %s %.6f", i, c.Entry.ID, c.Score, first.Candidates[i].Entry.ID, first.Candidates[i].Score)
			}
		}
	}
	got := ix.Match(Query{Text: "保管場所"}).Candidates
	want := New(es, DefaultConfig()).Match(Query{Text: "保管場所"}).Candidates
	for i := range want {
		if got[i].Entry != want[i].Entry || got[i].Score != want[i].Score {
			t.Fatalf("another query, candidate %d: %s %.6f, a fresh index gives %s %.6f", i, got[i].Entry.ID, got[i].Score, want[i].Entry.ID, want[i].Score)
		}
	}
}

func TestUnrelatedQuestionIsNotAuto(t *testing.T) {
	ix := New(entries(), DefaultConfig())
	for _, q := range []string{"社員食堂はありますか？", "What is your favourite colour?", ""} {
		r := ix.Match(Query{Text: q})
		if r.Auto {
			t.Errorf("Match(%q) auto-filled %s with confidence %.2f", q, r.Best().Entry.ID, r.Confidence)
		}
	}
}

// Confidence is the best score less the missing margin to a rival with a
// different answer, times MarginPenalty.
func TestConfidenceMargin(t *testing.T) {
	cfg := DefaultConfig()
	ix := New(entries(), cfg)
	mk := func(id, answer string, s float64) Candidate {
		return Candidate{Entry: &corpus.Entry{ID: id, Answer: answer}, Score: s}
	}
	tests := []struct {
		name  string
		cands []Candidate
		want  float64
	}{
		{"alone", []Candidate{mk("a", "x", 0.8)}, 0.8},
		{"clear lead", []Candidate{mk("a", "x", 0.8), mk("b", "y", 0.5)}, 0.8},
		{"close rival", []Candidate{mk("a", "x", 0.8), mk("b", "y", 0.75)}, 0.8 - (cfg.MarginFloor-0.05)*cfg.MarginPenalty},
		{"same answer is no rival", []Candidate{mk("a", "x", 0.8), mk("b", "x", 0.8)}, 0.8},
		{"a rival lacking a shared concept counts less", []Candidate{mk("a", "x", 0.8), lacking(mk("b", "y", 0.75))}, 0.8},
	}
	for _, tt := range tests {
		if got := ix.confidenceOf(tt.cands, byScore); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: confidence = %.4f, want %.4f", tt.name, got, tt.want)
		}
	}
}

func lacking(c Candidate) Candidate {
	c.lacks = true
	return c
}

// A runner-up that lacks a concept the query and the best wording share
// (遠隔地: off-site) is marked; one that names it, or a concept only the
// query names, is not.
func TestMarkLacks(t *testing.T) {
	ix := New(entries(), DefaultConfig())
	mk := func(id, wording string, s float64) Candidate {
		return Candidate{Entry: &corpus.Entry{ID: id, Answer: id}, Wording: wording, Score: s, lexical: s}
	}
	cands := []Candidate{
		mk("offsite", "バックアップデータは遠隔地に保管されていますか", 0.6),
		mk("taken", "データのバックアップは行っていますか", 0.55),
		mk("dr", "遠隔地のデータセンターでバックアップを保管していますか", 0.55),
		mk("log", "ログは暗号化されていますか", 0.52),
		// Too far below the best to count: not read.
		mk("far", "データのバックアップ方式を教えてください", 0.3),
	}
	ix.markLacks(question.Prepare("遠隔地へのバックアップは取得していますか"), cands)
	for i, want := range []bool{false, true, false, true, false} {
		if cands[i].lacks != want {
			t.Errorf("%q: lacks %v, want %v", cands[i].Wording, cands[i].lacks, want)
		}
	}
	cfg := DefaultConfig()
	cfg.LacksFactor = 1
	New(entries(), cfg).markLacks(question.Prepare("遠隔地へのバックアップは取得していますか"), cands)
	if cands[1].lacks {
		t.Error("LacksFactor 1 still marks runners-up")
	}
}

// A question whose best entry fits another question of the same checklist
// better loses confidence by RivalPenalty times the difference.
func TestMatchAllRivals(t *testing.T) {
	cfg := DefaultConfig()
	ix := New(entries(), cfg)
	qs := []Query{{Text: "ログの保存期間は？"}, {Text: "映像の保存期間は？"}}
	single := ix.Match(qs[1])
	all := ix.MatchAll(qs)
	if all[0].Best().Entry.ID != "log" || !all[0].Auto {
		t.Fatalf("exact question lost: %+v", all[0])
	}
	if single.Best().Entry.ID != "log" {
		t.Fatalf("setup: second question's best = %s", single.Best().Entry.ID)
	}
	gap := all[0].Best().Score - single.Best().Score
	want := math.Max(0, single.Confidence-gap*cfg.RivalPenalty)
	if math.Abs(all[1].Confidence-want) > 1e-9 {
		t.Errorf("rival confidence = %.4f, want %.4f", all[1].Confidence, want)
	}
	// Identical questions do not penalise each other.
	same := ix.MatchAll([]Query{{Text: "ログの保存期間は？"}, {Text: "ログの保存期間は？"}})
	if same[1].Confidence != same[0].Confidence {
		t.Errorf("identical questions got %.3f and %.3f", same[0].Confidence, same[1].Confidence)
	}
}

// A follow-up that asks a measure its entry's answer states is not held
// to the question it refers back to; one whose answer states no such
// measure, or that another question rivals, still is.
func TestFollowUpMeasureRival(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "scan", Question: "脆弱性診断を定期的に実施していますか？", Answer: "はい。年1回実施しています。"},
		{ID: "waf", Question: "WAF を導入していますか？", Answer: "はい。導入しています。"},
	}
	parent, follow := "脆弱性診断を実施していますか", "上記の実施頻度を記載してください。脆弱性診断を実施していますか"
	for _, tt := range []struct {
		name string
		qs   []Query
		cfg  func(*Config)
		held bool
	}{
		{"measure stated", []Query{{Text: parent}, {Text: follow, FollowUp: true}}, nil, false},
		{"not marked a follow-up", []Query{{Text: parent}, {Text: follow}}, nil, true},
		{"setting off", []Query{{Text: parent}, {Text: follow, FollowUp: true}}, func(c *Config) { c.FollowUpMeasure = false }, true},
		{"another question above it", []Query{{Text: parent}, {Text: "WAF を導入していますか"}, {Text: follow, FollowUp: true}}, nil, true},
		{"no measure stated", []Query{{Text: "WAF を導入していますか"}, {Text: "上記の更新頻度を記載してください。WAF を導入していますか", FollowUp: true}}, nil, true},
	} {
		cfg := DefaultConfig()
		if tt.cfg != nil {
			tt.cfg(&cfg)
		}
		rs := New(es, cfg).MatchAll(tt.qs)
		r := rs[len(rs)-1]
		rival := slices.ContainsFunc(r.Trace, func(s Step) bool { return s.Signal == StepRival })
		if rival != tt.held {
			t.Errorf("%s: rival step %v, want %v (%s)", tt.name, rival, tt.held, FormatTrace(r.Trace))
		}
	}
}

// A measure head the wording does not name but the answer states
// (実施頻度, answered 年1回) earns the head bonus as a named head does; not
// where the answer states none, nor with the check off.
func TestStatedMeasureBonus(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "training", Question: "従業員に対して情報セキュリティ教育を行っていますか？", Answer: "はい。全従業員を対象に年1回実施しています。"},
		{ID: "nda", Question: "従業員と秘密保持契約を締結していますか？", Answer: "はい。入社時に締結しています。"},
	}
	for _, tt := range []struct {
		q, best string
		on      bool
		raised  bool
	}{
		{"従業員向けセキュリティ教育の実施頻度", "training", true, true},
		{"従業員向けセキュリティ教育の実施頻度", "training", false, false},
		{"従業員との秘密保持契約の更新頻度", "nda", true, false}, // no frequency stated
	} {
		cfg := DefaultConfig()
		cfg.AnswerMeasure = tt.on
		r := New(es, cfg).MatchAll([]Query{{Text: tt.q}})[0]
		if r.Best().Entry.ID != tt.best {
			t.Fatalf("%s: best %s, want %s", tt.q, r.Best().Entry.ID, tt.best)
		}
		i := slices.IndexFunc(r.Trace, func(s Step) bool { return s.Signal == StepHead })
		raised := i > 0 && r.Trace[i].Conf > r.Trace[i-1].Conf
		if raised && r.Trace[i].Note != "the answer states it" {
			t.Errorf("%s: head step noted %q", tt.q, r.Trace[i].Note)
		}
		if raised != tt.raised {
			t.Errorf("%s (answer_measure %v): head raised %v, want %v (%s)", tt.q, tt.on, raised, tt.raised, FormatTrace(r.Trace))
		}
	}
}

// A bare yes (任命しています) does not answer a question that asks who:
// the row is capped, with the check as its reason; the yes/no question on
// the same entry is not.
func TestBareAnswer(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "officer", Question: "情報セキュリティを統括する責任者を社内で任命していますか？", Answer: "任命しています。"},
		{ID: "nda", Question: "従業員と秘密保持契約を締結していますか？", Answer: "はい。入社時に締結しています。"},
	}
	for _, tt := range []struct {
		q    string
		on   bool
		held bool
	}{
		{"情報セキュリティの責任者は誰ですか", true, true},
		{"情報セキュリティの責任者は誰ですか", false, false},
		{"情報セキュリティの責任者を任命していますか", true, false},
	} {
		cfg := DefaultConfig()
		cfg.BareAnswer = tt.on
		r := New(es, cfg).MatchAll([]Query{{Text: tt.q}})[0]
		if r.Best().Entry.ID != "officer" {
			t.Fatalf("%s: best %s, want officer", tt.q, r.Best().Entry.ID)
		}
		if held := r.Why.Check == CheckBare; held != tt.held || held == r.Auto {
			t.Errorf("%s (bare_answer %v): held %v, auto %v, want held %v (%s)", tt.q, tt.on, held, r.Auto, tt.held, r.Explain())
		}
	}
}

// An English "Yes" whose remarks give the measure asked is no bare yes,
// and lets the head pass where the remarks name the verb asked of too.
func TestRemarksGiveMeasure(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "training", Question: "Do you run a security awareness training program?", Answer: "Yes", Remarks: "Annual awareness training for every employee."},
		{ID: "scans", Question: "Are your systems scanned for vulnerabilities?", Answer: "Yes"},
		{ID: "policy", Question: "Do you have a documented information security policy?", Answer: "Yes", Remarks: "The policy is reviewed every 2 years."},
		{ID: "plan", Question: "Do you have a documented disaster recovery plan?", Answer: "Yes", Remarks: "Tested annually."},
	}
	for _, tt := range []struct {
		q, best       string
		answerMeasure bool
		held          Check
	}{
		{"How often is security awareness training run?", "training", true, CheckNone},
		{"How often are your systems scanned for vulnerabilities?", "scans", true, CheckBare},
		{"How often is the information security policy reviewed?", "policy", true, CheckNone},
		{"How often is the information security policy reviewed?", "policy", false, CheckHead},
		{"How often is the disaster recovery plan reviewed?", "plan", true, CheckHead}, // tested, not reviewed
	} {
		cfg := DefaultConfig()
		cfg.AnswerMeasure = tt.answerMeasure
		r := New(es, cfg).MatchAll([]Query{{Text: tt.q}})[0]
		if r.Best().Entry.ID != tt.best {
			t.Fatalf("%s: best %s, want %s", tt.q, r.Best().Entry.ID, tt.best)
		}
		if r.Why.Check != tt.held || r.Auto != (tt.held == CheckNone) {
			t.Errorf("%s (answer_measure %v): held by %q, auto %v, want %q (%s)", tt.q, tt.answerMeasure, r.Why.Check, r.Auto, tt.held, r.Explain())
		}
	}
}

func TestConfigSet(t *testing.T) {
	c := DefaultConfig()
	if err := c.Set("rival_penalty", 0); err != nil || c.RivalPenalty != 0 {
		t.Fatalf("Set rival_penalty: %v %v", err, c.RivalPenalty)
	}
	if err := c.Set("nope", 1); err == nil {
		t.Fatal("unknown setting accepted")
	}
}

// BenchmarkMatch: a row sure enough to fill, and a row in doubt whose
// candidates synonym credit rescores (the costly path).
func BenchmarkMatch(b *testing.B) {
	ix := New(entries(), DefaultConfig())
	sample := New(sampleCorpus(b).Entries, DefaultConfig())
	for _, bc := range []struct {
		name, q string
		ix      *Index
		auto    bool
	}{
		{"sure", "バックアップは遠隔地のデータセンターでも保管されていますか？", ix, true},
		{"review", "サーバーは二重化構成で、障害時に自動で切り替わりますか？", ix, false},
		// An English row goes through word pairs and the answers hint
		// as well, against the bundled sample corpus.
		{"english", "Is physical access to your data centers restricted, badge-controlled and logged?", sample, true},
	} {
		q := Query{Text: bc.q}
		ix := bc.ix
		if r := ix.Match(q); r.Auto != bc.auto {
			b.Fatalf("%s: auto %v (confidence %.3f)", bc.name, r.Auto, r.Confidence)
		}
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix.Match(q)
			}
		})
	}
}

func BenchmarkNewIndex(b *testing.B) {
	c := sampleCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		New(c.Entries, DefaultConfig())
	}
}

// sampleCorpus is the bundled sample corpus.
func sampleCorpus(tb testing.TB) *corpus.Corpus {
	tb.Helper()
	c, err := corpus.Load(filepath.Join("..", "..", "corpus"))
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// tokenOf hashes a token's text as textTokens does ("w:team", a bigram).
func tokenOf(s string) token { return token(hashString(fnvOffset, s)) }

// The answers hint reads an entry's answer tokens from the index once
// they are made: a second match of the same row, and a row matched after
// others, rank as on a fresh index.
func TestAnswerTokensKept(t *testing.T) {
	c := sampleCorpus(t)
	q := Query{Text: "Is physical access to your data centers restricted, badge-controlled and logged?"}
	ix := New(c.Entries, DefaultConfig())
	first := ix.Match(q)
	ix.Match(Query{Text: "Do you encrypt backups and keep them offsite?"})
	again := ix.Match(q)
	if len(first.Candidates) == 0 || len(again.Candidates) != len(first.Candidates) {
		t.Fatalf("%d candidates, then %d", len(first.Candidates), len(again.Candidates))
	}
	for i, g := range again.Candidates {
		f := first.Candidates[i]
		if g.Entry != f.Entry || g.Score != f.Score || g.answers != f.answers {
			t.Errorf("candidate %d: %s score %.6f answers %.6f, first match %s %.6f %.6f", i, g.Entry.ID, g.Score, g.answers, f.Entry.ID, f.Score, f.answers)
		}
	}
	if first.Candidates[0].answers == 0 {
		t.Error("the best entry's answer shares nothing with the row: the test no longer reads the hint")
	}
	for i, e := range c.Entries[:20] {
		want := ix.tokenizeInto(question.Prepare(e.Answer+"。"+e.Remarks), nil, features{})
		got := ix.answerTokens(&Candidate{Entry: e, entry: int32(i)}, features{})
		if len(got) != len(want) {
			t.Fatalf("entry %s: %d answer tokens kept, %d made afresh", e.ID, len(got), len(want))
		}
		for _, tk := range got {
			if want[tk] <= 0 {
				t.Fatalf("entry %s: a kept token the answer does not have", e.ID)
			}
		}
	}
	// A candidate whose entry the index does not hold at that place (made
	// by hand, or of another index) gets its own answer's tokens.
	other := &corpus.Entry{ID: "other", Answer: "Badge readers log every entry to the data center."}
	want := ix.tokenizeInto(question.Prepare(other.Answer+"。"), nil, features{})
	if got := ix.answerTokens(&Candidate{Entry: other}, features{}); len(got) != len(want) {
		t.Errorf("an entry the index does not hold: %d tokens, its answer has %d", len(got), len(want))
	}
}

// Answers count in the document frequencies: a word every answer uses
// weighs less in questions, and is never scored against the answer text.
func TestAnswerStats(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "a", Question: "Do you encrypt backups?", Answer: "Our team encrypts every backup."},
		{ID: "b", Question: "Does your team write an audit report?", Answer: "Our team writes a yearly report."},
		{ID: "c", Question: "Is support available at night?", Answer: "Our team answers around the clock."},
	}
	on, off := DefaultConfig(), DefaultConfig()
	off.AnswerStats = false
	wOn, wOff := New(es, on), New(es, off)
	tok := tokenOf("w:team")
	if wOn.df[tok] != 3 || wOff.df[tok] != 1 {
		t.Fatalf("df[w:team] = %d with answers, %d without; want 3 and 1", wOn.df[tok], wOff.df[tok])
	}
	if wOn.weight(tok, 1) >= wOff.weight(tok, 1) {
		t.Errorf("a word all answers use should weigh less: %v >= %v", wOn.weight(tok, 1), wOff.weight(tok, 1))
	}
	// "clock" is only in an answer: a query about it matches nothing.
	if r := wOn.Match(Query{Text: "clock"}); len(r.Candidates) != 0 {
		t.Errorf("answer text was scored: %+v", r.Candidates)
	}
}

// Synonym credit reorders review rows; it never makes a row surer, and a
// row whose answer it changes stays in review.
func TestSynonymCredit(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "red", Question: "サーバー機器を冗長化していますか？", Answer: "はい、二系統です"},
		{ID: "mon", Question: "サーバーを二重に監視していますか？", Answer: "はい、監視しています"},
		{ID: "bk", Question: "バックアップを取得していますか？", Answer: "毎日"},
	}
	tests := []struct {
		q               string
		lexical, credit string // best entry without and with credit
		sameConfidence  bool
	}{
		// 二重 of 二重化 draws the query to "mon"; 二重化 and 冗長化 are
		// one concept, so credit puts "red" first.
		{"サーバーを二重化していますか？", "mon", "red", false},
		// Already first: credit changes the score, not the confidence.
		{"サーバーは二重化されていますか？", "red", "red", true},
	}
	// Ranking only: synonym confidence (TestSynonymConfidence), the
	// head check (TestHeadCheck) and the concept conflict
	// (TestConceptConflict) off.
	on := DefaultConfig()
	on.SynonymConfidence = 0
	on.HeadBonus, on.HeadPenalty, on.HeadCap = 0, 0, 0
	on.ConflictPenalty = 0
	for _, tt := range tests {
		off := on
		off.SynonymCredit = 0
		lex := New(es, off).Match(Query{Text: tt.q})
		got := New(es, on).Match(Query{Text: tt.q})
		if b := lex.Best(); b == nil || b.Entry.ID != tt.lexical {
			t.Errorf("%s without credit: best %v, want %s", tt.q, b, tt.lexical)
		}
		if b := got.Best(); b == nil || b.Entry.ID != tt.credit {
			t.Errorf("%s with credit: best %v, want %s", tt.q, b, tt.credit)
		}
		if got.Confidence > lex.Confidence+1e-12 {
			t.Errorf("%s: credit raised confidence %.3f -> %.3f", tt.q, lex.Confidence, got.Confidence)
		}
		if tt.sameConfidence != (math.Abs(got.Confidence-lex.Confidence) < 1e-12) {
			t.Errorf("%s: confidence %.3f with credit, %.3f without", tt.q, got.Confidence, lex.Confidence)
		}
		if tt.lexical != tt.credit && got.Auto {
			t.Errorf("%s: filled without review (confidence %.3f)", tt.q, got.Confidence)
		}
	}
	// Nor through the rival penalty of a whole checklist: the second row
	// fits "red" better than the first does lexically, but not once the
	// first has its credit.
	qs := []Query{{Text: "サーバ機器の冗長構成"}, {Text: "機器は冗長化されていますか"}, {Text: "サーバーを二重化していますか？"}}
	off := DefaultConfig()
	off.SynonymCredit = 0
	lexAll, gotAll := New(es, off).MatchAll(qs), New(es, on).MatchAll(qs)
	for i := range qs {
		if gotAll[i].Confidence > lexAll[i].Confidence+1e-12 {
			t.Errorf("MatchAll %s: credit raised confidence %.3f -> %.3f", qs[i].Text, lexAll[i].Confidence, gotAll[i].Confidence)
		}
	}
	// A row sure enough to fill is not rescored at all.
	sure := New(es, DefaultConfig()).Match(Query{Text: "サーバー機器を冗長化していますか？"})
	if !sure.Auto || sure.Candidates[0].Score != sure.Candidates[0].lexical {
		t.Errorf("sure row rescored: auto %v, score %.3f, lexical %.3f", sure.Auto, sure.Candidates[0].Score, sure.Candidates[0].lexical)
	}
}

// Synonym credit counts towards confidence when the wording names exactly
// the query's concepts, and only then.
func TestSynonymConfidence(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "red", Question: "サーバー機器を冗長化していますか？", Answer: "はい、二系統です"},
		{ID: "bk-period", Question: "バックアップデータの保存期間", Answer: "30日"},
		{ID: "rto", Question: "目標復旧時間（RTO）", Answer: "24時間"},
	}
	tests := []struct {
		q, want string
		raised  bool
	}{
		{"サーバーは二重化されていますか？", "red", true},       // redundancy = redundancy, spelt 二重化 / 冗長化
		{"データの保全の保管期間は？", "bk-period", true},    // backup, retention = backup, retention
		{"データの保全期間は？", "bk-period", false},      // no retention in the query: the wording asks more
		{"目標復旧時点（RPO）", "rto", false},           // rpo is not rto: another ask
		{"サーバー機器を二重化し、監視していますか？", "red", false}, // monitoring: a concept more
	}
	// The head check (head.go) moves confidence too; it is tested apart.
	on := DefaultConfig()
	on.HeadBonus, on.HeadPenalty, on.HeadCap = 0, 0, 0
	for _, tt := range tests {
		off := on
		off.SynonymConfidence = 0
		lex := New(es, off).Match(Query{Text: tt.q})
		got := New(es, on).Match(Query{Text: tt.q})
		b := got.Best()
		if b == nil || b.Entry.ID != tt.want {
			t.Fatalf("%s: best %v, want %s", tt.q, b, tt.want)
		}
		if raised := got.Confidence > lex.Confidence+1e-9; raised != tt.raised {
			t.Errorf("%s: confidence %.3f, %.3f without synonym confidence; want raised = %v", tt.q, got.Confidence, lex.Confidence, tt.raised)
		}
		// With no close rival, confidence is the lexical score plus
		// SynonymConfidence of the credit.
		want := b.lexical + (b.Score-b.lexical)*DefaultConfig().SynonymConfidence
		if tt.raised && math.Abs(got.Confidence-want) > 1e-9 {
			t.Errorf("%s: confidence %.3f, want lexical %.3f + %.2f × credit %.3f = %.3f", tt.q, got.Confidence, b.lexical, DefaultConfig().SynonymConfidence, b.Score-b.lexical, want)
		}
	}
}

// textTokens reports each token's place in the text: synonym credit finds
// the tokens that spell a thesaurus term by it.
func TestTokenRanges(t *testing.T) {
	s := "ab サーバ二重化 mfa 12"
	var got []string
	textTokens(s, func(_ token, _ float64, i, j int) { got = append(got, s[i:j]) })
	want := []string{"ab", "サー", "ーバ", "バ二", "二重", "重化", "mfa", "12"}
	if !slices.Equal(got, want) {
		t.Errorf("ranges %q, want %q", got, want)
	}
}

// Example lists in brackets count for less; other brackets are untouched.
func TestExampleSpans(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"サーバーの冗長化（例：負荷分散装置、クラスタ構成など）を行っていますか", []string{"(例:負荷分散装置、クラスタ構成など)"}},
		{"マルウェア対策（例えば、ウイルス対策ソフト）と（たとえば EDR）", []string{"(例えば、ウイルス対策ソフト)", "(たとえば edr)"}},
		{"Are endpoints protected (e.g., antivirus, EDR)?", []string{"(e.g., antivirus, edr)"}},
		{"Are third parties (for example hosting providers) assessed?", []string{"(for example hosting providers)"}},
		{"無停電電源（UPS）はありますか", nil},
		{"データの削除（ユーザ利用領域）", nil},
	}
	for _, tt := range tests {
		p := question.Prepare(tt.in)
		var got []string
		for _, sp := range exampleSpans(p) {
			got = append(got, p[sp[0]:sp[1]])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: spans %q, want %q", tt.in, got, tt.want)
		}
	}

	ix := New(entries(), DefaultConfig())
	off := DefaultConfig()
	off.ExampleWeight = 1
	plain := New(entries(), off)
	q := Query{Text: "サーバーの冗長化（例：負荷分散装置、クラスタ構成など）を行っていますか"}
	got, was := ix.Match(q), plain.Match(q)
	if got.Best().Entry.ID != "red" || got.Best().Score <= was.Best().Score+0.05 {
		t.Errorf("example list still dilutes the ask: best %s %.3f (was %.3f)", got.Best().Entry.ID, got.Best().Score, was.Best().Score)
	}
}

// docs/quality.md lists every setting `qfill eval --set` accepts.
func TestDocsListSettings(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "docs", "quality.md"))
	if err != nil {
		t.Fatal(err)
	}
	c := DefaultConfig()
	err = c.Set("no-such-setting", 0)
	_, list, ok := strings.Cut(fmt.Sprint(err), "(known: ")
	if !ok {
		t.Fatalf("unknown setting error does not list the settings: %v", err)
	}
	for _, name := range strings.Split(strings.TrimSuffix(list, ")"), ", ") {
		if !strings.Contains(string(readme), "`"+name+"`") {
			t.Errorf("docs/quality.md does not list the setting %q", name)
		}
	}
}

// A question that names only a topic several entries cover whole is
// ambiguous: the shortest wording scores best, but confidence is capped
// below the threshold. Identical wordings with different answers are not
// such rivals (lint reports them), nor are rivals that cover less.
func TestAmbiguousTopic(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "fw", Question: "インターネットとの境界にファイアウォールを設置していますか？", Answer: "はい、設置しています"},
		{ID: "fw-review", Question: "ファイアウォールのルールは定期的に見直していますか？", Answer: "はい、四半期ごとに見直しています"},
		{ID: "audit-a", Question: "利用者による監査は可能ですか？", Answer: "書面で受け付けます"},
		{ID: "audit-b", Question: "利用者による監査は可能ですか？", Answer: "お受けしていません"},
		{ID: "bk", Question: "バックアップを取得していますか？", Answer: "毎日"},
	}
	off := DefaultConfig()
	off.AmbiguityCap = 0
	tests := []struct {
		q      string
		capped bool
	}{
		{"ファイアウォールはありますか", true},
		{"利用者による監査は可能ですか", false},  // identical wordings
		{"バックアップを取得していますか", false}, // no rival covers it
	}
	for _, tt := range tests {
		got := New(es, DefaultConfig()).Match(Query{Text: tt.q})
		was := New(es, off).Match(Query{Text: tt.q})
		if capped := got.Confidence == DefaultConfig().AmbiguityCap && was.Confidence > got.Confidence; capped != tt.capped {
			t.Errorf("%s: confidence %.3f (%.3f without the cap), want capped = %v", tt.q, got.Confidence, was.Confidence, tt.capped)
		}
		if tt.capped && (got.Auto || !was.Auto) {
			t.Errorf("%s: auto %v with the cap, %v without; want review only with it", tt.q, got.Auto, was.Auto)
		}
		if tied := got.Why.Rival != nil; tied != tt.capped {
			t.Errorf("%s: tied entry %v, want one = %v", tt.q, got.Why.Rival, tt.capped)
		} else if tied && got.Why.Rival == got.Best().Entry {
			t.Errorf("%s: tied with itself", tt.q)
		}
	}
	// The stored question is the customer's own wording, or the entry was
	// learned from the same question ID: not ambiguous.
	contacts := []*corpus.Entry{
		{ID: "gen", Question: "Contact Name", Answer: "A. Smith", Source: &corpus.Source{QID: "GNRL-04"}},
		{ID: "acc", Question: "Accessibility Contact Name", Answer: "B. Jones", Source: &corpus.Source{QID: "ITAC-01"}},
	}
	// Accessibility asked about throughout, so the word weighs little and
	// both entries fit "Contact Name" about equally.
	for i, q := range []string{"Accessibility statement", "Accessibility audit", "Accessibility roadmap", "Accessibility training", "Accessibility testing", "Accessibility conformance"} {
		contacts = append(contacts, &corpus.Entry{ID: fmt.Sprint("a", i), Question: q, Answer: q + ": yes"})
	}
	ix := New(contacts, DefaultConfig())
	for _, q := range []Query{{Text: "Contact Name"}, {Text: "Contact name of the provider", ID: "GNRL-04"}} {
		if r := ix.Match(q); r.Why.Rival != nil {
			t.Errorf("%+v: tied with %s (confidence %.3f)", q, r.Why.Rival.ID, r.Confidence)
		}
	}
}

// A wording that shares the query's head gets HeadBonus, unless each side
// names a concept the other does not; one that shares only the topic
// before the head loses HeadPenalty and cannot be filled without review
// (HeadCap), however much of the question it covers.
func TestHeadCheck(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "pentest", Question: "ペネトレーションテスト", Answer: "年1回、外部業者が実施"},
		{ID: "officer", Question: "個人情報保護管理者を任命していますか。", Answer: "執行役員を任命しています"},
		{ID: "enc", Question: "保存されるデータは暗号化されていますか。", Answer: "AES-256"},
		{ID: "hours", Question: "ヘルプデスクの受付時間", Answer: "平日9時から18時"},
		{ID: "nda", Question: "従業員と秘密保持契約を締結していますか？", Answer: "入社時に締結"},
		{ID: "policy", Question: "Do you maintain an information security policy that is reviewed annually?", Answer: "Yes"},
		{ID: "cctv", Question: "監視カメラは設置されていますか？", Answer: "はい"},
		{ID: "bkret", Question: "バックアップの保管期間は？", Answer: "30日間"},
		{ID: "bktake", Question: "データバックアップは行っていますか？", Answer: "毎日取得"},
	}
	off := DefaultConfig()
	off.HeadBonus, off.HeadPenalty, off.HeadCap = 0, 0, 0
	tests := []struct {
		q, want string
		delta   float64 // expected change of confidence, before the cap
		capped  bool
	}{
		{"ペネトレーションテストの結果の開示", "pentest", -off.Threshold, true},
		{"個人情報保護管理者の連絡先", "officer", -off.Threshold, true},
		{"データベースに格納されたデータは暗号化されていますか", "enc", DefaultConfig().HeadBonus, false},
		{"問い合わせ窓口の受付時間", "hours", DefaultConfig().HeadBonus, false},
		{"保存データの暗号化の時期", "enc", -off.Threshold, true},
		{"電源設備", "", 0, false}, // no head: nothing to check, whatever it matches
		// The head matches, but the parties differ (subcontractor / employee):
		// no bonus.
		{"委託先との秘密保持契約の締結", "nda", 0, false},
		// An English participle the wording lacks costs the penalty, not
		// the cap.
		{"Is the information security policy published to customers?", "policy", -DefaultConfig().HeadPenalty, false},
		// The head 設置台数 shares 設置, but its last word, 台数, is what is
		// asked: the penalty, not the bonus, and no cap.
		{"監視カメラの設置台数", "cctv", -DefaultConfig().HeadPenalty, false},
		// 保管場所 against 保管期間: the wording has the head's first part
		// with another last word, another measure of the thing: capped.
		{"バックアップの保管場所", "bkret", 0, true},
		// A label-style row: the item name's head (バックアップ) is
		// checked, not the phrase's (頻度), which a wording seldom names.
		{"データのバックアップ 取得の有無と頻度", "bktake", DefaultConfig().HeadBonus, false},
		// Without the name, the phrase's head is checked, and the answer
		// states the frequency it asks (毎日): as good as naming it.
		{"データのバックアップの取得の有無と頻度", "bktake", DefaultConfig().HeadBonus, false},
		// One whose answer states none is missed and capped.
		{"監視カメラの設置の頻度", "cctv", -off.Threshold, true},
		// A measure of another kind (a frequency for a count) is no answer.
		{"データバックアップの取得件数", "bktake", -off.Threshold, true},
	}
	for _, tt := range tests {
		lex := New(es, off).Match(Query{Text: tt.q})
		got := New(es, DefaultConfig()).Match(Query{Text: tt.q})
		if tt.want == "" {
			if got.Confidence != lex.Confidence {
				t.Errorf("%s: confidence %.3f, %.3f without the head check", tt.q, got.Confidence, lex.Confidence)
			}
			continue
		}
		if b := got.Best(); b == nil || b.Entry.ID != tt.want {
			t.Fatalf("%s: best %v, want %s", tt.q, b, tt.want)
		}
		if tt.capped {
			want := math.Min(math.Max(0, lex.Confidence-DefaultConfig().HeadPenalty), DefaultConfig().HeadCap)
			if math.Abs(got.Confidence-want) > 1e-9 || got.Auto {
				t.Errorf("%s: confidence %.3f (auto %v), want %.3f in review (%.3f without the check)", tt.q, got.Confidence, got.Auto, want, lex.Confidence)
			}
			if lex.Auto && got.Why.Head == "" {
				t.Errorf("%s: held back by the head check but UnmatchedHead is empty", tt.q)
			}
			continue
		}
		if want := math.Min(lex.Confidence+tt.delta, (lex.Confidence+1)/2); math.Abs(got.Confidence-want) > 1e-9 {
			t.Errorf("%s: confidence %.3f, want %.3f (%.3f without the check)", tt.q, got.Confidence, want, lex.Confidence)
		}
	}
}

// Ask nouns with the same meaning in other words (時期 / いつ, 頻度 /
// 間隔) count as naming the head, for the head check only.
func TestAskSynonyms(t *testing.T) {
	tests := []struct {
		head, wording string
		want          bool
	}{
		{"時期", "解約後のデータはいつ削除されますか", true},
		{"頻度", "障害監視間隔", true},
		{"限度額", "損害賠償の上限", true},
		{"公表", "プライバシーポリシーを公開していますか", true},
		{"誓約", "従業員と秘密保持契約を締結していますか", true},
		{"確認", "利用者の操作ログを管理者が閲覧できますか", true},
		{"遮断", "ファイアウォールによる通信制限を行っていますか", true},
		{"時期", "解約後のデータの削除までの期間", false}, // how long is not when
		{"連絡先", "個人情報保護管理者を任命していますか", false},
	}
	for _, tt := range tests {
		if got := askSynonymMatch(tt.head, question.Prepare(tt.wording)); got != tt.want {
			t.Errorf("askSynonymMatch(%q, %q) = %v, want %v", tt.head, tt.wording, got, tt.want)
		}
	}
}

// A wording that asks the same about another object (logs, not backups)
// loses ConflictPenalty and says which concepts differ; one that names
// the query's concepts and no others keeps its confidence.
func TestConceptConflict(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "log-retention", Question: "How long are logs retained?", Answer: "One year."},
		{ID: "dc-location", Question: "Where is customer data hosted?", Answer: "Tokyo and Osaka."},
		{ID: "mfa", Question: "Is multi-factor authentication supported for user accounts?", Answer: "Yes."},
		{ID: "training", Question: "Are employees required to complete security awareness training?", Answer: "Yes, annually."},
		{ID: "pentest", Question: "Are penetration tests conducted by a third party?", Answer: "Yes, yearly."},
		{ID: "bcp", Question: "Do you have a business continuity plan?", Answer: "Yes."},
		{ID: "scan", Question: "Do you perform vulnerability scanning?", Answer: "Weekly."},
		{ID: "hours", Question: "What are your support hours?", Answer: "24/7."},
		{ID: "tls", Question: "Is data encrypted in transit?", Answer: "TLS 1.2 or higher."},
		{ID: "planned", Question: "計画メンテナンスの事前通知はありますか。", Answer: "7日前までに通知します。"},
		{ID: "hours-ja", Question: "問い合わせ窓口の受付時間を教えてください。", Answer: "平日9時から18時"},
		{ID: "backup-ja", Question: "バックアップデータは遠隔地に保管していますか。", Answer: "別リージョンに複製しています。"},
		{ID: "remote", Question: "Is remote access to production prohibited?", Answer: "Yes, except through the bastion host."},
	}
	// A corpus this small scores lower than a real one: the threshold is
	// lowered so that the penalty is what decides.
	on := DefaultConfig()
	on.Threshold = 0.45
	off := on
	off.ConflictPenalty = 0
	tests := []struct {
		q        string
		conflict [2]string
		lower    bool
	}{
		{"How long are backups retained?", [2]string{"backups", "logs"}, true},
		{"Is MFA supported for administrator accounts?", [2]string{}, false}, // MFA is authentication too
		{"緊急メンテナンスの実施時には通知されますか", [2]string{"緊急メンテナンス", "計画メンテナンス"}, true},
		{"定期メンテナンスの事前通知はありますか", [2]string{}, false}, // both planned
		// Polarity: the yes/no of the entry would be inverted.
		// (Lowered only: in a corpus this small it is not filled anyway.)
		{"Is remote access to production allowed?", [2]string{}, true},
	}
	for _, tt := range tests {
		a, b := New(es, off).Match(Query{Text: tt.q}), New(es, on).Match(Query{Text: tt.q})
		if lowered := b.Confidence < a.Confidence-1e-9; lowered != tt.lower {
			t.Errorf("%q: confidence %.3f → %.3f, want lowered %v", tt.q, a.Confidence, b.Confidence, tt.lower)
		}
		if tt.lower && tt.conflict[0] != "" && (a.Confidence < on.Threshold || b.Auto || [2]string{b.Why.Query, b.Why.Wording} != tt.conflict) {
			// The case must be one the penalty decides: filled without it.
			t.Errorf("%q: %.3f → %.3f (auto %v), Conflict = %q, want filled without the penalty, held with %q", tt.q, a.Confidence, b.Confidence, b.Auto, [2]string{b.Why.Query, b.Why.Wording}, tt.conflict)
		}
		if !tt.lower && [2]string{b.Why.Query, b.Why.Wording} != tt.conflict {
			t.Errorf("%q: Conflict = %q, want none", tt.q, [2]string{b.Why.Query, b.Why.Wording})
		}
	}
}

// English participles that name one ask count as the head; stems that
// only look alike (secured / security) and near asks (reviewed /
// assessed) do not.
func TestEnglishAsks(t *testing.T) {
	tests := []struct {
		head, wording string
		want          bool
	}{
		{"kept", "Are backups stored in a separate location?", true},
		{"enforced", "Is MFA required for remote access?", true},
		{"isolated", "Is customer data segregated between tenants?", true},
		{"protected", "Are security logs collected centrally?", false},
		{"reviewed", "Are third-party suppliers assessed for security?", false},
		{"published", "Do you have a written information security policy?", false},
	}
	for _, tt := range tests {
		var wt []token
		textTokens(question.Prepare(tt.wording), func(tok token, _ float64, _, _ int) { wt = append(wt, tok) })
		if got := englishAskMatch(tt.head, wt); got != tt.want {
			t.Errorf("englishAskMatch(%q, %q) = %v, want %v", tt.head, tt.wording, got, tt.want)
		}
	}
}

// A bilingual corpus holds each ask in both languages with answers that
// differ only in language: the entry in the other language is no rival.
func TestOtherLanguageNoRival(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "en-iso", Question: "Do you hold an ISO/IEC 27001 certification?", Answer: "Yes. We are certified to ISO/IEC 27001."},
		{ID: "ja-iso", Question: "ISMS（ISO/IEC 27001）認証を取得していますか？", Answer: "はい。ISO/IEC 27001の認証を取得しています。"},
		{ID: "en-backup", Question: "Are backups taken daily?", Answer: "Yes."},
	}
	r := New(es, DefaultConfig()).Match(Query{Text: "Does your organization hold an ISO 27001 certification?"})
	if b := r.Best(); b == nil || b.Entry.ID != "en-iso" {
		t.Fatalf("best %v, want en-iso", b)
	}
	if r.Why.Rival != nil || r.Confidence <= DefaultConfig().AmbiguityCap {
		t.Errorf("confidence %.3f, tied %v: the Japanese entry counted as a rival", r.Confidence, r.Why.Rival)
	}
}

// The agent of an English passive ("by an external party") is part of
// the ask: a wording with the participle and not the agent loses the
// bonus; one that names it, in words or a concept, keeps it.
func TestEnglishAgent(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "policy", Question: "Do you maintain an information security policy that is reviewed at least annually?", Answer: "Yes."},
		{ID: "nda", Question: "Do employees sign confidentiality agreements?", Answer: "Yes, at hire."},
		{ID: "backup", Question: "Are backups taken daily?", Answer: "Yes."},
	}
	ix := New(es, DefaultConfig())
	for _, q := range []struct {
		text string
		held bool
	}{
		{"Is the security policy reviewed by an external party?", true},
		{"Are non-disclosure agreements signed by all personnel?", false}, // personnel / employees: one concept
	} {
		pq := question.Prepare(q.text)
		r := ix.Match(Query{Text: q.text})
		h, ok := ix.headMatched(ix.pairOf(pq, question.Prepare(r.Candidates[0].Wording)))
		if !ok || (h.agent != "" && !h.agentMatched) != q.held {
			t.Errorf("%q: agent %q matched %v, want held %v", q.text, h.agent, h.agentMatched, q.held)
		}
	}
}

// A label that is one compound gets HeadBonus when the wording names its
// last word, and keeps its confidence when it does not.
func TestCompoundBonus(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "contact", Question: "障害発生時の連絡体制は整備されていますか？", Answer: "はい"},
		{ID: "fire", Question: "火災を感知して知らせる設備はありますか？", Answer: "はい、煙感知器を設置"},
		{ID: "ups", Question: "無停電電源装置はありますか？", Answer: "はい"},
		{ID: "monitor", Question: "システムの稼働状況を監視していますか。", Answer: "はい、24時間"},
	}
	for _, tt := range []struct {
		q      string
		raised bool
	}{
		{"緊急連絡体制の整備", true},
		{"火災対策", true},  // 対策 frames the topic: any fire entry answers it
		{"電源設備", true},  // 装置 names the equipment 設備 asks about
		{"監視設備", false}, // 監視している is an activity, not equipment
	} {
		on := New(es, DefaultConfig()).Match(Query{Text: tt.q})
		cfg := DefaultConfig()
		cfg.CompoundBonus = 0
		off := New(es, cfg).Match(Query{Text: tt.q})
		if got := on.Confidence > off.Confidence+0.1; got != tt.raised {
			t.Errorf("%q: confidence %.3f with the bonus, %.3f without; raised %v, want %v", tt.q, on.Confidence, off.Confidence, got, tt.raised)
		}
	}
}

// A one-compound label whose last word asks for a measure (件数, 期間) is
// held to it as a head is; one whose last word is a frame (設備) is not.
func TestMeasureTail(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "team", Question: "インシデント発生時の対応組織はありますか？", Answer: "CSIRT"},
		{ID: "bk", Question: "バックアップを取得していますか？", Answer: "毎日"},
	}
	for _, q := range []string{"インシデント発生件数", "バックアップ保存期間"} {
		if r := New(es, DefaultConfig()).Match(Query{Text: q}); r.Auto || r.Confidence > DefaultConfig().HeadCap {
			t.Errorf("%s: confidence %.3f (auto %v), want at most the head cap", q, r.Confidence, r.Auto)
		}
	}
}

func TestAskSynonymMatch(t *testing.T) {
	tests := []struct {
		head, wording string
		want          bool
	}{
		{"保証値", "サービスの稼働率の目標値はどの程度ですか", true}, // a guaranteed value is asked of the target
		{"開示", "稼働率の実績は公開していますか", true},
		{"通知", "バージョンアップはどのように案内されますか", true},
		{"頻度", "バックアップの取得間隔", true},
		{"計算", "稼働率の算出方法", true},
		{"取得", "利用者の操作ログを記録していますか", true},
		{"設備", "非常用電源の用意はありますか", true},
		{"設備", "監視カメラは設置されていますか", true},
		{"開示", "障害の報告書を提出しますか", false},
		{"設備", "稼働状況を監視していますか", false},
		{"通知", "目標時間はありますか", false},
	}
	for _, tt := range tests {
		if got := askSynonymMatch(tt.head, question.Prepare(tt.wording)); got != tt.want {
			t.Errorf("askSynonymMatch(%q, %q) = %v, want %v", tt.head, tt.wording, got, tt.want)
		}
	}
}

// An answer in another language than its question is not written without
// review, however well the questions match; a code or a figure fits both.
func TestLanguageCheck(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "insurance", Question: "サイバー保険に加入していますか？", Answer: "はい。サイバー保険に加入しています。"},
		// A bilingual corpus with one answer not yet translated.
		{ID: "insurance-en", Question: "Do you carry cyber insurance?", Answer: "はい。サイバー保険に加入しています。"},
		{ID: "cert", Question: "What certification do you hold?", Answer: "ISO/IEC 27001"},
	}
	ix := New(es, DefaultConfig())
	cfg := DefaultConfig()
	cfg.LanguageCheck = false
	off := New(es, cfg)
	ja := ix.MatchAll([]Query{{Text: "サイバー保険に加入していますか？"}})
	if !ja[0].Auto || (ja[0].Why.Check == CheckLanguage) {
		t.Errorf("Japanese question, Japanese answer: auto %v, other language %v; want filled", ja[0].Auto, (ja[0].Why.Check == CheckLanguage))
	}
	// One English checklist: the row would be filled but for the check.
	en := []Query{{Text: "Do you carry cyber insurance?"}}
	if r := off.MatchAll(en); !r[0].Auto {
		t.Fatalf("English question: confidence %.3f without the check; the test needs a row that would be filled", r[0].Confidence)
	}
	if r := ix.MatchAll(en); r[0].Auto || !(r[0].Why.Check == CheckLanguage) {
		t.Errorf("English question, Japanese answer: auto %v (%.3f), other language %v; want review", r[0].Auto, r[0].Confidence, (r[0].Why.Check == CheckLanguage))
	}
	out := ix.MatchAll([]Query{{Text: "What certification do you hold?"}})
	if out[0].Why.Check == CheckLanguage {
		t.Errorf("a code as the answer was held back as another language")
	}
}

// A third party by whom a test is done is an assessor, not a supplier.
func TestAssessorIsNotSupplier(t *testing.T) {
	th := thesaurus.Default()
	tests := []struct {
		s            string
		supplier, as bool
	}{
		{"Is the application penetration tested by an independent third party?", false, true},
		{"Are penetration tests conducted by a third party?", false, true},
		{"Do you have external third party firms run penetration tests?", false, true},
		{"Do you share customer data with third-party subprocessors?", true, false},
		{"Do you engage third parties that process customer data?", true, false},
	}
	for _, tt := range tests {
		cs := th.Concepts(question.Prepare(tt.s))
		if got := slices.Contains(cs, "subcontract"); got != tt.supplier {
			t.Errorf("%q: supplier concept %v, want %v (%v)", tt.s, got, tt.supplier, cs)
		}
		if got := slices.Contains(cs, "assessor"); got != tt.as {
			t.Errorf("%q: assessor concept %v, want %v (%v)", tt.s, got, tt.as, cs)
		}
	}
}

// Synonym credit that puts a wording naming exactly the query's concepts
// above a lexical best that does not is evidence too: the WAF entry
// answers Webアプリケーションファイアウォール, though the firewall entry
// shares more characters.
func TestSynonymConfidenceOverLexicalBest(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "waf", Question: "WAFを導入していますか。", Answer: "クラウド型WAFを導入しています。"},
		{ID: "fw", Question: "ファイアウォールを設置していますか。", Answer: "境界にファイアウォールを設置しています。"},
		{ID: "av", Question: "ウイルス対策ソフトを導入していますか。", Answer: "全サーバに導入しています。"},
	}
	r := New(es, DefaultConfig()).Match(Query{Text: "Webアプリケーションファイアウォールは導入されていますか。"})
	if b := r.Best(); b == nil || b.Entry.ID != "waf" || !r.Auto {
		t.Errorf("best %v, confidence %.3f, auto %v; want the WAF entry filled", b, r.Confidence, r.Auto)
	}
}

// Who does it is part of the ask: "can customers take backups
// themselves?" is not answered by how often the vendor takes them.
func TestActorConflict(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "bk", Question: "バックアップはどの頻度で取得していますか。", Answer: "日次で取得しています。"},
		{ID: "export", Question: "データをエクスポートできますか。", Answer: "CSVで出力できます。"},
	}
	ix := New(es, DefaultConfig())
	for _, tt := range []struct {
		q    string
		auto bool
	}{
		{"利用者自身でバックアップを取得できますか。", false},
		{"バックアップはどのくらいの頻度で取得していますか。", true},
	} {
		r := ix.Match(Query{Text: tt.q})
		if r.Auto != tt.auto {
			t.Errorf("%q: auto %v (%.3f), want %v", tt.q, r.Auto, r.Confidence, tt.auto)
		}
	}
	bp := ix.pairOf(question.Prepare("Can backups be restored by customers?"), question.Prepare("Are restores from backup tested?"))
	if q, d, ok := bp.conflict(); !ok || q == "" || d != "" {
		t.Errorf("conflict = %q, %q, %v; want the query's actor term alone", q, d, ok)
	}
}

// The head may be named by another wording of the best entry than the
// one that scored best.
func TestHeadInAnotherWording(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "avail", Question: "サービス稼働率は？", Aliases: []string{"可用性の保証値を教えてください。"}, Answer: "月間99.9%"},
		{ID: "actual", Question: "過去1年間の稼働率の実績を教えてください。", Answer: "99.95%以上"},
	}
	r := New(es, DefaultConfig()).Match(Query{Text: "サービス稼働率の保証値"})
	if b := r.Best(); b == nil || b.Entry.ID != "avail" || !r.Auto || r.Why.Head != "" {
		t.Errorf("best %v, confidence %.3f, auto %v, unmatched head %q; want avail filled", b, r.Confidence, r.Auto, r.Why.Head)
	}
}

// An English question is answered from an English entry that scores
// nearly as well as a Japanese one.
func TestOtherScriptRank(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "sso-ja", Question: "シングルサインオン（SAML）に対応していますか？", Answer: "はい"},
		{ID: "sso-en", Question: "Do you support single sign-on (SAML or OpenID Connect)?", Answer: "Yes, SAML 2.0 and OpenID Connect."},
	}
	q := Query{Text: "Can users sign in with our identity provider via SAML?"}
	cfg := DefaultConfig()
	cfg.OtherScriptRank = 0
	off := New(es, cfg).Match(q)
	on := New(es, DefaultConfig()).Match(q)
	if off.Best().Entry.ID != "sso-ja" {
		t.Fatalf("without the rank factor the best is %s; the test needs the Japanese entry first", off.Best().Entry.ID)
	}
	if on.Best().Entry.ID != "sso-en" {
		t.Errorf("best %s, want sso-en", on.Best().Entry.ID)
	}
}

// spanText is the text of the span f finds in p, or "".
// The index's cached comparison of answers is corpus.SameAnswer.
func TestSameAnswerIsCorpus(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "a", Question: "q1", Answer: "はい。毎日取得しています。", Choice: corpus.ChoiceYes},
		{ID: "b", Question: "q2", Answer: "はい 毎日取得しています", Choice: corpus.ChoiceYes},
		{ID: "c", Question: "q3", Answer: "はい。毎日取得しています。", Choice: corpus.ChoiceNo},
		{ID: "d", Question: "q4", Answer: "ＨＡＩ", Section: "x"},
		{ID: "e", Question: "q5", Answer: "hai"},
	}
	ix := New(es, DefaultConfig())
	for _, a := range es {
		for _, b := range es {
			if got, want := ix.sameAnswer(a, b), corpus.SameAnswer(a, b); got != want {
				t.Errorf("%s/%s: index %v, corpus %v", a.ID, b.ID, got, want)
			}
		}
	}
}

// A vendor's synonyms file reaches the matcher: a term it adds lets an
// English question find a Japanese entry, and raises the confidence of a
// Japanese one worded with it.
func TestVendorSynonyms(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "console-lang", Question: "管理画面の表示言語を切り替えられますか？", Answer: "日本語と英語から選べます"},
		{ID: "portal-manual", Question: "ポータルサイトの操作マニュアルはありますか？", Answer: "あります"},
	}
	syn := "console: 管理画面, 管理ポータル, 管理コンソール, admin console\nlanguage: 言語, language\n"
	q := Query{Text: "Can the admin console language be changed?"}
	if b := New(es, DefaultConfig()).Match(q).Best(); b != nil {
		t.Errorf("without synonyms: best %s, want nothing", b.Entry.ID)
	}
	if b := New(es, DefaultConfig().WithSynonyms(syn)).Match(q).Best(); b == nil || b.Entry.ID != "console-lang" {
		t.Errorf("with synonyms: best %v, want console-lang", b)
	}
	q = Query{Text: "管理ポータルの表示言語は変更できますか"}
	without, with := New(es, DefaultConfig()).Match(q), New(es, DefaultConfig().WithSynonyms(syn)).Match(q)
	if with.Confidence <= without.Confidence {
		t.Errorf("synonyms did not raise confidence: %.3f -> %.3f", without.Confidence, with.Confidence)
	}
}

// A slash joins words (IDS/IPS, 24/7, tags/metadata): each side is a
// token of its own, so "IDS" meets "IDS/IPS" and "24 x 7" meets "24/7".
func TestSlashSeparatesWords(t *testing.T) {
	s := "ids/ips 24/7 tags/metadata de-provision"
	var got []string
	textTokens(s, func(_ token, _ float64, i, j int) { got = append(got, s[i:j]) })
	if want := []string{"ids", "ips", "24", "7", "tags", "metadata", "de-provision"}; !slices.Equal(got, want) {
		t.Errorf("ranges %q, want %q", got, want)
	}
	es := []*corpus.Entry{
		{ID: "ids", Question: "Do you run IDS/IPS on the network?", Answer: "Yes"},
		{ID: "waf", Question: "Do you run a web application firewall?", Answer: "Yes"},
	}
	if b := New(es, DefaultConfig()).Match(Query{Text: "Is an IDS deployed?"}).Best(); b == nil || b.Entry.ID != "ids" {
		t.Errorf("IDS against IDS/IPS: best %v, want ids", b)
	}
}

func TestWordPairs(t *testing.T) {
	tests := []struct {
		p    string
		want []string
	}{
		{"are physical security perimeters maintained", []string{"physic secur", "secur perimet", "perimet maintain"}},
		{"access to customer data", []string{"access custom", "custom data"}},        // stop words skipped
		{"multi-factor for ids/ips", []string{"multi factor", "factor id", "id ip"}}, // hyphen and slash separate
		{"logs, backups. keys", nil},                          // punctuation ends a run
		{"ログの保存 retention period", []string{"retent period"}}, // kana and kanji end a run
		{"backups", nil},
	}
	for _, tt := range tests {
		got := slices.Sorted(maps.Keys(wordPairs(tt.p)))
		want := slices.Sorted(slices.Values(tt.want))
		if !slices.Equal(got, want) {
			t.Errorf("wordPairs(%q) = %q, want %q", tt.p, got, want)
		}
	}
}

// Of two wordings close in score, the one that keeps the query's words
// together ranks first; a wide gap is not closed.
func TestRankByPairs(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "gates", Question: "Are perimeter gates checked by physical security staff?", Answer: "Yes, weekly"},
		{ID: "perimeter", Question: "Are physical security perimeters in place?", Answer: "Yes, fences and guards"},
	}
	ix := New(es, DefaultConfig())
	q := question.Prepare("Do you implement physical security perimeters such as fences and gates?")
	for _, tt := range []struct {
		gates float64
		want  string
	}{{0.42, "perimeter"}, {0.50, "gates"}} {
		cands := []Candidate{{Entry: es[0], Score: tt.gates, Wording: es[0].Question}, {Entry: es[1], Score: 0.40, Wording: es[1].Question}}
		if !ix.rankByPairs(q, cands, Query{}) {
			t.Fatal("the query has word pairs")
		}
		if cands[0].Entry.ID != tt.want {
			t.Errorf("gates at %.2f against 0.40: first %s (pairs %.2f, %.2f), want %s", tt.gates, cands[0].Entry.ID, cands[0].pairs, cands[1].pairs, tt.want)
		}
	}
	if ix.rankByPairs(question.Prepare("バックアップ"), []Candidate{{Entry: es[0], Score: 0.5, Wording: es[0].Question}}, Query{}) {
		t.Error("a query without Latin words has no pairs")
	}
}

// The ranking hints order a sure English row too: without the hint the
// first entry is on top above the threshold; with it the second is (word
// pairs: it keeps "independent security audits" together; answers: its
// answer repeats the row), at a confidence no higher than before.
func TestHintsOrderSureEnglishRows(t *testing.T) {
	for _, tt := range []struct {
		hint          string
		off           func(*Config)
		first, second corpus.Entry
		q             string
	}{
		{"pairs", func(c *Config) { c.PairHint = 0 },
			corpus.Entry{ID: "plan", Question: "Are audits of the security programme performed by independent staff according to plans?", Answer: "Yes, by plan."},
			corpus.Entry{ID: "yearly", Question: "Are independent security audits conducted at least once a year?", Answer: "Yes, every year by an external firm."},
			"Are independent security audits performed?"},
		{"answers", func(c *Config) { c.AnswerHint = 0 },
			corpus.Entry{ID: "scan", Question: "Are vulnerability scans run on your systems?", Answer: "Yes."},
			corpus.Entry{ID: "monthly", Question: "Are scans of your systems run monthly?", Answer: "Yes, an external service scans our systems for vulnerabilities every month."},
			"Do you scan your systems for vulnerabilities?"},
	} {
		es := []*corpus.Entry{&tt.first, &tt.second,
			{ID: "x", Question: "Is the data encrypted at rest?", Answer: "Yes."},
			{ID: "y", Question: "Are backups taken daily?", Answer: "Yes."}}
		off := DefaultConfig()
		tt.off(&off)
		before := New(es, off).Match(Query{Text: tt.q})
		if before.Best().Entry != &tt.first || before.Confidence < off.Threshold {
			t.Fatalf("%s off: %s at %.3f, want %s at or above %.2f (the case this test is about)", tt.hint, before.Best().Entry.ID, before.Confidence, tt.first.ID, off.Threshold)
		}
		r := New(es, DefaultConfig()).Match(Query{Text: tt.q})
		if r.Best().Entry != &tt.second || r.Confidence > before.Confidence {
			t.Errorf("%s on: %s at %.3f, want %s at most %.3f", tt.hint, r.Best().Entry.ID, r.Confidence, tt.second.ID, before.Confidence)
		}
	}
}

// The answers order a Japanese row only in doubt: on sure Japanese label
// rows they sent right fills to entries whose answers repeat the label's
// words. Here the hint would put the second entry on top, and does not run.
func TestAnswersLeaveSureJapaneseRows(t *testing.T) {
	ja := []*corpus.Entry{
		{ID: "scan", Question: "脆弱性スキャン", Answer: "はい。"},
		{ID: "do", Question: "スキャンの実施", Answer: "外部サービスでシステムの脆弱性スキャンを毎月実施しています。"},
		{ID: "x", Question: "データは暗号化していますか", Answer: "はい。"},
	}
	ix := New(ja, DefaultConfig())
	q := Query{Text: "脆弱性スキャンの実施"}
	r := ix.Match(q)
	if r.Best().Entry.ID != "scan" || r.Trace[0].Conf < ix.cfg.Threshold {
		t.Fatalf("%s with a first step of %.3f, want scan, sure", r.Best().Entry.ID, r.Trace[0].Conf)
	}
	c := slices.Clone(r.Candidates)
	ix.rankByAnswers(ix.tokenizeInto(question.Prepare(q.Text), nil, features{}), c, q)
	if c[0].Entry.ID != "do" {
		t.Errorf("the answers put %s on top, want do (so that the test shows the hint not running)", c[0].Entry.ID)
	}
}

// An English sheet whose rows mostly find nothing close in the corpus is
// one the corpus barely covers: its rows under UnfamiliarBar are held for
// review. Japanese sheets, small sheets and the setting at 0 are left
// alone.
func TestUnfamiliarSheet(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "enc", Question: "Is customer data encrypted at rest?", Answer: "Yes, with AES-256 on every volume."},
		{ID: "logs", Question: "Do you keep audit logs for a year?", Answer: "Yes, audit logs are kept for 13 months."},
		{ID: "drp", Question: "Is the disaster recovery plan tested every year?", Answer: "Yes, with a failover drill each spring."},
		{ID: "awareness", Question: "Do staff take security awareness training?", Answer: "Yes, every new hire and yearly after that."},
		{ID: "geo", Question: "Are backups copied to another region?", Answer: "Yes, to a second region nightly."},
		{ID: "bk-ja", Question: "バックアップを遠隔地に保管していますか？", Answer: "はい。大阪に保管しています。"},
		{ID: "dc-ja", Question: "データセンターの所在地はどこですか？", Answer: "東京です。"},
	}
	moderate := Query{Text: "Is customer data encrypted when stored on disk?"}
	identical := Query{Text: "Do you keep audit logs for a year?"}
	others := []Query{
		{Text: "Which data centre tier do you operate?"}, {Text: "How many staff work on the product?"},
		{Text: "Do you publish a plan for new features?"}, {Text: "Who owns the customer relationship?"},
		{Text: "Are training materials available in French?"}, {Text: "Is there a region-specific price list?"},
		{Text: "What year was the company founded?"}, {Text: "Do you keep a register of suppliers' security?"},
	}
	// Five words shared with the wording are evidence enough.
	shares := Query{Text: "Is the disaster recovery plan of the hosting operations team reviewed, approved, communicated and tested every year by management?"}
	sheet := append([]Query{moderate, identical, shares}, others...)
	off := DefaultConfig()
	off.UnfamiliarMedian = 0
	if r := New(es, off).MatchAll(sheet); !r[0].Auto || !r[1].Auto || !r[2].Auto || r[2].Confidence >= off.UnfamiliarBar {
		t.Fatalf("without the check: %.3f, %.3f and %.3f; the test needs three rows that would be filled, the third under UnfamiliarBar", r[0].Confidence, r[1].Confidence, r[2].Confidence)
	}
	ix := New(es, DefaultConfig())
	r := ix.MatchAll(sheet)
	if r[0].Auto || r[0].Why.Check != CheckUnfamiliar || !strings.Contains(r[0].Explain(), StepUnfamiliar) {
		t.Errorf("moderate row of an unfamiliar sheet: auto %v (%.3f), why %q, trace %s; want review for unfamiliar", r[0].Auto, r[0].Confidence, r[0].Why.Check, r[0].Explain())
	}
	if !r[1].Auto {
		t.Errorf("a row sure beyond UnfamiliarBar was held back: %s", r[1].Explain())
	}
	if !r[2].Auto {
		t.Errorf("a row sharing five words with its wording was held back: %s", r[2].Explain())
	}
	none := DefaultConfig()
	none.UnfamiliarWords = 0
	if r := New(es, none).MatchAll(sheet); r[2].Auto {
		t.Errorf("with UnfamiliarWords 0 the row sharing five words was filled: %s", r[2].Explain())
	}
	// Eight rows say nothing about the sheet.
	if small := ix.MatchAll(sheet[:8]); !small[0].Auto {
		t.Errorf("an eight-row sheet was judged: %s", small[0].Explain())
	}
	// A Japanese sheet as poorly matched keeps its confidence.
	ja := []Query{{Text: "取得したバックアップは遠隔地に保管していますか"}}
	for _, q := range []string{"データの形式は？", "データ移行の手順は？", "センターの営業時間は？", "保管庫の鍵の管理は？", "所在地の変更予定は？", "保管期限は？", "遠隔操作の可否は？", "データ量の上限は？", "センター見学は可能ですか？"} {
		ja = append(ja, Query{Text: q})
	}
	rj := ix.MatchAll(ja)
	for _, x := range rj[1:] {
		if b := x.Best(); b == nil || b.lexical >= 0.4 {
			t.Fatalf("the Japanese sheet needs rows with a candidate under 0.4 (none: %v): %s", x.Best() == nil, x.Explain())
		}
	}
	if !rj[0].Auto {
		t.Errorf("Japanese row held back: %s", rj[0].Explain())
	}
}

// A row in doubt is ordered by how much of it each entry's answer repeats
// too (AnswerHint): of two entries worded alike, the one whose answer
// speaks of DDoS comes first for a DDoS row; the confidence is not raised.
func TestAnswerHint(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "a-waf", Question: "攻撃への対策はありますか？", Answer: "WAFを導入しています。"},
		{ID: "b-ddos", Question: "攻撃への対策はありますか？", Answer: "DDoS対策サービスを導入しています。"},
	}
	q := Query{Text: "DDoS攻撃への対策はありますか"}
	off := DefaultConfig()
	off.AnswerHint = 0
	without, with := New(es, off).Match(q), New(es, DefaultConfig()).Match(q)
	if b := without.Best(); b == nil || b.Entry.ID != "a-waf" {
		t.Fatalf("without the hint: best %v, want a-waf (the tie goes to the first ID)", b)
	}
	if b := with.Best(); b == nil || b.Entry.ID != "b-ddos" {
		t.Errorf("with the hint: best %v, want b-ddos", b)
	}
	if with.Confidence > without.Confidence || with.Auto {
		t.Errorf("confidence %.3f (auto %v) with the hint, %.3f without: the hint must not raise it", with.Confidence, with.Auto, without.Confidence)
	}
}

// An entry answered "not applicable" fills only a near-copy of its
// question: the premise it denies (a consultant holding the data) need not
// be the reworded row's. A plain answer from the same wording is filled.
func TestInapplicableEntry(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "cons-enc", Question: "Is the data encrypted (at rest) while in the consultant's possession?", Answer: "N/A", Remarks: "We provide no consulting services."},
		{ID: "dr-plan", Question: "Do you have a documented disaster recovery plan?", Answer: "Yes, tested every spring."},
	}
	reworded := Query{Text: "Is customer data encrypted at rest?"}
	off := DefaultConfig()
	off.InapplicableBar = 0
	if r := New(es, off).MatchAll([]Query{reworded}); !r[0].Auto || r[0].Best().Entry.ID != "cons-enc" {
		t.Fatalf("without the check: %s; the test needs a reworded row that would be filled from the n/a entry", r[0].Explain())
	}
	// Each row is a sheet of its own: two rows asking for one entry are
	// rivals, which is another check.
	ix := New(es, DefaultConfig())
	if r := ix.MatchAll([]Query{reworded}); r[0].Auto || r[0].Why.Check != CheckInapplicable || !strings.Contains(r[0].Explain(), StepInapplicable) {
		t.Errorf("reworded row, n/a entry: auto %v, why %q, trace %s; want review for inapplicable", r[0].Auto, r[0].Why.Check, r[0].Explain())
	}
	if r := ix.MatchAll([]Query{{Text: "Is the data encrypted at rest while in the consultant's possession?"}}); !r[0].Auto {
		t.Errorf("near-copy of the n/a entry's question held back: %s", r[0].Explain())
	}
	if r := ix.MatchAll([]Query{{Text: "Do you have a documented disaster recovery plan?"}}); !r[0].Auto {
		t.Errorf("a plain answer held back: %s", r[0].Explain())
	}
}

// A question that does not say what it asks about is read under its
// section: 保存期間 is found whole in the wordings on logs, backups and
// footage. A question that names its section, or one found whole in one
// answer's wordings only, is read as it is.
func TestSubjectFromSection(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "log-ret", Question: "ログの保存期間は？", Answer: "1年"},
		{ID: "bk-ret", Question: "バックアップデータの保存期間を教えてください", Answer: "35日"},
		{ID: "cam-ret", Question: "監視カメラの映像の保存期間はどのくらいですか", Answer: "90日"},
		{ID: "bk-off", Question: "バックアップを遠隔地に保管していますか？", Answer: "大阪に保管"},
		{ID: "mfa", Question: "多要素認証に対応していますか？", Answer: "TOTP"},
	}
	off := DefaultConfig()
	off.Subject = false
	tests := []struct {
		q, section, want, wantOff string
		read                      bool
	}{
		{"保存期間", "バックアップ", "bk-ret", "log-ret", true},
		{"保存期間", "物理 > 監視カメラ", "cam-ret", "log-ret", true}, // the section's last part
		{"保存期間", "", "log-ret", "log-ret", false},
		{"ログの保存期間", "バックアップ", "log-ret", "log-ret", false},   // names what it asks about
		{"バックアップの保存期間", "バックアップ", "bk-ret", "bk-ret", false}, // names its section
		{"多要素認証", "バックアップ", "mfa", "mfa", true},              // a compound in one wording on another subject: read, same entry
		{"保存期間", "Backups", "log-ret", "log-ret", false},     // another language
	}
	for _, tt := range tests {
		q := Query{Text: tt.q, Section: tt.section}
		r := New(es, DefaultConfig()).Match(q)
		if b := r.Best(); b == nil || b.Entry.ID != tt.want {
			t.Errorf("%q under %q: best %v, want %s", tt.q, tt.section, b, tt.want)
		}
		if read := strings.Contains(r.Explain(), "read as"); read != tt.read {
			t.Errorf("%q under %q: trace %q, read with its section %v, want %v", tt.q, tt.section, r.Explain(), read, tt.read)
		}
		if b := New(es, off).Match(q).Best(); b == nil || b.Entry.ID != tt.wantOff {
			t.Errorf("%q under %q with subject=0: best %v, want %s", tt.q, tt.section, b, tt.wantOff)
		}
	}
}

// A label that is one compound, found whole in one wording only, on
// another subject than its section, is read under the section too.
func TestSubjectOfCompoundLabel(t *testing.T) {
	es := []*corpus.Entry{
		{ID: "cam-ret", Question: "監視カメラの映像の保存期間はどのくらいですか", Answer: "90日"},
		{ID: "log-keep", Question: "ログは一定期間保管できますか", Answer: "1年間保管します"},
	}
	ix := New(es, DefaultConfig())
	for _, tt := range []struct{ section, want string }{{"ログ", "log-keep"}, {"監視カメラ", "cam-ret"}, {"", "cam-ret"}} {
		if b := ix.Match(Query{Text: "保存期間", Section: tt.section}).Best(); b == nil || b.Entry.ID != tt.want {
			t.Errorf("保存期間 under %q: best %v, want %s", tt.section, b, tt.want)
		}
	}
}

// The same query gets the same result to the last bit on every call: sums
// over a map in its random order once made a ranking hint's share differ
// in its last digit between calls, enough to swap near-tied candidates.
func TestMatchDeterministic(t *testing.T) {
	c := sampleCorpus(t)
	ix := New(c.Entries, DefaultConfig())
	for _, q := range []string{"Is multi-factor authentication required for administrators?", "バックアップの保管期間を教えてください"} {
		first := ix.Match(Query{Text: q})
		for i := range 50 {
			if again := ix.Match(Query{Text: q}); !reflect.DeepEqual(first, again) {
				t.Fatalf("%q: call %d differs from the first", q, i+2)
			}
		}
	}
}
