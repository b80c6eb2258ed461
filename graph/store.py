"""The store interface: one API over the embedded Oxigraph store and a remote SPARQL 1.1
engine, so that callers never know which one they talk to.

Every ingested document is one named graph; the manifest (what was ingested, from which
file, with which hash) lives as RDF in its own named graph, so that a document's triples
and its manifest record change in one SPARQL Update, which both engines apply atomically.

The default graph holds the union (the RDF merge) of all named graphs, kept up to date by
every write: a triple that several documents state is there once. (Oxigraph's own union
view repeats such a triple once per graph, so a body named in 100 documents came back 100
times from `?b rdfs:label "国务院"@zh`, and counts were inflated.) Being stored, the union
needs nothing of a remote engine: any SPARQL 1.1 store serves it as its default graph.
"""
from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Iterator

import pyoxigraph as ox

from ..ontology import POL

DEFAULT_BASE = "https://w3id.org/policykg/id/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


class StoreError(Exception):
    """A store could not be opened, read or written; the message says why."""


@dataclass(frozen=True)
class DocumentRecord:
    """One manifest entry: a source document as ingested."""

    name: str
    graph: str
    sha256: str
    byte_size: int
    title: str | None
    ingested_at: str
    extractor_version: str
    triple_count: int

    def quads(self, manifest: ox.NamedNode) -> list[ox.Quad]:
        g = ox.NamedNode(self.graph)

        def lit(value, dtype=None):
            return ox.Literal(str(value), datatype=ox.NamedNode(XSD + dtype)) if dtype else ox.Literal(str(value))

        out = [
            (RDF_TYPE, ox.NamedNode(POL.IngestedDocument)),
            (ox.NamedNode(POL.sourceFileName), lit(self.name)),
            (ox.NamedNode(POL.namedGraph), g),
            (ox.NamedNode(POL.contentHash), lit(self.sha256)),
            (ox.NamedNode(POL.byteSize), lit(self.byte_size, "integer")),
            (ox.NamedNode(POL.ingestedAt), lit(self.ingested_at, "dateTime")),
            (ox.NamedNode(POL.extractorVersion), lit(self.extractor_version)),
            (ox.NamedNode(POL.tripleCount), lit(self.triple_count, "integer")),
        ]
        if self.title:
            out.append((ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal(self.title, language="zh")))
        return [ox.Quad(g, p, o, manifest) for p, o in out]


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def graph_iri_for(name: str, base: str = DEFAULT_BASE) -> str:
    """The stable named-graph IRI of a source document, from its file name: a readable ASCII
    slug of the name plus a short hash, so that Chinese names give clean IRIs."""
    stem = name.rsplit(".", 1)[0]
    slug = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in stem).strip("-")
    slug = "-".join(p for p in slug.split("-") if p)[:60]
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]
    return f"{base}doc/{slug + '-' if slug else ''}{digest}"


def insert_data_block(quads: Iterable[ox.Quad]) -> str:
    """The body of an INSERT DATA operation holding the given quads, grouped by graph
    (pyoxigraph's str() of a term is its SPARQL/N-Triples form)."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        key = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
        by_graph.setdefault(key, []).append(
            f"{q.subject} {q.predicate} {q.object} ."
        )
    parts = []
    for g, lines in by_graph.items():
        body = "\n".join(lines)
        parts.append(f"GRAPH {g} {{\n{body}\n}}" if g else body)
    return "\n".join(parts)


class Store(ABC):
    """A quad store holding one named graph per ingested document plus the manifest."""

    base: str = DEFAULT_BASE

    @property
    def manifest_graph(self) -> ox.NamedNode:
        return ox.NamedNode(self.base + "manifest")

    # -- the two primitives every engine provides ------------------------------------------
    @abstractmethod
    def query(self, sparql: str, *, substitutions: dict | None = None,
              default_graph: list[str] | None = None, named_graphs: list[str] | None = None,
              base_iri: str | None = None):
        """Run a SPARQL query; SELECT gives pyoxigraph QuerySolutions, ASK a QueryBoolean,
        CONSTRUCT/DESCRIBE an iterator of Triples. The default graph is the stored union of
        the named graphs unless the query has FROM clauses or the protocol's
        ``default_graph`` / ``named_graphs`` give the dataset."""

    @abstractmethod
    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """Apply a SPARQL 1.1 Update atomically."""

    def close(self) -> None:  # pragma: no cover - trivial
        pass

    # -- documents and the manifest ---------------------------------------------------------
    def documents(self, name: str | None = None) -> list[DocumentRecord]:
        """The manifest records, by file name; only the one of ``name`` when given."""
        only = f"FILTER (?name = {ox.Literal(name)})" if name is not None else ""
        q = f"""
        PREFIX pol: <{POL}>
        SELECT ?g ?name ?hash ?size ?title ?at ?ver ?n WHERE {{
          GRAPH <{self.manifest_graph.value}> {{
            ?g a pol:IngestedDocument ; pol:sourceFileName ?name ; pol:contentHash ?hash ;
               pol:byteSize ?size ; pol:ingestedAt ?at ; pol:extractorVersion ?ver ; pol:tripleCount ?n .
            {only}
            OPTIONAL {{ ?g <http://purl.org/dc/terms/title> ?title }}
          }}
        }} ORDER BY ?name"""
        out = []
        for row in self.query(q):
            out.append(DocumentRecord(
                name=row["name"].value, graph=row["g"].value, sha256=row["hash"].value,
                byte_size=int(row["size"].value), title=row["title"].value if row["title"] else None,
                ingested_at=row["at"].value, extractor_version=row["ver"].value,
                triple_count=int(row["n"].value)))
        return out

    def document(self, name: str) -> DocumentRecord | None:
        found = self.documents(name)
        return found[0] if found else None

    def put_document(self, record: DocumentRecord, quads: list[ox.Quad]) -> str:
        """Store a document's graph and manifest record in one atomic update.

        Returns "unchanged" when the same content (by hash and extractor version) is already
        there, "replaced" when a document of that name had other content, else "added"."""
        old = self.document(record.name)
        if old and old.sha256 == record.sha256 and old.extractor_version == record.extractor_version:
            return "unchanged"
        g, m = f"<{record.graph}>", f"<{self.manifest_graph.value}>"
        ops = [self._forget_ops(old)] if old else []
        ops.append(f"DROP SILENT GRAPH {g}")
        ops.append("INSERT DATA {\n" + insert_data_block(
            [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(record.graph)) for q in quads]
            + record.quads(self.manifest_graph)) + "\n}")
        # the union: the document's triples and its manifest record, copied from where they now are
        ops.append(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
        ops.append(f"INSERT {{ {g} ?p ?o }} WHERE {{ GRAPH {m} {{ {g} ?p ?o }} }}")
        self.update(" ;\n".join(ops))
        return "replaced" if old else "added"

    def _forget_ops(self, record: DocumentRecord) -> str:
        """Remove a document's graph and record, and from the union whatever no other graph states."""
        g, m = f"<{record.graph}>", f"<{self.manifest_graph.value}>"
        return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
                f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h != {g}) }} }} ;\n"
                f"DELETE {{ {g} ?p ?o }} WHERE {{ GRAPH {m} {{ {g} ?p ?o }} }} ;\n"
                f"DELETE WHERE {{ GRAPH {m} {{ {g} ?p ?o }} }} ;\n"
                f"DROP SILENT GRAPH {g}")

    def sync_union(self) -> int:
        """Make the default graph the union of the named graphs again, after writes that
        went past put_document (SPARQL Update, Graph Store Protocol, bulk loads). Returns
        how many triples were in the default graph but in no named graph: they are removed."""
        stray = "{ ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"
        n = int(next(iter(self.query(f"SELECT (COUNT(*) AS ?n) WHERE {stray}")))["n"].value)
        self.update(f"DELETE {{ ?s ?p ?o }} WHERE {stray} ;\n"
                    "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        return n

    def ensure_union(self) -> None:
        """Fill the default graph of a store written before it held the union."""
        if bool(self.query("ASK { GRAPH ?g { ?s ?p ?o } }")) and not bool(self.query("ASK { ?s ?p ?o }")):
            self.sync_union()

    def remove_document(self, name: str) -> bool:
        old = self.document(name)
        if old is None:
            return False
        self.update(self._forget_ops(old))
        return True

    # -- whole-store views -------------------------------------------------------------------
    def triple_count(self) -> int:
        """Quads in all document graphs (the manifest not counted)."""
        q = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{self.manifest_graph.value}>) }}"
        return int(next(iter(self.query(q)))["n"].value)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Every quad of the store, or of one named graph."""
        if graph:
            q = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
            g = ox.NamedNode(graph)
            for t in self.query(q):
                yield ox.Quad(t.subject, t.predicate, t.object, g)
            return
        for row in self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"):
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def version(self) -> str:
        """A token that changes whenever a document is added, replaced or removed."""
        h = hashlib.sha256()
        for d in self.documents():
            h.update(f"{d.graph}\t{d.sha256}\t{d.ingested_at}\n".encode())
        return h.hexdigest()[:16]


def dataset_arguments(default_graph, named_graphs) -> dict:
    """pyoxigraph's dataset keywords for a query: the protocol's graphs when given, else
    the store's own dataset (its default graph, the union, or the query's FROM clauses)."""
    if default_graph is None and named_graphs is None:
        return {}
    kw = {"default_graph": [ox.NamedNode(g) for g in (default_graph or [])]}
    if named_graphs is not None:
        kw["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    return kw


def open_store(location: str, *, read_only: bool = False, base: str = DEFAULT_BASE) -> Store:
    """Open the store at ``location``: a directory for the embedded Oxigraph store, or an
    ``http(s)://`` SPARQL endpoint (``query-url`` or ``query-url|update-url``) for a remote one."""
    if location.startswith(("http://", "https://")):
        from .remote import RemoteStore

        query_url, _, update_url = location.partition("|")
        remote = RemoteStore(query_url, update_url or None, base=base)
        if update_url and not read_only:
            remote.ensure_union()   # a store filled before policykg kept the union in its default graph
        return remote
    from .embedded import EmbeddedStore

    store = EmbeddedStore(location, read_only=read_only, base=base)
    if not read_only:
        store.ensure_union()
    return store
