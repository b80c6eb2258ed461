"""Running a query through the store interface and writing its answer in a standard
format: SPARQL 1.1 Query Results (JSON, XML, CSV, TSV) for SELECT and ASK, RDF for
CONSTRUCT and DESCRIBE, or a plain text table for people."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from .serialize import serialize_triples


@dataclass
class Result:
    kind: str                       # "select", "ask" or "graph"
    variables: list[str] | None = None
    rows: list[list] | None = None  # pyoxigraph terms or None
    boolean: bool | None = None
    triples: list | None = None
    truncated: bool = False


def run_query(store, sparql: str, *, substitutions=None, limit: int | None = None, **dataset) -> Result:
    """Run ``sparql`` and materialize at most ``limit`` rows or triples. ``dataset`` passes
    default_graph, named_graphs and base_iri on to the store."""
    subs = {ox.Variable(k) if isinstance(k, str) else k: v for k, v in (substitutions or {}).items()} or None
    answer = store.query(sparql, substitutions=subs, **dataset)
    if isinstance(answer, ox.QueryBoolean):
        return Result("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = [v.value for v in answer.variables]
        rows, truncated = [], False
        for sol in answer:
            if limit is not None and len(rows) >= limit:
                truncated = True
                break
            rows.append([sol[n] for n in names])
        return Result("select", variables=names, rows=rows, truncated=truncated)
    triples, truncated = [], False
    for t in answer:
        if limit is not None and len(triples) >= limit:
            truncated = True
            break
        triples.append(t)
    return Result("graph", triples=triples, truncated=truncated)


def term_json(t) -> dict:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(t.subject), "predicate": term_json(t.predicate),
                                            "object": term_json(t.object)}}
    out = {"type": "literal", "value": t.value}
    if t.language:
        out["xml:lang"] = t.language
    elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = t.datatype.value
    return out


def to_json(r: Result) -> bytes:
    if r.kind == "ask":
        return json.dumps({"head": {}, "boolean": r.boolean}).encode()
    bindings = [{v: term_json(t) for v, t in zip(r.variables, row) if t is not None} for row in r.rows]
    return json.dumps({"head": {"vars": r.variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")


def to_xml(r: Result) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    if r.kind == "ask":
        out.append(f"</head>\n<boolean>{'true' if r.boolean else 'false'}</boolean>\n</sparql>\n")
        return "".join(out).encode()
    out.extend(f"<variable name={quoteattr(v)}/>" for v in r.variables)
    out.append("</head>\n<results>\n")
    for row in r.rows:
        out.append("<result>")
        for v, t in zip(r.variables, row):
            if t is None:
                continue
            out.append(f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>")
        out.append("</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out).encode("utf-8")


def _xml_term(t) -> str:
    if isinstance(t, ox.NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, ox.BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, ox.Triple):
        return (f"<triple><subject>{_xml_term(t.subject)}</subject><predicate>{_xml_term(t.predicate)}</predicate>"
                f"<object>{_xml_term(t.object)}</object></triple>")
    if t.language:
        return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
    if t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
    return f"<literal>{escape(t.value)}</literal>"


def to_csv(r: Result) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if r.kind == "ask":
        w.writerow(["_askResult"])
        w.writerow(["true" if r.boolean else "false"])
    else:
        w.writerow(r.variables)
        for row in r.rows:
            w.writerow(["" if t is None else (t.value if not isinstance(t, ox.BlankNode) else "_:" + t.value)
                        for t in row])
    return buf.getvalue().encode("utf-8")


def to_tsv(r: Result) -> bytes:
    if r.kind == "ask":
        return f"?_askResult\n{'true' if r.boolean else 'false'}\n".encode()
    lines = ["\t".join("?" + v for v in r.variables)]
    for row in r.rows:
        lines.append("\t".join("" if t is None else str(t) for t in row))
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_table(r: Result) -> bytes:
    if r.kind == "ask":
        return (("yes" if r.boolean else "no") + "\n").encode()
    cells = [[_short(t) for t in row] for row in r.rows]
    widths = [max([len(v)] + [_width(c[i]) for c in cells]) for i, v in enumerate(r.variables)]
    line = lambda vals: "  ".join(v + " " * (w - _width(v)) for v, w in zip(vals, widths)).rstrip()
    out = [line(r.variables), line(["-" * w for w in widths])] + [line(c) for c in cells]
    out.append(f"({len(cells)} rows{', cut at the result limit' if r.truncated else ''})")
    return ("\n".join(out) + "\n").encode("utf-8")


def _short(t) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.NamedNode):
        return t.value
    if isinstance(t, ox.Literal):
        return t.value.replace("\n", " ")[:120]
    return str(t)


def _width(s: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


RESULT_FORMATS = {"json": (to_json, "application/sparql-results+json"),
                  "xml": (to_xml, "application/sparql-results+xml"),
                  "csv": (to_csv, "text/csv; charset=utf-8"),
                  "tsv": (to_tsv, "text/tab-separated-values; charset=utf-8"),
                  "table": (to_table, "text/plain; charset=utf-8")}


def format_result(r: Result, fmt: str) -> bytes:
    """The answer as bytes: result formats for SELECT/ASK, RDF (Turtle by default) for graphs."""
    if r.kind == "graph":
        return serialize_triples(r.triples, fmt if fmt in ("turtle", "ntriples", "rdfxml", "json-ld", "trig") else "turtle")
    fn = RESULT_FORMATS.get(fmt, RESULT_FORMATS["table"])[0]
    return fn(r)
