# The two commands of the README, and a few more for developers.
#
#   make lab     set up .venv (first time only) and open the first notebook in JupyterLab
#   make test    set up .venv (first time only) and run every test, doctest and notebook
#   make site    build the static website into build/site/ from the notebooks as committed
#   make editions  build/student/ (no answers) and build/teacher/ (answers, teaching notes)
#   make handouts  build/handouts/<article id>.pdf, an A4 reading pack per article (needs Chromium)
#   make toc     rewrite the README table, 00's reading order and every Previous/Next from notebooks/toc.toml
#   make my-copy copy the notebooks into my-notebooks/ (ignored by git) to work in your own copy
#   make browser-test  only the real-browser tests (JupyterLab, Voila, the site in Chromium)
#   make bench   run every benchmark in benchmarks/
#   make clean   remove caches and build leftovers (keeps .venv)
#   make distclean   also remove .venv
#
# Only Python 3.10+ and make are needed: the packages are installed into .venv,
# again only when requirements.txt or pyproject.toml has changed since.
# Variables: PYTHON=python3.12 (the Python that creates .venv),
# PYTEST_ARGS="-x tests/test_seeds.py", LAB_ARGS="--no-browser",
# ALLOW_EDITED=1 (test notebooks even if their cells differ from the last commit).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Touched after a successful install; older than requirements.txt or pyproject.toml means "install again".
INSTALLED := $(VENV)/.requirements-installed
FIRST_NOTEBOOK := notebooks/00_start_here.ipynb

.PHONY: lab test site editions handouts toc my-copy browser-test bench clean distclean

lab: $(INSTALLED)
	$(BIN)/jupyter lab --ServerApp.root_dir=. $(LAB_ARGS) $(wildcard $(FIRST_NOTEBOOK))

# pytest exits with 5 when it collected no test at all; that is a broken set-up, not a pass.
# A notebook whose cells differ from the last commit (a student's saved answers) is refused first.
test: $(INSTALLED)
	@if [ -z "$(ALLOW_EDITED)" ]; then $(BIN)/python scripts/edited_notebooks.py || exit 1; fi
	@$(BIN)/python -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then \
	  echo "make test: pytest collected no tests (exit code 5); check testpaths in pyproject.toml." >&2; \
	  exit 1; \
	fi; \
	exit $$status

# Nothing is re-run: the pages show the notebooks as last committed (a working copy's edits are ignored).
site: $(INSTALLED)
	$(BIN)/python scripts/build_site.py --out build/site

editions: $(INSTALLED)
	$(BIN)/python scripts/editions.py --out build

# Needs Chromium, like the browser tests (Debian: apt-get install chromium).
handouts: $(INSTALLED)
	$(BIN)/python scripts/handouts.py --out build/handouts

toc: $(INSTALLED)
	$(BIN)/python scripts/toc.py

# Never overwrites a copy you already have.
my-copy:
	@mkdir -p my-notebooks
	@for nb in notebooks/*.ipynb; do \
	  if [ -e "my-notebooks/$$(basename $$nb)" ]; then echo "kept my-notebooks/$$(basename $$nb)"; \
	  else cp "$$nb" my-notebooks/ && echo "copied $$nb to my-notebooks/"; fi; \
	done

# Needs Chromium (Debian: apt-get install chromium); without it the tests skip and say why.
browser-test: $(INSTALLED)
	$(BIN)/python -m pytest tests/browser $(PYTEST_ARGS)

bench: $(INSTALLED)
	@set -e; for script in benchmarks/*.py; do \
	  echo "== $$script"; \
	  $(BIN)/python "$$script"; \
	done

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 10))' || { \
	  echo "This project needs Python 3.10 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1)." >&2; \
	  echo "Name a newer one, e.g. 'make $(or $(MAKECMDGOALS),test) PYTHON=python3.12'." >&2; \
	  exit 1; }
	@echo "Creating $(VENV) with $$($(PYTHON) --version 2>&1) ..."
	@$(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create $(VENV). On Debian/Ubuntu install the venv module: apt install python3-venv" >&2; \
	  rm -rf $(VENV); exit 1; }

$(INSTALLED): requirements.txt pyproject.toml | $(BIN)/python
	@echo "Installing requirements.txt into $(VENV) ..."
	$(BIN)/python -m pip install -r requirements.txt
	@touch $@

clean:
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +
	rm -rf .pytest_cache .hypothesis build *.egg-info notebooks/.ipynb_checkpoints

distclean: clean
	rm -rf $(VENV)
