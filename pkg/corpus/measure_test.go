package corpus

import "testing"

func TestStatesMeasure(t *testing.T) {
	tests := []struct {
		ask, answer string
		want        bool
	}{
		{"実施頻度", "はい。年1回、外部の専門会社が実施しています。", true},
		{"見直しの頻度", "四半期ごとに見直しています。", true},
		{"取得頻度", "毎日フルバックアップを取得しています。", true},
		{"取得頻度", "はい。取得しています。", false},
		{"保管期間", "1年以上保管しています。", true},
		{"保管期間", "はい。記録を保管しています。", false},
		{"保存期間", "毎日取得し、5分ごとにログを複製しています。", false}, // a frequency is no period
		{"通知までの時間", "判明後２４時間以内に通知します。", true},     // full-width digits fold
		{"保存世代数", "35世代を保存しています。", true},
		{"失敗回数", "10回連続で失敗するとロックします。", true},
		{"年間の実施回数", "年2回実施しています。", true},
		{"実施率", "全員が受講しています。", false},
		{"実施率", "受講率は98.5%です。", true},
		{"実施率", "すべての変更に1名以上のレビューを必須としています。", false}, // a count is no rate
		{"設置台数", "映像は90日間保存されます。", false},            // a period is no count
		{"担当者", "年1回の研修を行っています。", false},             // not a measure
		{"削除時期", "解約日から30日後に削除します。", true},
		{"通知時期", "事前にお知らせします。", false},
		{"保管場所", "大阪リージョンに複製して保管しています。", true},
		{"所在地", "すべてのサポートを日本語で提供しています。", false}, // 日本語 is no place
		{"取得頻度", "バックアップは日々実施しています。", true},
		{"保管場所", "東日本と西日本のデータセンターに保管しています。", true},
		{"頻度", "Annual training for every employee.", true},
		{"頻度", "Backups are taken nightly.", true},
		{"頻度", "Reviewed every 3 years.", true},
		{"頻度", "Reviewed by the security team.", false},
		{"期間", "30-day rolling retention.", true},
		{"期間", "Kept for 7 years.", true},
		{"期間", "Reviewed every 3 years.", false}, // a frequency is no period
		{"数", "Accounts lock after 5 failed attempts.", true},
		{"数", "Length between 8 and 64 characters.", false},
		{"場所", "Hosted in AWS US regions.", true},
		{"場所", "Contact us for details.", false}, // the pronoun is no place
	}
	for _, tt := range tests {
		if got, _ := StatesMeasure(&Entry{Answer: tt.answer}, tt.ask); got != tt.want {
			t.Errorf("StatesMeasure(%q, %q) = %v, want %v", tt.answer, tt.ask, got, tt.want)
		}
	}
	// The remarks of a yes: "Yes", remarked with the frequency.
	if got, _ := StatesMeasure(&Entry{Answer: "Yes", Remarks: "Mandatory yearly for all staff."}, "頻度"); !got {
		t.Error("a frequency in the remarks is not read")
	}
}

// A frequency that names no interval (常時, 随時) is stated, not exact.
func TestStatesMeasureExact(t *testing.T) {
	for _, tt := range []struct {
		ask, answer   string
		stated, exact bool
	}{
		{"監視間隔", "サーバの死活を常時監視しています。", true, false},
		{"監視間隔", "常時監視し、月1回レポートを作成しています。", true, true},
		{"更新頻度", "定義ファイルは随時更新しています。", true, false},
		{"頻度", "Monitored continuously.", true, false},
		{"頻度", "Backups are taken nightly.", true, true},
		{"保存期間", "常時1年分を保存しています。", true, true}, // not a frequency measure
	} {
		stated, exact := StatesMeasure(&Entry{Answer: tt.answer}, tt.ask)
		if stated != tt.stated || exact != tt.exact {
			t.Errorf("StatesMeasure(%q, %q) = %v, %v, want %v, %v", tt.answer, tt.ask, stated, exact, tt.stated, tt.exact)
		}
	}
}
