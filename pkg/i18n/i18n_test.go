package i18n

import "testing"

func TestJapanese(t *testing.T) {
	tests := []struct{ en, ja string }{
		{"x.xlsx: not an Excel workbook (.xlsx/.xlsm)", "x.xlsx: Excel のブック（.xlsx/.xlsm）ではありません"},
		{"bomb.xlsx: part xl/worksheets/sheet1.xml inflates to 400 MB, over the 256 MB limit (--max-part-mb)",
			"bomb.xlsx: パート xl/worksheets/sheet1.xml は展開すると 400 MB になり、上限 256 MB を超えます (--max-part-mb)"},
		{`m.xlsx: no question column found (sheets tried: "Sheet1"); name the columns with --sheet, --header-row, --question-col and --answer-col`,
			`m.xlsx: 質問の列が見つかりません（調べたシート: "Sheet1"）。--sheet、--header-row、--question-col、--answer-col で列を指定してください`},
		{"sc.xlsx: out/sc.xlsx not replaced: it has changed since qfill wrote it (edited by a reviewer?); pass --force to replace it",
			"sc.xlsx: out/sc.xlsx は置き換えません。qfill が書いた後に変更されています（レビュー担当者が編集しましたか）。置き換えるには --force を付けてください"},
		{"something qfill has no words for", "something qfill has no words for"},
	}
	for _, tt := range tests {
		if got := Japanese(tt.en); got != tt.ja {
			t.Errorf("Japanese(%q)\n = %q\nwant %q", tt.en, got, tt.ja)
		}
	}
}

func TestPrefersJapanese(t *testing.T) {
	for h, want := range map[string]bool{"ja": true, "ja-JP,en;q=0.8": true, "en-US,ja;q=0.9": false, "": false} {
		if got := PrefersJapanese(h); got != want {
			t.Errorf("PrefersJapanese(%q) = %v, want %v", h, got, want)
		}
	}
}

func TestJapaneseCorpusAndFlags(t *testing.T) {
	for en, ja := range map[string]string{
		`corpus/a.yaml:12: duplicate id "bk-1" (first at corpus/b.yaml:3)`:                                    `corpus/a.yaml:12: ID "bk-1" が重複しています（最初は corpus/b.yaml:3）`,
		`invalid argument "-0.5" for "--threshold" flag: want a number from 0 to 1 (see 'qfill fill --help')`: `--threshold の値 "-0.5" が不正です: 0 から 1 の数を指定してください（'qfill fill --help' を参照）`,
		`unknown flag: --frobnicate (see 'qfill fill --help')`:                                                `不明なフラグ: --frobnicate（'qfill fill --help' を参照）`,
	} {
		if got := Japanese(en); got != ja {
			t.Errorf("Japanese(%q)\n = %q\nwant %q", en, got, ja)
		}
	}
}
