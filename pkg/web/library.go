package web

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/indexcache"
	"github.com/qfill/qfill/pkg/learn"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/output"
)

// Library is the corpus the server answers from. It is read from Path
// and read again when a file under Path changes on disk (an editor, a
// `qfill learn` run), so the server never answers from, or writes over,
// a corpus someone else has changed. Learning is serialised.
type Library struct {
	Path string
	// Config is the matcher's (its threshold included); the corpus's
	// synonyms file is added to it.
	Config match.Config
	// Desc describes the corpus for reports ("corpus (./corpus)").
	Desc string
	// Cache keeps the corpus and its index between runs; nil keeps
	// nothing.
	Cache *indexcache.Cache

	mu      sync.Mutex
	snap    *Snapshot
	storing sync.WaitGroup // index cache writes under way
}

// Snapshot is the corpus as it was read once, with its index.
type Snapshot struct {
	Corpus *corpus.Corpus
	Index  *match.Index
	byID   map[string]*corpus.Entry
	stamp  string
}

// Entry returns the entry with the id, or nil.
func (s *Snapshot) Entry(id string) *corpus.Entry { return s.byID[id] }

// NewLibrary reads the corpus at path once, so that a bad corpus stops
// the server before it starts; cache may be nil.
func NewLibrary(path string, cfg match.Config, desc string, cache *indexcache.Cache) (*Library, error) {
	l := &Library{Path: path, Config: cfg, Desc: desc, Cache: cache}
	if _, err := l.Current(); err != nil {
		return nil, err
	}
	return l, nil
}

// Current returns the corpus as it is on disk now, read again only when a
// file changed since the last read.
func (l *Library) Current() (*Snapshot, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.current()
}

func (l *Library) current() (*Snapshot, error) {
	stamp := l.stamp()
	if l.snap != nil && l.snap.stamp == stamp {
		return l.snap, nil
	}
	r, err := l.Cache.Load(l.Path, func(c *corpus.Corpus) match.Config { return l.Config.WithSynonyms(c.Synonyms) })
	if err != nil {
		return nil, err
	}
	// Nothing changes a snapshot's corpus or index (learning reads the
	// corpus afresh), so they are stored while the server answers.
	l.storing.Go(func() { r.Store() })
	c := r.Corpus
	s := &Snapshot{Corpus: c, Index: r.Index, byID: map[string]*corpus.Entry{}, stamp: stamp}
	for _, e := range c.Entries {
		s.byID[e.ID] = e
	}
	l.snap = s
	return s, nil
}

// stamp sums up the names, sizes and times of the files under Path.
func (l *Library) stamp() string {
	var parts []string
	filepath.WalkDir(l.Path, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if info, err := d.Info(); err == nil {
			parts = append(parts, fmt.Sprintf("%s|%d|%d", p, info.Size(), info.ModTime().UnixNano()))
		}
		return nil
	})
	sort.Strings(parts)
	return strings.Join(parts, "\n")
}

// LearnResult is what saving decisions to the corpus did.
type LearnResult struct {
	Added     int        `json:"added"`
	Aliases   int        `json:"aliases"`
	Choices   int        `json:"choices"`
	Replaced  int        `json:"replaced"`
	Same      int        `json:"same"`
	Conflicts []Conflict `json:"conflicts"`
	Missing   []string   `json:"missing,omitempty"`
	Files     []string   `json:"files,omitempty"`
	// Unsaved lists changes to entries kept in table files (CSV, XLSX),
	// which are not rewritten.
	Unsaved []string `json:"unsaved,omitempty"`
}

// Conflict is a decision that would change an answer the corpus has.
type Conflict struct {
	Key      string `json:"key"`
	Question string `json:"question"`
	EntryID  string `json:"entry_id"`
	Corpus   string `json:"corpus_answer"`
	Decided  string `json:"decided_answer"`
}

// Learn records reviewers' decisions in the corpus the way `qfill learn`
// does, on the corpus as it is on disk at this moment; new entries go to
// learned.yaml in the corpus folder. keys name each decision's row for
// the conflicts list.
func (l *Library) Learn(rs []learn.Reviewed, keys []string, today string) (*LearnResult, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	st, err := os.Stat(l.Path)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("the corpus is one file (%s): learning needs a corpus folder", filepath.Base(l.Path))
	}
	// Read afresh, whatever the snapshot says: what is on disk now is
	// what gets changed.
	l.snap = nil
	c, err := corpus.Load(l.Path)
	if err != nil {
		return nil, err
	}
	actions := learn.FromReview(c.Entries, rs, learn.Options{Today: today, Synonyms: c.Synonyms})
	// A row of a checklist is one decision: its sheet and row name its key.
	type place struct {
		sheet string
		row   int
	}
	keyOf := map[place]string{}
	for i, r := range rs {
		keyOf[place{r.Obs.Sheet, r.Obs.Row}] = keys[i]
	}
	res := &LearnResult{Conflicts: []Conflict{}}
	for _, a := range actions {
		switch a.Kind {
		case learn.KindNew:
			res.Added++
		case learn.KindAlias:
			res.Aliases++
		case learn.KindChoice:
			res.Choices++
		case learn.KindReplace:
			res.Replaced++
		case learn.KindSame, learn.KindOwnFill:
			res.Same++
		case learn.KindMissing:
			res.Missing = append(res.Missing, a.Obs.Question)
		case learn.KindConflict:
			res.Conflicts = append(res.Conflicts, Conflict{Key: keyOf[place{a.Obs.Sheet, a.Obs.Row}], Question: a.Obs.Question, EntryID: a.Entry.ID,
				Corpus: answerText(a.Entry.Answer, string(corpus.DeriveChoice(a.Entry))), Decided: answerText(a.Obs.Answer, string(a.Obs.Choice))})
		}
	}
	ch, err := learn.Save(c.Entries, actions, filepath.Join(l.Path, "learned.yaml"))
	if err != nil {
		return nil, err
	}
	for f, data := range ch.Files {
		if err := output.WriteAtomic(f, data); err != nil {
			return nil, err
		}
		res.Files = append(res.Files, f)
	}
	sort.Strings(res.Files)
	res.Unsaved = ch.Unsaved
	return res, nil
}

func answerText(answer, choice string) string {
	switch {
	case answer == "":
		return choice
	case choice == "":
		return answer
	}
	return choice + ": " + answer
}
