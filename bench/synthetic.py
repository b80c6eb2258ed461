"""A synthetic policy graph of a chosen size, made by copying the sample corpus's graph:
copy i renames every node under the id base (…/id/X → …/id/sN/X) and, so that copies are
linked like real documents citing each other, every tenth copy keeps the central organs
and places shared. Used by the query and views benchmarks."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://w3id.org/policykg/id/"
SHARED_KINDS = ("/body/", "/place/")


def sample_quads() -> list[ox.Quad]:
    from policykg.loaders.pipeline import extract_path

    return extract_path(ROOT / "corpus" / "zibo-2018-glossary.txt").quads


def _rename(term, i: int):
    if isinstance(term, ox.NamedNode) and term.value.startswith(BASE):
        rest = term.value[len(BASE):]
        if i % 10 and any(k in term.value for k in SHARED_KINDS):
            return term  # shared across copies: the same organs and places everywhere
        return ox.NamedNode(f"{BASE}s{i}/{rest}")
    return term


def synthetic_quads(target: int):
    """Yield about ``target`` quads (whole copies of the sample graph)."""
    base = sample_quads()
    copies = max(1, round(target / len(base)))
    for i in range(copies):
        for q in base:
            yield ox.Quad(_rename(q.subject, i), q.predicate, _rename(q.object, i), _rename(q.graph_name, i))


def build_store(path: Path, target: int) -> int:
    """A store at ``path`` holding about ``target`` quads; returns the count."""
    store = ox.Store(str(path))
    store.bulk_extend(synthetic_quads(target))
    store.flush()
    n = len(store)
    del store
    return n
