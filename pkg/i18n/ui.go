package i18n

import "fmt"

// UIMsg names a result line of the command.
type UIMsg int

// The command's result lines, in English and Japanese (LANG=ja*).
const (
	UISummary UIMsg = iota
	UICorpus
	UIReport
	UIHTMLReport
	UIFinalized
	UITableHeader
	UITotal
	UITotalSkipped
	UIUnfamiliar
	UIUnfamiliarFiles
	UINoChoice
	UINoChoiceFiles
)

var uiCatalogue = map[UIMsg][2]string{
	UISummary:         {"%s: %d questions: %d filled, %d for review, %d unanswered, %d kept\n  -> %s\n", "%s: %d 問: 記入 %d、要確認 %d、未回答 %d、既存 %d\n  -> %s\n"},
	UICorpus:          {"corpus: %s\n", "回答集: %s\n"},
	UIReport:          {"report: %s\n", "レポート: %s\n"},
	UIHTMLReport:      {"HTML report: %s\n", "HTML レポート: %s\n"},
	UIFinalized:       {"%s: %d review marks removed, %d left blank\n  -> %s\n", "%s: 要確認の印を %d 件削除、%d 件は空欄のまま\n  -> %s\n"},
	UITableHeader:     {"file\tquestions\tfilled\treview\tunanswered\tkept\terror\t\n", "ファイル\t問\t記入\t要確認\t未回答\t既存\tエラー\t\n"},
	UITotal:           {"total (%d files, %d failed)", "合計（%d ファイル、失敗 %d）"},
	UITotalSkipped:    {"total (%d files, %d failed, %d skipped)", "合計（%d ファイル、失敗 %d、中断で未処理 %d）"},
	UIUnfamiliar:      {"  held for review as the corpus barely covers this English sheet: %d (review them, then qfill learn)\n", "  回答集がこの英語のシートをほとんど扱っていないため要確認に留めた行: %d（確認後に qfill learn）\n"},
	UINoChoice:        {"  held for review as their entries name no dropdown value: %d (add choice: to %s)\n", "  回答集の回答にプルダウンの選択肢がないため要確認に留めた行: %d（%s に choice: を書けば記入されます）\n"},
	UINoChoiceFiles:   {"held for review as their entries name no dropdown value: %d rows in %d files (add choice: to %s)\n", "回答集の回答にプルダウンの選択肢がないため要確認に留めた行: %d 行（%d ファイル。%s に choice: を書けば記入されます）\n"},
	UIUnfamiliarFiles: {"held for review as the corpus barely covers their English sheets: %d rows in %d files (review them, then qfill learn)\n", "回答集が英語のシートをほとんど扱っていないため要確認に留めた行: %d 行（%d ファイル。確認後に qfill learn）\n"},
}

// UI formats a result line in Japanese when ja is set, else in English.
func UI(ja bool, m UIMsg, args ...any) string {
	return fmt.Sprintf(pick(ja, uiCatalogue[m]), args...)
}
