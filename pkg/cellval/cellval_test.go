package cellval

import "testing"

func TestText(t *testing.T) {
	for _, tt := range []struct {
		raw, shown string
		date1904   bool
		want       string
	}{
		{"0.9995", "99.95%", false, "99.95%"},
		{"46113", "04-01-26", false, "2026-04-01"},
		{"46113", "2026/4/1", false, "2026-04-01"},
		{"46113", "2026年4月1日", false, "2026-04-01"},
		{"44651", "04-01-26", true, "2026-04-01"},
		{"4時間以内", "4時間以内", false, "4時間以内"},
		{"1.1", "1.10", false, "1.10"},
		{"24", "24", false, "24"},
		{"12-3-4", "12-3-4", false, "12-3-4"}, // text that looks like a date
	} {
		if got := Text(tt.raw, tt.shown, tt.date1904); got != tt.want {
			t.Errorf("Text(%q, %q, %v) = %q, want %q", tt.raw, tt.shown, tt.date1904, got, tt.want)
		}
	}
}
