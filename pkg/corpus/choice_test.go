package corpus

import "testing"

func TestPickChoice(t *testing.T) {
	tests := []struct {
		allowed []string
		c       Choice
		want    string
		ok      bool
	}{
		{[]string{"はい", "いいえ", "該当なし"}, ChoiceYes, "はい", true},
		{[]string{"はい", "いいえ", "該当なし"}, ChoiceNA, "該当なし", true},
		{[]string{"Yes", "No", "N/A"}, ChoiceNo, "No", true},
		{[]string{"Yes", "No", "NA"}, ChoiceNA, "NA", true},
		{[]string{"○", "×", "－"}, ChoiceNA, "－", true},
		{[]string{"有", "無"}, ChoiceYes, "有", true},
		{[]string{"対応済", "未対応"}, ChoiceNo, "未対応", true},
		{[]string{"1) Yes", "2) No", "3) Both modes available", "4) N/A"}, ChoiceYes, "1) Yes", true},
		{[]string{"Pass", "Fail", "N/A"}, ChoiceYes, "Pass", true},
		// Several kinds of yes: no single plain answer, so review.
		{[]string{"No", "Yes, for some applications", "Yes, for most"}, ChoiceYes, "", false},
		{[]string{"Tier I", "Tier II"}, ChoiceYes, "", false},
		{[]string{"Yes", "No"}, ChoiceNA, "", false},
		{[]string{"Yes", "No"}, ChoiceNone, "", false},
	}
	for _, tt := range tests {
		got, ok := PickChoice(tt.allowed, tt.c)
		if got != tt.want || ok != tt.ok {
			t.Errorf("PickChoice(%q, %q) = %q, %v; want %q, %v", tt.allowed, tt.c, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDeriveChoice(t *testing.T) {
	tests := []struct {
		e    Entry
		want Choice
	}{
		{Entry{Choice: ChoiceNo, Answer: "はい、ただし"}, ChoiceNo}, // the field wins
		{Entry{Answer: "はい。毎日取得しています。"}, ChoiceYes},
		{Entry{Answer: "いいえ、対応していません"}, ChoiceNo},
		{Entry{Answer: "Yes - daily"}, ChoiceYes},
		{Entry{Answer: "有（保管期間は非公開）"}, ChoiceYes},
		{Entry{Answer: "N/A"}, ChoiceNA},
		{Entry{Answer: "該当なし"}, ChoiceNA},
		{Entry{Answer: "日本国内に保管しています"}, ChoiceNone},
		{Entry{Answer: "Nothing to add"}, ChoiceNone},
	}
	for _, tt := range tests {
		if got := DeriveChoice(&tt.e); got != tt.want {
			t.Errorf("DeriveChoice(%q) = %q, want %q", tt.e.Answer, got, tt.want)
		}
	}
}

func TestStripLeadingChoice(t *testing.T) {
	tests := []struct {
		in   string
		c    Choice
		want string
	}{
		{"はい。毎日取得しています。", ChoiceYes, "毎日取得しています。"},
		{"Yes - daily backups", ChoiceYes, "daily backups"},
		{"いいえ、対応していません", ChoiceYes, "いいえ、対応していません"},
		{"はい", ChoiceYes, "はい"},
		{"毎日取得", ChoiceYes, "毎日取得"},
	}
	for _, tt := range tests {
		if got := StripLeadingChoice(tt.in, tt.c); got != tt.want {
			t.Errorf("StripLeadingChoice(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripChoiceWord(t *testing.T) {
	for in, want := range map[string]string{"はい。毎日取得しています": "毎日取得しています", "yes - daily": "daily", "毎日": "毎日", "いいえ、未対応": "未対応"} {
		if got := StripChoiceWord(in); got != want {
			t.Errorf("StripChoiceWord(%q) = %q, want %q", in, got, want)
		}
	}
}
