"""The notebooks need no network, and give the same outputs every time they run.

Each notebook, in reading order, is executed twice (the two runs side by side,
one kernel each) with a network guard in the kernels: tests/network_guard.py,
copied as sitecustomize.py into a folder first on the kernels' PYTHONPATH,
refuses any connection or name lookup for an address that is not this
machine's loopback, and logs the attempt. A notebook passes when both runs finish without an error, nothing was
refused (even an attempt the notebook caught), and the two runs' outputs are
identical after the same clean-up nbval does before comparing (streams merged,
its sanitize patterns applied, model ids and images left out).
"""

from __future__ import annotations

import asyncio
import os
import re
import shlex
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbval.plugin import coalesce_streams, get_sanitize_patterns

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
GUARD = Path(__file__).resolve().parent / "network_guard.py"
#: What is compared of each output, as nbval compares it (it leaves out images and widget model ids).
COMPARED = ("text/plain", "text/html")
#: A guard against a cell that hangs, as nbval has one; not a speed requirement.
CELL_HANG_LIMIT = 1800
#: A documentation address (TEST-NET-1, RFC 5737): never routed, and only tried once the guard is known to be there.
UNREACHABLE = "192.0.2.1"


def sequence() -> list[Path]:
    """The notebooks in reading order."""
    return sorted(p for p in NOTEBOOKS.glob("*.ipynb") if re.match(r"\d\d_", p.name))


def nbval_sanitize_patterns() -> dict[str, str]:
    """The patterns nbval applies before comparing: those of --nbval-sanitize-with in pyproject.toml, if any."""
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    words = [w for option in options.get("addopts", []) for w in shlex.split(option)]
    patterns: dict[str, str] = {}
    for position, word in enumerate(words):
        if word.startswith("--nbval-sanitize-with"):
            name = word.split("=", 1)[1] if "=" in word else words[position + 1]
            patterns.update(get_sanitize_patterns((ROOT / name).read_text(encoding="utf-8")))
    return patterns


def comparable(nb: nbformat.NotebookNode, patterns: dict[str, str]) -> list[tuple]:
    """Each code cell's outputs as nbval compares them: (cell, kind, text) rows."""

    def clean(text: str) -> str:
        for pattern, replacement in patterns.items():
            text = re.sub(pattern, replacement, text)
        return text

    rows = []
    for number, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for output in coalesce_streams([nbformat.from_dict(dict(o)) for o in cell.outputs]):
            if output.output_type == "stream":
                rows.append((number, output.name, clean(output.text)))
            elif output.output_type == "error":
                rows.append((number, "error", f"{output.ename}: {output.evalue}"))
            else:
                for kind in COMPARED:
                    if kind in output.get("data", {}):
                        rows.append((number, kind, clean(output.data[kind])))
    return rows


def guarded_env(log: Path) -> dict[str, str]:
    """The kernel's environment: the network guard as ``sitecustomize`` first on PYTHONPATH, logging to ``log``."""
    folder = log.parent / "network-guard"
    folder.mkdir(exist_ok=True)
    shutil.copyfile(GUARD, folder / "sitecustomize.py")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(folder), *filter(None, [env.get("PYTHONPATH")])])
    env["NETWORK_GUARD_LOG"] = str(log)
    return env


def execute(nb: nbformat.NotebookNode, cwd: Path, env: dict[str, str]) -> nbformat.NotebookNode:
    """Run every cell of ``nb`` in a new kernel started with ``env``; raise on the first error."""
    client = NotebookClient(
        nb, timeout=CELL_HANG_LIMIT, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    )
    # A thread of its own, with an event loop of its own that asyncio.run closes
    # afterwards: the test's thread may already run one (Playwright's, in a full run).
    with ThreadPoolExecutor(max_workers=1) as runner:
        runner.submit(asyncio.run, client.async_execute(env=env)).result()
    return nb


def test_the_guard_refuses_the_internet_and_allows_loopback(tmp_path):
    log = tmp_path / "refused.log"
    check = nbformat.v4.new_notebook()
    check.cells = [
        nbformat.v4.new_code_cell("import socket\nassert socket.NETWORK_GUARD  # the guard is in place: safe to try"),
        nbformat.v4.new_code_cell(
            "from sitecustomize import NetworkBlocked\n"
            "refused = []\n"
            f"for attempt in (lambda: socket.socket().connect(('{UNREACHABLE}', 80)),\n"
            f"                lambda: socket.create_connection(('{UNREACHABLE}', 80), timeout=1),\n"
            "                lambda: socket.getaddrinfo('pypi.org', 443)):\n"
            "    try:\n"
            "        attempt()\n"
            "    except NetworkBlocked:\n"
            "        refused.append(True)\n"
            "print(len(refused))"
        ),
        nbformat.v4.new_code_cell(
            "server = socket.socket(); server.bind(('127.0.0.1', 0)); server.listen()\n"
            "client = socket.create_connection(server.getsockname()); client.close(); server.close()\n"
            "print('loopback ok')"
        ),
    ]
    execute(check, tmp_path, guarded_env(log))
    assert check.cells[1].outputs[0].text == "3\n"
    assert check.cells[2].outputs[0].text == "loopback ok\n"
    refused = log.read_text(encoding="utf-8").splitlines()
    assert [line.split()[0] for line in refused] == ["connect", "getaddrinfo", "getaddrinfo"]


def test_there_is_a_sequence_to_run():
    assert len(sequence()) >= 2 and sequence()[0].name.startswith("00_")


@pytest.mark.parametrize("notebook", sequence(), ids=lambda p: p.stem)
def test_notebook_runs_offline_and_gives_the_same_outputs_twice(tmp_path, notebook):
    logs = [tmp_path / "first.log", tmp_path / "second.log"]
    copies = [nbformat.read(notebook, as_version=4) for _ in logs]
    for copy in copies:  # fails the run at once if the kernel started without the guard
        copy.cells.insert(0, nbformat.v4.new_code_cell("import socket\nassert socket.NETWORK_GUARD"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(lambda pair: execute(pair[0], NOTEBOOKS, guarded_env(pair[1])), zip(copies, logs)))
    refused = [line for log in logs if log.exists() for line in log.read_text(encoding="utf-8").splitlines()]
    assert refused == [], f"{notebook.name} tried to use the network: {refused}"
    patterns = nbval_sanitize_patterns()
    first, second = (comparable(run, patterns) for run in runs)
    assert first, f"{notebook.name} produced no output to compare"
    differing = [(a, b) for a, b in zip(first, second) if a != b]
    assert len(first) == len(second) and not differing, f"{notebook.name}: outputs differ between runs: {differing[:3]}"
