package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var mdLink = regexp.MustCompile(`\]\(([^)#]+)(#[^)]*)?\)`)

// The README stays short, and every relative link in it and in docs/
// points at a file that exists.
func TestDocsLinks(t *testing.T) {
	root := filepath.Join("..", "..")
	readme := mustRead(t, filepath.Join(root, "README.md"))
	if len(readme) > 15<<10 {
		t.Errorf("README.md is %d bytes, want at most 15 KB: move detail into docs/", len(readme))
	}
	files, _ := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	files = append(files, filepath.Join(root, "README.md"))
	for _, f := range files {
		for _, m := range mdLink.FindAllStringSubmatch(string(mustRead(t, f)), -1) {
			target := m[1]
			if strings.Contains(target, "://") {
				continue
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(f), target)); err != nil {
				t.Errorf("%s links to %s, which does not exist", f, target)
			}
		}
	}
}
