# Airlock — the two commands a newcomer needs: `make demo` and `make test`.
SWIFT ?= swift
SWIFT_TEST_FLAGS ?=

.PHONY: demo test build deps vectors release test-release clean lint

# Installs the C libraries Airlock links (libsodium, libzstd, SQLite) when pkg-config cannot find them.
deps:
	@./Scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest $(SWIFT_TEST_FLAGS)

demo: deps
	$(SWIFT) build
	@./Examples/demo.sh "$$($(SWIFT) build --show-bin-path)"

# Regenerates Spec/vectors from fixed keys and fixed randomness; the tests check the committed files.
vectors: deps
	$(SWIFT) run airlock-vectorgen Spec/vectors

# The release for the offline host: dist/airlock-VERSION-linux-ARCH.tar.gz with static executables, man pages,
# completions, docs, install.sh and SHA256SUMS; KEY=packer.key also signs it (Spec/release.md).
KEY ?=
RELEASE_FLAGS ?=
release: deps
	SWIFT="$(SWIFT)" ./Scripts/make-release.sh $(if $(KEY),--key "$(KEY)") $(RELEASE_FLAGS)

# Builds a signed release, installs it into an empty prefix and runs the whole flow from there, toolchain-free.
test-release: deps
	SWIFT="$(SWIFT)" ./Scripts/test-release.sh

clean:
	rm -rf .build dist

# Style check (swift-format, configured in .swift-format): 4 spaces, 120 columns.
lint:
	$(SWIFT) format lint --strict -r Sources Tests Tools
