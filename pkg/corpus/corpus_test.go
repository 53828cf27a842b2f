package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// entryIDs lists the entries' ids, comma-separated, in load order.
func entryIDs(es []*Entry) string {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	return strings.Join(ids, ",")
}

func TestLoadYAML(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.yaml", `entries:
  - id: bk-1
    question: バックアップを取得していますか？
    aliases: [バックアップはありますか？]
    answer: 毎日取得しています。
    choice: はい
    tags: [backup]
    updated: 2026-01-02
`)
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Entries) != 1 {
		t.Fatalf("got %d entries, want 1", len(c.Entries))
	}
	e := c.ByID("bk-1")
	if e == nil || e.Choice != ChoiceYes || len(e.Aliases) != 1 || e.Line != 2 {
		t.Fatalf("got %+v, want bk-1 with choice yes, one alias, line 2", e)
	}
}

func TestLoadTables(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.csv", "id,question,answer,aliases,choice\nc-1,\"Q, one\",A1,x|y,no\n")
	write(t, dir, "b.tsv", "id\tquestion\tanswer\nt-1\t\"quoted\" question\tA2\n\nt-2\tQ3\tA3\n")
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A2", &[]any{"ID", "Question", "Answer"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"x-1", "Q4", "A4"})
	if err := f.SaveAs(filepath.Join(dir, "c.xlsx")); err != nil {
		t.Fatal(err)
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := entryIDs(c.Entries), "c-1,t-1,t-2,x-1"; got != want {
		t.Fatalf("ids = %s, want %s", got, want)
	}
	if e := c.ByID("c-1"); e.Question != "Q, one" || len(e.Aliases) != 2 || e.Choice != ChoiceNo {
		t.Errorf("csv entry = %+v", e)
	}
	if e := c.ByID("t-1"); e.Question != `"quoted" question` {
		t.Errorf("tsv keeps quotes as text: got %q", e.Question)
	}
	if e := c.ByID("t-2"); e.Line != 4 {
		t.Errorf("t-2 line = %d, want 4", e.Line)
	}
	if e := c.ByID("x-1"); e.Line != 3 {
		t.Errorf("x-1 row = %d, want 3", e.Line)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, file, body, want string
	}{
		{"duplicate", "d.yaml", "entries:\n  - {id: a, question: q, answer: x}\n  - {id: a, question: q2, answer: y}\n", "d.yaml:3: duplicate id \"a\" (first at"},
		{"no question", "q.yaml", "entries:\n  - id: a\n    answer: x\n", "q.yaml:2: entry \"a\" has no question"},
		{"no answer", "n.yaml", "entries:\n  - id: a\n    question: q\n", "n.yaml:2: entry \"a\" has no answer"},
		{"bad choice", "c.yaml", "entries:\n  - {id: a, question: q, answer: x, choice: maybe}\n", "c.yaml:2: entry \"a\": choice \"maybe\""},
		{"unknown field", "u.yaml", "entries:\n  - id: a\n    questoin: q\n", "u.yaml:3: unknown field \"questoin\""},
		{"bad date", "t.yaml", "entries:\n  - {id: a, question: q, answer: x, updated: yesterday}\n", "t.yaml:2: entry \"a\": updated \"yesterday\" is not a date"},
		{"syntax", "s.yaml", "entries:\n  - id: [\n", "s.yaml:"},
		{"list for text", "l.yaml", "entries:\n  - id: a\n    question: [q]\n    answer: x\n", "l.yaml:3: question: want text"},
		{"text for a list", "a.yaml", "entries:\n  - id: a\n    question: q\n    answer: x\n    aliases: q2\n", "a.yaml:5: aliases: want a list of text"},
		{"csv header", "h.csv", "id,text\n1,2\n", "h.csv:1: header has no \"question\" column"},
		{"tsv missing answer", "m.tsv", "id\tquestion\tanswer\nx\tq\t\n", "m.tsv:2: entry \"x\" has no answer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, tt.file, tt.body)
			_, err := Load(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// A folder's synonyms.txt is read with the entries; every line must parse.
func TestSynonymsFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.yaml", "entries:\n  - {id: a, question: q, answer: x}\n")
	c, err := Load(dir)
	if err != nil || c.Synonyms != "" {
		t.Fatalf("no synonyms file: synonyms %q, err %v", c.Synonyms, err)
	}
	body := "# product names\nproduct: 本サービス, 当サービス\n\nredundancy: デュアル構成\n"
	write(t, dir, SynonymsFile, body)
	if c, err = Load(dir); err != nil || c.Synonyms != body {
		t.Fatalf("synonyms %q, err %v", c.Synonyms, err)
	}
	for _, bad := range []struct{ body, want string }{
		{"product 本サービス\n", "synonyms.txt:1: want \"name: term"},
		{"ok: ab\n: bc, cd\n", "synonyms.txt:2: want"},
		{"ok: ab\nempty: , \n", "synonyms.txt:2: concept \"empty\" lists no terms"},
		{"x: \xff\xfe\n", "synonyms.txt: not UTF-8"},
		{"key: 鍵, 暗号鍵\n", "synonyms.txt:1: term \"鍵\" is one character"},
		{"key: 暗号鍵, !鍵\n", "synonyms.txt:1: term \"!鍵\" is one character"},
	} {
		write(t, dir, SynonymsFile, bad.body)
		if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: err = %v, want %q", bad.body, err, bad.want)
		}
	}
}

func TestLoadEmptyFolder(t *testing.T) {
	_, err := Load(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "no .yaml") {
		t.Fatalf("err = %v, want no files", err)
	}
	dir := t.TempDir()
	write(t, dir, "e.yaml", "entries: []\n")
	if _, err := Load(dir); !errors.Is(err, ErrEmpty) {
		t.Fatalf("err = %v, want ErrEmpty", err)
	}
}

// The bundled sample corpus must load: it is what `make run` uses.
func TestBundledCorpus(t *testing.T) {
	c, err := Load(filepath.Join("..", "..", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Entries) < 150 {
		t.Errorf("bundled corpus has %d entries, want at least 150", len(c.Entries))
	}
}

func FuzzLoadYAML(f *testing.F) {
	f.Add("entries:\n  - {id: a, question: q, answer: x}\n")
	f.Add("- id: a\n  question: q\n  answer: x\n  aliases: [b]\n")
	f.Add("entries: {}\n")
	f.Fuzz(func(t *testing.T, body string) {
		dir := t.TempDir()
		p := filepath.Join(dir, "f.yaml")
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, _ = LoadFile(p)
	})
}

func FuzzLoadTSV(f *testing.F) {
	f.Add("id\tquestion\tanswer\na\tq\tx\n")
	f.Add("id\tquestion\tanswer\taliases\tchoice\na\tq\tx\tb|c\tyes\n")
	f.Add("id\tquestion\tanswer\na\t\x83o\x83b\x83N\x83A\x83b\x83v\tx\n") // Shift_JIS
	f.Add("\xff\xfei\x00d\x00\t\x00q\x00\n\x00")                          // UTF-16LE
	f.Fuzz(func(t *testing.T, body string) {
		dir := t.TempDir()
		for _, name := range []string{"f.tsv", "f.csv"} {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, _ = LoadFile(p)
		}
	})
}
