// Command qfill fills customers' security checklists (.xlsx) from a
// vendor's answer corpus. See README.md.
package main

import (
	"os"
	"runtime/debug"

	"github.com/qfill/qfill/pkg/corpus"
)

// gcPercent is the garbage collector's target for a large corpus, unless
// the user sets GOGC. At Go's default of 100 the heap grows to twice what
// is live before a collection; loading and indexing a large corpus make a
// lot of short-lived garbage, and while one file is read the corpus is
// parsed beside it, so 50 keeps peak memory near the floor's 3×
// (`make bench`, 20,000 entries) for a time change within run-to-run
// noise. A small corpus leaves a small heap, where collecting at 50 only
// costs time (a few more collections in a run of 100 ms).
const gcPercent = 50

// bigCorpus is the size of a corpus's files from which the collector
// runs at gcPercent: the bench's 20,000 entries are 5.7 MB, a typical
// vendor's few hundred 150 KB.
const bigCorpus = 1 << 20

func main() {
	// run returns instead of exiting so that its deferred cleanup (temporary
	// files, open workbooks) happens before the process ends.
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// collectorFor sets the collector's target for the corpus at path before
// it is loaded (see gcPercent).
func collectorFor(path string) {
	if os.Getenv("GOGC") != "" {
		return
	}
	files, err := corpus.Sources(path)
	if err != nil {
		return // the load reports it
	}
	var size int64
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			size += st.Size()
		}
	}
	if size >= bigCorpus {
		debug.SetGCPercent(gcPercent)
	}
}
