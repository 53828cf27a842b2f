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

	"github.com/qfill/qfill/pkg/sheet"
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
// sheets) reaches the output untouched. far holds rows to put back at the
// end of a changed sheet's rows, by part (see detachFarRows).
func Patch(orig, edited []byte, changedSheets []string, far map[string][]byte, w io.Writer) error {
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
	newSheet := false
	for _, s := range changedSheets {
		p, ok := sheetParts[s]
		if !ok {
			// A sheet qfill added (--summary-sheet): the workbook's list
			// of sheets changes too.
			newSheet = true
			continue
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
	if newSheet {
		take["xl/workbook.xml"] = true
		take["docProps/app.xml"] = true
	}
	// The style and shared-string tables are append-only for qfill: the
	// entries excelize added are appended to the original part, so the
	// original entries keep their exact bytes (excelize's rewrite of a whole
	// styles.xml can change how an old style reads).
	merged := map[string][]byte{}
	for _, part := range []struct {
		name       string
		containers []string
	}{
		{"xl/styles.xml", []string{"numFmts", "fonts", "fills", "borders", "cellXfs"}},
		{"xl/sharedStrings.xml", []string{"sst"}},
	} {
		o, e := origFiles[part.name], editFiles[part.name]
		if o == nil || e == nil {
			continue
		}
		ob, err := readPart(o)
		if err != nil {
			return err
		}
		eb, err := readPart(e)
		if err != nil {
			return err
		}
		out, ok := appendEntries(ob, eb, part.containers)
		switch {
		case !ok:
			take[part.name] = true // unexpected shape: excelize's part whole
		case !bytes.Equal(out, ob):
			merged[part.name] = out
		}
	}

	zw := zip.NewWriter(w)
	copyEdited := func(f *zip.File, modified time.Time) error {
		if rows, ok := far[f.Name]; ok {
			b, err := readPart(f)
			if err == nil {
				b, err = restoreFarRows(b, rows)
			}
			if err != nil {
				return err
			}
			hw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: modified})
			if err == nil {
				_, err = hw.Write(b)
			}
			return err
		}
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
		if m, ok := merged[f.Name]; ok {
			hw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
			if err == nil {
				_, err = hw.Write(m)
			}
			if err != nil {
				return fmt.Errorf("writing %s: %w", f.Name, err)
			}
			continue
		}
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
	files := map[string]*zip.File{}
	for _, f := range r.File {
		files[f.Name] = f
	}
	parts := sheet.SheetParts(func(name string) []byte {
		f, ok := files[name]
		if !ok {
			return nil
		}
		b, err := readPart(f)
		if err != nil {
			return nil
		}
		return b
	})
	if parts == nil {
		return nil, fmt.Errorf("package has no readable workbook part")
	}
	return parts, nil
}

// childNames maps a container element to its entries.
var childNames = map[string]string{
	"numFmts": "numFmt", "fonts": "font", "fills": "fill", "borders": "border", "cellXfs": "xf", "sst": "si",
}

// appendEntries copies into orig the entries that edited has beyond
// orig's, container by container, and updates the count attributes. ok is
// false when a part does not have the expected shape (edited lost entries,
// a container is missing in one of them).
func appendEntries(orig, edited []byte, containers []string) ([]byte, bool) {
	out := orig
	for _, c := range containers {
		child := childNames[c]
		oi, oj, okO := containerSpan(out, c)
		ei, ej, okE := containerSpan(edited, c)
		if !okE {
			if okO {
				return nil, false
			}
			continue
		}
		oldKids := children(out[oi:oj], child)
		newKids := children(edited[ei:ej], child)
		if !okO {
			if len(newKids) == 0 {
				continue
			}
			return nil, false
		}
		if len(newKids) < len(oldKids) {
			return nil, false
		}
		if len(newKids) == len(oldKids) {
			continue
		}
		var add []byte
		for _, k := range newKids[len(oldKids):] {
			add = append(add, k...)
		}
		// oj is the index of the closing tag "</c>" (or of "/>" for an
		// empty self-closed container, which cannot hold old entries).
		body := out[oi:oj]
		var rebuilt []byte
		if bytes.HasSuffix(bytes.TrimSpace(openTag(body)), []byte("/>")) {
			return nil, false
		}
		rebuilt = append(rebuilt, out[:oj]...)
		rebuilt = append(rebuilt, add...)
		rebuilt = append(rebuilt, out[oj:]...)
		rebuilt = setCount(rebuilt, oi, c, len(newKids))
		out = rebuilt
	}
	return out, true
}

// containerSpan finds <c ...> ... </c> and returns the index of "<c" and
// of "</c>".
func containerSpan(b []byte, c string) (int, int, bool) {
	re := regexp.MustCompile(`<(?:[A-Za-z0-9_]+:)?` + c + `[\s>/]`)
	loc := re.FindIndex(b)
	if loc == nil {
		return 0, 0, false
	}
	closeRe := regexp.MustCompile(`</(?:[A-Za-z0-9_]+:)?` + c + `>`)
	cl := closeRe.FindIndex(b[loc[0]:])
	if cl == nil {
		return 0, 0, false
	}
	return loc[0], loc[0] + cl[0], true
}

func openTag(body []byte) []byte {
	if i := bytes.IndexByte(body, '>'); i >= 0 {
		return body[:i+1]
	}
	return body
}

// children splits a container's body into its direct entries. Entries of
// these containers never nest an element of their own name, so each runs
// from <child (or <x:child) to its "/>" or its </child>. An opening that
// is neither is skipped, as a pattern that does not match it would.
func children(body []byte, child string) [][]byte {
	inner := body[len(openTag(body)):]
	var out [][]byte
	for i := 0; ; {
		s, name := nextElement(inner, i, child)
		if s < 0 {
			return out
		}
		end := bytes.IndexByte(inner[s:], '>')
		if end < 0 {
			return out
		}
		if inner[s+end-1] == '/' {
			out = append(out, inner[s:s+end+1])
			i = s + end + 1
			continue
		}
		closing := []byte("</" + name + ">")
		k := bytes.Index(inner[s+end:], closing)
		if k < 0 {
			i = s + len(name) + 1
			continue
		}
		out = append(out, inner[s:s+end+k+len(closing)])
		i = s + end + k + len(closing)
	}
}

// nextElement finds from i the next start tag of an element named local,
// with or without a prefix, and returns where it starts and its full name.
func nextElement(b []byte, i int, local string) (int, string) {
	for {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return -1, ""
		}
		s := i + j
		k := s + 1
		for k < len(b) && (b[k] == '_' || b[k] >= 'a' && b[k] <= 'z' || b[k] >= 'A' && b[k] <= 'Z' || b[k] >= '0' && b[k] <= '9' || b[k] == ':') {
			k++
		}
		name := string(b[s+1 : k])
		if l := strings.LastIndexByte(name, ':'); (name == local || l >= 0 && name[l+1:] == local && strings.Count(name, ":") == 1) && k < len(b) && (b[k] == '>' || b[k] == '/' || b[k] == ' ' || b[k] == '\t' || b[k] == '\r' || b[k] == '\n') {
			return s, name
		}
		i = s + 1
	}
}

var countAttr = regexp.MustCompile(`\bcount="\d+"`)

// setCount rewrites count="N" in the container tag starting at i; the
// shared-string table's uniqueCount is left alone (Excel recomputes it).
func setCount(b []byte, i int, c string, n int) []byte {
	end := bytes.IndexByte(b[i:], '>')
	if end < 0 {
		return b
	}
	tag := b[i : i+end]
	if !countAttr.Match(tag) {
		return b
	}
	newTag := countAttr.ReplaceAll(tag, []byte(fmt.Sprintf(`count="%d"`, n)))
	out := append([]byte{}, b[:i]...)
	out = append(out, newTag...)
	return append(out, b[i+end:]...)
}
