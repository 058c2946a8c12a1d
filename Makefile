# sitrep: `make run` builds, probes the sample sitrep.yml (against a loopback demo service it starts and stops)
# and renders site/; `make test` runs every test.
# Both install the system packages they lack first (apt-get when root, otherwise they print the command).

SWIFT      ?= swift
BUILD_DIR  ?= .build
SITREP      = $(BUILD_DIR)/debug/sitrep
VENV        = .venv
PYTHON      = $(VENV)/bin/python

# Build-time libraries, test-time tools (openssl makes test certificates, python3 runs test servers and
# independent validators, chromium is the real browser for page tests).
APT_PACKAGES = pkg-config libcurl4-openssl-dev libsqlite3-dev libcmark-gfm-dev libcmark-gfm-extensions-dev \
               openssl python3 python3-venv
APT_TEST_PACKAGES = chromium tidy postgresql redis-server rabbitmq-server
APT_BENCH_PACKAGES = time e2fsprogs curl
PIP_TEST_PACKAGES = feedparser==6.0.11 icalendar==6.1.0 jsonschema==4.26.0 aiosmtpd==1.4.6

.PHONY: all deps test-deps build release install run test bench clean

all: build

deps:
	@./scripts/ensure-packages $(APT_PACKAGES)

test-deps: deps
	@./scripts/ensure-packages $(APT_TEST_PACKAGES)
	@test -x $(PYTHON) || python3 -m venv $(VENV)
	@$(PYTHON) -c "import feedparser, icalendar, jsonschema, aiosmtpd" 2>/dev/null || \
		$(PYTHON) -m pip install --quiet --disable-pip-version-check $(PIP_TEST_PACKAGES)

build: deps
	$(SWIFT) build --build-path $(BUILD_DIR)

# The sample content is written dated relative to now, the demo service runs only while sitrep probes it
# (scripts/demo-run stops it on failure too).
run: build
	./scripts/demo-run $(SITREP)

test: test-deps
	$(SWIFT) build --build-path $(BUILD_DIR) --build-tests
	SITREP_BIN=$(abspath $(SITREP)) SITREP_PYTHON=$(abspath $(PYTHON)) \
		$(SWIFT) test --build-path $(BUILD_DIR) --skip-build --skip ProbeDeadlineTests
	@# Wall-clock deadlines are checked alone, on an otherwise idle machine.
	SITREP_BIN=$(abspath $(SITREP)) SITREP_PYTHON=$(abspath $(PYTHON)) \
		$(SWIFT) test --build-path $(BUILD_DIR) --skip-build --filter ProbeDeadlineTests

# The binary to deploy: optimised, with the Swift runtime linked in, so it runs where no Swift toolchain is
# installed (it still needs libcurl, libsqlite3 and libcmark-gfm) and starts with less relocation work.
release: deps
	$(SWIFT) build --build-path $(BUILD_DIR) -c release --static-swift-stdlib

# The release layout: the binary in $(PREFIX)/bin and the default theme in $(PREFIX)/share/sitrep/templates, where
# the binary looks for it (a site's templates/ holds only the files it overrides). DESTDIR stages a package.
PREFIX ?= /usr/local
install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/sitrep
	install -m 755 $(BUILD_DIR)/release/sitrep $(DESTDIR)$(PREFIX)/bin/sitrep
	rm -rf $(DESTDIR)$(PREFIX)/share/sitrep/templates
	cp -R templates $(DESTDIR)$(PREFIX)/share/sitrep/templates

bench: release
	@./scripts/ensure-packages $(APT_BENCH_PACKAGES)
	./scripts/bench $(BUILD_DIR)/release

clean:
	rm -rf $(BUILD_DIR) $(VENV) site data
