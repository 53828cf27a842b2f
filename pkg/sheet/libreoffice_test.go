package sheet

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/qfill/qfill/pkg/convert"
)

func TestXMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"Yes,No"`, `"Yes,No"`},
		{`&quot;はい,いいえ,該当なし&quot;`, `"はい,いいえ,該当なし"`},
		{`&quot;R&amp;D,Ops&quot;`, `"R&D,Ops"`},
		{`&#34;A,B&#x22;`, `"A,B"`},
		{`<xm:f>'Lists'!$A$1:$A$3</xm:f>`, `'Lists'!$A$1:$A$3`},
		{`<xm:f>&apos;A &amp; B&apos;!$A$1:$A$3</xm:f>`, `'A & B'!$A$1:$A$3`},
	}
	for _, tt := range tests {
		if got := xmlText(tt.in); got != tt.want {
			t.Errorf("xmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var jaChoices = []string{"はい", "いいえ", "該当なし"}

// answerChoices reads a workbook and returns the choices of its first
// question's answer cell.
func answerChoices(t *testing.T, data []byte) []string {
	t.Helper()
	b, err := OpenBytes(data, "lo.xlsx", OpenOptions{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	wb, err := Read(b.File, Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	rows := wb.Checklists()[0].Rows
	return rows[0].Choices
}

// LibreOffice writes every inline list escaped (&quot;はい,いいえ&quot;);
// its copy of the bundled template keeps the dropdown. The committed
// fixture is the template saved by LibreOffice 7; where soffice is
// installed the same is checked on a fresh conversion.
func TestLibreOfficeDropdowns(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join("..", "..", "testdata", "libreoffice", "security_checklist_ja.lo.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if got := answerChoices(t, fixture); !slices.Equal(got, jaChoices) {
		t.Errorf("fixture: choices %q, want %q", got, jaChoices)
	}
	if _, ok := convert.Available(); !ok {
		t.Skip("soffice is not installed: checked the committed fixture only")
	}
	tmpl, _ := filepath.Abs(filepath.Join("..", "..", "templates", "security_checklist_ja.xlsx"))
	fresh, err := convert.XLSToXLSX(context.Background(), tmpl, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if got := answerChoices(t, fresh); !slices.Equal(got, jaChoices) {
		t.Errorf("fresh conversion: choices %q, want %q", got, jaChoices)
	}
}
