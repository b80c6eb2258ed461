"""The SPARQL 1.1 Protocol endpoint (/sparql) and the Graph Store Protocol (/data).

Queries: GET, POST urlencoded or POST application/sparql-query; default-graph-uri and
named-graph-uri honoured; answers negotiated from the Accept header (or a `format`
parameter). Every query runs in a worker process with a time limit and a row cap.
Updates and Graph Store writes need ``Authorization: Bearer <token>``; with no token
configured, writes are off. SERVICE and LOAD are refused before anything runs.
"""
from __future__ import annotations

import hmac
from urllib.parse import parse_qs

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request

from ..graph.executor import ExecutorBusy, QueryFailed, QueryJob, QueryTimeout
from ..graph.serialize import serialize_triples
from ..graph.sparql_text import OutboundRefused, add_using, check_query, check_update, has_dataset_clause
from ..graph.store import StoreError
from ..ontology import PREFIXES
from .app import services
from .formats import CONTENT_TYPE, FORMAT_PARAM, GRAPH_FORMATS, GRAPH_TYPES, RESULT_FORMATS, RESULT_TYPES
from .negotiation import best_match, prefers_html

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"


def endpoint_iri(env: dict | None = None) -> str:
    """This endpoint's own URL, the base IRI of queries and updates (built from the WSGI
    environ directly: werkzeug's base_url costs a tenth of a small query's time)."""
    env = request.environ if env is None else env
    host = env.get("HTTP_HOST") or f"{env.get('SERVER_NAME', 'localhost')}:{env.get('SERVER_PORT', '80')}"
    return f"{env.get('wsgi.url_scheme', 'http')}://{host}{env.get('SCRIPT_NAME', '')}{env.get('PATH_INFO', '')}"


def error(status: int, message: str, **headers) -> Response:
    status, head, body = plain(status, message, *headers.items())
    return Response(body, status=status, headers=head)


def _media(ctype: str | None) -> tuple[str, str | None]:
    """(media type, charset) of a Content-Type header."""
    if not ctype:
        return "", None
    parts = [p.strip() for p in ctype.split(";")]
    charset = next((p.split("=", 1)[1].strip().strip('"').lower() for p in parts[1:] if p.lower().startswith("charset=")), None)
    return parts[0].lower(), charset


def _utf8(data: bytes) -> str:
    return data.decode("utf-8")


class ProtocolError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def protocol_params() -> dict[str, list[str]]:
    """All protocol parameters: the URL's query string plus, for a form POST, the body."""
    params = parse_qs(request.query_string.decode("utf-8", "replace"), keep_blank_values=True)
    if request.method == "POST":
        media, charset = _media(request.headers.get("Content-Type"))
        if media == FORM:
            try:
                body = _utf8(request.get_data(cache=True))
            except UnicodeDecodeError:
                raise ProtocolError(400, "the form body is not valid UTF-8") from None
            for k, v in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
    return params


def _one(params: dict, name: str) -> str | None:
    values = params.get(name)
    if not values:
        return None
    if len(values) > 1:
        raise ProtocolError(400, f"more than one '{name}' parameter")
    return values[0]


def _direct_body(kind: str) -> str:
    media, charset = _media(request.headers.get("Content-Type"))
    if charset and charset not in ("utf-8", "utf8"):
        raise ProtocolError(400, f"the {kind} must be sent in UTF-8, not {charset}")
    try:
        return _utf8(request.get_data(cache=True))
    except UnicodeDecodeError:
        raise ProtocolError(400, f"the {kind} is not valid UTF-8") from None


@bp.route("/sparql", methods=["GET", "POST", "OPTIONS"])
@bp.route("/sparql/", methods=["GET", "POST", "OPTIONS"])
def endpoint():
    if request.method == "OPTIONS":
        return cors(Response(status=204, headers={"Allow": "GET, POST, OPTIONS"}))
    try:
        params = protocol_params()
        media, _ = _media(request.headers.get("Content-Type"))
        if request.method == "GET":
            if "update" in params:
                raise ProtocolError(400, "updates must be sent with POST")
            query = _one(params, "query")
            if query is None:
                return service_description_or_editor()
            return cors(run_query(query, params))
        # POST
        if media == FORM:
            query, update = _one(params, "query"), _one(params, "update")
            if (query is None) == (update is None):
                raise ProtocolError(400, "a form POST needs exactly one 'query' or 'update' parameter")
            return run_query(query, params) if query is not None else run_update(update, params)
        if media == "application/sparql-query":
            return run_query(_direct_body("query"), params)
        if media == "application/sparql-update":
            return run_update(_direct_body("update"), params)
        raise ProtocolError(415 if media else 400,
                            "POST needs Content-Type application/x-www-form-urlencoded, "
                            "application/sparql-query or application/sparql-update"
                            + (f" (got {media})" if media else " (none given)"))
    except ProtocolError as exc:
        return error(exc.status, str(exc))


@bp.app_errorhandler(405)
def method_not_allowed(exc):
    return error(405, f"method {request.method} is not allowed here", Allow="GET, POST")


CORS = [("Access-Control-Allow-Origin", "*"), ("Access-Control-Expose-Headers", "X-Result-Truncated, Warning")]


def cors(resp: Response) -> Response:
    for name, value in CORS:
        resp.headers[name] = value
    return resp


def choose_format(form: str | None, params: dict, accept: str | None) -> str:
    """The serializer for a query of this form, from `format` or the Accept header."""
    # clients such as SPARQLWrapper send format, output and results at once: the first known one wins
    wants = (params.get("format") or []) + (params.get("output") or []) + (params.get("results") or [])
    want = next((w for w in wants if w.lower() in FORMAT_PARAM), wants[0] if wants else None)
    graph = form in ("CONSTRUCT", "DESCRIBE")
    allowed = GRAPH_FORMATS if graph else RESULT_FORMATS
    if want:
        fmt = FORMAT_PARAM.get(want.lower())
        if fmt not in allowed:
            raise ProtocolError(400, f"format={want} does not fit a {form or 'SELECT'} query; use one of {', '.join(allowed)}")
        return fmt
    table = GRAPH_TYPES if graph else RESULT_TYPES
    media = best_match(accept, list(table))
    if media is None:
        raise ProtocolError(406, "none of the acceptable media types can carry this answer; offered: "
                            + ", ".join(dict.fromkeys(table)))
    return table[media]


def answer_query(svc, query: str, params: dict, accept: str | None, base: str,
                 substitutions: dict | None = None) -> tuple[int, list[tuple[str, str]], bytes]:
    """Run a query as the protocol asks: (status, headers, body). Framework-free, so that
    the Flask route and the WSGI fast path share it; raises ProtocolError for 400/406."""
    try:
        info = check_query(query)
    except OutboundRefused as exc:
        raise ProtocolError(400, str(exc)) from None
    fmt = choose_format(info.form, params, accept)
    default = params.get("default-graph-uri")
    named = params.get("named-graph-uri")
    key = (query, fmt, tuple(default or ()) if default is not None else None,
           tuple(named or ()) if named is not None else None, tuple(sorted((substitutions or {}).items())),
           base, svc.executor.generation)
    volatile = info.volatile  # NOW(), RAND(), UUID(): a new answer each time
    answer = None if volatile else svc.answers.get(key)
    if answer is None:
        job = QueryJob(query=query, fmt=fmt, default_graph=default, named_graphs=named,
                       substitutions=substitutions or {}, limit=svc.max_rows, base_iri=base)
        try:
            answer = svc.executor.run(job)
        except QueryTimeout as exc:
            return plain(503, str(exc), ("Retry-After", "5"))
        except ExecutorBusy as exc:
            return plain(503, f"the server is busy: {exc}", ("Retry-After", "5"))
        except QueryFailed as exc:
            return plain(400 if exc.syntax else 500,
                         ("malformed query: " if exc.syntax else "query failed: ") + str(exc))
        if not volatile:
            svc.answers.put(key, answer, len(answer.body))
    headers = [("Content-Type", CONTENT_TYPE[fmt]), ("Vary", "Accept")]
    if answer.truncated:
        note = f"result cut at {svc.max_rows} rows (the server's limit); add LIMIT/OFFSET to page through it"
        headers += [("X-Result-Truncated", str(svc.max_rows)), ("Warning", f'199 policykg "{note}"')]
    return 200, headers, answer.body


def plain(status: int, message: str, *headers: tuple[str, str]) -> tuple[int, list[tuple[str, str]], bytes]:
    return status, [("Content-Type", "text/plain; charset=utf-8"), *headers], (message.rstrip() + "\n").encode("utf-8")


def run_query(query: str, params: dict, substitutions: dict | None = None) -> Response:
    status, headers, body = answer_query(services(), query, params, request.headers.get("Accept"), endpoint_iri(),
                                         substitutions)
    return Response(body, status=status, headers=headers)


STATUS_LINES = {200: "200 OK", 400: "400 Bad Request", 406: "406 Not Acceptable", 500: "500 Internal Server Error",
                503: "503 Service Unavailable"}


def fast_get(wsgi_app, get_services):
    """WSGI middleware answering the most common request, ``GET /sparql?query=…``, without
    Flask's request and response machinery (measured: Flask's share was a fifth of the
    server's time per small query); everything else goes on to ``wsgi_app``."""
    def app(environ, start_response):
        if (environ.get("REQUEST_METHOD") != "GET" or environ.get("PATH_INFO") not in ("/sparql", "/sparql/")
                or "query=" not in environ.get("QUERY_STRING", "")):
            return wsgi_app(environ, start_response)
        # WSGI gives the query string as latin-1 text: get its bytes back, read them as UTF-8
        params = parse_qs(environ["QUERY_STRING"].encode("latin-1").decode("utf-8", "replace"), keep_blank_values=True)
        if "update" in params or len(params.get("query") or ()) != 1:
            return wsgi_app(environ, start_response)  # the errors are worded there
        try:
            status, headers, body = answer_query(get_services(), params["query"][0], params,
                                                 environ.get("HTTP_ACCEPT"), endpoint_iri(environ))
        except ProtocolError as exc:
            status, headers, body = plain(exc.status, str(exc))
        start_response(STATUS_LINES.get(status, str(status)),
                       headers + CORS + [("Content-Length", str(len(body)))])
        return [body]

    return app


def check_write_access() -> None:
    token = services().token
    if not token:
        raise ProtocolError(403, "writes are disabled on this endpoint (no token is configured)")
    auth = request.headers.get("Authorization", "")
    given = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
    if not given or not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        raise _Unauthorized()


class _Unauthorized(ProtocolError):
    def __init__(self):
        super().__init__(401, "this operation needs 'Authorization: Bearer <token>'")


def run_update(update: str, params: dict) -> Response:
    try:
        check_write_access()
    except _Unauthorized as exc:
        return error(401, str(exc), **{"WWW-Authenticate": 'Bearer realm="policykg"'})
    svc = services()
    try:
        check_update(update)
    except OutboundRefused as exc:
        raise ProtocolError(400, str(exc)) from None
    using, using_named = params.get("using-graph-uri") or [], params.get("using-named-graph-uri") or []
    if using or using_named:
        if has_dataset_clause(update):
            raise ProtocolError(400, "the update names its dataset (USING/WITH) and the request does too "
                                     "(using-graph-uri/using-named-graph-uri): give one of them")
        update = add_using(update, using, using_named)
    try:
        svc.store.update(update, base_iri=endpoint_iri())
        stray = svc.store.sync_union()
    except SyntaxError as exc:
        raise ProtocolError(400, "malformed update: " + (str(exc).splitlines()[0] if str(exc) else "syntax error")) from None
    except (StoreError, OSError, ValueError) as exc:
        return error(500, f"update failed: {exc}")
    finally:
        svc.executor.invalidate()
    resp = Response(status=204)
    if stray:
        resp.headers["Warning"] = (f'199 policykg "{stray} triples written to the default graph were not kept: it holds '
                                   'the union of the named graphs; write into a named graph (GRAPH <iri> {{ ... }})"')
    return resp


def service_description_or_editor() -> Response:
    if prefers_html(request.headers.get("Accept")):
        return Response(render_editor(None), mimetype="text/html")
    return service_description()


def render_editor(query: str | None, autorun: bool = False) -> str:
    """The YASGUI page, with the catalogue as examples and ``query`` loaded (and run)."""
    from ..queries import catalogue

    return render_template("editor.html", queries=list(catalogue().values()), prefixes=PREFIXES, query=query,
                           autorun=autorun, base=services().store.base)


def service_description() -> Response:
    url = request.base_url
    formats = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
               "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "TriG"]
    langs = "sd:SPARQL11Query" + (", sd:SPARQL11Update" if services().token else "")
    ttl = f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<{url}> a sd:Service ;
    rdfs:label "policykg SPARQL endpoint" ;
    sd:endpoint <{url}> ;
    sd:supportedLanguage {langs} ;
    sd:feature sd:UnionDefaultGraph ;
    sd:resultFormat {", ".join("formats:" + f for f in formats)} ;
    sd:defaultDataset [ a sd:Dataset ;
        rdfs:comment "The default graph is the union of all document graphs; each ingested document is one named graph." ;
        sd:defaultGraph [ a sd:Graph ] ] .
"""
    fmt = best_match(request.headers.get("Accept"), list(GRAPH_TYPES)) or "text/turtle"
    if GRAPH_TYPES[fmt] == "turtle":
        return cors(Response(ttl, content_type=CONTENT_TYPE["turtle"]))
    triples = [ox.Triple(t.subject, t.predicate, t.object) for t in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)]
    return cors(Response(serialize_triples(triples, GRAPH_TYPES[fmt]), content_type=CONTENT_TYPE[GRAPH_TYPES[fmt]]))


@bp.route("/editor")
def editor():
    return render_editor(request.args.get("query"))


# -- Graph Store Protocol ---------------------------------------------------------------------

RDF_MEDIA = {"text/turtle": ox.RdfFormat.TURTLE, "application/x-turtle": ox.RdfFormat.TURTLE,
             "application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
             "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
             "application/trig": ox.RdfFormat.TRIG, "application/n-quads": ox.RdfFormat.N_QUADS}


def _target_graph() -> ox.NamedNode | ox.DefaultGraph:
    graph = request.args.getlist("graph")
    if "default" in request.args and not graph:
        return ox.DefaultGraph()
    if len(graph) != 1 or not graph[0].startswith(("http://", "https://", "urn:")):
        raise ProtocolError(400, "name the graph with ?graph=IRI (an absolute IRI) or ?default")
    return ox.NamedNode(graph[0])


@bp.route("/data", methods=["GET", "HEAD", "PUT", "POST", "DELETE"])
def graph_store():
    svc = services()
    try:
        target = _target_graph()
        if request.method in ("GET", "HEAD"):
            return cors(_get_graph(svc, target))
        try:
            check_write_access()
        except _Unauthorized as exc:
            return error(401, str(exc), **{"WWW-Authenticate": 'Bearer realm="policykg"'})
        raw = svc.store.raw if hasattr(svc.store, "raw") else None
        if raw is None:
            raise ProtocolError(501, "the Graph Store Protocol needs the embedded store; use SPARQL Update")
        if isinstance(target, ox.DefaultGraph):
            raise ProtocolError(405, "the default graph is the union of the named graphs and is not written "
                                     "directly; name a graph with ?graph=IRI")
        existed = _graph_exists(raw, target)
        if request.method == "DELETE":
            if not existed:
                return error(404, "no such graph")
            _drop(svc, target)
        else:
            quads = _parse_body(target)
            if request.method == "PUT":
                _drop(svc, target)
            raw.extend(quads)
            raw.flush()
        svc.store.sync_union()
        svc.executor.invalidate()
        return Response(status=204 if existed or request.method == "DELETE" else 201)
    except ProtocolError as exc:
        return error(exc.status, str(exc))


def _graph_exists(raw: ox.Store, g) -> bool:
    return next(iter(raw.quads_for_pattern(None, None, None, g)), None) is not None


def _drop(svc, g) -> None:
    svc.store.update(f"DROP SILENT GRAPH {g}")


def _parse_body(target) -> list[ox.Quad]:
    media, charset = _media(request.headers.get("Content-Type"))
    fmt = RDF_MEDIA.get(media)
    if fmt is None:
        raise ProtocolError(415, f"unsupported RDF media type {media or '(none)'}; use one of {', '.join(RDF_MEDIA)}")
    data = request.get_data(cache=False)
    if fmt == ox.RdfFormat.RDF_XML and b"<!ENTITY" in data.upper():
        raise ProtocolError(400, "RDF/XML declaring XML entities (<!ENTITY) is refused")
    try:
        return [ox.Quad(q.subject, q.predicate, q.object, target)
                for q in ox.parse(data, format=fmt, base_iri=request.base_url)]
    except SyntaxError as exc:
        raise ProtocolError(400, "malformed RDF: " + (str(exc).splitlines()[0] if str(exc) else "syntax error")) from None


def _get_graph(svc, target) -> Response:
    media = best_match(request.headers.get("Accept"), ["text/turtle", "application/n-triples", "application/rdf+xml",
                                                       "application/ld+json", "application/trig"])
    if media is None:
        raise ProtocolError(406, "offered: text/turtle, application/n-triples, application/rdf+xml, application/ld+json")
    if isinstance(target, ox.DefaultGraph):
        q = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
        triples = list(svc.store.query(q))
    else:
        triples = list(svc.store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {target} {{ ?s ?p ?o }} }}"))
        if not triples:
            return error(404, "no such graph")
    fmt = GRAPH_TYPES[media]
    body = b"" if request.method == "HEAD" else serialize_triples(triples, fmt)
    return Response(body, content_type=CONTENT_TYPE[fmt])
