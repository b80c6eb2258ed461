"""The ontology holds the core terms of GUIDELINES.md exactly, labelled, defined and
aligned; the SHACL shapes catch bad extraction."""
from __future__ import annotations

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from policykg.ontology import POL, load_ontology, load_shapes
from policykg.ontology.validate import validate_graph

CORE_CLASSES = ["PolicyDocument", "Policy", "Program", "IssuingBody", "Park", "Place", "Indicator",
                "Observation", "Target", "Achievement"]
CORE_PROPERTIES = ["issuedBy", "issuedOn", "partOf", "locatedIn", "implements", "about", "indicator",
                   "value", "maxValue", "unit", "year", "valueText"]
ALIGNED = ("http://www.w3.org/ns/org#", "http://data.europa.eu/eli/ontology#", "http://purl.org/linked-data/",
           "http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/ns/prov#", "http://schema.org/",
           "http://purl.org/dc/terms/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
PROV = Namespace("http://www.w3.org/ns/prov#")


def test_namespace_is_the_contract():
    assert str(POL) == "https://w3id.org/policykg/ontology#"


def test_every_core_term_is_labelled_in_chinese_and_english_and_defined():
    g = load_ontology()
    for name in CORE_CLASSES + CORE_PROPERTIES:
        term = POL[name]
        langs = {l.language for l in g.objects(term, RDFS.label)}
        assert {"zh", "en"} <= langs, name
        assert g.value(term, SKOS.definition) is not None, name


def test_core_classes_and_properties_are_aligned_to_w3c_vocabularies():
    g = load_ontology()
    for name in CORE_CLASSES:
        supers = [str(o) for o in g.objects(POL[name], RDFS.subClassOf)]
        assert any(s.startswith(ALIGNED) or s.startswith(str(POL)) for s in supers), name
    for name in CORE_PROPERTIES:
        supers = [str(o) for o in g.objects(POL[name], RDFS.subPropertyOf)]
        assert name in ("valueText",) or any(s.startswith(ALIGNED) for s in supers), name


def test_program_is_a_policy_and_part_of_is_transitive():
    g = load_ontology()
    assert (POL.Program, RDFS.subClassOf, POL.Policy) in g
    assert (POL.partOf, RDF.type, OWL.TransitiveProperty) in g
    assert (POL.Target, RDFS.subClassOf, POL.Observation) in g
    assert (POL.Achievement, RDFS.subClassOf, POL.Observation) in g


def test_shapes_load():
    assert len(load_shapes()) > 50


def _good_observation(g: Graph, node: URIRef, unit="个", value="12"):
    sent = URIRef(str(node) + "-sentence")
    g.add((node, RDF.type, POL.Observation))
    g.add((node, RDF.type, POL.Achievement))
    g.add((node, POL.value, Literal(value, datatype=XSD.decimal)))
    g.add((node, POL.unit, Literal(unit)))
    g.add((node, PROV.wasDerivedFrom, sent))
    g.add((sent, NIF.anchorOf, Literal("完成12个。")))
    g.add((sent, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
    g.add((sent, NIF.endIndex, Literal(6, datatype=XSD.nonNegativeInteger)))
    return sent


def test_a_valid_observation_conforms():
    g = Graph()
    _good_observation(g, URIRef("http://example.org/o1"))
    assert validate_graph(g).conforms


def test_planted_violations_are_each_reported():
    g = Graph()
    ex = "http://example.org/"
    _good_observation(g, URIRef(ex + "pct"), unit="%", value="-5")             # a negative percentage
    nounit = URIRef(ex + "nounit")
    _good_observation(g, nounit)
    g.remove((nounit, POL.unit, None))                                           # no unit
    both = URIRef(ex + "both")
    _good_observation(g, both)
    g.add((both, RDF.type, POL.Target))                                          # both kinds
    nosrc = URIRef(ex + "nosrc")
    _good_observation(g, nosrc)
    g.remove((nosrc, PROV.wasDerivedFrom, None))                                 # no source sentence
    g.add((URIRef(ex + "prog"), RDF.type, POL.Program))
    g.add((URIRef(ex + "prog"), RDFS.label, Literal("Some program", lang="en")))  # no Chinese label
    g.add((URIRef(ex + "doc"), RDF.type, POL.PolicyDocument))
    g.add((URIRef(ex + "doc"), RDFS.label, Literal("某文件", lang="zh")))
    g.add((URIRef(ex + "doc"), POL.issuedBy, URIRef(ex + "prog")))               # issuer not a body
    report = validate_graph(g)
    assert not report.conforms
    focus = {v.focus for v in report.violations}
    assert {ex + n for n in ("pct", "nounit", "both", "nosrc", "prog", "doc")} <= focus
    messages = " ".join(report.grouped())
    assert "must not be negative" in messages and "exactly one of pol:Target" in messages
    pct = [v for v in report.violations if v.focus == ex + "pct"]
    assert pct[0].sentence == "完成12个。"
