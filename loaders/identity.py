"""Identity: one entity, one IRI, across documents.

An IRI is built from the entity's class group and its canonical key, hashed under a
configurable base, so the same document ingested into two stores yields the same IRIs:
- central organs by their official name (国家发改委 = 国家发展改革委 = 国家发展和改革委员会);
- local organs by their jurisdiction (市政府 in a Quzhou document = 衢州市人民政府), or, where
  no jurisdiction is known, scoped to the document (市委 of two unknown cities stay two);
- places by their official full name (济南 = 济南市);
- everything else by its normalized name (《…》 cited in two documents is one document).
The label of an entity whose IRI other documents share is derived from the key, so that
the union of all graphs keeps exactly one rdfs:label per entity.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from .entities import Mention
from .gazetteer import Place, gazetteer

MARKS = "“”\"'《》〈〉「」‘’ \t\u3000"
SLUG = {"PolicyDocument": "document", "Policy": "initiative", "Program": "initiative",
        "IssuingBody": "body", "Park": "park", "Place": "place"}
DEPARTMENT_SUFFIX = re.compile(r"(?:厅|局|委员会)$")
LEVEL_OF = {"省": "province", "市": "city", "州": "city", "县": "county", "区": "county"}


def canonical(label: str) -> str:
    s = unicodedata.normalize("NFKC", label)
    s = "".join(ch for ch in s if ch not in MARKS)
    return s[1:] if s.startswith("我") and len(s) > 1 else s


def iri(base: str, cls: str, key: str) -> str:
    return f"{base}{SLUG[cls]}/{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"


@dataclass(frozen=True)
class Identity:
    iri: str
    label: str | None      # fixed label when other documents share the IRI; None: the longest mention
    extra_alias: str | None = None


def _gov(name: str) -> str:
    return name.replace("人民政府", "政府")


def _organ_label(place: str, organ: str) -> str:
    """衢州市 + 政府 → 衢州市人民政府: the official form of a government's name."""
    return place + ("人民" + organ if organ.startswith("政府") else organ)


def resolve(m: Mention, base: str, jurisdiction: Place | None, doc_scope: str) -> Identity:
    g = gazetteer()
    label = canonical(m.label)
    if m.cls == "IssuingBody":
        if label in g.central:
            official = g.central[label]
            return Identity(iri(base, m.cls, "central:" + official), official)
        core = label[2:] if label.startswith("中共") else label
        if core in LEVEL_OF:  # 市委、市…: the bare level of a party-government pair is the government
            core += "政府"
        level = core[:1]
        # only an official full name (嘉兴市, not the short 嘉兴 of 嘉兴港区) makes this a local organ
        place_prefix = next((core[:n] for n in range(min(len(core), 12), 1, -1)
                             if core[:n] in g.places and g.places[core[:n]].name == core[:n]), None)
        if level in LEVEL_OF and place_prefix is None:
            if jurisdiction is not None and _matches_level(jurisdiction, LEVEL_OF[level]):
                full = _jurisdiction_at(jurisdiction, LEVEL_OF[level])
                return Identity(iri(base, m.cls, "organ:" + _gov(full + core[1:])), _organ_label(full, core[1:]))
            return Identity(iri(base, m.cls, f"scoped:{doc_scope}:{_gov(core)}"), None)
        if place_prefix is not None:
            place, rest = g.places[place_prefix], core[len(place_prefix):]
            return Identity(iri(base, m.cls, "organ:" + _gov(place.name + rest)), _organ_label(place.name, rest))
        if DEPARTMENT_SUFFIX.search(core) and not core.startswith(("中共", "国家", "国务院")) and m.source == "organ":
            if jurisdiction is None:  # whose 自然资源厅? only this document can tell
                return Identity(iri(base, m.cls, f"scoped:{doc_scope}:{core}"), None)
            full = jurisdiction.name + core  # 自然资源厅 of a Sichuan document is 四川省自然资源厅
            return Identity(iri(base, m.cls, "organ:" + _gov(full)), full)
        return Identity(iri(base, m.cls, "name:" + label), label)
    if m.cls == "Place":
        place = g.places.get(label)
        if place is not None:
            return Identity(iri(base, m.cls, "place:" + place.name), place.name,
                            extra_alias=label if label != place.name else None)
        return Identity(iri(base, m.cls, "name:" + label), label)
    group = "initiative" if m.cls in ("Program", "Policy") else m.cls
    return Identity(iri(base, m.cls, f"{group}:{label}"), label)


def _matches_level(j: Place, level: str) -> bool:
    order = ["province", "city", "county"]
    return order.index(j.level) >= order.index(level)


def _jurisdiction_at(j: Place, level: str) -> str:
    """The enclosing division of ``j`` at ``level`` (the city of a county). A county-level
    city (浏阳市) is the 市 of its own documents: its 市农业农村局 is 浏阳市农业农村局."""
    if level == "city" and j.level == "county" and j.name.endswith("市"):
        return j.name
    g = gazetteer()
    node = j
    while node is not None and node.level != level:
        node = g.places.get(node.parent) if node.parent else None
    return node.name if node is not None else j.name


def find_jurisdiction(text: str) -> Place | None:
    """The division a header names first (衢州市人民政府 → 衢州市), if any."""
    g = gazetteer()
    from .entities import _patterns

    for m in _patterns()["place"].finditer(text):
        place = g.places.get(m.group(0))
        if place is not None:
            return place
    return None


def resolve_jurisdiction(name: str) -> Place:
    """A --jurisdiction argument (淄博, 淄博市, 山东省淄博市) as a division."""
    g = gazetteer()
    name = name.strip()
    if name in g.places:
        return g.places[name]
    for n in range(len(name), 1, -1):  # the most specific division named at the end
        for k in range(0, len(name) - 1):
            if name[k:k + n] in g.places and k + n == len(name):
                return g.places[name[k:k + n]]
    raise ValueError(f"--jurisdiction: {name!r} is not a known administrative division")

