package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"
)

// Errors for files qfill cannot read, checked with errors.Is.
var (
	ErrNotExcel     = errors.New("not an Excel workbook (.xlsx/.xlsm)")
	ErrLegacyXLS    = errors.New("legacy .xls workbook: save it as .xlsx in Excel, or convert it with `soffice --headless --convert-to xlsx FILE.xls`")
	ErrEncrypted    = errors.New("workbook is encrypted")
	ErrBadPasswd    = errors.New("the password does not open this workbook")
	ErrTooLarge     = errors.New("workbook unpacks to more than the size limit")
	ErrCorruptZip   = errors.New("workbook is damaged (not a readable zip package)")
	ErrTooManyRows  = errors.New("too many rows")
	ErrHugeMerge    = errors.New("merged areas too large")
	ErrTooManyCells = errors.New("too many cells")
)

// OpenOptions bound what opening may cost.
type OpenOptions struct {
	Password string
	// UnzipLimit caps the unpacked size of the whole package and
	// XMLLimit the size of one part kept in memory (bigger parts are
	// streamed through temporary files). Zero means the defaults below,
	// well under excelize's own (16 GB), so a zip bomb fails fast.
	UnzipLimit int64
	XMLLimit   int64
	// PartLimit caps one part's unpacked size and MaxRatio how many times
	// a big part (or the package) may grow when inflated; zero means the
	// defaults in guard.go.
	PartLimit int64
	MaxRatio  int64
	// TempDir is where the workbook's own temporary folder is made
	// (excelize spills parts over XMLLimit there). Empty means the
	// system's. The folder goes with Book.Close, or at once when opening
	// fails.
	TempDir string
}

// Book is an open workbook with the temporary folder that holds whatever
// excelize spilled to disk for it.
type Book struct {
	*excelize.File
	tmp string
}

// Close closes the workbook and removes its temporary folder.
func (b *Book) Close() error {
	err := b.File.Close()
	if rerr := os.RemoveAll(b.tmp); err == nil {
		err = rerr
	}
	return err
}

func (o OpenOptions) withDefaults() OpenOptions {
	if o.UnzipLimit <= 0 {
		o.UnzipLimit = DefaultUnzipLimit
	}
	if o.XMLLimit <= 0 {
		o.XMLLimit = DefaultXMLLimit
	}
	if o.XMLLimit > o.UnzipLimit {
		o.XMLLimit = o.UnzipLimit
	}
	if o.PartLimit <= 0 {
		o.PartLimit = DefaultPartLimit
	}
	if o.MaxRatio <= 0 {
		o.MaxRatio = DefaultMaxRatio
	}
	return o
}

// Default limits; see OpenOptions. A checklist's sheet part is well under
// a megabyte; 16 MiB keeps every real one in memory while a sheet of a
// million rows goes through a temporary file (removed by Close) instead of
// hundreds of megabytes of heap.
const (
	DefaultUnzipLimit = 1 << 30  // 1 GiB
	DefaultXMLLimit   = 16 << 20 // 16 MiB
)

var (
	zipMagic = []byte("PK\x03\x04")
	cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Open opens a workbook for reading and, later, writing a copy. It sorts
// bad input into the errors above, so the user gets one clear line.
func Open(path string, o OpenOptions) (*Book, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return OpenBytes(data, path, o)
}

// OpenBytes is Open for a file already in memory; name is used for the
// .xls hint and as the workbook's path.
func OpenBytes(data []byte, name string, o OpenOptions) (*Book, error) {
	o = o.withDefaults()
	head := data[:min(8, len(data))]
	path := name
	switch {
	case bytes.HasPrefix(head, zipMagic):
	case bytes.HasPrefix(head, cfbMagic):
		// An OLE2 container is either a legacy .xls or an encrypted
		// .xlsx (the package hides inside an "EncryptedPackage" stream).
		kind := cfbKind(bytes.NewReader(data))
		if kind == "xls" {
			return nil, ErrLegacyXLS
		}
		if o.Password == "" {
			return nil, ErrEncrypted
		}
		// Decrypted here, so the package inside is checked like any
		// other; excelize opens a plain package with a password set and
		// keeps it for saving.
		plain, err := decrypt(data, o.Password)
		// A wrong password decrypts without error, into noise.
		if err != nil || !bytes.HasPrefix(plain, zipMagic) {
			return nil, ErrBadPasswd
		}
		data = plain
	default:
		if strings.EqualFold(filepath.Ext(path), ".xls") {
			return nil, ErrLegacyXLS
		}
		return nil, ErrNotExcel
	}
	if err := checkPackage(data, o); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(o.TempDir, "qfill-book-")
	if err != nil {
		return nil, fmt.Errorf("cannot create a temporary folder: %w", err)
	}
	f, err := openExcelize(data, o, tmp)
	if err != nil {
		if f != nil {
			f.Close()
		}
		os.RemoveAll(tmp)
		return nil, classifyOpenErr(err, o.Password != "")
	}
	f.Path = path
	return &Book{File: f, tmp: tmp}, nil
}

// decrypt recovers from panics too: the encryption headers are hostile
// input like the rest.
func decrypt(data []byte, password string) (plain []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			plain, err = nil, fmt.Errorf("%v", r)
		}
	}()
	return excelize.Decrypt(data, &excelize.Options{Password: password})
}

// openExcelize recovers from panics inside excelize on hostile packages:
// a damaged file must end in an error, never a crash.
func openExcelize(data []byte, o OpenOptions, tmp string) (f *excelize.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("%w: %v", ErrCorruptZip, r)
		}
	}()
	if o.Password == "" {
		data = withoutCalcChain(data)
	}
	return excelize.OpenReader(bytes.NewReader(data), excelize.Options{Password: o.Password, UnzipSizeLimit: o.UnzipLimit, UnzipXMLSizeLimit: o.XMLLimit, TmpDir: tmp})
}

// calcChainPart is the part excelize decodes as the calculation chain.
const calcChainPart = "xl/calcChain.xml"

// withoutCalcChain returns the package without its calculation chain,
// which excelize decodes on opening (a third of HECVAT v4.1.4's opening
// time) and qfill never needs: it writes no cell that holds a formula, and
// the copy it saves takes every part it did not write from the input
// (fill.Patch). An encrypted workbook, which excelize saves whole, keeps
// the part. The other parts are copied compressed.
func withoutCalcChain(data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil || !slices.ContainsFunc(zr.File, func(f *zip.File) bool { return f.Name == calcChainPart }) {
		return data
	}
	var buf bytes.Buffer
	buf.Grow(len(data))
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == calcChainPart {
			continue
		}
		if err := zw.Copy(f); err != nil {
			return data
		}
	}
	if zw.Close() != nil {
		return data
	}
	return buf.Bytes()
}

func classifyOpenErr(err error, withPassword bool) error {
	msg := err.Error()
	switch {
	case errors.Is(err, excelize.ErrWorkbookPassword) || errors.Is(err, excelize.ErrUnsupportedEncryptMechanism) && withPassword:
		return ErrBadPasswd
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return ErrNotExcel
	case strings.Contains(msg, "unzip size exceeds"):
		return ErrTooLarge
	case errors.Is(err, io.ErrUnexpectedEOF):
		return ErrTruncated
	case errors.Is(err, io.EOF):
		return fmt.Errorf("%w: a part ends before its XML does", ErrCorruptZip)
	case strings.Contains(msg, "zip:") || strings.Contains(msg, "flate"):
		return fmt.Errorf("%w: %v", ErrCorruptZip, err)
	}
	return err
}

// cfbKind tells a legacy workbook from an encrypted package by its streams.
func cfbKind(r io.ReaderAt) string {
	doc, err := mscfb.New(r)
	if err != nil {
		return "xls"
	}
	for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
		switch entry.Name {
		case "EncryptedPackage", "EncryptionInfo":
			return "encrypted"
		}
	}
	return "xls"
}
