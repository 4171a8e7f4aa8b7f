# Two commands: `make edition` builds the audio edition of every text in seeds/,
# `make test` runs the whole test suite. Both install what is missing first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_PROGRAMS := espeak-ng ffmpeg ffprobe
APT_PACKAGES := espeak-ng ffmpeg

.PHONY: edition test system bench clean

edition: $(STAMP)
	$(BIN)/aloud build seeds/*.txt --out audio

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

# System programs: installed with apt when we can, otherwise we say what to install.
system:
	@missing=""; \
	for p in $(SYSTEM_PROGRAMS); do command -v $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	$(PYTHON) -c 'import venv, ensurepip' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	packages="$(APT_PACKAGES)"; case "$$missing" in *python3-venv*) packages="$$packages python3-venv";; esac; \
	if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then sudo="sudo"; \
	else echo "Missing:$$missing. Install espeak-ng and ffmpeg (e.g. 'brew install espeak-ng ffmpeg'), then run make again." >&2; exit 1; fi; \
	echo "Installing$$missing with apt-get"; \
	$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$packages

$(STAMP): pyproject.toml | system
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) audio/*/ .pytest_cache
