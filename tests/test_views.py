"""Dependency views: built from the store in two queries, with upstream, downstream, paths,
rankings, clusters, cycles, a timeline and exports; rebuilt when the store changes."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from policykg.graph import views
from policykg.graph.ingest import ingest_files
from policykg.graph.store import open_store


@pytest.fixture(scope="module")
def graph(sample_store):
    store = open_store(str(sample_store), read_only=True)
    return views.build_graph(store)


def label_set(rows):
    return {r["label"] for r in rows}


def test_edges_run_from_the_dependent_to_what_it_depends_on(graph):
    maqiao, qilu = views.find_node(graph, "马桥产业园"), views.find_node(graph, "齐鲁化工区")
    assert graph.has_edge(maqiao, qilu, key="partOf")
    assert graph.nodes[qilu]["cls"] == "Park" and graph.nodes[qilu]["label"] == "齐鲁化工区"


def test_upstream_and_downstream(graph):
    assert "齐鲁化工区" in label_set(views.upstream(graph, views.find_node(graph, "马桥产业园")))
    down = label_set(views.downstream(graph, views.find_node(graph, "齐鲁化工区")))
    assert {"齐鲁产业区", "金山产业园", "湖田产业园", "马桥产业园", "氟硅材料产业园"} <= down
    rules = views.downstream(graph, views.find_node(graph, "人才新政23条"), depth=1)
    assert all(r["distance"] == 1 for r in rules)


def test_shortest_path_between_two_entities(graph):
    steps = views.shortest_path(graph, views.find_node(graph, "马桥产业园"), views.find_node(graph, "金山产业园"))
    assert [s["relation"] for s in steps] == ["partOf", "partOf"]
    assert steps[0]["forward"] and not steps[1]["forward"]
    assert views.shortest_path(graph, "http://nowhere/a", "http://nowhere/b") == []


def test_most_depended_on_has_degree_and_pagerank(graph):
    top = views.most_depended_on(graph, 5, classes=("Park", "Program", "Policy", "PolicyDocument", "IssuingBody", "Place"))
    assert len(top) == 5 and top[0]["in_degree"] >= top[-1]["in_degree"] and top[0]["pagerank"] > 0


def test_clusters_and_timeline(graph):
    cl = views.clusters(graph)
    assert cl and len(cl[0]) >= len(cl[-1])
    tl = views.timeline(graph)
    assert [r["issued"] for r in tl] == sorted(r["issued"] for r in tl)
    assert "关于全面推行河长制的意见" in label_set(tl)


def test_cycles_in_part_of_are_reported():
    g = nx.MultiDiGraph()
    for n in "abc":
        g.add_node(n, label=n.upper(), cls="Program", issued="")
    g.add_edge("a", "b", key="partOf")
    g.add_edge("b", "c", key="partOf")
    g.add_edge("c", "a", key="partOf")
    g.add_edge("a", "c", key="issuedBy")
    (cycle,) = views.cycles(g)
    assert {n["label"] for n in cycle} == {"A", "B", "C"}


def test_neighbourhood_cuts_to_the_most_connected(graph):
    center = views.find_node(graph, "齐鲁化工区")
    sub = views.neighbourhood(graph, center, depth=2, max_nodes=3)
    assert sub.graph.number_of_nodes() == 3 and sub.more > 0 and center in sub.graph
    only_parks = views.neighbourhood(graph, center, depth=1, classes={"Park"})
    assert {d["cls"] for _, d in only_parks.graph.nodes(data=True)} == {"Park"}


def test_exports_round_trip(graph):
    sub = views.neighbourhood(graph, views.find_node(graph, "齐鲁化工区"), depth=1).graph
    gml = views.export(sub, "graphml")
    back = nx.read_graphml(__import__("io").BytesIO(gml))
    assert back.number_of_nodes() == sub.number_of_nodes()
    assert ET.fromstring(views.export(sub, "gexf")).tag.endswith("gexf")
    data = json.loads(views.export(sub, "json"))
    assert len(data["nodes"]) == sub.number_of_nodes() and data["links"]
    with pytest.raises(ValueError):
        views.export(sub, "png")


def test_view_cache_rebuilds_when_a_document_is_ingested(tmp_path, sample_path):
    store = open_store(str(tmp_path / "s"))
    ingest_files(store, [sample_path])
    cache = views.ViewCache()
    first = cache.get(store, store.version())
    assert cache.get(store, store.version()) is first
    extra = tmp_path / "extra.txt"
    extra.write_text("2018年，东岭化工区包括东岳产业园、南湖产业园。", encoding="utf-8")
    ingest_files(store, [extra])
    second = cache.get(store, store.version())
    assert second is not first and second.number_of_nodes() > first.number_of_nodes()


def test_views_from_the_command_line(cli, sample_store):
    r = cli("views", "downstream", "齐鲁化工区", "--store", sample_store)
    assert r.code == 0 and "马桥产业园" in r.out
    r = cli("views", "path", "马桥产业园", "金山产业园", "--store", sample_store)
    assert "→partOf→ 齐鲁化工区" in r.out
    r = cli("views", "top", "-n", "3", "--store", sample_store, "--json")
    assert len(json.loads(r.out)) == 3
    r = cli("views", "export", "齐鲁化工区", "--format", "json", "--store", sample_store)
    assert json.loads(r.out)["nodes"]
    r = cli("views", "upstream", "没有这个实体", "--store", sample_store)
    assert r.code == 1 and "没有这个实体" in r.err
