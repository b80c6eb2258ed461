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
UNION = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"  # the default graph, as policykg's store keeps it


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


def manifest_quads(graph: str, i: int, triples: int) -> list[ox.Quad]:
    """The manifest record of copy ``i``, as an ingest writes it (file zibo-copy-i.txt)."""
    from policykg.graph.store import DocumentRecord

    record = DocumentRecord(name=f"zibo-copy-{i}.txt", graph=graph, sha256=f"{i:064x}", byte_size=31_000,
                            title=f"淄博市政府工作报告名词解释（副本{i}）", ingested_at="2026-01-01T00:00:00Z",
                            extractor_version="bench", triple_count=triples)
    return record.quads(ox.NamedNode(BASE + "manifest"))


def synthetic_quads(target: int):
    """Yield about ``target`` quads (whole copies of the sample graph, each with its
    manifest record)."""
    base = sample_quads()
    copies = max(1, round(target / len(base)))
    for i in range(copies):
        for q in base:
            yield ox.Quad(_rename(q.subject, i), q.predicate, _rename(q.object, i), _rename(q.graph_name, i))
        yield from manifest_quads(_rename(base[0].graph_name, i).value, i, len(base))


def build_store(path: Path, target: int) -> int:
    """A store at ``path`` holding about ``target`` quads; returns the count."""
    store = ox.Store(str(path))
    store.bulk_extend(synthetic_quads(target))
    store.update(UNION)
    store.flush()
    n = len(store)
    del store
    return n
