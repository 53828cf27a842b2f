package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qfill/qfill/internal/hostile"
)

// startServe runs `qfill serve` with args on a free port and returns its
// address and a stop that ends it (Ctrl-C) and returns its exit status;
// a server not stopped by the test stops when the test ends.
func startServe(t *testing.T, args ...string) (string, func() int) {
	t.Helper()
	pr, pw := io.Pipe()
	root := newTempRoot()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		code := runContext(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...),
			&iostreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: pw, tmp: root})
		root.remove()
		pw.Close()
		done <- code
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("serve said nothing: %v", err)
	}
	go io.Copy(io.Discard, pr)
	var once sync.Once
	code := -1
	stop := func() int {
		once.Do(func() {
			cancel()
			select {
			case code = <-done:
			case <-time.After(30 * time.Second):
				t.Error("serve did not stop")
			}
		})
		return code
	}
	t.Cleanup(func() { stop() })
	start := strings.Index(line, "http://")
	return strings.TrimSuffix(strings.Fields(line[start:])[0], "/"), stop
}

// qfill serve itself, under concurrent uploads of every hostile input:
// it keeps answering, its temporary folder holds nothing once the
// requests are done, and nothing of it is left when it stops.
func TestServeHostileUploads(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the served bombs run in make test")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	url, stop := startServe(t, "--corpus", repoCorpus)

	inputs := append(hostile.Inputs(), hostile.Input{Name: "ok.xlsx", Data: hostile.Workbook()})
	var wg sync.WaitGroup
	for i := range 2 * len(inputs) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := inputs[i%len(inputs)]
			var body bytes.Buffer
			mw := multipart.NewWriter(&body)
			w, _ := mw.CreateFormFile("files", in.Name)
			w.Write(in.Data)
			mw.Close()
			res, err := http.Post(url+"/fill", mw.FormDataContentType(), &body)
			if err != nil {
				t.Errorf("%s: %v", in.Name, err)
				return
			}
			defer res.Body.Close()
			var r struct {
				Files []struct {
					OK    bool
					Error string
				}
			}
			json.NewDecoder(res.Body).Decode(&r)
			if res.StatusCode != http.StatusOK || len(r.Files) != 1 || (r.Files[0].OK != (in.Want == "")) || !strings.Contains(r.Files[0].Error, in.Want) {
				t.Errorf("%s: status %d, %+v", in.Name, res.StatusCode, r.Files)
			}
		}()
	}
	wg.Wait()
	// While it runs, the server's own folder holds nothing of the
	// finished requests.
	roots, _ := filepath.Glob(filepath.Join(tmp, "qfill-*"))
	for _, r := range roots {
		if left, _ := os.ReadDir(r); len(left) != 0 {
			t.Errorf("temporary files left in %s: %v", r, left)
		}
	}
	if code := stop(); code != 0 {
		t.Errorf("serve ended with %d", code)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in TMPDIR after serve stopped: %v", left)
	}
}
