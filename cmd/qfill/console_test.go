package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// A file dropped on qfill.exe opens a console that Windows closes when
// qfill ends: the summary waits for Enter there, and only there.
func TestDroppedFileWaitsForEnter(t *testing.T) {
	run := func(owns bool, args ...string) (string, *strings.Reader) {
		in := strings.NewReader("\nleft over")
		var out, errOut bytes.Buffer
		tmp := newTempRoot()
		defer tmp.remove()
		runContext(context.Background(), args, &iostreams{In: in, Out: &out, ErrOut: &errOut, tmp: tmp, ledger: testLedger,
			ownsConsole: func() bool { return owns }})
		return errOut.String(), in
	}
	dir := t.TempDir()
	src := copyFile(t, templateJA, dir)
	const prompt = "Press Enter to close this window."

	stderr, in := run(true, src, "--corpus", repoCorpus, "--force")
	if !strings.HasSuffix(strings.TrimSpace(stderr), prompt) {
		t.Errorf("dropped file in its own console: stderr %q does not end with the prompt", stderr)
	}
	if in.Len() != len("left over") {
		t.Errorf("the prompt did not read the Enter key (%d bytes left)", in.Len())
	}
	// A failure is read before the window closes too.
	stderr, _ = run(true, dir+"/missing.xlsx", "--corpus", repoCorpus)
	if strings.Contains(stderr, prompt) {
		t.Errorf("a name that is no file is not a drop: %q", stderr)
	}
	stderr, _ = run(true, src, "--corpus", "/nonexistent", "--force")
	if !strings.Contains(stderr, "qfill: ") || !strings.HasSuffix(strings.TrimSpace(stderr), prompt) {
		t.Errorf("failed drop: want the error, then the prompt: %q", stderr)
	}
	// From a shell (a console shared with it), or through the fill
	// command, nothing waits.
	if stderr, _ := run(false, src, "--corpus", repoCorpus, "--force"); strings.Contains(stderr, prompt) {
		t.Errorf("shared console: %q", stderr)
	}
	if stderr, _ := run(true, "fill", src, "--corpus", repoCorpus, "--force"); strings.Contains(stderr, prompt) {
		t.Errorf("typed fill command: %q", stderr)
	}
}
