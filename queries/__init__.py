"""The catalogue of named SPARQL queries: ``.rq`` files in this folder whose header
comments give a title and a description in Chinese and English, and declare parameters.

    # title: 中文标题 | English title
    # description: 中文说明 | English description
    # param: name (literal|label|year|iri|integer) = default | what it is

A ``label`` parameter is a Chinese label (a literal tagged @zh) and a ``year`` an
xsd:gYear, so that the query can look them up by the index instead of filtering.

A parameter is bound by substituting the query variable ``?name`` with an RDF term
(SPARQL SEP-0007 substitution in the embedded store, a VALUES clause elsewhere), never by
pasting text into the query.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

HERE = Path(__file__).resolve().parent
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class QueryNotFound(LookupError):
    pass


@dataclass(frozen=True)
class Param:
    name: str
    kind: str          # literal, label, year, iri or integer
    default: str | None
    doc: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    text: str
    params: tuple[Param, ...] = field(default_factory=tuple)

    def example(self) -> str:
        """The query with its parameters' defaults bound inline, ready to run in an editor."""
        from ..graph.sparql_text import inline_values

        return inline_values(self.text, {p.name: str(to_term(p, p.default)) for p in self.params if p.default})

    def bind(self, values: dict[str, str]) -> dict[str, ox.Term]:
        """Terms for the parameters, from ``values`` or the defaults. Unknown names and
        values that are not of the parameter's kind raise ValueError."""
        known = {p.name for p in self.params}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"unknown parameter(s) for {self.name}: {', '.join(sorted(unknown))}")
        out = {}
        for p in self.params:
            raw = values.get(p.name, p.default)
            if raw is None or raw == "":
                raise ValueError(f"parameter {p.name} of {self.name} is required ({p.doc})")
            out[p.name] = to_term(p, raw)
        return out


def to_term(p: Param, raw: str):
    return make_term(p.kind, raw, p.name)


def make_term(kind: str, raw: str, name: str = "value"):
    """The RDF term a parameter value of this kind stands for; ValueError when it is not one."""
    if kind == "iri":
        if not re.match(r"^https?://[^\s<>\"{}|\\^`]+$", raw):
            raise ValueError(f"parameter {name} must be an http(s) IRI")
        return ox.NamedNode(raw)
    if kind == "year":
        if not re.fullmatch(r"\d{4}", raw):
            raise ValueError(f"parameter {name} must be a year of four digits")
        return ox.Literal(raw, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#gYear"))
    if kind == "integer":
        if not re.fullmatch(r"-?\d{1,12}", raw):
            raise ValueError(f"parameter {name} must be an integer")
        return ox.Literal(raw, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if len(raw) > 500:
        raise ValueError(f"parameter {name} is longer than 500 characters")
    return ox.Literal(raw, language="zh") if kind == "label" else ox.Literal(raw)


def parse_query_file(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    params = []
    for line in text.splitlines():
        m = re.match(r"#\s*(title|description|param):\s*(.*)$", line)
        if not m:
            continue
        key, value = m.groups()
        if key == "param":
            pm = re.match(r"(\w+)\s*\((literal|label|year|iri|integer)\)\s*(?:=\s*([^|]*?))?\s*\|\s*(.*)$", value)
            if not pm:
                raise ValueError(f"{path.name}: bad param line: {value}")
            params.append(Param(pm.group(1), pm.group(2), (pm.group(3) or "").strip() or None, pm.group(4).strip()))
        else:
            meta[key] = value
    zh_t, _, en_t = meta.get("title", path.stem).partition("|")
    zh_d, _, en_d = meta.get("description", "").partition("|")
    return NamedQuery(path.stem, zh_t.strip(), en_t.strip() or zh_t.strip(), zh_d.strip(), en_d.strip(),
                      text, tuple(params))


@lru_cache(maxsize=1)
def catalogue() -> dict[str, NamedQuery]:
    """Every named query, by name."""
    return {p.stem: parse_query_file(p) for p in sorted(HERE.glob("*.rq"))}


def load_query(name: str) -> NamedQuery:
    if not NAME_RE.match(name or "") or name not in catalogue():
        raise QueryNotFound(f"no named query {name!r}; known: {', '.join(catalogue())}")
    return catalogue()[name]
