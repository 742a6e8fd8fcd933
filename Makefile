# The two commands a newcomer needs are `make run` and `make test`; each installs the
# Debian packages it needs (tools/ensure-deps.sh), configures and builds first.
BUILD_DIR ?= build
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: all build run test golden bench clean deps test-deps

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

test: test-deps $(BUILD_DIR)/build.ninja
	@cmake --build $(BUILD_DIR)
	@ctest --test-dir $(BUILD_DIR) --output-on-failure

# Rewrites the golden files from the current compiler; review the result with git diff.
golden: build
	@ESCC_UPDATE_GOLDEN=1 $(BUILD_DIR)/tests/escc_tests "[golden]" >/dev/null || true
	@git status --short tests/golden

bench: build
	@bench/run.sh $(BUILD_DIR)

clean:
	@rm -rf $(BUILD_DIR) out
