//go:build !unix

package indexcache

import "os"

// foreign: Windows reports neither owner nor group permissions through
// os.FileInfo; the folder under the user's profile is theirs.
func foreign(os.FileInfo) bool { return false }
