"""Running queries where they can be abandoned: a small pool of worker processes, each
holding a read-only handle on the store, with a time limit per query.

Measured here: pyoxigraph has no query time-out and ignores SIGALRM, so the only way to
stop a runaway query is to kill the process running it. A query that overruns its limit
gets its worker killed and replaced; other queries keep being answered by the other
workers meanwhile. Workers reopen their handle when the store's generation changes (after
a write), since a read-only handle only sees what was flushed before it opened.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue
import threading
import time
from dataclasses import dataclass, field


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


def _term(kind: str, value: str):
    import pyoxigraph as ox

    if kind == "iri":
        return ox.NamedNode(value)
    if kind == "integer":
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(value)


def execute(store, job: QueryJob) -> QueryAnswer:
    """Run one job against a store handle and serialize its answer."""
    import pyoxigraph as ox

    from .results import Result, format_result

    started = time.perf_counter()
    subs = {ox.Variable(k): _term(*v) for k, v in job.substitutions.items()} or None
    answer = store.query(job.query, substitutions=subs, default_graph=job.default_graph,
                         named_graphs=job.named_graphs, base_iri=job.base_iri)
    if isinstance(answer, ox.QueryBoolean):
        r = Result("ask", boolean=bool(answer))
    elif isinstance(answer, ox.QuerySolutions):
        names = [v.value for v in answer.variables]
        rows, truncated = [], False
        for sol in answer:
            if job.limit is not None and len(rows) >= job.limit:
                truncated = True
                break
            rows.append([sol[n] for n in names])
        r = Result("select", variables=names, rows=rows, truncated=truncated)
    else:
        triples, truncated = [], False
        for t in answer:
            if job.limit is not None and len(triples) >= job.limit:
                truncated = True
                break
            triples.append(t)
        r = Result("graph", triples=triples, truncated=truncated)
    body = format_result(r, job.fmt)
    count = len(r.rows) if r.rows is not None else len(r.triples) if r.triples is not None else 1
    return QueryAnswer(r.kind, body, r.truncated, count, time.perf_counter() - started)


def _worker_main(conn, location: str, generation) -> None:
    from .store import open_store

    store, seen = None, None
    while True:
        try:
            job = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if job is None:
            return
        try:
            if store is None or seen != generation.value:
                store, seen = None, generation.value
                store = open_store(location, read_only=True)
            conn.send(("ok", execute(store, job)))
        except SyntaxError as exc:
            conn.send(("syntax", str(exc).splitlines()[0] if str(exc) else "syntax error"))
        except Exception as exc:  # the engine's own errors: report, keep serving
            conn.send(("error", f"{exc.__class__.__name__}: {exc}"))


class _Worker:
    def __init__(self, ctx, location: str, generation):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, location, generation), daemon=True,
                                name="policykg-query-worker")
        self.proc.start()
        child.close()

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        finally:
            self.conn.close()


class QueryExecutor:
    """A pool of ``workers`` query processes over the store at ``location``."""

    def __init__(self, location: str, *, workers: int | None = None, timeout: float = 10.0):
        self.location = location
        self.timeout = timeout
        self.size = workers or max(2, min(4, os.cpu_count() or 2))
        self._ctx = mp.get_context("spawn")
        self._generation = self._ctx.Value("l", 0)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(self.size):
            self._add_worker()

    def _add_worker(self) -> None:
        w = _Worker(self._ctx, self.location, self._generation)
        with self._lock:
            if self._closed:
                w.kill()
                return
            self._all.add(w)
        self._idle.put(w)

    def invalidate(self) -> None:
        """The store changed: workers reopen their read-only handles before the next query."""
        with self._generation.get_lock():
            self._generation.value += 1

    def run(self, job: QueryJob) -> QueryAnswer:
        deadline = time.monotonic() + self.timeout
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
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            try:
                w.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
            w.kill()
