"""The Flask application factory: the only place that holds state (the store handle and
the query workers), kept in ``app.extensions["policykg"]``."""
from __future__ import annotations

import atexit
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask

from ..graph.executor import QueryExecutor
from ..graph.store import Store, open_store
from ..graph.views import ViewCache
from .answer_cache import AnswerCache


@dataclass
class Services:
    location: str
    store: Store             # the read-write handle: updates, Graph Store writes, pages
    executor: QueryExecutor  # read-only workers with a time limit: every SPARQL query
    token: str | None
    max_rows: int
    timeout: float
    views: ViewCache = field(default_factory=ViewCache)  # the dependency graph, per store version
    answers: AnswerCache = field(default_factory=AnswerCache)  # small answers, per store generation

    def dependency_graph(self):
        """The NetworkX dependency view, rebuilt when a document or an update changed the store."""
        return self.views.get(self.store, f"{self.store.version()}:{self.executor.generation}")


def create_app(location: str | None = None, *, token: str | None = None, timeout: float | None = None,
               max_rows: int | None = None, workers: int | None = None) -> Flask:
    """The policykg web app over the store at ``location`` (default: $POLICYKG_STORE or
    ./data/store). ``token`` (default $POLICYKG_TOKEN) enables writes for bearers of it."""
    location = location or os.environ.get("POLICYKG_STORE") or "./data/store"
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024 * 1024
    app.json.ensure_ascii = False
    store = open_store(location)
    timeout = timeout if timeout is not None else float(os.environ.get("POLICYKG_QUERY_TIMEOUT", "10"))
    workers = workers or (int(os.environ["POLICYKG_WORKERS"]) if os.environ.get("POLICYKG_WORKERS") else None)
    executor = QueryExecutor(location, workers=workers, timeout=timeout, snapshot=checkpointer(store, location))
    atexit.register(executor.close)
    app.extensions["policykg"] = Services(
        location=location, store=store, executor=executor,
        token=token if token is not None else (os.environ.get("POLICYKG_TOKEN") or None),
        max_rows=max_rows or int(os.environ.get("POLICYKG_MAX_ROWS", "10000")), timeout=timeout,
        answers=AnswerCache(entries=int(os.environ.get("POLICYKG_CACHE_ENTRIES", "512"))))

    from . import catalogue, pages, sparql

    app.register_blueprint(sparql.bp)
    app.wsgi_app = sparql.fast_get(app.wsgi_app, lambda: app.extensions["policykg"])
    app.register_blueprint(catalogue.bp)
    app.register_blueprint(pages.bp)
    return app


def checkpointer(store: Store, location: str):
    """For the embedded store: a function that writes checkpoint N beside the store (in
    ``<store>.readers/``) for the query workers and removes all but the two newest."""
    raw = getattr(store, "raw", None)
    if raw is None:
        return None
    root = Path(location).resolve().parent / (Path(location).name + ".readers")
    shutil.rmtree(root, ignore_errors=True)  # checkpoints of an earlier run
    root.mkdir(parents=True, exist_ok=True)

    def snapshot(n: int) -> str:
        raw.flush()
        target = root / f"{os.getpid()}-{n}"
        raw.backup(str(target))
        for old in root.iterdir():
            try:
                if int(old.name.rsplit("-", 1)[1]) < n - 1:
                    shutil.rmtree(old, ignore_errors=True)
            except (IndexError, ValueError):
                shutil.rmtree(old, ignore_errors=True)
        return str(target)

    return snapshot


def services() -> Services:
    from flask import current_app

    return current_app.extensions["policykg"]
