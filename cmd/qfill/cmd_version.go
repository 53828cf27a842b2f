package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version is the module version the binary was built from: a tag for
// `go install …@v1.2.3`, "(devel)" with the commit for a local build.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	return versionOf(bi)
}

// versionOf names the commit once: Go 1.24 and later already put it in
// the pseudo-version of a build from a checkout.
func versionOf(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	for _, s := range bi.Settings {
		switch {
		case s.Key == "vcs.revision" && len(s.Value) >= 12 && !strings.Contains(v, s.Value[:12]):
			v += " " + s.Value[:12]
		case s.Key == "vcs.modified" && s.Value == "true" && !strings.HasSuffix(v, "+dirty"):
			v += " (modified)"
		}
	}
	return v
}

func newVersionCmd(io *iostreams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print qfill's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(io.Out, "qfill %s\n", version())
			return nil
		},
	}
}
