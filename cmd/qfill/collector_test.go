package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestCollectorFor: a corpus of bigWork bytes or more (one file, or a
// folder's files together), or an input file that large, runs the
// collector at gcPercent; smaller work at Go's default; GOGC set by the
// user wins.
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
	big := write("big.yaml", bigWork)
	write("folder/a.yaml", bigWork/2)
	write("folder/b.csv", bigWork/2)
	smallBook := write("small.xlsx", 300<<10)
	bigBook := write("big.xlsx", bigWork)
	for _, tc := range []struct {
		name, gogc, corpus string
		inputs             []string
		want               int
	}{
		{"small corpus", "", small, nil, 100},
		{"large corpus file", "", big, nil, gcPercent},
		{"large corpus folder", "", filepath.Join(dir, "folder"), nil, gcPercent},
		{"missing corpus", "", filepath.Join(dir, "none"), nil, 100},
		{"small inputs", "", small, []string{smallBook, smallBook, smallBook, smallBook}, 100},
		{"one large input", "", "", []string{smallBook, bigBook}, gcPercent},
		{"GOGC set", "100", big, []string{bigBook}, 100},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOGC", tc.gogc)
			debug.SetGCPercent(100)
			collectorFor(tc.corpus, tc.inputs...)
			if got := debug.SetGCPercent(100); got != tc.want {
				t.Errorf("collector target %d, want %d", got, tc.want)
			}
		})
	}
}
