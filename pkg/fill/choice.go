package fill

import (
	"github.com/qfill/qfill/pkg/textnorm"
)

// matchAllowed finds an allowed value equal to the answer text itself
// (a corpus answer "Tier III" for a dropdown that lists it).
func matchAllowed(allowed []string, text string) (string, bool) {
	k := textnorm.Key(text)
	if k == "" {
		return "", false
	}
	for _, v := range allowed {
		if textnorm.Key(v) == k {
			return v, true
		}
	}
	return "", false
}
