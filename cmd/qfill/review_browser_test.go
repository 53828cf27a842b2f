package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/qfill/qfill/internal/testbrowser"
	"github.com/xuri/excelize/v2"
)

func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	os.MkdirAll(dst, 0o755)
	files, _ := filepath.Glob(filepath.Join(src, "*"))
	for _, f := range files {
		copyFile(t, f, dst)
	}
}

// The review loop end to end: drop the Japanese template on the review
// page, accept suggestions with the keyboard on three review rows,
// download and check those cells, save to the corpus, then fill the same
// checklist from the CLI and see those rows filled without review.
func TestBrowserReviewLoop(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the browser loop runs in make test")
	}
	dir := t.TempDir()
	cdir := filepath.Join(dir, "corpus")
	copyDir(t, repoCorpus, cdir)
	url, _ := startServe(t, "--corpus", cdir, "--learn")
	ctx := testbrowser.Start(t, 120*time.Second)
	in, _ := filepath.Abs(templateJA)

	var title string
	err := chromedp.Run(ctx,
		chromedp.Navigate(url+"/review?lang=ja"),
		chromedp.WaitReady("#input", chromedp.ByQuery),
		chromedp.Text("h1", &title, chromedp.ByQuery),
		chromedp.SetUploadFiles("#input", []string{in}, chromedp.ByQuery),
		chromedp.WaitVisible("#rows tbody tr.sel", chromedp.ByQuery),
	)
	if err != nil {
		testbrowser.Shot(t, ctx, "review.png")
		t.Fatalf("browser: %v", err)
	}
	if title != "qfill 回答の確認" {
		t.Errorf("title %q, want the Japanese page", title)
	}
	type selRow struct {
		Key   string `json:"key"`
		Needs bool   `json:"needs"`
	}
	var decided []string
	keystrokes := 0
	for len(decided) < 3 {
		var r selRow
		err := chromedp.Run(ctx, chromedp.Evaluate(`(function(){var tr=document.querySelector("#rows tbody tr.sel");
			return {key: tr.getAttribute("data-key"), needs: !!tr.querySelector('.sug[data-n="0"] .chip')};})()`, &r))
		if err != nil {
			t.Fatal(err)
		}
		actions := []chromedp.Action{chromedp.KeyEvent("1")}
		keystrokes++
		if r.Needs {
			// The entry has no choice for the dropdown: the next key
			// picks the first allowed value, はい.
			actions = append(actions, chromedp.WaitVisible("#choicePanel", chromedp.ByID), chromedp.KeyEvent("1"))
			keystrokes++
		}
		actions = append(actions, chromedp.WaitVisible(fmt.Sprintf(`tr[data-key=%q] .st.decided`, r.Key), chromedp.ByQuery))
		if err := chromedp.Run(ctx, actions...); err != nil {
			testbrowser.Shot(t, ctx, "review.png")
			t.Fatalf("deciding %s: %v", r.Key, err)
		}
		decided = append(decided, r.Key)
	}
	var counter, href string
	want := map[string]string{}
	for _, k := range decided {
		var choice string
		if err := chromedp.Run(ctx, chromedp.Text(fmt.Sprintf(`tr[data-key=%q] td.cur b`, k), &choice, chromedp.ByQuery)); err != nil {
			t.Fatal(err)
		}
		want[k] = choice
	}
	if err := chromedp.Run(ctx,
		chromedp.Text("#counter", &counter, chromedp.ByID),
		chromedp.AttributeValue("a#download", "href", &href, nil, chromedp.ByQuery),
	); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(counter, "3 件確認済み") {
		t.Errorf("counter %q, want 3 reviewed", counter)
	}
	chromedp.Run(ctx, chromedp.Evaluate(`document.querySelector("#rows tbody tr.sel").scrollIntoView({block: "center"})`, nil))
	testbrowser.View(t, ctx, "review.png")

	res, err := http.Get(url + "/" + href)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(res.Body)
	res.Body.Close()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("download (%d) does not open: %v", res.StatusCode, err)
	}
	for _, k := range decided {
		sh, c, _ := strings.Cut(k, "!")
		if v, _ := f.GetCellValue(sh, c); v != want[k] || v == "" {
			t.Errorf("downloaded %s = %q, want %q as decided", k, v, want[k])
		}
	}
	f.Close()

	var learned string
	if err := chromedp.Run(ctx,
		chromedp.Click("#learn", chromedp.ByID),
		chromedp.WaitVisible("#learnedMsg", chromedp.ByID),
		chromedp.Text("#learnedMsg", &learned, chromedp.ByID),
	); err != nil {
		testbrowser.Shot(t, ctx, "review.png")
		t.Fatal(err)
	}
	t.Logf("%d keystrokes for 3 rows; %s", keystrokes, learned)

	// The CLI, on the corpus the page saved to.
	report := filepath.Join(dir, "report.json")
	src := copyFile(t, templateJA, dir)
	if code, _, stderr := qfill(t, "fill", src, "--corpus", cdir, "--report", report); code != 0 {
		t.Fatalf("fill after learning: exit %d: %s", code, stderr)
	}
	var rep struct {
		Files []struct {
			Items []struct {
				Sheet      string `json:"sheet"`
				AnswerCell string `json:"answer_cell"`
				Status     string `json:"status"`
				Choice     string `json:"choice"`
			} `json:"items"`
		} `json:"files"`
	}
	if err := json.Unmarshal(mustRead(t, report), &rep); err != nil || len(rep.Files) != 1 {
		t.Fatalf("report: %v", err)
	}
	for _, it := range rep.Files[0].Items {
		k := it.Sheet + "!" + it.AnswerCell
		if _, ok := want[k]; ok && (it.Status != "filled" || it.Choice != want[k]) {
			t.Errorf("%s after learning: %s %q, want filled with %q", k, it.Status, it.Choice, want[k])
		}
	}
}

// --learn writes learned.yaml into the corpus folder: a corpus that is
// one file is refused before the server starts.
func TestServeLearnNeedsFolder(t *testing.T) {
	code, _, stderr := qfill(t, "serve", "--learn", "--addr", "127.0.0.1:0", "--corpus", filepath.Join(repoCorpus, "01_datacenter.yaml"))
	if code != 2 || !strings.Contains(stderr, "--learn needs a corpus folder") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("exit %d: %q", code, stderr)
	}
}
