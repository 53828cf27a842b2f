package corpus

import "testing"

func TestPickChoice(t *testing.T) {
	tests := []struct {
		allowed []string
		c       Choice
		want    string
		ok      bool
	}{
		{[]string{"はい", "いいえ", "該当なし"}, ChoiceYes, "はい", true},
		{[]string{"はい", "いいえ", "該当なし"}, ChoiceNA, "該当なし", true},
		{[]string{"Yes", "No", "N/A"}, ChoiceNo, "No", true},
		{[]string{"Yes", "No", "NA"}, ChoiceNA, "NA", true},
		{[]string{"○", "×", "－"}, ChoiceNA, "－", true},
		{[]string{"有", "無"}, ChoiceYes, "有", true},
		{[]string{"対応済", "未対応"}, ChoiceNo, "未対応", true},
		{[]string{"1) Yes", "2) No", "3) Both modes available", "4) N/A"}, ChoiceYes, "1) Yes", true},
		{[]string{"Pass", "Fail", "N/A"}, ChoiceYes, "Pass", true},
		// A value glossed by the same value.
		{[]string{"○（対応済み）", "△（一部対応）", "×（未対応）", "－（対象外）"}, ChoiceYes, "○（対応済み）", true},
		{[]string{"○（対応済み）", "△（一部対応）", "×（未対応）", "－（対象外）"}, ChoiceNA, "－（対象外）", true},
		{[]string{"はい：実施している", "いいえ：実施していない"}, ChoiceNo, "いいえ：実施していない", true},
		{[]string{"Yes (Y)", "No (N)", "Not applicable (N/A)"}, ChoiceNA, "Not applicable (N/A)", true},
		{[]string{"実施している", "一部実施", "実施していない", "該当しない"}, ChoiceNA, "該当しない", true},
		{[]string{"対応可", "対応不可", "該当なし"}, ChoiceYes, "対応可", true},
		{[]string{"対応可", "対応不可", "該当なし"}, ChoiceNo, "対応不可", true},
		{[]string{"Compliant", "Non-Compliant", "Not Applicable"}, ChoiceNo, "Non-Compliant", true},
		{[]string{"適", "否", "該当なし"}, ChoiceYes, "適", true},
		{[]string{"適", "否", "該当なし"}, ChoiceNo, "否", true},
		{[]string{"Implemented", "Not Implemented", "Planned", "Not Applicable"}, ChoiceYes, "Implemented", true},
		{[]string{"Implemented", "Not Implemented", "Planned", "Not Applicable"}, ChoiceNo, "Not Implemented", true},
		{[]string{"A：対応している", "B：一部対応", "C：対応していない"}, ChoiceYes, "A：対応している", true},
		{[]string{"A：対応している", "B：一部対応", "C：対応していない"}, ChoiceNo, "C：対応していない", true},
		// A gloss that qualifies the value is no plain answer.
		{[]string{"はい（一部）", "いいえ"}, ChoiceYes, "", false},
		{[]string{"Yes (for some applications)", "No"}, ChoiceYes, "", false},
		// Several kinds of yes: no single plain answer, so review.
		{[]string{"No", "Yes, for some applications", "Yes, for most"}, ChoiceYes, "", false},
		{[]string{"Tier I", "Tier II"}, ChoiceYes, "", false},
		{[]string{"Yes", "No"}, ChoiceNA, "", false},
		{[]string{"Yes", "No"}, ChoiceNone, "", false},
	}
	for _, tt := range tests {
		got, ok := PickChoice(tt.allowed, tt.c)
		if got != tt.want || ok != tt.ok {
			t.Errorf("PickChoice(%q, %q) = %q, %v; want %q, %v", tt.allowed, tt.c, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDeriveChoice(t *testing.T) {
	tests := []struct {
		e    Entry
		want Choice
	}{
		{Entry{Choice: ChoiceNo, Answer: "はい、ただし"}, ChoiceNo}, // the field wins
		{Entry{Answer: "はい。毎日取得しています。"}, ChoiceYes},
		{Entry{Answer: "いいえ、対応していません"}, ChoiceNo},
		{Entry{Answer: "Yes - daily"}, ChoiceYes},
		{Entry{Answer: "有（保管期間は非公開）"}, ChoiceYes},
		{Entry{Answer: "N/A"}, ChoiceNA},
		{Entry{Answer: "該当なし"}, ChoiceNA},
		{Entry{Answer: "日本国内に保管しています"}, ChoiceNone},
		{Entry{Answer: "Nothing to add"}, ChoiceNone},
		{Entry{Answer: "ありません。利用していません。"}, ChoiceNo},
		// An affirmative answer that names what its question names says yes.
		{Entry{Question: "ペネトレーションテストを実施していますか？", Answer: "実施しています。"}, ChoiceYes},
		{Entry{Question: "ペネトレーションテストを実施していますか？", Answer: "年1回、外部の会社が実施しております（2019年から）。詳細は別紙。"}, ChoiceYes},
		{Entry{Question: "ストレージは冗長化されていますか", Answer: "3拠点に冗長化されています"}, ChoiceYes},
		{Entry{Question: "障害対応の窓口は存在しますか？", Answer: "存在します。サポートデスクです。"}, ChoiceYes},
		{Entry{Question: "監査ログの保管場所はありますか？", Answer: "専用の保管場所があります。"}, ChoiceYes},
		{Entry{Question: "利用者ごとに権限を設定できますか？", Answer: "画面ごとに設定できます。"}, ChoiceYes},
		{Entry{Question: "請求書の再発行は可能ですか？", Answer: "管理画面から再発行が可能です。"}, ChoiceYes},
		{Entry{Question: "DDoS攻撃への対策はありますか？", Answer: "回線事業者のDDoS緩和サービスを利用しています。"}, ChoiceYes},
		{Entry{Question: "ログインにSSOを使えますか？", Answer: "SAML方式のSSOに対応しています。"}, ChoiceYes},
		// Katakana count as written: サーバー is three (and more), though
		// folding makes it サバ; ログ alone is two, and names too little.
		{Entry{Question: "サーバーのログを取得していますか？", Answer: "全サーバーについて収集基盤へ転送しています。"}, ChoiceYes},
		{Entry{Question: "ログを暗号化していますか？", Answer: "取得したログはすべて外部の保管庫に転送しています。"}, ChoiceNone},
		// A short affirmative says yes without naming anything: it has no
		// room for a condition or an alternative.
		{Entry{Question: "ペネトレーションテストを行っていますか？", Answer: "年1回実施しています。"}, ChoiceYes},
		{Entry{Question: "管理者アカウントの棚卸はしていますか？", Answer: "実施しています。(四半期ごと)"}, ChoiceYes},
		{Entry{Question: "パスワードポリシーはありますか？", Answer: "規定されています。内容は非公開です。"}, ChoiceYes},
		{Entry{Question: "電源は冗長化されていますか？", Answer: "異なる系統から給電されています。"}, ChoiceYes},
		{Entry{Question: "ログの保管場所はありますか？", Answer: "専用のストレージがあります"}, ChoiceYes},
		// Not a yes/no question, or any negation: nothing.
		{Entry{Question: "ペネトレーションテストはどの頻度で実施していますか？", Answer: "年1回実施しています。"}, ChoiceNone},
		{Entry{Question: "ペネトレーションテストの頻度は？", Answer: "年1回実施しています。"}, ChoiceNone},
		{Entry{Question: "ペネトレーションテストを実施していますか？", Answer: "現在は実施していません。"}, ChoiceNone},
		{Entry{Question: "私物端末の持ち込みを制限していますか？", Answer: "承認した端末を除き、持ち込みを制限しています。"}, ChoiceNone},
		{Entry{Question: "保守作業は委託していますか？", Answer: "委託は未定です。"}, ChoiceNone},
		// A longer one in words of its own may describe something else.
		{Entry{Question: "サーバ室と執務室は分離されていますか？", Answer: "必要な対策がとられるよう設計され、運用されています。"}, ChoiceNone},
		{Entry{Question: "問い合わせは電話でも受け付けていますか？", Answer: "メールとWebフォームのみで受け付けています。"}, ChoiceNone},
		// A plan, a consideration or a "varies by" is not yes, even where
		// the answer names what the question names.
		{Entry{Question: "脆弱性診断を実施していますか？", Answer: "脆弱性診断の実施を検討しています。"}, ChoiceNone},
		{Entry{Question: "多要素認証に対応していますか？", Answer: "来年度に対応予定です。"}, ChoiceNone},
		{Entry{Question: "アクセスログを保管していますか？", Answer: "保管期間はプランにより異なります。"}, ChoiceNone},
		// A part of the work outsourced is yes to outsourcing.
		{Entry{Question: "業務を外部に委託していますか？", Answer: "一部の開発業務を委託しています。"}, ChoiceYes},
		{Entry{Question: "Do you run penetration tests?", Answer: "We run penetration tests."}, ChoiceNone},
	}
	for _, tt := range tests {
		if got := DeriveChoice(&tt.e); got != tt.want {
			t.Errorf("DeriveChoice(%q, %q) = %q, want %q", tt.e.Question, tt.e.Answer, got, tt.want)
		}
	}
}

func TestStripLeadingChoice(t *testing.T) {
	tests := []struct {
		in   string
		c    Choice
		want string
	}{
		{"はい。毎日取得しています。", ChoiceYes, "毎日取得しています。"},
		{"Yes - daily backups", ChoiceYes, "daily backups"},
		{"いいえ、対応していません", ChoiceYes, "いいえ、対応していません"},
		{"はい", ChoiceYes, "はい"},
		{"毎日取得", ChoiceYes, "毎日取得"},
	}
	for _, tt := range tests {
		if got := StripLeadingChoice(tt.in, tt.c); got != tt.want {
			t.Errorf("StripLeadingChoice(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripChoiceWord(t *testing.T) {
	for in, want := range map[string]string{"はい。毎日取得しています": "毎日取得しています", "yes - daily": "daily", "毎日": "毎日", "いいえ、未対応": "未対応"} {
		if got := StripChoiceWord(in); got != want {
			t.Errorf("StripChoiceWord(%q) = %q, want %q", in, got, want)
		}
	}
}

// A bare yes names no value: a yes word, or a short affirmative sentence
// with no number, frequency, period or place in it.
func TestSaysOnlyYes(t *testing.T) {
	for _, tt := range []struct {
		answer string
		want   bool
	}{
		{"実施しています。", true},
		{"任命しております", true},
		{"有", true},
		{"はい", true},
		{"Yes.", true},
		{"年1回実施しています。", false},  // a number
		{"毎日取得しています", false},    // a frequency
		{"国内のデータセンターです", false}, // a place
		{"いいえ", false},          // no
		{"ありません", false},        // none: an answer to how many
		{"対応していません", false},     // negation
		{"実施しています。外部の専門会社に委託しています", false},              // a second sentence says more
		{"すべての通信をTLSで暗号化し、証明書も公的な認証局のものを使っています", false}, // long
		{"", false},
	} {
		if got := SaysOnlyYes(tt.answer); got != tt.want {
			t.Errorf("SaysOnlyYes(%q) = %v, want %v", tt.answer, got, tt.want)
		}
	}
}
