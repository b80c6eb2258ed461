"""The W3C SPARQL 1.1 Protocol test suite, run against `policykg serve` on 127.0.0.1:
every request of every test as the manifest writes it, with its expected status class,
result format and boolean. All 34 must pass."""
from __future__ import annotations

import http.client
import json
import urllib.parse
from pathlib import Path
from xml.etree import ElementTree

import pytest
from rdflib import Graph, Namespace
from rdflib.collection import Collection
from rdflib.namespace import RDFS

from .servers import policykg_server

SUITE = Path(__file__).parent / "w3c" / "sparql11-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
TOKEN = "w3c-suite-token"


def load_manifest():
    g = Graph()
    g.parse(SUITE / "manifest.ttl", format="turtle")
    manifest = next(g.subjects(MF.entries, None))
    tests = []
    for t in Collection(g, g.value(manifest, MF.entries)):
        data = [(Path(str(g.value(d, UT.graph))).name, str(g.value(d, RDFS.label))) for d in g.objects(t, UT.graphData)]
        action = g.value(t, MF.action)
        requests = []
        for r in Collection(g, g.value(action, HT.requests)):
            body = g.value(r, HT.body)
            headers = {}
            hl = g.value(r, HT.headers)
            if hl is not None:
                for h in Collection(g, hl):
                    headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
            resp = g.value(r, HT.resp)
            requests.append({
                "method": str(g.value(r, HT.methodName)),
                "path": str(g.value(r, HT.absolutePath)),
                "body": str(g.value(body, CNT.chars)) if body is not None else None,
                "headers": headers,
                "status": {str(s).rsplit("#", 1)[1] for s in g.objects(resp, MF.expectedStatus)},
                "format": str(g.value(resp, MF.expectedFormat)) if g.value(resp, MF.expectedFormat) else None,
                "boolean": g.value(resp, MF.expectedBoolean).toPython() if g.value(resp, MF.expectedBoolean) is not None else None,
            })
        tests.append((str(t).rsplit("#", 1)[1], str(g.value(t, MF.name)), data, requests))
    return tests


TESTS = load_manifest()


def test_the_suite_has_34_tests():
    assert len(TESTS) == 34


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with policykg_server(tmp_path_factory.mktemp("w3c") / "store", token=TOKEN) as base:
        yield base


def raw_request(base: str, method: str, path: str, body: str | bytes | None = None, headers: dict | None = None):
    """One raw request, exactly as given (urllib would add a form Content-Type of its own)."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    host, port = base.split("//", 1)[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.request(method, path, body=data, headers=headers or {})
        r = conn.getresponse()
        return r.status, r.getheader("Content-Type", ""), r.read()
    finally:
        conn.close()


def load_graph_data(base: str, data: list[tuple[str, str]]) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    status, _, _ = raw_request(base, "POST", "/sparql", "DROP ALL", dict(auth, **{"Content-Type": "application/sparql-update"}))
    assert status == 204
    for file, graph in data:
        status, _, body = raw_request(base, "PUT", "/data?graph=" + urllib.parse.quote(graph, safe=""),
                               (SUITE / file).read_bytes(), dict(auth, **{"Content-Type": "application/n-triples"}))
        assert status in (201, 204), body


def check_format(expected: str, ctype: str, body: bytes, boolean):
    media = ctype.split(";")[0].strip().lower()
    if expected == "boolean":
        assert media in ("application/sparql-results+json", "application/sparql-results+xml"), media
        if media.endswith("json"):
            value = json.loads(body)["boolean"]
        else:
            value = ElementTree.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean").text == "true"
        if boolean is not None:
            assert value is boolean
    elif expected == "tabular":
        assert media in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                         "text/tab-separated-values"), media
    elif expected == "RDF":
        assert media in ("application/rdf+xml", "text/turtle", "application/n-triples"), media


@pytest.mark.parametrize("test_id,name,data,requests", TESTS, ids=[t[0] for t in TESTS])
def test_protocol(server, test_id, name, data, requests):
    load_graph_data(server, data)
    for r in requests:
        headers = dict(r["headers"], Authorization=f"Bearer {TOKEN}")
        body = r["body"]
        if body is not None and "charset=UTF-16" in headers.get("content-type", ""):
            body = body.encode("utf-16")
        status, ctype, payload = raw_request(server, r["method"], r["path"], body, headers)
        klass = f"StatusCode{status // 100}xx"
        assert klass in r["status"], f"{name}: {r['method']} {r['path']} gave {status}: {payload[:300]!r}"
        if r["format"]:
            check_format(r["format"], ctype, payload, r["boolean"])
