package sheet

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// grid is a sheet's cell text with merges resolved.
type grid struct {
	cells [][]string // [row-1][col-1], values of top-left cells only
	// cover maps a covered cell (not the top-left of its merge) to the
	// merge's top-left; area maps every top-left to its merge.
	cover      map[[2]int][2]int
	area       map[[2]int][4]int // top-left -> r1,c1,r2,c2
	hiddenRows map[int]bool
	hiddenCols map[int]bool
	maxCol     int
	raw        *rawSheet // the sheet's XML where it is plain, else nil
}

func (g *grid) text(r, c int) string {
	if r < 1 || c < 1 || r > len(g.cells) || c > len(g.cells[r-1]) {
		return ""
	}
	return g.cells[r-1][c-1]
}

// covered reports whether (r,c) lies inside a merge and is not its
// top-left, which means the cell has no value of its own.
func (g *grid) covered(r, c int) bool {
	_, ok := g.cover[[2]int{r, c}]
	return ok
}

// spanText returns the value shown at (r,c): the top-left value of the
// merge it belongs to, or its own.
func (g *grid) spanText(r, c int) string {
	if tl, ok := g.cover[[2]int{r, c}]; ok {
		return g.text(tl[0], tl[1])
	}
	return g.text(r, c)
}

// maxScanRows bounds where the first header row may be.
const maxScanRows = 60

// DefaultMaxRows bounds the rows read from one sheet. Checklists run to a
// few thousand rows; a sheet far longer is a data dump, and reading it
// whole would cost memory in proportion to its size (excelize keeps a
// loaded worksheet as one struct per cell).
const DefaultMaxRows = 100_000

// gridRows returns a sheet's rows of text (nil for a row without any)
// and the rows hidden above the last of them.
func gridRows(f *excelize.File, name string, maxRows int, rs *rawSheet) ([][]string, map[int]bool, error) {
	rows, hidden, ok, err := rs.streamRows(func() (sharedStrings, bool) { return excelizeSST(f, name) }, maxRows)
	if !ok {
		rows, hidden, err = streamGridRows(f, name, maxRows)
	}
	if err != nil {
		return nil, nil, err
	}
	for r := range hidden {
		if r > len(rows) {
			delete(hidden, r) // below the last row with text
		}
	}
	return rows, hidden, nil
}

// streamGridRows reads the rows through excelize. They are streamed from
// the part, and the limit is checked before anything loads the worksheet
// whole (merges, visibility and validations do), so a sheet with a
// million rows costs one row of memory before it is refused.
func streamGridRows(f *excelize.File, name string, maxRows int) (rows [][]string, hidden map[int]bool, err error) {
	it, err := f.Rows(name)
	if err != nil {
		return nil, nil, err
	}
	defer it.Close()
	rows = make([][]string, 0, 64)
	hidden = map[int]bool{}
	cells := 0
	for cur := 1; it.Next(); cur++ {
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, nil, err
		}
		if cur <= maxRows && it.GetRowOpts().Hidden {
			hidden[cur] = true
		}
		if len(row) == 0 {
			continue
		}
		if cur > maxRows {
			return nil, nil, tooManyRows(cur, maxRows)
		}
		if cells += len(row); cells > maxGridCells {
			return nil, nil, tooManyCells(cur, len(row))
		}
		for len(rows) < cur-1 {
			rows = append(rows, nil)
		}
		rows = append(rows, row)
	}
	return rows, hidden, it.Error()
}

// maxGridCells bounds the cells of a sheet's rows, counting the empty
// ones left of each row's last: a value in column XFD widens its row to
// 16,384 cells, so a small file of such rows would cost gigabytes. The
// largest real checklist at hand holds about 10,000.
const maxGridCells = 4_000_000

func tooManyRows(row, maxRows int) error {
	return fmt.Errorf("%w: row %d has text, and qfill reads at most %d rows of a sheet (raise the limit with --max-rows)", ErrTooManyRows, row, maxRows)
}

func tooManyCells(row, width int) error {
	col, _ := excelize.ColumnNumberToName(width)
	return fmt.Errorf("%w: the rows up to row %d hold more than %d cells, counting the empty ones left of each row's last value (row %d reaches column %s)", ErrTooManyCells, row, maxGridCells, row, col)
}

// excelizeSST has excelize read the workbook's shared strings, as its
// first Rows.Columns call does (it adds the table's part to the package
// if missing, which a filled copy then carries), and returns them: nil
// when there are none in memory (excelize spills a large table to a
// temporary file and reads it from there; a sheet that refers to the
// table is then left to excelize), false when excelize could not read
// them (its Rows.Columns then fails on every row).
func excelizeSST(f *excelize.File, name string) (sharedStrings, bool) {
	if f.SharedStrings == nil {
		if it, err := f.Rows(name); err == nil {
			_, _ = it.Columns()
			_ = it.Close()
		}
	}
	sst := f.SharedStrings
	if sst == nil {
		return nil, false
	}
	inMemory := pkgPart(f, "xl/sharedStrings.xml") != nil
	if !inMemory || len(sst.SI) == 0 {
		return nil, true
	}
	cache := make([]string, len(sst.SI))
	done := make([]bool, len(sst.SI))
	return func(i int) (string, bool) {
		if i < 0 || i >= len(cache) {
			return "", true // excelize's value for an index outside the table
		}
		if !done[i] {
			cache[i], done[i] = sst.SI[i].String(), true
		}
		return cache[i], true
	}, true
}

// maxMergedCells bounds the cells covered by merges in one sheet. A real
// checklist merges category cells down a few thousand rows; a million
// covered cells is far beyond that.
const maxMergedCells = 1_000_000

func loadGrid(f *excelize.File, name string, maxRows int, rs *rawSheet) (*grid, error) {
	if maxRows <= 0 {
		maxRows = DefaultMaxRows
	}
	rows, hidden, err := gridRows(f, name, maxRows, rs)
	if err != nil {
		return nil, err
	}
	g := &grid{cells: rows, cover: map[[2]int][2]int{}, area: map[[2]int][4]int{}, hiddenRows: hidden, hiddenCols: map[int]bool{}, raw: rs}
	for _, r := range rows {
		if len(r) > g.maxCol {
			g.maxCol = len(r)
		}
	}
	// Only the ranges: the values are in rows already, and reading them
	// through excelize rewrites a number's text in the loaded sheet
	// (9.1999999999999993 becomes 9.2), which a filled copy would carry.
	// Both from the sheet's XML where it is plain (rawxml.go): through
	// excelize, either decodes the whole sheet.
	merges, ok := rs.merges()
	if !ok {
		if merges, err = f.GetMergeCells(name, true); err != nil {
			return nil, err
		}
	}
	// Every covered cell is recorded, so a hostile merge (A1:XFD100000)
	// would cost billions of entries: the cells under merges are bounded.
	budget := maxMergedCells
	for _, m := range merges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r2 < r1 || c2 < c1 {
			continue
		}
		if r2 > len(rows) {
			r2 = max(r1, len(rows))
		}
		g.area[[2]int{r1, c1}] = [4]int{r1, c1, r2, c2}
		c2 = min(c2, g.maxCol+1)
		if budget -= (r2 - r1 + 1) * max(0, c2-c1+1); budget < 0 {
			return nil, fmt.Errorf("%w: they cover more than %d cells", ErrHugeMerge, maxMergedCells)
		}
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r != r1 || c != c1 {
					g.cover[[2]int{r, c}] = [2]int{r1, c1}
				}
			}
		}
	}
	// Stale values under merges (left by copy-paste) are not what the
	// customer sees: blank them.
	for k := range g.cover {
		r, c := k[0], k[1]
		if r <= len(rows) && c <= len(rows[r-1]) {
			rows[r-1][c-1] = ""
		}
	}
	if hidden, ok := rs.hiddenCols(g.maxCol); ok {
		g.hiddenCols = hidden
	} else {
		for c := 1; c <= g.maxCol; c++ {
			col, _ := excelize.ColumnNumberToName(c)
			if vis, err := f.GetColVisible(name, col); err == nil && !vis {
				g.hiddenCols[c] = true
			}
		}
	}
	for i := range rows {
		for j := range rows[i] {
			rows[i][j] = strings.TrimRight(rows[i][j], " \t\r\n")
		}
	}
	return g, nil
}
