# The two commands of the README, and a few more for developers.
#
#   make lab     set up .venv (first time only) and open the first notebook in JupyterLab
#   make test    set up .venv (first time only) and run every test, doctest and notebook
#   make site    build the static website into build/site/ from the notebooks' saved outputs
#   make browser-test  only the real-browser tests (JupyterLab, Voila, the site in Chromium)
#   make bench   run every benchmark in benchmarks/
#   make clean   remove caches and build leftovers (keeps .venv)
#   make distclean   also remove .venv
#
# Only Python 3.10+ and make are needed: the packages are installed into .venv,
# again only when requirements.txt or pyproject.toml has changed since.
# Variables: PYTHON=python3.12 (the Python that creates .venv),
# PYTEST_ARGS="-x tests/test_seeds.py", LAB_ARGS="--no-browser".

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Touched after a successful install; older than requirements.txt or pyproject.toml means "install again".
INSTALLED := $(VENV)/.requirements-installed
FIRST_NOTEBOOK := notebooks/00_start_here.ipynb

.PHONY: lab test site browser-test bench clean distclean

lab: $(INSTALLED)
	$(BIN)/jupyter lab --ServerApp.root_dir=. $(LAB_ARGS) $(wildcard $(FIRST_NOTEBOOK))

# pytest exits with 5 when it collected no test at all; that is a broken set-up, not a pass.
test: $(INSTALLED)
	@$(BIN)/python -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then \
	  echo "make test: pytest collected no tests (exit code 5); check testpaths in pyproject.toml." >&2; \
	  exit 1; \
	fi; \
	exit $$status

# Nothing is re-run: the pages show the outputs and widget state saved in the notebooks.
site: $(INSTALLED)
	$(BIN)/python scripts/build_site.py --out build/site

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
