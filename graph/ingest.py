"""Ingesting files into a store: each file extracted on its own and written atomically,
so a failed document leaves the store exactly as it was and the others go on."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..loaders.errors import LoadError
from ..loaders.pipeline import EXTRACTOR_VERSION, extract_path
from ..loaders.read import SUPPORTED
from .store import DocumentRecord, Store, StoreError, now_iso


def collect_files(paths: list[Path]) -> list[Path]:
    """The files named, and the supported files under the folders named (recursively,
    hidden files skipped), in a stable order. A missing path raises FileNotFoundError."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED
                              and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(f"{p}: no such file or folder")
    return out


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    triples: int = 0
    entities: int = 0
    observations: int = 0
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return len(self.added) + len(self.replaced) + len(self.unchanged)

    def summary(self) -> str:
        return (f"{self.documents} documents ({len(self.added)} added, {len(self.replaced)} replaced, "
                f"{len(self.unchanged)} unchanged, {len(self.failures)} failed), {self.triples} triples, "
                f"{self.entities} entities, {self.observations} observations in {self.seconds:.1f} s")


def ingest_files(store: Store, files: list[Path], *, jurisdiction: str | None = None,
                 progress: Callable[[int, str], None] | None = None) -> IngestReport:
    report = IngestReport()
    started = time.perf_counter()
    for i, path in enumerate(files, 1):
        try:
            ex = extract_path(path, base=store.base, jurisdiction=jurisdiction)
            record = DocumentRecord(name=ex.name, graph=ex.graph, sha256=ex.sha256, byte_size=ex.byte_size,
                                    title=ex.title, ingested_at=now_iso(), extractor_version=EXTRACTOR_VERSION,
                                    triple_count=len(ex.quads))
            outcome = store.put_document(record, ex.quads)
        except (LoadError, StoreError) as exc:
            report.failures.append(str(exc) if path.name in str(exc) else f"{path.name}: {exc}")
        except Exception as exc:  # a bug must not lose the other documents; say which file
            report.failures.append(f"{path.name}: internal error: {exc.__class__.__name__}: {exc}")
        else:
            getattr(report, outcome).append(ex.name)
            report.triples += len(ex.quads)
            report.entities += ex.stats.get("entities", 0)
            report.observations += ex.stats.get("observations", 0)
        if progress:
            progress(i, path.name)
    report.seconds = time.perf_counter() - started
    return report
