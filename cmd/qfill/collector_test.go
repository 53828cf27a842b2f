package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestCollectorFor: a corpus of bigCorpus bytes or more (one file, or a
// folder's files together) runs the collector at gcPercent, a smaller one
// at Go's default, and GOGC set by the user wins.
func TestCollectorFor(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	dir := t.TempDir()
	write := func(name string, size int) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, bytes.Repeat([]byte("#"), size), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	small := write("small.yaml", 150<<10)
	big := write("big.yaml", bigCorpus)
	write("folder/a.yaml", bigCorpus/2)
	write("folder/b.csv", bigCorpus/2)
	for _, tc := range []struct {
		name, gogc, path string
		want             int
	}{
		{"small file", "", small, 100},
		{"large file", "", big, gcPercent},
		{"large folder", "", filepath.Join(dir, "folder"), gcPercent},
		{"missing", "", filepath.Join(dir, "none"), 100},
		{"GOGC set", "100", big, 100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOGC", tc.gogc)
			debug.SetGCPercent(100)
			collectorFor(tc.path)
			if got := debug.SetGCPercent(100); got != tc.want {
				t.Errorf("collector target %d, want %d", got, tc.want)
			}
		})
	}
}
