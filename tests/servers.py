"""Real servers for the tests: `policykg serve` (waitress) on a free 127.0.0.1 port, as a
user starts it, over a store prepared beforehand."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {proc.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status < 500:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not come up in {seconds} s")


@contextmanager
def policykg_server(store: Path, *, token: str | None = None, timeout: float | None = None,
                    max_rows: int | None = None, workers: int = 2):
    port = free_port()
    env = dict(os.environ)
    env.pop("POLICYKG_TOKEN", None)
    if token:
        env["POLICYKG_TOKEN"] = token
    if timeout is not None:
        env["POLICYKG_QUERY_TIMEOUT"] = str(timeout)
    if max_rows is not None:
        env["POLICYKG_MAX_ROWS"] = str(max_rows)
    env["POLICYKG_WORKERS"] = str(workers)
    proc = subprocess.Popen([sys.executable, "-m", "policykg.cli", "serve", "--store", str(store), "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/sparql", proc)
        yield base
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


@contextmanager
def oxigraph_server(location: Path):
    """A real Oxigraph server (the PyPI package `oxigraph`) on a free 127.0.0.1 port, with
    no settings of its own (policykg stores the union in the default graph); yields
    "QUERY_URL|UPDATE_URL"."""
    exe = Path(sys.executable).parent / "oxigraph"
    port = free_port()
    proc = subprocess.Popen([str(exe), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/query?query=ASK%7B%7D", proc)
        yield f"{base}/query|{base}/update"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(10)
        except ProcessLookupError:
            pass
