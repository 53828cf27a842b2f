// Command qfill fills customers' security checklists (.xlsx) from a
// vendor's answer corpus. See README.md.
package main

import (
	"os"
	"runtime/debug"
)

// gcPercent is the garbage collector's target unless the user sets GOGC.
// At Go's default of 100 the heap grows to twice what is live before a
// collection; corpus loading and indexing make a lot of short-lived
// garbage, and while one file is read the corpus is parsed beside it, so
// 50 keeps peak memory near the floor's 3× (`make bench`, 20,000 entries)
// for a time change within run-to-run noise.
const gcPercent = 50

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	// run returns instead of exiting so that its deferred cleanup (temporary
	// files, open workbooks) happens before the process ends.
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
