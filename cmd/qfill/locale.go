package main

import (
	"os"
	"strings"

	"github.com/qfill/qfill/pkg/i18n"
	"github.com/spf13/cobra"
)

// japaneseLocale reports whether the user's locale asks for Japanese:
// the first of LC_ALL, LC_MESSAGES and LANG that is set, as POSIX reads
// them.
func japaneseLocale() bool {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			return strings.HasPrefix(strings.ToLower(v), "ja")
		}
	}
	return false
}

// ui formats one of the result lines in the user's language.
func (io *iostreams) ui(m i18n.UIMsg, args ...any) string {
	return i18n.UI(io.ja, m, args...)
}

// localizeHelp puts the Japanese help in place under LANG=ja*; flag
// descriptions stay English.
func localizeHelp(root *cobra.Command, io *iostreams) {
	if !io.ja {
		return
	}
	for _, c := range append([]*cobra.Command{root}, root.Commands()...) {
		name := c.Name()
		if c == root {
			name = ""
		}
		if short, long, ok := i18n.Help(name); ok {
			c.Short, c.Long = short, long+"\n"+i18n.ExitStatus
		}
	}
}
