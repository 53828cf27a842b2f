package fill

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// Render returns the bytes of the edited workbook f. orig holds the input
// file's bytes. Plain packages are patched part by part (see Patch); an
// encrypted workbook is saved by excelize with the same password, since its
// parts cannot be copied as they are.
//
// far holds, by part, rows detachFarRows took out of changed sheets before
// they were written; they go back into the filled copy.
func Render(orig []byte, f *excelize.File, changed []string, password string, far map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	switch {
	case password != "":
		if err := f.Write(&buf, excelize.Options{Password: password}); err != nil {
			return nil, fmt.Errorf("saving: %w", err)
		}
	case len(changed) == 0:
		buf.Write(orig)
	default:
		// The package excelize writes here is only read back by Patch,
		// which compresses what it takes and takes only the changed
		// sheets: deflating every part, or writing back a sheet the
		// reader loaded and nothing changed (a large tab of a HECVAT
		// costs a quarter of a second), would be work thrown away.
		f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return storeWriter{zip.NewWriter(w)} })
		if err := unloadUnchanged(f, orig, changed); err != nil {
			return nil, fmt.Errorf("saving: %w", err)
		}
		edited, err := f.WriteToBuffer()
		if err != nil {
			return nil, fmt.Errorf("saving: %w", err)
		}
		if err := Patch(orig, edited.Bytes(), changed, far, &buf); err != nil {
			return nil, fmt.Errorf("saving: %w", err)
		}
	}
	return buf.Bytes(), nil
}

// storeWriter is a zip writer that stores its parts uncompressed.
type storeWriter struct{ *zip.Writer }

func (s storeWriter) Create(name string) (io.Writer, error) {
	return s.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
}

// unloadUnchanged drops from f the parsed form of every sheet of the input
// package that is not among changed, so that excelize writes those parts
// back as it read them instead of encoding them again.
func unloadUnchanged(f *excelize.File, orig []byte, changed []string) error {
	zr, err := zip.NewReader(bytes.NewReader(orig), int64(len(orig)))
	if err != nil {
		return fmt.Errorf("reading input package: %w", err)
	}
	parts, err := sheetPartPaths(zr)
	if err != nil {
		return err
	}
	keep := map[string]bool{}
	for _, name := range changed {
		keep[parts[name]] = true
	}
	for _, p := range parts {
		if !keep[p] {
			f.Sheet.Delete(p)
		}
	}
	return nil
}
