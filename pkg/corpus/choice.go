package corpus

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/qfill/qfill/pkg/textnorm"
	"golang.org/x/text/unicode/norm"
)

// The ways checklists and answers spell yes, no and not-applicable, in
// one place: the reader's x-columns, the writer's dropdown values and
// learn's comparison of answers all read them from here.

// choiceWords maps the ways checklists spell yes, no and not-applicable
// onto the corpus choice. Keys are textnorm.Key forms.
var choiceWords = map[string]Choice{}

func init() {
	for c, words := range map[Choice][]string{
		ChoiceYes: {"yes", "y", "はい", "○", "〇", "◯", "有", "あり", "有り", "対応済", "対応済み", "対応している", "実施済", "実施済み", "実施している", "あります", "可", "可能", "対応可", "対応可能", "適合", "適", "準拠", "pass", "compliant", "implemented", "inplace", "導入済", "導入済み", "実装済", "実装済み", "true", "済", "◎"},
		ChoiceNo:  {"no", "n", "いいえ", "×", "✕", "無", "なし", "無し", "未対応", "未実施", "対応していない", "実施していない", "ありません", "不可", "不可能", "不適合", "否", "非準拠", "非適合", "未準拠", "対応不可", "対応不可能", "未導入", "未実装", "fail", "noncompliant", "non-compliant", "notcompliant", "notimplemented", "false", "未"},
		ChoiceNA:  {"na", "n/a", "notapplicable", "該当なし", "該当無し", "対象外", "非該当", "適用外", "該当しない", "該当せず", "-", "－", "―", "ー", "none"},
	} {
		for _, w := range words {
			choiceWords[choiceKey(w)] = c
		}
	}
}

// listNumber strips "1) ", "2. " or "A：" in front of a dropdown value.
var listNumber = regexp.MustCompile(`^\s*([0-9]+|[A-Za-z])\s*[).:．）：]\s*`)

// choiceSpacing is what choiceKey drops: "n / a", "N/A" and "該当 なし"
// are one value.
var choiceSpacing = strings.NewReplacer(" ", "", "/", "", "　", "")

// choiceKey folds a dropdown value for lookup. Dashes and symbols must
// survive (they are answers of their own), so it cannot use textnorm.Key.
func choiceKey(s string) string {
	return choiceSpacing.Replace(listNumber.ReplaceAllString(textnorm.Fold(s), ""))
}

// ChoiceOf classifies one dropdown value; ok is false for values that are
// not a plain yes, no or n/a ("Yes, for some applications").
func ChoiceOf(value string) (Choice, bool) {
	k := choiceKey(value)
	if k == "na" || k == "n/a" {
		return ChoiceNA, true
	}
	if c, ok := choiceWords[k]; ok {
		return c, true
	}
	// A value and its gloss (○（対応済み）, はい：実施している, 対象外 (N/A))
	// is that value when the gloss says the same; a gloss that qualifies it
	// (はい（一部）) leaves it unread.
	if m := glossed.FindStringSubmatch(value); m != nil {
		gloss := m[2] + m[3]
		a, okA := choiceWords[choiceKey(m[1])]
		b, okB := choiceWords[choiceKey(gloss)]
		if okA && okB && a == b {
			return a, true
		}
	}
	return ChoiceNone, false
}

// glossed splits a dropdown value into a word and its gloss, in brackets or
// after a colon.
var glossed = regexp.MustCompile(`^\s*([^（(:：]+?)\s*(?:[（(]\s*([^（()）]+?)\s*[）)]|[:：]\s*(.+?))\s*$`)

// PickChoice returns the one allowed value that means c. It fails when no
// value means c, or when several do and none is plainer than the others.
func PickChoice(allowed []string, c Choice) (string, bool) {
	if c == ChoiceNone {
		return "", false
	}
	var hits []string
	for _, v := range allowed {
		if got, ok := ChoiceOf(v); ok && got == c {
			hits = append(hits, v)
		}
	}
	if len(hits) == 1 {
		return hits[0], true
	}
	return "", false
}

// leadingChoice reads a choice from the start of a free-text answer:
// "はい。全データを暗号化しています" is yes, "Yes - daily" is yes.
var leadingChoice = regexp.MustCompile(`^\s*([^\s、。,.:：;；（(\-–—]+)`)

// DeriveChoice finds the choice of an entry: its choice field, or else the
// first word of its answer.
func DeriveChoice(e *Entry) Choice {
	if e.Choice != ChoiceNone {
		return e.Choice
	}
	if c, ok := ChoiceOf(e.Answer); ok {
		return c
	}
	m := leadingChoice.FindStringSubmatch(textnorm.Fold(e.Answer))
	if m == nil {
		return ChoiceNone
	}
	if c, ok := ChoiceOf(m[1]); ok {
		return c
	}
	if saysYes(e.Question, e.Answer) {
		return ChoiceYes
	}
	return ChoiceNone
}

// saysYes reports whether a Japanese answer says yes to its yes/no
// question without the word はい: its first sentence is affirmative (it
// ends in ます or です), says nothing negative, planned or conditional,
// and either is short (「実施しています」「規定されています」「年1回受けて
// います」: too short to describe a condition or an alternative) or names
// something the question names (「脆弱性診断を実施していますか」「年1回、外部の会社が実施して
// います。」, 「DDoS攻撃への対策はありますか」「上位回線のDDoS緩和サービスを利用して
// います」). A longer answer in words of its own (「必要な対策がとられるよう
// 設計され、運用されています」 for a question on separate rooms,
// 「メールとWebフォームのみで受け付けています」 for one on support by
// telephone) may describe something else than what was asked, so it
// derives nothing, and a dropdown row filled from it goes to review.
func saysYes(question, answer string) bool {
	q := textnorm.Fold(question)
	if i := strings.IndexAny(q, "?？"); i >= 0 {
		q = q[:i]
	}
	q = strings.TrimRight(q, " 。")
	if !strings.HasSuffix(q, "か") || whWord.MatchString(q) {
		return false
	}
	a := firstSentence(textnorm.Fold(answer))
	a = trailingNote.ReplaceAllString(strings.TrimSpace(a), "")
	if !affirms(a) {
		return false
	}
	if utf8.RuneCountInString(a) <= bareAffirmative {
		return true
	}
	for _, m := range named.FindAllStringSubmatch(a, -1) {
		w, n := []rune(m[0]), 2 // kanji: any two in a row (冗長化 / 冗長構成)
		if m[1] == "" {
			n = len(w) // Latin: the whole word
		}
		for i := 0; i+n <= len(w); i++ {
			if strings.Contains(q, string(w[i:i+n])) {
				return true
			}
		}
	}
	// Katakana: three as written (ログ alone is everywhere), counted before
	// folding drops the long mark, so that データ and メール count as the
	// three they are and meet the question's folded デタ and メル.
	for _, run := range katakana.FindAllString(firstSentence(norm.NFKC.String(answer)), -1) {
		w := []rune(run)
		for i := 0; i+3 <= len(w); i++ {
			if f := textnorm.Fold(string(w[i : i+3])); utf8.RuneCountInString(f) >= 2 && strings.Contains(q, f) {
				return true
			}
		}
	}
	return false
}

var (
	// whWord: a question that asks what, where, when, which or how is
	// not a yes/no question.
	whWord = regexp.MustCompile(`何|どこ|いつ|どの|どう|どれ|誰|なぜ|いく[つら]`)
	// negation anywhere in the sentence (ません, ない, 不可, 禁止, 未, 非,
	// 対象外, 該当し…, a verb in ず, 除く) leaves the answer underived,
	// however affirmative its end: 「…を除き、使用できません」 answers a
	// question on a ban with yes.
	negation = regexp.MustCompile(`ません|ない|無い|なし|無し|不可|禁止|未|非|対象外|該当|ず[、。]|ず$|除`)
	// hedge: a plan, a consideration or a "varies by" (予定, 検討,
	// 〜により異なります) is no yes, however affirmative its end. 一部,
	// 〜となります and 〜いただけます are not hedges: 「一部の業務を委託して
	// います」 says yes to outsourcing, 「上限までご利用いただけます」 yes to a
	// limit.
	hedge = regexp.MustCompile(`予定|検討|により異なり`)
	// named: what a folded sentence names, as runs of kanji or of Latin
	// letters and digits; katakana: a run of katakana as written.
	named        = regexp.MustCompile(`(\p{Han}{2,})|[a-z][a-z0-9]+`)
	katakana     = regexp.MustCompile(`[\p{Katakana}ー]{3,}`)
	trailingNote = regexp.MustCompile(`\s*[(（][^()（）]*[)）]$`)
)

// firstSentence is s up to its first 。 or line break.
func firstSentence(s string) string {
	if i := strings.IndexAny(s, "。\n"); i >= 0 {
		return s[:i]
	}
	return s
}

// bareAffirmative is the longest first sentence, in characters, that says
// yes on its own: 「異なる系統から給電されています」 is 15.
const bareAffirmative = 15

// StripLeadingChoice removes a leading "はい。" or "Yes - " from an answer
// whose choice is c, leaving the explanation.
func StripLeadingChoice(text string, c Choice) string {
	m := leadingChoice.FindStringSubmatchIndex(text)
	if m == nil {
		return text
	}
	if got, ok := ChoiceOf(text[m[2]:m[3]]); !ok || got != c {
		return text
	}
	rest := strings.TrimLeft(text[m[3]:], " 　、。,.:：;；-–—")
	if rest == "" {
		return text
	}
	return rest
}

// StripChoiceWord removes whatever choice word opens a folded answer
// ("はい。", "Yes - "), so that two answers compare by their text.
func StripChoiceWord(text string) string {
	m := leadingChoice.FindStringSubmatchIndex(text)
	if m == nil {
		return text
	}
	if _, ok := ChoiceOf(text[m[2]:m[3]]); !ok {
		return text
	}
	return strings.TrimLeft(text[m[3]:], " 　、。,.:：;；-–—")
}

// AnswerKey is an answer's text as answers are compared: folded (width,
// case, spelling variants) with spaces and punctuation gone.
func AnswerKey(s string) string { return textnorm.Key(s) }

// SameAnswer reports whether two entries answer alike: the same choice
// and the same text by AnswerKey. Entries that answer alike are never
// rivals in matching and never a conflict in lint.
func SameAnswer(a, b *Entry) bool {
	return a.Choice == b.Choice && AnswerKey(a.Answer) == AnswerKey(b.Answer)
}

// WritesAlike reports whether filling a row from a or from b writes the
// same cells: the same answer and the same remarks.
func WritesAlike(a, b *Entry) bool {
	return SameAnswer(a, b) && AnswerKey(a.Remarks) == AnswerKey(b.Remarks)
}

// SaysOnlyYes reports whether an answer is a bare yes: a yes word (はい,
// 有, Yes) or one short affirmative sentence (「実施しています」) that
// names no value (no digit, and no frequency, period or place that
// StatesMeasure reads). Such an answer tells that something is done, not
// how often, how long, where or who.
func SaysOnlyYes(answer string) bool {
	if utf8.RuneCountInString(answer) > 2*bareAffirmative {
		return false // most answers: too long to read further
	}
	a := strings.TrimSpace(textnorm.Fold(answer))
	a = strings.TrimRight(a, "。. ")
	if a == "" || strings.ContainsAny(a, "0123456789") {
		return false
	}
	for _, m := range measureValues {
		if stated, _ := m.statesFolded(a); stated {
			return false
		}
	}
	if c, ok := ChoiceOf(a); ok {
		return c == ChoiceYes
	}
	if strings.ContainsAny(a, "。\n") || utf8.RuneCountInString(a) > bareAffirmative {
		return false
	}
	return affirms(a)
}

// affirms reports whether a sentence says yes by its form: it ends in ます
// or です and holds no negation, plan or condition.
func affirms(a string) bool {
	return !negation.MatchString(a) && !hedge.MatchString(a) && (strings.HasSuffix(a, "ます") || strings.HasSuffix(a, "です"))
}
