package learn

import "testing"

func TestNewID(t *testing.T) {
	taken := map[string]bool{"bk-1": true, "A&A-02.1": true}
	tests := []struct {
		ob   Observation
		want string
	}{
		{Observation{File: "in/CAIQ v4 WhitePact.xlsx", QID: "AIS-07.1", Row: 9}, "AIS-07.1"},
		{Observation{File: "in/caiq.xlsx", QID: "A&A-02.1", Row: 9}, "caiq-A&A-02.1"},
		{Observation{File: "チェック.xlsx", Row: 12}, "learned-r12"},
		{Observation{File: "sheet 1.xlsx", Row: 12}, "sheet-1-r12"},
	}
	for _, tt := range tests {
		if got := newID(tt.ob, taken); got != tt.want {
			t.Errorf("newID(%+v) = %q, want %q", tt.ob, got, tt.want)
		}
	}
	taken["AIS-07.1"] = true
	if got := newID(Observation{File: "caiq.xlsx", QID: "AIS-07.1"}, taken); got != "caiq-AIS-07.1" {
		t.Errorf("a question ID the corpus uses: %q", got)
	}
}
