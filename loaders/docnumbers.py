"""Who issued a document, read from its number: 衢政发〔2016〕11号 is a 衢州市人民政府
document, 国办发〔2024〕52号 one of 国务院办公厅 (codes in data/document_number_codes.txt)."""
from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import Place, gazetteer, read_groups

NUMBER = re.compile(r"^(?P<head>[\u3400-\u9fff]{1,8})[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]")


@lru_cache(maxsize=1)
def _code_groups() -> dict[str, list[tuple[str, str]]]:
    """Each group of document_number_codes.txt as (code, name) pairs, read once."""
    return {group: [(c.strip(), o.strip()) for c, _, o in (line.partition("|") for line in lines)]
            for group, lines in read_groups("document_number_codes.txt").items()}


@lru_cache(maxsize=1)
def _codes() -> tuple[dict[str, str], list[tuple[str, str]]]:
    groups = _code_groups()
    return dict(groups["central"]), sorted(groups["local"], key=lambda p: -len(p[0]))


@lru_cache(maxsize=1)
def _province_short_names() -> dict[str, str]:
    return dict(_code_groups()["province"])


def _parse(number: str) -> tuple[str | None, str | None, str | None]:
    """(central organ, local abbreviation, local organ suffix) of a document number."""
    m = NUMBER.match(number.strip())
    if not m:
        return None, None, None
    head = m.group("head")
    central, local = _codes()
    if head in central:
        return central[head], None, None
    for code, organ in local:
        if head.endswith(code) and len(head) > len(code):
            return None, head[: -len(code)], organ
    return None, None, None


def issuer_of_number(number: str, jurisdiction: Place | None) -> str | None:
    """The full name of the organ a document number names, or None when it cannot tell."""
    central, abbrev, organ = _parse(number)
    if central or abbrev is None:
        return central
    place = _place_for(abbrev, jurisdiction)
    if place is None:
        return None
    if place.level == "province" and organ.endswith("办公室"):
        organ = organ[: -len("办公室")] + "办公厅"   # a province's general offices are 办公厅 (浙政办发: 浙江省人民政府办公厅)
    return place.name + organ


def place_of_number(number: str) -> Place | None:
    """The division a local document number belongs to (淄发〔2017〕34号 → 淄博市)."""
    _, abbrev, _ = _parse(number)
    return _place_for(abbrev, None) if abbrev is not None else None


def _place_for(abbrev: str, jurisdiction: Place | None) -> Place | None:
    """The division an abbreviation stands for: the document's own jurisdiction (or the
    one above it) when its name starts so, else the one city or province whose does."""
    g = gazetteer()
    node = jurisdiction
    while node is not None:
        if node.name.startswith(abbrev):
            return node
        node = g.places.get(node.parent) if node.parent else None
    province = _province_short_names().get(abbrev)
    if province in g.places:   # 湘政, 川办发, 粤府: a province by its short name
        return g.places[province]
    hits = {p.name: p for p in g.places.values() if p.level in ("city", "province") and p.name.startswith(abbrev)}
    return next(iter(hits.values())) if len(hits) == 1 else None
