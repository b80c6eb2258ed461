"""The answer formats of the endpoint: media types, the names of the `format` parameter,
and which serializer writes them."""
from __future__ import annotations

# media type -> serializer name of graph.results.format_result
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "ntriples",
    "application/rdf+xml": "rdfxml",
    "application/ld+json": "json-ld",
    "application/trig": "trig",
    "application/x-turtle": "turtle",
    "text/plain": "ntriples",
    "application/json": "json-ld",
}
CONTENT_TYPE = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "json-ld": "application/ld+json",
    "trig": "application/trig",
}
FORMAT_PARAM = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle", "ttl": "turtle",
                "ntriples": "ntriples", "nt": "ntriples", "rdfxml": "rdfxml", "rdf": "rdfxml",
                "json-ld": "json-ld", "jsonld": "json-ld", "trig": "trig"}
RESULT_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("turtle", "ntriples", "rdfxml", "json-ld", "trig")
