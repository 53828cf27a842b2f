package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/qfill/qfill/pkg/indexcache"
	"github.com/qfill/qfill/pkg/match"
	"github.com/qfill/qfill/pkg/sheet"
	"github.com/qfill/qfill/pkg/web"
	"github.com/spf13/cobra"
)

type serveOptions struct {
	io        *iostreams
	addr      string
	corpus    string
	threshold thresholdFlag
	maxMB     int64
	learn     bool
}

func newServeCmd(io *iostreams) *cobra.Command {
	opts := &serveOptions{io: io}
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080] [--learn]",
		Short: "Run a local page that fills checklists, and one to review them",
		Long: `Serve two local web pages. On / a user drops one or more checklists (.xlsx,
.xlsm) and downloads the filled copies (a zip for several), with the
review report shown on the page. On /review a reviewer drops one
checklist and decides its rows from the keyboard (accept a suggestion,
search the corpus, type an answer, leave blank), then downloads the
workbook with the decisions written as fill writes answers; with --learn,
"Save to corpus" records the decisions the way qfill learn does. The
pages work offline and follow the browser's language (Japanese or
English); the README describes the JSON API under /api/.

Reviews are kept in memory only, at most 16 at once, each dropped after
an hour unused. The corpus is read again when its files change on disk,
and saving to it is serialised and reads it afresh first.

It listens on 127.0.0.1 unless --addr says otherwise. Uploads are limited
by --max-upload-mb; each request works in its own temporary folder, which
is removed before the response ends; nothing is kept on disk.

Only the page itself may use the server: a request whose Host is not
127.0.0.1, localhost or the host of --addr, or whose Origin is another
site, is refused (403), so other web pages open in the same browser
cannot upload a checklist and read your answers back.
` + exitStatusHelp,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return serveRun(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVar(&opts.addr, "addr", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().StringVar(&opts.corpus, "corpus", "", "corpus file or folder (default: as for fill)")
	cmd.Flags().Var(&opts.threshold, "threshold", "confidence needed to fill without review, 0..1, or a share of right answers such as 95% (default: as for fill)")
	cmd.Flags().Int64Var(&opts.maxMB, "max-upload-mb", 32, "largest upload accepted, in MiB")
	cmd.Flags().BoolVar(&opts.learn, "learn", false, "let the review page save decisions to the corpus (a corpus folder)")
	return cmd
}

func serveRun(ctx context.Context, opts *serveOptions) error {
	if opts.maxMB < 1 {
		return fmt.Errorf("--max-upload-mb %d: want 1 or more", opts.maxMB)
	}
	path, from, err := findCorpus(opts.corpus)
	if err != nil {
		return err
	}
	// A server's uploads are not known in advance: it keeps its heap
	// small, whatever the corpus.
	lowCollector()
	if st, err := os.Stat(path); opts.learn && err == nil && !st.IsDir() {
		return fmt.Errorf("--learn needs a corpus folder (learned entries go to learned.yaml in it); %s is one file", path)
	}
	cfg := match.DefaultConfig()
	cfg.Threshold = opts.threshold.or(cfg.Threshold)
	desc := fmt.Sprintf("%s (%s)", path, from)
	lib, err := web.NewLibrary(path, cfg, desc, indexcache.Default())
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", opts.addr, err)
	}
	s := &web.Server{Library: lib, MaxUpload: opts.maxMB << 20, Learn: opts.learn, Today: today,
		Open: sheet.OpenOptions{TempDir: opts.io.tmp.dir()}, Addr: opts.addr}
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(opts.io.ErrOut, "qfill serve: open http://%s/ to fill, http://%s/review to review (corpus: %s); Ctrl-C stops\n", ln.Addr(), ln.Addr(), desc)
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
