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

A worker copies a checkpoint of up to ``memory_quads`` quads (default 1,000,000,
``$POLICYKG_MEMORY_QUADS``; 0 turns it off) into an in-memory pyoxigraph store and answers
from that: measured on the 100 k sample graph, the catalogue queries run 2-4.5x faster
than on the RocksDB files (index lookups are ~6 us each on disk). Copying takes about 6-8 us
and 0.45 KB per quad (2 M quads: 15 s, 0.9 GB per worker); it happens when a worker starts
or the store changed, outside any query's time limit, and queries wait for it (at most
``load_timeout`` seconds).
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Callable


DEFAULT_MEMORY_QUADS = 1_000_000


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


def open_for_queries(location: str, memory_quads: int):
    """A read-only handle on ``location``: an in-memory copy of an embedded store of at most
    ``memory_quads`` quads, else the store itself."""
    from .embedded import EmbeddedStore
    from .store import open_store

    store = open_store(location, read_only=True)
    if memory_quads and isinstance(store, EmbeddedStore) and len(store.raw) <= memory_quads:
        return EmbeddedStore.copy_in_memory(store)
    return store


def _worker_main(conn, memory_quads: int) -> None:
    store = None
    while True:
        try:
            msg = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if msg is None:
            return
        if msg[0] == "load":  # ("load", location); else ("job", *fields of a QueryJob)
            try:
                store = None  # let the old copy go before making the new one
                store = open_for_queries(msg[1], memory_quads)
                conn.send(("loaded", msg[1]))
            except Exception as exc:
                conn.send(("error", f"{exc.__class__.__name__}: {exc}"))
            continue
        job = QueryJob(*msg[1:])
        try:
            a = execute(store, job)
            conn.send(("ok", (a.kind, a.body, a.truncated, a.count, a.seconds)))
        except SyntaxError as exc:
            conn.send(("syntax", str(exc).splitlines()[0] if str(exc) else "syntax error"))
        except Exception as exc:  # the engine's own errors: report, keep serving
            conn.send(("error", f"{exc.__class__.__name__}: {exc}"))


class _Worker:
    def __init__(self, ctx, memory_quads: int):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, memory_quads), daemon=True,
                                name="policykg-query-worker")
        self.proc.start()
        child.close()
        self.location: str | None = None  # what the worker holds, or is loading
        self.loading = False

    def load(self, location: str) -> None:
        self.conn.send(("load", location))
        self.location, self.loading = location, True

    def wait_loaded(self, seconds: float) -> None:
        if not self.loading:
            return
        if not self.conn.poll(seconds):
            raise ExecutorBusy(f"a query worker took longer than {seconds:g} s to open the store")
        status, payload = self.conn.recv()
        self.loading = False
        if status != "loaded":
            self.location = None
            raise QueryFailed(f"the query worker could not open the store: {payload}")

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
                 snapshot: Callable[[int], str] | None = None, memory_quads: int | None = None,
                 load_timeout: float = 600.0):
        self.location = location
        self.timeout = timeout
        self.load_timeout = load_timeout
        self.memory_quads = memory_quads if memory_quads is not None else int(
            os.environ.get("POLICYKG_MEMORY_QUADS", DEFAULT_MEMORY_QUADS))
        # two per core, at least 2 and at most 8: with 2 cores, 4 workers kept the 8-client throughput
        # of a small query at 1,520-1,890/s against 1,390-1,580/s with 2 (bench/query.py, wrk)
        self.size = workers or max(2, min(8, 2 * (os.cpu_count() or 1)))
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
        w = _Worker(self._ctx, self.memory_quads)
        with self._lock:
            if self._closed:
                w.kill()
                return
            self._all.add(w)
            w.load(self._current)  # open (or copy) the store now, before any query needs it
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
        current = self._current
        try:
            w = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise ExecutorBusy(f"all {self.size} query workers stayed busy for {self.timeout:g} s") from None
        try:
            while w.loading or w.location != current:   # opening the store is not the query's time
                if not w.loading:
                    w.load(current)
                w.wait_loaded(self.load_timeout)
            deadline = time.monotonic() + self.timeout
            w.conn.send(("job", job.query, job.fmt, job.default_graph, job.named_graphs, job.substitutions,
                         job.limit, job.base_iri))   # tuples pickle several times faster than dataclasses
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
        except ExecutorBusy:  # a worker stuck opening the store: replace it
            self._replace(w)
            w = None
            raise
        finally:
            if w is not None:
                self._idle.put(w)
        if status == "ok":
            return QueryAnswer(*payload)
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
