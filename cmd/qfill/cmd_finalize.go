package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/qfill/qfill/pkg/fill"
	"github.com/qfill/qfill/pkg/i18n"
	"github.com/qfill/qfill/pkg/output"
	"github.com/spf13/cobra"
)

type finalizeOptions struct {
	io     *iostreams
	input  string
	output string
	force  bool
	open   openFlags
}

func newFinalizeCmd(io *iostreams) *cobra.Command {
	opts := &finalizeOptions{io: io}
	cmd := &cobra.Command{
		Use:   "finalize FILLED.xlsx [-o OUTPUT.xlsx]",
		Short: "Write the copy to send: qfill's review marks taken out",
		Long: `Write the copy of a reviewed checklist to send to the customer: the amber
fill and the review comment qfill put on each review cell are removed,
whatever the reviewer wrote there stays, and every other part of the
workbook keeps its bytes. The output is -o, by default FILLED.final.xlsx
(book.filled.xlsx gives book.final.xlsx).

While review cells are still unanswered it refuses, naming how many and
the first; --force removes their marks anyway and leaves them blank.
` + exitStatusHelp,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return fmt.Errorf("want one filled checklist: usage: qfill %s", cmd.Use)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.input = args[0]
			return finalizeRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "the copy to send (default: FILLED.final.xlsx beside the input)")
	cmd.Flags().BoolVar(&opts.force, "force", false, "finalize with review cells still unanswered, and replace an output qfill did not write")
	opts.open.register(cmd, io)
	return cmd
}

// finalOutput names the copy to send beside the filled one.
func finalOutput(in string) string {
	base := strings.TrimSuffix(in, ".xlsx")
	if base == in {
		base = strings.TrimSuffix(in, ".xlsm")
	}
	ext := in[len(base):]
	if ext == "" {
		ext = ".xlsx"
	}
	return strings.TrimSuffix(base, ".filled") + ".final" + ext
}

func finalizeRun(opts *finalizeOptions) error {
	if err := opts.open.check(); err != nil {
		return err
	}
	out := opts.output
	if out == "" {
		out = finalOutput(opts.input)
	}
	if err := output.CheckDistinct(opts.input, out); err != nil {
		return err
	}
	if l := opts.io.ledger; l != nil && !opts.force {
		if err := l.CheckReplace(out); err != nil {
			return explainInputErr(out, err)
		}
	}
	data, err := os.ReadFile(opts.input)
	if err != nil {
		return explainInputErr(opts.input, err)
	}
	res, err := fill.Finalize(data, opts.input, opts.open.options(), opts.force)
	if errors.Is(err, fill.ErrOpenReviews) {
		return fmt.Errorf("%s: %w: answer them, or pass --force to send them blank", opts.input, err)
	}
	if err != nil {
		return explainInputErr(opts.input, err)
	}
	if err := output.WriteAtomic(out, res.Bytes); err != nil {
		return err
	}
	if opts.io.ledger != nil {
		_ = opts.io.ledger.Record(out, res.Bytes)
	}
	fmt.Fprint(opts.io.Out, opts.io.ui(i18n.UIFinalized, opts.input, res.Removed, len(res.Open), out))
	return nil
}
