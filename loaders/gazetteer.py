"""Gazetteers and cue lists: the data files under ``loaders/data`` and China's
administrative divisions (from jionlp), loaded once and compiled into matchers.

Nothing here lists entities of any one document: only ministries and commissions,
organ suffixes, class suffixes, units, cue words and the official division names.
"""
from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def read_list(name: str) -> list[str]:
    """Entries of a one-item-per-line data file, comments and blanks skipped."""
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def read_groups(name: str) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    current = None
    for line in read_list(name):
        if line.startswith("[") and line.endswith("]"):
            current = groups.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return groups


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class Place:
    name: str          # full official name (淄川区)
    level: str         # province, city, county
    parent: str | None  # full name of the enclosing division
    code: str


@dataclass
class Gazetteer:
    central: dict[str, str] = field(default_factory=dict)   # any name -> canonical name
    places: dict[str, Place] = field(default_factory=dict)  # any name -> Place
    regions: set[str] = field(default_factory=set)
    organ_suffixes: list[str] = field(default_factory=list)
    generic_body_suffixes: list[str] = field(default_factory=list)
    program_suffixes: list[str] = field(default_factory=list)
    policy_suffixes: list[str] = field(default_factory=list)
    park_suffixes: list[str] = field(default_factory=list)
    document_kinds: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    cues: dict[str, list[str]] = field(default_factory=dict)
    stop_words: set[str] = field(default_factory=set)
    idioms: set[str] = field(default_factory=set)


def _jionlp():
    """jionlp, imported with its start-up banner kept off stdout (``extract`` writes RDF there)."""
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp
    return jionlp


def _former_counties(full: dict[str, Place], generic: set[str]) -> dict[str, Place]:
    """The 县 a county-level city or district was before it was renamed (撤县设市, 撤县设区:
    宁乡县 became 宁乡市 in 2017, 江宁县 江宁区 in 2000), so that documents older than the
    division list still name a place. Only a stem of two characters or more that no other
    division shares, and only where no division bears that name today: a stem of two or three
    characters, so no zone (漯河经济技术开发区), ethnic district (顺河回族区) or 林区."""
    former: dict[str, list[Place]] = {}
    for place in full.values():
        stem = place.name[:-1]
        if place.level == "county" and place.name[-1] in "市区" and 2 <= len(stem) <= 3 \
                and stem not in generic and not stem.endswith(("族", "林", "矿", "新", "园")):
            former.setdefault(stem + "县", []).append(place)
    return {name: Place(name, "county", cands[0].parent, cands[0].code)
            for name, cands in former.items() if len(cands) == 1 and name not in full}


def _load_places() -> tuple[dict[str, Place], set[str]]:
    """Every province, prefecture and county of China under its full name, and under its
    short name (济南 for 济南市) where that short name is unambiguous and two characters or
    more."""
    tree = _jionlp().china_location_loader()
    full: dict[str, Place] = {}
    short: dict[str, list[Place]] = {}

    def alias_list(node):
        a = node.get("_alias")
        return [a] if isinstance(a, str) else list(a or [])

    for prov_name, prov in tree.items():
        p = Place(prov["_full_name"], "province", None, prov.get("_admin_code", ""))
        full[p.name] = p
        for a in alias_list(prov):
            short.setdefault(a, []).append(p)
        for city_name, city in prov.items():
            if city_name.startswith("_"):
                continue
            c = Place(city["_full_name"], "city", p.name, city.get("_admin_code", ""))
            full.setdefault(c.name, c)
            for a in alias_list(city):
                short.setdefault(a, []).append(c)
            for county_name, county in city.items():
                if county_name.startswith("_"):
                    continue
                k = Place(county["_full_name"], "county", c.name, county.get("_admin_code", ""))
                full.setdefault(k.name, k)
                for a in alias_list(county):
                    short.setdefault(a, []).append(k)
    generic = set(read_list("place_stop_names.txt"))
    places = {n: p for n, p in full.items() if n not in generic}
    for name, place in _former_counties(full, generic).items():
        places.setdefault(name, place)
    for alias, cands in short.items():
        if len(alias) < 2 or alias in full or alias in generic:
            continue
        # the one city or province a short name stands for: 长沙 is 长沙市, not the 长沙县 named
        # after it, whatever jieba's tag (it tags 遵义, 包头 and 大连 as verbs and adverbs);
        # county short names (新建, 大关, 惠民) are ordinary words far too often
        upper = {c.name: c for c in cands if c.level != "county"}
        if len(upper) == 1:
            places[alias] = next(iter(upper.values()))
    regions = set(read_list("regions.txt"))
    return places, regions


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    g = Gazetteer()
    for line in read_list("central_bodies.txt"):
        names = [n.strip() for n in line.split("|") if n.strip()]
        for n in names:
            g.central.setdefault(n, names[0])
    g.places, g.regions = _load_places()
    g.organ_suffixes = read_list("organ_suffixes.txt")
    g.generic_body_suffixes = read_list("generic_body_suffixes.txt")
    g.program_suffixes = read_list("program_suffixes.txt")
    g.policy_suffixes = read_list("policy_suffixes.txt")
    g.park_suffixes = read_list("park_suffixes.txt")
    g.document_kinds = read_list("document_kinds.txt")
    g.units = read_list("units.txt")
    g.cues = read_groups("cues.txt")
    g.stop_words = set(read_list("name_stop_words.txt"))
    g.idioms = _idioms()
    return g


def _idioms() -> set[str]:
    try:
        return set(_jionlp().chinese_idiom_loader())
    except Exception:  # the idiom list only filters emphasis quotes; without it we still work
        return set()


def trie_regex(words) -> str:
    """A regex matching any of ``words`` (longest first), built as a trie so that thousands
    of names match in one pass without backtracking over every alternative."""
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body

    first = "".join(sorted(ch for ch in trie if ch))
    # a one-character lookahead lets the engine skip positions without trying every branch
    return f"(?=[{re.escape(first)}])" + build(trie) if first else build(trie)


@dataclass(frozen=True)
class NameMatch:
    """One name found by a NameMatcher, with the part of re.Match's interface callers use."""
    _start: int
    _end: int
    _text: str

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _: int = 0) -> str:
        return self._text


class NameMatcher:
    """Finds any of thousands of names (two characters or more) in one pass, longest at the
    leftmost position, not overlapping, as the trie regex does, but about eight times faster:
    the C regex engine only proposes positions whose character can start a name, and a
    dictionary of first two characters leaves a handful of names to compare there."""

    def __init__(self, words) -> None:
        self.by_two: dict[str, list[str]] = {}
        for w in sorted({w for w in words if len(w) >= 2}, key=len, reverse=True):
            self.by_two.setdefault(w[:2], []).append(w)
        first = "".join(sorted({w[0] for w in self.by_two}))
        self.starts = re.compile(f"[{re.escape(first)}]") if first else re.compile(r"(?!)")

    def finditer(self, text: str):
        pos = 0
        for m in self.starts.finditer(text):
            i = m.start()
            if i < pos:
                continue
            for w in self.by_two.get(text[i:i + 2], ()):
                if text.startswith(w, i):
                    pos = i + len(w)
                    yield NameMatch(i, pos, w)
                    break

