package fill

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

// ErrSameFile is returned when the output would replace the input.
var ErrSameFile = errors.New("output is the input file: qfill never writes over a customer's file (choose another -o)")

// Render returns the bytes of the edited workbook f. orig holds the input
// file's bytes. Plain packages are patched part by part (see Patch); an
// encrypted workbook is saved by excelize with the same password, since its
// parts cannot be copied as they are.
func Render(orig []byte, f *excelize.File, changed []string, password string) ([]byte, error) {
	var buf bytes.Buffer
	switch {
	case password != "":
		if err := f.Write(&buf, excelize.Options{Password: password}); err != nil {
			return nil, fmt.Errorf("saving: %w", err)
		}
	case len(changed) == 0:
		buf.Write(orig)
	default:
		edited, err := f.WriteToBuffer()
		if err != nil {
			return nil, fmt.Errorf("saving: %w", err)
		}
		if err := Patch(orig, edited.Bytes(), changed, &buf); err != nil {
			return nil, fmt.Errorf("saving: %w", err)
		}
	}
	return buf.Bytes(), nil
}

// WriteAtomic writes data to path through a temporary file in the same
// folder and a rename.
func WriteAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".qfill-*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write output: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
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
