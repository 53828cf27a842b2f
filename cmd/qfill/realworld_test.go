package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qfill/qfill/pkg/fill"
	"github.com/qfill/qfill/pkg/review"
)

var update = flag.Bool("update", false, "rewrite golden files")

// realworldGoldens runs out on every public questionnaire in
// ../shared/realworld and compares its text with
// testdata/realworld/NAME.ext (rewritten with -update); what names the
// golden in the skip message, hint follows the diff.
func realworldGoldens(t *testing.T, what, ext, hint string, out func(t *testing.T, in, name string) string) {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "realworld")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(files) == 0 {
		t.Skipf("../shared/realworld is not beside this checkout (it is in CI): skipping real-world %s goldens", what)
	}
	for _, in := range files {
		name := filepath.Base(in)
		t.Run(name, func(t *testing.T) {
			got := out(t, in, name)
			golden := filepath.Join("testdata", "realworld", name+"."+ext)
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s%s:\n%s", what, golden, hint, got)
			}
		})
	}
}

// TestRealworldInspect checks what the reader finds in every public
// questionnaire in ../shared/realworld against a golden `qfill inspect`
// output (sheets, header rows, columns, question counts, choices, skip
// reasons). Regenerate with: go test ./cmd/qfill -run RealworldInspect -update
func TestRealworldInspect(t *testing.T) {
	realworldGoldens(t, "inspect output", "inspect", "", func(t *testing.T, in, name string) string {
		code, out, stderr := qfill(t, "inspect", in)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		// The golden names the file without the folder it was read from.
		return strings.ReplaceAll(out, in, name)
	})
}

// TestExamplesCurrent runs `qfill regen --check` on the project's own
// manifest: examples/ must be what a fresh fill of templates/ gives, byte
// for byte. After changing the corpus, the templates or the matcher, run
// `make run` and commit examples/.
func TestExamplesCurrent(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	code, out, stderr := qfill(t, "regen", "--check")
	if code != 0 {
		t.Fatalf("exit %d: examples/ is stale (run `make run`):\n%s%s", code, out, stderr)
	}
}

// TestRealworldFills pins which rows of the public questionnaires the
// bundled corpus fills without review (sheet, answer cell, question ID,
// entry), so that a matcher change that fills a new row, or stops filling
// one, shows up as a diff to judge: the labelled sets cannot see these
// sheets' wordings. The golden holds no question text. Regenerate with:
// go test ./cmd/qfill -run RealworldFills -update
func TestRealworldFills(t *testing.T) {
	realworldGoldens(t, "filled rows", "fills", " (judge the new ones, then -update)", func(t *testing.T, in, _ string) string {
		tmp := t.TempDir()
		report := filepath.Join(tmp, "r.json")
		code, stdout, stderr := qfill(t, "fill", in, "--corpus", repoCorpus, "-o", filepath.Join(tmp, "out.xlsx"), "--report", report)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var b strings.Builder
		// The summary's line on rows held back because the corpus barely
		// covers the sheet, where there is one.
		for _, l := range strings.Split(stdout, "\n") {
			if strings.Contains(l, "barely covers") {
				fmt.Fprintln(&b, strings.TrimSpace(l))
			}
		}
		var r review.Report
		if err := json.Unmarshal(mustRead(t, report), &r); err != nil {
			t.Fatal(err)
		}
		for _, f := range r.Files {
			for _, it := range f.Items {
				if it.Status == fill.StatusFilled {
					fmt.Fprintf(&b, "%s!%s\t%s\t%s\n", it.Sheet, it.AnswerCell, it.ID, it.EntryID)
				}
			}
		}
		return b.String()
	})
}

// TestBatchSummaryUnfamiliar: a folder's table ends with the rows held
// because the corpus barely covers their English sheet, summed over the
// files that have any (here CAIQ v1.1's 3 and HECVAT Lite's 1, pinned by
// their .fills goldens; the Japanese template has none), and the JSON
// report gives each file's count.
func TestBatchSummaryUnfamiliar(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "realworld")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/realworld is not beside this checkout (it is in CI): skipping the batch summary of barely covered sheets")
	}
	in := t.TempDir()
	for _, f := range []string{filepath.Join(dir, "csa_caiq_v1.1_2011_template.xlsx"), filepath.Join(dir, "educause_hecvat_lite_v2.11.xlsx"), templateJA} {
		copyFile(t, f, in)
	}
	report := filepath.Join(t.TempDir(), "r.json")
	code, stdout, stderr := qfill(t, "fill", in, "--corpus", repoCorpus, "-o", t.TempDir(), "--report", report)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"held for review as the corpus barely covers their English sheets: 4 rows in 2 files",
		"held for review as their entries name no dropdown value: 2 rows in 1 files (add choice: to dc-location, log-retention)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	var r review.Report
	if err := json.Unmarshal(mustRead(t, report), &r); err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, f := range r.Files {
		got[filepath.Base(f.Input)] = f.Counts.Unfamiliar
	}
	want := map[string]int{"csa_caiq_v1.1_2011_template.xlsx": 3, "educause_hecvat_lite_v2.11.xlsx": 1, "security_checklist_ja.xlsx": 0}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("report counts %v, want %v", got, want)
	}
}
