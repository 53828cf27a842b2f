package match

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"maps"
	"math"
	"slices"

	"github.com/qfill/qfill/pkg/corpus"
)

// An encoded index is five counts (entries, wordings, tokens, postings,
// document frequencies), then per wording its entry, its place in
// Entry.Wordings and its scale; per token (sorted, so one index always
// writes the same bytes) the token, its number of postings and each
// posting's wording and weight; per counted token the token and its
// document frequency; per entry the hash of its folded answer, then each
// entry's section as a length and bytes. All little-endian, written and
// read in place: no copy of the index is held while it is written.

// Encode writes the index's statistics and postings (not its entries,
// which the caller stores as it likes) for Decode to restore without
// tokenizing the corpus again.
func (ix *Index) Encode(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var b []byte
	put32 := func(v uint32) { b = binary.LittleEndian.AppendUint32(b, v) }
	put64 := func(v uint64) { b = binary.LittleEndian.AppendUint64(b, v) }
	// flush hands the bytes gathered so far to the writer every few KB.
	flush := func(force bool) {
		if len(b) >= 4096 || force {
			bw.Write(b)
			b = b[:0]
		}
	}
	tokens := slices.Sorted(maps.Keys(ix.postings))
	dfTokens := slices.Sorted(maps.Keys(ix.df))
	np := 0
	for _, t := range tokens {
		np += len(ix.postings[t])
	}
	for _, v := range []int{ix.n, len(ix.docs), len(tokens), np, len(dfTokens)} {
		put64(uint64(v))
	}
	for _, d := range ix.docs {
		put32(uint32(d.entry))
		put32(uint32(slices.Index(ix.entries[d.entry].Wordings(), d.text)))
		put64(math.Float64bits(d.scale))
		flush(false)
	}
	for _, t := range tokens {
		put64(uint64(t))
		put32(uint32(len(ix.postings[t])))
		for _, p := range ix.postings[t] {
			put32(uint32(p.doc))
			put32(math.Float32bits(p.w))
			flush(false)
		}
	}
	for _, t := range dfTokens {
		put64(uint64(t))
		put32(uint32(ix.df[t]))
		flush(false)
	}
	for _, e := range ix.entries {
		put64(ix.keys[e].answer)
		flush(false)
	}
	for _, e := range ix.entries {
		b = binary.AppendUvarint(b, uint64(len(ix.keys[e].section)))
		b = append(b, ix.keys[e].section...)
		flush(false)
	}
	flush(true)
	return bw.Flush()
}

// errSnapshot is a snapshot that does not fit the entries it is restored
// with: a damaged file, or one written for another corpus.
var errSnapshot = errors.New("index snapshot does not fit the corpus")

// cursor reads an encoded index; a read past the end sets bad and
// returns zero, so that Decode checks once per section, not per number.
type cursor struct {
	b   []byte
	bad bool
}

func (c *cursor) take(n int) []byte {
	if c.bad || n > len(c.b) {
		c.bad = true
		return make([]byte, n)
	}
	out := c.b[:n]
	c.b = c.b[n:]
	return out
}

func (c *cursor) u32() uint32 { return binary.LittleEndian.Uint32(c.take(4)) }
func (c *cursor) u64() uint64 { return binary.LittleEndian.Uint64(c.take(8)) }

// Decode restores an index Encode wrote for the same entries, built with
// cfg (the threshold may differ: it plays no part in the index), and
// returns what of data follows it. Every number is checked against the
// entries and the data's length, so a damaged snapshot is an error, never
// an index that panics or a huge allocation.
func Decode(data []byte, entries []*corpus.Entry, cfg Config) (*Index, []byte, error) {
	c := &cursor{b: data}
	n, nd, nt, np, ndf := c.u64(), c.u64(), c.u64(), c.u64(), c.u64()
	// Each counted item takes at least 8 bytes: a count past the data's
	// length is damage.
	if c.bad || n != uint64(len(entries)) || nd > uint64(len(c.b))/8 || nt > uint64(len(c.b))/8 || np > uint64(len(c.b))/8 || ndf > uint64(len(c.b))/8 {
		return nil, nil, errSnapshot
	}
	ix := &Index{
		cfg:      cfg,
		entries:  entries,
		n:        int(n),
		thes:     cfg.Thesaurus,
		docs:     make([]doc, nd),
		postings: make(map[token][]posting, nt),
		df:       make(map[token]int, ndf),
		keys:     make(map[*corpus.Entry]entryKeys, len(entries)),
	}
	for i := range ix.docs {
		e, k, scale := c.u32(), c.u32(), math.Float64frombits(c.u64())
		if c.bad || e >= uint32(len(entries)) {
			return nil, nil, errSnapshot
		}
		ws := entries[e].Wordings()
		if k >= uint32(len(ws)) {
			return nil, nil, errSnapshot
		}
		ix.docs[i] = doc{entry: int32(e), text: ws[k], scale: scale}
	}
	// One backing array for all postings: the lists are never appended to.
	all := make([]posting, np)
	used := 0
	prev := uint64(0)
	for i := range nt {
		t, m := c.u64(), int(c.u32())
		if c.bad || (i > 0 && t <= prev) || m > len(all)-used {
			return nil, nil, errSnapshot
		}
		prev = t
		list := all[used : used+m : used+m]
		for j := range list {
			d, w := c.u32(), math.Float32frombits(c.u32())
			if d >= uint32(nd) {
				return nil, nil, errSnapshot
			}
			list[j] = posting{doc: int32(d), w: w}
		}
		used += m
		ix.postings[token(t)] = list
	}
	for range ndf {
		t, v := c.u64(), c.u32()
		ix.df[token(t)] = int(v)
	}
	answers := make([]uint64, len(entries))
	for i := range answers {
		answers[i] = c.u64()
	}
	for i, e := range entries {
		l, k := binary.Uvarint(c.b)
		if c.bad || k <= 0 || l > uint64(len(c.b)-k) {
			return nil, nil, errSnapshot
		}
		c.take(k)
		ix.keys[e] = entryKeys{answer: answers[i], section: string(c.take(int(l)))}
	}
	if c.bad || used != len(all) {
		return nil, nil, errSnapshot
	}
	return ix.ready(), c.b, nil
}
