// Package web is qfill's local drag-and-drop page: a user drops one or
// more checklists, and gets the filled copies back (a zip for several)
// with the HTML report shown on the page.
//
// Nothing is kept: each request works in its own temporary folder, which
// is removed before the response is finished, and the filled files travel
// back in the response itself. Two users never share anything but the
// read-only corpus index.
package web

import (
	"archive/zip"
	"bytes"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/qfill/qfill/pkg/batch"
	"github.com/qfill/qfill/pkg/fill"
	"github.com/qfill/qfill/pkg/i18n"
	"github.com/qfill/qfill/pkg/review"
	"github.com/qfill/qfill/pkg/sheet"
)

//go:embed page.html
var pageHTML []byte

//go:embed review.html
var reviewHTML []byte

// Server serves the pages and their API.
type Server struct {
	// Library is the corpus, read again when it changes on disk.
	Library *Library
	// MaxUpload bounds one request's body in bytes.
	MaxUpload int64
	// Open bounds each uploaded workbook; its TempDir is also where each
	// request's own folder is made.
	Open sheet.OpenOptions
	// Addr is the address the server listens on: its host is accepted in
	// the Host header besides the loopback names (see guard.go). Empty
	// means loopback only; a wildcard host (":8080", "0.0.0.0:8080")
	// accepts any IP address of the machine and its name.
	Addr string
	// Learn allows the review page to save decisions to the corpus.
	Learn bool
	// MaxReviews bounds the reviews open at once (0: DefaultMaxReviews);
	// ReviewIdle drops a review after that long unused (0:
	// DefaultReviewIdle).
	MaxReviews int
	ReviewIdle time.Duration
	// Today dates learned entries (nil: the clock).
	Today func() string

	once    sync.Once
	reviews reviews
}

// Handler returns the HTTP handler.
func (s *Server) Handler() http.Handler {
	s.once.Do(func() { s.reviews.jobs = map[string]*reviewJob{} })
	mux := http.NewServeMux()
	page := func(html []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; frame-src data: blob:; img-src data: blob:; frame-ancestors 'none'")
			w.Write(html)
		}
	}
	mux.HandleFunc("GET /{$}", page(pageHTML))
	mux.HandleFunc("GET /review", page(reviewHTML))
	mux.HandleFunc("POST /fill", s.fill)
	mux.HandleFunc("POST /api/review", s.startReview)
	mux.HandleFunc("GET /api/review/{id}", s.getReview)
	mux.HandleFunc("POST /api/review/{id}/decisions", s.decide)
	mux.HandleFunc("GET /api/review/{id}/download", s.download)
	mux.HandleFunc("POST /api/review/{id}/learn", s.learnDecisions)
	mux.HandleFunc("GET /api/review/{id}/search", s.searchCorpus)
	mux.HandleFunc("DELETE /api/review/{id}", s.closeReview)
	return s.guard(mux)
}

// FileResult is one uploaded file's outcome.
type FileResult struct {
	Name       string `json:"name"`
	OK         bool   `json:"ok"`
	Error      string `json:"error,omitempty"`
	Questions  int    `json:"questions"`
	Filled     int    `json:"filled"`
	Review     int    `json:"review"`
	Unanswered int    `json:"unanswered"`
	Kept       int    `json:"kept"`
}

// Response is the JSON answer to POST /fill.
type Response struct {
	Files []FileResult `json:"files"`
	// Download is the filled workbook, or a zip of them, base64-encoded.
	Download     string `json:"download,omitempty"`
	DownloadName string `json:"download_name,omitempty"`
	Report       string `json:"report,omitempty"` // the HTML report
	Error        string `json:"error,omitempty"`
}

func (s *Server) fill(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, s.MaxUpload)
	ja := i18n.PrefersJapanese(r.Header.Get("Accept-Language"))
	reply := func(code int, resp Response) {
		if ja {
			// The page says 失敗しました: before the error; the error
			// itself should not switch to English.
			resp.Error = i18n.Japanese(resp.Error)
			for i := range resp.Files {
				resp.Files[i].Error = i18n.Japanese(resp.Files[i].Error)
			}
		}
		writeJSON(w, code, resp)
	}
	mr, err := r.MultipartReader()
	if err != nil {
		reply(http.StatusBadRequest, Response{Error: "expected a multipart upload of .xlsx files"})
		return
	}
	dir, err := os.MkdirTemp(s.Open.TempDir, "qfill-serve-*")
	if err != nil {
		reply(http.StatusInternalServerError, Response{Error: "cannot create a temporary folder"})
		return
	}
	defer os.RemoveAll(dir)

	var resp Response
	var jobs []fill.Job
	var names []string
	for n := 0; ; n++ {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			reply(http.StatusRequestEntityTooLarge, Response{Error: s.tooLarge()})
			return
		}
		if err != nil {
			reply(http.StatusBadRequest, Response{Error: "upload was cut off: " + err.Error()})
			return
		}
		if part.FormName() != "files" {
			continue
		}
		name := filepath.Base(strings.ReplaceAll(part.FileName(), "\\", "/"))
		if !batch.IsWorkbook(name) {
			resp.Files = append(resp.Files, FileResult{Name: name, Error: "not a spreadsheet (.xlsx or .xlsm)"})
			continue
		}
		in := filepath.Join(dir, fmt.Sprintf("%03d-%s", n, name))
		f, err := os.Create(in)
		if err != nil {
			reply(http.StatusInternalServerError, Response{Error: "cannot store the upload"})
			return
		}
		_, err = io.Copy(f, part)
		f.Close()
		if errors.As(err, &tooBig) {
			reply(http.StatusRequestEntityTooLarge, Response{Error: s.tooLarge()})
			return
		}
		if err != nil {
			reply(http.StatusBadRequest, Response{Error: "upload was cut off"})
			return
		}
		// No Output: the filled copy travels back in the response.
		jobs = append(jobs, fill.Job{Input: in, Open: s.Open})
		names = append(names, name)
	}
	if len(jobs) == 0 {
		os.RemoveAll(dir)
		resp.Error = "no spreadsheet in the upload"
		reply(http.StatusBadRequest, resp)
		return
	}
	snap, err := s.Library.Current()
	if err != nil {
		reply(http.StatusInternalServerError, Response{Error: "corpus: " + firstLine(err.Error())})
		return
	}
	outs := batch.Run(r.Context(), jobs, snap.Index, 2, nil)
	rep := &review.Report{Corpus: s.Library.Desc, Threshold: snap.Index.Threshold()}
	var ok []int
	for i, o := range outs {
		fr := FileResult{Name: names[i]}
		res := o.Result
		res.Input, res.Output = names[i], filledName(names[i])
		if o.Err != nil {
			fr.Error = firstLine(o.Err.Error())
			rep.Add(res, fmt.Errorf("%s", fr.Error))
		} else {
			c := res.Counts
			fr.OK, fr.Questions, fr.Filled, fr.Review, fr.Unanswered, fr.Kept = true, c.Questions, c.Filled, c.Review, c.Unanswered, c.Kept
			rep.Add(res, nil)
			ok = append(ok, i)
		}
		resp.Files = append(resp.Files, fr)
	}
	var html bytes.Buffer
	if err := rep.WriteHTML(&html); err == nil {
		resp.Report = html.String()
	}
	switch len(ok) {
	case 0:
	case 1:
		resp.Download = base64.StdEncoding.EncodeToString(outs[ok[0]].Result.Bytes)
		resp.DownloadName = filledName(names[ok[0]])
	default:
		var zb bytes.Buffer
		zw := zip.NewWriter(&zb)
		used := map[string]int{}
		for _, i := range ok {
			n := filledName(names[i])
			if used[n]++; used[n] > 1 {
				n = fmt.Sprintf("%d-%s", used[n], n)
			}
			fw, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: time.Now()})
			if err == nil {
				_, err = fw.Write(outs[i].Result.Bytes)
			}
			if err != nil {
				reply(http.StatusInternalServerError, Response{Error: "cannot build the zip"})
				return
			}
		}
		zw.Close()
		resp.Download = base64.StdEncoding.EncodeToString(zb.Bytes())
		resp.DownloadName = "qfill-filled.zip"
	}
	// Remove the uploads before answering, so that when the user has the
	// result nothing of it is left here.
	os.RemoveAll(dir)
	reply(http.StatusOK, resp)
}

// tooLarge says an upload went over MaxUpload.
func (s *Server) tooLarge() string {
	return fmt.Sprintf("upload is larger than %d MB", s.MaxUpload>>20)
}

func filledName(name string) string {
	return filepath.Base(fill.DefaultOutput(name))
}

func firstLine(s string) string {
	// Temporary paths mean nothing to the user.
	if i := strings.Index(s, "qfill-serve-"); i >= 0 {
		if j := strings.Index(s[i:], ": "); j >= 0 {
			s = s[i+j+2:]
		}
	}
	s, _, _ = strings.Cut(s, "\n")
	return s
}
