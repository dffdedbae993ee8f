# kring — build, run and test.  `make run` and `make test` are all a newcomer needs.
#
#   make            release build: build/release/kring
#   make run        install missing packages, build, serve on http://127.0.0.1:8080
#   make test       install missing packages, build with ASan+UBSan, run every test
#   make eval       privacy-guard quality on the labelled development set
#   make bench      benchmarks (not part of make test)
#   make fuzz       build the libFuzzer targets (clang)

CC       ?= cc
PKGS      = libmicrohttpd sqlite3 libsodium jansson libpcre2-8 libqrencode libpq libcrypto libcurl libxml-2.0 libical
# kring-image alone links libvips (src/image/main.c: decoders out of the server),
# and libseccomp to confine itself before it decodes.
IMAGE_PKGS = vips libseccomp tesseract
# and its privacy checks: faces with OpenCV (C++: src/image/faces.cpp, the only
# C++ in kring), text with Tesseract (its C API).  Debian ships no opencv4.pc
# without the whole libopencv-dev, so the three libraries are named here.
OPENCV_CFLAGS = -I/usr/include/opencv4
OPENCV_LIBS   = -lopencv_objdetect -lopencv_imgproc -lopencv_core
CXX      ?= g++
WARN      = -Wall -Wextra -Werror -Wshadow -Wvla -Wformat=2 -Wstrict-prototypes \
            -Wmissing-prototypes -Wno-unused-parameter
CFLAGS_COMMON = -std=c11 -D_GNU_SOURCE -Isrc $(WARN) -pthread \
            $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LIBS      = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm -pthread
VERSION  := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

REL_CFLAGS  = $(CFLAGS_COMMON) -O2 -g -DKRING_VERSION='"$(VERSION)"'
TEST_CFLAGS = $(CFLAGS_COMMON) -O1 -g -fno-omit-frame-pointer \
              -fsanitize=address,undefined -fno-sanitize-recover=all \
              -DKRING_VERSION='"$(VERSION)"' -DKRING_TEST_BUILD

# Every module is a folder under src/; *_test.c are unit tests, main.c is the CLI.
MODULES   = base http store job core scan api web fed
LIB_SRC   = $(filter-out %_test.c,$(foreach m,$(MODULES),$(wildcard src/$(m)/*.c)))
TEST_SRC  = $(foreach m,$(MODULES),$(wildcard src/$(m)/*_test.c))
HDRS      = $(foreach m,$(MODULES),$(wildcard src/$(m)/*.h))
EMBED_IN  = $(wildcard templates/*.html) $(wildcard static/*) $(wildcard po/*.po) \
            $(wildcard src/scan/lists/*.txt)

# The privacy guard's learned part (docs/privacy-guard.md): proper nouns from
# Debian's wdutch, and the name tagger trained at build time on the
# development set (tools/scan_train.c), both compiled in.
SCAN_LISTS = $(wildcard src/scan/lists/*.txt) build/propernames.txt build/freq_nl.txt
EMBED_IN  += build/propernames.txt build/scan_model.txt

# Webcare sentiment (docs/webcare.md): pattern's Dutch lexicon from npm's
# @nlpjs/lang-nl (MIT), installed in tools/lexicon and turned into a table at
# build time (never committed); kring's own care words are in src/scan/lists.
EMBED_IN  += build/sentiment_lexicon.txt
# and its learned urgency model, trained at build time on the development set
# (tools/sentiment_train.c; held-back folds in build/sentiment_model.log).
EMBED_IN  += build/sentiment_model.txt
# Plain language (docs/measure.md): a word-frequency list derived at build
# time from the lexicon of Frog's tagger (Debian's frogdata, GPL-3+).
EMBED_IN  += build/freq_nl.txt

REL_OBJ   = $(LIB_SRC:src/%.c=build/release/%.o) build/release/embed.o
TEST_OBJ  = $(LIB_SRC:src/%.c=build/test/%.o) build/test/embed.o
TEST_BINS = $(TEST_SRC:src/%.c=build/test/unit/%)

.PHONY: all deps run test unit blackbox blackbox-pg apitest browser eval bench fuzz clean format
all: build/release/kring

deps:
	@./scripts/install-deps.sh

build/embed.c: build/embedgen $(EMBED_IN)
	@mkdir -p $(@D)
	@build/embedgen $(EMBED_IN) > $@.tmp && mv $@.tmp $@

build/propernames.txt: tools/propernames.py
	@mkdir -p $(@D)
	@/usr/bin/python3 tools/propernames.py /usr/share/dict/dutch > $@.tmp && mv $@.tmp $@

build/freq_nl.txt: tools/freqlist.py
	@mkdir -p $(@D)
	@/usr/bin/python3 tools/freqlist.py /usr/share/frog/nld/Frog.mbt.1.0.lex > $@.tmp && mv $@.tmp $@

build/embed_train.c: build/embedgen $(SCAN_LISTS)
	@build/embedgen $(SCAN_LISTS) > $@.tmp && mv $@.tmp $@

SCAN_TRAIN_OBJ = build/release/scan/scan.o build/release/base/buf.o build/release/base/mem.o \
                 build/release/base/err.o build/release/base/embed_get.o
build/scan_train: tools/scan_train.c build/embed_train.c $(SCAN_TRAIN_OBJ) $(HDRS)
	@echo "  LINK    $@"
	@$(CC) $(REL_CFLAGS) -Wno-missing-prototypes -o $@ tools/scan_train.c build/embed_train.c \
	  $(SCAN_TRAIN_OBJ) $(shell pkg-config --libs libpcre2-8) -lm -pthread

# the development set and the texts written only to train the models on
SCAN_TRAIN_SETS = tests/data/privacy_dev.src tests/data/privacy_train.src tests/data/privacy_train2.src \
                  tests/data/privacy_train3.src tests/data/privacy_train4.src tests/data/privacy_train5.src

build/scan_model.txt: build/scan_train $(SCAN_TRAIN_SETS)
	@build/scan_train --folds 5 $(SCAN_TRAIN_SETS) $@.tmp > build/scan_model.log && mv $@.tmp $@

build/embed_senttrain.c: build/embedgen build/sentiment_lexicon.txt src/scan/lists/sentiment_care.txt
	@build/embedgen build/sentiment_lexicon.txt src/scan/lists/sentiment_care.txt > $@.tmp && mv $@.tmp $@

SENT_TRAIN_OBJ = build/release/scan/sentiment.o build/release/base/buf.o build/release/base/mem.o \
                 build/release/base/err.o build/release/base/embed_get.o
build/sentiment_train: tools/sentiment_train.c build/embed_senttrain.c $(SENT_TRAIN_OBJ) $(HDRS)
	@echo "  LINK    $@"
	@$(CC) $(REL_CFLAGS) -Wno-missing-prototypes -o $@ tools/sentiment_train.c build/embed_senttrain.c \
	  $(SENT_TRAIN_OBJ) $(shell pkg-config --libs jansson) -lstemmer -lm -pthread

# the development set, and the sets first written to be unseen once they were
# scored and looked at (docs/webcare.md)
SENT_TRAIN_SETS = tests/data/sentiment_dev.jsonl tests/data/sentiment_train2.jsonl tests/data/sentiment_train3.jsonl

build/sentiment_model.txt: build/sentiment_train $(SENT_TRAIN_SETS)
	@build/sentiment_train --folds 5 $(SENT_TRAIN_SETS) $@.tmp > build/sentiment_model.log && mv $@.tmp $@

build/sentiment_lexicon.txt: tools/lexicon/lexicon.mjs tools/lexicon/package-lock.json
	@mkdir -p $(@D)
	@[ -f tools/lexicon/node_modules/@nlpjs/lang-nl/package.json ] || \
	  npm ci --prefix tools/lexicon --no-audit --no-fund --loglevel=error
	@node tools/lexicon/lexicon.mjs $@.tmp && mv $@.tmp $@

build/embedgen: tools/embedgen.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -o $@ $<

build/release/%.o: src/%.c $(HDRS)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(REL_CFLAGS) -c -o $@ $<
build/release/embed.o: build/embed.c
	@$(CC) $(REL_CFLAGS) -Wno-missing-prototypes -c -o $@ $<
build/release/kring: $(REL_OBJ) src/main.c build/release/kring-image
	@echo "  LINK    $@"
	@$(CC) $(REL_CFLAGS) -o $@ src/main.c $(REL_OBJ) $(LIBS)
# The image helper, without sanitizers in both builds (ASan cannot run under
# the address-space limit the media job sets for it).
build/release/image/faces.o: src/image/faces.cpp src/image/faces.h
	@mkdir -p $(@D)
	@echo "  CXX     $<"
	@$(CXX) -std=c++17 -O2 -g -Wall -Wextra -Werror -Isrc $(OPENCV_CFLAGS) -c -o $@ $<
build/release/kring-image: src/image/main.c src/image/look.c src/image/look.h src/core/media_sniff.c \
                           build/release/image/faces.o $(HDRS)
	@mkdir -p $(@D)
	@echo "  LINK    $@"
	@for f in src/image/main.c src/image/look.c src/core/media_sniff.c; do \
	  $(CC) $(REL_CFLAGS) $(shell pkg-config --cflags $(IMAGE_PKGS)) -c -o build/release/image/$$(basename $$f .c).o $$f \
	  || exit 1; done
	@$(CXX) -o $@ build/release/image/main.o build/release/image/look.o build/release/image/media_sniff.o \
	  build/release/image/faces.o $(shell pkg-config --libs $(IMAGE_PKGS)) $(OPENCV_LIBS) -lm
# The benchmark data generator writes straight into the tables: its own
# program for bench/run.sh, in neither the store library nor kring itself.
build/release/kring-bench-data: bench/bench_data_main.c bench/bench_data.c bench/bench_data.h $(REL_OBJ)
	@echo "  LINK    $@"
	@$(CC) $(REL_CFLAGS) -o $@ bench/bench_data_main.c bench/bench_data.c $(REL_OBJ) $(LIBS)
# Slot computation for one provider over 8 weeks (issue 18), for make bench.
build/release/kring-slots-bench: bench/slots_bench.c $(REL_OBJ)
	@echo "  LINK    $@"
	@$(CC) $(REL_CFLAGS) -o $@ bench/slots_bench.c $(REL_OBJ) $(LIBS)
# What noting reach costs a timeline request (issue 20), for make bench.
build/release/kring-reach-bench: bench/reach_bench.c $(REL_OBJ)
	@echo "  LINK    $@"
	@$(CC) $(REL_CFLAGS) -o $@ bench/reach_bench.c $(REL_OBJ) $(LIBS)
# Webcare ingest and inbox rows (issue 17), for make bench (bench/webcare.sh).
build/release/kring-webcare-bench: bench/webcare_bench.c $(REL_OBJ)
	@echo "  LINK    $@"
	@$(CC) $(REL_CFLAGS) -o $@ bench/webcare_bench.c $(REL_OBJ) $(LIBS)
build/test/kring-image: build/release/kring-image
	@mkdir -p $(@D)
	@cp $< $@

build/test/%.o: src/%.c $(HDRS)
	@mkdir -p $(@D)
	@echo "  CC(san) $<"
	@$(CC) $(TEST_CFLAGS) -c -o $@ $<
build/test/embed.o: build/embed.c
	@mkdir -p $(@D)
	@$(CC) $(TEST_CFLAGS) -Wno-missing-prototypes -c -o $@ $<
build/test/kring: $(TEST_OBJ) src/main.c build/test/kring-image
	@echo "  LINK    $@"
	@$(CC) $(TEST_CFLAGS) -o $@ src/main.c $(TEST_OBJ) $(LIBS)
build/test/libkring.a: $(TEST_OBJ)
	@rm -f $@ && ar rcs $@ $^
# A unit test may #include the .c it tests to reach statics.  The library is
# an archive, so the linker takes only the objects the test still needs and
# never that one; a symbol defined twice is a link error, not a silent pick.
build/test/unit/%_test: src/%_test.c build/test/libkring.a $(HDRS)
	@mkdir -p $(@D)
	@echo "  TEST    $@"
	@$(CC) $(TEST_CFLAGS) -Wno-missing-prototypes -o $@ $< \
	  build/test/libkring.a $(LIBS) -lcmocka

run: deps build/release/kring
	./build/release/kring serve --listen 127.0.0.1:8080 --data ./data

unit: $(TEST_BINS)
	@fail=0; for t in $(TEST_BINS); do echo "== $$t"; $$t || fail=1; done; exit $$fail

blackbox: build/test/kring
	KRING_BIN=$(CURDIR)/build/test/kring /usr/bin/python3 -m pytest -q tests/blackbox

# The same suite on PostgreSQL: a private server on a free loopback port,
# stopped afterwards; first every store statement is prepared on it.
blackbox-pg: build/test/kring
	@dir=$$(mktemp -d /tmp/kring-pg.XXXXXX) && port=$$(tests/pg/start.sh $$dir) || exit 1; \
	trap "tests/pg/stop.sh $$dir" EXIT INT TERM; \
	url=postgresql://kring@127.0.0.1:$$port/sqlcheck; \
	psql -X -q -h 127.0.0.1 -p $$port -U kring -d postgres -c "CREATE DATABASE sqlcheck" && \
	build/test/kring migrate --db $$url >/dev/null && \
	/usr/bin/python3 tools/check-sql-pg.py $$url && \
	KRING_TEST_DB=pg KRING_TEST_PG_PORT=$$port KRING_TEST_PG_DIR=$$dir \
	  KRING_BIN=$(CURDIR)/build/test/kring /usr/bin/python3 -m pytest -q tests/blackbox

test: deps
	@$(MAKE) --no-print-directory build/release/kring build/test/kring $(TEST_BINS)
	@/usr/bin/python3 tools/check-sql.py
	@/usr/bin/python3 tools/check-layers
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory blackbox
	@$(MAKE) --no-print-directory blackbox-pg
	@$(MAKE) --no-print-directory apitest
	@$(MAKE) --no-print-directory browser

# The Mastodon-compatible API with clients we did not write (Mastodon.py,
# toot, masto.js), against the sanitizer build.
apitest: build/test/kring
	KRING_BIN=$(CURDIR)/build/test/kring sh tests/api/run.sh

# Accessibility in a real browser (Debian's chromium, axe-core); the release
# build keeps it quick, the black-box suite already ran under the sanitizers.
browser: build/release/kring
	KRING_BIN=$(CURDIR)/build/release/kring sh tests/browser/run.sh

eval: deps build/release/kring build/scan_train build/sentiment_train
	/usr/bin/python3 tests/eval/eval.py --kring build/release/kring tests/data/privacy_dev.jsonl
	build/scan_train --folds 5 $(SCAN_TRAIN_SETS) /dev/null
	build/sentiment_train --folds 5 $(SENT_TRAIN_SETS) /dev/null
	/usr/bin/python3 tests/eval/sentiment_eval.py --kring build/release/kring tests/data/sentiment_dev.jsonl
	/usr/bin/python3 tests/eval/sentiment_eval.py --kring build/release/kring tests/data/sentiment_unseen2.jsonl
	/usr/bin/python3 tests/eval/readability_eval.py --kring build/release/kring tests/data/readability_dev.jsonl
	/usr/bin/python3 tests/eval/readability_eval.py --kring build/release/kring tests/data/readability_unseen.jsonl

bench: deps build/release/kring build/release/kring-bench-data build/release/kring-slots-bench build/release/kring-webcare-bench build/bench/scan_bench build/release/kring-reach-bench
	./build/bench/scan_bench 3
	./build/release/kring-reach-bench
	./build/release/kring-slots-bench
	./bench/webcare.sh
	./bench/slots_load.sh
	./bench/image.sh
	./bench/run.sh
	BENCH_DB=pg ./bench/run.sh
	./bench/pg_split.sh
	./bench/match.sh
	./bench/fed.sh

fuzz: deps
	$(MAKE) -C fuzz

format:
	clang-format -i $(LIB_SRC) $(TEST_SRC) src/main.c

clean:
	rm -rf build

# The privacy guard's throughput (docs/privacy-guard.md), run by make bench.
include bench/scan.mk
