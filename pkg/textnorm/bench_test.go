package textnorm

import "testing"

func BenchmarkFold(b *testing.B) {
	for _, c := range []struct{ name, s string }{
		{"english", "Are the backup policies and procedures written down, approved by management, shared with every team and reviewed once a year?"},
		{"japanese", "バックアップデータを遠隔地に保管していますか。保管期間を教えてください。"},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				Fold(c.s)
			}
		})
	}
}
