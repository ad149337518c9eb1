# The two commands a fresh machine needs: `make demo` and `make test`.
# Both create .venv, install torch==2.13.0 (the local CPU build) and the package.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install system-deps demo test lint bench bench-real clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/verbalign demo

# The review page's browser tests drive Debian's chromium (never a downloaded browser);
# the PDF tests typeset English with DejaVu; PDF records are read with poppler's pdftotext
# (poppler-utils; without it verbalign falls back to PDFium and says so); the store's tests
# start a throwaway PostgreSQL server from Debian's binaries (postgresql: initdb, pg_ctl,
# pg_trgm). Installed once, when missing.
system-deps:
	@if ! command -v chromium >/dev/null || ! command -v pdftotext >/dev/null \
	    || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] \
	    || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
	    chromium fonts-dejavu-core poppler-utils postgresql >/dev/null; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check aligner api tests bench
	$(BIN)/ruff format --check aligner api tests bench

# Every store test runs against SQLite and against a real PostgreSQL the tests start.
test: $(STAMP) system-deps lint
	VERBALIGN_REQUIRE_BROWSER=1 \
	VERBALIGN_TEST_BACKENDS=$${VERBALIGN_TEST_BACKENDS:-sqlite,postgresql} \
	  $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m bench.run_all

# Real UN records of ../shared/real: PDF words against poppler's text, then every record pair
# aligned end to end and scored against the hand-made gold in bench/gold/.
bench-real: $(STAMP) system-deps
	$(BIN)/python -m bench.real_pdf
	$(BIN)/python -m bench.real_records

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
