"""Serializing quads and triples to the RDF formats the CLI and the endpoint offer."""
from __future__ import annotations

import pyoxigraph as ox

from ..ontology import PREFIXES

QUAD_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}
TRIPLE_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                  "rdfxml": ox.RdfFormat.RDF_XML, "json-ld": ox.RdfFormat.JSON_LD}
ALL_PREFIXES = dict(PREFIXES, pkg="https://w3id.org/policykg/id/")


def serialize_quads(quads, fmt: str) -> bytes:
    """Quads as TriG, N-Quads, or (graph names dropped) Turtle or JSON-LD."""
    quads = list(quads)
    if fmt in QUAD_FORMATS:
        return ox.serialize(quads, format=QUAD_FORMATS[fmt],
                            prefixes=ALL_PREFIXES if fmt == "trig" else None) or b""
    if fmt == "json-ld":
        return ox.serialize(quads, format=ox.RdfFormat.JSON_LD) or b""
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    return serialize_triples(triples, fmt)


def serialize_triples(triples, fmt: str) -> bytes:
    rdf_format = TRIPLE_FORMATS.get(fmt) or QUAD_FORMATS.get(fmt)
    if rdf_format is None:
        raise ValueError(f"unknown RDF format {fmt!r}")
    prefixes = ALL_PREFIXES if fmt in ("turtle", "trig", "rdfxml") else None
    if rdf_format in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        triples = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    return ox.serialize(list(triples), format=rdf_format, prefixes=prefixes) or b""
