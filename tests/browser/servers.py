"""Start JupyterLab, Voilà or a static file server for the browser tests, and stop them for good.

Each server runs in a process group of its own, listens on 127.0.0.1 on a
free port, and (JupyterLab and Voilà) asks for a random token. Stopping it
sends SIGTERM to the group, waits, then SIGKILLs whatever is left, kernels
included: a kernel started by the server sits in a process group of its own,
so the server's descendants are looked up and stopped too.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

#: How long a server may take to answer its first request. A guard against a
#: hang (a server that never comes up fails the test), not a speed requirement.
STARTUP_LIMIT = 180.0
#: How long a server gets to shut its kernels down after SIGTERM before SIGKILL.
SHUTDOWN_GRACE = 15.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _alive(pid: int) -> bool:
    """True when ``pid`` runs (a zombie, already dead but not yet reaped, is not alive)."""
    stat = Path(f"/proc/{pid}/stat")
    if stat.parent.parent.joinpath("self").exists():
        try:
            # The state letter follows the command name, which is in parentheses.
            return stat.read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
        except (FileNotFoundError, ProcessLookupError, IndexError):
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _parents() -> dict[int, int]:
    """pid -> parent pid of every process on the machine (Linux /proc, else ``ps``)."""
    table: dict[int, int] = {}
    proc = Path("/proc")
    if proc.joinpath("self").exists():
        for entry in proc.iterdir():
            if entry.name.isdigit():
                try:
                    fields = entry.joinpath("stat").read_text().rsplit(")", 1)[1].split()
                except (FileNotFoundError, ProcessLookupError, IndexError):
                    continue
                table[int(entry.name)] = int(fields[1])
        return table
    listing = subprocess.run(["ps", "-A", "-o", "pid=,ppid="], capture_output=True, text=True, check=True).stdout
    for line in listing.splitlines():
        pid, ppid = line.split()
        table[int(pid)] = int(ppid)
    return table


def descendants(pid: int) -> set[int]:
    """The pids of every process started, directly or not, by ``pid``."""
    children: dict[int, list[int]] = {}
    for child, parent in _parents().items():
        children.setdefault(parent, []).append(child)
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


@dataclass
class Server:
    """A server process started by :func:`start`: its address, token, log and every pid seen."""

    name: str
    process: subprocess.Popen
    port: int
    token: str
    log_path: Path
    seen_pids: set[int] = field(default_factory=set)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        """The address of ``path`` on this server, with the token when there is one."""
        if not self.token:
            return self.base_url + path
        joiner = "&" if "?" in path else "?"
        return f"{self.base_url}{path}{joiner}token={self.token}"

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def remember_processes(self) -> set[int]:
        """Note the server's current descendants (kernels…), so that :meth:`stop` ends them too."""
        self.seen_pids |= descendants(self.process.pid)
        return self.seen_pids

    def get_json(self, path: str) -> object:
        with urllib.request.urlopen(self.url(path), timeout=10) as response:
            return json.load(response)

    def wait_until_ready(self, path: str) -> None:
        """Poll ``path`` until it answers 200; fail with the server's log if it dies or never answers."""
        deadline = time.monotonic() + STARTUP_LIMIT
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with code {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url(path), timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{self.name} did not answer {path} within {STARTUP_LIMIT:.0f} s:\n{self.log()}")
            time.sleep(0.25)

    def stop(self) -> set[int]:
        """End the server and everything it started; return the pids still alive (should be none)."""
        self.remember_processes()
        group = self.process.pid  # the server leads its own process group
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(group, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=SHUTDOWN_GRACE)
        for pid in [group, *self.seen_pids]:
            if _alive(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(group, signal.SIGKILL)
        self.process.wait()
        deadline = time.monotonic() + SHUTDOWN_GRACE
        while any(_alive(pid) for pid in self.seen_pids) and time.monotonic() < deadline:
            time.sleep(0.1)
        return {pid for pid in self.seen_pids | {group} if _alive(pid)}


def start(
    name: str, command: list[str], *, port: int, token: str, log_dir: Path, env: dict[str, str], cwd: Path
) -> Server:
    """Start ``command`` in a new process group, its output going to ``log_dir/name.log``."""
    log_path = log_dir / f"{name}.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    return Server(name, process, port, token, log_path)


def jupyter_env(home: Path) -> dict[str, str]:
    """The environment for a Jupyter server: this Python first on PATH, config kept out of the user's home."""
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    for variable, folder in [
        ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("IPYTHONDIR", "ipython"),
    ]:
        env[variable] = str(home / folder)
        (home / folder).mkdir(parents=True, exist_ok=True)
    # JupyterLab asks, in a pop-up, whether to fetch news from the internet: don't ask.
    labconfig = home / "config" / "labconfig"
    labconfig.mkdir(parents=True, exist_ok=True)
    disabled = {"@jupyterlab/apputils-extension:announcements": True}
    (labconfig / "page_config.json").write_text(json.dumps({"disabledExtensions": disabled}), encoding="utf-8")
    return env
