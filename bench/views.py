"""Views speed: building the dependency graph from the scaled-up sample graph (same
generator as bench/query.py), rendering an entity page with 50, 500 and 5,000 neighbours
(server side), and the time until the graph page is stable in headless Chromium with
300 drawn nodes.

    python bench/views.py [--sizes 10000 100000 1000000] [--no-browser]

Goals (views issue): entity page < 150 ms server-side at 500 neighbours; dependency graph
of 1 M triples built in < 10 s; graph page stable in < 3 s for 300 drawn nodes. Each
figure is printed beside a baseline from the same run (the raw SELECT of all edges).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import BASE, UNION, build_store  # noqa: E402

from policykg.graph import views  # noqa: E402
from policykg.graph.store import open_store  # noqa: E402

POL = "https://w3id.org/policykg/ontology#"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
A = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def hub_quads(n: int, graph: str) -> list[ox.Quad]:
    """A program with ``n`` parts, each a program with a label, in one document graph."""
    g = ox.NamedNode(graph)
    hub = ox.NamedNode(f"{BASE}initiative/hub{n}")
    out = [ox.Quad(hub, A, ox.NamedNode(POL + "Program"), g), ox.Quad(hub, RDFS_LABEL, ox.Literal(f"中心项目{n}", language="zh"), g)]
    for i in range(n):
        part = ox.NamedNode(f"{BASE}initiative/hub{n}-part{i}")
        out += [ox.Quad(part, A, ox.NamedNode(POL + "Program"), g),
                ox.Quad(part, RDFS_LABEL, ox.Literal(f"子项目{n}-{i}", language="zh"), g),
                ox.Quad(part, ox.NamedNode(POL + "partOf"), hub, g)]
    return out


def bench_build(size: int, workdir: Path) -> None:
    path = workdir / f"store-{size}"
    n = build_store(path, size)
    store = open_store(str(path), read_only=True)
    t = time.perf_counter()
    edges = sum(1 for _ in store.query(views.EDGES_QUERY))
    baseline = time.perf_counter() - t
    t = time.perf_counter()
    g = views.build_graph(store)
    built = time.perf_counter() - t
    print(f"{n:>10,} quads: dependency graph {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges built in "
          f"{built:.2f} s (raw edge SELECT {baseline:.2f} s, {edges:,} rows; {built / baseline:.1f}x)   goal < 10 s at 1 M")


def bench_pages(workdir: Path, browser: bool) -> None:
    from policykg.web.app import create_app

    path = workdir / "pages"
    build_store(path, 10_000)
    raw = ox.Store(str(path))
    for n in (50, 500, 5000):
        raw.extend(hub_quads(n, f"{BASE}doc/bench-hub-{n}"))
    raw.update(UNION)
    raw.flush()
    del raw
    app = create_app(str(path), workers=1)
    client = app.test_client()
    try:
        for n in (50, 500, 5000):
            url = f"/id/initiative/hub{n}"
            client.get(url, headers={"Accept": "text/html"})  # warm: dependency graph built once per store version
            times = []
            for _ in range(5):
                t = time.perf_counter()
                r = client.get(url, headers={"Accept": "text/html"})
                times.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200
            t = time.perf_counter()
            client.get(url, headers={"Accept": "text/turtle"})
            describe = (time.perf_counter() - t) * 1000
            print(f"entity page with {n:>5} neighbours: {statistics.median(times):7.1f} ms server-side "
                  f"(Turtle description of it {describe:.1f} ms)   goal < 150 ms at 500")
    finally:
        app.extensions["policykg"].executor.close()
    del app, client  # the store must be free for the server below
    import gc

    gc.collect()
    if browser:
        bench_browser(path)


def bench_browser(path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from playwright.sync_api import sync_playwright

    from tests.servers import policykg_server

    with policykg_server(path) as base, sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu",
                                                                          "--disable-background-networking"])
        page = b.new_page(viewport={"width": 1280, "height": 900})
        for n in (50, 500):
            t = time.perf_counter()
            page.goto(f"{base}/graph?entity=hub{n}&depth=1".replace("entity=hub", "entity=中心项目"))
            page.wait_for_selector("#network[data-stable='1']", timeout=60000)
            drawn = int(page.get_attribute("#network", "data-nodes"))
            print(f"graph page, {drawn} drawn nodes: stable in {time.perf_counter() - t:.2f} s   goal < 3 s at 300")
        b.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--no-browser", action="store_true")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="policykg-bench-") as d:
        for size in a.sizes:
            bench_build(size, Path(d))
        bench_pages(Path(d), not a.no_browser)


if __name__ == "__main__":
    main()
