// Package output writes qfill's files safely: never over the input,
// never half-written (a temporary file beside the target and a rename),
// and never over a filled copy that a person has edited since qfill wrote
// it (the ledger).
package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrSameFile is returned when the output would replace the input.
var ErrSameFile = errors.New("output is the input file: qfill never writes over a customer's file (choose another -o)")

// WriteError is a failure to write an output file. It names the output,
// so that a caller does not take a missing folder for a missing input.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string { return "cannot write " + e.Path + ": " + e.Err.Error() }

func (e *WriteError) Unwrap() error { return e.Err }

// writeErr drops the temporary file's name, which means nothing to the user.
func writeErr(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &WriteError{Path: path, Err: err}
}

// WriteAtomic writes data to path through a temporary file in the same
// folder and a rename.
func WriteAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".qfill-*.tmp")
	if err != nil {
		return writeErr(path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return writeErr(path, err)
	}
	if err = tmp.Sync(); err != nil {
		return writeErr(path, err)
	}
	if err = tmp.Close(); err != nil {
		return writeErr(path, err)
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return writeErr(path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return writeErr(path, err)
	}
	return nil
}

// CheckDistinct refuses an output path that names the input, also through
// another spelling or a link.
func CheckDistinct(in, out string) error {
	if in == "" {
		return nil
	}
	ai, err1 := filepath.Abs(in)
	ao, err2 := filepath.Abs(out)
	if err1 == nil && err2 == nil && ai == ao {
		return ErrSameFile
	}
	si, err1 := os.Stat(in)
	so, err2 := os.Stat(out)
	if err1 == nil && err2 == nil && os.SameFile(si, so) {
		return ErrSameFile
	}
	return nil
}
