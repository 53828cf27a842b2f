package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/qfill/qfill/pkg/indexcache"
	"github.com/qfill/qfill/pkg/output"
)

// TestMain lets the test binary stand in for qfill: started with
// QFILL_TEST_MAIN=1 it runs main, so the interrupt tests drive a real
// process on a real terminal without building another binary.
//
// The tests share one output ledger in a temporary folder, never the
// user's cache.
func TestMain(m *testing.M) {
	if os.Getenv("QFILL_TEST_MAIN") == "1" {
		main()
	}
	// The bundled corpus has review_by dates, which lint and regen
	// check against today: pinned, so the tests pass after them too.
	if os.Getenv("QFILL_TODAY") == "" {
		os.Setenv("QFILL_TODAY", "2026-12-01")
	}
	dir, err := os.MkdirTemp("", "qfill-test-ledger-")
	if err != nil {
		panic(err)
	}
	testLedger = &output.Ledger{Dir: dir}
	// The index cache too: never the user's, and used, so that a test
	// run twice also runs against indexes read back from it.
	os.Setenv(indexcache.EnvVar, filepath.Join(dir, "index"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var testLedger *output.Ledger

// terminal runs qfill with args on a pseudo-terminal and collects what
// it draws there.
type terminal struct {
	cmd  *exec.Cmd
	tty  *os.File
	mu   sync.Mutex
	out  bytes.Buffer
	done chan error
	// drained is closed when the terminal has nothing more to read: the
	// process may end before its last lines have been read.
	drained chan struct{}
}

func startOnTerminal(t *testing.T, env []string, args ...string) *terminal {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(append(os.Environ(), "QFILL_TEST_MAIN=1", "XDG_CACHE_HOME="+t.TempDir(), "LC_ALL=C"), env...)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 160})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	term := &terminal{cmd: cmd, tty: tty, done: make(chan error, 1), drained: make(chan struct{})}
	go func() {
		defer close(term.drained)
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			term.mu.Lock()
			term.out.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() { term.done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		tty.Close()
	})
	return term
}

func (term *terminal) text() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.out.String()
}

// waitFor polls the screen until it shows a match of want.
func (term *terminal) waitFor(t *testing.T, want string, limit time.Duration) {
	t.Helper()
	re := regexp.MustCompile(want)
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if re.MatchString(term.text()) {
			return
		}
	}
	t.Fatalf("the terminal never showed %q:\n%s", want, term.text())
}

// ctrlC types Ctrl-C: the terminal sends SIGINT to qfill.
func (term *terminal) ctrlC() { io.WriteString(term.tty, "\x03") }

// exit waits for the process; a hang fails the test instead of the
// suite's timeout (the limit is generous: this is no speed test).
func (term *terminal) exit(t *testing.T, limit time.Duration) int {
	t.Helper()
	select {
	case <-term.done:
		select {
		case <-term.drained:
		case <-time.After(10 * time.Second):
		}
		return term.cmd.ProcessState.ExitCode()
	case <-time.After(limit):
		t.Fatalf("qfill still runs %v after Ctrl-C (hung):\n%s", limit, term.text())
	}
	return -1
}

// slowBatch writes n checklists long enough that a batch of them is
// still running when Ctrl-C comes.
func slowBatch(t *testing.T, n, rows int) (in, out, tmp string) {
	dir := t.TempDir()
	in, out, tmp = filepath.Join(dir, "in"), filepath.Join(dir, "out"), filepath.Join(dir, "tmp")
	os.Mkdir(in, 0o755)
	os.Mkdir(tmp, 0o755)
	first := filepath.Join(in, "c00.xlsx")
	writeLongSheet(t, first, rows, true)
	data := mustRead(t, first)
	for i := 1; i < n; i++ {
		os.WriteFile(filepath.Join(in, fmt.Sprintf("c%02d.xlsx", i)), data, 0o644)
	}
	return in, out, tmp
}

// Ctrl-C during a batch on a terminal: the bar stops, the files not
// started are reported as skipped (not failed), the run ends saying
// "interrupted", and no temporary file is left.
func TestInterruptBatchOnTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the terminal interrupt test")
	}
	in, out, tmp := slowBatch(t, 24, 3000)
	term := startOnTerminal(t, []string{"TMPDIR=" + tmp}, "fill", in, "-o", out, "-j", "2", "--corpus", repoCorpus)
	// The bar redraws every 150 ms and two workers finish files in
	// pairs, so it may go from 1/24 to 3/24: any count from 2 on will do.
	term.waitFor(t, `filling ([2-9]|1[0-9]|2[0-3])/24`, 60*time.Second)
	term.ctrlC()
	code := term.exit(t, 60*time.Second)
	screen := term.text()
	if code != exitInterrupted {
		t.Errorf("exit %d, want %d:\n%s", code, exitInterrupted, screen)
	}
	if !strings.Contains(screen, "interrupted") || !strings.Contains(screen, "skipped") {
		t.Errorf("the run does not say it was interrupted and what was skipped:\n%s", screen)
	}
	if strings.Contains(screen, "context canceled") {
		t.Errorf("files reported as failed with context canceled:\n%s", screen)
	}
	written, _ := filepath.Glob(filepath.Join(out, "*.xlsx"))
	if len(written) < 2 || len(written) == 24 {
		t.Errorf("%d of 24 files written, want those done before Ctrl-C and not the rest", len(written))
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if stray, _ := filepath.Glob(filepath.Join(out, ".qfill-*")); len(stray) != 0 {
		t.Errorf("half-written outputs left: %v", stray)
	}
}

// A second Ctrl-C ends the run at once, while a file is still being
// filled, and still removes the temporary folder.
func TestSecondInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the terminal interrupt test")
	}
	in, out, tmp := slowBatch(t, 4, 20000)
	term := startOnTerminal(t, []string{"TMPDIR=" + tmp}, "fill", in, "-o", out, "-j", "1", "--corpus", repoCorpus, "--max-rows", "30000")
	term.waitFor(t, "filling", 60*time.Second)
	term.ctrlC()
	time.Sleep(100 * time.Millisecond)
	term.ctrlC()
	code := term.exit(t, 20*time.Second)
	if code != exitInterrupted {
		t.Errorf("exit %d, want %d:\n%s", code, exitInterrupted, term.text())
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
