package eval

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/qfill/qfill/pkg/calib"
)

// PairsFiles finds the pairs files under the given files and folders: the
// TSV files whose header starts with query_id.
func PairsFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !strings.HasSuffix(path, ".tsv") {
				return nil
			}
			if isPairs(path) {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

func isPairs(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	line, _ := bufio.NewReader(f).ReadString('\n')
	return strings.HasPrefix(line, "query_id\t")
}

// Group is one pairs file's outcomes.
type Group struct {
	File     string
	Outcomes []Outcome
}

// Examples turns outcomes into labelled examples for calib.Fit.
func Examples(outs []Outcome) []calib.Example {
	ex := make([]calib.Example, 0, len(outs))
	for _, o := range outs {
		if o.BestID == "" {
			continue
		}
		ex = append(ex, calib.Example{Signals: o.Signals, Right: o.Right()})
	}
	return ex
}

// CrossValidate fits a model on every group but one and gives the held-out
// group's outcomes the model's probability as their confidence: grouped
// cross-validation, one fold per pairs file, so no file is measured by a
// fit that saw it.
func CrossValidate(groups []Group, l2 float64) []Group {
	out := make([]Group, len(groups))
	for k, g := range groups {
		var train []calib.Example
		var names []string
		for j, h := range groups {
			if j != k {
				train = append(train, Examples(h.Outcomes)...)
				names = append(names, h.File)
			}
		}
		m := calib.Fit(train, l2, names)
		held := make([]Outcome, len(g.Outcomes))
		for i, o := range g.Outcomes {
			if o.BestID != "" {
				o.Confidence = m.Predict(o.Signals)
			}
			held[i] = o
		}
		out[k] = Group{File: g.File, Outcomes: held}
	}
	return out
}
