package sheet

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xmlScan walks XML tag by tag without allocating a token for each, for
// the reader's row scanner. It accepts a subset of what encoding/xml
// (strict, as excelize uses it) accepts, and reports anything outside it
// as not ok, so a caller never reads a document that excelize would read
// otherwise: ASCII names with at most one colon inside, quoted attribute
// values, the five predefined entities and character references in the
// XML character range, valid UTF-8 text of XML characters, no "]]>" in
// text; no comments, CDATA sections, processing instructions or
// declarations after the prolog.
type xmlScan struct {
	b     []byte
	i     int
	attrs []xmlAttr // reused for each start tag
}

type tagKind int

const (
	tagStart tagKind = iota
	tagEnd
	tagEOF
)

type scanTag struct {
	kind        tagKind
	name        []byte
	attrs       []xmlAttr // valid until the next call of next
	selfClosing bool
}

// xmlAttr is an attribute as written: its local name (after any prefix,
// which is how excelize looks attributes up) and its value undecoded.
type xmlAttr struct {
	local []byte
	raw   []byte
}

// value returns the attribute's value as encoding/xml decodes it.
func (a *xmlAttr) value() (string, bool) {
	if bytes.IndexByte(a.raw, '&') < 0 && bytes.IndexByte(a.raw, '\r') < 0 {
		return string(a.raw), true // checked when the tag was read
	}
	return decodeText(a.raw, false)
}

func (a *xmlAttr) is(name string) bool { return string(a.local) == name }

// prolog moves past an optional byte order mark, whitespace and an XML
// declaration of version 1.0 in UTF-8 (encoding/xml would convert
// another encoding). Anything else before the root is not ok.
func (x *xmlScan) prolog() bool {
	x.i = 0
	if bytes.HasPrefix(x.b, []byte("\xef\xbb\xbf")) {
		x.i = 3
	}
	x.skipSpace()
	if bytes.HasPrefix(x.b[x.i:], []byte("<?xml")) && x.i+5 < len(x.b) && isSpace(x.b[x.i+5]) {
		end := bytes.Index(x.b[x.i:], []byte("?>"))
		if end < 0 {
			return false
		}
		decl := string(x.b[x.i+5 : x.i+end])
		for _, kv := range strings.Fields(decl) {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || len(v) < 2 || (v[0] != '"' && v[0] != '\'') || v[len(v)-1] != v[0] {
				return false
			}
			v = v[1 : len(v)-1]
			switch k {
			case "version":
				if v != "1.0" {
					return false
				}
			case "encoding":
				if !strings.EqualFold(v, "utf-8") {
					return false
				}
			case "standalone":
			default:
				return false
			}
		}
		x.i += end + 2
		x.skipSpace()
	}
	return x.i < len(x.b) && x.b[x.i] == '<' && x.i+1 < len(x.b) && isNameStart(x.b[x.i+1])
}

func (x *xmlScan) skipSpace() {
	for x.i < len(x.b) && isSpace(x.b[x.i]) {
		x.i++
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func isNameStart(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_'
}

func isNameByte(c byte) bool {
	return isNameStart(c) || '0' <= c && c <= '9' || c == '.' || c == '-' || c == ':'
}

// isNameEnd reports whether c may follow a name in a tag.
func isNameEnd(c byte) bool { return isSpace(c) || c == '>' || c == '/' }

// name reads a name at x.i: ASCII, starting with a letter or '_', with
// at most one colon, neither first nor last.
func (x *xmlScan) name() ([]byte, bool) {
	start := x.i
	if x.i >= len(x.b) || !isNameStart(x.b[x.i]) {
		return nil, false
	}
	colons := 0
	for x.i < len(x.b) && isNameByte(x.b[x.i]) {
		if x.b[x.i] == ':' {
			colons++
		}
		x.i++
	}
	n := x.b[start:x.i]
	if x.i < len(x.b) && x.b[x.i] >= utf8.RuneSelf || colons > 1 || n[len(n)-1] == ':' {
		return nil, false
	}
	return n, true
}

// localName is the part of a name after its prefix.
func localName(n []byte) string {
	if i := bytes.IndexByte(n, ':'); i >= 0 {
		return string(n[i+1:])
	}
	return string(n)
}

// next returns the next tag, having checked the text before it.
func (x *xmlScan) next() (scanTag, bool) {
	j := bytes.IndexByte(x.b[x.i:], '<')
	if j < 0 {
		if !validText(x.b[x.i:]) {
			return scanTag{}, false
		}
		x.i = len(x.b)
		return scanTag{kind: tagEOF}, true
	}
	if j > 0 && !validText(x.b[x.i:x.i+j]) {
		return scanTag{}, false
	}
	x.i += j + 1
	if x.i >= len(x.b) {
		return scanTag{}, false
	}
	if x.b[x.i] == '/' {
		x.i++
		n, ok := x.name()
		if !ok {
			return scanTag{}, false
		}
		x.skipSpace()
		if x.i >= len(x.b) || x.b[x.i] != '>' {
			return scanTag{}, false
		}
		x.i++
		return scanTag{kind: tagEnd, name: n}, true
	}
	n, ok := x.name()
	if !ok {
		return scanTag{}, false
	}
	t := scanTag{kind: tagStart, name: n}
	x.attrs = x.attrs[:0]
	for {
		x.skipSpace()
		if x.i >= len(x.b) {
			return scanTag{}, false
		}
		switch x.b[x.i] {
		case '>':
			x.i++
			t.attrs = x.attrs
			return t, true
		case '/':
			if x.i+1 >= len(x.b) || x.b[x.i+1] != '>' {
				return scanTag{}, false
			}
			x.i += 2
			t.attrs, t.selfClosing = x.attrs, true
			return t, true
		}
		an, ok := x.name()
		if !ok {
			return scanTag{}, false
		}
		x.skipSpace()
		if x.i >= len(x.b) || x.b[x.i] != '=' {
			return scanTag{}, false
		}
		x.i++
		x.skipSpace()
		if x.i >= len(x.b) || x.b[x.i] != '"' && x.b[x.i] != '\'' {
			return scanTag{}, false
		}
		q := x.b[x.i]
		end := bytes.IndexByte(x.b[x.i+1:], q)
		if end < 0 {
			return scanTag{}, false
		}
		raw := x.b[x.i+1 : x.i+1+end]
		if bytes.IndexByte(raw, '<') >= 0 {
			return scanTag{}, false
		}
		if _, ok := checkText(raw, false, false); !ok {
			return scanTag{}, false
		}
		x.i += end + 2
		local := an
		if k := bytes.IndexByte(an, ':'); k >= 0 {
			local = an[k+1:]
		}
		x.attrs = append(x.attrs, xmlAttr{local: local, raw: raw})
	}
}

// textContent reads the text of the element t opened up to its end tag;
// an element inside it is not ok. plain is true when the text needs no
// decoding (raw is then the text as written).
func (x *xmlScan) textContent(t scanTag) (raw []byte, text string, plain, ok bool) {
	if t.selfClosing {
		return nil, "", true, true
	}
	j := bytes.IndexByte(x.b[x.i:], '<')
	if j < 0 {
		return nil, "", false, false
	}
	raw = x.b[x.i : x.i+j]
	x.i += j
	end, ok := x.next()
	if !ok || end.kind != tagEnd || !bytes.Equal(end.name, t.name) {
		return nil, "", false, false
	}
	if !validText(raw) {
		return nil, "", false, false
	}
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		return raw, "", true, true
	}
	text, ok = decodeText(raw, true)
	return nil, text, false, ok
}

// validText reports whether encoding/xml reads text (between tags) without
// an error, as far as this scanner can tell.
func validText(s []byte) bool {
	_, ok := checkText(s, true, false)
	return ok
}

// decodeText decodes text or an attribute value as encoding/xml does:
// entities replaced, "\r\n" and a lone "\r" read as "\n".
func decodeText(s []byte, text bool) (string, bool) {
	return checkText(s, text, true)
}

func checkText(s []byte, text, decode bool) (string, bool) {
	var out []byte
	if decode {
		out = make([]byte, 0, len(s))
	}
	// b0 and b1 are the two bytes before, as encoding/xml keeps them: an
	// entity or a character outside ASCII clears them.
	var b0, b1 byte
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '&':
			k := bytes.IndexByte(s[i:], ';')
			if k < 0 || k > 12 {
				return "", false
			}
			r, ok := entityRune(s[i+1 : i+k])
			if !ok {
				return "", false
			}
			if decode {
				out = utf8.AppendRune(out, r)
			}
			i += k + 1
			b0, b1 = 0, 0
			continue
		case c == '>' && text && b0 == ']' && b1 == ']':
			return "", false
		case c < 0x20:
			if c != '\t' && c != '\n' && c != '\r' {
				return "", false
			}
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && n == 1 || !inCharRange(r) {
				return "", false
			}
			if decode {
				out = append(out, s[i:i+n]...)
			}
			i += n
			b0, b1 = 0, 0
			continue
		}
		if decode {
			switch {
			case c == '\r':
				out = append(out, '\n')
			case c == '\n' && b1 == '\r':
			default:
				out = append(out, c)
			}
		}
		b0, b1 = b1, c
		i++
	}
	return string(out), true
}

// entityRune reads a predefined entity or a character reference (the
// text between '&' and ';').
func entityRune(e []byte) (rune, bool) {
	switch string(e) {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "apos":
		return '\'', true
	case "quot":
		return '"', true
	}
	if len(e) < 2 || e[0] != '#' {
		return 0, false
	}
	digits, base := e[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil || !inCharRange(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// inCharRange is the XML Char production, as encoding/xml checks it.
func inCharRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
