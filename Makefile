# The two commands: `make run` serves the API and pages on http://127.0.0.1:$(PORT);
# `make test` runs the whole test suite. Both install what is missing first.
.PHONY: run test build deps bench clean fuzz fuzz-replay

PORT ?= 8080
export PORT

run:
	@scripts/run.sh

test: deps
	swift build --build-tests
	swift test --skip-build

build: deps
	swift build -c release --product campaignd

deps:
	@scripts/install-deps.sh

# The fuzzer over the GraphQL engine (libFuzzer): FUZZ_RUNS inputs or FUZZ_SECONDS seconds, new coverage kept in
# .build-fuzz/corpus, crashes written to Tests/Fuzz/crashes (commit them: `make test` replays every one).
# FUZZ_ADDRESS=1 adds AddressSanitizer.
FUZZ_RUNS ?= 1000000
FUZZ_SECONDS ?= 0
FUZZ_SANITIZERS = --sanitize=fuzzer $(if $(filter 1,$(FUZZ_ADDRESS)),--sanitize=address)
fuzz:
	swift build -c release $(FUZZ_SANITIZERS) -Xswiftc -DFUZZING --product GraphQLFuzzer --scratch-path .build-fuzz
	mkdir -p .build-fuzz/corpus Tests/Fuzz/crashes
	.build-fuzz/release/GraphQLFuzzer .build-fuzz/corpus Tests/Fuzz/corpus -runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_SECONDS) \
		-max_len=16384 -timeout=10 -rss_limit_mb=2048 -artifact_prefix=Tests/Fuzz/crashes/ -print_final_stats=1

# Replays the corpus and every kept crash without libFuzzer.
fuzz-replay:
	swift build --product GraphQLFuzzer
	.build/debug/GraphQLFuzzer Tests/Fuzz/corpus Tests/Fuzz/crashes

clean:
	rm -rf .build .build-fuzz
