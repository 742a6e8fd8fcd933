# The two commands a newcomer needs are `make run` and `make test`; each installs the
# Debian packages it needs (tools/ensure-deps.sh), configures and builds first.
BUILD_DIR ?= build
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

SANITIZE_DIR ?= build-sanitize
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
PREFIX ?= /usr/local

.PHONY: all build run test golden bench clean deps test-deps sanitize fuzz install package

all: build

deps:
	@tools/ensure-deps.sh build

test-deps:
	@tools/ensure-deps.sh test $(BUILD_DIR)

$(BUILD_DIR)/build.ninja:
	@cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS) >/dev/null

build: deps $(BUILD_DIR)/build.ninja
	@cmake --build $(BUILD_DIR)

run: build
	@tools/run-protocols.sh $(BUILD_DIR)/escc

# The program, its manual page, the runtime headers and the CMake package under PREFIX
# (staged under DESTDIR when it is given, as packagers do).
install: build
	@DESTDIR=$(DESTDIR) cmake --install $(BUILD_DIR) --prefix $(PREFIX)

# The Debian package, $(BUILD_DIR)/escc_VERSION_amd64.deb, of what the build tree has.
package: build
	@tools/ensure-deps.sh package
	@cd $(BUILD_DIR) && cpack -G DEB

test: test-deps $(BUILD_DIR)/build.ninja
	@cmake --build $(BUILD_DIR)
	@ctest --test-dir $(BUILD_DIR) --output-on-failure

# The whole test suite again, built with AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer; .ci/run runs it after `make test`.
sanitize:
	@tools/ensure-deps.sh test $(SANITIZE_DIR)
	@cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DESCC_SANITIZE=ON >/dev/null
	@cmake --build $(SANITIZE_DIR)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizers/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(SANITIZE_DIR) --output-on-failure

# Each libFuzzer target for FUZZ_SECONDS, seeded from the protocols and test inputs.
# A crash stops it and leaves the input in $(FUZZ_DIR)/artifacts/ for a regression test.
fuzz:
	@tools/ensure-deps.sh fuzz
	@CXX=clang++ cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DESCC_FUZZ=ON \
	  -DESCC_WERROR=OFF -DBUILD_TESTING=OFF >/dev/null
	@cmake --build $(FUZZ_DIR) --target escc-fuzz-parser escc-fuzz-check escc-fuzz-format escc-fuzz-backends \
	  escc-fuzz-lsp escc-fuzz-saved-case escc-fuzz-serve
	@tools/run-fuzzers.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

# Rewrites the golden files from the current compiler, and the editors' grammar and its
# snapshots; review the result with git diff.
golden: build
	@ESCC_UPDATE_GOLDEN=1 $(BUILD_DIR)/tests/escc_tests "[golden]" >/dev/null || true
	@ESCC_UPDATE_GOLDEN=1 editors/vscode/tests/grammar_test.sh $(BUILD_DIR)/editors/escc-editor-grammar \
	  $(CURDIR) $(BUILD_DIR) >/dev/null || true
	@git status --short tests/golden editors/vscode

# Writes docs/performance.md.
bench: build
	@tools/ensure-deps.sh bench $(BUILD_DIR)
	@bench/run.sh $(BUILD_DIR)

clean:
	@rm -rf $(BUILD_DIR) $(SANITIZE_DIR) $(FUZZ_DIR) out
