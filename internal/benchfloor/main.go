// Command benchfloor is the speed floor that `make bench` compares qfill
// with: a plain excelize program that opens the checklist, reads every
// row, writes one answer cell per question row and saves a copy. No
// matching, no reader heuristics: no filler built on excelize can beat it.
//
//	benchfloor IN.xlsx OUT.xlsx
package main

import (
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"
)

func main() {
	if err := run(os.Args[1], os.Args[2]); err != nil {
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
