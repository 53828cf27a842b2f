package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionOf(t *testing.T) {
	rev := debug.BuildSetting{Key: "vcs.revision", Value: "d7190e3365fc0123456789abcdef0123456789ab"}
	dirty := debug.BuildSetting{Key: "vcs.modified", Value: "true"}
	tests := []struct {
		name     string
		version  string
		settings []debug.BuildSetting
		want     string
	}{
		{"go install of a tag", "v1.2.3", nil, "v1.2.3"},
		{"build without VCS stamping", "(devel)", nil, "(devel)"},
		{"older Go: (devel) and the commit", "(devel)", []debug.BuildSetting{rev}, "(devel) d7190e3365fc"},
		{"Go 1.24: the commit is in the pseudo-version", "v0.0.0-20261206175505-d7190e3365fc", []debug.BuildSetting{rev}, "v0.0.0-20261206175505-d7190e3365fc"},
		{"Go 1.24, edited checkout", "v0.0.0-20261206175505-d7190e3365fc+dirty", []debug.BuildSetting{rev, dirty}, "v0.0.0-20261206175505-d7190e3365fc+dirty"},
		{"older Go, edited checkout", "(devel)", []debug.BuildSetting{rev, dirty}, "(devel) d7190e3365fc (modified)"},
	}
	for _, tt := range tests {
		bi := &debug.BuildInfo{Main: debug.Module{Version: tt.version}, Settings: tt.settings}
		if got := versionOf(bi); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
