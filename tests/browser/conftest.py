"""Fixtures for the real-browser tests: Chromium with a CJK font, and the servers it talks to.

Chromium is Debian's (``/usr/bin/chromium``, installed by ``.ci/run``), driven
by Playwright; Playwright's own browser download is never used. Without a
Chromium the tests skip with the reason printed, except where a switch asks
for them (``CI`` set, or ``REQUIRE_BROWSER=1``): there a missing Chromium is a
failure.

Chromium finds fonts through fontconfig, and a bare machine has no Chinese
font: the fixture ``cjk_font_env`` links the Noto Sans CJK font that the
``noto-cjk-sans-otc`` package already installs into a private fonts folder
(``$XDG_DATA_HOME/fonts``), so the browser draws Chinese without any extra
download.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import noto_cjk_sans_otc
import pytest

from . import servers

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
SCREENSHOTS = ROOT / "build" / "screenshots"
#: Where Chromium is looked for when CHROMIUM is not set (Debian's package first).
CHROMIUM_CANDIDATES = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "chromium",
    "chromium-browser",
    "google-chrome",
)
#: Launch flags besides --headless: as root in a container, and no calls home (there is no internet here).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
#: Requests that are refused like every other external one, but do not fail the test:
#: Voilà's "lab" template links Font Awesome's stylesheets on a CDN although Voilà's
#: own bundle already carries Font Awesome, so the page looks the same without them.
HARMLESS_EXTERNAL = {
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@%5E5/css/all.min.css",
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@%5E5/css/v4-shims.min.css",
}


def browser_required() -> bool:
    """True when a missing Chromium must fail the run (CI, or REQUIRE_BROWSER=1)."""
    flags = (os.environ.get("CI", ""), os.environ.get("REQUIRE_BROWSER", ""))
    return any(flag.strip().lower() not in ("", "0", "false", "no") for flag in flags)


def find_chromium() -> str | None:
    """The Chromium executable: $CHROMIUM if set, else the first candidate found."""
    for candidate in [os.environ.get("CHROMIUM", ""), *CHROMIUM_CANDIDATES]:
        found = candidate and shutil.which(candidate)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    path = find_chromium()
    if path is None:
        reason = (
            "no Chromium found (looked for $CHROMIUM, " + ", ".join(CHROMIUM_CANDIDATES) + "); "
            "install Debian's with `apt-get install chromium`, or set CHROMIUM=/path/to/chrome"
        )
        if browser_required():
            pytest.fail(reason + " -- required here because CI or REQUIRE_BROWSER is set")
        print(f"\nbrowser tests skipped: {reason}")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def cjk_font_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment for Chromium, with the packaged Noto Sans CJK font visible to fontconfig."""
    home = tmp_path_factory.mktemp("browser-home")
    fonts = home / "data" / "fonts"
    fonts.mkdir(parents=True)
    (fonts / noto_cjk_sans_otc.FONT_FILE).symlink_to(Path(str(noto_cjk_sans_otc.FONT_PATH)))
    env = dict(os.environ)
    env.update(
        XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"), XDG_CONFIG_HOME=str(home / "config")
    )
    # Without fc-cache, fontconfig scans the folder itself (more slowly): the cache is only a speed-up.
    if shutil.which("fc-cache"):
        subprocess.run(["fc-cache", str(fonts)], env=env, check=True, capture_output=True)
    return env


@pytest.fixture(scope="session")
def browser_type_launch_args(chromium_executable, cjk_font_env) -> dict:
    """pytest-playwright's launch options: the system Chromium, headless, no network chatter.

    Playwright gives each launched browser a new, empty profile (--user-data-dir) of its own.
    """
    return {"executable_path": chromium_executable, "headless": True, "args": CHROMIUM_ARGS, "env": cjk_font_env}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args) -> dict:
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}, "locale": "en-GB"}


@pytest.fixture
def offline_page(page):
    """A page that may only talk to this machine: any other request is refused and fails the test.

    Also fails on a local request that goes wrong (404 …), which would mean a
    file the page needs is missing.
    """
    external: list[str] = []
    failed: list[str] = []

    def only_local(route):
        parts = urlsplit(route.request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS:
            if route.request.url not in HARMLESS_EXTERNAL:
                external.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", only_local)
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    page.set_default_timeout(120_000)
    yield page
    assert external == [], f"the page tried to reach the internet: {external}"
    assert failed == [], f"requests that failed: {failed}"


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """build/screenshots/ (ignored by git), where each test leaves a picture of what it saw."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture(scope="session")
def notebook_copy(tmp_path_factory) -> Path:
    """A copy of notebooks/: JupyterLab saves what it runs, and must not overwrite the stored outputs."""
    copy = tmp_path_factory.mktemp("notebooks")
    for notebook in NOTEBOOKS.glob("*.ipynb"):
        shutil.copy2(notebook, copy / notebook.name)
    return copy


def _start_jupyter(name, arguments, tmp_path_factory, cwd) -> servers.Server:
    home = tmp_path_factory.mktemp(f"{name}-home")
    port, token = servers.free_port(), secrets.token_hex(24)
    command = [sys.executable, "-m", *arguments(port, token)]
    return servers.start(name, command, port=port, token=token, log_dir=home, env=servers.jupyter_env(home), cwd=cwd)


def _stop(server: servers.Server) -> None:
    left = server.stop()
    assert not left, f"{server.name}: processes still running after stop: {sorted(left)}"


@pytest.fixture(scope="session")
def jupyterlab(chromium_executable, notebook_copy, tmp_path_factory):
    """JupyterLab on 127.0.0.1, serving the copy of notebooks/, its app object exposed to tests."""

    def arguments(port, token):
        return [
            "jupyterlab",
            "--no-browser",
            "--allow-root",  # CI runs as root
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={notebook_copy}",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",  # the default one searches PyPI
        ]

    server = _start_jupyter("jupyterlab", arguments, tmp_path_factory, notebook_copy)
    try:
        server.wait_until_ready("/api/status")
        yield server
    finally:
        _stop(server)


@pytest.fixture(scope="session")
def voila(chromium_executable, notebook_copy, tmp_path_factory):
    """Voilà serving the comparison notebook as a dashboard (code hidden) on 127.0.0.1."""
    notebook = notebook_copy / "07_comparing_the_articles.ipynb"

    def arguments(port, token):
        return [
            "voila",
            str(notebook),
            "--no-browser",
            "--Voila.ip=127.0.0.1",
            f"--port={port}",
            f"--token={token}",
            "--strip_sources=True",
            "--show_tracebacks=True",
        ]

    server = _start_jupyter("voila", arguments, tmp_path_factory, notebook_copy)
    try:
        server.wait_until_ready("/voila/static/voila.js")  # asking for "/" would run the notebook
        yield server
    finally:
        _stop(server)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The static site, built by scripts/build_site.py into a temporary folder."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_site
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    out = tmp_path_factory.mktemp("site") / "site"
    build_site.build_site(out)
    return out


@pytest.fixture(scope="session")
def site_server(chromium_executable, built_site, tmp_path_factory):
    """``python -m http.server`` serving the built site on 127.0.0.1."""
    port = servers.free_port()
    command = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(built_site)]
    log_dir = tmp_path_factory.mktemp("http-server")
    server = servers.start(
        "http.server", command, port=port, token="", log_dir=log_dir, env=dict(os.environ), cwd=built_site
    )
    try:
        server.wait_until_ready("/index.html")
        yield server
    finally:
        _stop(server)


def pytest_collection_modifyitems(items):
    """Mark every test in this folder ``browser``, so that ``-m "not browser"`` leaves them out."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)
