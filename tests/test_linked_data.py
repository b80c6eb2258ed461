"""Entity pages are Linked Data: the IRI https://w3id.org/policykg/id/X is served at /id/X,
HTML for browsers, Turtle, JSON-LD or N-Triples by the Accept header."""
from __future__ import annotations

import json
import urllib.parse

from rdflib import Graph, URIRef

from .test_endpoint import get


def _qilu(sample_server) -> dict:
    rows = json.loads(get(sample_server + "/search?format=json&q=" + urllib.parse.quote("齐鲁化工区"))[2])
    return next(r for r in rows if r["label"] == "齐鲁化工区")


def test_search_returns_pages_for_labels_and_aliases(sample_server):
    r = _qilu(sample_server)
    assert r["url"].startswith("/id/park/") and r["iri"] == "https://w3id.org/policykg/id" + r["url"][3:]
    status, headers, body = get(sample_server + "/search?q=" + urllib.parse.quote("化工"), {"Accept": "text/html"})
    assert status == 200 and "齐鲁化工区" in body.decode()


def test_entity_iri_dereferences_to_rdf_by_accept(sample_server):
    r = _qilu(sample_server)
    for accept, fmt in [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")]:
        status, headers, body = get(sample_server + r["url"], {"Accept": accept})
        assert status == 200 and headers["Content-Type"].startswith(accept)
        g = Graph().parse(data=body, format=fmt)
        assert (URIRef(r["iri"]), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), None) in g


def test_entity_page_for_browsers(sample_server):
    r = _qilu(sample_server)
    status, headers, body = get(sample_server + r["url"], {"Accept": "text/html"})
    html = body.decode()
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "马桥产业园" in html and "vis-network.min.js" in html and 'id="network"' in html


def test_unknown_entity_is_404(sample_server):
    assert get(sample_server + "/id/park/0000000000000000", {"Accept": "text/html"})[0] == 404


def test_every_dependency_view_is_on_the_web(sample_server):
    for view in ("top", "clusters", "cycles", "timeline"):
        status, headers, body = get(f"{sample_server}/graph/views/{view}?format=json")
        assert status == 200 and json.loads(body)["view"] == view
        status, headers, body = get(f"{sample_server}/graph/views/{view}", {"Accept": "text/html"})
        assert status == 200 and headers["Content-Type"].startswith("text/html")
    rows = json.loads(get(f"{sample_server}/graph/views/downstream?format=json&entity=" + urllib.parse.quote("齐鲁化工区"))[2])["rows"]
    assert "马桥产业园" in {r["label"] for r in rows}
    timeline = json.loads(get(f"{sample_server}/graph/views/timeline?format=json")[2])["rows"]
    assert [r["issued"] for r in timeline] == sorted(r["issued"] for r in timeline)
    assert get(f"{sample_server}/graph/views/nonsense")[0] == 404
