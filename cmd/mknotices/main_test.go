package main

import (
	"strings"
	"testing"
)

// The notices name every module qfill links, with its licence text, and
// Go's own, which is linked into every binary.
func TestNotices(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list three times")
	}
	text, err := notices("../qfill")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Go standard library",
		"github.com/xuri/excelize/v2",
		"github.com/spf13/cobra",
		"github.com/sahilm/fuzzy",
		"github.com/rs/zerolog",
		"golang.org/x/text",
		"Apache License",
		"Redistribution and use in source and binary forms",
	} {
		if !strings.Contains(string(text), want) {
			t.Errorf("notices lack %q", want)
		}
	}
}
