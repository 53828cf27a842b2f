package main

import (
	"fmt"
	"strings"

	"github.com/qfill/qfill/pkg/calib"
	"github.com/qfill/qfill/pkg/fill"
	"github.com/qfill/qfill/pkg/sheet"
	"github.com/spf13/cobra"
)

// layoutFlags are the reader overrides shared by fill, inspect and learn.
type layoutFlags struct {
	sheet, questionCol, answerCol, remarksCol, idCol, mapping string
	headerRow                                                 int
}

func (l *layoutFlags) register(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.StringVar(&l.sheet, "sheet", "", "read only this sheet")
	fs.IntVar(&l.headerRow, "header-row", 0, "the header row (1-based)")
	fs.StringVar(&l.questionCol, "question-col", "", "question column letter, e.g. C")
	fs.StringVar(&l.answerCol, "answer-col", "", "answer column letter")
	fs.StringVar(&l.remarksCol, "remarks-col", "", "remarks column letter")
	fs.StringVar(&l.idCol, "id-col", "", "ID column letter")
	fs.StringVar(&l.mapping, "mapping", "", "YAML file with these settings for one customer's layout")
}

func (l *layoutFlags) overrides(input string) (sheet.Overrides, error) {
	ov := sheet.Overrides{}
	if l.mapping != "" {
		m, err := sheet.LoadMapping(l.mapping)
		if err != nil {
			return ov, err
		}
		ov = m
	}
	ov = ov.Merge(sheet.Overrides{Sheet: l.sheet, HeaderRow: l.headerRow, QuestionCol: l.questionCol, AnswerCol: l.answerCol, RemarksCol: l.remarksCol, IDCol: l.idCol})
	return ov, ov.Validate()
}

// openFlags bound and unlock input workbooks.
type openFlags struct {
	password   string
	maxUnzipMB int64
	maxPartMB  int64
	maxRows    int
	// tmp is the run's temporary folder.
	tmp *tempRoot
}

func (o *openFlags) register(cmd *cobra.Command, io *iostreams) {
	o.tmp = io.tmp
	cmd.Flags().StringVar(&o.password, "password", "", "password of an encrypted workbook")
	cmd.Flags().Int64Var(&o.maxUnzipMB, "max-unzip-mb", sheet.DefaultUnzipLimit>>20, "refuse workbooks that unpack to more than this many MiB")
	cmd.Flags().Int64Var(&o.maxPartMB, "max-part-mb", sheet.DefaultPartLimit>>20, "refuse workbooks with a part that unpacks to more than this many MiB")
	cmd.Flags().IntVar(&o.maxRows, "max-rows", sheet.DefaultMaxRows, "refuse sheets with text below this row")
}

func (o *openFlags) options() sheet.OpenOptions {
	return sheet.OpenOptions{Password: o.password, UnzipLimit: o.maxUnzipMB << 20, PartLimit: o.maxPartMB << 20, TempDir: o.tmp.dir()}
}

// check refuses limits that would mean "no limit" or nonsense.
func (o *openFlags) check() error {
	switch {
	case o.maxUnzipMB < 1 || o.maxUnzipMB > 1<<20:
		return fmt.Errorf("--max-unzip-mb %d: want 1 to %d", o.maxUnzipMB, 1<<20)
	case o.maxPartMB < 1 || o.maxPartMB > 1<<20:
		return fmt.Errorf("--max-part-mb %d: want 1 to %d", o.maxPartMB, 1<<20)
	case o.maxRows < 1:
		return fmt.Errorf("--max-rows %d: want 1 or more", o.maxRows)
	}
	return nil
}

// thresholdFlag is a --threshold: a confidence from 0 to 1, or a share
// of right answers ("95%") that the shipped confidence curves turn into
// one (calib.Threshold); refused when parsed (exit 2, one line), and unset
// unless given, so that "not given" needs no sentinel value.
type thresholdFlag struct {
	v   float64
	set bool
	// text is as given; share is the "95%" form as a fraction, or 0.
	text  string
	share float64
}

func (t *thresholdFlag) String() string { return t.text }

func (t *thresholdFlag) Set(s string) error {
	v, share, err := calib.Threshold(s)
	if err != nil {
		return err
	}
	t.v, t.share, t.set, t.text = v, share, true, strings.TrimSpace(s)
	return nil
}

func (t *thresholdFlag) Type() string { return "threshold" }

// or returns the threshold given, as a confidence, else def.
func (t thresholdFlag) or(def float64) float64 {
	if t.set {
		return t.v
	}
	return def
}

// probability returns the threshold given where a fitted probability is
// compared with it (eval --cv, --model): "95%" is 0.95 there, not a
// confidence. A plain number is taken as it is.
func (t thresholdFlag) probability(def float64) float64 {
	switch {
	case t.share > 0:
		return t.share
	case t.set:
		return t.v
	}
	return def
}

// openWorkbook opens a workbook for reading as fill does (see
// fill.OpenInput).
func openWorkbook(io *iostreams, path string, o sheet.OpenOptions) (*sheet.Book, error) {
	_, b, err := fill.OpenInput(path, o, io.convertXLS)
	return b, err
}
