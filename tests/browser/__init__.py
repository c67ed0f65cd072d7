"""Real-browser tests: JupyterLab, Voilà and the static site in Debian's Chromium (see conftest.py)."""
