package corpus

import (
	"regexp"
	"strings"

	"github.com/qfill/qfill/pkg/textnorm"
)

// StatesMeasure reports whether e's answer states a value of the measure
// that ask names by its last word: a frequency for 頻度 (年1回, 四半期ごと),
// a length of time for 期間 or 時間 (90日間, 30分以内), a count for 〜数
// (35世代, 10回), a share for 〜率 (99.9%), a time for 時期 (30日前まで,
// 解約日から30日後), a place for 場所 or 所在地 (国内, 大阪リージョン).
// Such an answer gives what a question on that measure asks although the
// entry's question does not name it: 「脆弱性診断を定期的に実施していますか」
// answered 「年1回…」 tells 実施頻度. A value of another kind (1名以上 for
// 〜率, 日本語 for 所在地) is not the measure.
func StatesMeasure(e *Entry, ask string) bool {
	for _, m := range measureValues {
		for _, w := range m.asks {
			if !strings.HasSuffix(ask, w) {
				continue
			}
			a := textnorm.Fold(e.Answer)
			if m.notFrequency {
				a = frequencyValue.ReplaceAllString(a, "")
			}
			return m.value.MatchString(a)
		}
	}
	return false
}

// frequencyValue is how an answer states a frequency (text as
// textnorm.Fold leaves it: ASCII digits).
var frequencyValue = regexp.MustCompile(`毎(日|週|月|年|時|営業日)|[年月週日]\s*[0-9]+\s*回|[0-9]+\s*(分|時間|日|週間|か月|ヶ月|ケ月|カ月|年)\s*(ごと|毎|おき|に[1一]回)|[日週月年]次|四半期|半期|随時|常時|リアルタイム`)

// measureValues: the last words of a measure, and how an answer states
// one. notFrequency: a frequency in the answer (5分ごと) is not the
// measure, though it holds one of its values.
var measureValues = []struct {
	asks         []string
	value        *regexp.Regexp
	notFrequency bool
}{
	{asks: []string{"頻度", "間隔", "周期"}, value: frequencyValue},
	{asks: []string{"期間", "時間", "期限"}, value: regexp.MustCompile(`[0-9]+\s*(秒|分|時間|営業日|日|週間|か月|ヶ月|ケ月|カ月|年)|無期限`), notFrequency: true},
	{asks: []string{"率"}, value: regexp.MustCompile(`[0-9.]+\s*%|[0-9]+\s*割`)},
	{asks: []string{"時期"}, value: regexp.MustCompile(`[0-9]+\s*(営業日|日|週間|か月|ヶ月|ケ月|カ月|年)\s*(前|後|以内)`)},
	{asks: []string{"場所", "所在地", "所在国"}, value: regexp.MustCompile(`国内|国外|海外|日本国|東京|大阪|リージョン|都内|首都圏|関東|関西`)},
	{asks: []string{"数"}, value: regexp.MustCompile(`[0-9]+\s*(世代|台|件|名|人|回|つ|個|拠点|系統)`)},
}
