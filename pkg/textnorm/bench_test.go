package textnorm

import "testing"

func BenchmarkFold(b *testing.B) {
	for _, c := range []struct{ name, s string }{
		{"english", "Are audit and assurance policies, procedures, and standards established, documented, approved, communicated, applied, evaluated, and maintained?"},
		{"japanese", "バックアップデータを遠隔地に保管していますか。保管期間を教えてください。"},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				Fold(c.s)
			}
		})
	}
}
