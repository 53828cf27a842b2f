// Package corpus loads, validates and saves a vendor's answer corpus: the
// questions it has answered before, other wordings of them, and the answers.
//
// A corpus is a file or a folder of files. YAML is the format kept in git;
// CSV, TSV and XLSX tables are accepted so that business users can edit the
// corpus in a spreadsheet. Every entry remembers the file and line it came
// from, so each error names the place to fix.
package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Choice is the normalised dropdown answer of an entry.
type Choice string

// The choices a dropdown answer cell can take, whatever its own wording.
const (
	ChoiceNone Choice = ""
	ChoiceYes  Choice = "yes"
	ChoiceNo   Choice = "no"
	ChoiceNA   Choice = "n/a"
)

// ParseChoice reads the choice field of an entry. It accepts the English and
// Japanese spellings users type; ok is false for anything else.
func ParseChoice(s string) (c Choice, ok bool) {
	if strings.TrimSpace(s) == "" {
		return ChoiceNone, true
	}
	return ChoiceOf(s)
}

// Source records where a learned entry came from.
type Source struct {
	File  string `yaml:"file"`
	Sheet string `yaml:"sheet,omitempty"`
	Row   int    `yaml:"row,omitempty"`
	// QID is the question's ID in that sheet ("A&A-01.2"); a later fill
	// of the same questionnaire uses it to tell identical wordings apart.
	QID     string `yaml:"qid,omitempty"`
	Learned string `yaml:"learned,omitempty"`
}

// Entry is one answered question.
type Entry struct {
	ID       string   `yaml:"id"`
	Question string   `yaml:"question"`
	Aliases  []string `yaml:"aliases,omitempty"`
	Answer   string   `yaml:"answer"`
	Choice   Choice   `yaml:"choice,omitempty"`
	// Remarks is written to the remarks column when the sheet has one.
	Remarks string `yaml:"remarks,omitempty"`
	// Extra answers a checklist's further answer columns, by the
	// column's header label ("SSRM Control Ownership": "CSP-owned").
	Extra    map[string]string `yaml:"extra,omitempty"`
	Section  string            `yaml:"section,omitempty"`
	Tags     []string          `yaml:"tags,omitempty"`
	Updated  string            `yaml:"updated,omitempty"`
	ReviewBy string            `yaml:"review_by,omitempty"`
	Source   *Source           `yaml:"source,omitempty"`

	// File and Line locate the entry for error messages; not saved.
	File string `yaml:"-"`
	Line int    `yaml:"-"`
}

// Wordings returns the question followed by its aliases.
func (e *Entry) Wordings() []string {
	return append([]string{e.Question}, e.Aliases...)
}

// Where formats the entry's position as "file:line".
func (e *Entry) Where() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	return e.File
}

// Corpus is an ordered set of entries with unique ids.
type Corpus struct {
	Entries []*Entry
	// Files lists the files the corpus was loaded from, in load order.
	Files []string
	// Synonyms is the text of the folder's SynonymsFile, if it has one:
	// the vendor's own terms for the matcher's thesaurus.
	Synonyms string
	byID     map[string]*Entry
}

// SynonymsFile is the file in a corpus folder that adds to the matcher's
// thesaurus, one concept a line: "name: term, term, ...". A line whose name
// is a built-in concept adds its terms to that concept.
const SynonymsFile = "synonyms.txt"

// Synonym is one line of a synonyms file, or of the matcher's built-in
// thesaurus, which has the same format: a concept and its terms.
type Synonym struct {
	Line  int
	Name  string
	Terms []string
}

// ParseSynonyms reads the "name: term, term, ..." format, skipping blank
// lines and "#" comments. It returns every well-formed line and, for the
// first line that is not, an *Error with Line set (File is the caller's).
func ParseSynonyms(text string) ([]Synonym, error) {
	var out []Synonym
	var first *Error
	fail := func(line int, msg string) {
		if first == nil {
			first = &Error{Line: line, Msg: msg}
		}
	}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, list, ok := strings.Cut(line, ":")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			fail(i+1, `want "name: term, term, ..."`)
			continue
		}
		syn := Synonym{Line: i + 1, Name: name}
		for _, t := range strings.Split(list, ",") {
			if t = strings.TrimSpace(t); t != "" {
				syn.Terms = append(syn.Terms, t)
			}
		}
		if len(syn.Terms) == 0 {
			fail(i+1, fmt.Sprintf("concept %q lists no terms", name))
			continue
		}
		out = append(out, syn)
	}
	if first != nil {
		return out, first
	}
	return out, nil
}

// loadSynonyms reads and checks a synonyms file. Every line must parse: a
// line the matcher silently skipped would be a synonym the user believes
// in and never gets.
func loadSynonyms(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("corpus: %w", err)
	}
	text, err := decodeText(path, b)
	if err != nil {
		return "", err
	}
	syns, err := ParseSynonyms(text)
	var bad *Error
	errors.As(err, &bad)
	for _, syn := range syns {
		if bad != nil && syn.Line > bad.Line {
			break
		}
		for _, t := range syn.Terms {
			// One character is inside too many words (a kanji) or
			// questions (an English "a") to name a concept. "!term" is
			// an exclusion (see the matcher's thesaurus); it names a
			// term too.
			if utf8.RuneCountInString(strings.TrimPrefix(t, "!")) < 2 {
				return "", &Error{File: path, Line: syn.Line, Msg: fmt.Sprintf("term %q is one character: it would match inside almost any question", t)}
			}
		}
	}
	if bad != nil {
		bad.File = path
		return "", bad
	}
	return text, nil
}

// ByID returns the entry with the given id, or nil.
func (c *Corpus) ByID(id string) *Entry {
	if c.byID == nil {
		c.reindex()
	}
	return c.byID[id]
}

func (c *Corpus) reindex() {
	c.byID = make(map[string]*Entry, len(c.Entries))
	for _, e := range c.Entries {
		c.byID[e.ID] = e
	}
}

// Error is a problem in a corpus file, located by file and line.
type Error struct {
	File string
	Line int
	Msg  string
	// noHeader: a table without the columns an entry needs, which a
	// workbook's cover or notes sheet is.
	noHeader bool
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// ErrEmpty is returned when a corpus path holds no entry at all.
var ErrEmpty = errors.New("corpus has no entries")

// Extensions lists the file kinds Load reads from a folder.
var Extensions = []string{".yaml", ".yml", ".csv", ".tsv", ".xlsx"}

func isCorpusFile(name string) bool {
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasPrefix(base, "~$") {
		return false
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range Extensions {
		if ext == e {
			return true
		}
	}
	return false
}

// Load reads a corpus file, or every corpus file under a folder (in name
// order, so ids and ties are the same on every machine), and validates it.
func Load(path string) (*Corpus, error) {
	c, err := LoadLoose(path)
	if err != nil {
		return nil, err
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if len(c.Entries) == 0 {
		return nil, fmt.Errorf("corpus %s: %w", path, ErrEmpty)
	}
	return c, nil
}

// LoadLoose reads a corpus like Load but leaves the checks across entries
// (unique ids, answers present) to the caller: `qfill corpus lint` reports
// them all instead of stopping at the first.
func LoadLoose(path string) (*Corpus, error) {
	files, syn, err := list(path)
	if err != nil {
		return nil, err
	}
	c := &Corpus{}
	if syn != "" {
		if c.Synonyms, err = loadSynonyms(syn); err != nil {
			return nil, err
		}
	}
	for _, f := range files {
		entries, err := LoadFile(f)
		if err != nil {
			return nil, err
		}
		c.Entries = append(c.Entries, entries...)
		c.Files = append(c.Files, f)
	}
	return c, nil
}

// Sources lists the files a corpus is read from: its corpus files in load
// order, then the folder's synonyms file if it has one.
func Sources(path string) ([]string, error) {
	files, syn, err := list(path)
	if syn != "" {
		files = append(files, syn)
	}
	return files, err
}

// list finds the corpus files at path (the file itself, or a folder's
// files outside hidden folders, sorted) and the folder's synonyms file.
func list(path string) (files []string, synonyms string, err error) {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, "", fmt.Errorf("corpus %s: no such file or folder", path)
	}
	if err != nil {
		return nil, "", fmt.Errorf("corpus: %w", err)
	}
	if !info.IsDir() {
		return []string{path}, "", nil
	}
	err = filepath.WalkDir(path, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != path && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if !d.IsDir() && isCorpusFile(p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, "", fmt.Errorf("corpus: %w", err)
	}
	sort.Strings(files)
	if len(files) == 0 {
		return nil, "", fmt.Errorf("corpus %s: no %s files", path, strings.Join(Extensions, "/"))
	}
	syn := filepath.Join(path, SynonymsFile)
	if _, err := os.Stat(syn); err == nil {
		synonyms = syn
	}
	return files, synonyms, nil
}

// LoadFile reads one corpus file without cross-file validation.
func LoadFile(path string) ([]*Entry, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return loadYAML(path)
	case ".csv":
		return loadDelimited(path, ',')
	case ".tsv":
		return loadDelimited(path, '\t')
	case ".xlsx":
		return loadXLSX(path)
	}
	return nil, &Error{File: path, Msg: fmt.Sprintf("unknown corpus file type (want %s)", strings.Join(Extensions, ", "))}
}

// Validate checks what every entry needs and that ids are unique.
func (c *Corpus) Validate() error {
	seen := make(map[string]*Entry, len(c.Entries))
	for _, e := range c.Entries {
		if err := e.Validate(); err != nil {
			return err
		}
		if prev, dup := seen[e.ID]; dup {
			return &Error{File: e.File, Line: e.Line, Msg: fmt.Sprintf("duplicate id %q (first at %s)", e.ID, prev.Where())}
		}
		seen[e.ID] = e
	}
	c.byID = seen
	return nil
}

// Validate checks what every entry needs: an id, a question, an answer
// or a choice, a known choice and dates in YYYY-MM-DD.
func (e *Entry) Validate() error {
	fail := func(format string, a ...any) error {
		return &Error{File: e.File, Line: e.Line, Msg: fmt.Sprintf(format, a...)}
	}
	if strings.TrimSpace(e.ID) == "" {
		return fail("entry has no id")
	}
	if strings.TrimSpace(e.Question) == "" {
		return fail("entry %q has no question", e.ID)
	}
	if strings.TrimSpace(e.Answer) == "" && e.Choice == ChoiceNone {
		return fail("entry %q has no answer", e.ID)
	}
	if _, ok := ParseChoice(string(e.Choice)); !ok {
		return fail("entry %q: choice %q is not one of yes, no, n/a", e.ID, e.Choice)
	}
	for _, d := range []struct{ name, v string }{{"updated", e.Updated}, {"review_by", e.ReviewBy}} {
		if d.v != "" && !isDate(d.v) {
			return fail("entry %q: %s %q is not a date (YYYY-MM-DD)", e.ID, d.name, d.v)
		}
	}
	return nil
}

func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, r := range s {
		if i != 4 && i != 7 && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// writtenDate is a date as people type it in a table: 2026/4/1,
// 2026.4.1, 2026年4月1日.
var writtenDate = regexp.MustCompile(`^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$`)

// isoDate returns a written date as YYYY-MM-DD, and anything else as it is
// (Validate names what is not a date).
func isoDate(s string) string {
	m := writtenDate.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return s
	}
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	return fmt.Sprintf("%s-%02d-%02d", m[1], month, day)
}

// normaliseEntry trims fields and canonicalises the choice; the loaders call
// it so that every format yields the same entry.
func normaliseEntry(e *Entry) error {
	e.ID = strings.TrimSpace(e.ID)
	e.Question = strings.TrimSpace(e.Question)
	e.Answer = strings.TrimSpace(e.Answer)
	var aliases []string
	for _, a := range e.Aliases {
		if a = strings.TrimSpace(a); a != "" {
			aliases = append(aliases, a)
		}
	}
	e.Aliases = aliases
	e.Updated, e.ReviewBy = isoDate(e.Updated), isoDate(e.ReviewBy)
	c, ok := ParseChoice(string(e.Choice))
	if !ok {
		return &Error{File: e.File, Line: e.Line, Msg: fmt.Sprintf("entry %q: choice %q is not one of yes, no, n/a", e.ID, e.Choice)}
	}
	e.Choice = c
	return nil
}
