//go:build !windows

package main

// ownsConsole is false outside Windows: a terminal window there does not
// close when its program ends.
func ownsConsole() bool { return false }
