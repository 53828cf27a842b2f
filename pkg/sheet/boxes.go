package sheet

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Check boxes typed into an answer cell (□はい　□いいえ　□該当なし,
// （　）はい（　）いいえ, [ ] Yes [ ] No): the customer's form is answered by
// ticking one box, so the cell keeps its text and one box changes.
const (
	openBoxes   = "□☐"
	tickedBoxes = "■☑☒✓✔"
	// bracketMarks tick a bracket box: （○）はい, [x] Yes.
	bracketMarks = "xX○◯●✓✔レ"
)

// maxBoxLabel bounds a label: a longer text after a box is a sentence,
// not a value to tick. maxBoxes bounds the values of one cell.
const (
	maxBoxLabel = 20
	maxBoxes    = 12
)

// box is one check box of a cell, as rune offsets: [start, end).
type box struct {
	start, end int
	ticked     bool
}

// scanBox reads the box at rs[i], if one starts there.
func scanBox(rs []rune, i int) (box, bool) {
	r := rs[i]
	switch {
	case strings.ContainsRune(openBoxes, r):
		return box{i, i + 1, false}, true
	case strings.ContainsRune(tickedBoxes, r):
		return box{i, i + 1, true}, true
	}
	closer := map[rune]rune{'[': ']', '［': '］', '(': ')', '（': '）'}[r]
	if closer == 0 {
		return box{}, false
	}
	// The inside is blank, or one mark between blanks.
	marks := 0
	for j := i + 1; j < len(rs) && j <= i+4; j++ {
		switch {
		case rs[j] == closer:
			return box{i, j + 1, marks == 1}, true
		case unicode.IsSpace(rs[j]):
		case strings.ContainsRune(bracketMarks, rs[j]) && marks == 0:
			marks++
		default:
			return box{}, false
		}
	}
	return box{}, false
}

// scanBoxes reads a check-box cell: its boxes and the label after each. ok
// is false unless the cell is two or more boxes, each followed by a short
// label, with nothing before the first.
func scanBoxes(s string) (boxes []box, labels []string, ok bool) {
	// Most answer cells are text: look at the first rune before copying
	// the cell into runes.
	first, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(s, unicode.IsSpace))
	if !strings.ContainsRune(openBoxes+tickedBoxes+"[［(（", first) {
		return nil, nil, false
	}
	rs := []rune(s)
	labelOf := func(from, to int) string {
		return strings.TrimFunc(string(rs[from:to]), func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune("・/／,，、|｜", r)
		})
	}
	for i := 0; i < len(rs); {
		b, isBox := scanBox(rs, i)
		switch {
		case isBox:
			if n := len(boxes); n > 0 {
				labels = append(labels, labelOf(boxes[n-1].end, i))
			}
			if boxes = append(boxes, b); len(boxes) > maxBoxes {
				return nil, nil, false
			}
			i = b.end
		case len(boxes) == 0 && !unicode.IsSpace(rs[i]):
			return nil, nil, false
		default:
			i++
		}
	}
	if len(boxes) < 2 || len(boxes) > maxBoxes {
		return nil, nil, false
	}
	labels = append(labels, labelOf(boxes[len(boxes)-1].end, len(rs)))
	for _, l := range labels {
		if l == "" || len([]rune(l)) > maxBoxLabel {
			return nil, nil, false
		}
	}
	return boxes, labels, true
}

// readBoxes reads a check-box cell: its labels in order and the labels
// ticked, joined by "／".
func readBoxes(s string) (labels []string, ticked string, ok bool) {
	boxes, labels, ok := scanBoxes(s)
	if !ok {
		return nil, "", false
	}
	var ticks []string
	for i, b := range boxes {
		if b.ticked {
			ticks = append(ticks, labels[i])
		}
	}
	return labels, strings.Join(ticks, "／"), true
}

// TickBox returns the check-box cell text with the box of label ticked
// (□ becomes ■, ☐ becomes ☑, a bracket takes ○ or x) and every other box
// open, or "" when no box has that label.
func TickBox(cell, label string) string {
	boxes, labels, ok := scanBoxes(cell)
	n := -1
	for i, l := range labels {
		if l == label {
			n = i
		}
	}
	if !ok || n < 0 {
		return ""
	}
	rs := []rune(cell)
	var b strings.Builder
	at := 0
	for i, bx := range boxes {
		b.WriteString(string(rs[at:bx.start]))
		switch {
		case i == n:
			b.WriteString(boxText(rs[bx.start:bx.end], true, labels[i]))
		case bx.ticked:
			b.WriteString(boxText(rs[bx.start:bx.end], false, labels[i]))
		default:
			// An open box the answer does not tick stays as typed.
			b.WriteString(string(rs[bx.start:bx.end]))
		}
		at = bx.end
	}
	b.WriteString(string(rs[at:]))
	return b.String()
}

// boxText is a box ticked or open, in its own style: a bracket takes ○
// around a Japanese label or in full-width brackets, x otherwise.
func boxText(bx []rune, ticked bool, label string) string {
	if len(bx) == 1 {
		switch r := bx[0]; {
		case r == '☐' || r == '☑' || r == '☒':
			return map[bool]string{true: "☑", false: "☐"}[ticked]
		default:
			return map[bool]string{true: "■", false: "□"}[ticked]
		}
	}
	open, close := bx[0], bx[len(bx)-1]
	wide := open == '（' || open == '［'
	if !ticked {
		return string(open) + map[bool]string{true: "　", false: " "}[wide] + string(close)
	}
	mark := "x"
	if wide || strings.IndexFunc(label, func(r rune) bool { return r > unicode.MaxASCII }) >= 0 {
		mark = "○"
	}
	return string(open) + mark + string(close)
}
