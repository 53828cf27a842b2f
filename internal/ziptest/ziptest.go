// Package ziptest reads and swaps the parts of a zip package in tests: the
// fuzz targets put mutated worksheet XML inside a real workbook, so that
// styles, shared strings and names stay valid and the mutation reaches
// the code under test.
package ziptest

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
)

// Part returns the bytes of the part called name.
func Part(tb testing.TB, pkg []byte, name string) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			tb.Fatal(err)
		}
		return b
	}
	tb.Fatalf("no part %s", name)
	return nil
}

// Replace returns pkg with the part called name holding data; every part
// is stored uncompressed.
func Replace(tb testing.TB, pkg []byte, name string, data []byte) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		if err != nil {
			tb.Fatal(err)
		}
		if f.Name == name {
			w.Write(data)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		_, err = io.Copy(w, rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
