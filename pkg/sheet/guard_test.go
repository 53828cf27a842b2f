package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qfill/qfill/internal/hostile"
	"github.com/xuri/excelize/v2"
)

// emptyDir fails the test when dir holds anything.
func emptyDir(t *testing.T, dir string) {
	t.Helper()
	left, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 0 {
		var names []string
		for _, e := range left {
			names = append(names, e.Name())
		}
		t.Errorf("temporary folder not empty: %v", names)
	}
}

// Every hostile input is refused with the error its shape calls for,
// before excelize inflates it (a package that opens: when its sheets are
// read), and leaves the temporary folder empty.
func TestHostileOpen(t *testing.T) {
	for _, in := range hostile.Inputs() {
		t.Run(in.Name, func(t *testing.T) {
			tmp := t.TempDir()
			b, err := OpenBytes(in.Data, in.Name, OpenOptions{TempDir: tmp})
			if err == nil {
				_, err = Read(b.File, Overrides{})
				b.Close()
			}
			if in.Want == "" {
				if err != nil {
					t.Errorf("err = %v, want the workbook read", err)
				}
			} else if err == nil || !strings.Contains(err.Error(), in.Want) {
				t.Errorf("err = %v, want it to say %q", err, in.Want)
			}
			emptyDir(t, tmp)
		})
	}
}

// buildZip writes a package with the given parts, deflated.
func buildZip(t *testing.T, parts map[string][]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for name, data := range parts {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPackageLimits(t *testing.T) {
	noise := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(i*7919 + i>>7)
		}
		return b
	}
	tests := []struct {
		name  string
		parts map[string][]byte
		o     OpenOptions
		want  LimitError
	}{
		{"one part over the part limit", map[string][]byte{"xl/a.xml": noise(3 << 10)}, OpenOptions{PartLimit: 2 << 10},
			LimitError{Part: "xl/a.xml", Size: 3 << 10, Limit: 2 << 10}},
		{"parts over the total", map[string][]byte{"xl/a.xml": noise(3 << 10)}, OpenOptions{UnzipLimit: 2 << 10, PartLimit: 8 << 10},
			LimitError{Size: 3 << 10, Limit: 2 << 10}},
		{"one part inflating too much", map[string][]byte{"xl/a.xml": bytes.Repeat([]byte("a"), 9<<20)}, OpenOptions{},
			LimitError{Part: "xl/a.xml", Size: 9 << 20, Ratio: DefaultMaxRatio}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkPackage(buildZip(t, tt.parts), tt.o.withDefaults())
			var le *LimitError
			if !errors.As(err, &le) || !errors.Is(err, ErrTooLarge) {
				t.Fatalf("err = %v, want a LimitError", err)
			}
			le.Packed = 0 // the deflater's business
			if *le != tt.want {
				t.Errorf("got %+v, want %+v", *le, tt.want)
			}
		})
	}
	small := buildZip(t, map[string][]byte{"xl/a.xml": noise(1 << 10)})
	if err := checkPackage(small, OpenOptions{}.withDefaults()); err != nil {
		t.Errorf("a small package: %v", err)
	}
}

// What excelize spills to disk (a sheet over XMLLimit) goes in the
// workbook's own folder under TempDir, and Close removes it.
func TestSpillFolder(t *testing.T) {
	tmp := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", "templates", "security_checklist_ja.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := OpenBytes(data, "t.xlsx", OpenOptions{TempDir: tmp, XMLLimit: 1 << 10})
	if err != nil {
		t.Fatal(err)
	}
	spilled, _ := filepath.Glob(filepath.Join(tmp, "qfill-book-*", "excelize-*"))
	if len(spilled) == 0 {
		t.Error("no part spilled into the workbook's folder")
	}
	if _, err := Read(b.File, Overrides{}); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	emptyDir(t, tmp)
}

// FuzzOpenPackage feeds zip packages to the opener: whatever the bytes,
// it returns (no panic) and leaves its temporary folder empty.
func FuzzOpenPackage(f *testing.F) {
	f.Add(hostile.Workbook())
	for _, in := range hostile.Small() {
		f.Add(in.Data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tmp := t.TempDir()
		b, err := OpenBytes(data, "fuzz.xlsx", OpenOptions{TempDir: tmp, UnzipLimit: 32 << 20, XMLLimit: 64 << 10, PartLimit: 16 << 20})
		if err == nil {
			_, _ = Read(b.File, Overrides{MaxRows: 5000})
			b.Close()
		}
		emptyDir(t, tmp)
	})
}

// An error that quotes the file stays one short line, and still unwraps.
func TestQuotingErrors(t *testing.T) {
	base := errors.New("expected element <worksheet> in name space http://a\n\n\r\tb but have c")
	q := quoting{base}
	if got, want := q.Error(), "expected element <worksheet> in name space http://a b but have c"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if !errors.Is(q, base) {
		t.Error("errors.Is does not see the quoted error")
	}
	long := quoting{errors.New(strings.Repeat("名", 1000))}
	if n := len([]rune(long.Error())); n != quoteLimit+1 {
		t.Errorf("a long quote is %d characters, want %d", n, quoteLimit+1)
	}
}

// The calculation chain is left out of what excelize opens, every other
// part kept as it was; a package without one, or no zip at all, is
// passed on as it is.
func TestWithoutCalcChain(t *testing.T) {
	var base bytes.Buffer
	if err := excelize.NewFile().Write(&base); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(base.Bytes()), int64(base.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	w, _ := zw.Create(calcChainPart)
	w.Write([]byte(`<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="1"/></calcChain>`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	with := buf.Bytes()
	got := withoutCalcChain(with)
	out, err := zip.NewReader(bytes.NewReader(got), int64(len(got)))
	if err != nil {
		t.Fatal(err)
	}
	if len(out.File) != len(zr.File) {
		t.Fatalf("%d parts, want %d", len(out.File), len(zr.File))
	}
	for i, f := range out.File {
		if f.Name != zr.File[i].Name || f.CRC32 != zr.File[i].CRC32 {
			t.Errorf("part %d: %s, want %s as it was", i, f.Name, zr.File[i].Name)
		}
	}
	b, err := OpenBytes(with, "with.xlsx", OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, ok := b.Pkg.Load(calcChainPart); ok {
		t.Error("excelize was given the calculation chain")
	}
	for _, same := range [][]byte{base.Bytes(), []byte("not a zip")} {
		if got := withoutCalcChain(same); &got[0] != &same[0] {
			t.Errorf("%.20q was copied", same)
		}
	}
}
