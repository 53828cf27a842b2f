package question

import (
	"testing"
	"unicode/utf8"

	"github.com/qfill/qfill/pkg/textnorm"
)

// The way a sheet addresses the vendor (貴社, 御社サービスにおける) is not
// part of the ask.
func TestPrepareDropsAddressee(t *testing.T) {
	tests := []struct{ in, want string }{
		{"貴社サービスにおける多要素認証の対応状況について、具体的にご記入ください。", "多要素認証"},
		{"御社のデータセンターの所在地を教えてください", "データセンターの所在地"},
		{"当該サービスにおいてログを取得していますか", "ログを取得"},
		{"社内のログを取得していますか", "社内のログを取得"},
	}
	for _, tt := range tests {
		if got := Prepare(tt.in); got != textnorm.Fold(tt.want) {
			t.Errorf("Prepare(%q) = %q, want %q", tt.in, got, textnorm.Fold(tt.want))
		}
	}
}

// The head is the noun that ends the question once its closing, trailing
// kana and a bracketed aside are gone; light predicates and frame nouns
// (実施, 可能, 仕組み, 方法) step back to the noun before them. A query that
// is one compound has none.
func TestAskHead(t *testing.T) {
	tests := []struct{ q, want string }{
		{"個人情報保護管理者の連絡先", "連絡先"},
		{"計画停止の頻度", "頻度"},
		{"ペネトレーションテストの結果の開示", "開示"},
		{"アクセス制御、認証（基盤システム）", "認証"},
		{"データベースに格納されたデータは暗号化されていますか？", "暗号化"},
		{"社員への個人情報保護研修を実施していますか", "個人情報保護研修"},
		{"電話での問い合わせは可能ですか", "問合"},
		{"ログを改ざんから守る仕組みはありますか", ""},                    // 守る: a verb, one kanji
		{"バックアップ媒体の搬送方法を教えてください", "搬送方法"},              // 方法 is light only as a word of its own
		{"障害報告書のサンプルを提供できますか", "サンプル"},                 // 提供: handing over
		{"パスワードの有効期限の設定", "有効期限"},                      // 設定: configuring
		{"ログを証拠として使えるよう、各機器の時刻同期は正しく行われていますか", "時刻同期"}, // 行われ, 正しく: light
		{"バックアップデータの復元テストを定期的に行っていますか", "復元テスト"},
		{"ISO27001の認証を受けていますか", "認証"},
		{"DDoS攻撃を受けた場合の対策を講じていますか", "対策"},
		{"サーバ室の消火設備は何ですか", "消火設備"},
		{"データセンターの運用責任者を任命していますか", "運用責任者"},    // 任命: light
		{"内部監査を定期的に行っていますか", ""},               // one compound once the light words go
		{"本番環境とテスト環境は分けられていますか", ""},           // 分け: the ask, not listed
		{"テストに本番環境の顧客情報を使用することはありますか", "顧客情報"}, // 使用 like 利用
		{"顧客の本番データを開発・テスト環境で利用していますか", "本番デタ"}, // the object, not the place (で)
		{"本番データを開発環境で利用していますか", ""},            // the object alone: one compound
		{"電源設備", ""}, // one compound: its topic is its head
		{"火災対策", ""},
		{"Is a whistleblower policy established?", ""}, // a light participle
		{"Is the information security policy published to customers?", "published"},
		{"Are encryption keys stored in an HSM?", "stored"},
		{"Is stored data encrypted?", "encrypted"}, // stored data: the subject
		{"Is an incident response plan established, documented, approved, tested and maintained?", ""},
		{"Do you maintain a disaster recovery plan?", ""}, // a light verb
		{"Do you share your business continuity plans with your tenants?", "share"},
		{"Do you physically and logically separate customer data?", "separate"},
		{"Does the vendor encrypt customer data at rest?", "encrypt"},
		{"Does our data leave the country?", ""}, // not the vendor's doing
		{"How often do you review user access privileges?", "review"},
		{"How long do you keep audit logs?", ""},                       // keep: light
		{"Are data retention practices defined and followed?", ""},     // light participles
		{"How often are user access privileges reviewed?", "reviewed"}, // a passive after a question word
		{"In which country is our data stored?", "stored"},
		{"How is our data handled when the contract ends?", ""}, // handled: light
		{"Is a WAF deployed in front of the application?", ""},  // deployed: light
		{"定期メンテナンスの頻度と事前通知の時期を記載してください", "時期"},
		{"接続元 IP アドレスの制限は可能ですか", "制限"}, // a space is no sentence break
		{"", ""},
	}
	for _, tt := range tests {
		p := Prepare(tt.q)
		if got := spanText(p, Head); got != tt.want {
			t.Errorf("Head(%q) = %q (prepared %q), want %q", tt.q, got, p, tt.want)
		}
	}
}

// A question that asks two things (Aの頻度とBの時期) is answered by a
// wording that names either head.
func TestCoordinateHead(t *testing.T) {
	tests := []struct{ q, want string }{
		{"定期メンテナンスの頻度と事前通知の時期を記載してください", "頻度"},
		{"不正侵入を検知・防止する仕組みはありますか", "検知"},
		{"アクセス制御、認証", ""}, // アクセス制御 is one compound at the start
		{"個人情報保護管理者の連絡先", ""},
	}
	for _, tt := range tests {
		p := Prepare(tt.q)
		got := ""
		if s, _, ok := Head(p); ok {
			if cs, ce, ok := Coordinate(p, s); ok {
				got = p[cs:ce]
			}
		}
		if got != tt.want {
			t.Errorf("Coordinate(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

// A compound head's last word is what it is: 設置台数 a number, 報告期限
// a deadline. Frame nouns at the end are dropped, and a suffix such as 数
// keeps the word before it.
func TestOtherTail(t *testing.T) {
	for _, tt := range []struct {
		wording, stem string
		want          bool
	}{
		{"バックアップの保管期間は", "保管", true},
		{"監視カメラは設置されていますか", "設置", false},
		{"保管は", "保管", false},
		{"保管と保管期間", "保管", true}, // the second occurrence
		{"保管", "保存", false},
	} {
		if got := OtherTail(Prepare(tt.wording), tt.stem); got != tt.want {
			t.Errorf("OtherTail(%q, %q) = %v, want %v", tt.wording, tt.stem, got, tt.want)
		}
	}
}

func TestHeadTail(t *testing.T) {
	tests := []struct{ head, want string }{
		{"設置台数", "置台数"},
		{"報告期限", "期限"},
		{"保存世代数", "世代数"},
		{"連絡方法", "連絡"}, // the frame noun 方法 dropped
		{"ロック機能", "ロック"},
		{"受付時間", "時間"},
		{"実施率", "施率"},  // a light predicate's measure: the suffix is the ask
		{"暗号化", "暗号化"}, // short: whole
		{"世代数", "世代数"},
	}
	for _, tt := range tests {
		s, e := Tail(tt.head, 0, len(tt.head))
		if got := tt.head[s:e]; got != tt.want {
			t.Errorf("Tail(%q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}

func FuzzAskHead(f *testing.F) {
	for _, s := range []string{"計画停止の頻度", "（センターシステム）", "a(b", "の)", "実施", "\xff可能", "研修を実施しています", "火災対策", "対策対策", "操作マニュアルの提供", "How often?", "where\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p := Prepare(s)
		if ts, te, ok := CompoundTail(p); ok && (ts < 0 || te > len(p) || ts >= te || !utf8.ValidString(p[ts:te])) {
			t.Fatalf("%q: compound tail [%d,%d) outside the prepared text %q", s, ts, te, p)
		}
		st, e, ok := Head(p)
		if ok && (st <= 0 || e > len(p) || st >= e) {
			t.Fatalf("%q: head [%d,%d) outside the prepared text %q", s, st, e, p)
		}
		if ok {
			if cs, ce, ok := Coordinate(p, st); ok && (cs <= 0 || ce > st || cs >= ce) {
				t.Fatalf("%q: coordinate head [%d,%d) not before the head at %d in %q", s, cs, ce, st, p)
			}
			if ts, te := Tail(p, st, e); ts < st || te > e || ts >= te {
				t.Fatalf("%q: tail [%d,%d) outside the head [%d,%d) of %q", s, ts, te, st, e, p)
			}
		}
		// The measure a question asks is a word of it, or a Japanese
		// measure word for an English question.
		if m := Measure(s); m != "" && !utf8.ValidString(m) {
			t.Fatalf("%q: measure %q is no text", s, m)
		}
	})
}

func TestCompoundTail(t *testing.T) {
	tests := []struct{ q, want string }{
		{"電源設備", "設備"},
		{"非常用電源", "電源"},
		{"操作マニュアルの提供", "マニュアル"}, // 提供 is light; a katakana word ends it
		{"対応ブラウザ", "ブラウザ"},
		{"緊急連絡体制の整備", "連絡"},          // 体制 is a frame noun, stepped over like 整備
		{"月間稼働率（保証値）", "稼働率"},        // a suffix keeps three characters
		{"マルウェア対策を講じているか。", "マルウエア"}, // 対策 frames its topic (folded ェ)
		{"火災対策", "火災"},
		{"監視設備", "設備"},        // surveillance equipment, not monitoring
		{"バックアップ", ""},        // the compound is one word
		{"個人情報保護管理者の連絡先", ""}, // has a head: Head's case
		{"Do you maintain a disaster recovery plan?", ""},
		{"", ""},
	}
	for _, tt := range tests {
		p := Prepare(tt.q)
		if got := spanText(p, CompoundTail); got != tt.want {
			t.Errorf("CompoundTail(%q) = %q (prepared %q), want %q", tt.q, got, p, tt.want)
		}
	}
}

func TestCustomerOwned(t *testing.T) {
	tests := []struct{ q, want string }{
		{"In which region is our data stored?", "in which region is customer data stored"},
		{"How is institutional data disposed of?", "how is customer data disposed of"},
		{"Can you access our data centers?", "can you access our data centers"}, // the vendor's, not the customer's data
		{"Is client information encrypted?", "is customer information encrypted"},
		{"Is stored data encrypted?", "is stored data encrypted"},
	}
	for _, tt := range tests {
		if got := Prepare(tt.q); got != tt.want {
			t.Errorf("Prepare(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func spanText(p string, f func(string) (int, int, bool)) string {
	if s, e, ok := f(p); ok {
		return p[s:e]
	}
	return ""
}

// The agent of an English passive ("by an external party") is part of
// the ask.
func TestAgent(t *testing.T) {
	tests := []struct{ q, agent string }{
		{"Is the security policy reviewed by an external party?", "an external party"},
		{"Are non-disclosure agreements signed by all personnel before access?", "all personnel"},
		{"Is data encrypted at rest?", ""},
		{"Is the plan approved by management on a yearly basis?", "management"},
	}
	for _, tt := range tests {
		p := Prepare(tt.q)
		got := ""
		if _, e, ok := Head(p); ok {
			if s, t2, ok := Agent(p, e); ok {
				got = p[s:t2]
			}
		}
		if got != tt.agent {
			t.Errorf("agent of %q = %q, want %q", tt.q, got, tt.agent)
		}
	}
}

// A compound's last word that names a measure (件数, 期間) is an ask; a
// frame (設備, 対策) is not.
func TestIsMeasure(t *testing.T) {
	for tail, want := range map[string]bool{"生件数": true, "期間": true, "設備": false, "対策": false, "稼働率": true} {
		if got := IsMeasure(tail); got != want {
			t.Errorf("IsMeasure(%q) = %v, want %v", tail, got, want)
		}
	}
}

// A question asks for a value where a question word or a measure head
// says so; a yes/no question does not.
func TestMeasure(t *testing.T) {
	for _, tt := range []struct{ q, want string }{
		{"バックアップの取得頻度を教えてください。", "得頻度"}, // the tail StatesMeasure reads by its end
		{"バックアップを取得していますか", ""},
		{"How often is the policy reviewed?", "頻度"},
		{"At what interval are logs reviewed?", "頻度"},
		{"How long are logs retained?", "期間"},
		{"Within how many days are patches applied?", "期間"},
		{"How many failed attempts lock an account?", "数"},
		{"Where is customer data hosted?", "場所"},
		{"In which country is the company based?", "場所"},
		{"Are backups kept in another location?", ""}, // asks yes or no
		{"Which protocols are supported?", ""},
	} {
		if got := Measure(tt.q); got != tt.want {
			t.Errorf("Measure(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestAsksForValue(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want bool
	}{
		{"情報セキュリティの責任者は誰ですか（役職）", true},
		{"脆弱性診断の実施頻度", true},
		{"監視カメラの設置台数を教えてください", true},
		{"消火設備の方式は何ですか", true},
		{"How often are backups taken?", true},
		{"上記の実施頻度を記載してください。脆弱性診断を実施していますか", true}, // a follow-up: its own sentence
		{"脆弱性診断を実施していますか", false},
		{"脆弱性診断を実施しているかどうかを教えてください", false}, // whether: yes or no
		{"何らかの不正侵入対策を講じていますか", false},
		{"問い合わせはいつでも受け付けていますか", false},
		{"ログを何か月保存していますか", true}, // how many months
		{"何か対策はありますか", false},
		{"Do you have a policy that describes how data is handled?", false}, // "how" further on
		{"監視カメラを設置していますか。上記の台数を記載してください", false},                            // the first sentence asks yes or no
		{"", false},
	} {
		if got := AsksForValue(tt.q); got != tt.want {
			t.Errorf("AsksForValue(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}
