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
		// The package excelize writes here is only read back by Patch,
		// which compresses what it takes: deflating every part of it
		// would be work thrown away.
		f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return storeWriter{zip.NewWriter(w)} })
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

// storeWriter is a zip writer that stores its parts uncompressed.
type storeWriter struct{ *zip.Writer }

func (s storeWriter) Create(name string) (io.Writer, error) {
	return s.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
}
