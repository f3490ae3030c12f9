# The two commands: `make run` serves the API and pages on http://127.0.0.1:$(PORT);
# `make test` runs the whole test suite. Both install what is missing first.
.PHONY: run test build deps bench clean

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

clean:
	rm -rf .build
