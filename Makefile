# Hoplock: set-up, build and test shortcuts around Meson.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   make run     install what is missing, build, open the built-in example
#   make test    install what is missing, build, run every test suite

BUILDDIR   := build
EXAMPLE    := data/samples/example.eml
GUI        := $(BUILDDIR)/app/hoplock
CLI        := $(BUILDDIR)/app/hoplock-cli

SHELL      := /bin/bash

.DEFAULT_GOAL := help

.PHONY: help deps deps-test configure build run test test-main test-asan fuzz bench clean

help:
	@echo "Hoplock: did this email travel encrypted, hop by hop?"
	@echo
	@echo "  make run        install missing Debian packages, build, and show the"
	@echo "                  report for the built-in example ($(EXAMPLE)):"
	@echo "                  in the desktop app when a display is available,"
	@echo "                  in the terminal otherwise"
	@echo "  make test       install missing packages, build, run every test suite"
	@echo "                  in $(BUILDDIR)/ and again with AddressSanitizer and UBSan"
	@echo "                  in build-asan/; ends with 'N passed, N failed, N skipped'"
	@echo "  make test-main  only the suites in $(BUILDDIR)/"
	@echo "  make test-asan  only the sanitizer build in build-asan/"
	@echo "  make fuzz       run the fuzz targets (tools/fuzz.sh)"
	@echo "  make bench      build and run the benchmarks in $(BUILDDIR)/tests/bench/"
	@echo "  make build      configure and build $(BUILDDIR)/ without installing packages"
	@echo "  make deps       install the packages needed to build"
	@echo "  make deps-test  install the packages needed to build and test"
	@echo "  make clean      remove $(BUILDDIR)/ and the other build-* directories"
	@echo
	@echo "Packages are installed with apt-get (as root or through sudo) only when"
	@echo "something is missing; HL_SKIP_DEPS=1 skips that step."

deps:
	@tools/install-deps.sh build

deps-test:
	@tools/install-deps.sh build tables test

# Sets up $(BUILDDIR), or reconfigures it when it already exists.
configure:
	@if [ -f $(BUILDDIR)/meson-private/coredata.dat ]; then \
	  meson setup --reconfigure $(BUILDDIR); \
	else \
	  meson setup $(BUILDDIR); \
	fi

build: configure
	ninja -C $(BUILDDIR)

run: deps
	@$(MAKE) --no-print-directory build
	@if [ -x $(GUI) ] && [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "GSETTINGS_SCHEMA_DIR=$(BUILDDIR)/data $(GUI) $(EXAMPLE)"; \
	  export GSETTINGS_SCHEMA_DIR="$(CURDIR)/$(BUILDDIR)/data$${GSETTINGS_SCHEMA_DIR:+:$$GSETTINGS_SCHEMA_DIR}"; \
	  exec $(GUI) $(EXAMPLE); \
	fi; \
	if [ ! -x $(GUI) ]; then \
	  echo "(the desktop app is not built; showing the report in the terminal)"; \
	else \
	  echo "(no display; showing the report in the terminal)"; \
	fi; \
	if $(CLI) report --help 2>&1 | grep -q -- --explain; then \
	  echo "$(CLI) report --explain $(EXAMPLE)"; \
	  exec $(CLI) report --explain $(EXAMPLE); \
	else \
	  echo "$(CLI) report $(EXAMPLE)"; \
	  exec $(CLI) report $(EXAMPLE); \
	fi

test: deps-test
	@tools/run-tests.sh main asan

test-main: deps-test
	@tools/run-tests.sh main

test-asan: deps-test
	@tools/run-tests.sh asan

fuzz: deps-test
	@if [ -f tools/fuzz.sh ]; then \
	  exec bash tools/fuzz.sh; \
	else \
	  echo "Fuzzing is not set up in this tree (tools/fuzz.sh is missing)."; \
	fi

bench: deps
	@$(MAKE) --no-print-directory build
	@found=0; \
	for b in $(BUILDDIR)/tests/bench/*; do \
	  [ -f "$$b" ] && [ -x "$$b" ] || continue; \
	  found=1; \
	  echo "=== $$b"; \
	  "$$b" || exit 1; \
	done; \
	if [ $$found = 0 ]; then \
	  echo "No benchmarks are built ($(BUILDDIR)/tests/bench/ has none)."; \
	fi

clean:
	rm -rf $(BUILDDIR) build-*
