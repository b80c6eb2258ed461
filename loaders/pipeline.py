"""The extraction pipeline: a document in, the quads of its named graph out.

read → normalize → structure → entities → relations and dates → quantities →
observations (kind, year, about, indicator) → identity → RDF. Every stage is its own
module; this one only wires them together and decides what the document itself is.
"""
from __future__ import annotations

import gc
import hashlib
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..graph.store import DEFAULT_BASE, graph_iri_for
from .dates import covered_year, find_dates, relative_dates
from .docnumbers import issuer_of_number, place_of_number
from .emit import Emitter, N, P
from .entities import BARE_COUNTED, Mention, class_suffix, find_mentions
from .errors import LoadError
from .gazetteer import Place, read_list
from .identity import Identity, canonical, find_jurisdiction, iri, resolve, resolve_jurisdiction
from .normalize import normalize
from .observations import TARGET_GENRES, Observation, build_observations
from .quantities import find_quantities
from .tables import table_figures
from .read import Source, read_source
from .rdf_input import parse_rdf
from .relations import INITIATIVE_OR_DOCUMENT, extract_relations, fits
from .structure import analyse

ISSUING_NOTICE = re.compile(r"^.{2,40}?关于(?:印发|转发|颁布)《?(.+?)》?的(?:通知|决定)$")
#: a promulgation (人大常委会公告, 政府令): 《X》已经…通过，现予公布 — the announcement issues X
PROMULGATION = re.compile(r"《([^《》]{2,60})》已经[^。]{0,80}?(?:通过|批准)[^。]{0,30}?现予(?:公布|发布|公告)")
#: the title of a decree, named by who decrees it (河南省人民政府令, 国务院令, 中华人民共和国主席令)
DECREE = re.compile(r"(?:政府|主席|国务院|部|委员会|总局|署)令$")
#: an interpretation of a document (《X》政策解读, 关于《X》的解读, 《X》政策问答): it speaks of X,
#: whose figures it gives
INTERPRETATION = re.compile(r"^(?:关于)?《(.+?)》(?:的)?(?:政策)?(?:解读|问答)$")

#: bump when extraction changes, so that re-ingesting the same file refreshes its graph
EXTRACTOR_VERSION = "0.19.0"


@dataclass
class Extraction:
    name: str
    graph: str
    quads: list[ox.Quad]
    sha256: str
    byte_size: int
    title: str | None = None
    stats: Counter = field(default_factory=Counter)


def extract_path(path: Path, *, base: str = DEFAULT_BASE, jurisdiction: str | None = None) -> Extraction:
    return extract_source(read_source(Path(path)), base=base, jurisdiction=jurisdiction)


def extract_source(src: Source, *, base: str = DEFAULT_BASE, jurisdiction: str | None = None) -> Extraction:
    graph = graph_iri_for(src.name, base)
    sha = hashlib.sha256(src.data).hexdigest()
    if src.kind == "rdf":
        quads = parse_rdf(src.name, src.data, graph)
        return Extraction(src.name, graph, quads, sha, len(src.data), stats=Counter(triples=len(quads)))
    try:
        place = resolve_jurisdiction(jurisdiction) if jurisdiction else None
    except ValueError as exc:
        raise LoadError(src.name, str(exc)) from None
    ex = extract_text(src.text, src.name, graph=graph, base=base, jurisdiction=place)
    ex.sha256, ex.byte_size = sha, len(src.data)
    return ex


def extract_text(original: str, name: str, *, graph: str | None = None, base: str = DEFAULT_BASE,
                 jurisdiction: Place | None = None) -> Extraction:
    """Extract one document's graph from its text (offsets refer to ``original``)."""
    # Extraction allocates many small objects and no reference cycles: the cyclic collector
    # only costs time here (bench/extract.py: 190,000 → 242,000 characters/s)
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _extract_text(original, name, graph=graph, base=base, jurisdiction=jurisdiction)
    finally:
        if enabled:
            gc.enable()


def _extract_text(original: str, name: str, *, graph: str | None, base: str, jurisdiction: Place | None) -> Extraction:
    graph = graph or graph_iri_for(name, base)
    text = normalize(original)
    st = analyse(text)
    mentions = find_mentions(text)
    if st.title is None:  # 本意见 and the like name the document itself: without a title there is none
        mentions = [m for m in mentions if not m.self_ref]

    # -- the document itself ---------------------------------------------------------------
    title = canonical(text[st.title[0]:st.title[1]]) if st.title else None
    header = " ".join(text[s:e] for s, e in st.issuer_lines)
    if jurisdiction is None:
        jurisdiction = find_jurisdiction(header + " " + (title or "") +
                                         (text[st.doc_number[0]:st.doc_number[1]] if st.doc_number else ""))
    numbered = _numbered_titles(text, mentions)  # 《…》(衢政办发〔2016〕7号)
    if jurisdiction is None:  # a local document number cited in the text tells whose document this is
        jurisdiction = next((p for _, number in numbered if (p := place_of_number(number)) is not None), None)
    doc_iri = iri(base, "PolicyDocument", "PolicyDocument:" + title) if title else None
    doc_year = None
    dates = find_dates(text)
    header_date = next((d for d in dates if d.start == st.date[0]), None) if st.date else None
    if st.date:
        doc_year = header_date.year if header_date else None
    elif dates:
        doc_year = Counter(d.year for d in dates).most_common(1)[0][0]
    # 今年/去年 count from the document's own date or the year in its title, never from a guess
    title_year = re.search(r"((?:19|20)\d\d)年", title or "")
    anchor = header_date.year if header_date else (int(title_year.group(1)) if title_year else None)
    dates = sorted(dates + relative_dates(text, anchor), key=lambda d: d.start)
    genre_target = bool(title and any(k in title for k in TARGET_GENRES) and "报告" not in title)

    em = Emitter(graph, original)
    source_node = N(graph)
    mentioned_in = N(doc_iri) if doc_iri else source_node

    # -- entities --------------------------------------------------------------------------
    # a document named without its 《》 (or without its period in brackets) is that document
    titled: dict[str, Identity] = {}
    for m in mentions:
        if m.cls == "PolicyDocument" and not m.self_ref:
            t = canonical(m.label)
            titled.setdefault(_untitled(t), resolve(m, base, jurisdiction, graph))
    # what the text calls 本意见/本行动计划: the document itself, or the one a notice issues
    subject = Identity(doc_iri, title) if title else None
    issued_doc = None
    if title:
        titled[_untitled(title)] = subject
        inner = ISSUING_NOTICE.match(title) or PROMULGATION.search(text, st.title[1], st.title[1] + 300)
        if inner:
            name = canonical(inner.group(1))
            issued_doc = Identity(iri(base, "PolicyDocument", "PolicyDocument:" + name), name)
            titled.setdefault(_untitled(name), issued_doc)
            subject = issued_doc
            genre_target = genre_target or any(k in name for k in TARGET_GENRES)   # (the 公告 of a 条例)
        explained = INTERPRETATION.match(text[st.title[0]:st.title[1]].strip())
        if explained:   # 本措施 in 《X措施》政策解读 is X; its explainer did not issue it
            name = canonical(explained.group(1))
            subject = Identity(iri(base, "PolicyDocument", "PolicyDocument:" + name), name)
            titled.setdefault(_untitled(name), subject)
    mentions = _title_lines(text, mentions, titled)
    ids: dict[int, Identity] = {}
    names: dict[str, list[str]] = defaultdict(list)
    classes: dict[str, str] = {}
    fixed: dict[str, str] = {}
    if issued_doc:
        names[issued_doc.iri].append(issued_doc.label)
        classes[issued_doc.iri], fixed[issued_doc.iri] = "PolicyDocument", issued_doc.label
    # a name the text abbreviates (X（以下简称“Y”）, or a bare glossary term) is X wherever Y stands
    abbreviated = _abbreviations(original, mentions)
    # a quoted name also written with its suffix (“双罚”制度) is that entity wherever it stands
    # alone, and a glossary headword (9.耕地林地园地空间治理“一张图”：) is the entity its quoted part names
    tailed: dict[str, Mention] = {}
    for m in mentions:
        if m.source == "quote" and m.alias and m.cls in ("Program", "Policy"):
            quoted = QUOTED.search(original, m.start, m.end)   # 工业企业“三名”培育工程: “三名” too
            for key in {m.alias, quoted.group(1) if quoted else m.alias}:
                if key not in tailed or (m.headword and not tailed[key].headword):
                    tailed[key] = m
    headwords = {a: m for a, m in tailed.items() if m.headword}
    for m in mentions:
        if m.self_ref:
            if subject:
                ids[id(m)] = subject
                names[subject.iri].append(m.label)
            continue
        if title and m.cls == "PolicyDocument" and canonical(m.label) == title:
            ids[id(m)] = Identity(doc_iri, title)
            continue
        ident = titled.get(_untitled(canonical(m.label))) if m.cls in ("Program", "Policy") else None
        full = abbreviated.get(canonical(m.label)) or (abbreviated.get(m.alias) if m.alias else None)
        if ident is None and full is not None and full is not m:
            ident = resolve(full, base, jurisdiction, graph)
            names[ident.iri].append(original[m.start:m.end].strip("“”\"《》"))
            ids[id(m)] = ident
            continue
        if ident is None and m.source == "quote" and m.alias is None and m.label in tailed:
            ident = resolve(tailed[m.label], base, jurisdiction, graph)  # “双罚” where the text also says “双罚”制度
        elif ident is None and m.source == "quote" and m.alias in headwords and not m.headword \
                and not canonical(m.label).startswith(canonical(headwords[m.alias].label)):  # …“一张图”试点 is the pilot of it
            ident = resolve(headwords[m.alias], base, jurisdiction, graph)  # “四早”工程 of entry 13.重大慢性病防治“四早”工程
        ident = ident or resolve(m, base, jurisdiction, graph)
        ids[id(m)] = ident
        names[ident.iri].append(original[m.start:m.end].strip("“”\"《》"))
        if m.alias:
            names[ident.iri].append(m.alias)
        if ident.extra_alias:
            names[ident.iri].append(ident.extra_alias)
        classes.setdefault(ident.iri, "PolicyDocument" if ident.iri.startswith(base + "document/") else m.cls)
        if ident.label:
            fixed[ident.iri] = ident.label
    _merge_abbreviated_bodies(mentions, ids, names)
    # a place or park named only inside a longer name (浙江 in 浙江制造品牌认证) is not an entity
    # of this document; one also named on its own keeps its nested mentions for locatedIn
    # and a body named only inside another body's name (市委 in 市委财经领导小组) is part of that name
    standalone = {ids[id(m)].iri for m in mentions if not m.nested and id(m) in ids}
    body_spans = [(m.start, m.end) for m in mentions if m.cls == "IssuingBody" and not m.nested]
    for m in mentions:
        inside_body = m.nested and m.cls == "IssuingBody" and any(a <= m.start and m.end <= b for a, b in body_spans)
        if m.nested and (m.cls == "Place" or inside_body) and id(m) in ids and ids[id(m)].iri not in standalone:
            names.pop(ids[id(m)].iri, None)
            del ids[id(m)]
    mentions = [m for m in mentions if id(m) in ids or m.self_ref]
    if doc_iri:
        em.add(source_node, P.pol["describes"], N(doc_iri))
        aliases = names.get(doc_iri, [])
        if st.doc_number:
            number = text[st.doc_number[0]:st.doc_number[1]]
            aliases = aliases + [number]
            em.add(N(doc_iri), P.pol["documentNumber"], ox.Literal(number))
        em.entity(doc_iri, "PolicyDocument", title, aliases, source_node)
        if jurisdiction is not None:
            # linked, but described only where the text names the place itself
            place_iri = iri(base, "Place", "place:" + jurisdiction.name)
            em.add(N(doc_iri), P.pol["jurisdiction"], N(place_iri))
    for ent, labels in names.items():
        if ent == doc_iri:
            continue
        label = fixed.get(ent) or max(labels, key=lambda s: (len(s), s))
        em.entity(ent, classes[ent], canonical(label), [canonical(x) for x in labels], mentioned_in)
    for m in mentions:
        em.mention(m.start, m.end, ids[id(m)].iri)

    # -- relations and dates ---------------------------------------------------------------
    sentence_nodes: dict[int, ox.NamedNode] = {}

    def sent_node(i: int) -> ox.NamedNode:
        if i not in sentence_nodes:
            s = st.sentences[i]
            sentence_nodes[i] = em.span(s.start, s.end, "Sentence")
        return sentence_nodes[i]

    def ent_iri(m: Mention | None) -> str | None:
        return (subject.iri if subject else None) if m is None else ids[id(m)].iri

    rels, issued = extract_relations(text, st.sentences, mentions, dates, has_self=doc_iri is not None)
    stats = Counter()
    def cls_of(e: str) -> str | None:
        return "PolicyDocument" if e.startswith(base + "document/") else classes.get(e)

    for r in rels:
        s, o = ent_iri(r.subject), ent_iri(r.object)
        if s and o and s != o and fits(r.predicate, cls_of(s), cls_of(o)):
            em.statement(s, r.predicate, o, sent_node(r.sentence))
            stats["relations"] += 1
    # the document's own date (its header or signature) is its date of issue; a date its text
    # gives it (已经2023年5月10日市人民政府常务会议审议通过) is when it was adopted
    dated_by_header = {doc_iri, issued_doc.iri if issued_doc else None} if header_date else set()
    for d in issued:
        d_iri = ent_iri(d.subject)
        if cls_of(d_iri or "") in INITIATIVE_OR_DOCUMENT and d_iri not in dated_by_header:  # a body or place is never issued
            em.date(d_iri, d.iso, sent_node(d.sentence))
    # the number of a cited document names its issuer: 衢政办发 → 衢州市人民政府办公室
    sentence_starts = [x.start for x in st.sentences]
    for m, number in numbered:
        organ = issuer_of_number(number, jurisdiction)
        if organ is None or id(m) not in ids:
            continue
        body = resolve(Mention(0, 0, organ, "IssuingBody", "organ"), base, jurisdiction, graph)
        em.entity(body.iri, "IssuingBody", body.label or organ, [organ], mentioned_in)
        k = max(0, bisect_right(sentence_starts, m.start) - 1)
        em.statement(ids[id(m)].iri, "issuedBy", body.iri, sent_node(k))
        em.add(N(ids[id(m)].iri), P.pol["documentNumber"], ox.Literal(number))
    if doc_iri:
        issued_here = [doc_iri] + ([issued_doc.iri] if issued_doc else [])  # a notice issues what it prints
        if header_date:
            for d_iri in issued_here:
                em.date(d_iri, header_date.iso, None)
        issuer_spans = list(st.issuer_lines)
        if st.title and "关于" in text[st.title[0]:st.title[1]]:  # X关于Y的通知: X issued it
            head = text[st.title[0]:st.title[0] + text[st.title[0]:st.title[1]].index("关于")]
            # X转发Y关于…的通知: X issued the notice; Y issued what it forwards
            issuer_spans.append((st.title[0], st.title[0] + (head.index("转发") if "转发" in head else len(head))))
        elif st.title and DECREE.search(text, st.title[0], st.title[1]):   # 河南省人民政府令: the government decrees
            issuer_spans.append((st.title[0], st.title[1] - 1))
        for s, e in issuer_spans:
            for m in mentions:
                if m.cls == "IssuingBody" and s <= m.start and m.end <= e:
                    for d_iri in issued_here:
                        em.statement(d_iri, "issuedBy", ids[id(m)].iri, None)

    # -- observations ----------------------------------------------------------------------
    blocked = [(m.start, m.end) for m in mentions if m.cls != "Place" and not m.nested]
    if st.doc_number:
        blocked.append(st.doc_number)
    quantities = find_quantities(text, blocked)
    table, rows = table_figures(original, text, doc_year, genre_target)
    if rows:   # an indicator table's cells are read by their columns, not as running text
        quantities = [q for q in quantities if not any(s <= q.start < e for s, e in rows)]
    observations = build_observations(text, st.sentences, quantities, dates, mentions, doc_year, genre_target,
                                      covered_year(title))
    if table:
        observations = sorted(observations + [Observation(f.quantity, f.kind, f.year, None, genre_target, f.indicator)
                                              for f in table], key=lambda o: o.quantity.start)
    si = 0
    for ob in observations:
        q = ob.quantity
        while si < len(st.sentences) - 1 and st.sentences[si].end <= q.start:
            si += 1
        about = (subject.iri if subject else None) if ob.about_self else (ent_iri(ob.about) if ob.about else None)
        phrase = ob.indicator or (canonical(ob.about.label) if ob.about else "")
        ind_label = f"{phrase}（{q.unit}）" if phrase else f"未命名指标（{q.unit}）"
        ind_iri = iri(base, "Program", "indicator:" + ind_label).replace("/initiative/", "/indicator/")
        em.observation(q, ob.kind, ob.year, about, (ind_iri, ind_label), sent_node(si))
        stats["observations"] += 1

    stats["entities"] = len(names) + (1 if doc_iri else 0)
    stats["triples"] = len(em.quads)
    return Extraction(name, graph, em.quads, "", 0, title=title, stats=stats)


def _untitled(name: str) -> str:
    """A title without a trailing period or note in brackets: 三年行动计划(2017—2019年) → 三年行动计划."""
    return re.sub(r"[(（][^()（）]*[)）]$", "", name)


ABBREVIATIONS = tuple(tuple(part.strip() for part in line.split("|")) for line in read_list("body_abbreviations.txt"))


def _title_lines(text: str, mentions: list[Mention], titled: dict) -> list[Mention]:
    """A line that is a known document's title with no 《》 (the plan a notice prints,
    starting on its own line) names that document: the names inside it are part of it."""
    lines = [ln for ln in re.finditer(r"^[ \t]*(\S[^\n]{3,118}?)[ \t]*$", text, re.M)
             if _untitled(canonical(ln.group(1))) in titled]
    if not lines:
        return mentions
    out = list(mentions)
    for line in lines:
        start, end = line.span(1)
        out = [m for m in out if not (start <= m.start and m.end <= end and m.cls in ("Program", "Policy"))]
        out.append(Mention(start, end, line.group(1), "PolicyDocument", "title"))
    return sorted(out, key=lambda m: (m.start, -m.end))


QUOTED = re.compile(r"[“\"]([^“”\"]+)[”\"]")
#: （以下简称“资管办”）, and after a cited document's number: 《X》（合高管〔2023〕88号，以下简称《若干政策》）
ABBREVIATION_CUE = re.compile(r"\s*[（(]\s*(?:[^（）()，,。]{1,20}〔\d{4}〕\d+号\s*[，,;；]\s*)?(?:以下)?(?:简称|统称)(?:为)?\s*[:：]?\s*$")


def _abbreviations(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """Short names the text introduces for a longer one: 资金管理委员会办公室（以下简称“资管办”）
    maps 资管办 to the body; 新一轮…建设计划（简称“双高计划”） maps 双高计划 to the plan."""
    out: dict[str, Mention] = {}
    previous = None
    for m in mentions:
        if m.nested:
            continue
        if previous is not None and (m.source == "quote" or (m.source == "title" and previous.source == "title")) \
                and ABBREVIATION_CUE.fullmatch(text[previous.end:m.start]):
            out.setdefault(canonical(m.label), previous)
        previous = m
    # 8.“灯塔工厂”：由…牵头的“全球灯塔工厂”评选…: a bare glossary term is the short name of the
    # first initiative its entry names that contains it, or that ends in the same kind (“双高计划”：…建设计划)
    for k, h in enumerate(mentions):
        if not h.bare_term or canonical(h.label) in out:
            continue
        entry_end = text.find("\n", h.end)
        entry_end = len(text) if entry_end < 0 else entry_end
        kind = class_suffix(h.label)
        for c in mentions[k + 1:]:
            if c.start >= entry_end:
                break
            same_kind = c.cls == h.cls or {c.cls, h.cls} <= {"Program", "Policy"}
            if c.nested or not same_kind or c.label == h.label:
                continue
            if h.label in re.sub("[‘’'“”]", "", c.label) or (kind and c.label.endswith(kind) and len(c.label) > len(h.label) + 2):
                out[canonical(h.label)] = c
                break
    initiatives: dict[str, Mention] = {}
    for m in mentions:
        if m.cls in ("Program", "Policy") and not m.nested:
            initiatives.setdefault(canonical(m.label), m)
    for short, full in _shorter_spellings(initiatives).items():
        out.setdefault(short, full)
    return out


LEVELS = ("国家", "全国", "中央", "省级", "市级", "县级")


def _shorter_spellings(initiatives: dict[str, Mention]) -> dict[str, Mention]:
    """Names the text writes shorter than one fuller name of its own, each mapped to it:
    衢时代创新生态体系 for 衢时代创新驱动生态体系 (one word left out), 三项制度 for
    行政执法三项制度 (a bare count), 禁煤区 for 国家禁煤区 (without its level). Names are
    looked up by key, so a document with thousands of names stays linear."""
    less_a_word: dict[str, set[str]] = defaultdict(set)   # a name with one two-character word cut out -> names
    for name in initiatives:
        for k in range(2, len(name) - 4):
            less_a_word[name[:k] + name[k + 2:]].add(name)
    bare = [name for name in initiatives if BARE_COUNTED.fullmatch(name)]
    out = {}
    for label in initiatives:
        fuller = sorted(less_a_word.get(label, ())) if len(label) >= 7 else []
        if len(fuller) != 1:
            fuller = [name for name in initiatives if name.endswith(label) and name != label] if label in bare \
                else [level + label for level in LEVELS if level + label in initiatives]
        if len(fuller) == 1:
            out[label] = initiatives[fuller[0]]
    return out


def _merge_abbreviated_bodies(mentions, ids: dict, names: dict) -> None:
    """港区管委会 and 管委会 in a document whose 嘉兴港区开发建设管理委员会 is named are that
    body: an abbreviated name is merged into the one full name it can stand for."""
    bodies = {ids[id(m)].iri: canonical(m.label) for m in mentions if m.cls == "IssuingBody" and id(m) in ids}
    for m in mentions:
        if m.cls != "IssuingBody" or id(m) not in ids:
            continue
        label = canonical(m.label)
        for short, full in ABBREVIATIONS:
            if not label.endswith(short):
                continue
            prefix = label[: -len(short)]
            targets = {iri for iri, lab in bodies.items() if lab.endswith(full) and prefix in lab and lab != label}
            if len(targets) == 1:
                target = targets.pop()
                old = ids[id(m)].iri
                ids[id(m)] = Identity(target, None)
                names[target].extend(names.pop(old, []))
            break


NUMBER_AFTER_TITLE = re.compile(r"\s*[(（]\s*([\u3400-\u9fff]{1,8}[〔\[［](?:19|20)\d\d[〕\]］]\d+号)\s*[)）]")


def _numbered_titles(text: str, mentions: list[Mention]) -> list[tuple[Mention, str]]:
    out = []
    for m in mentions:
        if m.cls == "PolicyDocument" and not m.self_ref:
            n = NUMBER_AFTER_TITLE.match(text, m.end)
            if n:
                out.append((m, n.group(1)))
    return out
