// Package question reads a checklist question as the matcher reads it:
// Prepare folds it (canonical characters, no item number, no polite
// closing, no addressee), and Head, Ask and Tail find what it asks — in
// Japanese the noun that ends its first sentence (計画停止の「頻度」), in
// English the participle of a passive or the verb after "do you".
//
// The word lists these read are in words.txt; package match uses the ask
// to check that the best entry is asked the same thing, not only about
// the same topic.
package question

import (
	"regexp"
	"strings"

	"github.com/qfill/qfill/pkg/textnorm"
)

// Prepare folds a question for matching: canonical characters, no item
// number, no polite closing, no addressee.
func Prepare(s string) string {
	return PrepareFolded(textnorm.Fold(s))
}

// addressee is how a customer's sheet names the vendor it asks: "貴社の",
// "御社サービスにおける", "当該サービスにおいて". It says nothing about the
// ask, and since a vendor's own corpus never says 貴社, the rarity weighting
// would make it the heaviest word of the question.
var addressee = regexp.MustCompile(textnorm.Fold(`(?:貴社|御社|貴サービス|当該サービス)(?:サービス|システム)?(?:における|において|では|での|の|で|は)?`))

// owned is how an English sheet names the data the customer entrusts
// ("our data", "institutional data" in HECVAT), where the vendor's
// answers say "customer data".
var owned = regexp.MustCompile(`\b(?:our|institutional|client|clients'|institution's|organization's|organisation's) (data|information|content|records)\b( cent)?`)

// customerOwned rewrites those phrases to "customer data", on both sides
// (a learned HECVAT asks "institutional data" of itself again), but not
// "our data centers", which are the vendor's.
func customerOwned(p string) string {
	if !strings.Contains(p, " data") && !strings.Contains(p, " information") && !strings.Contains(p, " content") && !strings.Contains(p, " records") {
		return p
	}
	return owned.ReplaceAllStringFunc(p, func(m string) string {
		if strings.HasSuffix(m, " cent") {
			return m // our data centers
		}
		return "customer " + m[strings.LastIndexByte(m, ' ')+1:]
	})
}

// SentenceBreak joins the sentences of a prepared question. It separates
// tokens like a space does, and unlike a space (接続元 IP アドレス) it
// never occurs inside a sentence, so Head can find the first one.
const SentenceBreak = "。"

// PrepareFolded is Prepare for text already folded by textnorm.Fold.
func PrepareFolded(s string) string {
	s = textnorm.StripNumbering(s)
	if strings.Contains(s, "貴") || strings.Contains(s, "御") || strings.Contains(s, "当該") {
		s = addressee.ReplaceAllString(s, "")
	}
	// A question often asks two things in two sentences; strip the closing
	// of each so "〜ますか？また〜は？" loses both.
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '?' || r == '。' })
	for i, p := range parts {
		parts[i] = textnorm.StripEnding(strings.TrimSpace(p))
	}
	return customerOwned(strings.Join(parts, SentenceBreak))
}
