"""The planners' pages: home (search, counts per class, latest documents), search, entity
pages at their own IRI paths (/id/…, Linked Data by Accept), document pages with every
finding highlighted, and the dependency-graph explorer (/graph)."""
from __future__ import annotations




from flask import Blueprint, Response, abort, jsonify, render_template, request, url_for

from ..graph import views
from ..graph.serialize import serialize_triples
from ..ontology import ENTITY_CLASSES, POL
from .app import services
from .entity_data import document_view, entity_view, search
from .formats import CONTENT_TYPE, GRAPH_TYPES
from .i18n import current_lang, remember_lang, template_context
from .negotiation import best_match
from .network import CLASS_NAMES
from .network import REL_NAMES, legend, network_data

bp = Blueprint("pages", __name__)

PROP_NAMES = {"issuedBy": ("发布机关", "issued by"), "issuedOn": ("发布日期", "issued on"), "partOf": ("组成部分", "part of"),
              "locatedIn": ("位于", "located in"), "implements": ("贯彻落实", "implements"), "about": ("对象", "about"),
              "documentNumber": ("文号", "document number"), "jurisdiction": ("辖区", "jurisdiction"),
              "sourceText": ("原文", "source text")}


@bp.app_context_processor
def inject():
    ctx = template_context()
    ctx["page_href"] = page_href
    ctx["prop_name"] = lambda p: (PROP_NAMES.get(p.rsplit("#", 1)[-1]) or (p.rsplit("#", 1)[-1].rsplit("/", 1)[-1],) * 2)
    return ctx


bp.after_app_request(remember_lang)


def page_href(iri: str | None) -> str | None:
    """The app's page for an IRI under the store's base (https://w3id.org/policykg/id/X → /id/X)."""
    base = services().store.base
    if iri and iri.startswith(base):
        rest = iri[len(base):]
        frag = ""
        if "#" in rest:
            rest, frag = rest.split("#", 1)
            frag = "#" + frag
        return url_for("pages.resource", rest=rest) + frag
    return None


@bp.route("/")
def home():
    store = services().store
    counts = []
    for cls in ENTITY_CLASSES + ("Observation",):
        q = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{POL[cls]}> }}"
        counts.append((cls, CLASS_NAMES[cls], int(next(iter(store.query(q)))["n"].value)))
    docs = sorted(store.documents(), key=lambda d: d.ingested_at, reverse=True)[:10]
    return render_template("home.html", counts=counts, documents=docs)


@bp.route("/search")
def search_page():
    q = request.args.get("q", "").strip()
    results = search(services().store, q) if q else []
    if request.args.get("format") == "json" or best_match(request.headers.get("Accept"), ["text/html", "application/json"]) == "application/json":
        return jsonify([dict(r, url=page_href(r["iri"])) for r in results])
    return render_template("search.html", q=q, results=results, class_names=CLASS_NAMES)


@bp.route("/id/<path:rest>")
def resource(rest: str):
    svc = services()
    iri = svc.store.base + rest
    rdf = best_match(request.headers.get("Accept"), ["text/html"] + list(GRAPH_TYPES))
    if rdf is None:
        abort(406)
    if rdf != "text/html" or request.args.get("format") in ("turtle", "ntriples", "json-ld", "rdfxml"):
        fmt = request.args.get("format") or GRAPH_TYPES[rdf]
        triples = list(svc.store.query(f"DESCRIBE <{iri}>"))
        if not triples:
            abort(404)
        return Response(serialize_triples(triples, fmt), content_type=CONTENT_TYPE[fmt], headers={"Vary": "Accept"})
    doc = document_view(svc.store, iri)
    if doc is not None:
        return document_page(doc)
    ent = entity_view(svc.store, iri)
    if ent is None:
        abort(404)
    return entity_page(ent)


def _depth() -> int:
    try:
        return max(1, min(3, int(request.args.get("depth", "1"))))
    except ValueError:
        return 1


def entity_page(ent):
    svc = services()
    g = svc.dependency_graph()
    depth = _depth()
    sub = views.neighbourhood(g, ent.iri, depth=depth, max_nodes=int(request.args.get("max", 120)))
    up = views.upstream(g, ent.iri) if ent.iri in g else []
    down = views.downstream(g, ent.iri) if ent.iri in g else []
    lang = current_lang()
    data = network_data(sub.graph, ent.iri, page_href, lang)
    return render_template("entity.html", ent=ent, network=data, more=sub.more, depth=depth, legend=legend(lang),
                           upstream=[r for r in up if r["class"] not in ("Target", "Achievement")][:100],
                           downstream=[r for r in down if r["class"] not in ("Target", "Achievement")][:100],
                           chart=chart(ent.observations))


def chart(observations: list[dict]) -> list[dict]:
    """Targets against achievements per unit and year, as bars an SVG can draw."""
    by_unit: dict[str, dict] = {}
    for o in observations:
        if not o["year"]:
            continue
        year = o["year"][:4]
        u = by_unit.setdefault(o["unit"], {})
        cell = u.setdefault(year, {"Target": 0.0, "Achievement": 0.0})
        cell[o["kind"]] = max(cell[o["kind"]], float(o["value"]))
    out = []
    for unit, years in sorted(by_unit.items()):
        top = max(max(c.values()) for c in years.values()) or 1.0
        bars = [{"year": y, "target": c["Target"], "achievement": c["Achievement"],
                 "t_h": round(140 * c["Target"] / top, 1), "a_h": round(140 * c["Achievement"] / top, 1)}
                for y, c in sorted(years.items())]
        out.append({"unit": unit, "bars": bars, "width": 60 + 70 * len(bars)})
    return out


def document_page(doc):
    pieces, pos = [], 0
    for s in doc.spans:
        if s["begin"] < pos:
            continue
        pieces.append({"text": doc.text[pos:s["begin"]]})
        pieces.append({"text": doc.text[s["begin"]:s["end"]], "span": s, "href": page_href(s["target"])})
        pos = s["end"]
    pieces.append({"text": doc.text[pos:]})
    n_fig = sum(1 for s in doc.spans if s["kind"] == "figure")
    return render_template("document.html", doc=doc, pieces=pieces, n_entities=len(doc.spans) - n_fig, n_figures=n_fig)


@bp.route("/graph")
def explorer():
    svc = services()
    g = svc.dependency_graph()
    lang = current_lang()
    entity = request.args.get("entity", "").strip()
    direction = request.args.get("direction", "both")
    direction = direction if direction in ("up", "down", "both") else "both"
    depth = _depth()
    classes = set(request.args.getlist("class")) or None
    relations = set(request.args.getlist("rel")) or None
    center = views.find_node(g, entity) if entity else None
    sub, data, path = None, None, []
    if center:
        sub = views.neighbourhood(g, center, depth=depth, direction=direction, classes=classes, relations=relations,
                                  max_nodes=300)
        data = network_data(sub.graph, center, page_href, lang)
    a, b = request.args.get("from", "").strip(), request.args.get("to", "").strip()
    if a and b:
        na, nb = views.find_node(g, a), views.find_node(g, b)
        path = views.shortest_path(g, na, nb) if na and nb else []
    fmt = request.args.get("download")
    if fmt:
        if fmt not in views.EXPORT_TYPES:
            abort(400)
        body = views.export(sub.graph if sub is not None else g, fmt)
        return Response(body, content_type=views.EXPORT_TYPES[fmt],
                        headers={"Content-Disposition": f'attachment; filename="policykg-view.{fmt}"'})
    return render_template("graph.html", entity=entity, center=center, center_label=g.nodes[center]["label"] if center else "",
                           direction=direction, depth=depth, classes=classes or set(), relations=relations or set(),
                           network=data, more=sub.more if sub else 0, nodes=sorted(
                               (dict(iri=n, **d) for n, d in sub.graph.nodes(data=True)), key=lambda d: d.get("label", ""))
                           if sub else [], path=path, a=a, b=b, legend=legend(lang),
                           rel_names=REL_NAMES, node_classes=[c for c in views.NODE_CLASSES], node_class_names=CLASS_NAMES,
                           top=views.most_depended_on(g, 10, classes=tuple(ENTITY_CLASSES)))


VIEWS = {"top": ("被依赖最多", "Most depended on"), "clusters": ("关联簇", "Connected clusters"),
         "cycles": ("循环（组成关系）", "Cycles (part of)"), "timeline": ("时间线", "Timeline"),
         "upstream": ("上游", "Upstream"), "downstream": ("下游", "Downstream")}


@bp.route("/graph/views/<view>")
def view_report(view: str):
    """Each dependency view as a page (HTML) or as data (?format=json)."""
    if view not in VIEWS:
        abort(404)
    g = services().dependency_graph()
    entity = request.args.get("entity", "").strip()
    center = views.find_node(g, entity) if entity else None
    if view == "top":
        rows = views.most_depended_on(g, int(request.args.get("n", 50)), classes=tuple(ENTITY_CLASSES))
    elif view == "clusters":
        rows = [{"size": len(c), "members": c} for c in views.clusters(g)]
    elif view == "cycles":
        rows = [{"members": c} for c in views.cycles(g, None if request.args.get("all") else "partOf")]
    elif view == "timeline":
        rows = views.timeline(g)
    else:
        if center is None:
            abort(400 if not entity else 404)
        fn = views.upstream if view == "upstream" else views.downstream
        rows = fn(g, center, int(request.args["depth"]) if request.args.get("depth", "").isdigit() else None)
    if request.args.get("format") == "json" or best_match(request.headers.get("Accept"), ["text/html", "application/json"]) == "application/json":
        return jsonify({"view": view, "entity": center, "rows": rows})
    return render_template("view_report.html", view=view, names=VIEWS, rows=rows, entity=entity, center=center)
