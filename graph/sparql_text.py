"""Reading SPARQL text without executing it: the query form, and whether it would reach
outside (SERVICE, LOAD), found in microseconds by a lexical scan.

The scan first applies SPARQL's codepoint escapes (\\uXXXX, \\UXXXXXXXX may stand anywhere
in a query, section 19.2), then masks comments, strings and IRIs, so that keywords are only
found where the grammar can read them as keywords: ``?service``, ``ex:SERVICE`` and
``"SERVICE"`` are not the keyword, ``\\u0053ERVICE`` is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKENS = re.compile(
    r'(?P<comment>#[^\n\r]*)'
    r'|(?P<long>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\')'
    r'|(?P<str>"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\')'
    r'|(?P<iri><[^<>"{}|^`\\\s]*>)',
    re.S,
)
_WORD = re.compile(r"(?<![\w?$:@.-])([A-Za-z]+)(?![\w:-])")


class OutboundRefused(ValueError):
    """The query or update would make the server fetch something: refused before execution."""


def unescape(text: str) -> str:
    def sub(m):
        cp = int(m.group(1) or m.group(2), 16)
        try:
            return chr(cp)
        except (ValueError, OverflowError):
            return m.group(0)

    return _ESCAPE.sub(sub, text)


def masked(text: str) -> str:
    """The text with comments, strings and IRIs blanked out (same length)."""
    def blank(m):
        return " " * (m.end() - m.start()) if m.lastgroup != "iri" else "<" + " " * (m.end() - m.start() - 2) + ">"

    return _TOKENS.sub(blank, unescape(text))


def keywords(text: str) -> list[tuple[str, int]]:
    """Keywords (upper-cased) with their positions in the masked, unescaped text."""
    return [(m.group(1).upper(), m.start(1)) for m in _WORD.finditer(masked(text))]


QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


VOLATILE = {"NOW", "RAND", "UUID", "STRUUID", "BNODE"}


@dataclass(frozen=True)
class QueryInfo:
    form: str | None      # SELECT, ASK, CONSTRUCT, DESCRIBE (None: not found)
    outbound: str | None  # the keyword that would reach out (SERVICE), if any
    volatile: bool = False  # calls a function whose value changes from one run to the next


def inspect_query(text: str) -> QueryInfo:
    words = keywords(text)
    form = next((w for w, _ in words if w in QUERY_FORMS), None)
    outbound = next((w for w, _ in words if w == "SERVICE"), None)
    return QueryInfo(form, outbound, any(w in VOLATILE for w, _ in words))


def check_query(text: str) -> QueryInfo:
    info = inspect_query(text)
    if info.outbound:
        raise OutboundRefused("SERVICE is refused: this endpoint never sends requests to other services")
    return info


def check_update(text: str) -> None:
    words = {w for w, _ in keywords(text)}
    if "SERVICE" in words:
        raise OutboundRefused("SERVICE is refused: this endpoint never sends requests to other services")
    if "LOAD" in words:
        raise OutboundRefused("LOAD is refused: this endpoint never fetches documents; use the Graph Store "
                              "Protocol (/data) or `policykg ingest`")


def has_dataset_clause(text: str) -> bool:
    """True when an update names its own dataset (USING, USING NAMED or WITH)."""
    return any(w in ("USING", "WITH") for w, _ in keywords(text))


def add_using(text: str, default: list[str], named: list[str]) -> str:
    """The update with USING / USING NAMED clauses (from the protocol's using-graph-uri and
    using-named-graph-uri) inserted before the WHERE of every DELETE/INSERT operation."""
    clause = "".join(f" USING <{g}>" for g in default) + "".join(f" USING NAMED <{g}>" for g in named) + " "
    src = unescape(text)
    mask = masked(text)
    out, last, depth = [], 0, 0
    prev_word = None
    i = 0
    n = len(mask)
    while i < n:
        ch = mask[i]
        if ch == "{":
            if depth == 0:
                prev_word = "{"
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and ch.isalpha() and (i == 0 or not (mask[i - 1].isalnum() or mask[i - 1] in "?$:_")):
            m = re.match(r"[A-Za-z]+", mask[i:])
            word = m.group(0).upper()
            if word == "WHERE" and prev_word != "DELETE":
                out.append(src[last:i])
                out.append(clause)
                last = i
            prev_word = word
            i += len(m.group(0))
            continue
        i += 1
    out.append(src[last:])
    return "".join(out)


def inline_values(text: str, bindings: dict[str, str]) -> str:
    """The query with ``VALUES (?a ?b) { (t1 t2) }`` placed first in its outermost WHERE
    group, so that every pattern and FILTER of the query sees the bound values. The terms
    are given in N-Triples syntax, as pyoxigraph writes them."""
    if not bindings:
        return text
    src = unescape(text)
    mask = masked(text)
    block = " VALUES (" + " ".join(f"?{k}" for k in bindings) + ") { (" + " ".join(bindings.values()) + ") } "
    words = keywords(text)
    where_at = None
    for w, p in words:
        if w == "WHERE" and mask[:p].count("{") == mask[:p].count("}"):
            where_at = p
            break
    start = where_at if where_at is not None else next((p for w, p in words if w in QUERY_FORMS), 0)
    brace = mask.find("{", start)
    if brace < 0:
        raise ValueError("the query has no WHERE group to bind parameters in")
    return src[:brace + 1] + block + src[brace + 1:]
