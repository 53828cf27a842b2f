package corpus

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// utf8BOM is what Excel's "CSV UTF-8" puts before the first byte, and what
// Encode puts before a CSV so that Excel opens it as UTF-8.
const utf8BOM = "\ufeff"

// decodeText reads the text files a user saves from a spreadsheet or an
// editor: UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's
// "Unicode text"), or Shift_JIS (Excel's plain "CSV" on Japanese Windows).
// Read as UTF-8, a Shift_JIS file would load without an error and match
// nothing: every Japanese word garbled.
func decodeText(path string, data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte(utf8BOM)):
		data = data[len(utf8BOM):]
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		s, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil || !utf8.Valid(s) {
			return "", &Error{File: path, Msg: "not UTF-16 text, though it starts as UTF-16 does"}
		}
		return string(s), nil
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	// x/text's Shift_JIS decoder is Windows' code page 932 (NEC and IBM
	// extensions included) and writes U+FFFD for a byte it cannot read.
	s, err := japanese.ShiftJIS.NewDecoder().Bytes(data)
	if err != nil || strings.ContainsRune(string(s), utf8.RuneError) {
		return "", &Error{File: path, Msg: "not UTF-8 or Shift_JIS text: save it as \"CSV UTF-8\" (or UTF-8 text)"}
	}
	return string(s), nil
}
