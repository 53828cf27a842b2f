package manifest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A sheet's layout takes the fields of sheet.Overrides, id_col included;
// a misspelt field is an error that names it.
func TestLayoutFields(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "qfill.yaml")
	os.WriteFile(p, []byte("corpus: corpus\nsheets:\n  - template: t.xlsx\n    output: o.xlsx\n    sheet: チェック\n    header_row: 5\n    question_col: C\n    answer_col: E\n    id_col: A\n"), 0o644)
	m, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if l := m.Sheets[0].Layout; l.Sheet != "チェック" || l.HeaderRow != 5 || l.QuestionCol != "C" || l.AnswerCol != "E" || l.IDCol != "A" {
		t.Errorf("layout %+v", l)
	}
	os.WriteFile(p, []byte("sheets:\n  - template: t.xlsx\n    output: o.xlsx\n    questoin_col: C\n"), 0o644)
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "questoin_col") {
		t.Errorf("misspelt field: %v", err)
	}
}

// A threshold is a confidence or a share of right answers; anything else
// is an error naming its line.
func TestThreshold(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "qfill.yaml")
	for value, want := range map[string]string{"0.7": "", "95%": "", "1.5": "line 4: threshold 1.5", "101%": "line 4: threshold 101%", "[1]": "line 4: threshold"} {
		os.WriteFile(p, []byte("corpus: corpus\nsheets:\n  - template: t.xlsx\n    threshold: "+value+"\n    output: o.xlsx\n"), 0o644)
		m, err := Load(p)
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", value, err)
		case want == "" && (m.Sheets[0].Threshold == nil || m.Sheets[0].Threshold.Confidence <= 0 || m.Sheets[0].Threshold.Text != value):
			t.Errorf("%s: read as %+v", value, m.Sheets[0].Threshold)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: error %v, want %q", value, err, want)
		}
	}
}

// yaml.v3's type errors span lines and name Go types; the manifest's
// error is one line in the file's own terms.
func TestLoadErrorOneLine(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "qfill.yaml")
	for _, tt := range []struct{ text, want string }{
		{"templates:\n  - a.xlsx\n", "line 1: unknown field templates"},
		{"sheets: 3\n", "line 1: unexpected value `3`"},
		{"a,b\n", "line 1: unexpected value `a,b`"},
		{"corpus:\n  a: b\nsheets:\n  - x\n", "line 2: unexpected mapping (and 1 more)"},
		{"sheets: [\n", "line 1: did not find expected node content"},
	} {
		os.WriteFile(p, []byte(tt.text), 0o644)
		_, err := Load(p)
		if err == nil {
			t.Errorf("%q: no error", tt.text)
			continue
		}
		if got := err.Error(); got != "manifest "+p+": "+tt.want {
			t.Errorf("%q: %q, want \"manifest %s: %s\"", tt.text, got, p, tt.want)
		}
	}
}
