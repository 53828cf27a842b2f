package textnorm

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ＡＢＣ１２３", "abc123"},
		{"ｻｰﾊﾞｰ", "サバ"},
		{"サーバー", "サバ"},
		{"サーバ", "サバ"},
		{"ウィルス", "ウイルス"},
		{"ヴァージョン", "バジョン"},
		{"ファイアウォール", "フアイアウオル"},
		{"  a \t\n b ", "a b"},
		{"①", "1"},
		{"データー", "デタ"},
		{"ー長音", "ー長音"}, // a long mark after no katakana stays
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripNumbering(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1. バックアップ", "バックアップ"},
		{"1-2. バックアップ", "バックアップ"},
		{"(3) バックアップ", "バックアップ"},
		{"q1. backup?", "backup?"},
		{"問3 バックアップ", "バックアップ"},
		{"24時間監視", "24時間監視"},
		{"iso27001", "iso27001"},
		{"3", "3"},
	}
	for _, tt := range tests {
		if got := StripNumbering(Fold(tt.in)); got != tt.want {
			t.Errorf("StripNumbering(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripEnding(t *testing.T) {
	tests := []struct{ in, want string }{
		{"バックアップを取得していますか？", "バックアップを取得"},
		{"保存期間を教えてください。", "保存期間"},
		{"UPSはありますか", "UPS"},
		{"監査は可能ですか?", "監査は可能"},
		{"か", "か"}, // too short to strip
		{"多要素認証の対応状況について、具体的にご記入ください。", "多要素認証"},
		{"ログの保存期間についてご記載願います", "ログの保存期間"},
		{"バックアップ取得の頻度について詳しくご説明ください", "バックアップ取得の頻度"},
		{"教育の実施状況をご教示ください", "教育"},
		{"監視カメラの有無", "監視カメラ"},          // a label frame
		{"バックアップの取得有無", "バックアップ"},      // the frame with its verb
		{"削除データの復元可否", "削除データの復元"},     // written onto the word
		{"SSO対応の可否を記載してください", "SSO対応"}, // a closing, then a frame
		{"の有無", "の有無"},             // nothing would be left of the topic
		{"についてご記入ください", "についてご記入"}, // nothing would be left of the ask
	}
	for _, tt := range tests {
		if got := StripEnding(Fold(tt.in)); got != Fold(tt.want) {
			t.Errorf("StripEnding(%q) = %q, want %q", tt.in, got, Fold(tt.want))
		}
	}
}

func TestKey(t *testing.T) {
	if got, want := Key(" Vendor  Answer(s) "), "vendoranswers"; got != want {
		t.Errorf("Key = %q, want %q", got, want)
	}
	if got, want := Key("回　答"), "回答"; got != want {
		t.Errorf("Key = %q, want %q", got, want)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"サーバー", "ｻｰﾊﾞｰ", "1-2. Q?", "ヴ", "\xff\xfe", "ーーー", "状況について、具体的にご記入ください", "をご記入ください", "ログ（ＩＤ）は？　１年"} {
		f.Add(s)
	}
	for _, s := range []string{"  Do YOU\tkeep\r\n LOGS?  ", "A-B / C_D", "\v\f", "x\x00y", "~Z@[`{"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(a) {
			t.Fatalf("Fold(%q) produced invalid UTF-8", s)
		}
		// The ASCII fast path folds as the general one does.
		if _, ok := foldASCII(s); ok {
			slow := foldOnce(s)
			for i := 0; i < 4 && !norm.NFKC.IsNormalString(slow); i++ {
				slow = foldOnce(slow)
			}
			if a != slow {
				t.Fatalf("Fold(%q) = %q, the general path gives %q", s, a, slow)
			}
		}
		// The full-width fast path is NFKC where it applies.
		if n, ok := narrowPlain(s); ok && utf8.ValidString(s) && n != norm.NFKC.String(s) {
			t.Fatalf("narrowPlain(%q) = %q, NFKC gives %q", s, n, norm.NFKC.String(s))
		}
		// Folding is idempotent: a folded string is already canonical.
		if b := Fold(a); b != a {
			t.Fatalf("Fold not idempotent: %q -> %q -> %q", s, a, b)
		}
		// Stripping only ever removes a prefix or a suffix.
		n := StripNumbering(a)
		if !strings.HasSuffix(a, n) {
			t.Fatalf("StripNumbering(%q) = %q is not a suffix", a, n)
		}
		if e := StripEnding(n); !strings.HasPrefix(n, e) {
			t.Fatalf("StripEnding(%q) = %q is not a prefix", n, e)
		}
		_ = Key(s)
	})
}

// Okurigana variants of one word fold to one spelling, and folding twice
// changes nothing even where a replacement leaves a new variant behind.
func TestOkurigana(t *testing.T) {
	for _, group := range [][]string{
		{"個人情報の取り扱い", "個人情報の取扱い", "個人情報の取扱"},
		{"機器の持ち込み", "機器の持込み", "機器の持込"},
		{"監査の受け入れ", "監査の受入れ", "監査の受入"},
		{"お問い合わせ窓口", "お問合せ窓口", "お問い合せ窓口", "お問合わせ窓口"},
		{"情報漏洩", "情報漏えい"},
		{"ログの改竄検知", "ログの改ざん検知"},
		{"脆弱性診断", "ぜい弱性診断"},
		{"サービスの逼迫", "サービスのひっ迫"},
		{"運用管理規程", "運用管理規定"},
	} {
		want := Fold(group[0])
		for _, s := range group[1:] {
			if got := Fold(s); got != want {
				t.Errorf("Fold(%q) = %q, want %q (as %q)", s, got, want, group[0])
			}
		}
	}
	for _, s := range []string{"持ち込みみ", "取り扱いい", "立ち入りり", "規定定", "規程規定"} {
		if once, twice := Fold(s), Fold(Fold(s)); once != twice {
			t.Errorf("Fold not idempotent on %q: %q then %q", s, once, twice)
		}
	}
}

func TestOriginal(t *testing.T) {
	tests := []struct{ orig, want string }{
		{"パスワードのルールを定めていますか", "ルール"},
		{"サーバーの冗長化", "サーバー"},
		{"ログの取得頻度を教えてください", "取得頻度"},
		{"How often are ACCESS rights reviewed?", "ACCESS"},
	}
	for _, tt := range tests {
		if got := Original(tt.orig, Fold(tt.want)); got != tt.want {
			t.Errorf("Original(%q, %q) = %q, want %q", tt.orig, Fold(tt.want), got, tt.want)
		}
	}
	if got := Original("no such word", "ルル"); got != "ルル" {
		t.Errorf("no match: %q", got)
	}
}

// A label-style row (項目 | 内容 joined) opens with an item name: a short
// compound, then a phrase in Japanese with a verb or particle.
func TestItemName(t *testing.T) {
	tests := []struct{ q, want string }{
		{"データのバックアップ 取得の有無と頻度", "データのバックアップ"},
		{"特権IDの棚卸 管理者権限を持つIDの定期的な見直し", "特権IDの棚卸"},
		{"DDoS対策 大量の通信による攻撃への備え", "DDoS対策"},
		{"計画停止\n定期メンテナンスの頻度と事前通知の時期を記載してください", "計画停止"}, // the reader joins the cells with a newline
		{"接続元 IP アドレスの制限は可能ですか", ""},                   // the phrase starts in Latin: one sentence spaced
		{"特権 ID の利用者は限定されていますか", ""},                   // so does this
		{"外部記憶媒体 USBメモリ等の利用制限", ""},                    // no verb or particle after it: a noun phrase
		{"サーバの 時刻同期", ""},                              // a name ends in a compound
		{"鍵 管理しているか", ""},                              // one character is no name
		{"情報セキュリティ管理体制の整備と運用状況の定期的な確認 内容", ""},         // too long for a name
		{"Access control: are accounts reviewed", ""},
		{"バックアップ", ""},
	}
	for _, tt := range tests {
		p := Fold(tt.q)
		want := tt.want
		if want != "" {
			want = Fold(want)
		}
		if got := ItemName(p); got != want {
			t.Errorf("ItemName(%q) = %q (folded %q), want %q", tt.q, got, p, want)
		}
	}
}

func TestScriptOf(t *testing.T) {
	tests := []struct {
		s    string
		min  int
		want Script
	}{
		{"はい。サイバー保険に加入しています。", 2, ScriptJapanese},
		{"Yes, with a limit of USD 5 million.", 2, ScriptEnglish},
		{"Yes", 2, ScriptNone}, // a bare Yes fits a Japanese sheet too
		{"Yes, annually.", 2, ScriptEnglish},
		{"Is MFA enforced?", 1, ScriptEnglish},
		{"ISO/IEC27001:2013", 1, ScriptNone}, // a code fits either language
		{"99.9%", 1, ScriptNone},
		{"SSO", 1, ScriptNone},
		{"SAML連携によるSSO", 1, ScriptJapanese},
		{"", 1, ScriptNone},
	}
	for _, tt := range tests {
		if got := ScriptOf(tt.s, tt.min); got != tt.want {
			t.Errorf("ScriptOf(%q, %d) = %v, want %v", tt.s, tt.min, got, tt.want)
		}
	}
}

// TestNarrowPlain: narrowPlain gives what NFKC gives, character by
// character over full-width ASCII and the ideographic space, and for text
// mixing them with plain characters; it refuses text NFKC must see.
func TestNarrowPlain(t *testing.T) {
	wide := []rune{0x3000}
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		wide = append(wide, r)
	}
	for _, r := range wide {
		got, ok := narrowPlain(string(r))
		if want := norm.NFKC.String(string(r)); !ok || got != want {
			t.Fatalf("narrowPlain(%U) = %q, %v; NFKC gives %q", r, got, ok, want)
		}
	}
	plain := []rune{'a', 'Z', '1', ' ', '?', '、', '「', '〜', 'あ', 'ゖ', 'ア', 'ー', '・', '漢', '鿿'}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			if rng.IntN(2) == 0 {
				b.WriteRune(wide[rng.IntN(len(wide))])
			} else {
				b.WriteRune(plain[rng.IntN(len(plain))])
			}
		}
		s := b.String()
		got, ok := narrowPlain(s)
		if want := norm.NFKC.String(s); !ok || got != want {
			t.Fatalf("narrowPlain(%q) = %q, %v; NFKC gives %q", s, got, ok, want)
		}
	}
	for _, s := range []string{"ﾊﾞ", "①", "か\u3099", "ｶ", "…", "￥", "⦅"} {
		if _, ok := narrowPlain(s); ok {
			t.Errorf("narrowPlain(%q) accepted", s)
		}
	}
}

// TestPlainRunes: every character plainRunes accepts is in NFKC form
// alone and starts a segment (it composes or reorders with nothing before
// it), so any text of them is in NFKC form, and Fold may skip the check.
func TestPlainRunes(t *testing.T) {
	accepted := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		if !utf8.ValidRune(r) || !plainRunes(s) {
			continue
		}
		accepted++
		p := norm.NFKC.PropertiesString(s)
		if !norm.NFKC.IsNormalString(s) || !p.BoundaryBefore() || p.CCC() != 0 {
			t.Fatalf("plainRunes accepts %U, which NFKC can change or combine", r)
		}
	}
	if accepted < 20000 {
		t.Errorf("plainRunes accepts %d characters; the ranges are not what they say", accepted)
	}
	for _, s := range []string{"か\u3099", "e\u0301", "ﾊﾞ", "\u00a0", "ｶ", "①", "\u3000", "〶"} {
		if plainRunes(s) {
			t.Errorf("plainRunes(%q) = true", s)
		}
	}
}
