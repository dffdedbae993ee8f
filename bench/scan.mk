# Privacy-guard benchmark; included by the top Makefile.  Uses the release
# objects, so build/release/scan/*.o and build/release/embed.o come first.
SCAN_BENCH_OBJ = $(filter build/release/scan/%.o,$(REL_OBJ)) \
                 build/release/base/buf.o build/release/base/mem.o \
                 build/release/base/err.o build/release/base/embed_get.o \
                 build/release/base/arena.o build/release/base/text.o build/release/base/bizhours.o \
                 build/release/embed.o

build/bench/scan_bench: bench/scan_bench.c $(SCAN_BENCH_OBJ) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(REL_CFLAGS) -o $@ bench/scan_bench.c $(SCAN_BENCH_OBJ) \
	  $(shell pkg-config --libs libpcre2-8 libxml-2.0) -lstemmer -lm -pthread
