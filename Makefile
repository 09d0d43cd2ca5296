# relgraph: reports in, ranked relationship graph out.
#
#   make run        install what is missing, build, run the main job on data/reports/
#   make check      build and run every test (unit + CLI); SANITIZE=1 adds ASan/UBSan
#   make check-engines  the README's GNU parallel and Slurm recipes, run on the engines
#   make install    PREFIX=/usr/local DESTDIR=
#   make deps       install the Debian build dependencies (apt-get), or say how

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/relgraph
VERSION := 0.1.0

PKGS    := igraph libcgraph libgvc jansson libmicrohttpd
# poppler reads PDFs; relgraph loads it at run time, in the child process
# that reads a PDF (graph/read/pdf.c), so only its headers are built against
PDF_PKGS := poppler-glib
DEB_PKGS := libigraph-dev libgraphviz-dev libjansson-dev libpoppler-glib-dev libmicrohttpd-dev check pkg-config
# what the tests use to check our outputs as other tools read them (node
# for Cytoscape.js, below; chromium, driven by playwright-core, for the
# explorer), Universal Ctags for the shape check (tests/shape/), and
# pdftotext (poppler-utils) for the PDF cases
TEST_DEB_PKGS := python3-networkx python3-igraph graphviz libxml2-utils universal-ctags nodejs poppler-utils chromium

CC      ?= cc
WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2
CFLAGS  ?= -O2 -g
# the graph writer's spool is a thread (export/spool.c)
SYS_LIBS := -lm -pthread
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -pthread $(WARN) $(CFLAGS) \
           -I. -I$(BUILD) -MMD -MP
ifeq ($(SANITIZE),1)
ALL_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS    += -fsanitize=address,undefined
BUILD   := build/sanitize
else
BUILD   := build/release
endif

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) $(PDF_PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS   = $(shell pkg-config --libs check 2>/dev/null)

LIB_SRC := $(sort $(wildcard graph/*/*.c export/*.c))
CLI_SRC := $(sort $(wildcard cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIB     := $(BUILD)/librelgraph.a
BIN     := $(BUILD)/relgraph

.PHONY: FORCE all deps test-deps run check check-engines tests unit-check cli-check shape install uninstall clean format eval fuzz memcheck bench bench-quick readme
all: relgraph

# The top-level ./relgraph is a copy of the build, so that data/ sits next to it.
relgraph: $(BIN)
	cp $(BIN) $@

# config.h holds the version and the data directory; it is rewritten only
# when they change, so that a new PREFIX rebuilds what uses it.
$(BUILD)/config.h: FORCE
	@mkdir -p $(dir $@)
	@printf '#define RG_VERSION "%s"\n#define RG_DATADIR "%s"\n' '$(VERSION)' '$(DATADIR)' >$@.new
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi

FORCE:

$(BUILD)/%.o: %.c $(BUILD)/config.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -c $< -o $@

# The explorer's page (export/explore/), compiled into relgraph as strings.
EXPLORE_ASSETS := export/explore/explore.html export/explore/explore.css export/explore/explore.js \
                  export/explore/vendor/cytoscape.min.js
$(BUILD)/explore_assets.h: $(EXPLORE_ASSETS) export/explore/embed.sh
	@mkdir -p $(dir $@)
	sh export/explore/embed.sh $(EXPLORE_ASSETS) >$@.new && mv $@.new $@

$(BUILD)/export/explore.o: $(BUILD)/explore_assets.h

$(BUILD)/tests/%.o: tests/unit/%.c $(BUILD)/config.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) $(CHECK_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(PKG_LIBS) $(SYS_LIBS)

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) $(CHECK_LIBS) $(SYS_LIBS)

# serve's answers are the CLI's (cli/serve_api.c): its test links the CLI
# without its main
CLI_PART_OBJ := $(filter-out $(BUILD)/cli/relgraph.o,$(CLI_OBJ))
$(BUILD)/tests/test_serve: $(BUILD)/tests/test_serve.o $(CLI_PART_OBJ) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $< $(CLI_PART_OBJ) $(LIB) $(PKG_LIBS) $(CHECK_LIBS) $(SYS_LIBS)

# Install what is missing with apt-get (as root, or through sudo without a
# password); otherwise print the exact command and stop.
define install_missing
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "relgraph: installing:$$missing"; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; \
	else echo "relgraph: run as root: apt-get update && apt-get install -y$$missing" >&2; exit 1; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq$$missing
endef

deps:
	$(call install_missing,$(DEB_PKGS))

# From the npm registry into build/node (not in git), at exact versions:
# Cytoscape.js, which a CLI case loads the Cytoscape export with under node
# (tests/cli/cases/export-cytoscape-js), and playwright-core, which drives
# Debian's chromium through the explorer (tests/cli/cases/explore-browser).
# Both in one npm install (a second one would prune the first). Without npm
# or the registry those cases are skipped, and said so, rather than make
# check failing.
NODE_DEPS := build/node
CYTOSCAPE_JS := cytoscape@3.35.0
PLAYWRIGHT_CORE := playwright-core@1.65.1
NODE_TEST_PKGS := $(CYTOSCAPE_JS) $(PLAYWRIGHT_CORE)
test-deps:
	$(call install_missing,$(TEST_DEB_PKGS))
	@have=1; for p in $(NODE_TEST_PKGS); do \
	  f=$(NODE_DEPS)/node_modules/$${p%@*}/package.json; \
	  [ -f $$f ] && grep -q "\"version\": \"$${p##*@}\"" $$f || have=; \
	done; \
	if [ -n "$$have" ]; then :; \
	elif ! command -v npm >/dev/null 2>&1; then \
	  echo "relgraph: no npm: the Cytoscape.js check of the Cytoscape export and the browser tests will be skipped" >&2; \
	else \
	  echo "relgraph: installing $(NODE_TEST_PKGS) under $(NODE_DEPS) (npm)"; \
	  mkdir -p $(NODE_DEPS) && npm install --prefix $(NODE_DEPS) --no-save --no-audit --no-fund --silent \
	    --fetch-retries=1 --fetch-timeout=30000 $(NODE_TEST_PKGS) || \
	  echo "relgraph: npm could not install $(NODE_TEST_PKGS): the Cytoscape.js check of the Cytoscape export and the browser tests will be skipped" >&2; \
	fi

# The overview diagram of make run: the most central entities, linked by
# the recommendations they share (the caption counts what is drawn).
OVERVIEW = --view entities --top 30 --size-by pagerank \
  --title "The most central entities, linked by the recommendations they share"

run: deps
	$(MAKE) relgraph
	@mkdir -p out
	./relgraph build -o out/graph.json
	./relgraph export -g out/graph.json -f graphml -o out/graph.graphml
	./relgraph render -g out/graph.json -o out/graph.dot $(OVERVIEW)
	./relgraph render -g out/graph.json -o out/graph.svg $(OVERVIEW)
	./relgraph render -g out/graph.json -o out/alliance.svg --view agencies --cluster country --top 40 \
	  --size-by pagerank --title "Actors and agencies that share recommendations, by country"
	./relgraph render -g out/graph.json -o out/recommendations.svg --section "Pillar 1" --relation leads \
	  --layout dot --title "Pillar 1: its recommendations and who leads them"
	./relgraph explore -g out/graph.json -o out/explore.html
	@echo "The explorer: open out/explore.html in a browser, or serve it with the JSON API:"
	@echo "  ./relgraph serve -g out/graph.json    (prints the address to open; Ctrl-C stops it)"
	./relgraph compare -g out/graph.json --markdown renew-elevate-modernize-2020 peninsula-plus-2023 \
	  >out/compare-2020-2023.md.tmp && mv out/compare-2020-2023.md.tmp out/compare-2020-2023.md
	./relgraph render -g out/graph.json -o out/compare-2020-2023.svg --compare renew-elevate-modernize-2020 \
	  peninsula-plus-2023 --title "What changed from the 2020 report to the 2023 report"
	./relgraph render -g out/graph.json -o out/ego-state-department.svg --focus "State Department" --depth 3 \
	  --max-degree 10 --title "Around the Department of State, three links out"
	@echo "The ten most central agencies (harmonic closeness on the whole graph: how few of the links the reports"
	@echo "state separate an agency from everyone they discuss; catalog-only part_of links left out; betweenness"
	@echo "would tie most agencies at 0):"
	@./relgraph rank -g out/graph.json --by harmonic --type agency --top 10

check: deps test-deps
	$(MAKE) tests
	@if [ ! -x "$(BENCH_PEERS)/make-corpus" ]; then \
	  echo "bench-quick: skipped: no benchmark peers at $(BENCH_PEERS) (../shared is not beside this clone)" >&2; \
	else \
	  WORK=$(CURDIR)/$(BUILD)/bench-quick RELGRAPH=$(CURDIR)/$(BIN) bench/run quick >/dev/null 2>$(BUILD)/bench-quick.log || \
	  { cat $(BUILD)/bench-quick.log; echo "relgraph: bench-quick failed" >&2; exit 1; }; \
	  echo "bench-quick: the benchmark harness runs (build/.../bench-quick/results-quick.md)"; \
	fi
	@sh tests/check.sh $(BUILD)

tests: $(UNIT_BIN) $(BIN)

# The README's GNU parallel and Slurm recipes, run as they stand on this
# machine (tests/engines/): parallel -S :, and a one-node Slurm cluster that
# the test starts under a temporary directory and stops again. Apart from
# make check since it installs a workload manager (whose own services, where
# the packages start them, it leaves alone).
ENGINE_DEB_PKGS := parallel slurmctld slurmd slurm-client munge procps
check-engines: deps
	$(call install_missing,$(ENGINE_DEB_PKGS))
	$(MAKE) $(BIN)
	@python3 tests/engines/check_engines.py $(BIN) README.md

unit-check: $(UNIT_BIN)
	@status=0; for t in $(UNIT_BIN); do CK_FORK=yes $$t || status=1; done; exit $$status

cli-check: $(BIN)
	@LC_ALL=C sh tests/cli/run.sh $(BIN)

# The house's shape alone (also run by make check): no function over 100
# lines, no call cycle between modules, no stage reaching into a later one.
shape: $(LIB_OBJ) $(CLI_OBJ)
	@python3 tests/shape/check_shape.py $(BUILD)

# The CLI cases again, every run of relgraph under valgrind (memory errors
# and definite leaks fail the case).
memcheck: deps test-deps
	$(MAKE) $(BIN)
	@command -v valgrind >/dev/null || { echo "relgraph: memcheck needs valgrind: apt-get install valgrind" >&2; exit 1; }
	@sh tests/memcheck.sh $(BIN)

install: relgraph
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/reports $(DESTDIR)$(DATADIR)/catalog
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/relgraph
	install -m 644 data/reports/*.md data/reports/*.txt $(DESTDIR)$(DATADIR)/reports/
	install -m 644 data/catalog/*.json $(DESTDIR)$(DATADIR)/catalog/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/relgraph
	rm -rf $(DESTDIR)$(DATADIR)

# libFuzzer targets (clang, from Debian): the report loader, the PDF layout
# assembly (on mutated runs of text, without poppler), the catalog
# reader, the graph-file reader, its JSON scanner (against jansson), the
# snapshot reader and serve's requests past libmicrohttpd (their checks,
# parameters and answers), each run for FUZZ_SECONDS from a seed corpus of
# the project's own files. A crash leaves its input in build/fuzz/.
# `make fuzz FUZZ_TARGETS=fuzz_serve` runs one.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= fuzz_doc fuzz_layout fuzz_catalog fuzz_graph fuzz_jscan fuzz_snapshot fuzz_serve
FUZZ_FLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -I. -Ibuild/fuzz \
              -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_SRC := $(LIB_SRC)

build/fuzz/%: tests/fuzz/%.c $(LIB_SRC) build/release/config.h build/release/explore_assets.h
	@mkdir -p build/fuzz
	cp build/release/config.h build/release/explore_assets.h build/fuzz/
	clang $(FUZZ_FLAGS) $(PKG_CFLAGS) $< $(FUZZ_SRC) -o $@ $(PKG_LIBS) $(SYS_LIBS)

# serve's answers are the CLI's: its target has the CLI without its main
FUZZ_CLI_SRC := $(filter-out cli/relgraph.c,$(CLI_SRC))
build/fuzz/fuzz_serve: tests/fuzz/fuzz_serve.c $(LIB_SRC) $(FUZZ_CLI_SRC) build/release/config.h \
                       build/release/explore_assets.h
	@mkdir -p build/fuzz
	cp build/release/config.h build/release/explore_assets.h build/fuzz/
	clang $(FUZZ_FLAGS) $(PKG_CFLAGS) $< $(FUZZ_SRC) $(FUZZ_CLI_SRC) -o $@ $(PKG_LIBS) $(SYS_LIBS)

build/fuzz/snapshot-seed: tests/fuzz/snapshot_seed.c $(LIB)
	@mkdir -p build/fuzz
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) $< $(LIB) -o $@ $(PKG_LIBS) $(SYS_LIBS)

fuzz: $(FUZZ_TARGETS:%=build/fuzz/%) build/fuzz/snapshot-seed
	@mkdir -p build/fuzz/seeds/doc build/fuzz/seeds/layout build/fuzz/seeds/catalog build/fuzz/seeds/graph build/fuzz/seeds/jscan build/fuzz/seeds/snapshot build/fuzz/seeds/serve
	@cp tests/fuzz/seeds/serve/* build/fuzz/seeds/serve/
	@cp data/reports/*.md data/reports/*.txt tests/cli/fixtures/*.md tests/cli/fixtures/*.txt \
	    tests/cli/fixtures/*.html build/fuzz/seeds/doc/
	@cp data/catalog/*.json tests/cli/fixtures/*catalog*.json build/fuzz/seeds/catalog/
	@cp tests/cli/fixtures/dangling.json build/fuzz/seeds/graph/; \
	  ./relgraph build -o build/fuzz/seeds/graph/fixture.json tests/cli/fixtures/alliance.md 2>/dev/null || true
	@cp build/fuzz/seeds/graph/*.json build/fuzz/seeds/catalog/*.json build/fuzz/seeds/jscan/
	@./build/fuzz/snapshot-seed build/fuzz/seeds/graph/fixture.json build/fuzz/seeds/snapshot/fixture.rgs
	cd build/fuzz && for t in $(FUZZ_TARGETS); do \
	  seeds=seeds/$${t#fuzz_}; mkdir -p corpus-$$t; \
	  ./$$t -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=10 -rss_limit_mb=4096 \
	    -print_final_stats=1 corpus-$$t $$seeds || exit 1; \
	done

# Benchmarks side by side with ../shared/bench's peers (not in CI: an hour
# or more); bench-quick checks in seconds that the harness still works.
# where bench/run finds its peers (as bench/run does: SHARED_BENCH, or ../shared/bench)
BENCH_PEERS := $(or $(SHARED_BENCH),$(abspath $(CURDIR)/../shared/bench))
BENCH_PKGS := time python3-networkx python3-igraph python3-graph-tool python3-scipy
bench: relgraph
	$(call install_missing,$(BENCH_PKGS))
	bench/run full

bench-quick: relgraph
	$(call install_missing,$(BENCH_PKGS))
	WORK=$(CURDIR)/build/bench-quick bench/run quick

# Extraction measured on every annotated document of ../shared/gold (its
# texts in ../shared/corpus), by relgraph eval and by the reference scorer
# ../shared/gold/score.py, per document, per genre and in total; in a clone
# with nothing beside it, on the copy of its two reports' annotations under
# tests/eval/, by relgraph eval alone.
GOLD ?= $(if $(wildcard ../shared/gold/000_65e3f3cda325373b.json),../shared/gold,tests/eval)
eval: relgraph
	python3 tests/eval/evaluate.py ./relgraph $(GOLD)

# Rewrite the output the README's examples show from what the binary
# prints (make check compares them).
readme: relgraph
	python3 tests/readme/check_examples.py ./relgraph README.md --update

format:
	clang-format -i graph/*/*.[ch] export/*.[ch] cli/*.[ch] tests/unit/*.[ch]

clean:
	rm -rf build relgraph out

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(UNIT_BIN:%=%.d)
