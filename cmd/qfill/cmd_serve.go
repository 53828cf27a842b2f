package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

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
}

func newServeCmd(io *iostreams) *cobra.Command {
	opts := &serveOptions{io: io}
	cmd := &cobra.Command{
		Use:   "serve [--addr 127.0.0.1:8080]",
		Short: "Run a local drag-and-drop page that fills checklists",
		Long: `Serve a local web page where a user drops one or more checklists (.xlsx,
.xlsm) and downloads the filled copies (a zip for several), with the
review report shown on the page. The page works offline and follows the
browser's language (Japanese or English).

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
	cmd.Flags().Var(&opts.threshold, "threshold", "confidence needed to fill without review, 0..1 (default: as for fill)")
	cmd.Flags().Int64Var(&opts.maxMB, "max-upload-mb", 32, "largest upload accepted, in MiB")
	return cmd
}

func serveRun(ctx context.Context, opts *serveOptions) error {
	if opts.maxMB < 1 {
		return fmt.Errorf("--max-upload-mb %d: want 1 or more", opts.maxMB)
	}
	ix, desc, err := loadMatcher(opts.io.log, opts.corpus, opts.threshold)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", opts.addr, err)
	}
	s := &web.Server{Matcher: ix, Threshold: ix.Threshold(), MaxUpload: opts.maxMB << 20, Corpus: desc,
		Open: sheet.OpenOptions{TempDir: opts.io.tmp.dir()}, Addr: opts.addr}
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(opts.io.ErrOut, "qfill serve: open http://%s/ (corpus: %s); Ctrl-C stops\n", ln.Addr(), desc)
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
