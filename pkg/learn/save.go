package learn

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/qfill/qfill/pkg/corpus"
	"gopkg.in/yaml.v3"
)

// Changes are the files a learning run rewrites, with their new content.
type Changes struct {
	Files map[string][]byte
	// Unsaved lists changes to entries kept in CSV/TSV/XLSX files, which
	// learn does not rewrite.
	Unsaved []string
}

// Save works out the new content of every corpus file the actions touch.
// New entries go to into (created when missing); an alias or replacement
// rewrites the entry in its own YAML file, in place, keeping the rest of
// that file (other entries, comments) as it was.
func Save(all []*corpus.Entry, actions []Action, into string) (*Changes, error) {
	ch := &Changes{Files: map[string][]byte{}}
	intoAbs, _ := filepath.Abs(into)
	same := func(p string) bool {
		a, _ := filepath.Abs(p)
		return a == intoAbs
	}
	changed := map[string][]*corpus.Entry{} // file -> changed entries
	var added []*corpus.Entry
	for _, a := range actions {
		switch a.Kind {
		case KindNew:
			added = append(added, a.Entry)
		case KindAlias, KindReplace:
			f := a.Entry.File
			if !same(f) && !isYAML(f) {
				ch.Unsaved = append(ch.Unsaved, fmt.Sprintf("%s: entry %q is in a table file; add the %s there by hand", a.Entry.Where(), a.Entry.ID, a.Kind))
				continue
			}
			changed[f] = append(changed[f], a.Entry)
		}
	}
	// The learned file: its current entries (changed in place) plus the new.
	if len(added) > 0 || anySame(changed, same) {
		var keep []*corpus.Entry
		for _, e := range all {
			if same(e.File) {
				keep = append(keep, e)
			}
		}
		keep = append(keep, added...)
		var b bytes.Buffer
		b.WriteString("# Learned by `qfill learn` from answered checklists. Review, then move\n# entries into the topic files if you like.\n")
		if err := corpus.WriteYAML(&b, keep); err != nil {
			return nil, err
		}
		ch.Files[into] = b.Bytes()
	}
	for f, es := range changed {
		if same(f) {
			continue
		}
		data, err := rewriteEntries(f, es)
		if err != nil {
			return nil, err
		}
		ch.Files[f] = data
	}
	return ch, nil
}

func anySame(m map[string][]*corpus.Entry, same func(string) bool) bool {
	for f := range m {
		if same(f) {
			return true
		}
	}
	return false
}

func isYAML(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".yaml" || ext == ".yml"
}

// rewriteEntries replaces the mapping of each changed entry in a YAML
// corpus file and leaves every other node, comments included, as it was.
func rewriteEntries(path string, es []*corpus.Entry) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	byID := map[string]*corpus.Entry{}
	for _, e := range es {
		byID[e.ID] = e
	}
	list := &doc
	if len(doc.Content) > 0 {
		list = doc.Content[0]
	}
	if list.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(list.Content); i += 2 {
			if list.Content[i].Value == "entries" {
				list = list.Content[i+1]
			}
		}
	}
	for i, n := range list.Content {
		if n.Kind != yaml.MappingNode {
			continue
		}
		for k := 0; k+1 < len(n.Content); k += 2 {
			if n.Content[k].Value != "id" {
				continue
			}
			e := byID[n.Content[k+1].Value]
			if e == nil {
				break
			}
			var fresh yaml.Node
			if err := fresh.Encode(e); err != nil {
				return nil, err
			}
			fresh.HeadComment, fresh.LineComment, fresh.FootComment = n.HeadComment, n.LineComment, n.FootComment
			list.Content[i] = &fresh
			break
		}
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return b.Bytes(), enc.Close()
}
