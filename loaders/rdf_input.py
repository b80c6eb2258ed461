"""RDF files ingested as given: parsed by pyoxigraph into the document's own named graph.

RDF/XML that declares entities (<!ENTITY) is refused before parsing: measured here, an
800-byte entity-expansion document kept rdflib busy for 469 s and drove pyoxigraph to
824 MB. JSON-LD contexts are never fetched (pyoxigraph does not load remote documents).
"""
from __future__ import annotations

import re

import pyoxigraph as ox

from .errors import LoadError

FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
           ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML,
           ".owl": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML}
_ENTITY = re.compile(rb"<!ENTITY", re.I)


def parse_rdf(name: str, data: bytes, graph: str) -> list[ox.Quad]:
    """The file's triples, all placed in ``graph`` (quads of a TriG or N-Quads file lose
    their own graph name: one document, one graph)."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    fmt = FORMATS.get(suffix)
    if fmt is None:
        raise LoadError(name, f"unsupported RDF suffix {suffix}")
    if fmt == ox.RdfFormat.RDF_XML and _ENTITY.search(data):
        raise LoadError(name, "RDF/XML declaring XML entities (<!ENTITY) is refused: entity expansion can exhaust memory")
    g = ox.NamedNode(graph)
    try:
        quads = [ox.Quad(q.subject, q.predicate, q.object, g)
                 for q in ox.parse(data, format=fmt, base_iri=graph + "/")]
    except SyntaxError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise LoadError(name, f"malformed RDF: {first}") from None
    except (OSError, ValueError) as exc:
        raise LoadError(name, f"unreadable RDF: {exc}") from None
    if not quads:
        raise LoadError(name, "the RDF file holds no triples")
    return quads
