"""The query catalogue over HTTP: GET /queries lists the named queries (HTML or JSON),
GET /queries/NAME runs one with its parameters taken from the query string and bound as
RDF terms, never pasted into the query text."""
from __future__ import annotations

from flask import Blueprint, jsonify, render_template, request, url_for

from ..queries import QueryNotFound, catalogue, load_query, make_term
from .negotiation import best_match, prefers_html
from .sparql import ProtocolError, cors, error, render_editor, run_query

bp = Blueprint("catalogue", __name__)


def _as_json(q) -> dict:
    return {"name": q.name, "title": {"zh": q.title_zh, "en": q.title_en},
            "description": {"zh": q.description_zh, "en": q.description_en},
            "parameters": [{"name": p.name, "kind": p.kind, "default": p.default, "description": p.doc} for p in q.params],
            "url": url_for("catalogue.run", name=q.name, _external=True), "query": q.text}


@bp.route("/queries")
def index():
    queries = list(catalogue().values())
    if request.args.get("format") == "json" or (
            not prefers_html(request.headers.get("Accept"))
            and best_match(request.headers.get("Accept"), ["application/json", "text/html"]) == "application/json"):
        return cors(jsonify({"queries": [_as_json(q) for q in queries]}))
    return render_template("queries.html", queries=queries)


@bp.route("/queries/<name>")
def run(name: str):
    try:
        q = load_query(name)
    except QueryNotFound as exc:
        return error(404, str(exc))
    values = {k: v for k, v in request.args.items() if k not in ("format", "output")}
    try:
        q.bind(values)  # validates names and kinds; the workers build the same terms
    except ValueError as exc:
        return error(400, str(exc))
    subs = {p.name: (p.kind, values.get(p.name, p.default)) for p in q.params}
    params = {k: request.args.getlist(k) for k in ("format", "output") if k in request.args}
    if prefers_html(request.headers.get("Accept")) and "format" not in request.args:
        return render_editor(_with_values(q, subs), autorun=True)
    try:
        return cors(run_query(q.text, params, substitutions=subs))
    except ProtocolError as exc:
        return error(exc.status, str(exc))


def _with_values(q, subs) -> str:
    """The query as an editor shows it: the bound values written as an inline VALUES block."""
    from ..graph.sparql_text import inline_values

    return inline_values(q.text, {k: str(make_term(kind, value)) for k, (kind, value) in subs.items()})
