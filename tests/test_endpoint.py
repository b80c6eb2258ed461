"""The SPARQL endpoint as researchers' tools use it: SPARQLWrapper, rdflib's SPARQLStore
and raw HTTP against `policykg serve` on 127.0.0.1."""
from __future__ import annotations

import csv
import io
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, TSV, TURTLE, XML, SPARQLWrapper

from .conftest import SAMPLE_TOKEN

PREFIX = "PREFIX pol: <https://w3id.org/policykg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
SUBPARKS = PREFIX + """SELECT ?label WHERE { ?s pol:partOf ?p . ?p rdfs:label "齐鲁化工区"@zh . ?s a pol:Park ; rdfs:label ?label } ORDER BY ?label"""
EXPECTED_SUBPARKS = {"齐鲁产业区", "金山产业园", "湖田产业园", "马桥产业园", "氟硅材料产业园"}


def get(url: str, headers: dict | None = None, method: str = "GET", data: bytes | None = None):
    req = urllib.request.Request(url, headers=headers or {}, method=method, data=data)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def wrapper(base: str, fmt, query: str) -> SPARQLWrapper:
    sw = SPARQLWrapper(base + "/sparql")
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    return sw


def test_sparqlwrapper_json(sample_server):
    res = wrapper(sample_server, JSON, SUBPARKS).query().convert()
    assert EXPECTED_SUBPARKS <= {b["label"]["value"] for b in res["results"]["bindings"]}


def test_sparqlwrapper_xml(sample_server):
    doc = wrapper(sample_server, XML, SUBPARKS).query().convert()
    literals = {n.firstChild.data for n in doc.getElementsByTagName("literal")}
    assert EXPECTED_SUBPARKS <= literals


def test_sparqlwrapper_csv_and_tsv(sample_server):
    rows = list(csv.reader(io.StringIO(wrapper(sample_server, CSV, SUBPARKS).query().convert().decode("utf-8"))))
    assert rows[0] == ["label"] and EXPECTED_SUBPARKS <= {r[0] for r in rows[1:]}
    tsv = wrapper(sample_server, TSV, SUBPARKS).query().convert().decode("utf-8").splitlines()
    assert tsv[0] == "?label" and '"齐鲁产业区"@zh' in tsv


def test_sparqlwrapper_construct_turtle_and_jsonld(sample_server):
    q = PREFIX + 'CONSTRUCT { ?s pol:partOf ?p } WHERE { ?s pol:partOf ?p . ?p rdfs:label "齐鲁化工区"@zh }'
    ttl = wrapper(sample_server, TURTLE, q).query().convert()
    g = Graph().parse(data=ttl, format="turtle")
    assert len(g) >= 5
    sw = wrapper(sample_server, JSONLD, q)
    g2 = sw.query().convert()
    assert len(g2) == len(g)


def test_rdflib_sparqlstore(sample_server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(sample_server + "/sparql", returnFormat="json")
    g = Graph(store=store)
    labels = {str(r[0]) for r in g.query(SUBPARKS)}
    assert EXPECTED_SUBPARKS <= labels


def test_accept_with_q_values_and_wildcards(sample_server):
    url = sample_server + "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    status, headers, body = get(url, {"Accept": "application/sparql-results+json;q=0.9, */*;q=0.1"})
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    assert json.loads(body)["boolean"] is True
    status, headers, _ = get(url, {"Accept": "text/csv;q=0.2, application/sparql-results+xml;q=0.8"})
    assert headers["Content-Type"].startswith("application/sparql-results+xml")
    status, headers, _ = get(url, {"Accept": "image/png"})
    assert status == 406
    q = sample_server + "/sparql?" + urllib.parse.urlencode({"query": "CONSTRUCT WHERE { ?s a <https://w3id.org/policykg/ontology#Park> }"})
    for accept, ctype in [("application/n-triples", "application/n-triples"), ("application/rdf+xml", "application/rdf+xml"),
                          ("application/ld+json", "application/ld+json"), ("application/trig", "application/trig"),
                          ("text/*", "text/turtle")]:
        status, headers, _ = get(q, {"Accept": accept})
        assert status == 200 and headers["Content-Type"].startswith(ctype), (accept, headers["Content-Type"])


def test_format_parameter_for_browsers(sample_server):
    url = sample_server + "/sparql?" + urllib.parse.urlencode({"query": SUBPARKS, "format": "csv"})
    status, headers, body = get(url, {"Accept": "text/html"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv") and "齐鲁产业区" in body.decode()


def test_malformed_query_gets_400_with_the_parser_message(sample_server):
    status, _, body = get(sample_server + "/sparql?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?x ?y "}))
    assert status == 400 and body.decode().startswith("malformed query:")


def test_bare_get_gives_service_description_or_editor(sample_server):
    status, headers, body = get(sample_server + "/sparql", {"Accept": "text/turtle"})
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=body, format="turtle")
    assert any("sparql-service-description#Service" in str(o) for o in g.objects())
    status, headers, body = get(sample_server + "/sparql", {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert headers["Content-Type"].startswith("text/html") and b"yasgui.min.js" in body


def test_cors_on_get(sample_server):
    _, headers, _ = get(sample_server + "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"}), {"Origin": "http://example.org"})
    assert headers.get("Access-Control-Allow-Origin") == "*"


def test_result_cap_is_announced(sample_server):
    q = "SELECT * WHERE { ?s ?p ?o }"
    status, headers, body = get(sample_server + "/sparql?" + urllib.parse.urlencode({"query": q}))
    assert status == 200 and headers.get("X-Result-Truncated") == "500" and "cut at 500 rows" in headers.get("Warning", "")
    assert len(json.loads(body)["results"]["bindings"]) == 500


def test_get_and_post_give_the_same_answer(sample_server):
    # GET /sparql?query= takes a shorter path through the server than POST: same answer
    for accept in ("application/sparql-results+json", "text/csv", "application/sparql-results+xml, */*;q=0.1"):
        status, gh, gbody = get(sample_server + "/sparql?" + urllib.parse.urlencode({"query": SUBPARKS}), {"Accept": accept})
        _, ph, pbody = get(sample_server + "/sparql", {"Accept": accept, "Content-Type": "application/sparql-query"},
                           "POST", SUBPARKS.encode())
        assert status == 200 and gbody == pbody and gh["Content-Type"] == ph["Content-Type"]
        assert gh["Access-Control-Allow-Origin"] == "*" and gh["Vary"] == "Accept"
    status, _, body = get(sample_server + "/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE {"}))
    assert status == 400 and body.startswith(b"malformed query")
    status, _, _ = get(sample_server + "/sparql?" + urllib.parse.urlencode({"query": SUBPARKS}), {"Accept": "image/png"})
    assert status == 406


# -- safety -----------------------------------------------------------------------------------

def test_updates_without_a_token_are_refused(sample_server):
    body = urllib.parse.urlencode({"update": "INSERT DATA { <http://ex/a> <http://ex/b> <http://ex/c> }"}).encode()
    status, headers, _ = get(sample_server + "/sparql", {"Content-Type": "application/x-www-form-urlencoded"}, "POST", body)
    assert status == 401 and "Bearer" in headers.get("WWW-Authenticate", "")
    status, _, _ = get(sample_server + "/sparql", {"Content-Type": "application/sparql-update", "Authorization": "Bearer wrong"},
                       "POST", b"INSERT DATA { <http://ex/a> <http://ex/b> <http://ex/c> }")
    assert status == 401
    status, _, _ = get(sample_server + "/data?graph=http%3A%2F%2Fex%2Fg", {"Content-Type": "text/turtle"}, "PUT",
                       b"<http://ex/a> <http://ex/b> <http://ex/c> .")
    assert status == 401


def test_updates_with_the_token_work(sample_server):
    auth = {"Authorization": f"Bearer {SAMPLE_TOKEN}"}
    status, _, _ = get(sample_server + "/sparql", dict(auth, **{"Content-Type": "application/sparql-update"}), "POST",
                       "INSERT DATA { GRAPH <http://ex/tests> { <http://ex/a> <http://ex/b> \"写入\" } }".encode())
    assert status == 204
    ask = urllib.parse.urlencode({"query": 'ASK { <http://ex/a> <http://ex/b> "写入" }'})
    assert json.loads(get(sample_server + "/sparql?" + ask)[2])["boolean"] is True
    status, _, _ = get(sample_server + "/data?graph=http%3A%2F%2Fex%2Ftests", auth, "DELETE")
    assert status == 204
    assert json.loads(get(sample_server + "/sparql?" + ask)[2])["boolean"] is False


def test_the_default_graph_is_the_union_and_not_written_directly(sample_server):
    auth = {"Authorization": f"Bearer {SAMPLE_TOKEN}"}
    update = dict(auth, **{"Content-Type": "application/sparql-update"})
    status, headers, _ = get(sample_server + "/sparql", update, "POST", b'INSERT DATA { <http://ex/d> <http://ex/p> "v" }')
    assert status == 204 and "not kept" in headers.get("Warning", "")
    ask = urllib.parse.urlencode({"query": 'ASK { <http://ex/d> <http://ex/p> "v" }'})
    assert json.loads(get(sample_server + "/sparql?" + ask)[2])["boolean"] is False
    status, _, body = get(sample_server + "/data?default", dict(auth, **{"Content-Type": "text/turtle"}), "PUT",
                          b'<http://ex/d> <http://ex/p> "v" .')
    assert status == 405 and b"union" in body
    # one triple in two named graphs: once in the default graph, still there when one graph goes
    for g in ("u1", "u2"):
        status, _, _ = get(sample_server + f"/data?graph=http%3A%2F%2Fex%2F{g}", dict(auth, **{"Content-Type": "text/turtle"}),
                           "PUT", b'<http://ex/d> <http://ex/p> "both" .')
        assert status == 201
    count = urllib.parse.urlencode({"query": 'SELECT (COUNT(*) AS ?n) WHERE { <http://ex/d> <http://ex/p> "both" }'})
    n = lambda: json.loads(get(sample_server + "/sparql?" + count)[2])["results"]["bindings"][0]["n"]["value"]  # noqa: E731
    assert n() == "1"
    assert get(sample_server + "/data?graph=http%3A%2F%2Fex%2Fu1", auth, "DELETE")[0] == 204
    assert n() == "1"
    assert get(sample_server + "/data?graph=http%3A%2F%2Fex%2Fu2", auth, "DELETE")[0] == 204
    assert n() == "0"


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?a ?b ?c OPTIONAL { service <http://127.0.0.1/> { ?a ?x ?y } } }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1/> { ?s ?p ?o } }",
])
def test_service_is_refused(sample_server, query):
    status, _, body = get(sample_server + "/sparql?" + urllib.parse.urlencode({"query": query}))
    assert status == 400 and b"SERVICE is refused" in body


def test_load_is_refused_even_with_the_token(sample_server):
    status, _, body = get(sample_server + "/sparql", {"Content-Type": "application/sparql-update",
                                                      "Authorization": f"Bearer {SAMPLE_TOKEN}"},
                          "POST", b"LOAD <http://127.0.0.1:9/data.ttl>")
    assert status == 400 and b"LOAD is refused" in body


def test_runaway_query_hits_the_time_limit_while_others_are_answered(sample_server):
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    result = {}

    def run():
        started = time.monotonic()
        result["status"], _, result["body"] = get(sample_server + "/sparql?" + urllib.parse.urlencode({"query": runaway}))
        result["seconds"] = time.monotonic() - started

    t = threading.Thread(target=run)
    t.start()
    time.sleep(0.5)
    started = time.monotonic()
    status, _, body = get(sample_server + "/sparql?" + urllib.parse.urlencode({"query": SUBPARKS}))
    simple_seconds = time.monotonic() - started
    t.join(30)
    assert status == 200 and "齐鲁产业区" in body.decode()
    assert simple_seconds < 2.0
    assert result["status"] == 503 and b"limit of 3 s" in result["body"]
    assert result["seconds"] < 6
    # the killed worker is replaced: queries keep working
    time.sleep(3)
    for _ in range(4):
        assert get(sample_server + "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"}))[0] == 200


def test_answers_are_cached_until_the_store_changes(sample_server):
    auth = {"Authorization": f"Bearer {SAMPLE_TOKEN}"}
    ask = sample_server + "/sparql?" + urllib.parse.urlencode({"query": 'ASK { <http://ex/c1> <http://ex/p> "v" }'})
    assert json.loads(get(ask)[2])["boolean"] is False
    assert json.loads(get(ask)[2])["boolean"] is False  # now from the cache
    status, _, _ = get(sample_server + "/sparql", dict(auth, **{"Content-Type": "application/sparql-update"}), "POST",
                       b'INSERT DATA { GRAPH <http://ex/cache> { <http://ex/c1> <http://ex/p> "v" } }')
    assert status == 204
    assert json.loads(get(ask)[2])["boolean"] is True  # the write made the cached answer stale
    get(sample_server + "/data?graph=http%3A%2F%2Fex%2Fcache", auth, "DELETE")
    now = sample_server + "/sparql?" + urllib.parse.urlencode({"query": "SELECT (STRUUID() AS ?u) WHERE {}"})
    assert get(now)[2] != get(now)[2]  # volatile functions are never cached
