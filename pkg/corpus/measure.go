package corpus

import (
	"regexp"
	"strings"

	"github.com/qfill/qfill/pkg/textnorm"
)

// StatesMeasure reports whether e's answer or remarks state a value of the
// measure that ask names by its last word: a frequency for 頻度 (年1回,
// 四半期ごと, annually), a length of time for 期間 or 時間 (90日間, 30分以内,
// 30 days), a count for 〜数 (35世代, 10回, 5 attempts), a share for 〜率
// (99.9%), a time for 時期 (30日前まで, 解約日から30日後), a place for 場所
// or 所在地 (国内, 大阪リージョン, US regions). Such an answer gives what a
// question on that measure asks although the entry's question does not name
// it: 「脆弱性診断を定期的に実施していますか」 answered 「年1回…」 tells 実施頻度,
// and "Yes" with the remark "Annual training for all staff" tells how often
// training is given. A value of another kind (1名以上 for 〜率, 日本語 for
// 所在地) is not the measure. exact is false where the only frequency
// stated says that something never stops or happens when needed (常時,
// 随時, リアルタイム, continuously): a way of doing it more than an interval.
func StatesMeasure(e *Entry, ask string) (stated, exact bool) {
	for _, m := range measureValues {
		for _, w := range m.asks {
			if !strings.HasSuffix(ask, w) {
				continue
			}
			s1, x1 := m.states(e.Answer)
			s2, x2 := m.states(e.Remarks)
			return s1 || s2, x1 || x2
		}
	}
	return false, false
}

// states reports whether text states a value of m, and whether one
// that is exact (see StatesMeasure).
func (m measureValue) states(text string) (stated, exact bool) {
	if text == "" {
		return false, false
	}
	if m.cased != nil && m.cased.MatchString(text) {
		return true, true
	}
	return m.statesFolded(textnorm.Fold(text))
}

// statesFolded is states of text textnorm.Fold has folded (no cased value
// survives the fold).
func (m measureValue) statesFolded(a string) (stated, exact bool) {
	if m.notFrequency {
		a = frequencyValue.ReplaceAllString(a, "")
	}
	if !m.value.MatchString(a) {
		return false, false
	}
	return true, m.loose == nil || m.value.MatchString(m.loose.ReplaceAllString(a, ""))
}

// continuous are the frequencies that name no interval: something never
// stops or happens when needed.
const continuous = `随時|常時|リアルタイム|\bcontinuous(?:ly)?\b|\breal[- ]time\b|\b24\s*[/x]\s*7\b`

// frequencyValue is how an answer states a frequency (text as
// textnorm.Fold leaves it: ASCII digits, Latin letters in lower case).
var frequencyValue = regexp.MustCompile(`毎(日|週|月|年|時|営業日|朝|晩|夜|夜間)|日々|隔(日|週|月|年)|[年月週日]\s*[0-9]+\s*回|[0-9]+\s*(分|時間|日|週間|か月|ヶ月|ケ月|カ月|年)\s*(ごと|毎|おき|に[1一]回)|[日週月年]次|四半期|半期|` +
	`\b(?:hourly|daily|nightly|weekly|bi-?weekly|fortnightly|monthly|bi-?monthly|quarterly|annual(?:ly)?|yearly|semi-?annual(?:ly)?|bi-?annual(?:ly)?)\b|` +
	`\bevery\s+(?:[0-9]+\s+|other\s+)?(?:minute|hour|day|night|week|month|quarter|year)s?\b|\b(?:once|twice|[0-9]+\s+times)\s+(?:a|per|each|every)\s+(?:day|week|month|quarter|year)\b|` +
	continuous)

var continuousValue = regexp.MustCompile(continuous)

type measureValue struct {
	// asks are the last words of a measure.
	asks []string
	// value is how an answer states one, in folded text; cased, where
	// set, in the text as written (US, EU: a folded "us" is a pronoun);
	// loose, the values that are not exact (see StatesMeasure).
	value, cased, loose *regexp.Regexp
	// notFrequency: a frequency in the answer (5分ごと, every 3 years) is
	// not the measure, though it holds one of its values.
	notFrequency bool
}

// measureValues are the measures that StatesMeasure reads.
var measureValues = []measureValue{
	{asks: []string{"頻度", "間隔", "周期"}, value: frequencyValue, loose: continuousValue},
	{asks: []string{"期間", "時間", "期限"}, value: regexp.MustCompile(`[0-9]+\s*(秒|分|時間|営業日|日|週間|か月|ヶ月|ケ月|カ月|年)|無期限|` +
		`\b[0-9]+\s*-?\s*(?:seconds?|minutes?|mins?|hours?|hrs?|(?:business\s+|calendar\s+)?days?|weeks?|months?|years?)\b|\bindefinitely\b`), notFrequency: true},
	{asks: []string{"率"}, value: regexp.MustCompile(`[0-9.]+\s*%|[0-9]+\s*割`)},
	{asks: []string{"時期"}, value: regexp.MustCompile(`[0-9]+\s*(営業日|日|週間|か月|ヶ月|ケ月|カ月|年)\s*(前|後|以内)|` +
		`\b(?:within\s+)?[0-9]+\s*-?\s*(?:hours?|(?:business\s+)?days?|weeks?|months?)\s+(?:before|after|of|from|prior)\b`)},
	{asks: []string{"場所", "所在地", "所在国"}, value: regexp.MustCompile(`国内|国外|海外|日本国|東京|大阪|リージョン|都内|首都圏|関東|関西|東日本|西日本|北海道|東北|中部|近畿|中国地方|四国|九州|沖縄|` +
		`\b(?:united states|united kingdom|european union|europe|canada|japan|australia|germany|ireland|singapore|india)\b|\bregions?\b|\b[a-z]{2}-(?:east|west|central|north|south|northeast|southeast)-[0-9]\b`),
		cased: regexp.MustCompile(`\b(?:US|USA|EU|EEA|UK)\b`)},
	{asks: []string{"数"}, value: regexp.MustCompile(`[0-9]+\s*(世代|台|件|名|人|回|つ|個|拠点|系統)|` +
		`\b[0-9]+\s+(?:[a-z-]+\s+)?(?:attempts?|tries|times|versions?|copies|generations?|sites?|locations?|regions?|zones?|employees|staff|people|persons|members|servers|instances)\b`)},
}
