package fill

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"
	"time"
)

// fixedTime stamps the parts qfill writes, so that the same inputs give the
// same bytes on every machine and every day.
var fixedTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Patch writes a package to w that is orig with the edits excelize made for
// the changed sheets: the changed worksheet parts and their relationships,
// the parts excelize added (comments, VML drawings), and the shared-string,
// style and content-type tables when they grew. Every other part is copied
// from orig byte for byte, compressed data included, so whatever excelize
// would drop or rewrite on a round trip (drawings, charts, pivot caches,
// custom XML, VBA projects, printer settings, extension lists on other
// sheets) reaches the output untouched.
func Patch(orig, edited []byte, changedSheets []string, w io.Writer) error {
	or, err := zip.NewReader(bytes.NewReader(orig), int64(len(orig)))
	if err != nil {
		return fmt.Errorf("reading input package: %w", err)
	}
	er, err := zip.NewReader(bytes.NewReader(edited), int64(len(edited)))
	if err != nil {
		return fmt.Errorf("reading edited package: %w", err)
	}
	origFiles := map[string]*zip.File{}
	for _, f := range or.File {
		origFiles[f.Name] = f
	}
	editFiles := map[string]*zip.File{}
	for _, f := range er.File {
		editFiles[f.Name] = f
	}
	take := map[string]bool{}
	sheetParts, err := sheetPartPaths(or)
	if err != nil {
		return err
	}
	for _, s := range changedSheets {
		p, ok := sheetParts[s]
		if !ok {
			return fmt.Errorf("sheet %q not found in the package", s)
		}
		take[p] = true
		take[relsPath(p)] = true
		// Comments and their VML shapes live in parts of their own that
		// excelize rewrites when it adds a comment beside existing ones.
		if rf := editFiles[relsPath(p)]; rf != nil {
			targets, err := relTargets(rf, path.Dir(p))
			if err != nil {
				return err
			}
			for _, t := range targets {
				if strings.Contains(t, "comments") || strings.Contains(t, "vmlDrawing") {
					take[t] = true
				}
			}
		}
	}
	added := false
	for _, f := range er.File {
		if _, ok := origFiles[f.Name]; !ok {
			take[f.Name] = true
			added = true
		}
	}
	if added {
		take["[Content_Types].xml"] = true
		take["xl/_rels/workbook.xml.rels"] = true
	}
	for _, part := range []struct{ name, elem string }{{"xl/styles.xml", "<xf "}, {"xl/sharedStrings.xml", "<si>"}} {
		o, e := origFiles[part.name], editFiles[part.name]
		if o == nil || e == nil {
			continue
		}
		grew, err := grewCount(o, e, part.elem)
		if err != nil {
			return err
		}
		if grew {
			take[part.name] = true
		}
	}

	zw := zip.NewWriter(w)
	copyEdited := func(f *zip.File, modified time.Time) error {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		hw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		_, err = io.Copy(hw, rc)
		return err
	}
	for _, f := range or.File {
		if take[f.Name] {
			if e := editFiles[f.Name]; e != nil {
				if err := copyEdited(e, f.Modified); err != nil {
					return fmt.Errorf("writing %s: %w", f.Name, err)
				}
				continue
			}
		}
		if err := copyRaw(zw, f); err != nil {
			return fmt.Errorf("copying %s: %w", f.Name, err)
		}
	}
	for _, f := range er.File {
		if _, ok := origFiles[f.Name]; ok || !take[f.Name] {
			continue
		}
		if err := copyEdited(f, fixedTime); err != nil {
			return fmt.Errorf("writing %s: %w", f.Name, err)
		}
	}
	return zw.Close()
}

func copyRaw(zw *zip.Writer, f *zip.File) error {
	fh := f.FileHeader
	raw, err := f.OpenRaw()
	if err != nil {
		return err
	}
	hw, err := zw.CreateRaw(&fh)
	if err != nil {
		return err
	}
	_, err = io.Copy(hw, raw)
	return err
}

func relsPath(part string) string {
	dir, file := path.Split(part)
	return dir + "_rels/" + file + ".rels"
}

func readPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, 512<<20))
}

// grewCount reports whether the edited part has more elem entries (new
// styles, new shared strings) than the original.
func grewCount(o, e *zip.File, elem string) (bool, error) {
	ob, err := readPart(o)
	if err != nil {
		return false, err
	}
	eb, err := readPart(e)
	if err != nil {
		return false, err
	}
	return countElem(eb, elem) > countElem(ob, elem), nil
}

// countElem counts start tags, ignoring namespace prefixes ("<x:si>").
func countElem(b []byte, elem string) int {
	name := strings.Trim(elem, "<> ")
	re := regexp.MustCompile(`<(?:[A-Za-z0-9_]+:)?` + regexp.QuoteMeta(name) + `[\s/>]`)
	return len(re.FindAllIndex(b, -1))
}

// relTargets lists the part paths a relationships part points at,
// resolved against dir.
func relTargets(f *zip.File, dir string) ([]string, error) {
	b, err := readPart(f)
	if err != nil {
		return nil, err
	}
	var rels struct {
		Rels []struct {
			Target     string `xml:"Target,attr"`
			TargetMode string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &rels); err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name, err)
	}
	var out []string
	for _, r := range rels.Rels {
		if r.TargetMode == "External" {
			continue
		}
		if strings.HasPrefix(r.Target, "/") {
			out = append(out, strings.TrimPrefix(r.Target, "/"))
		} else {
			out = append(out, path.Clean(dir+"/"+r.Target))
		}
	}
	return out, nil
}

// sheetPartPaths maps sheet names to their part paths ("xl/worksheets/sheet1.xml").
func sheetPartPaths(r *zip.Reader) (map[string]string, error) {
	var wbFile, relsFile *zip.File
	for _, f := range r.File {
		switch f.Name {
		case "xl/workbook.xml":
			wbFile = f
		case "xl/_rels/workbook.xml.rels":
			relsFile = f
		}
	}
	if wbFile == nil || relsFile == nil {
		return nil, fmt.Errorf("package has no xl/workbook.xml")
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	b, err := readPart(wbFile)
	if err != nil {
		return nil, err
	}
	if err := xml.Unmarshal(b, &wb); err != nil {
		return nil, fmt.Errorf("xl/workbook.xml: %w", err)
	}
	if b, err = readPart(relsFile); err != nil {
		return nil, err
	}
	if err := xml.Unmarshal(b, &rels); err != nil {
		return nil, fmt.Errorf("xl/_rels/workbook.xml.rels: %w", err)
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Clean("xl/" + t)
		}
		targets[r.ID] = t
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		out[s.Name] = targets[s.RID]
	}
	return out, nil
}
