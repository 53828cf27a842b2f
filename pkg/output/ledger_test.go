package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLedger(t *testing.T) {
	dir := t.TempDir()
	l := &Ledger{Dir: filepath.Join(dir, "ledger")}
	out := filepath.Join(dir, "sc.filled.xlsx")
	if err := l.CheckReplace(out); err != nil {
		t.Fatalf("no file yet: %v", err)
	}
	if err := WriteAtomic(out, []byte("first")); err != nil {
		t.Fatal(err)
	}
	if err := l.CheckReplace(out); !errors.Is(err, ErrNotQfill) {
		t.Errorf("unrecorded file: err = %v, want ErrNotQfill", err)
	}
	if err := l.Record(out, []byte("first")); err != nil {
		t.Fatal(err)
	}
	if err := l.CheckReplace(out); err != nil {
		t.Errorf("unchanged since written: %v", err)
	}
	// Another spelling of the same path is the same entry.
	rel, _ := filepath.Rel(mustGetwd(t), out)
	if err := l.CheckReplace(rel); err != nil {
		t.Errorf("relative path: %v", err)
	}
	os.WriteFile(out, []byte("first, edited"), 0o644)
	if err := l.CheckReplace(out); !errors.Is(err, ErrEdited) {
		t.Errorf("edited: err = %v, want ErrEdited", err)
	}
}

func mustGetwd(t *testing.T) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

// The output may never be the input, also through another spelling.
func TestCheckDistinct(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.xlsx")
	os.WriteFile(in, []byte("x"), 0o644)
	for _, out := range []string{in, filepath.Join(dir, ".", "in.xlsx")} {
		if err := CheckDistinct(in, out); !errors.Is(err, ErrSameFile) {
			t.Errorf("CheckDistinct(%q, %q) = %v, want ErrSameFile", in, out, err)
		}
	}
	if err := CheckDistinct(in, filepath.Join(dir, "out.xlsx")); err != nil {
		t.Errorf("another file: %v", err)
	}
}

// A folder that vanished under the output is the output's fault, and the
// message names the output, not the temporary file beside it.
func TestWriteAtomicNamesTheOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "gone", "answers.xlsx")
	err := WriteAtomic(out, []byte("x"))
	var we *WriteError
	if !errors.As(err, &we) || we.Path != out {
		t.Fatalf("err = %v, want a WriteError for %s", err, out)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want it to be fs.ErrNotExist", err)
	}
	if msg := err.Error(); strings.Contains(msg, ".qfill-") || !strings.HasPrefix(msg, "cannot write "+out+": ") {
		t.Errorf("message %q, want \"cannot write %s: ...\" without the temporary name", msg, out)
	}
}
