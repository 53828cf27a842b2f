package web

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
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

// The review page's other keys, in Chromium: b leaves a row blank, u takes
// it back, / searches the corpus and Enter takes the first entry found,
// e types an answer with a dropdown value and Ctrl+Enter saves it, and a
// click on a suggestion accepts it.
func TestBrowserReviewKeys(t *testing.T) {
	ts := server(t)
	in, _ := filepath.Abs(templateJA)
	ctx := testbrowser.Start(t, 90*time.Second)
	sel := func(key *string) chromedp.Action {
		return chromedp.Evaluate(`document.querySelector("#rows tbody tr.sel").getAttribute("data-key")`, key)
	}
	decided := func(key string) chromedp.Action {
		return chromedp.WaitVisible(fmt.Sprintf(`tr[data-key=%q] .st.decided`, key), chromedp.ByQuery)
	}
	var blank, searched, typed, clicked, href string
	err := chromedp.Run(ctx,
		chromedp.Navigate(ts.URL+"/review?lang=en"),
		chromedp.WaitReady("#input", chromedp.ByQuery),
		chromedp.SetUploadFiles("#input", []string{in}, chromedp.ByQuery),
		chromedp.WaitVisible("#rows tbody tr.sel", chromedp.ByQuery),
		chromedp.AttributeValue("a#download", "href", &href, nil, chromedp.ByQuery),
		// b, then u: blank and back.
		sel(&blank),
		chromedp.KeyEvent("b"),
	)
	if err == nil {
		err = chromedp.Run(ctx, decided(blank), chromedp.KeyEvent("k"), chromedp.KeyEvent("u"),
			chromedp.WaitNotPresent(fmt.Sprintf(`tr[data-key=%q] .st.decided`, blank), chromedp.ByQuery))
	}
	if err == nil {
		// / and a pattern: the first entry found.
		// Undo selected the row it took back; the search is for the next.
		err = chromedp.Run(ctx, chromedp.KeyEvent("j"), sel(&searched), chromedp.KeyEvent("/"), chromedp.WaitVisible("#q", chromedp.ByID))
		if err == nil {
			err = chromedp.Run(ctx, chromedp.Sleep(200*time.Millisecond), chromedp.SetValue("#q", "bk-ge", chromedp.ByID), chromedp.SendKeys("#q", "n", chromedp.ByID),
				// The hits of the pattern, not of the question the box opened with.
				chromedp.Poll(`(document.querySelector("#hits .sug") || {textContent: ""}).textContent.includes("bk-gen")`, nil),
				chromedp.KeyEvent("\r"))
		}
	}
	if err == nil {
		// If the entry has no dropdown value, the first allowed one.
		var picker bool
		err = chromedp.Run(ctx, chromedp.Sleep(300*time.Millisecond), chromedp.Evaluate(`!!document.getElementById("choicePanel")`, &picker))
		if err == nil && picker {
			err = chromedp.Run(ctx, chromedp.KeyEvent("1"))
		}
		if err == nil {
			err = chromedp.Run(ctx, decided(searched))
		}
	}
	if err == nil {
		// chromedp sends a key's character apart from its keydown, so the
		// "e" that opened the box can land in it (a browser drops it, the
		// keydown being handled): the box is cleared first.
		err = chromedp.Run(ctx, sel(&typed), chromedp.KeyEvent("e"), chromedp.WaitVisible("#ea", chromedp.ByID), chromedp.Sleep(100*time.Millisecond),
			chromedp.Evaluate(`document.getElementById("ea").value = ""`, nil),
			chromedp.SendKeys("#ea", "Not offered.", chromedp.ByID),
			chromedp.SetValue("#ec", "いいえ", chromedp.ByID))
		if err == nil {
			err = chromedp.Run(ctx, chromedp.Focus("#ea", chromedp.ByID), chromedp.KeyEvent("\r", chromedp.KeyModifiers(input.ModifierCtrl)), decided(typed))
		}
	}
	if err == nil {
		var picker bool
		err = chromedp.Run(ctx, sel(&clicked), chromedp.Click(`#rows tbody tr.sel .sug[data-n="1"]`, chromedp.ByQuery),
			chromedp.Sleep(300*time.Millisecond), chromedp.Evaluate(`!!document.getElementById("choicePanel")`, &picker))
		if err == nil && picker {
			err = chromedp.Run(ctx, chromedp.Click(`#choicePanel button[data-c="0"]`, chromedp.ByQuery))
		}
		if err == nil {
			err = chromedp.Run(ctx, decided(clicked))
		}
	}
	if err != nil {
		testbrowser.Shot(t, ctx, "review-keys.png")
		t.Fatalf("browser: %v", err)
	}
	res, err := http.Get(ts.URL + "/" + strings.TrimSuffix(href, "/download"))
	if err != nil {
		t.Fatal(err)
	}
	var state ReviewResponse
	json.NewDecoder(res.Body).Decode(&state)
	res.Body.Close()
	got := map[string]*DecisionIn{}
	for _, r := range state.Rows {
		got[r.Key] = r.Decision
	}
	if got[blank] != nil {
		t.Errorf("%s: undo left %+v", blank, got[blank])
	}
	if d := got[searched]; d == nil || !strings.HasPrefix(d.EntryID, "bk-gen") {
		t.Errorf("%s: searched decision %+v, want a bk-gen entry", searched, d)
	}
	if d := got[typed]; d == nil || d.Answer != "Not offered." || d.Choice != "いいえ" {
		t.Errorf("%s: typed decision %+v", typed, d)
	}
	if d := got[clicked]; d == nil || d.EntryID == "" {
		t.Errorf("%s: clicked decision %+v", clicked, d)
	}
}
