"""Emitting RDF: the findings of one document as quads in its named graph, in the core
vocabulary of GUIDELINES.md, with NIF provenance for every mention, figure and statement.

Node IRIs inside a document hang off its graph IRI: ``G#char=b,e`` for a span of the text
(NIF's RFC 5147 style), ``G/obs/b-e`` for an observation, ``G/stmt/h`` for a statement's
provenance record.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

import pyoxigraph as ox

from ..ontology import NIF, POL, PROV
from .dates import xsd_type

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"


def N(iri: str) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


A = N(RDF + "type")


class P:
    """Predicates and classes as pyoxigraph nodes, built once (rdflib Namespace lookups are slow)."""

    label = N(RDFS + "label")
    alt = N(SKOS + "altLabel")
    nif_ref = N(NIF.referenceContext)
    nif_anchor = N(NIF.anchorOf)
    nif_begin = N(NIF.beginIndex)
    nif_end = N(NIF.endIndex)
    nif_string = N(NIF.String)
    nif = {k: N(NIF[k]) for k in ("Sentence", "Phrase", "Context")}
    pol = {k: N(POL[k]) for k in (
        "PolicyDocument", "Policy", "Program", "IssuingBody", "Park", "Place", "Observation", "Target",
        "Achievement", "Indicator", "value", "maxValue", "unit", "year", "about", "valueText", "comparator",
        "indicator", "mentionOf", "mentionedIn", "statedIn", "issuedBy", "issuedOn", "partOf", "locatedIn",
        "implements", "sourceText", "describes", "documentNumber", "jurisdiction")}
    derived = N(PROV.wasDerivedFrom)


def typed(value, dtype: str) -> ox.Literal:
    return ox.Literal(str(value), datatype=N(XSD + dtype))


def zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def decimal_text(d: Decimal) -> str:
    return format(d, "f")


@dataclass
class Emitter:
    """Collects the triples of one document graph, without duplicates, in order."""

    graph: str
    text: str
    quads: list[ox.Quad] = field(default_factory=list)
    _done: set = field(default_factory=set)  # keys of nodes and statements already written

    def __post_init__(self):
        self.g = N(self.graph)
        self.context = N(f"{self.graph}#char=0,{len(self.text)}")
        self.add(self.g, P.pol["sourceText"], self.context)
        self.add(self.context, A, P.nif["Context"])
        self.add(self.context, N(NIF.isString), ox.Literal(self.text))
        self.add(self.context, P.nif_begin, typed(0, "nonNegativeInteger"))
        self.add(self.context, P.nif_end, typed(len(self.text), "nonNegativeInteger"))

    def add(self, s, p, o) -> None:
        """Append one triple; callers write each node's description once (see ``once``)."""
        self.quads.append(ox.Quad(s, p, o, self.g))

    def once(self, key) -> bool:
        """True the first time ``key`` is seen: the caller then writes what it stands for."""
        if key in self._done:
            return False
        self._done.add(key)
        return True

    # -- spans -----------------------------------------------------------------------------
    def span(self, start: int, end: int, kind: str) -> ox.NamedNode:
        """A NIF string node for text[start:end] (kind: Sentence or Phrase)."""
        node = N(f"{self.graph}#char={start},{end}")
        if not self.once(("span", start, end)):
            if self.once(("span", start, end, kind)):
                self.add(node, A, P.nif[kind])
            return node
        self._done.add(("span", start, end, kind))
        self.add(node, A, P.nif[kind])
        self.add(node, A, P.nif_string)
        self.add(node, P.nif_ref, self.context)
        self.add(node, P.nif_anchor, ox.Literal(self.text[start:end]))
        if node != self.context:  # the whole text: the context already has its offsets
            self.add(node, P.nif_begin, typed(start, "nonNegativeInteger"))
            self.add(node, P.nif_end, typed(end, "nonNegativeInteger"))
        return node

    # -- entities --------------------------------------------------------------------------
    def entity(self, iri: str, cls: str, label: str, aliases, mentioned_in) -> None:
        node = N(iri)
        if not self.once(("entity", iri)):
            return
        self.add(node, A, P.pol[cls])
        self.add(node, P.label, zh(label))
        for a in sorted(set(aliases) - {label}):
            self.add(node, P.alt, zh(a))
        self.add(node, P.pol["mentionedIn"], mentioned_in)

    def mention(self, start: int, end: int, target: str) -> None:
        if self.once(("mention", start, end, target)):
            self.add(self.span(start, end, "Phrase"), P.pol["mentionOf"], N(target))

    # -- statements ------------------------------------------------------------------------
    def statement(self, s: str, p: str, o, sentence: ox.NamedNode | None) -> None:
        obj = o if isinstance(o, ox.Literal) else N(o)
        if self.once(("statement", s, p, str(obj))):
            self.add(N(s), P.pol[p], obj)
        if sentence is None:
            return
        h = hashlib.sha256(f"{s} {p} {obj}".encode("utf-8")).hexdigest()[:16]
        st = N(f"{self.graph}/stmt/{h}")
        if self.once(("stmt", h)):
            self.add(st, A, N(RDF + "Statement"))
            self.add(st, N(RDF + "subject"), N(s))
            self.add(st, N(RDF + "predicate"), P.pol[p])
            self.add(st, N(RDF + "object"), obj)
        if self.once(("stated", h, sentence.value)):
            self.add(st, P.pol["statedIn"], sentence)

    def date(self, s: str, iso: str, sentence: ox.NamedNode | None) -> None:
        self.statement(s, "issuedOn", typed(iso, xsd_type(iso)), sentence)

    # -- observations ----------------------------------------------------------------------
    def observation(self, q, kind: str, year: int | None, about: str | None, indicator: tuple[str, str],
                    sentence: ox.NamedNode) -> None:
        node = N(f"{self.graph}/obs/{q.start}-{q.end}")
        self.add(node, A, P.pol["Observation"])
        self.add(node, A, P.pol[kind])
        self.add(node, P.pol["value"], typed(decimal_text(q.value), "decimal"))
        if q.max_value is not None:
            self.add(node, P.pol["maxValue"], typed(decimal_text(q.max_value), "decimal"))
        self.add(node, P.pol["unit"], ox.Literal(q.unit))
        if year is not None:
            self.add(node, P.pol["year"], typed(f"{year:04d}", "gYear"))
        if about:
            self.add(node, P.pol["about"], N(about))
        self.add(node, P.pol["valueText"], ox.Literal(q.written or self.text[q.start:q.end]))
        if q.comparator:
            self.add(node, P.pol["comparator"], ox.Literal(q.comparator))
        ind_iri, ind_label = indicator
        self.add(node, P.pol["indicator"], N(ind_iri))
        if self.once(("indicator", ind_iri)):
            self.add(N(ind_iri), A, P.pol["Indicator"])
            self.add(N(ind_iri), P.label, zh(ind_label))
        self.add(node, P.derived, sentence)
        self.add(self.span(q.start, q.end, "Phrase"), P.pol["mentionOf"], node)
