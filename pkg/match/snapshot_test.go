package match

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/qfill/qfill/pkg/corpus"
)

// A decoded index is the index Encode was given: the same statistics, the
// same postings, and so the same results to the last bit.
func TestSnapshotRoundTrip(t *testing.T) {
	c := sampleCorpus(t)
	cfg := DefaultConfig()
	ix := New(c.Entries, cfg)
	var buf bytes.Buffer
	if err := ix.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := ix.Encode(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two encodings of one index differ")
	}
	got, rest, err := Decode(buf.Bytes(), c.Entries, cfg)
	if err != nil || len(rest) != 0 {
		t.Fatalf("decode: %v, %d bytes left", err, len(rest))
	}
	if got.n != ix.n || !reflect.DeepEqual(got.docs, ix.docs) || !reflect.DeepEqual(got.df, ix.df) ||
		!reflect.DeepEqual(got.postings, ix.postings) || !reflect.DeepEqual(got.keys, ix.keys) {
		t.Fatal("decoded index differs from the encoded one")
	}
	for _, q := range []string{
		"バックアップは取得していますか",
		"データセンターの所在地を教えてください",
		"Do you encrypt data at rest?",
		"Is multi-factor authentication required for administrators?",
	} {
		want, have := ix.Match(Query{Text: q}), got.Match(Query{Text: q})
		if !reflect.DeepEqual(want, have) {
			t.Errorf("%q: decoded index answers differently:\n got %+v\nwant %+v", q, have, want)
		}
	}
}

// A damaged snapshot, or one restored with other entries, is an error.
func TestSnapshotDamaged(t *testing.T) {
	c := sampleCorpus(t)
	cfg := DefaultConfig()
	var buf bytes.Buffer
	if err := New(c.Entries, cfg).Encode(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if _, _, err := Decode(data, c.Entries[1:], cfg); err == nil {
		t.Error("a snapshot restored with one entry fewer was accepted")
	}
	if _, _, err := Decode(data[:len(data)/2], c.Entries, cfg); err == nil {
		t.Error("a truncated snapshot was accepted")
	}
	// Flipped bytes anywhere: an error or an index that fits, never a panic.
	for i := 0; i < len(data); i += 97 {
		bad := bytes.Clone(data)
		bad[i] ^= 0x5a
		if ix, _, err := Decode(bad, c.Entries, cfg); err == nil {
			ix.Match(Query{Text: "バックアップは取得していますか"})
		}
	}
}

// FuzzSnapshot: any bytes given to Decode are an error or an index that
// matches without panicking.
func FuzzSnapshot(f *testing.F) {
	es := []*corpus.Entry{
		{ID: "a", Question: "バックアップを取得していますか？", Answer: "毎日取得しています。", Section: "運用"},
		{ID: "b", Question: "Do you encrypt data at rest?", Aliases: []string{"Is stored data encrypted?"}, Answer: "Yes, AES-256."},
	}
	cfg := DefaultConfig()
	var buf bytes.Buffer
	if err := New(es, cfg).Encode(&buf); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		ix, _, err := Decode(data, es, cfg)
		if err != nil {
			return
		}
		ix.MatchAll([]Query{{Text: "バックアップの頻度"}, {Text: "Is data encrypted?"}})
	})
}
