# Webcare sentiment benchmark; included by the top Makefile or run as
#   make -f Makefile -f bench/sentiment.mk build/bench/sentiment_bench && build/bench/sentiment_bench 3
SENTIMENT_BENCH_OBJ = build/release/scan/sentiment.o build/release/base/buf.o build/release/base/mem.o \
                      build/release/base/err.o build/release/base/embed_get.o build/release/embed.o

build/bench/sentiment_bench: bench/sentiment_bench.c $(SENTIMENT_BENCH_OBJ) $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(REL_CFLAGS) -o $@ bench/sentiment_bench.c $(SENTIMENT_BENCH_OBJ) -lstemmer -lm -pthread
