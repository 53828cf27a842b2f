package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/qfill/qfill/internal/hostile"
	"github.com/qfill/qfill/pkg/sheet"
)

// hostileServer is server with its temporary files in tmp.
func hostileServer(t *testing.T, tmp string) *httptest.Server {
	s := newServer(t)
	s.MaxUpload = 8 << 20
	s.Open = sheet.OpenOptions{TempDir: tmp}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func emptyDir(t *testing.T, dir string) {
	t.Helper()
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// Each hostile upload gets its one-line error in the response, and the
// server's temporary folder is empty after every request.
func TestHostileUploads(t *testing.T) {
	tmp := t.TempDir()
	ts := hostileServer(t, tmp)
	for _, in := range hostile.Inputs() {
		t.Run(in.Name, func(t *testing.T) {
			code, r := upload(t, ts.URL, map[string][]byte{in.Name: in.Data})
			emptyDir(t, tmp)
			if code != http.StatusOK || len(r.Files) != 1 {
				t.Fatalf("status %d, files %+v, error %q", code, r.Files, r.Error)
			}
			f := r.Files[0]
			if in.Want == "" {
				if !f.OK {
					t.Errorf("a valid workbook failed: %s", f.Error)
				}
				return
			}
			if f.OK || !strings.Contains(f.Error, in.Want) || strings.Contains(f.Error, "\n") {
				t.Errorf("error %q, want one line saying %q", f.Error, in.Want)
			}
		})
	}
}

// Concurrent uploads of bombs and valid files: every request is
// answered, each user gets their own result, and nothing stays on disk.
func TestHostileConcurrent(t *testing.T) {
	tmp := t.TempDir()
	ts := hostileServer(t, tmp)
	inputs := hostile.Inputs()
	valid := hostile.Workbook()
	var wg sync.WaitGroup
	for i := range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := inputs[i%len(inputs)]
			code, r := upload(t, ts.URL, map[string][]byte{in.Name: in.Data, fmt.Sprintf("ok%d.xlsx", i): valid})
			if code != http.StatusOK || len(r.Files) != 2 {
				t.Errorf("upload %d: status %d, %+v", i, code, r.Files)
			}
		}()
	}
	wg.Wait()
	emptyDir(t, tmp)
	if res, err := http.Get(ts.URL + "/"); err != nil || res.StatusCode != http.StatusOK {
		t.Errorf("the page after the uploads: %v %v", res, err)
	}
}

func TestHostAndOrigin(t *testing.T) {
	s := newServer(t)
	s.Addr = "127.0.0.1:8080"
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	self := strings.TrimPrefix(ts.URL, "http://")
	port := self[strings.LastIndex(self, ":"):]
	valid := hostile.Workbook()
	tests := []struct {
		name, addr, method, host, origin string
		want                             int
	}{
		{"the page", "", "GET", self, "", 200},
		{"localhost", "", "GET", "localhost" + port, "", 200},
		{"IPv6 loopback", "", "GET", "[::1]" + port, "", 200},
		{"another loopback address", "", "GET", "127.0.0.2" + port, "", 200},
		{"rebound name", "", "GET", "evil.example" + port, "", 403},
		{"rebound name posting", "", "POST", "evil.example" + port, "http://evil.example" + port, 403},
		{"foreign origin", "", "POST", self, "http://evil.example", 403},
		{"other port is another origin", "", "POST", self, "http://127.0.0.1:1", 403},
		{"opaque origin", "", "POST", self, "null", 403},
		{"own origin", "", "POST", self, "http://" + self, 200},
		{"script without origin", "", "POST", self, "", 200},
		{"--addr names the host", "qfill.lan:8080", "GET", "qfill.lan:8080", "", 200},
		{"--addr names another host", "qfill.lan:8080", "GET", "evil.example:8080", "", 403},
		{"all interfaces: an address", "0.0.0.0:8080", "GET", "192.0.2.7:8080", "", 200},
		{"all interfaces: a name", ":8080", "GET", "evil.example:8080", "", 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s.Addr = tt.addr
			if s.Addr == "" {
				s.Addr = "127.0.0.1:8080"
			}
			var body bytes.Buffer
			ctype := ""
			if tt.method == "POST" {
				body, ctype = multipartBody(map[string][]byte{"a.xlsx": valid})
			}
			req, _ := http.NewRequest(tt.method, ts.URL+map[string]string{"GET": "/", "POST": "/fill"}[tt.method], &body)
			req.Host = tt.host
			if ctype != "" {
				req.Header.Set("Content-Type", ctype)
			}
			if tt.origin != "" {
				req.Header.Set("Origin", tt.origin)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			var msg bytes.Buffer
			msg.ReadFrom(res.Body)
			res.Body.Close()
			if res.StatusCode != tt.want {
				t.Errorf("status %d, want %d: %s", res.StatusCode, tt.want, msg.String())
			}
			if tt.want == 403 && strings.Count(strings.TrimSpace(msg.String()), "\n") != 0 {
				t.Errorf("refusal is not one line: %q", msg.String())
			}
			h := res.Header
			if h.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
				t.Errorf("headers %v", h)
			}
		})
	}
}

// A browser that asks for Japanese gets the errors in Japanese.
func TestJapaneseUploadErrors(t *testing.T) {
	ts := server(t)
	body, ctype := multipartBody(map[string][]byte{"bad.xlsx": []byte("garbage")})
	req, _ := http.NewRequest("POST", ts.URL+"/fill", &body)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Accept-Language", "ja")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var r Response
	json.NewDecoder(res.Body).Decode(&r)
	if len(r.Files) != 1 || r.Files[0].Error != "Excel のブック（.xlsx/.xlsm）ではありません" {
		t.Errorf("files %+v", r.Files)
	}
}
