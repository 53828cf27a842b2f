package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"
	"github.com/qfill/qfill/pkg/i18n"
)

// Columns line up on a terminal when cells hold Japanese, which takes
// two columns a character.
func TestTableDisplayWidth(t *testing.T) {
	var b strings.Builder
	tw := newTable(&b)
	fmt.Fprintf(tw, "file\tquestions\t\n")
	fmt.Fprintf(tw, "顧客A/チェックシート.xlsx\t44\t\n")
	fmt.Fprintf(tw, "b.xlsx\t12\t\n")
	if err := tw.Flush(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	col := -1
	for _, l := range lines {
		// The second column starts at the same display column on
		// every line.
		i := strings.IndexAny(l, "q41")
		at := runewidth.StringWidth(l[:i])
		if col >= 0 && at != col {
			t.Errorf("column at %d, want %d:\n%s", at, col, b.String())
		}
		col = at
		if strings.HasSuffix(l, " ") {
			t.Errorf("line ends in spaces: %q", l)
		}
	}
}

// Under LANG=ja the result lines are Japanese.
func TestJapaneseResultLines(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"LANG": "ja_JP.UTF-8"}, true},
		{map[string]string{"LANG": "ja_JP.UTF-8", "LC_ALL": "C"}, false},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8"}, true},
		{map[string]string{"LANG": "C"}, false},
	} {
		for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			t.Setenv(k, tt.env[k])
		}
		if got := japaneseLocale(); got != tt.want {
			t.Errorf("%v: japanese %v, want %v", tt.env, got, tt.want)
		}
	}
	dir := t.TempDir()
	in := copyFile(t, templateJA, dir)
	var out, errOut strings.Builder
	tmp := newTempRoot()
	defer tmp.remove()
	code := runContext(context.Background(), []string{"fill", in, "--corpus", repoCorpus}, &iostreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, tmp: tmp, ledger: testLedger, ja: true})
	if code != 0 || !strings.Contains(out.String(), "44 問: 記入 31、要確認 11") || !strings.Contains(out.String(), "回答集: ") {
		t.Errorf("exit %d, %q %q", code, out.String(), errOut.String())
	}
}

// Under LANG=ja a bad input's one line is Japanese, its file name and
// flags kept.
func TestJapaneseErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "メモ.xlsx")
	os.WriteFile(bad, []byte("just text"), 0o644)
	var out, errOut strings.Builder
	tmp := newTempRoot()
	defer tmp.remove()
	code := runContext(context.Background(), []string{"fill", bad, "--corpus", repoCorpus}, &iostreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, tmp: tmp, ledger: testLedger, ja: true})
	if want := "qfill: " + bad + ": Excel のブック（.xlsx/.xlsm）ではありません\n"; code != 2 || errOut.String() != want {
		t.Errorf("exit %d, %q, want %q", code, errOut.String(), want)
	}
}

// Under LANG=ja the help is Japanese, every command's summary included.
func TestJapaneseHelp(t *testing.T) {
	var out, errOut strings.Builder
	tmp := newTempRoot()
	defer tmp.remove()
	code := runContext(context.Background(), []string{"fill", "--help"}, &iostreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, tmp: tmp, ja: true})
	if code != 0 || !strings.Contains(out.String(), "チェックシートの回答欄を回答集から記入し") || !strings.Contains(out.String(), "終了ステータス") {
		t.Errorf("fill --help: exit %d\n%s", code, out.String())
	}
	for _, c := range newRootCmd(&iostreams{tmp: tmp}).Commands() {
		if short, _, ok := i18n.Help(c.Name()); !ok || short == "" {
			t.Errorf("no Japanese help for %s", c.Name())
		}
	}
}
