"""Running queries where they can be abandoned: a small pool of worker processes, each
holding a read-only handle on the store, with a time limit per query.

Measured here: pyoxigraph has no query time-out and ignores SIGALRM, so the only way to
stop a runaway query is to kill the process running it. A query that overruns its limit
gets its worker killed and replaced; other queries keep being answered by the other
workers meanwhile.

Workers read a checkpoint of the embedded store (pyoxigraph ``backup``: hard links, about
2 ms), not the live directory: seen here, a read-only handle on the live store fails with
"Corruption: … No such file" once the writer compacts away files it was reading. After
every write the server takes a new checkpoint and the workers move to it with their next
query; the two newest checkpoints are kept.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Callable


class QueryTimeout(Exception):
    pass


class QueryFailed(Exception):
    """The engine rejected the query; ``syntax`` tells a parse error from others."""

    def __init__(self, message: str, syntax: bool = False):
        super().__init__(message)
        self.syntax = syntax


class ExecutorBusy(Exception):
    pass


@dataclass
class QueryJob:
    query: str
    fmt: str                                  # json, xml, csv, tsv, turtle, ntriples, rdfxml, json-ld, trig
    default_graph: list[str] | None = None
    named_graphs: list[str] | None = None
    substitutions: dict[str, tuple[str, str]] = field(default_factory=dict)  # var -> (kind, value)
    limit: int | None = None
    base_iri: str | None = None
    location: str = ""                        # set by the executor: the store (or checkpoint) to read


@dataclass
class QueryAnswer:
    kind: str          # select, ask, graph
    body: bytes
    truncated: bool
    count: int
    seconds: float


def execute(store, job: QueryJob) -> QueryAnswer:
    """Run one job against a store handle and serialize its answer."""
    from ..queries import make_term
    from .results import format_result, run_query

    started = time.perf_counter()
    subs = {k: make_term(*v) for k, v in job.substitutions.items()}
    r = run_query(store, job.query, substitutions=subs, limit=job.limit, default_graph=job.default_graph,
                  named_graphs=job.named_graphs, base_iri=job.base_iri)
    body = format_result(r, job.fmt)
    count = len(r.rows) if r.rows is not None else len(r.triples) if r.triples is not None else 1
    return QueryAnswer(r.kind, body, r.truncated, count, time.perf_counter() - started)


def _worker_main(conn) -> None:
    from .store import open_store

    store, opened = None, None
    while True:
        try:
            job = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if job is None:
            return
        try:
            if store is None or opened != job.location:
                store, opened = None, None
                store = open_store(job.location, read_only=True)
                opened = job.location
            conn.send(("ok", execute(store, job)))
        except SyntaxError as exc:
            conn.send(("syntax", str(exc).splitlines()[0] if str(exc) else "syntax error"))
        except Exception as exc:  # the engine's own errors: report, keep serving
            conn.send(("error", f"{exc.__class__.__name__}: {exc}"))


class _Worker:
    def __init__(self, ctx):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child,), daemon=True, name="policykg-query-worker")
        self.proc.start()
        child.close()

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        finally:
            self.conn.close()


class QueryExecutor:
    """A pool of ``workers`` query processes over the store at ``location``. ``snapshot``,
    when given, makes a read-only copy for generation N and returns its location."""

    def __init__(self, location: str, *, workers: int | None = None, timeout: float = 10.0,
                 snapshot: Callable[[int], str] | None = None):
        self.location = location
        self.timeout = timeout
        self.size = workers or max(2, min(4, os.cpu_count() or 2))
        self._ctx = mp.get_context("spawn")
        self._snapshot = snapshot
        self._generation = 0
        self._current = snapshot(0) if snapshot else location
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(self.size):
            self._add_worker()

    def _add_worker(self) -> None:
        w = _Worker(self._ctx)
        with self._lock:
            if self._closed:
                w.kill()
                return
            self._all.add(w)
        self._idle.put(w)

    @property
    def generation(self) -> int:
        """How many times the store changed since the pool started."""
        return self._generation

    def invalidate(self) -> None:
        """The store changed: the next queries read a fresh checkpoint (or reopen the store)."""
        with self._lock:
            self._generation += 1
            self._current = self._snapshot(self._generation) if self._snapshot else self.location

    def run(self, job: QueryJob) -> QueryAnswer:
        deadline = time.monotonic() + self.timeout
        job.location = self._current
        try:
            w = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise ExecutorBusy(f"all {self.size} query workers stayed busy for {self.timeout:g} s") from None
        try:
            w.conn.send(job)
            remaining = max(0.0, deadline - time.monotonic())
            if not w.conn.poll(remaining):
                self._replace(w)
                w = None
                raise QueryTimeout(f"the query ran longer than the limit of {self.timeout:g} s and was stopped")
            status, payload = w.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            if w is not None:
                self._replace(w)
                w = None
            raise QueryFailed("the query worker died while running the query") from None
        finally:
            if w is not None:
                self._idle.put(w)
        if status == "ok":
            return payload
        raise QueryFailed(payload, syntax=status == "syntax")

    def _replace(self, w: _Worker) -> None:
        with self._lock:
            self._all.discard(w)
        threading.Thread(target=lambda: (w.kill(), self._add_worker()), daemon=True).start()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._snapshot = None  # it holds the store handle: let it go
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            try:
                w.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
            w.kill()
