"""The `policykg` command line: ingest, extract, query, export, documents, validate, serve.

Each command is a thin shell over a library function that returns data; this module only
parses arguments, prints and sets the exit status.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

DEFAULT_STORE = "./data/store"


def store_location(arg: str | None) -> str:
    return arg or os.environ.get("POLICYKG_STORE") or DEFAULT_STORE


def _err(msg: str) -> None:
    print(f"policykg: {msg}", file=sys.stderr)


# -- commands ---------------------------------------------------------------------------------

def cmd_ingest(a) -> int:
    from .graph.ingest import collect_files, ingest_files
    from .graph.store import StoreError, open_store

    try:
        files = collect_files([Path(p) for p in a.paths])
    except FileNotFoundError as exc:
        _err(str(exc))
        return 2
    if not files:
        _err("no documents found in " + " ".join(a.paths))
        return 2
    try:
        store = open_store(store_location(a.store))
    except StoreError as exc:
        _err(str(exc))
        return 2
    progress = _progress_bar(len(files)) if len(files) > 1 and sys.stderr.isatty() else None
    report = ingest_files(store, files, jurisdiction=a.jurisdiction, progress=progress)
    if progress:
        print(file=sys.stderr)
    for failure in report.failures:
        print(f"policykg: {failure}", file=sys.stderr)
    print(report.summary())
    return 1 if report.failures else 0


def _progress_bar(total: int):
    def show(done: int, name: str) -> None:
        width = 30
        filled = int(width * done / total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:40}")
        sys.stderr.flush()
    return show


def cmd_extract(a) -> int:
    from .graph.serialize import serialize_quads
    from .loaders.errors import LoadError
    from .loaders.pipeline import extract_path

    try:
        ex = extract_path(Path(a.file), jurisdiction=a.jurisdiction)
    except LoadError as exc:
        _err(str(exc))
        return 1
    sys.stdout.buffer.write(serialize_quads(ex.quads, a.format))
    return 0


def cmd_query(a) -> int:
    from .graph.results import format_result, run_query
    from .graph.store import StoreError, open_store
    from .queries import QueryNotFound, load_query

    params = dict(p.split("=", 1) for p in (a.param or []) if "=" in p)
    try:
        if a.name:
            named = load_query(a.name)
            text = named.text
            bindings = named.bind(params)
        elif a.file:
            text, bindings = Path(a.file).read_text(encoding="utf-8"), None
        elif a.query:
            text, bindings = a.query, None
        else:
            _err("query: give a QUERY, --name NAME or --file F.rq")
            return 2
    except (QueryNotFound, ValueError, OSError) as exc:
        _err(f"query: {exc}")
        return 2
    try:
        store = open_store(store_location(a.store), read_only=True)
        result = run_query(store, text, substitutions=bindings)
    except StoreError as exc:
        _err(str(exc))
        return 2
    except (SyntaxError, ValueError, RuntimeError, OSError) as exc:
        _err(f"query: {str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__}")
        return 2
    sys.stdout.buffer.write(format_result(result, a.format))
    return 0


def cmd_export(a) -> int:
    from .graph.serialize import serialize_quads
    from .graph.store import StoreError, open_store

    try:
        store = open_store(store_location(a.store), read_only=True)
        quads = list(store.quads(a.graph))
    except StoreError as exc:
        _err(str(exc))
        return 2
    sys.stdout.buffer.write(serialize_quads(quads, a.format))
    return 0


def cmd_documents(a) -> int:
    from .graph.store import StoreError, open_store

    try:
        store = open_store(store_location(a.store), read_only=not a.remove)
        if a.remove:
            if not store.remove_document(a.remove):
                _err(f"documents: no document named {a.remove!r} in the store")
                return 1
            print(f"removed {a.remove}")
            return 0
        docs = store.documents()
    except StoreError as exc:
        _err(str(exc))
        return 2
    if not docs:
        print("no documents")
        return 0
    print(f"{'name':40} {'triples':>8} {'bytes':>9}  {'ingested':20} {'sha256':12} title")
    for d in docs:
        print(f"{d.name:40} {d.triple_count:>8} {d.byte_size:>9}  {d.ingested_at:20} {d.sha256[:12]} {d.title or ''}")
    return 0


def cmd_validate(a) -> int:
    from .graph.store import StoreError, open_store
    from .ontology.validate import format_report, validate_store

    try:
        store = open_store(store_location(a.store), read_only=True)
        report = validate_store(store)
    except StoreError as exc:
        _err(str(exc))
        return 2
    print(format_report(report))
    return 0 if report.conforms else 1


def cmd_views(a) -> int:
    import json as _json

    from .graph import views
    from .graph.store import StoreError, open_store

    try:
        store = open_store(store_location(a.store), read_only=True)
        g = views.build_graph(store)
    except StoreError as exc:
        _err(str(exc))
        return 2

    def node(name):
        n = views.find_node(g, name)
        if n is None:
            raise LookupError(f"views: no entity named {name!r}")
        return n

    try:
        if a.op in ("upstream", "downstream"):
            fn = views.upstream if a.op == "upstream" else views.downstream
            rows = fn(g, node(a.args[0]), a.depth)
        elif a.op == "path":
            if len(a.args) != 2:
                raise LookupError("views path needs two entities")
            rows = views.shortest_path(g, node(a.args[0]), node(a.args[1]))
        elif a.op == "top":
            rows = views.most_depended_on(g, a.n)
        elif a.op == "clusters":
            rows = [{"size": len(c), "members": [m["label"] for m in c]} for c in views.clusters(g)]
        elif a.op == "cycles":
            rows = [[m["label"] for m in c] for c in views.cycles(g, None if a.all_relations else "partOf")]
        elif a.op == "timeline":
            rows = views.timeline(g)
        elif a.op == "export":
            sub = views.neighbourhood(g, node(a.args[0]), depth=a.depth or 2, max_nodes=10**9).graph if a.args else g
            sys.stdout.buffer.write(views.export(sub, a.format))
            return 0
        else:  # pragma: no cover - argparse restricts op
            raise LookupError(a.op)
    except (LookupError, IndexError) as exc:
        _err(str(exc) if str(exc) else f"views {a.op}: give an entity")
        return 1
    if a.json:
        print(_json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        if isinstance(r, dict) and "relation" in r:
            arrow = "→" if r["forward"] else "←"
            print(f"{r['from']['label']} {arrow}{r['relation']}{arrow} {r['to']['label']}")
        elif isinstance(r, dict) and "members" in r:
            print(f"[{r['size']}] " + "、".join(r["members"][:30]) + (" …" if r["size"] > 30 else ""))
        elif isinstance(r, dict):
            extra = "  ".join(f"{k}={r[k]}" for k in ("distance", "in_degree", "pagerank", "issued") if r.get(k) not in (None, ""))
            print(f"{r['label']}  ({r['class']})  {extra}  {r['iri']}")
        else:
            print(" → ".join(r))
    if not rows:
        print("(none)")
    return 0


def cmd_serve(a) -> int:
    from .graph.store import StoreError
    from .web.serve import serve

    try:
        serve(store_location(a.store), host=a.host, port=a.port, threads=a.threads)
    except StoreError as exc:
        _err(str(exc))
        return 2
    return 0


# -- parser -----------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="policykg", description=__doc__.splitlines()[0])
    from . import __version__

    p.add_argument("--version", action="version", version=f"policykg {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def store_arg(sp):
        sp.add_argument("--store", metavar="DIR", help=f"store directory or SPARQL endpoint URL "
                        f"(default: $POLICYKG_STORE, else {DEFAULT_STORE})")

    sp = sub.add_parser("ingest", help="extract documents and store their graphs")
    sp.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    store_arg(sp)
    sp.add_argument("--jurisdiction", help="the administrative division local names refer to (e.g. 淄博市)")
    sp.set_defaults(func=cmd_ingest)

    sp = sub.add_parser("extract", help="print the graph one document yields, without a store")
    sp.add_argument("file")
    sp.add_argument("--format", default="trig", choices=["trig", "nquads", "turtle", "json-ld"])
    sp.add_argument("--jurisdiction", help="the administrative division local names refer to")
    sp.set_defaults(func=cmd_extract)

    sp = sub.add_parser("query", help="run a SPARQL query (text, --name from the catalogue, or --file)")
    sp.add_argument("query", nargs="?")
    sp.add_argument("--name", help="a named query of the catalogue (see `policykg query --list`)")
    sp.add_argument("--file", help="a .rq file")
    sp.add_argument("--param", action="append", metavar="NAME=VALUE", help="a parameter of a named query")
    sp.add_argument("--format", default="table", choices=["table", "json", "csv", "tsv", "xml", "turtle"])
    store_arg(sp)
    sp.set_defaults(func=cmd_query)

    sp = sub.add_parser("export", help="dump the store (or one graph) as TriG or N-Quads")
    store_arg(sp)
    sp.add_argument("--format", default="trig", choices=["trig", "nquads"])
    sp.add_argument("--graph", metavar="IRI", help="only this named graph")
    sp.set_defaults(func=cmd_export)

    sp = sub.add_parser("documents", help="list the ingested documents, or remove one")
    store_arg(sp)
    sp.add_argument("--remove", metavar="NAME", help="drop the document of this file name")
    sp.set_defaults(func=cmd_documents)

    sp = sub.add_parser("validate", help="check the store against the SHACL shapes")
    store_arg(sp)
    sp.set_defaults(func=cmd_validate)

    sp = sub.add_parser("views", help="dependency views: upstream, downstream, path, top, clusters, cycles, timeline, export")
    sp.add_argument("op", choices=["upstream", "downstream", "path", "top", "clusters", "cycles", "timeline", "export"])
    sp.add_argument("args", nargs="*", metavar="ENTITY", help="a label (or part of one) or an IRI")
    sp.add_argument("--depth", type=int, help="how many steps (default: all; export: 2)")
    sp.add_argument("-n", type=int, default=20, help="how many (top)")
    sp.add_argument("--all-relations", action="store_true", help="cycles along every relation, not only partOf")
    sp.add_argument("--format", default="graphml", choices=["graphml", "gexf", "json"], help="export format")
    sp.add_argument("--json", action="store_true", help="print the rows as JSON")
    store_arg(sp)
    sp.set_defaults(func=cmd_views)

    sp = sub.add_parser("serve", help="serve the SPARQL endpoint and pages with waitress")
    store_arg(sp)
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=8000)
    sp.add_argument("--threads", type=int, default=8)
    sp.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into head and the like
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
