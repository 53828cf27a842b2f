package i18n

import "fmt"

// The sentences qfill writes into a workbook or a report (review
// comments and reasons), in English and Japanese, with the same verbs in
// the same order. The Japanese ones quote with 「」, so %q becomes %s.

// Msg names a sentence qfill writes into a workbook or a report.
type Msg int

// The message catalogue: every sentence qfill writes into a workbook or
// a report, in both languages, with the same verbs in the same order.
const (
	MsgReview Msg = iota
	MsgSuggested
	MsgProbability
	MsgRunnerUp
	MsgWhy
	MsgEntryQuestion
	MsgChoice
	MsgAnswer
	MsgRemarks
	MsgFormula
	MsgProtected
	MsgShared
	MsgImplausible
	MsgHeadMissing
	MsgLacksTerm
	MsgExtraTerm
	MsgOtherTopic
	MsgOtherLanguage
	MsgTied
	MsgBelowThreshold
	MsgLoweredBy
	MsgCutHead
	MsgCutConflict
	MsgCutRival
	MsgCutLanguage
	MsgUnfamiliar
	MsgCutUnfamiliar
	MsgNoChoice
	MsgNoChoiceRemarks
	MsgAboveNo
	MsgAboveYes
	MsgNoAllowedValue
	MsgTooLong
	MsgCellLimit
	MsgCellKind
	MsgKindWhole
	MsgKindDecimal
	MsgKindDate
	MsgKindTime
	MsgLeftBlank
	MsgReviewed
	MsgInapplicable
	MsgCutInapplicable
	MsgBare
	MsgCutBare
)

var sheetCatalogue = map[Msg][2]string{
	MsgReview:          {"qfill: please review.", "qfill: 要確認。"},
	MsgSuggested:       {"Suggested: %s (score %.2f, confidence %.2f)", "候補: %s（スコア %.2f、信頼度 %.2f）"},
	MsgProbability:     {"; at this confidence about %d%% of measured answers were right", "。この信頼度では、測定した回答の約 %d%% が正解でした"},
	MsgRunnerUp:        {"Runner-up: %s (%.2f)", "次点: %s（%.2f）"},
	MsgWhy:             {"Why: %s", "理由: %s"},
	MsgEntryQuestion:   {"Entry question: %s", "回答集の質問: %s"},
	MsgChoice:          {"Choice: %s", "選択肢: %s"},
	MsgAnswer:          {"Answer: %s", "回答: %s"},
	MsgRemarks:         {"Remarks: %s", "備考: %s"},
	MsgFormula:         {"answer cell holds a formula", "回答欄に数式があります"},
	MsgProtected:       {"answer cell is locked: the sheet is protected", "回答欄はシートの保護でロックされています"},
	MsgShared:          {"answer cell %s is shared with an earlier question", "回答欄 %s は前の質問と共有されています"},
	MsgImplausible:     {"no plausible answer: the best, entry %s, has confidence %.3f", "妥当な回答がありません（最も近い %s の信頼度は %.3f）"},
	MsgHeadMissing:     {"entry %s does not mention %q, what the question asks about", "回答 %s は、質問が尋ねている「%s」に触れていません"},
	MsgLacksTerm:       {"entry %s does not say %q, as the question does", "回答 %s には、質問にある「%s」がありません"},
	MsgExtraTerm:       {"entry %s says %q, which the question does not", "回答 %s は、質問にない「%s」について述べています"},
	MsgOtherTopic:      {"entry %s is about %q, the question about %q", "回答 %s は「%s」について、質問は「%s」について尋ねています"},
	MsgOtherLanguage:   {"entry %s is answered in another language than the question", "回答 %s は質問と別の言語で書かれています"},
	MsgTied:            {"entry %s, with another answer, fits the question as well", "別の回答を持つ %s も同じくらい質問に合います"},
	MsgBelowThreshold:  {"confidence %.3f is below the threshold", "信頼度 %.3f がしきい値を下回っています"},
	MsgLoweredBy:       {"; lowered most because %s", "（主に%sため下がりました）"},
	MsgCutHead:         {"the entry does not mention what the question asks about", "質問が尋ねている点に回答集の質問が触れていない"},
	MsgCutConflict:     {"one side names a term the other lacks", "片方にしかない語がある"},
	MsgCutRival:        {"another question of this sheet fits the entry better", "このシートの別の質問の方がこの回答に合う"},
	MsgCutLanguage:     {"the answer is in another language than the question", "回答が質問と別の言語で書かれている"},
	MsgUnfamiliar:      {"this sheet's English questions seldom match the corpus (median score %.2f), so only its surest rows are filled", "このシートの英語の質問は回答集とあまり一致しない（スコアの中央値 %.2f）ため、確実な行だけを記入します"},
	MsgCutUnfamiliar:   {"this sheet's English questions seldom match the corpus", "このシートの英語の質問が回答集とあまり一致しない"},
	MsgNoChoice:        {"the cell takes one of %s and entry %s has no choice", "回答欄は %s のいずれかですが、回答 %s に選択肢がありません"},
	MsgAboveYes:        {"asked only if the question above is answered no, and it is answered yes", "上の質問に「いいえ」の場合だけの質問ですが、上の質問の回答は「はい」です"},
	MsgAboveNo:         {"asked only if the question above is answered yes, and it is answered no", "上の質問に「はい」の場合だけの質問ですが、上の質問の回答は「いいえ」です"},
	MsgNoChoiceRemarks: {"the cell takes one of %s and entry %s has no choice; its answer is in the remarks", "回答欄は %s のいずれかですが、回答 %s に選択肢がありません（回答本文は備考欄に記入済み）"},
	MsgNoAllowedValue:  {"no allowed value (%s) means %q", "選択肢（%s）に「%s」に当たるものがありません"},
	MsgTooLong:         {"entry %s is longer than a cell holds (%d characters)", "回答 %s はセルに入る長さ（%d 文字）を超えています"},
	MsgCellLimit:       {"entry %s has %d characters; the answer cell's input rule allows %d", "回答 %s は %d 文字で、回答欄の入力規則（%d 文字まで）を超えています"},
	MsgCellKind:        {"the answer cell's input rule takes %s, not text", "回答欄の入力規則は%sのみを受け付けます（文章は書き込めません）"},
	MsgKindWhole:       {"a whole number", "整数"},
	MsgKindDecimal:     {"a number", "数値"},
	MsgKindDate:        {"a date", "日付"},
	MsgKindTime:        {"a time", "時刻"},
	MsgLeftBlank:       {"left blank by the reviewer", "確認者が空欄にしました"},
	MsgReviewed:        {"decided by the reviewer", "確認者が決めました"},
	MsgInapplicable:    {"entry %s answers \"not applicable\" to a question worded otherwise: check that its premise holds here", "回答 %s は別の言い回しの質問への「該当なし」です。その前提がこの質問にも当てはまるか確認してください"},
	MsgCutInapplicable: {"the entry answers \"not applicable\" to a question worded otherwise", "回答が別の言い回しの質問への「該当なし」である"},
	MsgBare:            {"entry %s says only yes, and the question asks for more", "回答 %s は「はい」と述べるだけで、質問が尋ねている内容を答えていません"},
	MsgCutBare:         {"the entry says only yes to a question that asks for more", "回答が「はい」と述べるだけで、質問の尋ねる内容に答えていない"},
}

// Sheet formats m in Japanese when ja is set, else in English.
func Sheet(ja bool, m Msg, args ...any) string {
	return fmt.Sprintf(pick(ja, sheetCatalogue[m]), args...)
}

// pick is the Japanese text of a catalogue pair when ja is set, else the
// English.
func pick(ja bool, texts [2]string) string {
	if ja {
		return texts[1]
	}
	return texts[0]
}

// ReviewPrefixes open a review comment, in each language.
var ReviewPrefixes = []string{sheetCatalogue[MsgReview][0], sheetCatalogue[MsgReview][1]}
