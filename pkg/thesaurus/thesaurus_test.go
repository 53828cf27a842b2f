package thesaurus

import (
	"slices"
	"testing"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/textnorm"
)

func TestThesaurusParse(t *testing.T) {
	th := Parse("# c\nfoo: ids, 冗長化\nbroken line\n")
	if got := th.Concepts("provides"); len(got) != 0 {
		t.Errorf("English term matched inside a word: %v", got)
	}
	if got := th.Concepts("we run ids here"); len(got) != 1 {
		t.Errorf("whole word not matched: %v", got)
	}
	if got := th.Concepts("サーバの冗長化"); len(got) != 1 {
		t.Errorf("japanese substring not matched: %v", got)
	}
	if _, err := corpus.ParseSynonyms(thesaurusText); err != nil {
		t.Errorf("built-in thesaurus: %v", err)
	}
	if len(Default().concepts) < 50 {
		t.Errorf("built-in thesaurus has %d concepts", len(Default().concepts))
	}
}

// spanNames lists the terms th finds in s as concept=text.
func spanNames(th *Thesaurus, s string) []string {
	var out []string
	for _, sp := range th.Spans(s) {
		out = append(out, th.Name(sp.Concept)+"="+s[sp.Start:sp.End])
	}
	return out
}

// A vendor's synonyms file adds concepts and extends built-in ones,
// without changing the built-in thesaurus other indexes use.
func TestThesaurusWith(t *testing.T) {
	base := Default()
	th := base.With("# vendor terms\nredundancy: デュアル構成\nconsole: 管理画面, 管理ポータル, admin console\n")
	if got := th.Concepts(textnorm.Fold("デュアル構成のサーバ")); !slices.Equal(got, []string{"redundancy"}) {
		t.Errorf("term added to a built-in concept: concepts %v", got)
	}
	if got := th.Concepts(textnorm.Fold("Admin Console")); !slices.Equal(got, []string{"console"}) {
		t.Errorf("new concept: concepts %v", got)
	}
	if got := base.Concepts(textnorm.Fold("デュアル構成")); len(got) != 0 {
		t.Errorf("built-in thesaurus changed: %v", got)
	}
	if len(th.concepts) != len(base.concepts)+1 {
		t.Errorf("%d concepts, want %d (one new, one merged)", len(th.concepts), len(base.concepts)+1)
	}

}

// A compound term also matches its words joined by の, を or が, and the
// span found is the text's own (particle included); a particle after
// hiragana, or beside Latin words, joins nothing.
func TestThesaurusBridgesParticles(t *testing.T) {
	th := Parse("timesync: 時刻同期\nterminate: サービス終了\nlog: 操作記録\nlockout: アカウントロック\nrestrict: ip制限\n")
	tests := []struct {
		text string
		want []string // concept=span
	}{
		{"時刻同期していますか", []string{"timesync=時刻同期"}},
		{"時刻の同期をしていますか", []string{"timesync=時刻の同期"}},
		{"サービスを終了する場合", []string{"terminate=サービスを終了"}},
		{"利用者の操作が記録されますか", []string{"log=操作が記録"}},
		{"アカウントをロックしますか", []string{"lockout=アカウントをロック"}},
		{"ipの制限", nil},  // Latin before the particle: not a compound
		{"ときの同期", nil},  // hiragana before it
		{"時刻の、同期", nil}, // punctuation between
		{"時刻のの同期", nil}, // two particles are not one
	}
	for _, tc := range tests {
		got := spanNames(th, textnorm.Fold(tc.text))
		for i := range tc.want {
			tc.want[i] = textnorm.Fold(tc.want[i]) // サービス is folded to サビス
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: spans %q, want %q", tc.text, got, tc.want)
		}
	}
}

// A "!term" keeps its concept's other terms from counting inside it: ログ
// is a log, but ログイン is a sign-in, not a log.
func TestThesaurusExclusions(t *testing.T) {
	th := Parse("log: ログ, ログイン履歴, !ログイン, log, !log in\nauth: ログイン, log in\n")
	tests := []struct {
		text string
		want []string
	}{
		{"操作ログを取得", []string{"log=ログ"}},
		{"ログインできますか", []string{"auth=ログイン"}},
		{"ログイン履歴を確認", []string{"auth=ログイン", "log=ログイン履歴"}},
		{"how to log in", []string{"auth=log in"}},
		{"log retention", []string{"log=log"}},
	}
	for _, tc := range tests {
		got := spanNames(th, textnorm.Fold(tc.text))
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: spans %q, want %q", tc.text, got, tc.want)
		}
	}
	// The built-in thesaurus: katakana words that merely contain ログ are
	// not logs; response time, not incident response; a customer ending
	// its contract (terminate), not the vendor ending the service
	// (discontinue).
	for _, tc := range []struct {
		text, concept string
		want          bool
	}{
		{"ログインできますか", "log", false},
		{"修正プログラムを適用", "log", false},
		{"製品カタログ", "log", false},
		{"自動ログアウト", "log", false},
		{"how do users log in", "log", false},
		{"アクセスログ", "log", true},
		{"ログイン履歴", "log", true},
		{"ログを取得", "log", true},
		{"audit logs", "log", true},
		{"オンライン画面のレスポンス", "response", true},
		{"インシデントレスポンスの体制", "response", false},
		{"解約予告期間", "terminate", true},
		{"解約予告期間", "discontinue", false},
		{"サービス終了の予告期間", "discontinue", true},
		{"サービス終了の予告期間", "terminate", false},
		{"サービス終了の予告期間", "notice", true},
		{"which events are logged?", "log", true},
		{"how many users logged in", "log", false},
		{"is sso supported?", "support", false},
		{"which sub-processors do you use?", "subcontract", true},
	} {
		if got := Default().Concepts(textnorm.Fold(tc.text)); slices.Contains(got, tc.concept) != tc.want {
			t.Errorf("%s: concepts %v, want %s in them: %v", tc.text, got, tc.concept, tc.want)
		}
	}
}

// Whatever the text, every term span the thesaurus reports lies inside it
// and spells a term or, bridged, a term with particles.
func FuzzThesaurusSpans(f *testing.F) {
	for _, s := range []string{"時刻の同期をしていますか", "ログイン履歴", "サービスを終了する", "の", "時刻の\xff同期", "ログのの", "修正プログラム"} {
		f.Add(s)
	}
	th := Default()
	f.Fuzz(func(t *testing.T, s string) {
		for _, sp := range th.Spans(s) {
			if sp.Start < 0 || sp.End > len(s) || sp.Start >= sp.End {
				t.Fatalf("%q: span [%d,%d) outside the text", s, sp.Start, sp.End)
			}
		}
		th.Concepts(s)
	})
}

// A whole-word term is not found inside another word ("id" in "idle"); a
// regular inflection (scanned, scans) is the same word, one that is not
// (scanner) is another.
func TestLatinTerms(t *testing.T) {
	th := Parse("red: 二重化, 冗長化\nmfa: mfa, 多要素認証\nid: id\nscan: scan\n")
	s := "ab サーバ二重化 mfa 12 idle scanned, scans scanner"
	if spans, want := spanNames(th, s), []string{"red=二重化", "mfa=mfa", "scan=scanned", "scan=scans"}; !slices.Equal(spans, want) {
		t.Errorf("spans %q, want %q", spans, want)
	}
}

// Latin terms are looked up by their first two bytes: a one-byte term
// matches whatever follows it (a space, the end, a non-ASCII character),
// and a longer one before a non-ASCII character or at the end too.
func TestLatinTermKeys(t *testing.T) {
	th := Parse("x: x\nab: ab\nabc: abc def\n")
	for _, c := range []struct {
		text string
		want []string
	}{
		{"x", []string{"x=x"}},
		{"x-ray", []string{"x=x"}},
		{"x線", []string{"x=x"}},
		{"xy", nil},
		{"ab", []string{"ab=ab"}},
		{"ab対応", []string{"ab=ab"}},
		{"abx", nil},
		{"use abc def and x", []string{"abc=abc def", "x=x"}},
		{"(ab)", []string{"ab=ab"}},
	} {
		if got := spanNames(th, c.text); !slices.Equal(got, c.want) {
			t.Errorf("%q: spans %q, want %q", c.text, got, c.want)
		}
	}
}
