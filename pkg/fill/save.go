package fill

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"

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
		// sheets: deflating every part, writing back a sheet the reader
		// loaded and nothing changed (a large tab of a HECVAT costs a
		// quarter of a second), or even storing the parts Patch copies
		// from the input (a checksum and a copy of each) would be work
		// thrown away.
		needed, err := unloadUnchanged(f, orig, changed)
		if err != nil {
			return nil, fmt.Errorf("saving: %w", err)
		}
		f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return storeWriter{zip.NewWriter(w), needed} })
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

// storeWriter is a zip writer that stores the parts needed says Patch may
// take, uncompressed, and drops the rest.
type storeWriter struct {
	*zip.Writer
	needed func(name string) bool
}

func (s storeWriter) Create(name string) (io.Writer, error) {
	if !s.needed(name) {
		return io.Discard, nil
	}
	return s.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
}

// unloadUnchanged drops from f the parsed form of every sheet of the input
// package that is not among changed, so that excelize writes those parts
// back as it read them instead of encoding them again. It returns which
// parts Patch may take from what excelize writes: those the input lacks
// (excelize added them), the changed sheets with their relationships,
// comments and VML drawings, and the package-wide tables and lists.
func unloadUnchanged(f *excelize.File, orig []byte, changed []string) (func(string) bool, error) {
	zr, err := zip.NewReader(bytes.NewReader(orig), int64(len(orig)))
	if err != nil {
		return nil, fmt.Errorf("reading input package: %w", err)
	}
	parts, err := sheetPartPaths(zr)
	if err != nil {
		return nil, err
	}
	keep := map[string]bool{}
	for _, name := range changed {
		keep[parts[name]] = true
		keep[relsPath(parts[name])] = true
	}
	for _, p := range parts {
		if !keep[p] {
			f.Sheet.Delete(p)
		}
	}
	inOrig := map[string]bool{}
	for _, zf := range zr.File {
		inOrig[zf.Name] = true
	}
	return func(name string) bool {
		switch {
		case !inOrig[name], keep[name]:
		case name == "[Content_Types].xml", name == "xl/_rels/workbook.xml.rels", name == "xl/workbook.xml", name == "docProps/app.xml",
			name == "xl/styles.xml", name == "xl/sharedStrings.xml":
		case strings.Contains(name, "comments"), strings.Contains(name, "vmlDrawing"):
		default:
			return false
		}
		return true
	}, nil
}
