"""An automated accessibility audit (axe-core) of the website and the Voilà dashboard.

axe-core is the engine bundled with the ``axe-playwright-python`` package (no
CDN); it runs inside Chromium on each page: the site's home page, every
notebook page, and the comparison notebook served by Voilà. The rules are
those of WCAG 2.0/2.1 levels A and AA; a page passes when axe finds no
violation of impact "serious" or "critical". The counts of every impact are
printed (``-s``), so a run also reports the minor and moderate findings.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

ROOT = Path(__file__).resolve().parents[2]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
BLOCKING = {"serious", "critical"}


def _pages() -> list[str]:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import toc
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return ["index.html", *(entry.html for entry in toc.load_toc().entries)]


def audit(page, where: str) -> list[str]:
    """Run axe on ``page``; print the counts per impact and return the blocking violations."""
    response = Axe().run(page, options=AXE_OPTIONS).response
    counts = Counter()
    blocking = []
    for violation in response["violations"]:
        counts[violation["impact"]] += len(violation["nodes"])
        if violation["impact"] in BLOCKING:
            for node in violation["nodes"][:5]:
                blocking.append(
                    f"{violation['id']} ({violation['impact']}) at {node['target']}: {node.get('failureSummary', '')}"
                )
    print(f"axe {where}: {dict(counts) or 'no violations'}")
    return blocking


@pytest.mark.parametrize("name", _pages())
def test_site_page_has_no_serious_accessibility_violation(site_server, offline_page, name):
    offline_page.goto(site_server.url(f"/{name}"))
    offline_page.wait_for_function("document.documentElement.classList.contains('site-ready')")
    assert audit(offline_page, name) == []


def test_voila_dashboard_has_no_serious_accessibility_violation(voila, offline_page):
    page = offline_page
    page.goto(voila.url("/"))
    # Voilà runs the notebook, then draws the widgets: wait for the theme filter's list.
    page.locator(".widget-select-multiple").first.wait_for(state="visible", timeout=300_000)
    page.wait_for_load_state("networkidle")
    assert audit(page, "voila") == []
