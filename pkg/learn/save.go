package learn

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
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
	newAliases := map[string][]string{}     // entry id -> aliases added (alias-only changes)
	replaced := map[string]bool{}
	var added []*corpus.Entry
	for _, a := range actions {
		switch a.Kind {
		case KindNew:
			added = append(added, a.Entry)
		case KindAlias, KindReplace, KindChoice:
			f := a.Entry.File
			if !same(f) && !isYAML(f) {
				ch.Unsaved = append(ch.Unsaved, fmt.Sprintf("%s: entry %q is in a table file; add the %s there by hand", a.Entry.Where(), a.Entry.ID, a.Kind))
				continue
			}
			changed[f] = append(changed[f], a.Entry)
			if a.Kind == KindAlias {
				newAliases[a.Entry.ID] = append(newAliases[a.Entry.ID], a.Obs.Question)
			} else {
				// A new choice or answer: the entry is written anew,
				// with any alias the same decision added.
				replaced[a.Entry.ID] = true
			}
		}
	}
	for id := range replaced {
		// A replaced entry is written anew, aliases and all.
		delete(newAliases, id)
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
		data, err := rewriteEntries(f, es, newAliases)
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

// rewriteEntries changes only the lines of a YAML corpus file that the
// learned changes touch, so the file keeps its style (flow lists, quoting,
// indentation, comments) and a diff shows what was learned. A new alias
// is one line added to the entry's aliases (two with the key, when the
// entry had none); an entry whose answer was replaced, or whose aliases
// are written in a way a line cannot be added to (a flow list, a block
// scalar), is written anew in its own lines.
func rewriteEntries(path string, es []*corpus.Entry, newAliases map[string][]string) ([]byte, error) {
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
	lines := strings.SplitAfter(string(data), "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	type edit struct {
		from, to int // lines [from, to) replaced, 0-based
		text     []string
	}
	var edits []edit
	for i, n := range list.Content {
		e := byID[mapValue(n, "id")]
		if n.Kind != yaml.MappingNode || e == nil {
			continue
		}
		if add := newAliases[e.ID]; len(add) > 0 {
			if at, text, ok := aliasLines(n, add); ok {
				edits = append(edits, edit{at, at, text})
				continue
			}
			if seq := mapNode(n, "aliases"); seq != nil && seq.Line-1 < len(lines) {
				if line, ok := appendFlow(lines[seq.Line-1], seq.Column-1, add); ok {
					edits = append(edits, edit{seq.Line - 1, seq.Line, []string{line}})
					continue
				}
			}
		}
		from := n.Line - 1
		to := len(lines)
		if i+1 < len(list.Content) {
			to = list.Content[i+1].Line - 1
		}
		// The next entry's own comments stay with it.
		for to > from+1 && isCommentOrBlank(lines[to-1]) {
			to--
		}
		text, err := entryLines(e, n.Column-3)
		if err != nil {
			return nil, err
		}
		edits = append(edits, edit{from, to, text})
	}
	// From the bottom up, so each edit's line numbers still hold.
	sort.Slice(edits, func(a, b int) bool { return edits[a].from > edits[b].from })
	for _, ed := range edits {
		lines = append(lines[:ed.from], append(ed.text, lines[ed.to:]...)...)
	}
	return []byte(strings.Join(lines, "")), nil
}

func mapValue(n *yaml.Node, key string) string {
	if v := mapNode(n, key); v != nil {
		return v.Value
	}
	return ""
}

func mapNode(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for k := 0; k+1 < len(n.Content); k += 2 {
		if n.Content[k].Value == key {
			return n.Content[k+1]
		}
	}
	return nil
}

func oneLine(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0
}

// aliasLines returns where to insert the new aliases of an entry and the
// lines to insert, when they can be added as lines of their own.
func aliasLines(n *yaml.Node, add []string) (int, []string, bool) {
	item := func(indent int, s string) string {
		b, _ := yaml.Marshal(s)
		return strings.Repeat(" ", indent) + "- " + strings.TrimSuffix(string(b), "\n") + "\n"
	}
	if seq := mapNode(n, "aliases"); seq != nil {
		if seq.Kind != yaml.SequenceNode || seq.Style&yaml.FlowStyle != 0 || len(seq.Content) == 0 {
			return 0, nil, false
		}
		last := seq.Content[len(seq.Content)-1]
		if !oneLine(last) || last.Column < 3 {
			return 0, nil, false
		}
		var text []string
		for _, a := range add {
			text = append(text, item(last.Column-3, a))
		}
		return last.Line, text, true
	}
	var qk, qv *yaml.Node
	for k := 0; k+1 < len(n.Content); k += 2 {
		if n.Content[k].Value == "question" {
			qk, qv = n.Content[k], n.Content[k+1]
		}
	}
	if qk == nil || !oneLine(qv) {
		return 0, nil, false
	}
	indent := qk.Column - 1
	text := []string{strings.Repeat(" ", indent) + "aliases:\n"}
	for _, a := range add {
		text = append(text, item(indent+2, a))
	}
	return qv.Line, text, true
}

// appendFlow adds items to a flow list that opens at byte col of line and
// closes on the same line: "aliases: [a, b]" becomes "aliases: [a, b, c]".
func appendFlow(line string, col int, add []string) (string, bool) {
	if col < 0 || col >= len(line) || line[col] != '[' {
		return "", false
	}
	depth, quote := 0, byte(0)
	for i := col; i < len(line); i++ {
		c := line[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
			if depth == 0 {
				var items []string
				for _, a := range add {
					items = append(items, flowScalar(a))
				}
				sep := ", "
				if strings.TrimSpace(line[col+1:i]) == "" {
					sep = ""
				}
				return line[:i] + sep + strings.Join(items, ", ") + line[i:], true
			}
		}
	}
	return "", false
}

// flowScalar writes s for a flow list: plain where YAML reads it back as
// the same string, else double-quoted (a JSON string is a YAML one).
func flowScalar(s string) string {
	if !strings.ContainsAny(s, ",[]{}#:'\"&*!|>%@`") && strings.TrimSpace(s) == s && s != "" {
		var back []string
		if yaml.Unmarshal([]byte("["+s+"]"), &back) == nil && len(back) == 1 && back[0] == s {
			return s
		}
	}
	b, _ := json.Marshal(s)
	return string(b)
}

// entryLines encodes one entry as an item of the entries list, its dash
// at column dash (0-based).
func entryLines(e *corpus.Entry, dash int) ([]string, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode([]*corpus.Entry{e}); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	out := strings.SplitAfter(b.String(), "\n")
	if out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	pad := strings.Repeat(" ", max(dash, 0))
	for i := range out {
		out[i] = pad + out[i]
	}
	return out, nil
}

func isCommentOrBlank(line string) bool {
	t := strings.TrimSpace(line)
	return t == "" || strings.HasPrefix(t, "#")
}
