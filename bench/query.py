"""Query speed: the catalogue queries on the sample graph scaled up (10 k, 100 k and, with
--sizes, 1 M triples) through the store layer, beside raw pyoxigraph and rdflib's in-memory
store on the same data; then HTTP: the latency `policykg serve` adds and its throughput with
8 concurrent clients (wrk), beside `oxigraph serve-read-only` holding the same data.

    python bench/query.py [--sizes 10000 100000 1000000] [--repeat 5] [--seconds 5]

Goals (endpoint issue): store layer <= 1.3x raw pyoxigraph; >= 20x faster than rdflib on
100 k; HTTP adds <= 3 ms median on small queries; >= 1,500 simple queries/s over HTTP with
8 concurrent clients. Ratios are measured in the same run (this machine is noisy); each
throughput is the median of three wrk runs.
"""
from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import build_store  # noqa: E402

from policykg.graph.executor import DEFAULT_MEMORY_QUADS, open_for_queries  # noqa: E402
from policykg.graph.results import run_query  # noqa: E402
from policykg.graph.sparql_text import inline_values  # noqa: E402
from policykg.graph.store import open_store  # noqa: E402
from policykg.queries import catalogue, to_term  # noqa: E402

SMALL = 'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?s WHERE { ?s rdfs:label "齐鲁化工区"@zh } LIMIT 5'


def catalogue_queries() -> dict[str, str]:
    return {q.name: inline_values(q.text, {p.name: str(to_term(p, p.default)) for p in q.params if p.default})
            for q in catalogue().values()}


def median_ms(fn, repeat: int) -> float:
    fn()  # warm
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def rdflib_dataset(path: Path):
    from rdflib import Dataset

    raw = ox.Store.read_only(str(path))
    data = ox.serialize(raw, format=ox.RdfFormat.N_QUADS)  # the named graphs and their stored union
    ds = Dataset(default_union=True)
    t = time.perf_counter()
    ds.parse(data=data.decode("utf-8"), format="nquads")
    return ds, time.perf_counter() - t


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(port: int, path: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", path)
            c.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server on port {port} did not answer")


def http_latency_ms(port: int, path: str, repeat: int) -> float:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def once():
        conn.request("GET", path, headers={"Accept": "application/sparql-results+json"})
        r = conn.getresponse()
        r.read()
        assert r.status == 200, r.status

    return median_ms(once, repeat)


def wrk(port: int, path: str, seconds: int, runs: int = 3) -> float | None:
    """Requests/s with 8 connections: the median of ``runs`` runs (this machine is noisy;
    the runs are printed too)."""
    if not shutil.which("wrk"):
        return None
    rates = []
    for _ in range(runs):
        out = subprocess.run(["wrk", "-t", "4", "-c", "8", "-d", f"{seconds}s", "-H",
                              "Accept: application/sparql-results+json", f"http://127.0.0.1:{port}{path}"],
                             capture_output=True, text=True)
        m = re.search(r"Requests/sec:\s+([\d.]+)", out.stdout)
        non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out.stdout)
        if non2xx:
            print(f"    (wrk saw {non2xx.group(1)} non-2xx answers)")
        if m:
            rates.append(float(m.group(1)))
    if not rates:
        return None
    print(f"    wrk {path[:40]}: " + ", ".join(f"{r:,.0f}" for r in rates) + " /s")
    return statistics.median(rates)


def start(cmd: list[str], env=None) -> subprocess.Popen:
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def stop(p: subprocess.Popen) -> None:
    try:
        os.killpg(p.pid, signal.SIGTERM)
        p.wait(10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(p.pid, signal.SIGKILL)


def bench_size(size: int, repeat: int, seconds: int, workdir: Path) -> None:
    path = workdir / f"store-{size}"
    t = time.perf_counter()
    n = build_store(path, size)
    raw = ox.Store.read_only(str(path))
    triples = len(list(raw.quads_for_pattern(None, None, None, ox.DefaultGraph())))
    print(f"\n== {n:,} quads: {triples:,} triples in the default graph (the union of the document graphs) "
          f"and their named graphs (built in {time.perf_counter() - t:.1f} s)")
    layer = open_store(str(path), read_only=True)          # the store layer over the files
    t = time.perf_counter()
    served = open_for_queries(str(path), DEFAULT_MEMORY_QUADS)  # what a query worker answers from
    print(f"query workers answer from {'an in-memory copy' if served.raw is not layer.raw and n <= DEFAULT_MEMORY_QUADS else 'the files'}"
          f" (opened in {time.perf_counter() - t:.1f} s)")
    ds = None
    if size <= 200_000:
        ds, load_s = rdflib_dataset(path)
        print(f"rdflib in-memory load: {load_s:.1f} s")
    print(f"{'query':26} {'raw ms':>8} {'layer ms':>9} {'layer/raw':>9} {'worker ms':>9} {'rdflib ms':>10} {'rdflib/worker':>13}")
    ratios, speedups = [], []
    for name, q in catalogue_queries().items():
        r_ms = median_ms(lambda: list(raw.query(q)), repeat)
        l_ms = median_ms(lambda: run_query(layer, q), repeat)
        w_ms = median_ms(lambda: run_query(served, q), repeat)
        ratios.append(l_ms / r_ms if r_ms else 1.0)
        line = f"{name:26} {r_ms:8.2f} {l_ms:9.2f} {l_ms / r_ms if r_ms else 1:9.2f} {w_ms:9.2f}"
        if ds is not None:
            try:
                d_ms = median_ms(lambda: list(ds.query(q)), max(1, repeat // 2))
            except Exception as exc:  # rdflib fails on some valid queries (unbound GROUP_CONCAT input)
                line += f" {'fails':>10} ({exc.__class__.__name__})"
            else:
                speedups.append(d_ms / w_ms if w_ms else 0)
                line += f" {d_ms:10.1f} {d_ms / w_ms if w_ms else 0:13.1f}"
        print(line)
    print(f"store layer / raw pyoxigraph (both on the files), median over queries: {statistics.median(ratios):.2f}x"
          "   goal <= 1.3x")
    if speedups:
        print(f"rdflib in-memory / query worker, median over queries: {statistics.median(speedups):.1f}x"
              "   goal >= 20x (at 100 k)")
    small_direct = median_ms(lambda: run_query(layer, SMALL), repeat * 10)
    del raw, layer, served, ds

    # HTTP: policykg serve, then oxigraph serve-read-only on the same data
    path_q = "/sparql?" + urllib.parse.urlencode({"query": SMALL})
    results = {}
    for cache in ("0", "512"):  # every query through a worker, then with the answer cache
        port = free_port()
        env = dict(os.environ, POLICYKG_CACHE_ENTRIES=cache)   # the default number of query workers
        p = start([sys.executable, "-m", "policykg.cli", "serve", "--store", str(path), "--port", str(port), "--threads", "8"], env)
        try:
            wait_http(port, "/sparql?query=ASK%7B%7D")
            over = http_latency_ms(port, path_q, repeat * 20)
            results[cache] = (over, wrk(port, "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"}), seconds),
                              wrk(port, path_q, seconds))
        finally:
            stop(p)
    over, rps, rps_small = results["0"]
    print(f"small query: store layer {small_direct:.2f} ms, over HTTP {over:.2f} ms -> HTTP adds {over - small_direct:.2f} ms"
          f" (answer cache on: {results['512'][0]:.2f} ms)   goal <= 3 ms")
    oxi = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    port2 = free_port()
    o = start([oxi, "serve-read-only", "--location", str(path), "--bind", f"127.0.0.1:{port2}"])
    try:
        wait_http(port2, "/query?query=ASK%7B%7D")
        base_rps = wrk(port2, "/query?" + urllib.parse.urlencode({"query": "ASK {}"}), seconds)
    finally:
        stop(o)
    if rps is not None:
        print(f"throughput, 8 clients, every query run by a worker: ASK {{}} {rps:,.0f}/s, label lookup {rps_small:,.0f}/s; "
              f"oxigraph serve-read-only {base_rps:,.0f}/s (ratio {rps / base_rps:.3f})   goal >= 1,500/s")
        print(f"throughput, 8 clients, the same query repeated (answer cache): ASK {{}} {results['512'][1]:,.0f}/s, "
              f"label lookup {results['512'][2]:,.0f}/s")
    else:
        print("throughput: wrk is not installed (apt-get install wrk)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=5)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="policykg-bench-") as d:
        for size in a.sizes:
            bench_size(size, a.repeat, a.seconds, Path(d))


if __name__ == "__main__":
    main()
