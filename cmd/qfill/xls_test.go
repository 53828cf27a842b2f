package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qfill/qfill/pkg/convert"
	"github.com/qfill/qfill/pkg/fill"
	"github.com/xuri/excelize/v2"
)

var (
	loXLS  = filepath.Join("..", "..", "testdata", "libreoffice", "security_checklist_ja.xls")
	loXLSX = filepath.Join("..", "..", "testdata", "libreoffice", "security_checklist_ja.lo.xlsx")
)

// checkJAFilled opens a filled copy of the Japanese template and checks
// that dropdown rows got a dropdown value and their remarks the text.
func checkJAFilled(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, row := range []string{"10", "15"} {
		if v, _ := f.GetCellValue("セキュリティチェックシート", "D"+row); v != "はい" {
			t.Errorf("D%s = %q, want はい (the dropdown value)", row, v)
		}
		if v, _ := f.GetCellValue("セキュリティチェックシート", "E"+row); len([]rune(v)) < 10 {
			t.Errorf("E%s = %q, want the answer text in the remarks", row, v)
		}
	}
}

// The .xls path with the converter chosen by the test: none (the hint),
// one that works (the converted copy is filled as .xlsx), one that fails
// (one clear line), and LibreOffice itself where it is installed.
func TestXLSConversion(t *testing.T) {
	dir := t.TempDir()
	xls := filepath.Join(dir, "チェック.xls")
	os.WriteFile(xls, mustRead(t, loXLS), 0o644)

	code, _, stderr := qfillConverting(t, nil, "fill", xls, "--corpus", repoCorpus)
	if code != 2 || !strings.Contains(stderr, "soffice --headless --convert-to xlsx") {
		t.Errorf("no converter: exit %d, %q", code, stderr)
	}

	fake := func(ctx context.Context, path, tmp string) ([]byte, error) { return os.ReadFile(loXLSX) }
	out := filepath.Join(dir, "a.xlsx")
	if code, _, stderr := qfillConverting(t, fake, "fill", xls, "-o", out, "--corpus", repoCorpus); code != 0 {
		t.Fatalf("converter: exit %d: %s", code, stderr)
	}
	checkJAFilled(t, out)

	broken := func(ctx context.Context, path, tmp string) ([]byte, error) {
		return nil, errors.New("converting チェック.xls with soffice: exit status 1: source file could not be loaded")
	}
	code, _, stderr = qfillConverting(t, broken, "fill", xls, "-o", filepath.Join(dir, "b.xlsx"), "--corpus", repoCorpus)
	if code != 2 || !strings.Contains(stderr, "could not be loaded") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("failing converter: exit %d, %q", code, stderr)
	}

	if _, ok := convert.Available(); !ok {
		t.Skip("soffice is not installed: the real conversion is not checked")
	}
	real := filepath.Join(dir, "c.xlsx")
	if code, _, stderr := qfillConverting(t, fill.Converter(convert.XLSToXLSX), "fill", xls, "-o", real, "--corpus", repoCorpus); code != 0 {
		t.Fatalf("LibreOffice: exit %d: %s", code, stderr)
	}
	checkJAFilled(t, real)
}

// inspect reads a .xls as fill does, through the converter.
func TestInspectXLS(t *testing.T) {
	fake := func(ctx context.Context, path, tmp string) ([]byte, error) { return os.ReadFile(loXLSX) }
	code, out, stderr := qfillConverting(t, fake, "inspect", loXLS)
	if code != 0 || !strings.Contains(out, "44 questions") || !strings.Contains(out, "choices: はい/いいえ/該当なし") {
		t.Errorf("inspect .xls: exit %d\n%s%s", code, out, stderr)
	}
	if code, _, stderr := qfill(t, "inspect", loXLS); code != 2 || !strings.Contains(stderr, "soffice --headless") {
		t.Errorf("inspect .xls without a converter: exit %d, %q", code, stderr)
	}
}
