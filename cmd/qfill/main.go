// Command qfill fills customers' security checklists (.xlsx) from a
// vendor's answer corpus. See README.md.
package main

import (
	"os"
	"runtime/debug"

	"github.com/qfill/qfill/pkg/corpus"
)

// gcPercent is the garbage collector's target for large work, unless the
// user sets GOGC. At Go's default of 100 the heap grows to twice what is
// live before a collection; loading and indexing a large corpus make a
// lot of short-lived garbage, and while one file is read the corpus is
// parsed beside it, so 50 keeps peak memory near the floor's 3×
// (`make bench`, 20,000 entries) for a time change within run-to-run
// noise; a workbook of 100,000 questions peaks a fifth lower at 50 than
// at 100. Small work leaves a small heap, where collecting at 50 only
// costs time (a few more collections in a run of 100 ms).
const gcPercent = 50

// bigWork is the size from which the collector runs at gcPercent: of a
// corpus's files together, or of the largest input file. The bench's
// 20,000 entries are 5.7 MB and a checklist of 100,000 questions 2 MB; a
// typical vendor's few hundred entries are 150 KB and a checklist of a
// few hundred rows 20–300 KB.
const bigWork = 1 << 20

func main() {
	// run returns instead of exiting so that its deferred cleanup (temporary
	// files, open workbooks) happens before the process ends.
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// collectorFor sets the collector's target before the corpus at
// corpusPath ("": none) is loaded and the inputs are read (see
// gcPercent). It only ever lowers the target, so the calls for a
// command's corpus and for its inputs may come in either order.
func collectorFor(corpusPath string, inputs ...string) {
	size := func(f string) int64 {
		if st, err := os.Stat(f); err == nil {
			return st.Size()
		}
		return 0 // the load reports it
	}
	var corpusSize, largest int64
	if corpusPath != "" {
		files, _ := corpus.Sources(corpusPath)
		for _, f := range files {
			corpusSize += size(f)
		}
	}
	for _, f := range inputs {
		largest = max(largest, size(f))
	}
	if corpusSize >= bigWork || largest >= bigWork {
		lowCollector()
	}
}

// lowCollector sets the collector's target to gcPercent, unless the user
// set GOGC.
func lowCollector() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}
