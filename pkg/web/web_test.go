package web

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/indexcache"
	"github.com/qfill/qfill/pkg/match"
	"github.com/xuri/excelize/v2"
)

var templateJA = filepath.Join("..", "..", "templates", "security_checklist_ja.xlsx")

// newServer is a server over the sample corpus, for loopback.
func newServer(t testing.TB) *Server {
	lib, err := NewLibrary(filepath.Join("..", "..", "corpus"), match.DefaultConfig(), "sample", nil)
	if err != nil {
		t.Fatal(err)
	}
	return &Server{Library: lib, MaxUpload: 4 << 20, Addr: "127.0.0.1:0"}
}

// A library with an index cache stores the index it built, under the key
// the next run looks for.
func TestLibraryStoresIndex(t *testing.T) {
	cache := &indexcache.Cache{Dir: t.TempDir()}
	path := filepath.Join("..", "..", "corpus")
	lib, err := NewLibrary(path, match.DefaultConfig(), "sample", cache)
	if err != nil {
		t.Fatal(err)
	}
	lib.storing.Wait()
	r, err := cache.Load(path, func(c *corpus.Corpus) match.Config { return match.DefaultConfig().WithSynonyms(c.Synonyms) })
	if err != nil || !r.Hit {
		t.Fatalf("after the library: hit %v, %v", r.Hit, err)
	}
}

func server(t testing.TB) *httptest.Server {
	ts := httptest.NewServer(newServer(t).Handler())
	t.Cleanup(ts.Close)
	return ts
}

// multipartBody is an upload of files in the page's form field.
func multipartBody(files map[string][]byte) (bytes.Buffer, string) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for name, data := range files {
		w, _ := mw.CreateFormFile("files", name)
		w.Write(data)
	}
	mw.Close()
	return body, mw.FormDataContentType()
}

func upload(t *testing.T, url string, files map[string][]byte) (int, Response) {
	t.Helper()
	body, ctype := multipartBody(files)
	res, err := http.Post(url+"/fill", ctype, &body)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var r Response
	json.NewDecoder(res.Body).Decode(&r)
	return res.StatusCode, r
}

func TestPage(t *testing.T) {
	ts := server(t)
	res, err := http.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	b := new(bytes.Buffer)
	b.ReadFrom(res.Body)
	res.Body.Close()
	page := b.String()
	for _, want := range []string{"ファイルをここにドロップ", "Drop files here", `type="file"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "http://") || strings.Contains(page, "https://") {
		t.Error("page refers to an external address")
	}
}

func TestFillOneAndMany(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	ts := server(t)
	data, _ := os.ReadFile(templateJA)
	code, r := upload(t, ts.URL, map[string][]byte{"チェック シート.xlsx": data})
	if code != 200 || len(r.Files) != 1 || !r.Files[0].OK || r.DownloadName != "チェック シート.filled.xlsx" {
		t.Fatalf("one file: %d %+v", code, r.Files)
	}
	xlsx, _ := base64.StdEncoding.DecodeString(r.Download)
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("セキュリティチェックシート", "D10"); v != "はい" {
		t.Errorf("D10 = %q, want はい", v)
	}
	f.Close()
	if !strings.Contains(r.Report, "<table") {
		t.Error("no HTML report")
	}

	code, r = upload(t, ts.URL, map[string][]byte{"a.xlsx": data, "b.xlsx": data, "notes.txt": []byte("hello"), "bad.xlsx": []byte("garbage")})
	if code != 200 || r.DownloadName != "qfill-filled.zip" {
		t.Fatalf("several: %d %+v", code, r)
	}
	msgs := map[string]string{}
	for _, f := range r.Files {
		msgs[f.Name] = f.Error
	}
	if msgs["notes.txt"] == "" || !strings.Contains(msgs["bad.xlsx"], "not an Excel workbook") || msgs["a.xlsx"] != "" {
		t.Errorf("messages = %q", msgs)
	}
	zb, _ := base64.StdEncoding.DecodeString(r.Download)
	zr, err := zip.NewReader(bytes.NewReader(zb), int64(len(zb)))
	if err != nil || len(zr.File) != 2 {
		t.Fatalf("zip: %v, %d files", err, len(zr.File))
	}
	// Nothing is left on disk.
	if left, _ := filepath.Glob(filepath.Join(tmp, "qfill-serve-*")); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

func TestLimitsAndIsolation(t *testing.T) {
	ts := server(t)
	code, r := upload(t, ts.URL, map[string][]byte{"big.xlsx": bytes.Repeat([]byte("x"), 5<<20)})
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(r.Error, "larger than 4 MB") {
		t.Errorf("too large: %d %q", code, r.Error)
	}
	if code, r := upload(t, ts.URL, map[string][]byte{"x.csv": []byte("a,b")}); code != 400 || r.Error == "" {
		t.Errorf("no spreadsheet: %d %+v", code, r)
	}
	// Several users at once each get back their own files only.
	data, _ := os.ReadFile(templateJA)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			name := string(rune('a'+i)) + ".xlsx"
			_, r := upload(t, ts.URL, map[string][]byte{name: data})
			if len(r.Files) != 1 || r.Files[0].Name != name || r.DownloadName != string(rune('a'+i))+".filled.xlsx" {
				t.Errorf("user %d got %+v", i, r.Files)
			}
		}(i)
	}
	wg.Wait()
}
