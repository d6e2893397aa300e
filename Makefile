# fengong: the two commands of the README, and a few helpers.
BUILD      ?= build
BUILD_ASAN ?= build-asan
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)

PREFIX     ?= /usr/local

.PHONY: all deps build run test bench fuzz clean regen-golden install style

all: build

deps:
	@scripts/install-deps.sh build

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DFG_TESTS=OFF >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# The program to $(PREFIX)/bin (and the library, headers and data beside it); DESTDIR works.
install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

# The main job on the bundled documents (the progress summary from a made-up status table).
run: build
	@$(BUILD)/fengong extract --summary --format table graphs/documents/*.txt
	@echo
	@$(BUILD)/fengong extract --summary --format table graphs/samples/*
	@echo
	@$(BUILD)/fengong ingest --db exports/fengong.db graphs/documents/*.txt graphs/samples/sample_division-table.pdf
	@echo
	@$(BUILD)/fengong due --db exports/fengong.db --as-of 2025-07-01 --format table
	@echo
	@$(BUILD)/fengong targets --db exports/fengong.db --format table --limit 12
	@echo
	@$(BUILD)/fengong load --db exports/fengong.db --format table --limit 20
	@echo
	@$(BUILD)/fengong progress import --db exports/fengong.db graphs/progress/status-demo.csv
	@$(BUILD)/fengong progress --db exports/fengong.db --as-of 2025-07-01 --year-end --format table --limit 10
	@echo
	@$(BUILD)/fengong progress --db exports/fengong.db --as-of 2025-07-01 --year-end --by-coordination --format table --limit 10
	@echo
	@$(BUILD)/fengong render team --all --db exports/fengong.db -o exports
	@$(BUILD)/fengong render network --db exports/fengong.db -o exports --top 60
	@$(BUILD)/fengong render matrix --db exports/fengong.db -o exports
	@$(BUILD)/fengong report --db exports/fengong.db -o exports/report.html
	@$(BUILD)/fengong load --db exports/fengong.db --format xlsx -o exports/load.xlsx

# ASan+UBSan build of everything, then the whole suite.
test:
	@scripts/install-deps.sh test
	@cmake -S . -B $(BUILD_ASAN) -DCMAKE_BUILD_TYPE=Debug -DFG_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD_ASAN) -j $(JOBS)
	@cd $(BUILD_ASAN) && ctest --output-on-failure -j $(JOBS)

# Each micro-benchmark's output is kept in $(BUILD)/bench-notes/ and goes into the dated
# section that scale.sh adds to bench/results.md, under the command that made it.
SEEDS_ASSIGN = tests/fixtures/seeds/001_f9c4e63d6d2549a0.txt tests/fixtures/seeds/002_087d1517bea72081.txt
bench: build
	@scripts/install-deps.sh bench
	@rm -rf $(BUILD)/bench-notes && mkdir -p $(BUILD)/bench-notes
	@bench/note.sh $(BUILD)/bench-notes/1-extract.txt $(BUILD)/bench_extract graphs/documents/*.txt
	@bench/note.sh $(BUILD)/bench-notes/2-extract-assignments.txt $(BUILD)/bench_extract $(SEEDS_ASSIGN)
	@bench/note.sh $(BUILD)/bench-notes/3-ingest.txt $(BUILD)/bench_ingest --copies 100 $(SEEDS_ASSIGN)
	@bench/note.sh $(BUILD)/bench-notes/4-analysis.txt sh bench/analysis.sh $(BUILD)
	@bench/note.sh $(BUILD)/bench-notes/5-suggest.txt sh bench/suggest.sh $(BUILD)
	@bench/note.sh $(BUILD)/bench-notes/6-formats.txt sh bench/formats.sh $(BUILD)
	@bench/note.sh $(BUILD)/bench-notes/7-memory.txt sh bench/mem.sh $(BUILD)
	@NOTES=$(BUILD)/bench-notes sh bench/scale.sh $(BUILD)

# libFuzzer targets (clang) in $(BUILD_FUZZ)/, each run for FUZZ_SECONDS; what they find is
# written to tests/fuzz/regressions/<target>/, which `make test` replays. FUZZ_FLAGS adds
# libFuzzer options.
BUILD_FUZZ   ?= build-fuzz
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= decode parse gazetteer clause docx xlsx pdf html
fuzz:
	@scripts/install-deps.sh build
	@command -v clang >/dev/null || { echo "make fuzz: clang is required (apt-get install clang)" >&2; exit 1; }
	@cmake -S tests/fuzz -B $(BUILD_FUZZ) -DCMAKE_C_COMPILER=clang >/dev/null
	@cmake --build $(BUILD_FUZZ) -j $(JOBS)
	@FUZZ_FLAGS="$(FUZZ_FLAGS)" sh tests/fuzz/run.sh $(BUILD_FUZZ) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Rewrites nothing in tests/gold/ by itself: prints the diff a regeneration would make.
# The layout rules of the C sources (line length, blanks, tabs); .ci/run runs it before the tests.
style:
	@sh scripts/check-style.sh

regen-golden: build
	@tests/golden.sh $(BUILD)/fengong tests/gold --regen

clean:
	rm -rf $(BUILD) $(BUILD_ASAN)
