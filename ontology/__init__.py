"""The policykg ontology and SHACL shapes: where they live, how to load them, and the
namespaces every other part of the package speaks."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Namespace

HERE = Path(__file__).resolve().parent
ONTOLOGY_PATH = HERE / "policykg.ttl"
SHAPES_PATH = HERE / "shapes.ttl"

POL = Namespace("https://w3id.org/policykg/ontology#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
PROV = Namespace("http://www.w3.org/ns/prov#")

PREFIXES = {
    "pol": str(POL),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": str(PROV),
    "nif": str(NIF),
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
}

#: The entity classes of the core vocabulary, most specific first.
ENTITY_CLASSES = ("PolicyDocument", "Program", "Policy", "IssuingBody", "Park", "Place")


def _parse(path: Path) -> Graph:
    g = Graph()
    g.parse(path, format="turtle")
    return g


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return _parse(ONTOLOGY_PATH)


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return _parse(SHAPES_PATH)


def load_ontology() -> Graph:
    """A fresh copy of the OWL ontology as an rdflib Graph."""
    g = Graph()
    for t in _ontology():
        g.add(t)
    return g


def load_shapes() -> Graph:
    """A fresh copy of the SHACL shapes as an rdflib Graph."""
    g = Graph()
    for t in _shapes():
        g.add(t)
    return g

