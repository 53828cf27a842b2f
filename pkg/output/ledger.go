package output

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Errors for an output that must not be replaced without being told to.
var (
	ErrEdited   = errors.New("it has changed since qfill wrote it (edited by a reviewer?)")
	ErrNotQfill = errors.New("it exists and qfill did not write it")
)

// Ledger remembers, for each file qfill wrote, a digest of what it wrote,
// in a folder of its own (one small file per output, named by a hash of
// the output's absolute path). A file is safe to replace only when it is
// still exactly what qfill last wrote there: a reviewer's edits, or a
// file qfill never wrote, are not replaced unless the caller forces it.
type Ledger struct {
	Dir string
}

// DefaultLedger is the ledger under the user's cache folder.
func DefaultLedger() (*Ledger, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return nil, err
	}
	return &Ledger{Dir: filepath.Join(dir, "qfill", "written")}, nil
}

func (l *Ledger) entry(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(l.Dir, hex.EncodeToString(sum[:16]))
}

func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// CheckReplace returns nil when path does not exist or holds what qfill
// last wrote there, and ErrEdited or ErrNotQfill otherwise.
func (l *Ledger) CheckReplace(path string) error {
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		// Nothing to lose here; a path that cannot be written gets its
		// own message from the writer.
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	rec, err := os.ReadFile(l.entry(path))
	if err != nil {
		return ErrNotQfill
	}
	if strings.TrimSpace(string(rec)) != digest(data) {
		return ErrEdited
	}
	return nil
}

// Record notes that data was just written to path.
func (l *Ledger) Record(path string, data []byte) error {
	if err := os.MkdirAll(l.Dir, 0o755); err != nil {
		return err
	}
	return WriteAtomic(l.entry(path), []byte(digest(data)+"\n"))
}
