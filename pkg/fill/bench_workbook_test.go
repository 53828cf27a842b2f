package fill

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/match"
)

// TestBenchDropdownWorkbook fills the bench's questions laid out as most
// Japanese checklists are (No. | 質問 | 回答 as a はい/いいえ/該当なし dropdown
// | 備考) from each vendor's answers, end to end, and counts the rows
// filled without review against the bench's labels. The vendors' answers
// carry no choice field, so a row is filled only when its answer says はい
// in words (corpus.DeriveChoice). The workbook is built at test time from
// ../shared: its text is not the project's.
func TestBenchDropdownWorkbook(t *testing.T) {
	bench := filepath.Join("..", "..", "..", "shared", "bench")
	if _, err := os.Stat(filepath.Join(bench, "pairs.tsv")); err != nil {
		t.Skip("../shared/bench is not beside this checkout (it is in CI): skipping the dropdown workbook measurement")
	}
	type pair struct{ question, expected string }
	byCorpus := map[string][]pair{}
	f, err := os.Open(filepath.Join(bench, "pairs.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 4 || c[0] == "query_id" {
			continue
		}
		byCorpus[c[2]] = append(byCorpus[c[2]], pair{c[1], c[3]})
	}
	for _, tt := range []struct {
		corpus     string
		rightFloor int
	}{
		{"corpus_000", 27}, // 43 answerable rows
		{"corpus_003", 12}, // 41 answerable rows
	} {
		t.Run(tt.corpus, func(t *testing.T) {
			c, err := corpus.Load(filepath.Join(bench, tt.corpus+".tsv"))
			if err != nil {
				t.Fatal(err)
			}
			pairs := byCorpus[tt.corpus]
			x := excelize.NewFile()
			x.SetSheetRow("Sheet1", "A1", &[]any{"No.", "質問項目", "回答", "備考"})
			for i, p := range pairs {
				x.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+2), &[]any{i + 1, p.question})
			}
			dv := excelize.NewDataValidation(true)
			dv.Sqref = fmt.Sprintf("C2:C%d", len(pairs)+1)
			if err := dv.SetDropList([]string{"はい", "いいえ", "該当なし"}); err != nil {
				t.Fatal(err)
			}
			x.AddDataValidation("Sheet1", dv)
			buf, err := x.WriteToBuffer()
			if err != nil {
				t.Fatal(err)
			}
			res, err := Run(Job{Input: tt.corpus + ".xlsx", Data: buf.Bytes()}, match.New(c.Entries, match.DefaultConfig()))
			if err != nil {
				t.Fatal(err)
			}
			right, wrong := 0, 0
			for _, it := range res.Items {
				if it.Status != StatusFilled {
					continue
				}
				if slices.Contains(strings.Split(pairs[it.Row-2].expected, "|"), it.EntryID) {
					right++
				} else {
					wrong++
					t.Errorf("row %d filled from %s, want %s", it.Row, it.EntryID, pairs[it.Row-2].expected)
				}
			}
			t.Logf("%s: %d rows filled, %d right", tt.corpus, right+wrong, right)
			if right < tt.rightFloor {
				t.Errorf("%d rows filled right, want at least %d", right, tt.rightFloor)
			}
		})
	}
}
