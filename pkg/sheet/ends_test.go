package sheet

import "testing"

func TestAsks(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"バックアップを取得していますか。", true},
		{"保存期間を教えてください", true},
		{"手順書の提出をお願いします。", true},
		{"ご回答願います", true},
		{"Do you encrypt backups?", true},
		{"Describe your backup process.", true},
		{"please list your subprocessors", true},
		{"Backup policy", false},
		{"バックアップの取得", false},
		{"Describing the process", false},
		{"We provide backups", false},
	} {
		if got := asks(c.text); got != c.want {
			t.Errorf("asks(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestIsEndMarker(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"以上", true},
		{"―以上―", true},
		{"END OF QUESTIONNAIRE", true},
		{"End of the list", true},
		{"© 2025 Example Inc.", true},
		{"(C) 2025 Example Inc.", true},
		{"Form v2, Copyright 2025 Example Inc.", true},
		{"Example Inc. ALL RIGHTS RESERVED", true},
		{"以上の対策を実施していますか", false},
		{"Is the end of the contract defined?", false},
		{"Do you respect copyrights?", true}, // a footer test by words, not by meaning
		{"(c) Do you encrypt data?", true},
		{"Do you encrypt data (c)?", false},
	} {
		if got := isEndMarker(c.text); got != c.want {
			t.Errorf("isEndMarker(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}
