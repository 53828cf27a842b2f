package indexcache

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/match"
)

const entries = `entries:
  - id: backup
    question: バックアップを取得していますか？
    answer: 毎日取得しています。
    section: 運用
  - id: mfa
    question: Do you support multi-factor authentication?
    answer: Yes, for every account.
  - id: dc
    question: データセンターの所在地はどこですか？
    answer: 東京と大阪です。
`

// entry is one more entry in the form of entries.
func entry(id, q string) string {
	return "  - id: " + id + "\n    question: " + q + "\n    answer: はい。\n"
}

var queries = []string{"バックアップは毎日取っていますか", "Is MFA available for all users?", "データセンターの場所を教えてください"}

func writeCorpus(t *testing.T, dir, text string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func configure(threshold float64) func(*corpus.Corpus) match.Config {
	return func(c *corpus.Corpus) match.Config {
		cfg := match.DefaultConfig().WithSynonyms(c.Synonyms)
		cfg.Threshold = threshold
		return cfg
	}
}

func load(t *testing.T, c *Cache, path string, threshold float64) Result {
	t.Helper()
	r, err := c.Load(path, configure(threshold))
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Store(); err != nil {
		t.Fatal(err)
	}
	return r
}

func idxFiles(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, "*.idx"))
	return m
}

// sameAnswers: both indexes give every query the same result, scores to
// the last bit.
func sameAnswers(t *testing.T, a, b *match.Index) {
	t.Helper()
	for _, q := range queries {
		ra, rb := a.Match(match.Query{Text: q}), b.Match(match.Query{Text: q})
		if len(ra.Candidates) != len(rb.Candidates) || ra.Confidence != rb.Confidence || ra.Auto != rb.Auto {
			t.Fatalf("%q: %+v\nagainst %+v", q, ra, rb)
		}
		for i := range ra.Candidates {
			if ra.Candidates[i].Entry.ID != rb.Candidates[i].Entry.ID || ra.Candidates[i].Score != rb.Candidates[i].Score {
				t.Fatalf("%q: candidate %d differs", q, i)
			}
		}
	}
}

func TestHitAfterStore(t *testing.T) {
	c := &Cache{Dir: t.TempDir()}
	path := writeCorpus(t, filepath.Join(t.TempDir(), "corpus"), entries)
	first := load(t, c, path, 0.55)
	if first.Hit {
		t.Fatal("an empty cache hit")
	}
	if n := len(idxFiles(t, c.Dir)); n != 1 {
		t.Fatalf("%d cache files after one store, want 1", n)
	}
	// The threshold plays no part in the index: another one still hits,
	// and the restored index uses it.
	second := load(t, c, path, 0.9)
	if !second.Hit {
		t.Fatal("the same corpus missed")
	}
	if second.Index.Threshold() != 0.9 {
		t.Errorf("restored index threshold %v, want 0.9", second.Index.Threshold())
	}
	if !reflect.DeepEqual(first.Corpus.Entries, second.Corpus.Entries) || !reflect.DeepEqual(first.Corpus.Files, second.Corpus.Files) {
		t.Error("the cached corpus differs from the loaded one")
	}
	if second.Corpus.ByID("mfa") == nil {
		t.Error("the cached corpus finds no entry by id")
	}
	fresh, err := (&Cache{}).Load(path, configure(0.9))
	if err != nil {
		t.Fatal(err)
	}
	sameAnswers(t, fresh.Index, second.Index)
}

// Any change to what the index is built from is a miss.
func TestChangedInputsMiss(t *testing.T) {
	c := &Cache{Dir: t.TempDir()}
	path := writeCorpus(t, filepath.Join(t.TempDir(), "corpus"), entries)
	load(t, c, path, 0.55)
	writeCorpus(t, path, entries+entry("new", "暗号化していますか？"))
	r := load(t, c, path, 0.55)
	if r.Hit || r.Corpus.ByID("new") == nil {
		t.Fatalf("an edited corpus was served from the cache (hit %v)", r.Hit)
	}
	if err := os.WriteFile(filepath.Join(path, corpus.SynonymsFile), []byte("mfa: 多要素認証, multi-factor authentication\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := load(t, c, path, 0.55); r.Hit || r.Corpus.Synonyms == "" {
		t.Fatalf("a new synonyms file was not read (hit %v)", r.Hit)
	}
	if r := load(t, c, path, 0.55); !r.Hit {
		t.Fatal("the unchanged corpus missed")
	}
}

// A damaged or foreign file is a miss that is rebuilt and stored again.
func TestDamagedFileRebuilt(t *testing.T) {
	c := &Cache{Dir: t.TempDir()}
	path := writeCorpus(t, filepath.Join(t.TempDir(), "corpus"), entries)
	load(t, c, path, 0.55)
	name := idxFiles(t, c.Dir)[0]
	good, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	for what, bad := range map[string][]byte{
		"a flipped byte": func() []byte { b := append([]byte(nil), good...); b[len(b)-3] ^= 1; return b }(),
		"cut short":      good[:len(good)/2],
		"empty":          nil,
		"another format": []byte("qfill index cache 0\nwhatever"),
	} {
		if err := os.WriteFile(name, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		r := load(t, c, path, 0.55)
		if r.Hit {
			t.Errorf("%s: served from the cache", what)
		}
		if again := load(t, c, path, 0.55); !again.Hit {
			t.Errorf("%s: not stored again after the rebuild", what)
		}
	}
}

// A cache file another user could have written is not trusted, even
// with a right checksum.
func TestForeignFileIgnored(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows reports no group or other write permission")
	}
	c := &Cache{Dir: t.TempDir()}
	path := writeCorpus(t, filepath.Join(t.TempDir(), "corpus"), entries)
	load(t, c, path, 0.55)
	name := idxFiles(t, c.Dir)[0]
	if err := os.Chmod(name, 0o666); err != nil {
		t.Fatal(err)
	}
	if r, err := c.Load(path, configure(0.55)); err != nil || r.Hit {
		t.Fatalf("a file writable by others: hit %v, %v", r.Hit, err)
	}
	// Another user's file, however its mode reads.
	if os.Getuid() != 0 {
		t.Skip("giving a file to another user needs root")
	}
	load(t, c, path, 0.55)
	if err := os.Chown(name, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	if r, err := c.Load(path, configure(0.55)); err != nil || r.Hit {
		t.Fatalf("another user's file: hit %v, %v", r.Hit, err)
	}
}

func TestNoFolderCachesNothing(t *testing.T) {
	path := writeCorpus(t, filepath.Join(t.TempDir(), "corpus"), entries)
	if r := load(t, &Cache{}, path, 0.55); r.Hit || r.Index == nil {
		t.Fatalf("hit %v, index %v", r.Hit, r.Index)
	}
	// A folder that cannot be made: the load works, the store says why.
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, nil, 0o644)
	r, err := (&Cache{Dir: filepath.Join(blocker, "index")}).Load(path, configure(0.55))
	if err != nil || r.Index == nil {
		t.Fatalf("load with an unusable cache folder: %v", err)
	}
	if r.Store() == nil {
		t.Error("storing into an unusable folder reported no error")
	}
}

func TestDefaultFolder(t *testing.T) {
	t.Setenv(EnvVar, "off")
	if c := Default(); c.Dir != "" {
		t.Errorf("QFILL_CACHE=off: folder %q", c.Dir)
	}
	dir := t.TempDir()
	t.Setenv(EnvVar, dir)
	if c := Default(); c.Dir != dir {
		t.Errorf("QFILL_CACHE=%s: folder %q", dir, c.Dir)
	}
}

func TestPruneKeepsRecent(t *testing.T) {
	c := &Cache{Dir: t.TempDir(), Keep: 2}
	// Temporary files: one a killed run left two hours ago, one a run
	// is writing now.
	stale, busy := filepath.Join(c.Dir, ".qfill-1.tmp"), filepath.Join(c.Dir, ".qfill-2.tmp")
	for _, f := range []string{stale, busy} {
		if err := os.WriteFile(f, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(stale, old, old)
	var paths []string
	for i, extra := range []string{"a", "b", "c"} {
		p := writeCorpus(t, filepath.Join(t.TempDir(), extra), entries+entry("x"+extra, extra+"の質問ですか？"))
		paths = append(paths, p)
		load(t, c, p, 0.55)
		if n := len(idxFiles(t, c.Dir)); n != min(i+1, 2) {
			t.Fatalf("after %d corpora: %d files", i+1, n)
		}
	}
	if r := load(t, c, paths[2], 0.55); !r.Hit {
		t.Error("the newest entry was pruned")
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a temporary file two hours old was kept")
	}
	if _, err := os.Stat(busy); err != nil {
		t.Error("a temporary file being written was removed")
	}
}

// Runs that load the same corpus at once each get a whole index, and
// leave one good entry.
func TestConcurrentRuns(t *testing.T) {
	c := &Cache{Dir: t.TempDir()}
	path := writeCorpus(t, filepath.Join(t.TempDir(), "corpus"), entries)
	ref, err := (&Cache{}).Load(path, configure(0.55))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	results := make([]Result, 8)
	errs := make([]error, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if results[i], errs[i] = c.Load(path, configure(0.55)); errs[i] == nil {
				errs[i] = results[i].Store()
			}
		}()
	}
	wg.Wait()
	for i, r := range results {
		if errs[i] != nil {
			t.Fatalf("run %d: %v", i, errs[i])
		}
		sameAnswers(t, ref.Index, r.Index)
	}
	files := idxFiles(t, c.Dir)
	tmps, _ := filepath.Glob(filepath.Join(c.Dir, ".*.tmp"))
	if len(files) != 1 || len(tmps) != 0 {
		t.Fatalf("cache folder holds %v and %v", files, tmps)
	}
	if r := load(t, c, path, 0.55); !r.Hit {
		t.Fatal("no usable entry after concurrent runs")
	}
}
