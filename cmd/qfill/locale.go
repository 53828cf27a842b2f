package main

import (
	"fmt"
	"os"
	"strings"
)

// japaneseLocale reports whether the user's locale asks for Japanese:
// the first of LC_ALL, LC_MESSAGES and LANG that is set, as POSIX reads
// them.
func japaneseLocale() bool {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			return strings.HasPrefix(strings.ToLower(v), "ja")
		}
	}
	return false
}

type uiMsg int

// The command's result lines, in English and Japanese (LANG=ja*).
const (
	uiSummary uiMsg = iota
	uiCorpus
	uiReport
	uiHTMLReport
	uiFinalized
	uiTableHeader
	uiTotal
	uiTotalSkipped
)

var uiCatalogue = map[uiMsg][2]string{
	uiSummary:      {"%s: %d questions: %d filled, %d for review, %d unanswered, %d kept\n  -> %s\n", "%s: %d 問: 記入 %d、要確認 %d、未回答 %d、既存 %d\n  -> %s\n"},
	uiCorpus:       {"corpus: %s\n", "回答集: %s\n"},
	uiReport:       {"report: %s\n", "レポート: %s\n"},
	uiHTMLReport:   {"HTML report: %s\n", "HTML レポート: %s\n"},
	uiFinalized:    {"%s: %d review marks removed, %d left blank\n  -> %s\n", "%s: 要確認の印を %d 件削除、%d 件は空欄のまま\n  -> %s\n"},
	uiTableHeader:  {"file\tquestions\tfilled\treview\tunanswered\tkept\terror\t\n", "ファイル\t問\t記入\t要確認\t未回答\t既存\tエラー\t\n"},
	uiTotal:        {"total (%d files, %d failed)", "合計（%d ファイル、失敗 %d）"},
	uiTotalSkipped: {"total (%d files, %d failed, %d skipped)", "合計（%d ファイル、失敗 %d、中断で未処理 %d）"},
}

// ui formats one of the result lines in the user's language.
func (io *iostreams) ui(m uiMsg, args ...any) string {
	l := 0
	if io.ja {
		l = 1
	}
	return fmt.Sprintf(uiCatalogue[m][l], args...)
}
