// Command benchfloor is the speed floor that `make bench` compares qfill
// with: a plain excelize program that opens the checklist, reads every
// row, writes one answer cell per question row and saves a copy. No
// matching, no reader heuristics: no filler built on excelize can beat it.
//
//	benchfloor IN.xlsx OUT.xlsx          the generated checklist: questions in C, answers in D
//	benchfloor IN.xlsx OUT.xlsx CELLS    any workbook: every row of every sheet read, and the
//	                                     cells listed in CELLS ("sheet<TAB>cell" lines) written
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
)

func main() {
	var err error
	switch len(os.Args) {
	case 3:
		err = run(os.Args[1], os.Args[2])
	case 4:
		err = runCells(os.Args[1], os.Args[2], os.Args[3])
	default:
		err = fmt.Errorf("usage: benchfloor IN.xlsx OUT.xlsx [CELLS]")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchfloor:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	f, err := excelize.OpenFile(in)
	if err != nil {
		return err
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	rows, err := f.Rows(sheet)
	if err != nil {
		return err
	}
	var questions []int
	r := 0
	for rows.Next() {
		r++
		cols, err := rows.Columns()
		if err != nil {
			return err
		}
		// Row 1 is the header; every other row with a question in C is a
		// question row.
		if r > 1 && len(cols) > 2 && cols[2] != "" {
			questions = append(questions, r)
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, q := range questions {
		cell, _ := excelize.CoordinatesToCellName(4, q)
		if err := f.SetCellStr(sheet, cell, "answer"); err != nil {
			return err
		}
	}
	return f.SaveAs(out)
}

// runCells is the floor for a workbook whose questions someone else found
// (benchrun takes them from qfill's report of the same file).
func runCells(in, out, cellsFile string) error {
	cf, err := os.Open(cellsFile)
	if err != nil {
		return err
	}
	defer cf.Close()
	var cells [][2]string
	sc := bufio.NewScanner(cf)
	for sc.Scan() {
		if sheet, cell, ok := strings.Cut(sc.Text(), "\t"); ok {
			cells = append(cells, [2]string{sheet, cell})
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	f, err := excelize.OpenFile(in)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.Rows(sheet)
		if err != nil {
			continue // a chart sheet has no rows
		}
		for rows.Next() {
			if _, err := rows.Columns(); err != nil {
				return err
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
	}
	for _, c := range cells {
		if err := f.SetCellStr(c[0], c[1], "answer"); err != nil {
			return err
		}
	}
	return f.SaveAs(out)
}
