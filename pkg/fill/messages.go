package fill

import (
	"github.com/qfill/qfill/pkg/i18n"
	"github.com/qfill/qfill/pkg/sheet"
	"github.com/qfill/qfill/pkg/textnorm"
)

// Lang is the language of the words qfill adds to a sheet: its review
// comments and the reasons in its reports. A Japanese sheet gets
// Japanese, any other English.
type Lang int

// Languages of the messages.
const (
	English Lang = iota
	Japanese
)

// SheetLang is Japanese when most of the sheet's questions are written in
// Japanese script.
func SheetLang(s *sheet.Sheet) Lang {
	ja := 0
	for _, r := range s.Rows {
		if textnorm.HasCJK(r.Question) {
			ja++
		}
	}
	if ja*2 > len(s.Rows) {
		return Japanese
	}
	return English
}

// f formats a message of the catalogue (package i18n) in l.
func (l Lang) f(m i18n.Msg, args ...any) string {
	return i18n.Sheet(l == Japanese, m, args...)
}
