package batch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/fill"
	"github.com/qfill/qfill/pkg/match"
)

func TestIsWorkbook(t *testing.T) {
	for name, want := range map[string]bool{
		"a.xlsx": true, "b.XLSM": true, "~$a.xlsx": false, "a.filled.xlsx": false, "a.xls": true, "a.filled.xlsx.xls": true,
		"notes.txt": false, ".hidden.xlsx": false, "チェックシート 2026.xlsx": true,
	} {
		if got := IsWorkbook(name); got != want {
			t.Errorf("IsWorkbook(%q) = %v, want %v", name, got, want)
		}
	}
}

func touch(t *testing.T, p string) {
	t.Helper()
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCollectAndMirror(t *testing.T) {
	root := t.TempDir()
	for _, p := range []string{"a.xlsx", "sub/b.xlsm", "sub/~$b.xlsm", "sub/b.filled.xlsm", "sub/deep/c.xlsx", ".git/d.xlsx", "e.txt"} {
		touch(t, filepath.Join(root, p))
	}
	single := filepath.Join(t.TempDir(), "one.xlsx")
	touch(t, single)
	ins, err := Collect([]string{root, single})
	if err != nil {
		t.Fatal(err)
	}
	out := "/out"
	var got []string
	for _, in := range ins {
		o, err := OutputPath(in, out)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, filepath.ToSlash(o))
	}
	want := "/out/a.xlsx /out/sub/b.xlsm /out/sub/deep/c.xlsx /out/one.xlsx"
	if strings.Join(got, " ") != want {
		t.Errorf("outputs = %v, want %s", got, want)
	}
	if o, _ := OutputPath(Input{Path: "x/y.xlsx"}, ""); o != "x/y.filled.xlsx" {
		t.Errorf("beside input: %s", o)
	}
	if _, err := Collect([]string{filepath.Join(root, "missing")}); err == nil {
		t.Error("missing folder accepted")
	}
}

func TestOutputNeverEscapes(t *testing.T) {
	// A root and path that would climb out of the output folder.
	_, err := OutputPath(Input{Path: "/a/../../etc/x.xlsx", Root: "/a/b"}, "/out")
	if !errors.Is(err, ErrEscapes) {
		t.Errorf("err = %v, want ErrEscapes", err)
	}
	o, err := OutputPath(Input{Path: "in/..名前 with space.xlsx", Root: "in"}, "/out")
	if err != nil || filepath.ToSlash(o) != "/out/..名前 with space.xlsx" {
		t.Errorf("odd name: %q %v", o, err)
	}
}

func index(t *testing.T) *match.Index {
	c, err := corpus.Load(filepath.Join("..", "..", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	return match.New(c.Entries, match.DefaultConfig())
}

func TestRunContinuesAndCancels(t *testing.T) {
	tmpl := filepath.Join("..", "..", "templates", "sla_check_ja.xlsx")
	data, _ := os.ReadFile(tmpl)
	dir := t.TempDir()
	var jobs []fill.Job
	for i, name := range []string{"a.xlsx", "bad.xlsx", "c.xlsx"} {
		p := filepath.Join(dir, "in", name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if i == 1 {
			os.WriteFile(p, []byte("not a workbook"), 0o644)
		} else {
			os.WriteFile(p, data, 0o644)
		}
		jobs = append(jobs, fill.Job{Input: p, Output: filepath.Join(dir, "out", "nested", name)})
	}
	ix := index(t)
	calls := 0
	outs := Run(context.Background(), jobs, ix, 2, func(Outcome) { calls++ })
	if calls != 3 {
		t.Errorf("progress called %d times", calls)
	}
	if outs[0].Err != nil || outs[2].Err != nil || outs[1].Err == nil {
		t.Fatalf("errors = %v, %v, %v", outs[0].Err, outs[1].Err, outs[2].Err)
	}
	for _, i := range []int{0, 2} {
		if _, err := os.Stat(jobs[i].Output); err != nil {
			t.Errorf("output %d missing: %v", i, err)
		}
	}
	if _, err := os.Stat(jobs[1].Output); err == nil {
		t.Error("failed file has an output")
	}
	// A cancelled batch writes nothing more.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for i := range jobs {
		jobs[i].Output = filepath.Join(dir, "out2", filepath.Base(jobs[i].Output))
	}
	outs = Run(ctx, jobs, ix, 2, nil)
	for i, o := range outs {
		if !errors.Is(o.Err, ErrSkipped) {
			t.Errorf("job %d: err = %v, want skipped", i, o.Err)
		}
	}
	if ents, _ := os.ReadDir(filepath.Join(dir, "out2")); len(ents) != 0 {
		t.Errorf("cancelled batch wrote %d files", len(ents))
	}
}
