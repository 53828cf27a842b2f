package sheet

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// A mapping file is a per-customer layout, the fields of Overrides:
//
//	sheet: チェックシート
//	header_row: 5
//	question_col: C
//	answer_col: E
//	remarks_col: F
//
// LoadMapping reads a layout mapping file into Overrides.
func LoadMapping(path string) (Overrides, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Overrides{}, fmt.Errorf("mapping: %w", err)
	}
	var ov Overrides
	dec := yaml.NewDecoder(bytesReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&ov); err != nil {
		return Overrides{}, fmt.Errorf("mapping %s: %s", path, yamlMsg(err))
	}
	if err := ov.Validate(); err != nil {
		return ov, fmt.Errorf("mapping %s: %w", path, err)
	}
	return ov, nil
}

// Validate checks that the columns are column letters.
func (o Overrides) Validate() error {
	for _, c := range []struct{ flag, v string }{{"question-col", o.QuestionCol}, {"answer-col", o.AnswerCol}, {"remarks-col", o.RemarksCol}, {"id-col", o.IDCol}} {
		if _, err := colNum(c.v); err != nil {
			return fmt.Errorf("--%s %q is not a column letter (A, B, ..., XFD)", c.flag, c.v)
		}
	}
	if o.HeaderRow < 0 {
		return fmt.Errorf("--header-row must be 1 or more")
	}
	return nil
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

func yamlMsg(err error) string { return strings.TrimPrefix(err.Error(), "yaml: ") }
