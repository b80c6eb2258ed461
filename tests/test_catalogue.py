"""The query catalogue: every named query has a bilingual title and description, runs on
the sample corpus from the CLI and over HTTP, and gives a known answer; parameters are
bound as terms, so no value can change the query."""
from __future__ import annotations

import json
import urllib.parse

import pytest

from policykg.queries import catalogue

from .test_endpoint import get

KNOWN = {
    "documents-by-body": ({"body": "市办公厅"}, "itemLabel", "关于大力引进大院大所大校大企聚力建设国内一流专业化产业的实施意见"),
    "program-parts": ({"whole": "人才新政23条"}, "partLabel", "引领工程"),
    "parks-and-subparks": ({"park": "齐鲁化工区"}, "subParkLabel", "马桥产业园"),
    "targets-for-year": ({"year": "2018"}, "valueText", "43488套"),
    "achievements-over-time": ({"program": "老旧小区"}, "valueText", "553.42万平方米"),
    "target-vs-achievement": ({"indicator": "老旧小区"}, "kind", "Target"),
    "implementers-of": ({"target": "学前教育"}, "implementerLabel", "学前教育三年行动计划"),
    "document-entities": ({"document": "zibo"}, "label", "齐鲁化工区"),
    "figure-source": ({"figure": "553.42万平方米"}, "sentence", "完成老旧小区整治项目106个、553.42万平方米、70562户"),
    "bodies-ranked": ({}, "bodyLabel", "市办公厅"),
    "places-most-programs": ({}, "placeLabel", "齐文化传承创新示范区"),
    "timeline": ({}, "label", "关于全面推行河长制的意见"),
    "class-counts": ({}, "class", "https://w3id.org/policykg/ontology#Park"),
    "documents": ({}, "file", "zibo-2018-glossary.txt"),
}


def test_at_least_twelve_documented_queries():
    qs = catalogue()
    assert len(qs) >= 12
    for q in qs.values():
        assert q.title_zh and q.title_en and q.description_zh and q.description_en, q.name
    assert set(KNOWN) <= set(qs)


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_each_query_gives_its_known_answer_over_http(sample_server, name):
    params, column, expected = KNOWN[name]
    url = f"{sample_server}/queries/{name}?" + urllib.parse.urlencode(params)
    status, headers, body = get(url, {"Accept": "application/sparql-results+json"})
    assert status == 200, body
    rows = json.loads(body)["results"]["bindings"]
    assert rows, name
    values = {r[column]["value"] for r in rows if column in r}
    assert any(expected in v for v in values), (name, sorted(values)[:10])


@pytest.mark.parametrize("name", ["parks-and-subparks", "timeline"])
def test_named_queries_run_from_the_cli(cli, sample_store, name):
    r = cli("query", "--name", name, "--store", sample_store, "--format", "csv")
    assert r.code == 0 and len(r.out.splitlines()) > 1


def test_catalogue_listing_in_json_and_html(sample_server):
    status, headers, body = get(sample_server + "/queries", {"Accept": "application/json"})
    listing = json.loads(body)["queries"]
    assert status == 200 and {q["name"] for q in listing} == set(catalogue())
    assert all(q["title"]["zh"] and q["title"]["en"] for q in listing)
    status, headers, body = get(sample_server + "/queries", {"Accept": "text/html"})
    assert headers["Content-Type"].startswith("text/html") and "项目的全部组成部分".encode() in body


def test_parameter_values_cannot_change_the_query(sample_server):
    evil = '化工区") } } ; DROP ALL ; SELECT * { ?s ?p ?o FILTER("'
    status, _, body = get(f"{sample_server}/queries/parks-and-subparks?" + urllib.parse.urlencode({"park": evil}),
                          {"Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(body)["results"]["bindings"] == []
    status, _, body = get(f"{sample_server}/queries/targets-for-year?year=2018%20||%20true",
                          {"Accept": "application/sparql-results+json"})
    assert status == 400 and b"year" in body
    status, _, _ = get(f"{sample_server}/queries/timeline?bogus=1")
    assert status == 400
    status, _, _ = get(f"{sample_server}/queries/no-such-query")
    assert status == 404
