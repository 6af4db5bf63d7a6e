# The verbs of the project. Every target bootstraps .venv from requirements.txt.
PY      := .venv/bin/python
VENV    := .venv/.installed
SRC     ?=
KIND    ?= report
# LANG is also the shell's locale variable: only a LANG given on make's command line counts.
IMPORT_LANG := $(if $(filter command line,$(origin LANG)),$(LANG),zh)
OUT     ?=
N       ?= 1000
PORT    ?= 8000

.PHONY: html serve test check import bench clean publish catalogues

$(VENV): requirements.txt
	test -x $(PY) || python3 -m venv .venv
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

html: $(VENV)
	$(PY) -m tools.build -s pelicanconf.py -o output

publish: $(VENV)
	$(PY) -m tools.build -s publishconf.py -o output

serve: $(VENV)
	$(PY) -m tools.serve --port $(PORT)

test: $(VENV)
	$(PY) -m pytest

check: $(VENV)
	$(PY) -m tools.check

import: $(VENV)
	@test -n "$(SRC)" || { echo "usage: make import SRC=raw.txt [KIND=report] [LANG=zh] [OUT=content/reports/<slug>.zh.md] [ISSUE=2023-1 COLUMN=history (KIND=article)]"; exit 2; }
	$(PY) -m importer "$(SRC)" --kind $(KIND) --lang $(IMPORT_LANG) $(if $(OUT),--out "$(OUT)") $(if $(ISSUE),--issue "$(ISSUE)") $(if $(COLUMN),--column "$(COLUMN)")

bench: $(VENV)
	$(PY) -m tools.bench --n $(N)

catalogues: $(VENV)
	$(PY) -m tools.catalogues

clean:
	rm -rf output .output.* cache .pytest_cache
