// Package convert turns legacy .xls workbooks into .xlsx with LibreOffice,
// when it is installed, so that qfill can read and fill them.
package convert

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// ErrNoConverter is returned when neither soffice nor libreoffice is on
// PATH.
var ErrNoConverter = errors.New("LibreOffice (soffice) is not installed")

// Timeout bounds one conversion: a hostile .xls must not hang a batch.
const Timeout = 2 * time.Minute

// Available reports the LibreOffice command on PATH, if any.
func Available() (string, bool) {
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, true
		}
	}
	return "", false
}

// XLSToXLSX converts the .xls at path into an .xlsx in a new folder under
// tmp (the system's temp folder when empty) and returns the new file's
// bytes. The input is only read; the folder is removed before returning.
func XLSToXLSX(ctx context.Context, path, tmp string) ([]byte, error) {
	bin, ok := Available()
	if !ok {
		return nil, ErrNoConverter
	}
	dir, err := os.MkdirTemp(tmp, "qfill-xls-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	// LibreOffice writes into its own profile; a private one lets
	// conversions run side by side and leaves the user's alone.
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	// LibreOffice reads a non-ASCII file name through the locale, and
	// under LANG=C, or a locale the machine lacks, writes its output
	// under a mangled name: it converts a copy with a plain one.
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	src := filepath.Join(dir, "input"+strings.ToLower(filepath.Ext(path)))
	if err := os.WriteFile(src, data, 0o600); err != nil {
		return nil, err
	}
	if err := os.Mkdir(filepath.Join(dir, "out"), 0o700); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+profile, "--headless", "--convert-to", "xlsx", "--outdir", filepath.Join(dir, "out"), src)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("converting %s with %s: %v: %s", filepath.Base(path), filepath.Base(bin), err, strings.TrimSpace(string(out)))
	}
	data, err = os.ReadFile(filepath.Join(dir, "out", "input.xlsx"))
	if err != nil {
		return nil, fmt.Errorf("converting %s: LibreOffice wrote no .xlsx", filepath.Base(path))
	}
	return data, nil
}
