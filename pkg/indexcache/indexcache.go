// Package indexcache keeps a loaded corpus and its match index between
// runs, so that a run on the same corpus skips parsing and tokenizing it
// (most of a run's time on a large corpus).
//
// An entry is keyed by everything the index depends on: the bytes of every
// corpus file (and of the folder's synonyms file), the corpus path as
// given (entries remember their file for messages), the matcher settings
// but the threshold, and the qfill executable itself (its path, size,
// modification time and build information; another build tokenizes
// differently). A changed corpus or a new qfill is a miss, never a stale
// answer. Each entry is one file, written to a temporary name and renamed
// into place, so concurrent runs read a whole entry or none; a damaged or
// truncated file fails its checksum and is rebuilt, and a file another
// user could have written is not used. The folder keeps the Keep most
// recently used entries.
package indexcache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/match"
)

// magic opens every cache file; the number changes with the file's layout.
const magic = "qfill index cache 1\n"

// EnvVar names the cache folder, or turns the cache off when "off".
const EnvVar = "QFILL_CACHE"

// Cache is a folder of cached indexes. The zero value (no Dir), and a
// nil *Cache, cache nothing: Load then loads and indexes every time.
type Cache struct {
	Dir string
	// Keep is how many entries the folder keeps (the most recently
	// used); 0 means 8.
	Keep int
}

// Default is the cache in $QFILL_CACHE, or else under the user's cache
// folder; a cache that keeps nothing when QFILL_CACHE=off or there is no
// such folder.
func Default() *Cache {
	switch env := os.Getenv(EnvVar); {
	case strings.EqualFold(env, "off"):
		return &Cache{}
	case env != "":
		return &Cache{Dir: env}
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return &Cache{}
	}
	return &Cache{Dir: filepath.Join(dir, "qfill", "index")}
}

// Result is what Load found or built.
type Result struct {
	Corpus *corpus.Corpus
	Index  *match.Index
	// Hit reports that both came from the cache.
	Hit   bool
	store func() error
}

// Store writes a built index to the cache for the next run; it does
// nothing after a hit or without a cache folder. It is apart from Load so
// that a caller can start matching first: the write takes a tenth of the
// time the build did.
func (r Result) Store() error {
	if r.store == nil {
		return nil
	}
	return r.store()
}

// Load returns the corpus at path and its index, built with the settings
// configure gives for the corpus (they may depend on its synonyms). A
// cache entry is used only when every input is the same as when it was
// stored; a cache that cannot be read is a miss, never an error.
func (c *Cache) Load(path string, configure func(*corpus.Corpus) match.Config) (Result, error) {
	if c == nil {
		c = &Cache{}
	}
	key, keyErr := c.key(path, configure)
	if keyErr == nil {
		if r, err := c.read(key, configure); err == nil {
			return r, nil
		}
	}
	crp, err := corpus.Load(path)
	if err != nil {
		return Result{}, err
	}
	r := Result{Corpus: crp, Index: match.New(crp.Entries, configure(crp))}
	switch {
	case c.Dir == "":
	case keyErr != nil:
		r.store = func() error { return keyErr }
	default:
		r.store = func() error { return c.store(key, r) }
	}
	return r, nil
}

// key hashes the inputs of the index. The configuration is taken with
// no synonyms (they are in the corpus files) and without its threshold.
func (c *Cache) key(path string, configure func(*corpus.Corpus) match.Config) (string, error) {
	if c.Dir == "" {
		return "", errors.New("no cache folder")
	}
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	st, err := os.Stat(exe)
	if err != nil {
		return "", err
	}
	files, err := corpus.Sources(path)
	if err != nil {
		return "", err
	}
	cfg := configure(&corpus.Corpus{})
	cfg.Threshold, cfg.Thesaurus = 0, nil
	h := sha256.New()
	fmt.Fprintf(h, "%s%s\x00%d\x00%d\x00%s\x00%+v\x00", magic, exe, st.Size(), st.ModTime().UnixNano(), path, cfg)
	// The build's own description too (module versions, and the commit
	// when built from a checkout): a packager that gives every release
	// the same path and time still changes it.
	if bi, ok := debug.ReadBuildInfo(); ok {
		fmt.Fprintf(h, "%s\x00", bi)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)[:16]), nil
}

func (c *Cache) file(key string) string { return filepath.Join(c.Dir, key+".idx") }

// header is what a cache file holds of the corpus before its entries,
// which follow in chunks: gob holds each value whole in memory while it
// encodes it, and a chunk is small.
type header struct {
	Files    []string
	Synonyms string
	Entries  int
}

const chunk = 256

func (c *Cache) read(key string, configure func(*corpus.Corpus) match.Config) (Result, error) {
	name := c.file(key)
	// The checksum finds damage, not intent: a file someone else could
	// have written (in a shared QFILL_CACHE folder) is not trusted.
	if st, err := os.Stat(name); err != nil {
		return Result{}, err
	} else if foreign(st) {
		return Result{}, errors.New("cache file another user could have written")
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return Result{}, err
	}
	body, ok := bytes.CutPrefix(data, []byte(magic))
	if !ok || len(body) < sha256.Size {
		return Result{}, errors.New("not a cache file")
	}
	sum, body := body[:sha256.Size], body[sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(sum, got[:]) {
		return Result{}, errors.New("checksum mismatch")
	}
	// A bytes.Reader is an io.ByteReader, so the decoder reads exactly
	// its own stream and the index starts where it ended.
	r := bytes.NewReader(body)
	dec := gob.NewDecoder(r)
	var h header
	if err := dec.Decode(&h); err != nil {
		return Result{}, err
	}
	if h.Entries < 0 || h.Entries > len(body) {
		return Result{}, errors.New("bad entry count")
	}
	crp := &corpus.Corpus{Entries: make([]*corpus.Entry, 0, h.Entries), Files: h.Files, Synonyms: h.Synonyms}
	for len(crp.Entries) < h.Entries {
		var part []*corpus.Entry
		if err := dec.Decode(&part); err != nil {
			return Result{}, err
		}
		crp.Entries = append(crp.Entries, part...)
	}
	if len(crp.Entries) != h.Entries || slices.Contains(crp.Entries, nil) {
		return Result{}, errors.New("bad entries")
	}
	ix, rest, err := match.Decode(body[len(body)-r.Len():], crp.Entries, configure(crp))
	if err != nil {
		return Result{}, err
	}
	if len(rest) != 0 {
		return Result{}, errors.New("trailing data")
	}
	now := time.Now()
	_ = os.Chtimes(name, now, now) // recently used: kept by prune
	return Result{Corpus: crp, Index: ix, Hit: true}, nil
}

// store writes magic, checksum, corpus, index to a temporary file and
// renames it into place; the checksum, of what follows it, is filled in
// last, so the body is streamed rather than held twice in memory.
func (c *Cache) store(key string, r Result) (err error) {
	if err := os.MkdirAll(c.Dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(c.Dir, ".qfill-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(append([]byte(magic), make([]byte, sha256.Size)...)); err != nil {
		return err
	}
	h := sha256.New()
	bw := bufio.NewWriterSize(io.MultiWriter(tmp, h), 1<<16)
	enc := gob.NewEncoder(bw)
	es := r.Corpus.Entries
	if err := enc.Encode(header{Files: r.Corpus.Files, Synonyms: r.Corpus.Synonyms, Entries: len(es)}); err != nil {
		return err
	}
	for i := 0; i < len(es); i += chunk {
		if err := enc.Encode(es[i:min(i+chunk, len(es))]); err != nil {
			return err
		}
	}
	if err := r.Index.Encode(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if _, err := tmp.WriteAt(h.Sum(nil), int64(len(magic))); err != nil {
		return err
	}
	// No fsync: a file cut short by a crash fails its checksum and is
	// rebuilt, and syncing tens of megabytes would cost the run.
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), c.file(key)); err != nil {
		return err
	}
	return c.prune()
}

// prune removes all but the Keep most recently used entries.
func (c *Cache) prune() error {
	keep := c.Keep
	if keep <= 0 {
		keep = 8
	}
	des, err := os.ReadDir(c.Dir)
	if err != nil {
		return err
	}
	type aged struct {
		name string
		mod  time.Time
	}
	var files []aged
	for _, de := range des {
		info, err := de.Info()
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		switch {
		case strings.HasSuffix(de.Name(), ".idx"):
			files = append(files, aged{de.Name(), info.ModTime()})
		case strings.HasSuffix(de.Name(), ".tmp") && time.Since(info.ModTime()) > time.Hour:
			// Left by a run that was killed while writing.
			os.Remove(filepath.Join(c.Dir, de.Name()))
		}
	}
	slices.SortFunc(files, func(a, b aged) int { return b.mod.Compare(a.mod) })
	var errs []error
	for _, f := range files[min(keep, len(files)):] {
		if err := os.Remove(filepath.Join(c.Dir, f.name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
