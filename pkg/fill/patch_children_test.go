package fill

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"
)

// childrenByPattern is how children split a container before it scanned
// by hand: the reference it must agree with.
func childrenByPattern(body []byte, child string) [][]byte {
	inner := body[len(openTag(body)):]
	re := regexp.MustCompile(`(?s)<(?:[A-Za-z0-9_]+:)?` + child + `\b[^>]*?/>|<((?:[A-Za-z0-9_]+:)?)` + child + `\b[^>]*?[^/]>.*?</(?:[A-Za-z0-9_]+:)?` + child + `>|<(?:[A-Za-z0-9_]+:)?` + child + `>.*?</(?:[A-Za-z0-9_]+:)?` + child + `>`)
	return re.FindAll(inner, -1)
}

// The entries of every style and shared-string container of the bundled
// and real-world workbooks, and of odd ones, split as the pattern split
// them.
func TestChildrenAsPattern(t *testing.T) {
	var files []string
	for _, pat := range []string{"../../templates/*.xlsx", "../../examples/*.xlsx", "../../../shared/realworld/*.xlsx"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	var bodies []struct {
		body  []byte
		child string
	}
	for _, fn := range files {
		data, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		for _, part := range []struct {
			name       string
			containers []string
		}{
			{"xl/styles.xml", []string{"numFmts", "fonts", "fills", "borders", "cellXfs"}},
			{"xl/sharedStrings.xml", []string{"sst"}},
		} {
			x := readZip(t, data)[part.name]
			for _, c := range part.containers {
				if i, j, ok := containerSpan(x, c); ok {
					bodies = append(bodies, struct {
						body  []byte
						child string
					}{x[i:j], childNames[c]})
				}
			}
		}
	}
	for _, odd := range []string{
		`<sst count="3"><si><t>a</t></si><x:si><t>b</t></x:si><si/><si count="1"><t xml:space="preserve"> c </t></si>`,
		`<fonts><font><b/><sz val="11"/></font><font/><font x="1"/><fontx/><font><sz val="9"/>`,
		`<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="1" applyNumberFormat="1"><alignment wrapText="1"/></xf>`,
		`<sst><a:b:si><t>z</t></a:b:si><si count="1"><t>never closed</t><si/></sst>`,
	} {
		bodies = append(bodies, struct {
			body  []byte
			child string
		}{[]byte(odd), map[byte]string{'s': "si", 'f': "font", 'c': "xf"}[odd[1]]})
	}
	if len(bodies) < 20 {
		t.Fatalf("only %d containers found", len(bodies))
	}
	for _, b := range bodies {
		got, want := children(b.body, b.child), childrenByPattern(b.body, b.child)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s entries of %.80q: %d, the pattern %d", b.child, b.body, len(got), len(want))
		}
	}
}
