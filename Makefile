# qfill — every target works from a clean clone with only Go installed.
GO          ?= go
BIN         ?= bin/qfill
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2
GORELEASER  ?= github.com/goreleaser/goreleaser/v2@v2.17.0
FUZZTIME    ?= 20s

.PHONY: all build run test race test-browser lint cross release-snapshot bench fuzz templates quality calibrate clean

all: build

# Static, as the release archives are (.goreleaser.yaml): nothing in
# qfill needs cgo, and the dynamic loader costs each run a few ms.
build:
	CGO_ENABLED=0 $(GO) build -o $(BIN) ./cmd/qfill

# The main job on the bundled sample: fill every template in templates/
# from corpus/ into examples/ (listed in qfill.yaml), with a JSON report
# beside each.
run: build
	./$(BIN) regen --manifest qfill.yaml

# Unit, golden, regression and CLI tests. Tests that read ../shared skip
# with a reason when it is absent.
test:
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(GO) run ./cmd/qfill regen --check --manifest qfill.yaml

# The tests again under the race detector: batch workers, parallel
# matching and the web server share an index and a corpus. -short leaves
# out the slowest single-threaded tests (bombs through every command, the
# million-row sheet, the terminal interrupts), which make test runs.
race:
	$(GO) test -race -short -count=1 -timeout 30m ./...

# The end-to-end browser test alone; fails (instead of skipping) when
# Chromium is not installed (apt-get install chromium).
test-browser:
	QFILL_BROWSER_REQUIRED=1 $(GO) test -count=1 -run Browser -v ./pkg/web ./cmd/qfill

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

# The command builds for the systems users run it on (most are on Windows
# or macOS); the binaries go nowhere.
cross:
	GOOS=windows GOARCH=amd64 $(GO) build -o /dev/null ./cmd/qfill
	GOOS=windows GOARCH=arm64 $(GO) build -o /dev/null ./cmd/qfill
	GOOS=darwin GOARCH=amd64 $(GO) build -o /dev/null ./cmd/qfill
	GOOS=darwin GOARCH=arm64 $(GO) build -o /dev/null ./cmd/qfill
	GOOS=linux GOARCH=arm64 $(GO) build -o /dev/null ./cmd/qfill

# Release archives (Windows, macOS, Linux; amd64 and arm64) in dist/,
# built by GoReleaser run through `go run` like staticcheck, so its
# dependencies stay out of go.mod; nothing is published. The first run
# compiles GoReleaser (about five minutes).
release-snapshot:
	$(GO) run $(GORELEASER) release --snapshot --clean

# Go benchmarks, then the whole-process comparison against the excelize
# floor (see BENCHMARKS.md); results go to stdout and .bench/results.md.
# BEFORE=path/to/older/qfill runs an earlier build in turn with them.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	CGO_ENABLED=0 $(GO) build -o bin/qfill ./cmd/qfill
	CGO_ENABLED=0 $(GO) build -o bin/benchfloor ./internal/benchfloor
	@mkdir -p .bench
	$(GO) run ./internal/benchrun -qfill bin/qfill -floor bin/benchfloor -dir .bench $(if $(BEFORE),-before $(BEFORE)) | tee .bench/results.md

fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s ./pkg/sheet
	$(GO) test -run '^$$' -fuzz '^FuzzSheetXML$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s ./pkg/sheet
	$(GO) test -run '^$$' -fuzz '^FuzzScanRows$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s ./pkg/sheet
	$(GO) test -run '^$$' -fuzz '^FuzzOpenPackage$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s ./pkg/sheet
	$(GO) test -run '^$$' -fuzz '^FuzzBoxes$$' -fuzztime $(FUZZTIME) ./pkg/sheet
	$(GO) test -run '^$$' -fuzz '^FuzzFill$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 2s ./pkg/fill
	$(GO) test -run '^$$' -fuzz FuzzSnapshot -fuzztime $(FUZZTIME) ./pkg/match
	$(GO) test -run '^$$' -fuzz FuzzFold -fuzztime $(FUZZTIME) ./pkg/textnorm
	$(GO) test -run '^$$' -fuzz FuzzThesaurusSpans -fuzztime $(FUZZTIME) ./pkg/thesaurus
	$(GO) test -run '^$$' -fuzz FuzzAskHead -fuzztime $(FUZZTIME) ./pkg/question
	$(GO) test -run '^$$' -fuzz FuzzLoadYAML -fuzztime $(FUZZTIME) ./pkg/corpus
	$(GO) test -run '^$$' -fuzz FuzzYAMLPieces -fuzztime $(FUZZTIME) -fuzzminimizetime 2s ./pkg/corpus
	$(GO) test -run '^$$' -fuzz FuzzLoadTSV -fuzztime $(FUZZTIME) ./pkg/corpus

# Rebuild the sample checklists and their labelled pairs.
templates:
	$(GO) run ./cmd/mktemplates

# Rewrite the own sets' floors (testdata/eval/floors.tsv) and their table in
# docs/quality.md from the matcher as it is now; make test fails until the
# two agree with it.
quality:
	$(GO) test ./pkg/eval -run 'TestOwnPairsFloor|TestQualityTable' -update

# Fit the confidence curves qfill ships (pkg/calib/curves.json: how often
# answers of each confidence were right, shown in review comments) on the
# own sets, the bench and the sets built from ../shared/realworld, the
# sealed ones left out; make test fails while they are stale. Needs ../shared.
calibrate:
	$(GO) test ./cmd/qfill -run 'TestSharedSets$$' -count=1 -update

clean:
	rm -rf bin
