package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"syscall"

	"github.com/qfill/qfill/pkg/convert"
	"github.com/qfill/qfill/pkg/fill"
	"github.com/qfill/qfill/pkg/i18n"
	"github.com/qfill/qfill/pkg/output"
	"github.com/rs/zerolog"
	"github.com/spf13/cobra"
)

// Exit statuses, documented in every command's help and in the README.
const (
	exitOK      = 0
	exitFound   = 1 // check modes: something is stale or wrong (like gofmt -d)
	exitError   = 2 // nothing could be done: bad input, bad corpus, bad flags
	exitPartial = 3 // a batch where some files failed
	// exitInterrupted is a second Ctrl-C: the shell's 128 + SIGINT.
	exitInterrupted = 130
)

// exitError carries an exit status with the error that caused it.
type statusError struct {
	code int
	err  error
}

func (e *statusError) Error() string { return e.err.Error() }
func (e *statusError) Unwrap() error { return e.err }

// withStatus tags err with an exit status; a nil err stays nil.
func withStatus(code int, err error) error {
	if err == nil {
		return nil
	}
	return &statusError{code: code, err: err}
}

// errSilent ends a command with a status but no message (the command has
// already said what it found).
type errSilent int

func (e errSilent) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// iostreams are the process's streams, injected so tests capture them.
type iostreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	log    zerolog.Logger
	// tmp holds every temporary file of the run (see tempRoot).
	tmp *tempRoot
	// convertXLS turns a legacy .xls into .xlsx (LibreOffice in the
	// real program); nil refuses .xls with the hint to convert it.
	convertXLS fill.Converter
	// ja: result lines in Japanese (LANG=ja*).
	ja bool
	// ledger records what fill wrote, so a second fill does not replace
	// a reviewer's edits.
	ledger *output.Ledger
	// ownsConsole reports whether the console closes when qfill ends
	// (Windows, started from Explorer); nil means it does not.
	ownsConsole func() bool
}

func run(args []string, in io.Reader, out, errOut io.Writer) int {
	// The first Ctrl-C (or SIGTERM: a CI runner's timeout, `kill`)
	// cancels the context: no new file starts, the files in hand are
	// finished or dropped, and deferred cleanup removes the temporary
	// folder. A second one ends the process at once, removing the
	// temporary folder first.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	tmp := newTempRoot()
	defer tmp.remove()
	go func() {
		<-sigs
		cancel()
		<-sigs
		tmp.remove()
		fmt.Fprintln(errOut, "qfill: interrupted")
		os.Exit(exitInterrupted)
	}()
	ledger, err := output.DefaultLedger()
	if err != nil {
		// No cache folder (no $HOME): the temp folder still remembers
		// outputs until the machine cleans it.
		ledger = &output.Ledger{Dir: filepath.Join(os.TempDir(), "qfill-written")}
	}
	return runContext(ctx, args, &iostreams{In: in, Out: out, ErrOut: errOut, tmp: tmp, convertXLS: convert.XLSToXLSX, ledger: ledger, ja: japaneseLocale(), ownsConsole: ownsConsole})
}

func runContext(ctx context.Context, args []string, io *iostreams) int {
	in, out, errOut := io.In, io.Out, io.ErrOut
	root := newRootCmd(io)
	// A file dropped onto the executable arrives as `qfill FILE.xlsx`:
	// that means fill.
	if len(args) > 0 && droppedFile(args[0]) && !isSubcommand(root, args[0]) {
		args = append([]string{"fill"}, args...)
		defer pauseForReader(io)
	}
	root.SetArgs(args)
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errOut)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var silent errSilent
	if errors.As(err, &silent) {
		return int(silent)
	}
	code := exitError
	var se *statusError
	if errors.As(err, &se) {
		code = se.code
	}
	msg := oneLine(err.Error())
	if io.ja {
		msg = i18n.Japanese(msg)
	}
	fmt.Fprintln(errOut, "qfill: "+msg)
	return code
}

// oneLine keeps an error to one line for the terminal.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\r", " ")
	return strings.ReplaceAll(s, "\n", " ")
}

const exitStatusHelp = `
EXIT STATUS
  0  success
  1  check found something (stale output, corpus problems)
  2  nothing could be done: bad input file, bad corpus, bad flags
  3  batch: some files failed, the others were processed
  130  interrupted (Ctrl-C, SIGTERM): files not yet written are skipped`

func newRootCmd(io *iostreams) *cobra.Command {
	var verbose bool
	var cpuProfile string
	root := &cobra.Command{
		Use:           "qfill",
		Short:         "Fill security checklists (.xlsx) from your answer corpus",
		Long:          "qfill reads a customer's checklist, matches each question against your answer corpus,\nand writes a filled copy with uncertain rows marked for review.\n" + exitStatusHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRun: func(cmd *cobra.Command, args []string) {
			level := zerolog.WarnLevel
			if verbose {
				level = zerolog.DebugLevel
			}
			io.log = zerolog.New(zerolog.ConsoleWriter{Out: io.ErrOut, NoColor: true, PartsExclude: []string{zerolog.TimestampFieldName}}).Level(level)
			if cpuProfile != "" {
				if f, err := os.Create(cpuProfile); err == nil {
					_ = pprof.StartCPUProfile(f)
				}
			}
		},
		PersistentPostRun: func(cmd *cobra.Command, args []string) {
			if cpuProfile != "" {
				pprof.StopCPUProfile()
			}
		},
	}
	root.PersistentFlags().BoolVarP(&verbose, "verbose", "v", false, "log diagnostics to stderr")
	root.PersistentFlags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile (for performance work)")
	_ = root.PersistentFlags().MarkHidden("cpuprofile")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())
	})
	root.Version = version()
	root.SetVersionTemplate("qfill {{.Version}}\n")
	defer localizeHelp(root, io)
	root.AddCommand(newVersionCmd(io), newFillCmd(io), newFinalizeCmd(io), newEvalCmd(io), newInspectCmd(io), newRegenCmd(io), newCorpusCmd(io), newLearnCmd(io), newServeCmd(io))
	return root
}

// droppedFile reports whether arg names a workbook or folder that exists.
func droppedFile(arg string) bool {
	if strings.HasPrefix(arg, "-") {
		return false
	}
	st, err := os.Stat(arg)
	if err != nil {
		return false
	}
	if st.IsDir() {
		return true
	}
	switch strings.ToLower(filepath.Ext(arg)) {
	case ".xlsx", ".xlsm", ".xls":
		return true
	}
	return false
}

func isSubcommand(root *cobra.Command, name string) bool {
	for _, c := range root.Commands() {
		if c.Name() == name || c.HasAlias(name) {
			return true
		}
	}
	return false
}
