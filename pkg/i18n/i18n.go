// Package i18n gives qfill's one-line messages in Japanese, for users
// whose locale (LANG=ja*) or browser (Accept-Language: ja) asks for it.
//
// Errors are built in English by the packages that find them, wrapping
// each other ("x.xlsx: workbook is damaged ..."); this catalogue swaps
// each known English phrase for its Japanese one, so a message keeps its
// file names, sizes and flags. A phrase the catalogue does not know stays
// English.
package i18n

import (
	"regexp"
	"strings"
	"sync"
)

// phrases are swapped in this order: longer, more specific ones first.
// They are compiled on the first message translated, not at every start
// of the program (a millisecond and a half that most runs never need).
var phrases = sync.OnceValue(func() []phrase {
	return []phrase{
		{re(`legacy \.xls workbook: save it as \.xlsx in Excel, or convert it with ` + "`" + `soffice --headless --convert-to xlsx FILE\.xls` + "`"), "古い .xls 形式のブックです。Excel で .xlsx として保存するか、`soffice --headless --convert-to xlsx FILE.xls` で変換してください"},
		{re(`not an Excel workbook \(\.xlsx/\.xlsm\)`), "Excel のブック（.xlsx/.xlsm）ではありません"},
		{re(`workbook is encrypted: pass --password`), "ブックが暗号化されています（--password でパスワードを指定してください）"},
		{re(`workbook is encrypted`), "ブックが暗号化されています"},
		{re(`the password does not open this workbook`), "パスワードが違います"},
		{re(`not a complete workbook: the file ends early \(was the download or copy cut off\?\)`), "ブックが途中で切れています（ダウンロードかコピーが途中で止まりませんでしたか）"},
		{re(`workbook is damaged \(not a readable zip package\)`), "ブックが壊れています（zip として読めません）"},
		{re(`part (\S+) inflates to (.+?), over the (.+?) limit`), "パート $1 は展開すると $2 になり、上限 $3 を超えます"},
		{re(`the parts inflate to (.+?) in all, over the (.+?) limit`), "展開後の合計 $1 が上限 $2 を超えます"},
		{re(`(part \S+|the parts) would inflate (\d+) times \((.+?) packed, (.+?) unpacked\), over the limit of (\d+): a zip bomb, not a workbook`), "展開すると $2 倍（$3 → $4）になり、上限の $5 倍を超えます。zip 爆弾であり、ブックではありません"},
		{re(`no question column found \(sheets tried: (.*?)\)`), "質問の列が見つかりません（調べたシート: $1）"},
		{re(`; name the columns with --sheet, --header-row, --question-col and --answer-col`), "。--sheet、--header-row、--question-col、--answer-col で列を指定してください"},
		{re(`(\S+) not replaced: it has changed since qfill wrote it \(edited by a reviewer\?\); pass --force to replace it`), "$1 は置き換えません。qfill が書いた後に変更されています（レビュー担当者が編集しましたか）。置き換えるには --force を付けてください"},
		{re(`(\S+) not replaced: it exists and qfill did not write it; pass --force to replace it`), "$1 は置き換えません。qfill が書いたファイルではありません。置き換えるには --force を付けてください"},
		{re(`output is the input file: qfill never writes over a customer's file \(choose another -o\)`), "出力先が入力ファイルです。qfill はお客様のファイルを上書きしません（-o で別の出力先を指定してください）"},
		{re(`review rows are still open: (\d+) of (\d+) \(first (\S+)\): answer them, or pass --force to send them blank`), "未回答の要確認行が $2 行中 $1 行あります（最初は $3）。回答するか、--force で空欄のまま出力してください"},
		{re(`interrupted: (\d+) of (\d+) files written, (\d+) skipped`), "中断しました: $2 ファイル中 $1 を書き出し、$3 は未処理です"},
		{re(`interrupted: nothing was written`), "中断しました: 何も書き出していません"},
		{re(`skipped: interrupted before it was written`), "中断のため未処理"},
		{re(`want a number from 0 to 1`), "0 から 1 の数を指定してください"},
		{re(`no checklist given: usage: `), "チェックシートが指定されていません。使い方: "},
		{re(` ?\(see '([^']+) --help'\)`), "（'$1 --help' を参照）"},
		{re(`: no such file or folder$`), ": ファイルもフォルダーもありません"},
		{re(`: no such file$`), ": ファイルがありません"},
		{re(`cannot edit this workbook \(internal error, please report it with the file\)`), "このブックは編集できません（内部エラーです。ファイルを添えて報告してください）"},
		{re(`not a spreadsheet \(\.xlsx or \.xlsm\)`), "表計算のファイル（.xlsx または .xlsm）ではありません"},
		{re(`no spreadsheet in the upload`), "アップロードに表計算のファイルがありません"},
		{re(`upload is larger than (\d+) MB`), "アップロードが $1 MB を超えています"},
		// The corpus.
		{re(`no corpus found \(tried (.*?)\): pass --corpus PATH or set QFILL_CORPUS`), "回答集が見つかりません（探した場所: $1）。--corpus で指定するか QFILL_CORPUS を設定してください"},
		{re(`duplicate id "(.*?)" \(first at (.*?)\)`), "ID \"$1\" が重複しています（最初は $2）"},
		{re(`entry "(.*?)" has no (question|answer)`), "エントリ \"$1\" に $2 がありません"},
		{re(`entry has no id`), "エントリに id がありません"},
		{re(`unknown field "(.*?)"`), "不明な項目 \"$1\""},
		{re(`entry "(.*?)": choice "(.*?)" is not one of yes, no, n/a`), "エントリ \"$1\": choice \"$2\" は yes、no、n/a のいずれかにしてください"},
		{re(`no "entries:" list`), "\"entries:\" のリストがありません"},
		{re(`not UTF-8 text`), "UTF-8 のテキストではありません"},
		// Flags, as cobra and pflag word them.
		{re(`invalid argument "(.*?)" for "(.*?)" flag: `), "$2 の値 \"$1\" が不正です: "},
		{re(`unknown flag: (\S+)`), "不明なフラグ: $1"},
		{re(`unknown command "(.*?)" for "(.*?)"`), "\"$2\" に \"$1\" というコマンドはありません"},
	}
})

type phrase struct {
	en *regexp.Regexp
	ja string
}

func re(s string) *regexp.Regexp { return regexp.MustCompile(s) }

// Japanese returns msg with every phrase the catalogue knows in Japanese.
func Japanese(msg string) string {
	for _, p := range phrases() {
		msg = p.en.ReplaceAllString(msg, p.ja)
	}
	return msg
}

// PrefersJapanese reads an Accept-Language header: Japanese when it is the
// language the browser puts first.
func PrefersJapanese(acceptLanguage string) bool {
	first, _, _ := strings.Cut(acceptLanguage, ",")
	first, _, _ = strings.Cut(first, ";")
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(first)), "ja")
}
