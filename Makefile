# Two commands on a fresh machine:  make demo   |   make test
# Each creates .venv, installs the project with its test extras, installs the Debian
# packages the reports need (when missing and when run as root), then runs.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SYSPKG := libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-liberation2
# compilers for the binary comparator's tests and benchmark (programs are built from source there)
CCPKG  := clang lld gcc-mingw-w64-x86-64 gcc-mingw-w64-i686 gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf libc6-dev-arm64-cross \
          libc6-dev-armhf-cross ssdeep

.PHONY: demo test setup system-packages lint templates clean

demo: setup
	$(BIN)/python -m appraisal.cli demo

test: setup
	$(BIN)/python -m pytest -q

setup: $(STAMP) system-packages

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

# Fonts, LibreOffice and poppler for the docx/PDF report; skipped when present or not root.
system-packages:
	@missing=""; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-writer-nogui"; \
	command -v pdffonts >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	fc-list 2>/dev/null | grep -qi "Noto Serif CJK" || missing="$$missing fonts-noto-cjk"; \
	fc-list 2>/dev/null | grep -qi "Liberation Serif" || missing="$$missing fonts-liberation2"; \
	command -v clang >/dev/null 2>&1 && command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 && \
	  command -v i686-w64-mingw32-gcc >/dev/null 2>&1 && ls /usr/bin/ld64.lld* >/dev/null 2>&1 && \
	  [ -e /usr/aarch64-linux-gnu/include/stdio.h ] || missing="$$missing $(CCPKG)"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing system packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	else \
	  echo "note: missing system packages:$$missing (PDF export needs them; docx works without)"; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check .

templates: $(STAMP)
	$(BIN)/python report_templates/make_templates.py

clean:
	rm -rf $(VENV) cases/sample .pytest_cache
