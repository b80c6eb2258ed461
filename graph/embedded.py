"""The embedded store: pyoxigraph (RocksDB) in a directory on disk. The default engine."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .store import DEFAULT_BASE, Store, StoreError, dataset_arguments


class EmbeddedStore(Store):
    """A pyoxigraph store in ``path``. ``read_only`` opens a secondary read-only handle
    that can sit beside a writing process (it sees what was flushed before it opened)."""

    def __init__(self, path: str | Path, *, read_only: bool = False, base: str = DEFAULT_BASE):
        self.path = Path(path)
        self.base = base
        self.read_only = read_only
        try:
            if read_only:
                if not (self.path / "CURRENT").exists():
                    raise StoreError(f"{self.path}: no store here (run `policykg ingest` first)")
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            reason = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
            if "lock" in reason.lower():
                reason = "another process holds the store open for writing (stop `policykg serve` or the other ingest)"
            raise StoreError(f"{self.path}: cannot open store: {reason}") from None

    @classmethod
    def copy_in_memory(cls, source: "EmbeddedStore") -> "EmbeddedStore":
        """A read-only in-memory copy of ``source`` (for query workers: faster lookups)."""
        copy = cls.__new__(cls)
        copy.path, copy.base, copy.read_only = source.path, source.base, True
        copy._store = ox.Store()
        copy._store.bulk_extend(source.raw)
        return copy

    @property
    def raw(self) -> ox.Store:
        """The underlying pyoxigraph store, for bulk operations and benchmarks."""
        return self._store

    def query(self, sparql: str, *, substitutions: dict | None = None,
              default_graph: list[str] | None = None, named_graphs: list[str] | None = None,
              base_iri: str | None = None):
        kw = dataset_arguments(default_graph, named_graphs)
        return self._store.query(sparql, substitutions=substitutions, base_iri=base_iri, **kw)

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        try:
            self._store.update(sparql, base_iri=base_iri)
        except OSError as exc:
            raise StoreError(f"{self.path}: write failed: {exc}") from None
        self._store.flush()

    def close(self) -> None:
        self._store = None  # pyoxigraph closes the database when the handle is dropped
