// Command qfill fills customers' security checklists (.xlsx) from a
// vendor's answer corpus. See README.md.
package main

import (
	"os"
)

func main() {
	// run returns instead of exiting so that its deferred cleanup (temporary
	// files, open workbooks) happens before the process ends.
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
