// Package testbrowser starts headless Chromium for the tests that drive
// qfill's pages (chromedp), or skips them with the reason where Chromium
// is not installed.
package testbrowser

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Find returns Debian's chromium, or skips the test with the reason;
// QFILL_BROWSER_REQUIRED=1 (make test-browser) makes that a failure.
func Find(t testing.TB) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("QFILL_BROWSER_REQUIRED") != "" {
		t.Fatal("no chromium on PATH: install it (apt-get install chromium) to run the browser test")
	}
	t.Skip("chromium is not installed: skipping the browser test (.ci/run installs it; make test-browser requires it)")
	return ""
}

// Start runs a Japanese-language Chromium with its own profile and
// returns a context for chromedp.Run, cancelled (and the browser gone)
// when the test ends.
func Start(t testing.TB, timeout time.Duration, extra ...chromedp.ExecAllocatorOption) context.Context {
	bin := Find(t)
	// Chromium may still write to its profile while it shuts down, so the
	// profile folder is removed by hand, after the browser is gone, and a
	// leftover file does not fail the test.
	profile, err := os.MkdirTemp("", "qfill-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.Flag("no-first-run", true),
		chromedp.Flag("lang", "ja"), chromedp.UserDataDir(profile), chromedp.WindowSize(1280, 900))
	opts = append(opts, extra...)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	})
	return ctx
}

// View saves a screenshot of what the window shows as name in
// QFILL_SCREENSHOT_DIR, when that is set (the README's pictures).
func View(t testing.TB, ctx context.Context, name string) {
	if dir := os.Getenv("QFILL_SCREENSHOT_DIR"); dir != "" {
		save(t, ctx, filepath.Join(dir, name), func(buf *[]byte) chromedp.Action { return chromedp.CaptureScreenshot(buf) })
	}
}

// Shot saves a screenshot of the page as name in QFILL_SCREENSHOT_DIR, or
// in the test's temp folder, and logs where.
func Shot(t testing.TB, ctx context.Context, name string) {
	dir := os.Getenv("QFILL_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	save(t, ctx, filepath.Join(dir, name), func(buf *[]byte) chromedp.Action { return chromedp.FullScreenshot(buf, 100) })
}

func save(t testing.TB, ctx context.Context, path string, shoot func(*[]byte) chromedp.Action) {
	var buf []byte
	if err := chromedp.Run(ctx, shoot(&buf)); err == nil {
		os.WriteFile(path, buf, 0o644)
		t.Logf("screenshot: %s", path)
	}
}
