package main

import (
	"os"
	"sync"
)

// tempRoot is the one temporary folder of a run: every workbook opened,
// every upload served and whatever excelize spills for them goes in a
// folder below it. Removing it on every way out (return, error, panic
// recovered, Ctrl-C, SIGTERM, a second Ctrl-C) leaves the system's temp
// folder as it was, whatever the input did.
type tempRoot struct {
	once sync.Once
	mu   sync.Mutex
	root string
	err  error
	gone bool
}

func newTempRoot() *tempRoot { return &tempRoot{} }

// path makes the folder on first use, so commands that never open a
// workbook leave nothing behind, not even an empty folder. A nil root
// (tests that call the commands directly) means the system's temp folder.
func (t *tempRoot) path() (string, error) {
	if t == nil {
		return "", nil
	}
	t.once.Do(func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		if !t.gone {
			t.root, t.err = os.MkdirTemp("", "qfill-")
		}
	})
	return t.root, t.err
}

// dir is path for callers that fall back to the system's temp folder
// when the run's own cannot be made (the same error then comes again,
// with its context, from whoever makes a folder there).
func (t *tempRoot) dir() string {
	d, _ := t.path()
	return d
}

func (t *tempRoot) remove() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.gone = true
	if t.root != "" {
		os.RemoveAll(t.root)
	}
}
