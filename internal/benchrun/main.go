// Command benchrun is the whole-process half of `make bench`. It generates
// a large corpus (20,000 entries) and a large checklist (5,000 questions),
// then measures in one run, on this machine:
//
//   - qfill fill (corpus loading and indexing included) against the floor,
//     a plain excelize program that reads every row and writes one cell per
//     question (internal/benchfloor): wall time, peak memory, their ratios;
//     on that data and again at a typical size (500 entries, 300 questions);
//
//   - matching throughput, and how matching cost grows from 2,000 to
//     20,000 to 200,000 corpus entries;
//
//   - qfill against the floor on public questionnaires of many tabs
//     (../shared/realworld, when it is there);
//
//   - a naive all-pairs scorer and a sahilm/fuzzy scan over the same data.
//
//     go run ./internal/benchrun -qfill bin/qfill -floor bin/benchfloor -dir .bench
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/qfill/qfill/pkg/corpus"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/textnorm"
	"github.com/sahilm/fuzzy"
	"github.com/xuri/excelize/v2"
)

func main() {
	qfill := flag.String("qfill", "bin/qfill", "qfill binary")
	floor := flag.String("floor", "bin/benchfloor", "floor binary")
	dir := flag.String("dir", ".bench", "work folder")
	entries := flag.Int("entries", 20000, "corpus entries")
	questions := flag.Int("questions", 5000, "checklist questions")
	runs := flag.Int("runs", 3, "runs of each program (best time, worst memory)")
	before := flag.String("before", "", "another qfill binary (an earlier version) to run in turn with the others and compare")
	genOnly := flag.Bool("generate", false, "only write the data files (used by the run itself)")
	realOnly := flag.Bool("realworld", false, "only the real-world workbooks")
	flag.Parse()
	if *realOnly {
		if err := realWorld(*qfill, *floor, *before, filepath.Join(*dir, "realworld"), *runs); err != nil {
			fmt.Fprintln(os.Stderr, "benchrun:", err)
			os.Exit(1)
		}
		return
	}
	if *genOnly {
		if _, _, _, err := generate(*dir, *entries, *questions); err != nil {
			fmt.Fprintln(os.Stderr, "benchrun:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*qfill, *floor, *before, *dir, *entries, *questions, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
}

func run(qfillBin, floorBin, beforeBin, dir string, nEntries, nQuestions, runs int) error {
	fmt.Printf("# qfill benchmark\n\nmachine: %s/%s, %d CPUs, %s\n\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
	if err := wholeProcess("Whole process", qfillBin, floorBin, beforeBin, dir, nEntries, nQuestions, runs); err != nil {
		return err
	}
	// A vendor's real corpus is a few hundred entries and a checklist a
	// few hundred rows: there the fixed costs weigh, not matching. The
	// runs are short, so more of them.
	if err := wholeProcess("At a typical size", qfillBin, floorBin, beforeBin, filepath.Join(dir, "typical"), 500, 300, 5*runs); err != nil {
		return err
	}

	// Public questionnaires of many tabs, where reading and writing
	// weigh and matching does not.
	if err := realWorld(qfillBin, floorBin, beforeBin, filepath.Join(dir, "realworld"), runs); err != nil {
		return err
	}

	// Matching alone, in process, on the same data.
	base, big, qs, err := generate("", nEntries, nQuestions)
	if err != nil {
		return err
	}
	fmt.Println("## Matching cost as the corpus grows (1,000 questions, one MatchAll)")
	fmt.Println()
	fmt.Println("| corpus entries | index build | match 1,000 questions | per question | questions/s |")
	fmt.Println("|---:|---:|---:|---:|---:|")
	queries := make([]match.Query, 1000)
	for i := range queries {
		queries[i] = match.Query{Text: qs[i%len(qs)]}
	}
	var perQ []time.Duration
	for _, n := range []int{2000, 20000, 200000} {
		es := synthCorpus(base, n, rand.New(rand.NewSource(2)))
		t0 := time.Now()
		ix := match.New(es, match.DefaultConfig())
		build := time.Since(t0)
		t1 := time.Now()
		ix.MatchAll(queries)
		m := time.Since(t1)
		perQ = append(perQ, m/time.Duration(len(queries)))
		fmt.Printf("| %d | %s | %s | %s | %.0f |\n", n, build.Round(time.Millisecond), m.Round(time.Millisecond), (m / time.Duration(len(queries))).Round(time.Microsecond), float64(len(queries))/m.Seconds())
	}
	fmt.Printf("\n10× the corpus (20,000 → 200,000) costs **%.2f×** the matching time (target < 3×).\n\n", float64(perQ[2])/float64(perQ[1]))

	// Naive scorers over the same 20,000 entries.
	fmt.Println("## Other scorers over the same 20,000 entries (200 questions)")
	fmt.Println()
	sample := qs[:200]
	texts := make([]string, len(big))
	grams := make([]map[string]bool, len(big))
	for i, e := range big {
		texts[i] = textnorm.Fold(e.Question)
		grams[i] = bigrams(texts[i])
	}
	t0 := time.Now()
	for _, q := range sample {
		naiveBest(bigrams(textnorm.Fold(q)), grams)
	}
	naive := time.Since(t0) / time.Duration(len(sample))
	t0 = time.Now()
	for _, q := range sample {
		fuzzy.Find(textnorm.Fold(q), texts)
	}
	fz := time.Since(t0) / time.Duration(len(sample))
	ix := match.New(big, match.DefaultConfig())
	t0 = time.Now()
	for _, q := range sample {
		ix.Match(match.Query{Text: q})
	}
	qf := time.Since(t0) / time.Duration(len(sample))
	fmt.Println("| scorer | per question | 5,000 questions |")
	fmt.Println("|---|---:|---:|")
	for _, r := range []struct {
		name string
		d    time.Duration
	}{{"qfill (inverted index)", qf}, {"naive all-pairs bigram Jaccard", naive}, {"sahilm/fuzzy scan", fz}} {
		fmt.Printf("| %s | %s | %s |\n", r.name, r.d.Round(time.Microsecond), (r.d * 5000).Round(time.Millisecond))
	}
	return nil
}

// wholeProcess generates a corpus of nEntries and a checklist of
// nQuestions in dir and measures the floor, qfill and the earlier build
// (if any) on them in turn.
func wholeProcess(title, qfillBin, floorBin, beforeBin, dir string, nEntries, nQuestions, runs int) error {
	// The data is generated by a child process: Linux counts the memory a
	// process had when it forked towards its child's peak RSS, so the
	// programs are measured from this process while it is still small.
	self, err := os.Executable()
	if err != nil {
		return err
	}
	gen := exec.Command(self, "-generate", "-dir", dir, "-entries", fmt.Sprint(nEntries), "-questions", fmt.Sprint(nQuestions))
	if out, err := gen.CombinedOutput(); err != nil {
		return fmt.Errorf("generating data: %v: %s", err, out)
	}
	corpusFile := filepath.Join(dir, "corpus.yaml")
	checklist := filepath.Join(dir, "checklist.xlsx")
	info, err := os.Stat(corpusFile)
	if err != nil {
		return err
	}
	fmt.Printf("## %s (best of %d runs; peak RSS)\n\n", title, runs)
	fmt.Printf("data: %d corpus entries (%d KB YAML), checklist of %d questions\n\n", nEntries, info.Size()/1024, nQuestions)
	// An output left by an earlier run, which qfill's ledger does not
	// know on this machine, would be refused (fill keeps a file it did
	// not write); the first run writes it anew.
	os.Remove(filepath.Join(dir, "filled.xlsx"))
	os.Remove(filepath.Join(dir, "before.xlsx"))
	// The programs take turns, so that a machine that speeds up or
	// slows down during the run (shared CPUs do) moves both: each round
	// gives a ratio of its own, and their range says how far to trust the
	// ratio of the best times.
	// qfill runs twice a round: first with an empty index cache (a new
	// corpus: load, index, store), then with the index it stored.
	cache := filepath.Join(dir, "cache")
	qfillArgs := []string{"fill", checklist, "-o", filepath.Join(dir, "filled.xlsx"), "--corpus", corpusFile}
	floor := program{bin: floorBin, args: []string{checklist, filepath.Join(dir, "floor.xlsx")}}
	cold := program{bin: qfillBin, args: qfillArgs, env: []string{"QFILL_CACHE=" + cache}}
	warm := program{bin: qfillBin, args: qfillArgs, env: cold.env}
	// The earlier build runs the same two ways, with a cache folder of
	// its own: a build with an index cache would otherwise answer every
	// round but the first from the user's cache, and be compared, as a
	// new corpus, with qfill's cold run. (A build without one ignores
	// QFILL_CACHE, and its two runs are alike.)
	beforeCache := filepath.Join(dir, "cache-before")
	earlierArgs := []string{"fill", checklist, "-o", filepath.Join(dir, "before.xlsx"), "--corpus", corpusFile}
	earlier := program{bin: beforeBin, args: earlierArgs, env: []string{"QFILL_CACHE=" + beforeCache}}
	earlierWarm := program{bin: beforeBin, args: earlierArgs, env: earlier.env}
	var coldR, warmR span
	for i := 0; i < runs; i++ {
		if beforeBin != "" {
			if err := os.RemoveAll(beforeCache); err != nil {
				return err
			}
			if _, err := earlier.run(); err != nil {
				return fmt.Errorf("qfill before: %w", err)
			}
			if _, err := earlierWarm.run(); err != nil {
				return fmt.Errorf("qfill before: %w", err)
			}
		}
		ft, err := floor.run()
		if err != nil {
			return fmt.Errorf("floor: %w", err)
		}
		if err := os.RemoveAll(cache); err != nil {
			return err
		}
		ct, err := cold.run()
		if err != nil {
			return fmt.Errorf("qfill: %w", err)
		}
		wt, err := warm.run()
		if err != nil {
			return fmt.Errorf("qfill: %w", err)
		}
		coldR.add(float64(ct) / float64(ft))
		warmR.add(float64(wt) / float64(ft))
	}
	floorT, floorM := floor.best, floor.peak>>20
	fmt.Println("| program | wall time | peak memory |")
	fmt.Println("|---|---:|---:|")
	fmt.Printf("| floor (excelize: open, read rows, write %d cells, save) | %s | %d MB |\n", nQuestions, floorT.Round(time.Millisecond), floorM)
	fmt.Printf("| qfill fill, new corpus (load + index %d entries, read, match, write, store the index) | %s | %d MB |\n", nEntries, cold.best.Round(time.Millisecond), cold.peak>>20)
	fmt.Printf("| qfill fill, index from the cache | %s | %d MB |\n", warm.best.Round(time.Millisecond), warm.peak>>20)
	fmt.Printf("| **ratio qfill / floor**, new corpus | **%.2f×** (target ≤ 2×) | **%.2f×** (target ≤ 3×) |\n", float64(cold.best)/float64(floorT), float64(cold.peak)/float64(floor.peak))
	fmt.Printf("| **ratio qfill / floor**, cached index | **%.2f×** | **%.2f×** |\n\n", float64(warm.best)/float64(floorT), float64(warm.peak)/float64(floor.peak))
	fmt.Printf("The programs ran in turn, %d rounds; the ratio of each round's times: %.2f× to %.2f× (new corpus), %.2f× to %.2f× (cached).\n\n", runs, coldR.lo, coldR.hi, warmR.lo, warmR.hi)
	if beforeBin != "" {
		fmt.Printf("Beside them, %s: %s / %d MB on a new corpus, %s / %d MB from its cache (if it has one); qfill takes **%.2f×** its time on a new corpus, **%.2f×** with the cached index.\n\n", beforeBin, earlier.best.Round(time.Millisecond), earlier.peak>>20, earlierWarm.best.Round(time.Millisecond), earlierWarm.peak>>20, float64(cold.best)/float64(earlier.best), float64(warm.best)/float64(earlierWarm.best))
	}
	return nil
}

// realWorldFiles are workbooks of ../shared/realworld that make bench
// fills: the HECVATs have 13 to 15 tabs, of guidance, reports and scoring.
var realWorldFiles = []string{
	"educause_hecvat_lite_v2.11.xlsx",
	"educause_hecvat_v4.1.4_template.xlsx",
	"educause_hecvat_full_v3.06.xlsx",
	"owasp_samm_v2_assessment_toolbox.xlsx",
	"csa_caiq_v4.0.3_official_template.xlsx",
}

// realWorld fills each of realWorldFiles from the bundled sample corpus
// (its index from the cache, as a vendor's second run has it), in turn
// with the floor and the earlier build, and prints the best times and
// peak memory. The floor writes the answer cells of the rows qfill reads
// as questions (from a report of a first run) after reading every row of
// every sheet.
func realWorld(qfillBin, floorBin, beforeBin, dir string, runs int) error {
	runs = 5 * runs / 3 // short runs: more of them than the large bench's
	src := filepath.Join("..", "shared", "realworld")
	if _, err := os.Stat(src); err != nil {
		fmt.Printf("## Real-world workbooks\n\n%s is absent: not measured.\n\n", src)
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	fmt.Printf("## Real-world workbooks (../shared/realworld, the sample corpus; best of %d runs; peak RSS)\n\n", runs)
	head, rule := "| workbook | questions | floor | qfill | ratio qfill / floor (time, memory) |", "|---|---:|---:|---:|---:|"
	if beforeBin != "" {
		head, rule = head+" earlier build | qfill / earlier |", rule+"---:|---:|"
	}
	fmt.Println(head)
	fmt.Println(rule)
	for _, name := range realWorldFiles {
		in := filepath.Join(src, name)
		base := strings.TrimSuffix(name, ".xlsx")
		out, report, cells := filepath.Join(dir, base+".filled.xlsx"), filepath.Join(dir, base+".json"), filepath.Join(dir, base+".cells")
		cache := []string{"QFILL_CACHE=" + filepath.Join(dir, "cache")}
		os.Remove(out)
		first := program{bin: qfillBin, args: []string{"fill", in, "-o", out, "--corpus", "corpus", "--report", report}, env: cache}
		if _, err := first.run(); err != nil {
			return fmt.Errorf("qfill %s: %w", name, err)
		}
		n, err := writeCells(report, cells)
		if err != nil {
			return err
		}
		floor := program{bin: floorBin, args: []string{in, filepath.Join(dir, base+".floor.xlsx"), cells}}
		qfill := program{bin: qfillBin, args: []string{"fill", in, "-o", out, "--corpus", "corpus"}, env: cache}
		beforeOut := filepath.Join(dir, base+".before.xlsx")
		os.Remove(beforeOut)
		earlier := program{bin: beforeBin, args: []string{"fill", in, "-o", beforeOut, "--corpus", "corpus"}, env: []string{"QFILL_CACHE=" + filepath.Join(dir, "cache-before")}}
		for i := 0; i < runs; i++ {
			if beforeBin != "" {
				if _, err := earlier.run(); err != nil {
					return fmt.Errorf("qfill before %s: %w", name, err)
				}
			}
			if _, err := floor.run(); err != nil {
				return fmt.Errorf("floor %s: %w", name, err)
			}
			if _, err := qfill.run(); err != nil {
				return fmt.Errorf("qfill %s: %w", name, err)
			}
		}
		row := fmt.Sprintf("| %s | %d | %s / %d MB | %s / %d MB | %.2f×, %.2f× |", base, n, floor.best.Round(time.Millisecond), floor.peak>>20,
			qfill.best.Round(time.Millisecond), qfill.peak>>20, float64(qfill.best)/float64(floor.best), float64(qfill.peak)/float64(floor.peak))
		if beforeBin != "" {
			row += fmt.Sprintf(" %s / %d MB | %.2f× |", earlier.best.Round(time.Millisecond), earlier.peak>>20, float64(qfill.best)/float64(earlier.best))
		}
		fmt.Println(row)
	}
	fmt.Println()
	return nil
}

// writeCells lists, from a qfill JSON report, the answer cell of every
// question row that is not kept as it was, for the floor to write; it
// returns how many.
func writeCells(report, cells string) (int, error) {
	data, err := os.ReadFile(report)
	if err != nil {
		return 0, err
	}
	var r struct {
		Files []struct {
			Items []struct {
				Sheet      string `json:"sheet"`
				AnswerCell string `json:"answer_cell"`
				Status     string `json:"status"`
			} `json:"items"`
		} `json:"files"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return 0, fmt.Errorf("%s: %w", report, err)
	}
	var b strings.Builder
	n := 0
	for _, f := range r.Files {
		for _, it := range f.Items {
			if it.Status != "kept" && it.AnswerCell != "" {
				fmt.Fprintf(&b, "%s\t%s\n", it.Sheet, it.AnswerCell)
				n++
			}
		}
	}
	return n, os.WriteFile(cells, []byte(b.String()), 0o644)
}

// span is the range of a round's ratios.
type span struct{ lo, hi float64 }

func (s *span) add(r float64) {
	if s.hi == 0 || r < s.lo {
		s.lo = r
	}
	s.hi = max(s.hi, r)
}

// generate makes the corpus and the questions from fixed seeds and, when
// dir is set, writes corpus.yaml and checklist.xlsx there.
func generate(dir string, nEntries, nQuestions int) (base, big []*corpus.Entry, qs []string, err error) {
	c, err := corpus.Load("corpus")
	if err != nil {
		return nil, nil, nil, err
	}
	rng := rand.New(rand.NewSource(1))
	big = synthCorpus(c.Entries, nEntries, rng)
	qs = synthQuestions(big, nQuestions, rng)
	if dir == "" {
		return c.Entries, big, qs, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, nil, err
	}
	corpusFile := filepath.Join(dir, "corpus.yaml")
	data, err := corpus.Encode(corpusFile, big)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := os.WriteFile(corpusFile, data, 0o644); err != nil {
		return nil, nil, nil, err
	}
	return c.Entries, big, qs, writeChecklist(filepath.Join(dir, "checklist.xlsx"), qs)
}

// program is one of the measured commands, with its best wall time and its
// largest peak resident memory (bytes) over the runs so far.
type program struct {
	bin  string
	args []string
	env  []string // added to this process's environment
	best time.Duration
	peak int64
}

// run runs the program once and returns its wall time.
func (p *program) run() (time.Duration, error) {
	cmd := exec.Command(p.bin, p.args...)
	cmd.Env = append(os.Environ(), p.env...)
	t0 := time.Now()
	out, err := cmd.CombinedOutput()
	d := time.Since(t0)
	if err != nil {
		return 0, fmt.Errorf("%v: %s", err, out)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss*1024 > p.peak {
		p.peak = ru.Maxrss * 1024 // Linux reports KB
	}
	if p.best == 0 || d < p.best {
		p.best = d
	}
	return d, nil
}

var topics = []string{"本番環境", "検証環境", "管理画面", "モバイルアプリ", "API", "バッチ処理", "外部連携", "帳票", "通知機能", "ファイル共有",
	"管理者", "一般利用者", "委託先", "海外拠点", "サポート窓口", "監査ログ", "請求機能", "ワークフロー", "検索機能", "データ移行"}

// synthCorpus makes n distinct entries from the sample corpus: each is a
// sample question about one of the topics, numbered.
func synthCorpus(base []*corpus.Entry, n int, rng *rand.Rand) []*corpus.Entry {
	out := make([]*corpus.Entry, n)
	for i := range out {
		b := base[rng.Intn(len(base))]
		t := topics[rng.Intn(len(topics))]
		out[i] = &corpus.Entry{
			ID:       fmt.Sprintf("s%06d", i),
			Question: fmt.Sprintf("%sについて、%s（区分%d）", t, b.Question, i%997),
			Answer:   b.Answer,
			Choice:   b.Choice,
		}
	}
	return out
}

// synthQuestions rewords corpus questions the way customers do.
func synthQuestions(es []*corpus.Entry, n int, rng *rand.Rand) []string {
	endings := []string{"", "教えてください。", "ご回答ください。"}
	out := make([]string, n)
	for i := range out {
		q := es[rng.Intn(len(es))].Question
		q = strings.TrimSuffix(strings.TrimSuffix(q, "？"), "か")
		out[i] = q + "か？" + endings[rng.Intn(len(endings))]
	}
	return out
}

func writeChecklist(path string, qs []string) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{"No.", "分類", "質問", "回答", "備考"}); err != nil {
		return err
	}
	for i, q := range qs {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, []any{i + 1, topics[i%len(topics)], q}); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

func bigrams(s string) map[string]bool {
	r := []rune(s)
	m := make(map[string]bool, len(r))
	for i := 0; i+1 < len(r); i++ {
		m[string(r[i:i+2])] = true
	}
	return m
}

// naiveBest scores the query against every entry (Jaccard of bigram sets),
// the all-pairs approach an index avoids.
func naiveBest(q map[string]bool, docs []map[string]bool) int {
	best, bs := -1, -1.0
	for i, d := range docs {
		inter := 0
		for g := range q {
			if d[g] {
				inter++
			}
		}
		s := float64(inter) / float64(len(q)+len(d)-inter)
		if s > bs {
			best, bs = i, s
		}
	}
	return best
}
