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
// garbage, so 70 takes about a tenth off peak memory (`make bench`: 107
// -> 97 MB at 20,000 entries) for a time change within run-to-run noise.
const gcPercent = 70

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	// run returns instead of exiting so that its deferred cleanup (temporary
	// files, open workbooks) happens before the process ends.
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
