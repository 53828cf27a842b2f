package sheet

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/textnorm"
	"github.com/sahilm/fuzzy"
)

// Role is what a column holds.
type Role int

// Column roles found from header labels.
const (
	RoleNone Role = iota
	RoleID
	RoleCategory
	RoleQuestion
	RoleDetail // a second question column: the description beside an item
	RoleAnswer
	RoleRemarks
	RoleOther // a known label that is none of the above (guidance, scoring)
)

func (r Role) String() string {
	return [...]string{"", "id", "category", "question", "detail", "answer", "remarks", "other"}[r]
}

// label is one header wording for a role. Weight says how sure the wording
// makes us: "質問" is a question column for certain, "項目" only probably.
type label struct {
	key    string // textnorm.Key form
	role   Role
	weight float64
	folds  []rune // foldKey of each of its runes, once each
}

// labelTable lists header wordings seen on Japanese and English checklists.
// Keys are written plainly here and folded by init.
var labelTable = []struct {
	role   Role
	weight float64
	words  []string
}{
	{RoleID, 1, []string{"no", "no.", "№", "項番", "番号", "通番", "管理番号", "id", "#", "question id", "control id", "cid", "ref", "reference id", "item no", "mstg-id", "問番号", "質問番号", "項目番号", "整理番号", "ナンバー"}},
	{RoleCategory, 0.9, []string{"分類", "カテゴリ", "カテゴリー", "大項目", "種別", "中項目", "小項目", "大分類", "中分類", "小分類", "区分", "領域", "分野", "domain", "category", "control domain", "section", "area", "control group", "stream", "カテゴリ名", "観点"}},
	{RoleQuestion, 1, []string{"質問", "質問内容", "質問事項", "設問", "確認項目", "確認事項", "確認内容", "チェック項目", "チェック内容", "要件", "要求事項", "検証要件", "検証要件の内容", "評価項目", "点検項目", "管理策", "質問項目", "ヒアリング項目", "チェックポイント", "確認ポイント", "要求内容", "質問文", "question", "questions", "consensus assessment questions", "requirement", "requirements", "security requirement", "query"}},
	{RoleQuestion, 0.7, []string{"項目", "内容", "チェックリスト", "control", "control specification", "test name", "objective", "objectives", "item", "criteria", "description of control", "control description"}},
	{RoleDetail, 0.8, []string{"詳細", "説明", "内容説明", "具体的内容", "description", "details", "objectives", "解説", "評価基準", "判断基準", "判定基準", "評価の観点", "確認の観点", "確認のポイント"}},
	{RoleAnswer, 1, []string{"回答", "ご回答", "回答欄", "回答内容", "回答結果", "貴社回答", "御社回答", "結果", "評価結果", "確認結果", "チェック結果", "選択", "可否", "対応可否", "対応状況", "実施状況", "実施有無", "有無", "はい/いいえ", "answer", "answers", "response", "responses", "vendor answers", "vendor answer", "vendor response", "csp caiq answer", "summary answers", "consensus assessment answers", "yes/no", "result", "status", "your answer", "implemented", "in place", "compliant", "compliance status", "selected answer", "selected response", "current state", "current status", "self-assessment", "self assessment", "回答(はい/いいえ)", "○×", "評価", "記入欄", "ご記入欄", "貴社記入欄", "御社記入欄", "事業者記入欄", "ベンダー記入欄", "回答者記入欄", "準拠状況", "適合状況", "遵守状況", "supplier response", "対応", "実施内容", "対応内容", "委託先記入欄", "委託先回答", "受託者記入欄", "受託者回答", "回答区分", "回答選択", "状況", "現状", "現在の状況", "準拠", "準拠性", "適合", "適合性", "充足状況", "対応有無", "自己評価", "自己評価結果", "自己点検結果", "実施の有無", "対応の有無", "導入の有無", "reply", "replies", "返答", "ご返答", "設定値", "回答値", "提供値"}},
	// Weaker: a column of the options may stand beside the answer column
	// (質問 | 選択肢 | 回答), and then the answer label must win.
	{RoleAnswer, 0.8, []string{"選択肢", "choice", "choices", "selection", "options", "answer options", "response options"}},
	{RoleRemarks, 1, []string{"備考", "補足", "補足説明", "コメント", "説明", "特記事項", "根拠", "回答補足", "回答の補足", "回答に関する補足", "根拠資料", "自由記述", "自由記入", "記述欄", "備考欄", "補足事項", "理由", "詳細説明", "comment", "comments", "notes", "note", "remarks", "remark", "additional information", "explanation", "rationale", "comments and notes", "evidence", "justification", "csp implementation description", "implementation description", "interview notes", "supporting information", "additional comments"}},
	{RoleOther, 1, []string{"guidance", "analyst notes", "analyst", "score", "scoring", "weight", "rating", "level", "level 1", "level 2", "mapping", "test procedure", "テスト手順", "参考", "参照", "reference", "references", "ssrm control ownership", "csc responsibilities", "owner", "担当", "担当者", "期限", "date", "version", "レベル1", "レベル2", "重要度", "priority", "回答日", "ご回答日", "回答者", "ご回答者", "回答期限", "回答者名", "date completed", "completed by", "respondent", "回答例", "記入例", "記載例", "回答の例", "reviewer comments", "reviewer notes", "assessor comments", "assessor notes", "for internal use", "for internal use only", "internal use only", "target state", "target status"}},
}

var labels []label

func init() {
	for _, t := range labelTable {
		for _, w := range t.words {
			k := textnorm.Key(w)
			labels = append(labels, label{key: k, role: t.role, weight: t.weight, folds: foldSet(k)})
		}
	}
}

// maxLabelRunes bounds what can be a header label: a cell longer than this
// is content, not a column name.
const maxLabelRunes = 60

// classify returns the most likely role of a header cell and how sure it is
// (0..1). Exact matches beat prefixes, which beat containment; among those,
// the longest label wins, so "Question ID" is an id and "CSP CAIQ Answer"
// an answer. sahilm/fuzzy, a subsequence matcher, catches short labels
// typed with gaps ("回 答", "Comment(s)") where containment fails.
func classify(text string) (Role, float64) {
	if len([]rune(text)) > maxLabelRunes {
		return RoleNone, 0
	}
	folded := textnorm.Fold(text)
	// A column asked of one answer ("If no, please explain", 「はい」の
	// 場合は具体的な内容) is where the answer is explained.
	if explainsAnswer.MatchString(folded) {
		return RoleRemarks, 0.9
	}
	// A bracketed remark after the label ("(Optional/Recommended)",
	// 「（はい／いいえ）」「（記入欄）」) qualifies it: the label alone decides
	// when it is one.
	if m := trailingBracket.FindStringIndex(text); m != nil && m[0] > 0 {
		if role, sc := classifyKey(textnorm.Key(text[:m[0]])); sc >= 0.7 {
			return role, sc
		}
	}
	k := textnorm.KeyFolded(folded)
	if customerOwn.MatchString(k) {
		return RoleOther, 1
	}
	if vendorOwn.MatchString(k) {
		return RoleAnswer, 0.95
	}
	role, sc := classifyKey(k)
	switch {
	case sc < 0.6 && headerChoices(text) != nil:
		// A column headed by the values it takes ("Compliant (Y/N)").
		return RoleAnswer, 0.9
	case sc == 0 && strings.TrimSpace(text) == "#", sc == 0 && strings.TrimSpace(text) == "＃":
		return RoleID, 1 // the key drops the sign
	}
	return role, sc
}

// explainsAnswer: a header that asks for something on one answer, or for
// an explanation of it.
var explainsAnswer = regexp.MustCompile(`(はい|いいえ|○|〇|×|yes|no)[」』"']?\s*の場合|の場合の(理由|説明|内容|代替)|^if (yes|no|not|so)\b|\bif (yes|no)\s*[,;:]|please (describe|explain|specify)|代替策|代替手段`)

// customerOwn: a column the customer keeps for itself (当社確認欄, 当社記入欄,
// 当社コメント: in its own sheet the customer is 当社, the vendor 貴社), which
// no answer may go into. 当社回答 is not one: it heads a vendor's own
// answer sheet, which learn reads.
var customerOwn = regexp.MustCompile(`^(当社|弊社)(の)?(確認|使用|記入|評価|判定|コメント|備考|チェック|メモ|担当|処理)`)

// vendorOwn: the column for the vendor's own state (貴社の状況, 御社の対応状況,
// 委託先の実施状況): the answer. What the vendor is to do (委託先の実施事項)
// is the question.
var vendorOwn = regexp.MustCompile(`^(貴社|御社|委託先|受託者|事業者)(の|での)?(状況|現状|対応状況|実施状況|対応|実施|回答|回答欄|記入欄|対応方針|取組状況|取り組み状況|値|設定値|提供値|回答値)$`)

// trailingBracket is a bracketed part ending a header label; its group
// is what the brackets hold.
var trailingBracket = regexp.MustCompile(`\s*[（(【\[]([^（()）【】\[\]]*)[）)】\]]\s*$`)

func classifyKey(k string) (Role, float64) {
	if k == "" {
		return RoleNone, 0
	}
	best, bestScore, bestLen := RoleNone, 0.0, 0
	consider := func(l label, score float64) {
		if score > bestScore || score == bestScore && len(l.key) > bestLen {
			best, bestScore, bestLen = l.role, score, len(l.key)
		}
	}
	// A label's own wording beats any word inside a longer one.
	for _, l := range labels {
		if k == l.key {
			consider(l, l.weight)
		}
	}
	if bestScore > 0 {
		return best, bestScore
	}
	for _, l := range labels {
		switch {
		case strings.HasSuffix(k, l.key) && textnorm.HasCJK(l.key) && len([]rune(l.key)) >= 2:
			// A Japanese compound ends in what it is: 自己評価の根拠 is
			// a 根拠, セキュリティ要件 a 要件.
			consider(l, l.weight*0.9)
		case len(l.key) >= 2 && strings.HasPrefix(k, l.key):
			consider(l, l.weight*0.85*coverage(l.key, k))
		case len(l.key) >= 3 && strings.Contains(k, l.key):
			consider(l, l.weight*0.8*coverage(l.key, k))
		}
	}
	// 〜項目, 〜内容 and 〜事項 name what a row is about (サービスレベル項目, 対策項目, 対応事項,
	// 規定内容) however the label begins.
	if bestScore < 0.6 && (strings.HasSuffix(k, "項目") || strings.HasSuffix(k, "内容") || strings.HasSuffix(k, "事項")) && len([]rune(k)) <= 10 {
		return RoleQuestion, 0.6
	}
	if bestScore > 0 {
		return best, bestScore
	}
	if len([]rune(k)) <= 12 {
		cell := foldSet(k)
		for _, l := range labels {
			if len([]rune(l.key)) < 2 || !hasAll(cell, l.folds) {
				continue
			}
			if m := fuzzy.Find(l.key, []string{k}); len(m) > 0 {
				consider(l, l.weight*0.5)
			}
		}
	}
	return best, bestScore
}

// A label matches a cell, for sahilm/fuzzy, only if each of its runes is
// in the cell up to any NUL, case folded as fuzzy folds it (a rune equals
// another in its unicode.SimpleFold orbit). Most of the labels tried on a
// short cell lack one, and fuzzy.Find costs far more than this check:
// on a workbook of many tabs most of the header search.

// foldSet returns the distinct foldKeys of s's runes before any NUL.
func foldSet(s string) []rune {
	if i := strings.IndexRune(s, 0); i >= 0 {
		s = s[:i]
	}
	var out []rune
	for _, r := range s {
		if f := foldKey(r); !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// foldKey is the least rune of r's case-folding orbit.
func foldKey(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

// hasAll reports whether every rune of want is in set.
func hasAll(set, want []rune) bool {
	for _, r := range want {
		if !slices.Contains(set, r) {
			return false
		}
	}
	return true
}

// coverage favours labels that make up most of the cell: "回答" in
// "回答欄" is surer than "回答" inside a long instruction. It never drops
// below one half, so a long but clear header ("Consensus Assessment
// Questions") still counts.
func coverage(label, cell string) float64 {
	c := float64(len(label)) / float64(len(cell))
	if c < 0.5 {
		return 0.5 + c/2
	}
	return 0.75 + c/4
}

// placeholderAnswers are what templates put in answer cells before anyone
// answers; such a cell is empty for qfill.
var placeholderAnswers = map[string]bool{}

func init() {
	for _, w := range []string{
		"vendor answer", "vendor answers", "not started", "select", "select one", "please select",
		"choose", "choose an item", "click to select", "vendor name", "mm/dd/yyyy", "yyyy/mm/dd",
		"555-555-5555", "see instructions tab for guidance", "tbd", "todo", "to be completed",
		"選択してください", "選択", "未回答", "未記入", "記入してください", "回答してください", "プルダウンから選択",
		"ここに回答", "ここに記入", "ここに入力", "未入力", "要回答", "要記入", "回答欄", "記入欄", "入力欄", "回答を入力", "回答を記入",
		"click here to enter text", "click or tap here to enter text", "type here", "answer here", "response here", "your answer",
	} {
		placeholderAnswers[textnorm.Key(w)] = true
	}
}

// askToAnswer is a request to answer written where the answer goes
// (「プルダウンから選択してください」「ご記入ください」, "Please choose"),
// matched on the Key form.
var askToAnswer = regexp.MustCompile(`^(ご|お)?((プルダウン|ドロップダウン|リスト|一覧)(から|で|より))?(記入|入力|回答|選択)(して|を)?(ください|下さい|願います)?$|^[^。]{1,20}を(ご|お)?(記入|入力|選択|回答)(して)?(ください|下さい)$|^(please)?(choose|select|enter|fill|answer|type)(one|anoption|(your)?(answer|response)|text|in)?(here)?$`)

// exampleText is a template's example of what goes in the cell, not an
// answer: text that opens as an example ("e.g., CRM, LMS", 「例：」), or a
// link to a host no one can own (the reserved example domains and TLDs of
// RFC 2606, or a top-level "domain": https://www.vendor.domain/vpat).
var exampleText = regexp.MustCompile(`(?i)^\s*(e\.\s?g\.|(記入)?例\s*[:：)）]|[(（]例[)）])|^\s*https?://[^/\s]*(\bexample\.(com|net|org)|\.(example|invalid|test|domain))(:\d+)?(/\S*)?\s*$`)

// IsPlaceholder reports whether an answer cell's text only waits for an
// answer: empty, a known preset, a request to answer, a bare arrow (▼),
// the allowed values listed as a hint (「はい／いいえ」, "Yes/No"), or an
// example (exampleText).
func IsPlaceholder(s string) bool {
	if strings.Trim(s, " \t\r\n　▼▽↓⇩") == "" {
		return true
	}
	k := textnorm.Key(s)
	return placeholderAnswers[k] || askToAnswer.MatchString(k) || hintValues(s) != nil || exampleText.MatchString(s)
}

// optionalNote is a remarks cell's hint that writing there is optional:
// （任意）, 自由記入, 補足があればご記入ください, Optional, if any.
var optionalNote = regexp.MustCompile(`(?i)^[（(【\[]?\s*(任意|任意記入|任意入力|自由記入|自由記述|optional|if any|if applicable)\s*[)）】\]]?$|^(補足|コメント|備考|特記事項|その他)?(が|は)?(あれば|ある場合は?|必要に応じて)、?(ご)?(記入|入力|記載)(して)?(ください|下さい)。?$`)

// isRemarksHint reports whether a remarks cell only waits for text.
func isRemarksHint(s string) bool {
	return IsPlaceholder(s) || optionalNote.MatchString(strings.TrimSpace(s))
}

// describesItem reports whether an English answer cell only describes the
// value its item takes ("Short Description of the Service" beside Service
// Description, "Support Contact E-mail Address" beside Support Contact
// Email): every word of the item, and besides them only words that
// describe a value. A value has a digit, an @ or a link, or a word of its
// own (a product's name).
func describesItem(answer, item string) bool {
	if len(answer) > 2*len(item)+60 || textnorm.HasCJK(answer) || strings.ContainsAny(answer, "@0123456789:/") {
		return false
	}
	aw, iw := labelWords(answer), labelWords(item)
	if len(iw) == 0 || len(aw) > len(iw)+4 {
		return false
	}
	for w := range iw {
		if !aw[w] {
			return false
		}
	}
	for w := range aw {
		if !iw[w] && !valueWords[w] {
			return false
		}
	}
	return true
}

// labelWords are the words of an English label, folded (E-mail = Email).
func labelWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(s, "-", "")), func(r rune) bool { return r < 'a' || r > 'z' }) {
		out[w] = true
	}
	return out
}

// valueWords describe a value without giving one.
var valueWords = map[string]bool{"information": true, "info": true, "brief": true, "short": true, "description": true,
	"address": true, "details": true, "version": true, "number": true, "full": true, "of": true, "the": true,
	"and": true, "a": true, "an": true, "your": true, "here": true, "enter": true, "for": true}

// naSlash keeps "N/A" one value when values are split at slashes, and
// naBack restores it.
var (
	naSlash = strings.NewReplacer("N/A", "N\x00A", "n/a", "n\x00a", "N/a", "N\x00a", "Ｎ／Ａ", "Ｎ\x00Ａ")
	naBack  = strings.NewReplacer("\x00", "/")
)

// choiceList splits s into the values it lists when it lists choices: two
// or more values, each a plain yes, no or n/a and no two alike, yes and
// no among them, between slashes or dots (no answer says both yes and
// no); it returns nil otherwise.
func choiceList(s string) []string {
	parts := strings.FieldsFunc(orWord.Replace(naSlash.Replace(s)), func(r rune) bool { return strings.ContainsRune("/／・|｜、,", r) })
	if len(parts) < 2 {
		return nil
	}
	seen := map[corpus.Choice]bool{}
	for i, p := range parts {
		p = strings.TrimSpace(naBack.Replace(p))
		c, ok := corpus.ChoiceOf(p)
		if !ok || seen[c] {
			return nil
		}
		seen[c], parts[i] = true, p
	}
	if !seen[corpus.ChoiceYes] || !seen[corpus.ChoiceNo] {
		return nil
	}
	return parts
}

var (
	// selectWords ask to pick around a list of values: "Select Yes/No",
	// "Yes/No (select one)", はい／いいえ（選択）, はい・いいえから選択.
	selectWords = regexp.MustCompile(`(?i)^\s*(please\s+)?(select|choose)\s*:?\s*|\s*([（(]\s*(select|choose)( one)?\s*[)）]|[（(]\s*選択\s*[)）]|(から|より|を)\s*(ご)?選択(して)?(ください|下さい)?)\s*$`)
	// wrapped is a list of values in brackets: （はい／いいえ）, [Yes/No].
	wrapped = regexp.MustCompile(`^\s*[【\[［(（<＜]\s*(.+?)\s*[】\]］)）>＞]\s*$`)
)

// hintValues are the values an answer cell lists as a hint of what to
// write (はい／いいえ, [Yes/No], Select Yes/No), or nil.
func hintValues(s string) []string {
	t := selectWords.ReplaceAllString(s, "")
	if m := wrapped.FindStringSubmatch(t); m != nil {
		t = m[1]
	}
	return choiceList(t)
}

// orWord separates values as a slash does (Yes or No).
var orWord = strings.NewReplacer(" or ", "/", " OR ", "/", " Or ", "/")

// headerChoices are the values an answer column's header names, alone
// (はい/いいえ) or in brackets after its label (回答（はい／いいえ）).
func headerChoices(label string) []string {
	if l := choiceList(label); l != nil {
		return l
	}
	if m := trailingBracket.FindStringSubmatch(label); m != nil {
		return choiceList(m[1])
	}
	return nil
}

// defaultishAnswers are real answers that templates also use as a preset on
// every row ("N/A", "-"); they count as placeholders only when most answer
// cells of a sheet hold the same one.
var defaultishAnswers = map[string]bool{"na": true, "": true, "未": true, "未実施": true, "tbd": true}
