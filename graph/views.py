"""Dependency views: a directed NetworkX graph derived from the store, where an edge runs
from what depends to what it depends on (implements → the implemented, partOf → the
whole, issuedBy → the body, locatedIn → the place, an observation's about → its entity),
and the operations planners ask of it.

The graph is built with a few SPARQL SELECT scans (classes, labels, dates, edges), never a
query per node.
"""
from __future__ import annotations

import io
import json
from dataclasses import dataclass

import networkx as nx

from ..ontology import POL

RELATIONS = ("implements", "partOf", "issuedBy", "locatedIn", "about")
NODE_CLASSES = ("PolicyDocument", "Program", "Policy", "IssuingBody", "Park", "Place", "Target", "Achievement")

EDGES_QUERY = f"""
PREFIX pol: <{POL}>
SELECT DISTINCT ?s ?p ?o WHERE {{
  VALUES ?p {{ {" ".join("pol:" + r for r in RELATIONS)} }}
  ?s ?p ?o .
}}"""

_P = f"PREFIX pol: <{POL}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
# Separate DISTINCT scans (a document may state a triple a copy of a graph also states), and
# one grouped query with OPTIONALs multiplied those rows (10 s at 1 M triples, these 1.3 s).
NODES_QUERY = _P + f"SELECT DISTINCT ?s ?class WHERE {{ VALUES ?class {{ {' '.join('pol:' + c for c in NODE_CLASSES)} }} ?s a ?class }}"
LABELS_QUERY = _P + "SELECT DISTINCT ?s ?l WHERE { ?s rdfs:label ?l }"
VALUE_TEXT_QUERY = _P + "SELECT DISTINCT ?s ?l WHERE { ?s pol:valueText ?l }"
ISSUED_QUERY = _P + "SELECT DISTINCT ?s ?d WHERE { ?s pol:issuedOn ?d }"

CLASS_RANK = {c: i for i, c in enumerate(NODE_CLASSES)}


def build_graph(store) -> nx.MultiDiGraph:
    """The dependency graph of everything in the store: five scans, never a query per node."""
    g = nx.MultiDiGraph()
    labels: dict[str, str] = {}
    for q in (VALUE_TEXT_QUERY, LABELS_QUERY):  # a label wins over an observation's text
        for row in store.query(q):
            labels[row["s"].value] = row["l"].value
    issued: dict[str, str] = {}
    for row in store.query(ISSUED_QUERY):
        iri, d = row["s"].value, row["d"].value
        issued[iri] = min(issued.get(iri, d), d)
    for row in store.query(NODES_QUERY):
        iri = row["s"].value
        cls = row["class"].value.rsplit("#", 1)[1]
        known = g.nodes.get(iri)
        if known and CLASS_RANK.get(known["cls"], 99) <= CLASS_RANK.get(cls, 99):
            continue  # keep the most specific class (Program before Policy)
        g.add_node(iri, label=labels.get(iri, iri.rsplit("/", 1)[-1]), cls=cls, issued=issued.get(iri, ""))
    for row in store.query(EDGES_QUERY):
        s, o = row["s"].value, row["o"].value
        rel = row["p"].value.rsplit("#", 1)[1]
        for n in (s, o):
            if n not in g:
                g.add_node(n, label=labels.get(n, n.rsplit("/", 1)[-1]), cls="Other", issued=issued.get(n, ""))
        if not g.has_edge(s, o, key=rel):
            g.add_edge(s, o, key=rel, rel=rel)
    return g


# -- operations -----------------------------------------------------------------------------

def _node(g, n) -> dict:
    d = g.nodes[n]
    return {"iri": n, "label": d.get("label", n), "class": d.get("cls", ""), "issued": d.get("issued", "")}


def _within(g: nx.MultiDiGraph, start: str, depth: int | None, reverse: bool) -> dict[str, int]:
    """Nodes reachable from ``start`` (along edges, or against them) with their distance."""
    view = g.reverse(copy=False) if reverse else g
    return {n: d for n, d in nx.single_source_shortest_path_length(view, start, cutoff=depth).items() if n != start}


def upstream(g, node: str, depth: int | None = None) -> list[dict]:
    """Everything ``node`` depends on, transitively (nearest first)."""
    dist = _within(g, node, depth, reverse=False)
    return [dict(_node(g, n), distance=d) for n, d in sorted(dist.items(), key=lambda x: (x[1], g.nodes[x[0]].get("label", "")))]


def downstream(g, node: str, depth: int | None = None) -> list[dict]:
    """Everything that depends on ``node``: the impact of changing it."""
    dist = _within(g, node, depth, reverse=True)
    return [dict(_node(g, n), distance=d) for n, d in sorted(dist.items(), key=lambda x: (x[1], g.nodes[x[0]].get("label", "")))]


def shortest_path(g, a: str, b: str) -> list[dict]:
    """The shortest chain of relations between two entities, in either direction; each step
    names the relation and whether it was followed forwards."""
    try:
        nodes = nx.shortest_path(g.to_undirected(as_view=True), a, b)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []
    steps = []
    for x, y in zip(nodes, nodes[1:]):
        if g.has_edge(x, y):
            rel, forward = next(iter(g.get_edge_data(x, y))), True
        else:
            rel, forward = next(iter(g.get_edge_data(y, x))), False
        steps.append({"from": _node(g, x), "to": _node(g, y), "relation": rel, "forward": forward})
    return steps


def most_depended_on(g, n: int = 20, classes: tuple[str, ...] | None = None) -> list[dict]:
    """Entities ranked by how many things depend on them (in-degree), with PageRank."""
    simple = nx.DiGraph(g)
    rank = nx.pagerank(simple) if simple.number_of_nodes() else {}
    rows = [dict(_node(g, v), in_degree=g.in_degree(v), pagerank=round(rank.get(v, 0.0), 6)) for v in g.nodes
            if classes is None or g.nodes[v].get("cls") in classes]
    rows.sort(key=lambda r: (-r["in_degree"], -r["pagerank"], r["label"]))
    return rows[:n]


def clusters(g, min_size: int = 2) -> list[list[dict]]:
    """Connected clusters (ignoring direction), largest first."""
    comps = [c for c in nx.weakly_connected_components(g) if len(c) >= min_size]
    comps.sort(key=lambda c: (-len(c), min(g.nodes[n].get("label", "") for n in c)))
    return [[_node(g, n) for n in sorted(c, key=lambda n: g.nodes[n].get("label", ""))] for c in comps]


def cycles(g, relation: str | None = "partOf", limit: int = 100) -> list[list[dict]]:
    """Cycles along one relation (partOf must be acyclic) or along all of them."""
    sub = nx.DiGraph([(u, v) for u, v, k in g.edges(keys=True) if relation is None or k == relation])
    out = []
    for c in nx.simple_cycles(sub):
        out.append([_node(g, n) for n in c])
        if len(out) >= limit:
            break
    return out


def timeline(g) -> list[dict]:
    """Entities with an issue date, in time order."""
    rows = [_node(g, n) for n, d in g.nodes(data=True) if d.get("issued")]
    rows.sort(key=lambda r: (r["issued"], r["label"]))
    return rows


@dataclass
class SubView:
    graph: nx.MultiDiGraph
    more: int   # nodes left out by the size cap


def neighbourhood(g, center: str, *, depth: int = 1, direction: str = "both", classes: set[str] | None = None,
                  relations: set[str] | None = None, max_nodes: int = 200) -> SubView:
    """The sub-view around ``center``: up to ``depth`` steps upstream, downstream or both,
    only the classes and relations asked for; above ``max_nodes`` the most connected
    nodes are kept and the rest counted in ``more``. A breadth-first walk from the
    center: its cost grows with the neighbourhood, not with the whole graph."""
    if center not in g:
        return SubView(nx.MultiDiGraph(), 0)
    keep = {center}
    frontier = [center]
    for _ in range(depth):
        nxt = []
        for n in frontier:
            steps = []
            if direction in ("up", "both"):
                steps += [v for _, v, k in g.out_edges(n, keys=True) if relations is None or k in relations]
            if direction in ("down", "both"):
                steps += [u for u, _, k in g.in_edges(n, keys=True) if relations is None or k in relations]
            for m in steps:
                if m not in keep:
                    keep.add(m)
                    nxt.append(m)
        frontier = nxt
    if classes:
        keep = {n for n in keep if n == center or g.nodes[n].get("cls") in classes}
    more = 0
    if len(keep) > max_nodes:
        ranked = sorted(keep - {center}, key=lambda n: (-g.degree(n), g.nodes[n].get("label", "")))
        kept = set(ranked[: max_nodes - 1]) | {center}
        more = len(keep) - len(kept)
        keep = kept
    sub = nx.MultiDiGraph()
    sub.add_nodes_from((n, g.nodes[n]) for n in keep)
    sub.add_edges_from((u, v, k, d) for u, v, k, d in g.edges(keep, keys=True, data=True)
                       if v in keep and (relations is None or k in relations))
    return SubView(sub, more)


# -- export ---------------------------------------------------------------------------------

EXPORT_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml", "json": "application/json"}


def export(g: nx.MultiDiGraph, fmt: str) -> bytes:
    """The view as GraphML, GEXF (for Gephi) or node-link JSON."""
    clean = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        clean.add_node(n, label=str(d.get("label", "")), cls=str(d.get("cls", "")), issued=str(d.get("issued", "")))
    for u, v, k in g.edges(keys=True):
        clean.add_edge(u, v, key=k, relation=k)
    if fmt == "graphml":
        buf = io.BytesIO()
        nx.write_graphml(clean, buf, encoding="utf-8")
        return buf.getvalue()
    if fmt == "gexf":
        buf = io.BytesIO()
        nx.write_gexf(clean, buf, encoding="utf-8")
        return buf.getvalue()
    if fmt == "json":
        data = nx.node_link_data(clean, edges="links")
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r}; use graphml, gexf or json")



# -- finding nodes by name --------------------------------------------------------------------

def find_node(g, name: str) -> str | None:
    """A node by IRI, by exact label, or by the shortest label containing ``name``."""
    if name in g:
        return name
    exact = [n for n, d in g.nodes(data=True) if d.get("label") == name]
    if exact:
        return min(exact, key=lambda n: (CLASS_RANK.get(g.nodes[n].get("cls"), 99), n))
    partial = [n for n, d in g.nodes(data=True) if name and name in str(d.get("label", ""))
               and d.get("cls") not in ("Target", "Achievement")]
    return min(partial, key=lambda n: (len(g.nodes[n]["label"]), n)) if partial else None


class ViewCache:
    """The dependency graph of a store, rebuilt only when the store's version changes."""

    def __init__(self):
        self._key = None
        self._graph = None

    def get(self, store, key: str) -> nx.MultiDiGraph:
        if key != self._key or self._graph is None:
            self._graph = build_graph(store)
            self._key = key
        return self._graph
