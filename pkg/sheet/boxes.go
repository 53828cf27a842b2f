package sheet

import (
	"strings"
	"unicode"
)

// Check boxes typed into an answer cell (□はい　□いいえ　□該当なし): the
// customer's form is answered by ticking one box, so the cell keeps its
// text and one box changes.
const (
	openBoxes   = "□☐"
	tickedBoxes = "■☑☒✓✔"
)

// maxBoxLabel bounds a label: a longer text after a box is a sentence,
// not a value to tick.
const maxBoxLabel = 20

// readBoxes reads a check-box cell: its labels in order and the labels
// ticked, joined by "／". ok is false unless the cell is two or more boxes,
// each followed by a short label, with nothing before the first.
func readBoxes(s string) (labels []string, ticked string, ok bool) {
	var ticks []string
	cur, inLabel, curTicked := []rune{}, false, false
	flush := func() bool {
		l := strings.TrimFunc(string(cur), func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune("・/／,，、|｜", r)
		})
		if l == "" || len([]rune(l)) > maxBoxLabel {
			return false
		}
		labels = append(labels, l)
		if curTicked {
			ticks = append(ticks, l)
		}
		return true
	}
	for _, r := range s {
		open, tick := strings.ContainsRune(openBoxes, r), strings.ContainsRune(tickedBoxes, r)
		switch {
		case open || tick:
			if inLabel && !flush() {
				return nil, "", false
			}
			cur, inLabel, curTicked = cur[:0], true, tick
		case inLabel:
			cur = append(cur, r)
		case !unicode.IsSpace(r):
			return nil, "", false
		}
	}
	if !inLabel || !flush() || len(labels) < 2 {
		return nil, "", false
	}
	return labels, strings.Join(ticks, "／"), true
}

// TickBox returns the check-box cell text with the box of label ticked
// (□ becomes ■, ☐ becomes ☑) and every other box open, or "" when no box
// has that label.
func TickBox(cell, label string) string {
	labels, _, ok := readBoxes(cell)
	if !ok {
		return ""
	}
	n := -1
	for i, l := range labels {
		if l == label {
			n = i
		}
	}
	if n < 0 {
		return ""
	}
	rs := []rune(cell)
	box := 0
	for i, r := range rs {
		if !strings.ContainsRune(openBoxes, r) && !strings.ContainsRune(tickedBoxes, r) {
			continue
		}
		rs[i] = boxGlyph(r, box == n)
		box++
	}
	return string(rs)
}

// boxGlyph is box r ticked or open, in the same style.
func boxGlyph(r rune, ticked bool) rune {
	switch {
	case r == '☐' || r == '☑' || r == '☒':
		if ticked {
			return '☑'
		}
		return '☐'
	case ticked:
		return '■'
	}
	return '□'
}
