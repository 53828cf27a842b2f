package fill

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Render returns the bytes of the edited workbook f. orig holds the input
// file's bytes. Plain packages are patched part by part (see Patch); an
// encrypted workbook is saved by excelize with the same password, since its
// parts cannot be copied as they are.
func Render(orig []byte, f *excelize.File, changed []string, password string) ([]byte, error) {
	var buf bytes.Buffer
	switch {
	case password != "":
		if err := f.Write(&buf, excelize.Options{Password: password}); err != nil {
			return nil, fmt.Errorf("saving: %w", err)
		}
	case len(changed) == 0:
		buf.Write(orig)
	default:
		edited, err := f.WriteToBuffer()
		if err != nil {
			return nil, fmt.Errorf("saving: %w", err)
		}
		if err := Patch(orig, edited.Bytes(), changed, &buf); err != nil {
			return nil, fmt.Errorf("saving: %w", err)
		}
	}
	return buf.Bytes(), nil
}
