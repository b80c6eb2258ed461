"""Shared fixtures: paths to the bundled and shared material, stores, and a CLI runner."""
from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SAMPLE = CORPUS / "zibo-2018-glossary.txt"
SHARED = ROOT.parent / "shared"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared (evaluation material and score.py) is not beside this checkout")
    return SHARED


@pytest.fixture
def store_dir(tmp_path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_dir):
    from policykg.graph.store import open_store

    s = open_store(str(store_dir))
    yield s
    s.close()


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def run_cli(*args: str) -> CliResult:
    """Run the policykg command line in this process, capturing what it prints."""
    from policykg.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    old = sys.stdout, sys.stderr
    w_out = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    w_err = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    sys.stdout, sys.stderr = w_out, w_err
    try:
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
        w_out.flush()
        w_err.flush()
    finally:
        sys.stdout, sys.stderr = old
        w_out.detach()
        w_err.detach()
    return CliResult(code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


SAMPLE_TOKEN = "sample-token-for-tests"


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """A store holding the bundled sample corpus, ingested once per test session."""
    from policykg.graph.ingest import ingest_files
    from policykg.graph.store import open_store

    path = tmp_path_factory.mktemp("sample") / "store"
    store = open_store(str(path))
    report = ingest_files(store, [SAMPLE])
    assert not report.failures, report.failures
    store.close()
    del store
    import gc

    gc.collect()
    return path


@pytest.fixture(scope="session")
def sample_server(sample_store):
    """`policykg serve` over the sample corpus on 127.0.0.1, writes enabled by a token,
    a 3-second query limit and a 500-row cap."""
    from .servers import policykg_server

    with policykg_server(sample_store, token=SAMPLE_TOKEN, timeout=3, max_rows=500) as base:
        yield base


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: run `make test` (it installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--no-first-run", "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    pg = context.new_page()
    pg.requests_seen = []
    pg.on("request", lambda r: pg.requests_seen.append(r.url))
    pg.console_errors = []
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    yield pg
    context.close()
