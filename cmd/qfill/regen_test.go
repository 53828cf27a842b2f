package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// project copies the sample templates, corpus and manifest into a temp
// folder and makes it the working directory.
func project(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	for _, sub := range []string{"templates", "corpus"} {
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
		files, _ := os.ReadDir(filepath.Join(root, sub))
		for _, f := range files {
			data, _ := os.ReadFile(filepath.Join(root, sub, f.Name()))
			os.WriteFile(filepath.Join(dir, sub, f.Name()), data, 0o644)
		}
	}
	data, _ := os.ReadFile(filepath.Join(root, "qfill.yaml"))
	os.WriteFile(filepath.Join(dir, "qfill.yaml"), data, 0o644)
	t.Chdir(dir)
	return dir
}

func TestRegenAndCheck(t *testing.T) {
	dir := project(t)
	out := filepath.Join(dir, "examples", "security_checklist_ja.filled.xlsx")

	if code, stdout, _ := qfill(t, "regen", "--check"); code != 1 || !strings.Contains(stdout, "examples/security_checklist_ja.filled.xlsx: missing") {
		t.Fatalf("before regen: exit %d, %s", code, stdout)
	}
	if code, _, stderr := qfill(t, "regen"); code != 0 {
		t.Fatalf("regen: exit %d: %s", code, stderr)
	}
	first := mustRead(t, out)
	// Deterministic: a second run gives the same bytes.
	os.Remove(out)
	qfill(t, "regen")
	if !bytes.Equal(first, mustRead(t, out)) {
		t.Fatal("two regen runs gave different bytes")
	}
	if code, _, stderr := qfill(t, "regen", "--check"); code != 0 {
		t.Fatalf("fresh outputs: exit %d: %s", code, stderr)
	}

	// Change an answer: the check names the output and the cell.
	p := filepath.Join(dir, "corpus", "02_network.yaml")
	y := string(mustRead(t, p))
	y = strings.Replace(y, "許可した通信のみを通過させています。", "許可した通信のみを通します。", 1)
	os.WriteFile(p, []byte(y), 0o644)
	code, stdout, _ := qfill(t, "regen", "--check")
	if code != 1 || !strings.Contains(stdout, "examples/security_checklist_ja.filled.xlsx: stale") ||
		!strings.Contains(stdout, "→ \"インターネットとの境界にファイアウォールを設置し、許可した通信のみを通します。\"") {
		t.Fatalf("stale check: exit %d\n%s", code, stdout)
	}
	if !bytes.Equal(first, mustRead(t, out)) {
		t.Fatal("--check wrote an output")
	}

	// An expired answer fails the check too.
	qfill(t, "regen")
	y = strings.Replace(string(mustRead(t, filepath.Join(dir, "corpus", "10_organisation.yaml"))), "review_by: 2027-03-31", "review_by: 2020-01-01", 1)
	os.WriteFile(filepath.Join(dir, "corpus", "10_organisation.yaml"), []byte(y), 0o644)
	if code, stdout, _ := qfill(t, "regen", "--check"); code != 1 || !strings.Contains(stdout, "expired") {
		t.Fatalf("expired: exit %d\n%s", code, stdout)
	}
}

func TestRegenErrors(t *testing.T) {
	dir := project(t)
	for body, want := range map[string]string{
		"sheets: []\ncorpus: corpus\n":                                                "no sheets",
		"corpus: corpus\nsheets:\n  - template: t.xlsx\n":                             "needs template and output",
		"corpus: corpus\nsheets:\n  - {template: a.xlsx, output: a.xlsx}\n":           "writes over its template",
		"corpus: corpus\nbogus: 1\nsheets:\n  - {template: a.xlsx, output: b.xlsx}\n": "bogus",
		"corpus: corpus\nsheets:\n  - {template: nope.xlsx, output: b.xlsx}\n":        "nope.xlsx",
	} {
		os.WriteFile(filepath.Join(dir, "qfill.yaml"), []byte(body), 0o644)
		code, _, stderr := qfill(t, "regen", "--check")
		if code != 2 || !strings.Contains(stderr, want) {
			t.Errorf("manifest %q: exit %d, stderr %q, want 2 and %q", body, code, stderr, want)
		}
	}
	if code, _, stderr := qfill(t, "regen", "--manifest", "missing.yaml"); code != 2 || !strings.Contains(stderr, "not found") {
		t.Errorf("missing manifest: exit %d %q", code, stderr)
	}
}

func TestCorpusLint(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(`entries:
  - {id: a, question: バックアップを取得していますか？, answer: はい}
  - {id: b, question: バックアップを取得していますか？, answer: いいえ}
  - {id: c, question: ログを保存していますか？, choice: yes}
  - {id: d, question: 暗号化していますか？, answer: はい, review_by: 2020-01-01}
  - {id: a, question: 重複, answer: x}
`), 0o644)
	t.Setenv("QFILL_TODAY", "2026-11-23")
	code, out, _ := qfill(t, "corpus", "lint", "--corpus", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, want := range []string{"a.yaml:6: duplicate-id", "conflict", `"a" and "b"`, "a.yaml:4: empty-answer", "a.yaml:5: expired"} {
		if !strings.Contains(out, want) {
			t.Errorf("lint output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = qfill(t, "corpus", "lint", "--corpus", dir, "--json")
	var v struct{ Problems []map[string]any }
	if code != 1 || json.Unmarshal([]byte(out), &v) != nil || len(v.Problems) != 4 {
		t.Errorf("--json: exit %d, %d problems\n%s", code, len(v.Problems), out)
	}
	if code, _, stderr := qfill(t, "corpus", "lint", "--corpus", repoCorpus); code != 0 {
		t.Errorf("sample corpus: exit %d %s", code, stderr)
	}
}

func TestCorpusSearchStatsConvert(t *testing.T) {
	code, out, _ := qfill(t, "corpus", "search", "--corpus", repoCorpus, "mfa")
	if code != 0 || !strings.Contains(out, "auth-mfa") {
		t.Errorf("fuzzy search: %d\n%s", code, out)
	}
	code, out, _ = qfill(t, "corpus", "search", "--corpus", repoCorpus, "-n", "1", "二段階認証は使えますか？")
	if code != 0 || !strings.Contains(out, "auth-mfa") {
		t.Errorf("sentence search: %d\n%s", code, out)
	}
	// A label no stored wording holds as a subsequence goes to the matcher.
	code, out, _ = qfill(t, "corpus", "search", "--corpus", repoCorpus, "-n", "1", "消火設備の種類")
	if code != 0 || !strings.Contains(out, "dc-fire-suppression") || strings.Contains(out, "fuzzy") {
		t.Errorf("label search: %d\n%s", code, out)
	}
	code, out, _ = qfill(t, "corpus", "stats", "--corpus", repoCorpus)
	if code != 0 || !strings.Contains(out, "entries  171") || !strings.Contains(out, "oldest   2026-04-01") {
		t.Errorf("stats: %d\n%s", code, out)
	}
	// YAML -> XLSX -> YAML, and CSV and TSV, keep every entry.
	dir := t.TempDir()
	for _, ext := range []string{"xlsx", "csv", "tsv"} {
		tab := filepath.Join(dir, "c."+ext)
		back := filepath.Join(dir, "back-"+ext+".yaml")
		if code, _, stderr := qfill(t, "corpus", "convert", repoCorpus, tab); code != 0 {
			t.Fatalf("to %s: %s", ext, stderr)
		}
		if code, _, stderr := qfill(t, "corpus", "convert", tab, back); code != 0 {
			t.Fatalf("from %s: %s", ext, stderr)
		}
		_, out, _ := qfill(t, "corpus", "stats", "--corpus", back)
		if !strings.Contains(out, "entries  171 (131 with a choice)") || !strings.Contains(out, "aliases  45") {
			t.Errorf("round trip through %s lost entries:\n%s", ext, out)
		}
	}
	// A folder's synonyms cannot go into one file: convert says so.
	syn := t.TempDir()
	os.WriteFile(filepath.Join(syn, "a.yaml"), []byte("entries:\n  - {id: a, question: q, answer: x}\n"), 0o644)
	if code, _, stderr := qfill(t, "corpus", "convert", syn, filepath.Join(dir, "s.yaml")); code != 0 || strings.Contains(stderr, "synonyms") {
		t.Errorf("no synonyms file: %d %s", code, stderr)
	}
	os.WriteFile(filepath.Join(syn, "synonyms.txt"), []byte("console: 管理画面, admin console\n"), 0o644)
	if code, _, stderr := qfill(t, "corpus", "convert", syn, filepath.Join(dir, "s2.yaml")); code != 0 || !strings.Contains(stderr, "synonyms.txt is not part of") {
		t.Errorf("synonyms file not mentioned: %d %s", code, stderr)
	}
	if _, out, _ := qfill(t, "corpus", "stats", "--corpus", syn); !strings.Contains(out, "synonyms 1 in synonyms.txt") {
		t.Errorf("stats without the synonyms line:\n%s", out)
	}
}
