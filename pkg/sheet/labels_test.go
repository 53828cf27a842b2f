package sheet

import (
	"math/rand"
	"path/filepath"
	"testing"
	"unicode"

	"github.com/qfill/qfill/pkg/textnorm"
	"github.com/sahilm/fuzzy"
)

// Header labels as Japanese and English checklists write them.
func TestClassify(t *testing.T) {
	tests := []struct {
		label string
		want  Role
	}{
		{"No.", RoleID},
		{"項番", RoleID},
		{"大項目", RoleCategory},
		{"種別", RoleCategory},
		{"質問", RoleQuestion},
		{"確認項目（質問）", RoleQuestion},
		{"チェックポイント", RoleQuestion},
		{"サービスレベル項目", RoleQuestion},
		{"規定内容", RoleQuestion},
		{"回答", RoleAnswer},
		{"回答（はい／いいえ）", RoleAnswer},
		{"対応状況（○/×）", RoleAnswer},
		{"貴社記入欄", RoleAnswer},
		{"事業者記入欄", RoleAnswer},
		{"回答者記入欄", RoleAnswer},
		{"準拠状況", RoleAnswer},
		{"自己評価", RoleAnswer},
		{"実施の有無", RoleAnswer},
		{"評価基準", RoleDetail},
		{"確認の観点", RoleDetail},
		{"Vendor Response", RoleAnswer},
		{"回答 (Yes/No)", RoleAnswer},
		{"備考", RoleRemarks},
		{"備考（記入欄）", RoleRemarks},
		{"補足説明・根拠", RoleRemarks},
		{"CSP Implementation Description (Optional/Recommended)", RoleRemarks},
		{"Comments / Evidence", RoleRemarks},
		{"Compliant (Y/N)", RoleAnswer},
		{"はい・いいえ", RoleAnswer},
		{"#", RoleID},
		{"Compliance Notes", RoleRemarks},
		{"回答者", RoleOther},
		{"当社確認欄", RoleOther},
		{"当社記入欄", RoleOther},
		{"当社コメント", RoleOther},
		{"弊社評価", RoleOther},
		{"当社回答", RoleAnswer},
		{"委託先記入欄", RoleAnswer},
		{"Reviewer Comments", RoleOther},
		{"Implemented?", RoleAnswer},
		{"自己評価の根拠", RoleRemarks},
		{"現状の説明", RoleRemarks},
		{"セキュリティ要件", RoleQuestion},
		{"要件の重要度", RoleOther},
		{"回答例", RoleOther},
		{"現状", RoleAnswer},
		{"準拠", RoleAnswer},
		{"適合性", RoleAnswer},
		{"貴社の状況", RoleAnswer},
		{"委託先の実施状況", RoleAnswer},
		{"非準拠の場合の理由", RoleRemarks},
		{"今後の予定", RoleNone},
		{"「はい」の場合は具体的な内容をご記入ください", RoleRemarks},
		{"具体的な対策内容（「はい」の場合）", RoleRemarks},
		{"いいえの場合の代替策", RoleRemarks},
		{"If No, please explain", RoleRemarks},
		{"ＩＦ ＮＯ， ＰＬＥＡＳＥ ＥＸＰＬＡＩＮ", RoleRemarks},
		{"If yes, please describe; if no, explain why", RoleRemarks},
		{"Answer (if applicable)", RoleAnswer},
		{"In Place?", RoleAnswer},
		{"Compliance Status", RoleAnswer},
		{"Choice", RoleAnswer},
		{"Guidance", RoleOther},
		{"作成日：2026年12月1日 株式会社サンプル 情報システム部", RoleNone},
	}
	for _, tt := range tests {
		if got, _ := classify(tt.label); got != tt.want {
			t.Errorf("classify(%q) = %v, want %v", tt.label, got, tt.want)
		}
	}
}

// The check before fuzzy.Find never passes over a label fuzzy would find
// in a cell: every short cell of the workbooks at hand, and random ones
// made of label runes in other cases, runes that fold to ASCII (the
// Kelvin sign, the long s) and NULs.
func TestFoldCheckKeepsFuzzyMatches(t *testing.T) {
	if testing.Short() {
		t.Skip("one goroutine, slow under the race detector: make test runs it")
	}
	var cells []string
	for _, pat := range []string{"../../templates/*.xlsx", "../../testdata/*/*.xlsx", "../../../shared/realworld/*.xlsx"} {
		files, _ := filepath.Glob(pat)
		for _, fn := range files {
			b, err := Open(fn, OpenOptions{})
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range b.GetSheetList() {
				it, err := b.Rows(name)
				if err != nil {
					t.Fatal(err)
				}
				for n := 0; n < 80 && it.Next(); n++ {
					r, _ := it.Columns()
					for _, c := range r {
						if k := textnorm.Key(c); k != "" && len([]rune(k)) <= 12 {
							cells = append(cells, k)
						}
					}
				}
				it.Close()
			}
			b.Close()
		}
	}
	var pool []rune
	for _, l := range labels {
		for _, r := range l.key {
			pool = append(pool, r, unicode.ToUpper(r), unicode.SimpleFold(r))
		}
	}
	pool = append(pool, 'K', 'ſ', 0, 'x', '　')
	rnd := rand.New(rand.NewSource(5))
	for i := 0; i < 20000; i++ {
		rs := make([]rune, 1+rnd.Intn(12))
		for j := range rs {
			rs[j] = pool[rnd.Intn(len(pool))]
		}
		cells = append(cells, string(rs))
	}
	sets := make([][]rune, len(cells))
	for i, k := range cells {
		sets[i] = foldSet(k)
	}
	found := 0
	for _, l := range labels {
		for _, m := range fuzzy.Find(l.key, cells) {
			found++
			if !hasAll(sets[m.Index], l.folds) {
				t.Fatalf("fuzzy finds %q in %q, the check passes over it", l.key, cells[m.Index])
			}
		}
	}
	if found < 1000 {
		t.Fatalf("only %d matches among %d cells: the test checks too little", found, len(cells))
	}
}
