package sheet

import (
	"regexp"
	"strings"

	"github.com/qfill/qfill/pkg/textnorm"
)

// LinkFollowUps sets the Follows of every follow-up row among rows, in
// sheet order: the last question above it that is no follow-up.
func LinkFollowUps(rows []Row) {
	asked := ""
	for i, r := range rows {
		if _, ok := FollowUp(r.Question); ok {
			rows[i].Follows = asked
		} else {
			asked = r.Question
		}
	}
}

// followUp is the opening of a question that refers back to the one above
// it: 上記の, 上記で「はい」の場合、, 「いいえ」と回答した場合、, If yes, If
// not, (a comma after it: "If no data is kept" asks on its own).
var followUp = regexp.MustCompile(`^[（(]?(?:(?:上記|前記|前問)(?:で|に)?(?:「?(?:はい|いいえ)」?と?(?:回答した)?)?の?(?:場合)?|` + onAnswer + `|(?i:if (?:yes|so)\b|if (?:no|not)\s*[,:：]))[）)、，,:：]?\s*`)

// onAnswer is 「はい」の場合 and its kin; a bare 無 or なし must be quoted
// (該当なしの場合 is a note on how to answer).
const onAnswer = `(?:「?(?:はい|有|あり|いいえ)」?|「(?:無|なし)」)(?:と回答した|を選択した)?の?場合`

// FollowUp returns a follow-up question without its opening, and whether
// it is one: on its own, 上記の保存期間 does not say what is kept. 上記以外
// (other than the above) asks about something else.
func FollowUp(q string) (string, bool) {
	if m := followUp.FindString(q); m != "" && len(m) < len(q) && !strings.HasPrefix(q[len(m):], "以外") {
		return q[len(m):], true
	}
	return q, false
}

// onYes and onNo are the openings of a follow-up asked only of a yes
// (「はい」の場合、, If yes, If so) or only of a no (「いいえ」の場合、, If
// not,) above it.
var (
	onYes = regexp.MustCompile(`^[（(]?(?:(?:上記|前記|前問)(?:で|に)?)?「?(?:はい|有|あり)」?(?:と回答した|を選択した)?の?場合|^[（(]?(?i:if (?:yes|so)\b)`)
	onNo  = regexp.MustCompile(`^[（(]?(?:(?:上記|前記|前問)(?:で|に)?)?(?:「?いいえ」?|「(?:無|なし)」)(?:と回答した|を選択した)?の?場合|^[（(]?(?i:if (?:no|not)\s*[,:：])`)
)

// OnYes reports whether the row is a follow-up asked only when the
// question above it is answered yes.
func (r Row) OnYes() bool {
	return r.Follows != "" && onYes.MatchString(r.Question)
}

// OnNo reports whether the row is a follow-up asked only when the
// question above it is answered no.
func (r Row) OnNo() bool {
	return r.Follows != "" && onNo.MatchString(r.Question)
}

// Asked is what the row asks, for matching and learning: a follow-up
// with the question it refers back to after it, as a second sentence, so
// that its own ask comes first (保存期間を記載してください。ログを取得して
// いますか).
func (r Row) Asked() string {
	if r.Follows == "" {
		return r.Question
	}
	rest, _ := FollowUp(r.Question)
	rest = strings.TrimRight(rest, "。．.？? 　")
	if textnorm.HasCJK(rest) {
		return rest + "。" + r.Follows
	}
	return rest + "? " + r.Follows
}
