//go:build unix

package indexcache

import (
	"os"
	"syscall"
)

// foreign reports whether another user could have written the file: it
// is theirs, or its mode lets the group or others write it.
func foreign(fi os.FileInfo) bool {
	if fi.Mode().Perm()&0o022 != 0 {
		return true
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) != os.Getuid()
}
