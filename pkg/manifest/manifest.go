// Package manifest reads qfill.yaml, the list of standard answer sheets
// that `qfill regen` keeps up to date: which template is filled from which
// corpus into which output.
package manifest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/qfill/qfill/pkg/calib"
	"github.com/qfill/qfill/pkg/sheet"
	"gopkg.in/yaml.v3"
)

// DefaultFile is looked up in the working directory.
const DefaultFile = "qfill.yaml"

// Sheet is one standard answer sheet.
type Sheet struct {
	Template  string     `yaml:"template"`
	Output    string     `yaml:"output"`
	Report    string     `yaml:"report,omitempty"`
	Corpus    string     `yaml:"corpus,omitempty"`
	Threshold *Threshold `yaml:"threshold,omitempty"`
	Overwrite bool       `yaml:"overwrite,omitempty"`
	Mapping   string     `yaml:"mapping,omitempty"`
	// Layout overrides, as the fill flags (sheet, header_row,
	// question_col, answer_col, remarks_col, id_col).
	Layout sheet.Overrides `yaml:",inline"`
}

// Threshold is a sheet's threshold as written: a confidence ("0.7") or a
// share of right answers ("95%"), read as --threshold reads it.
type Threshold struct {
	Text       string
	Confidence float64
}

// UnmarshalYAML reads and checks the value (calib.Threshold).
func (t *Threshold) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: threshold: want a confidence such as 0.7 or a share such as 95%%", n.Line)
	}
	v, _, err := calib.Threshold(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: threshold %s: %w", n.Line, n.Value, err)
	}
	t.Text, t.Confidence = n.Value, v
	return nil
}

// Manifest is a whole qfill.yaml. Paths in it are relative to its folder.
type Manifest struct {
	Corpus string  `yaml:"corpus"`
	Sheets []Sheet `yaml:"sheets"`

	// Dir is the manifest's folder; Path the file itself.
	Dir  string `yaml:"-"`
	Path string `yaml:"-"`
}

// Load reads and checks a manifest.
func Load(path string) (*Manifest, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("manifest %s not found (write one, or pass --manifest)", path)
		}
		return nil, fmt.Errorf("manifest: %w", err)
	}
	m := &Manifest{Path: path, Dir: filepath.Dir(path)}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(m); err != nil {
		return nil, fmt.Errorf("manifest %s: %s", path, yamlMessage(err))
	}
	if len(m.Sheets) == 0 {
		return nil, fmt.Errorf("manifest %s: no sheets listed", path)
	}
	outs := map[string]int{}
	for i, s := range m.Sheets {
		switch {
		case s.Template == "" || s.Output == "":
			return nil, fmt.Errorf("manifest %s: sheet %d needs template and output", path, i+1)
		case s.Corpus == "" && m.Corpus == "":
			return nil, fmt.Errorf("manifest %s: sheet %d has no corpus (set corpus: at the top or on the sheet)", path, i+1)
		case filepath.Clean(s.Template) == filepath.Clean(s.Output):
			return nil, fmt.Errorf("manifest %s: sheet %d writes over its template", path, i+1)
		}
		if j, dup := outs[filepath.Clean(s.Output)]; dup {
			return nil, fmt.Errorf("manifest %s: sheets %d and %d write the same output %s", path, j+1, i+1, s.Output)
		}
		outs[filepath.Clean(s.Output)] = i
	}
	return m, nil
}

var (
	unknownField = regexp.MustCompile(`field (\S+) not found in type \S+`)
	wrongKind    = regexp.MustCompile("cannot unmarshal !!(\\w+) (`[^`]*` )?into \\S+")
)

// yamlMessage makes yaml.v3's error one line in the manifest's terms: its
// type errors come as "unmarshal errors:" and a line per error, naming Go
// types the user never wrote.
func yamlMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
		if n := len(te.Errors) - 1; n > 0 {
			msg += fmt.Sprintf(" (and %d more)", n)
		}
	}
	msg = unknownField.ReplaceAllString(msg, "unknown field $1")
	return wrongKind.ReplaceAllStringFunc(msg, func(m string) string {
		sub := wrongKind.FindStringSubmatch(m)
		switch {
		case sub[2] != "":
			return "unexpected value " + strings.TrimSpace(sub[2])
		case sub[1] == "seq":
			return "unexpected list"
		}
		return "unexpected mapping"
	})
}

// Abs resolves a manifest path against the manifest's folder.
func (m *Manifest) Abs(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(m.Dir, p)
}

// CorpusOf returns the corpus a sheet uses, as written in the manifest.
func (m *Manifest) CorpusOf(s Sheet) string {
	if s.Corpus != "" {
		return s.Corpus
	}
	return m.Corpus
}
