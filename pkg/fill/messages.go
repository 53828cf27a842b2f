package fill

import (
	"fmt"

	"github.com/qfill/qfill/pkg/sheet"
	"github.com/qfill/qfill/pkg/textnorm"
)

// Lang is the language of the words qfill adds to a sheet: its review
// comments and the reasons in its reports. A Japanese sheet gets
// Japanese, any other English.
type Lang int

// Languages of the messages.
const (
	English Lang = iota
	Japanese
)

// SheetLang is Japanese when most of the sheet's questions are written in
// Japanese script.
func SheetLang(s *sheet.Sheet) Lang {
	ja := 0
	for _, r := range s.Rows {
		for _, c := range r.Question {
			if textnorm.IsCJK(c) {
				ja++
				break
			}
		}
	}
	if ja*2 > len(s.Rows) {
		return Japanese
	}
	return English
}

type msg int

// The message catalogue: every sentence qfill writes into a workbook or
// a report, in both languages, with the same verbs in the same order.
const (
	msgReview msg = iota
	msgSuggested
	msgRunnerUp
	msgWhy
	msgEntryQuestion
	msgChoice
	msgAnswer
	msgRemarks
	msgFormula
	msgShared
	msgImplausible
	msgHeadMissing
	msgLacksTerm
	msgExtraTerm
	msgOtherTopic
	msgOtherLanguage
	msgTied
	msgBelowThreshold
	msgNoChoice
	msgNoAllowedValue
)

var catalogue = map[msg][2]string{
	msgReview:         {"qfill: please review.", "qfill: 要確認。"},
	msgSuggested:      {"Suggested: %s (score %.2f, confidence %.2f)", "候補: %s（スコア %.2f、信頼度 %.2f）"},
	msgRunnerUp:       {"Runner-up: %s (%.2f)", "次点: %s（%.2f）"},
	msgWhy:            {"Why: %s", "理由: %s"},
	msgEntryQuestion:  {"Entry question: %s", "回答集の質問: %s"},
	msgChoice:         {"Choice: %s", "選択肢: %s"},
	msgAnswer:         {"Answer: %s", "回答: %s"},
	msgRemarks:        {"Remarks: %s", "備考: %s"},
	msgFormula:        {"answer cell holds a formula", "回答欄に数式があります"},
	msgShared:         {"answer cell %s is shared with an earlier question", "回答欄 %s は前の質問と共有されています"},
	msgImplausible:    {"no plausible answer: the best, entry %s, has confidence %.3f", "妥当な回答がありません（最も近い %s の信頼度は %.3f）"},
	msgHeadMissing:    {"entry %s does not mention %q, what the question asks about", "回答 %s は、質問が尋ねている「%s」に触れていません"},
	msgLacksTerm:      {"entry %s does not say %q, as the question does", "回答 %s には、質問にある「%s」がありません"},
	msgExtraTerm:      {"entry %s says %q, which the question does not", "回答 %s は、質問にない「%s」について述べています"},
	msgOtherTopic:     {"entry %s is about %q, the question about %q", "回答 %s は「%s」について、質問は「%s」について尋ねています"},
	msgOtherLanguage:  {"entry %s is answered in another language than the question", "回答 %s は質問と別の言語で書かれています"},
	msgTied:           {"entry %s, with another answer, fits the question as well", "別の回答を持つ %s も同じくらい質問に合います"},
	msgBelowThreshold: {"confidence %.3f is below the threshold", "信頼度 %.3f がしきい値を下回っています"},
	msgNoChoice:       {"the cell takes one of %s and entry %s has no choice", "回答欄は %s のいずれかですが、回答 %s に選択肢がありません"},
	msgNoAllowedValue: {"no allowed value (%s) means %q", "選択肢（%s）に「%s」に当たるものがありません"},
}

// f formats a message in l. The Japanese texts quote with 「」, so %q
// becomes %s there.
func (l Lang) f(m msg, args ...any) string {
	return fmt.Sprintf(catalogue[m][l], args...)
}

// reviewPrefixes open a review comment, in each language (see Finalize).
var reviewPrefixes = []string{catalogue[msgReview][English], catalogue[msgReview][Japanese]}
