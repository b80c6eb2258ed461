"""SHACL validation of extracted graphs: pyshacl over the union of the store's document
graphs plus the ontology, with violations grouped by message and shown with the source
sentence of the node at fault."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from . import NIF, PROV, load_ontology, load_shapes

SH = Namespace("http://www.w3.org/ns/shacl#")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass
class Violation:
    focus: str
    path: str | None
    message: str
    value: str | None
    sentence: str | None


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0

    def grouped(self) -> dict[str, list[Violation]]:
        out: dict[str, list[Violation]] = defaultdict(list)
        for v in self.violations:
            out[v.message].append(v)
        return dict(out)


def graph_from_quads(quads) -> Graph:
    """An rdflib Graph holding the triples of pyoxigraph quads (graph names dropped)."""
    import pyoxigraph as ox
    from rdflib import BNode

    def conv(t):
        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return BNode(t.value)
        if t.language:
            return Literal(t.value, lang=t.language)
        if t.datatype.value == XSD_STRING:  # RDF 1.1 simple literal: rdflib keeps it untyped
            return Literal(t.value)
        return Literal(t.value, datatype=URIRef(t.datatype.value))

    g = Graph()
    for q in quads:
        g.add((conv(q.subject), conv(q.predicate), conv(q.object)))
    return g


def validate_graph(data: Graph) -> ValidationReport:
    from pyshacl import validate

    ont = load_ontology()
    conforms, results, _ = validate(data, shacl_graph=load_shapes(), ont_graph=ont, inference="none",
                                    advanced=True, allow_warnings=True)
    report = ValidationReport(conforms=bool(conforms), triples=len(data))
    for r in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(r, SH.focusNode)
        path = results.value(r, SH.resultPath)
        msg = results.value(r, SH.resultMessage)
        value = results.value(r, SH.value)
        report.violations.append(Violation(str(focus), str(path) if path else None, str(msg) if msg else "violation",
                                           str(value) if value is not None else None, _sentence(data, focus)))
    report.violations.sort(key=lambda v: (v.message, v.focus))
    return report


def _sentence(data: Graph, node) -> str | None:
    if node is None:
        return None
    for s in data.objects(node, PROV.wasDerivedFrom):
        text = data.value(s, NIF.anchorOf)
        if text:
            return str(text)
    for st in data.subjects(RDF.subject, node):
        s = data.value(st, URIRef("https://w3id.org/policykg/ontology#statedIn"))
        if s is not None and data.value(s, NIF.anchorOf):
            return str(data.value(s, NIF.anchorOf))
    return None


def validate_store(store) -> ValidationReport:
    manifest = store.manifest_graph.value
    quads = [q for q in store.quads() if q.graph_name.value != manifest]
    return validate_graph(graph_from_quads(quads))


def format_report(report: ValidationReport) -> str:
    if report.conforms:
        return f"conforms: {report.triples} triples checked, no violations"
    lines = [f"{len(report.violations)} violations in {report.triples} triples"]
    for message, items in report.grouped().items():
        lines.append(f"\n{message} ({len(items)})")
        for v in items[:50]:
            lines.append(f"  {v.focus}" + (f"  value: {v.value}" if v.value else ""))
            if v.sentence:
                lines.append(f"    source: {v.sentence[:160]}")
        if len(items) > 50:
            lines.append(f"  … and {len(items) - 50} more")
    return "\n".join(lines)
