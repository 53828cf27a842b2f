package web

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/qfill/qfill/internal/testbrowser"
	"github.com/xuri/excelize/v2"
)

// TestBrowserDropAndDownload drives headless Chromium through the page:
// pick a checklist in the file input, wait for the result, take the
// download and check the answers in it. On failure it saves a screenshot
// in the test's output folder (QFILL_SCREENSHOT_DIR, or the temp dir).
func TestBrowserDropAndDownload(t *testing.T) {
	ts := server(t)
	in, _ := filepath.Abs(templateJA)

	// evil.test resolves to this machine, as a rebinding attacker's name
	// would; a second server plays the attacker's site.
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<form id="f" method="post" enctype="multipart/form-data" action="%s/fill"><input name="x" value="1"></form><script>document.getElementById("f").submit()</script>`, ts.URL)
	}))
	defer evil.Close()
	port := ts.URL[strings.LastIndex(ts.URL, ":"):]
	ctx := testbrowser.Start(t, 90*time.Second, chromedp.Flag("host-resolver-rules", "MAP evil.test 127.0.0.1"))

	var b64, title, status string
	err := chromedp.Run(ctx,
		chromedp.Navigate(ts.URL+"/?lang=ja"),
		chromedp.WaitReady("#input", chromedp.ByQuery),
		chromedp.Text("h1", &title, chromedp.ByQuery),
		chromedp.SetUploadFiles("#input", []string{in}, chromedp.ByQuery),
		chromedp.WaitVisible("a#download", chromedp.ByQuery),
		chromedp.AttributeValue("a#download", "data-b64", &b64, nil, chromedp.ByQuery),
		chromedp.Text("#status", &status, chromedp.ByQuery),
	)
	if err != nil {
		testbrowser.Shot(t, ctx, "serve.png")
		t.Fatalf("browser: %v", err)
	}
	if title != "qfill チェックシート自動回答" || status != "完了" {
		testbrowser.Shot(t, ctx, "serve.png")
		t.Errorf("title %q status %q, want the Japanese page and 完了", title, status)
	}
	data, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		testbrowser.Shot(t, ctx, "serve.png")
		t.Fatalf("downloaded file does not open: %v", err)
	}
	defer f.Close()
	for cell, want := range map[string]string{"D10": "はい", "D15": "はい"} {
		if v, _ := f.GetCellValue("セキュリティチェックシート", cell); v != want {
			t.Errorf("%s = %q, want %q", cell, v, want)
		}
	}
	if os.Getenv("QFILL_SCREENSHOT_DIR") != "" {
		chromedp.Run(ctx, chromedp.Sleep(500*time.Millisecond))
		testbrowser.Shot(t, ctx, "serve.png")
	}

	// The same server under a rebound name, and a form posted to it from
	// another site: both refused, with the reason as the page.
	var rebound, crossSite string
	err = chromedp.Run(ctx,
		chromedp.Navigate("http://evil.test"+port+"/"),
		chromedp.Text("body", &rebound, chromedp.ByQuery),
		chromedp.Navigate(evil.URL),
		chromedp.WaitReady("body", chromedp.ByQuery),
		chromedp.Poll(`document.location.pathname === "/fill"`, nil),
		chromedp.Text("body", &crossSite, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("browser, foreign requests: %v", err)
	}
	if !strings.Contains(rebound, `Host "evil.test`) {
		t.Errorf("page under a rebound name: %q, want it refused", rebound)
	}
	if !strings.Contains(crossSite, "refused: a request from") {
		t.Errorf("form posted from another site: %q, want it refused", crossSite)
	}
}
