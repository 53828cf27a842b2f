package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestRealworldInspect checks what the reader finds in every public
// questionnaire in ../shared/realworld against a golden `qfill inspect`
// output (sheets, header rows, columns, question counts, choices, skip
// reasons). Regenerate with: go test ./cmd/qfill -run RealworldInspect -update
func TestRealworldInspect(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "realworld")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(files) == 0 {
		t.Skip("../shared/realworld is not beside this checkout (it is in CI): skipping real-world inspect goldens")
	}
	for _, in := range files {
		name := filepath.Base(in)
		t.Run(name, func(t *testing.T) {
			code, out, stderr := qfill(t, "inspect", in)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			// The golden names the file without the folder it was read from.
			out = strings.ReplaceAll(out, in, name)
			golden := filepath.Join("testdata", "realworld", name+".inspect")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if out != string(want) {
				t.Errorf("inspect output differs from %s:\n%s", golden, out)
			}
		})
	}
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
	dir := filepath.Join("..", "..", "..", "shared", "realworld")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(files) == 0 {
		t.Skip("../shared/realworld is not beside this checkout (it is in CI): skipping real-world fill goldens")
	}
	for _, in := range files {
		name := filepath.Base(in)
		t.Run(name, func(t *testing.T) {
			tmp := t.TempDir()
			report := filepath.Join(tmp, "r.json")
			code, _, stderr := qfill(t, "fill", in, "--corpus", repoCorpus, "-o", filepath.Join(tmp, "out.xlsx"), "--report", report)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var r struct {
				Files []struct {
					Items []struct {
						Sheet      string `json:"sheet"`
						AnswerCell string `json:"answer_cell"`
						ID         string `json:"id"`
						Status     string `json:"status"`
						EntryID    string `json:"entry_id"`
					} `json:"items"`
				} `json:"files"`
			}
			if err := json.Unmarshal(mustRead(t, report), &r); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for _, f := range r.Files {
				for _, it := range f.Items {
					if it.Status == "filled" {
						fmt.Fprintf(&b, "%s!%s\t%s\t%s\n", it.Sheet, it.AnswerCell, it.ID, it.EntryID)
					}
				}
			}
			golden := filepath.Join("testdata", "realworld", name+".fills")
			if *update {
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if b.String() != string(want) {
				t.Errorf("filled rows differ from %s (judge the new ones, then -update):\n%s", golden, b.String())
			}
		})
	}
}
