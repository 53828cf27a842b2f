// Command mknotices writes the licence texts of every module linked into
// qfill, for the release archives: `go run ./cmd/mknotices -o FILE`. It
// asks `go list` for the packages qfill builds from on each target system,
// so a module used on Windows only is listed too, and it fails when a
// module has no licence file, rather than ship an archive without it.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
)

// targets are the systems the release archives are built for.
var targets = []string{"linux", "darwin", "windows"}

var licenceName = regexp.MustCompile(`(?i)^(licen[cs]e|unlicen[cs]e|copying|notice)(\.(md|txt))?$`)

type module struct{ path, version, dir string }

func main() {
	out := flag.String("o", "", "file to write (default stdout)")
	pkg := flag.String("pkg", "./cmd/qfill", "the command whose modules are listed")
	flag.Parse()
	text, err := notices(*pkg)
	if err == nil && *out != "" {
		if err = os.MkdirAll(filepath.Dir(*out), 0o755); err == nil {
			err = os.WriteFile(*out, text, 0o644)
		}
	} else if err == nil {
		_, err = os.Stdout.Write(text)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mknotices:", err)
		os.Exit(1)
	}
}

// notices returns the licence texts of pkg's modules, one after another.
func notices(pkg string) ([]byte, error) {
	mods, err := modules(pkg)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("qfill is built from the Go standard library and the modules below.\nTheir licences follow.\n")
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("go env GOROOT: %v", err)
	}
	mods = append([]module{{"Go standard library", runtime.Version(), strings.TrimSpace(string(goroot))}}, mods...)
	for _, m := range mods {
		files, err := licenceFiles(m.dir)
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("%s %s has no licence file in %s", m.path, m.version, m.dir)
		}
		for _, f := range files {
			text, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			fmt.Fprintf(&b, "\n================================================================\n%s %s (%s)\n\n", m.path, m.version, filepath.Base(f))
			b.Write(bytes.TrimSpace(text))
			b.WriteString("\n")
		}
	}
	return b.Bytes(), nil
}

// modules lists the modules other than qfill's own that pkg links on any
// target system.
func modules(pkg string) ([]module, error) {
	seen := map[string]module{}
	for _, goos := range targets {
		cmd := exec.Command("go", "list", "-deps", "-f", "{{with .Module}}{{if not .Main}}{{.Path}}\t{{.Version}}\t{{.Dir}}{{end}}{{end}}", pkg)
		cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=0")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("go list for %s: %v: %s", goos, err, strings.TrimSpace(stderr.String()))
		}
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			f := strings.Split(sc.Text(), "\t")
			if len(f) == 3 && f[0] != "" {
				seen[f[0]] = module{f[0], f[1], f[2]}
			}
		}
	}
	mods := make([]module, 0, len(seen))
	for _, m := range seen {
		mods = append(mods, m)
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].path < mods[j].path })
	return mods, nil
}

func licenceFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() && licenceName.MatchString(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	return out, nil
}
