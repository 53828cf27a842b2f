package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits on what a package may inflate to, checked from the zip's central
// directory before excelize reads a byte of it. The directory can lie, but
// archive/zip refuses to inflate a part past the size its header gives
// (ErrFormat), so the declared sizes checked here also bound what is
// really read.
const (
	// DefaultPartLimit bounds one part. A real checklist's largest part
	// (a sheet, the shared strings, the styles) is a few megabytes.
	DefaultPartLimit = 256 << 20 // 256 MiB
	// DefaultMaxRatio bounds how many times a part, or the package, may
	// grow when inflated. Real workbooks stay under 50 (styles and
	// comments compress best); deflate's ceiling is about 1,030, which
	// a zip bomb reaches.
	DefaultMaxRatio = 200
	// ratioFloor spares small parts the ratio test: a 100 KB part that
	// inflates 300 times costs nothing.
	ratioFloor = 8 << 20
)

// LimitError says which limit a package broke. It wraps ErrTooLarge.
type LimitError struct {
	// Part is the part over its limit; empty for the package total.
	Part string
	// Size is the inflated size, Packed the compressed size.
	Size, Packed int64
	// Limit is the size limit broken; zero when the ratio was.
	Limit int64
	// Ratio is the limit on Size/Packed broken; zero when a size was.
	Ratio int64
}

func (e *LimitError) Error() string {
	what := "the parts"
	if e.Part != "" {
		what = "part " + e.Part
	}
	if e.Ratio > 0 {
		return fmt.Sprintf("%s would inflate %d times (%s packed, %s unpacked), over the limit of %d: a zip bomb, not a workbook",
			what, e.Size/max(e.Packed, 1), humanSize(e.Packed), humanSize(e.Size), e.Ratio)
	}
	if e.Part == "" {
		return fmt.Sprintf("the parts inflate to %s in all, over the %s limit", humanSize(e.Size), humanSize(e.Limit))
	}
	return fmt.Sprintf("%s inflates to %s, over the %s limit", what, humanSize(e.Size), humanSize(e.Limit))
}

func (e *LimitError) Unwrap() error { return ErrTooLarge }

// humanSize writes a byte count the way the limits are given: in MB
// (MiB) from one megabyte up, in KB below.
func humanSize(n int64) string {
	switch {
	case n >= 10<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// ErrTruncated is a package that ends before its directory: a download or
// copy cut off.
var ErrTruncated = errors.New("not a complete workbook: the file ends early (was the download or copy cut off?)")

// eocdSig starts the zip's end-of-central-directory record, which every
// complete package ends with (within its last 64 KiB of comment).
var eocdSig = []byte("PK\x05\x06")

// checkPackage reads the central directory of a zip package and refuses
// it when a part, the total or the inflation ratio is over its limit.
func checkPackage(data []byte, o OpenOptions) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tail := data[max(0, len(data)-(1<<16)-22):]
		if !bytes.Contains(tail, eocdSig) {
			return ErrTruncated
		}
		return fmt.Errorf("%w: %v", ErrCorruptZip, err)
	}
	var total, packed int64
	for _, f := range zr.File {
		size, comp := int64(f.UncompressedSize64), int64(f.CompressedSize64)
		if size < 0 || comp < 0 {
			// Over 8 EiB: no workbook, and int64 overflowed.
			return &LimitError{Part: f.Name, Size: 1<<63 - 1, Limit: o.PartLimit}
		}
		if size > o.PartLimit {
			return &LimitError{Part: f.Name, Size: size, Limit: o.PartLimit}
		}
		if size > ratioFloor && size/max(comp, 1) > o.MaxRatio {
			return &LimitError{Part: f.Name, Size: size, Packed: comp, Ratio: o.MaxRatio}
		}
		total += size
		packed += comp
		if total > o.UnzipLimit || total < 0 {
			return &LimitError{Size: total, Limit: o.UnzipLimit}
		}
	}
	if total > ratioFloor && total/max(packed, 1) > o.MaxRatio {
		return &LimitError{Size: total, Packed: packed, Ratio: o.MaxRatio}
	}
	return verifyParts(zr)
}

// verifyParts inflates every XML part once and checks its size and
// checksum. excelize ignores a read error on a part and goes on with
// what it got, so a part whose data outgrows its header (archive/zip
// stops there) or fails its checksum would be read as cut-off XML and
// end in a puzzling message later. Reading is bounded by the declared
// sizes checked above; media and embedded objects are not read by the
// reader and are skipped.
func verifyParts(zr *zip.Reader) error {
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
			continue
		}
		rc, err := f.Open()
		if err == nil {
			_, err = io.Copy(io.Discard, rc)
			rc.Close()
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return ErrTruncated
		}
		switch {
		case errors.Is(err, zip.ErrFormat):
			return fmt.Errorf("%w: part %s holds more data than its header says", ErrCorruptZip, f.Name)
		case errors.Is(err, zip.ErrChecksum):
			return fmt.Errorf("%w: part %s fails its checksum", ErrCorruptZip, f.Name)
		case errors.Is(err, zip.ErrAlgorithm):
			return fmt.Errorf("%w: part %s is packed with an unknown method", ErrCorruptZip, f.Name)
		case err != nil:
			return fmt.Errorf("%w: part %s: %v", ErrCorruptZip, f.Name, err)
		}
	}
	return nil
}
