package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// editCell stands in for a reviewer: it changes one cell of a workbook
// and saves it, as Excel would.
func editCell(t *testing.T, path, cell, value string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.SetCellStr(f.GetSheetList()[0], cell, value)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// A second fill never destroys a reviewer's work: the filled copy is
// replaced only while it is what qfill wrote; an edited copy, or a file
// qfill never wrote, needs --force. In a batch that file fails and the
// others are written.
func TestSecondFillKeepsEdits(t *testing.T) {
	dir := t.TempDir()
	in := copyFile(t, templateJA, dir)
	out := filepath.Join(dir, "security_checklist_ja.filled.xlsx")
	fill := func(extra ...string) (int, string) {
		code, _, stderr := qfill(t, append([]string{"fill", in, "--corpus", repoCorpus}, extra...)...)
		return code, stderr
	}
	if code, stderr := fill(); code != 0 {
		t.Fatalf("first fill: exit %d: %s", code, stderr)
	}
	if code, stderr := fill(); code != 0 {
		t.Fatalf("second fill of an untouched output: exit %d: %s", code, stderr)
	}
	editCell(t, out, "E10", "reviewed by hand")
	edited := mustRead(t, out)
	code, stderr := fill()
	if code != 2 || !strings.Contains(stderr, "changed since qfill wrote it") || !strings.Contains(stderr, "--force") ||
		strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("fill over an edited output: exit %d, %q", code, stderr)
	}
	if !bytes.Equal(mustRead(t, out), edited) {
		t.Fatal("the reviewer's edits were replaced")
	}
	if code, stderr := fill("--force"); code != 0 {
		t.Fatalf("--force: exit %d: %s", code, stderr)
	}
	if bytes.Equal(mustRead(t, out), edited) {
		t.Error("--force did not replace the output")
	}

	// A file qfill never wrote.
	other := filepath.Join(dir, "mine.xlsx")
	os.WriteFile(other, []byte("a person's file"), 0o644)
	code, stderr = fill("-o", other)
	if code != 2 || !strings.Contains(stderr, "qfill did not write it") {
		t.Errorf("fill over a file qfill did not write: exit %d, %q", code, stderr)
	}

	// A batch: the edited output fails, the other is written.
	src := filepath.Join(dir, "in")
	os.Mkdir(src, 0o755)
	copyFile(t, templateJA, src)
	os.WriteFile(filepath.Join(src, "b.xlsx"), mustRead(t, templateJA), 0o644)
	outDir := filepath.Join(dir, "out")
	if code, _, stderr := qfill(t, "fill", src, "-o", outDir, "--corpus", repoCorpus); code != 0 {
		t.Fatalf("batch: exit %d: %s", code, stderr)
	}
	editCell(t, filepath.Join(outDir, "b.xlsx"), "E10", "reviewed")
	editedB := mustRead(t, filepath.Join(outDir, "b.xlsx"))
	os.Remove(filepath.Join(outDir, "security_checklist_ja.xlsx"))
	code, _, stderr = qfill(t, "fill", src, "-o", outDir, "--corpus", repoCorpus)
	if code != exitPartial || !strings.Contains(stderr, "changed since qfill wrote it") {
		t.Errorf("batch over an edited output: exit %d, %q", code, stderr)
	}
	if !bytes.Equal(mustRead(t, filepath.Join(outDir, "b.xlsx")), editedB) {
		t.Error("the batch replaced the reviewer's edits")
	}
	if _, err := os.Stat(filepath.Join(outDir, "security_checklist_ja.xlsx")); err != nil {
		t.Errorf("the other file was not written: %v", err)
	}
}
