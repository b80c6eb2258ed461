"""Relations between entities, read from the cues of policy language within a sentence:

- issuedBy: bodies named before an issuing verb (出台/印发/下发/发布/提出/审议通过/制定)
  issue the documents, policies and programs named after it, and the body a document
  says adopted it (《Y》已经X审议通过) issued it; a title of the form X关于Y的通知 is
  issued by the body X;
- partOf: the parts listed after an enumeration cue (包括/包含/涵盖/下辖/主要有/分别是/由…组成) or a
  colon belong to the whole named before it; A是X的组成部分 says A is part of X;
- implements: what a sentence names after 贯彻/落实/按照/根据 is implemented by the
  document or program the sentence goes on to name (or by the document itself, in its
  preamble);
- locatedIn: 位于 X, X区的Y; a program whose name begins with a place or park lies there.
Dates of issue (issuedOn) come with issuedBy: the date nearest before the verb.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .dates import DateExpr
from .entities import Mention
from .gazetteer import alternation, gazetteer
from .observations import group_by_sentence
from .structure import clause_start

INITIATIVES = ("PolicyDocument", "Policy", "Program")
COMPOSED_OF = re.compile(r"由[^。；;]{2,80}?(?:组成|构成)")
PART_OF_PHRASE = re.compile(r"^[”\"]?的(?:重要)?(?:组成部分|一部分|内容)[,，]?$")
COUNTED_WHOLE = re.compile(r"[一二两三四五六七八九十]+(?:大|项|个|类|种)")
START_RE = re.compile(r"启动实施|开始实施|启动|推出|设立|开始推行")  # not 正式实施: coming into force is not issue
CARRY_OUT_BEFORE = re.compile(r"(?:实施|推进|深化|贯彻|落实|贯彻落实|构建|打造|开展)$")
PLANNED = re.compile(r"计划|将|拟|力争|准备|预计|要")
INTRODUCED = re.compile(r"(?:简称|统称|并称)为?\s*[“\"]")
#: the opening of a sentence ends at the first verb or clause break: 市委、市在实施…
SUBJECT_BREAK = re.compile(r"[，,。；;]\s*(?![\u3400-\u9fff]{0,3}[、和及])|在|实施|启动|增加|提出|出台|印发")
GLOSSARY_HEAD = re.compile(r"[ \t]*\d{1,3}[.．、][^：:\n]{2,40}[：:]")
#: what opens a definition by purpose or action rather than a list (是指面向…, 指聚焦…, 是指以…)
DEFINING_PHRASE = re.compile(r"\s*(?:面向|聚焦|围绕|针对|通过|以|在|对|按照|依托|坚持|推动|支持|由)")
BUILT_ON = re.compile(r"在[^，,。；;]{2,40}?(?:的)?基础上")
LAUNCH_THEN = re.compile(r"(?P<launch>启动实施|启动)|(?<=[，,])(?:重点|全面|深入|着力)?实施")
DESIGNATED = re.compile(r"(?:将|把)(?P<place>[^，,。；;]{1,12}?)(?:确定为|列为|批准为|确立为|选定为|认定为)")
DEPLOYED = re.compile(r"(?:按照|根据|按)[^，。；]{1,30}?(?:统一部署|决策部署|部署|统一安排)")
DOC_NUMBER_AFTER = re.compile(r"\s*[(（][^()（）]{0,12}?[〔\[［]((?:19|20)\d\d)[〕\]］]\d+号[)）]")
PREAMBLE = re.compile(r"特制定|制定本|制定如下|制定以下|现提出|提出如下|提出以下|特提出|现就.{0,12}提出|结合.{0,12}实际"
                      r"|(?:现将|现就).{0,12}通知如下")
ORDINAL_ITEM = re.compile(r"\s*(?:一是|其一是?|第一是?|首先是)")
NEXT_ORDINAL_ITEM = re.compile(r"\s*(?:[二三四五六七八九十]是|其[二三四五六七八九十]是?|第[二三四五六七八九十]是?|再次是|最后是)")
GROUP = {"Program": "initiative", "Policy": "initiative", "PolicyDocument": "document", "Park": "park"}


@dataclass
class Relation:
    subject: Mention | None   # None: the document itself
    predicate: str
    object: Mention | None    # None: the document itself
    sentence: int             # index of the sentence it was read from


@dataclass
class IssueDate:
    subject: Mention
    iso: str
    sentence: int


INITIATIVE_OR_DOCUMENT = {"PolicyDocument", "Policy", "Program"}
#: what each relation may join (GUIDELINES.md): a body is never issued, a place never part of a program
DOMAIN_RANGE = {
    "issuedBy": (INITIATIVE_OR_DOCUMENT, {"IssuingBody"}),
    "implements": (INITIATIVE_OR_DOCUMENT, INITIATIVE_OR_DOCUMENT),
    "locatedIn": ({"Park", "Program", "Policy"}, {"Place", "Park"}),
}


def fits(predicate: str, subject_cls: str | None, object_cls: str | None) -> bool:
    """True when a relation joins entities of the classes it is defined between; partOf
    joins two of one group (Program and Policy are one)."""
    if predicate == "partOf":
        return GROUP.get(subject_cls, subject_cls) == GROUP.get(object_cls, object_cls)
    allowed = DOMAIN_RANGE.get(predicate)
    return allowed is None or (subject_cls in allowed[0] and object_cls in allowed[1])


@lru_cache(maxsize=1)
def _cues():
    g = gazetteer()
    return (re.compile(alternation(g.cues["issue"])),
            re.compile(alternation(g.cues["implement"])),
            re.compile(r"包括|包含|主要有|主要包括|分别是|分别为|涵盖|下辖|是指|(?<=[”\"])\s*指|[:：](?!\s*$)"
                       r"|(?<![立随])即(?![将使便时可刻])"))   # “两山”工程即A和B; not 即将, 立即


def extract_relations(text: str, sentences, mentions: list[Mention], dates: list[DateExpr],
                      has_self: bool) -> tuple[list[Relation], list[IssueDate]]:
    issue_re, implement_re, enum_re = _cues()
    rels: list[Relation] = []
    issued: list[IssueDate] = []
    by_sentence = group_by_sentence(sentences, sorted(mentions, key=lambda m: m.start))
    para_docs: dict[int, list[Mention]] = {}
    for k, group in enumerate(by_sentence):
        for m in group:
            if m.cls in ("PolicyDocument", "Policy") and not m.self_ref:
                para_docs.setdefault(sentences[k].paragraph, []).append(m)
    topic: dict[int, Mention] = {}
    for k, group in enumerate(by_sentence):
        for m in group:
            if m.cls in ("Program", "Policy") and not m.nested:
                topic.setdefault(sentences[k].paragraph, m)
    dates_in = group_by_sentence(sentences, dates)
    # a paragraph that ends by turning to the document (…，现将有关事项通知如下：) is its preamble:
    # what its sentences carry out, the document carries out
    preamble = {s.paragraph for s in sentences if PREAMBLE.search(text, s.start, s.end)} if has_self else set()

    for i, s in enumerate(sentences):
        ms = [m for m in by_sentence[i] if not m.nested]
        sent = text[s.start:s.end]
        if not ms and not START_RE.search(sent):
            continue  # (该项工作自2016年启动: a start verb can date the paragraph's topic)
        sent_dates = dates_in[i]
        # issuedBy (+ issuedOn)
        verbs = [(s.start + v.start(), s.start + v.end()) for v in issue_re.finditer(sent)
                 if v.group(0) != "通过" or text.startswith(("《", "了《"), s.start + v.end())]
        # (通过 issues only a title: 会议通过《…》; 通过加快…, 通过开展试点 is "by means of")
        last_bodies: list[Mention] = []
        for k, (vs, ve) in enumerate(verbs):
            prev_end = verbs[k - 1][1] if k else s.start
            next_start = verbs[k + 1][0] if k + 1 < len(verbs) else s.end
            bodies = [m for m in ms if m.cls == "IssuingBody" and prev_end <= m.start and m.end <= vs]
            # 为贯彻落实党中央、国务院…部署，…，国家发展改革委、工业和信息化部研究制定了《…》: when the
            # verb's own clause names bodies, they issued it, not those of the clauses before it
            clause = clause_start(text, vs, s.start, breaks="，,；;：:")
            bodies = [b for b in bodies if b.start >= clause] or bodies
            if not bodies and k:  # X印发《A》，提出B: the same body goes on
                bodies = last_bodies
            last_bodies = bodies
            objects = [m for m in ms if m.cls in INITIATIVES and ve <= m.start < next_start and not m.self_ref
                       and not text.startswith(("工作制度", "工作机制"), m.end)]  # 8项河长制工作制度: its rules were issued
            # only the objects of this clause: stop at the first sentence-internal break after them
            objects = _same_clause(text, ve, objects)
            for b in bodies:
                for o in objects:
                    rels.append(Relation(o, "issuedBy", b, i))
            if not bodies and text[vs:ve] == "设立":
                # 由市绿色产业基金设立天使投资基金和…: what a fund or program sets up is part of it
                parent = [m for m in ms if m.cls in ("Program", "Policy") and prev_end <= m.start and m.end <= vs
                          and text[max(s.start, m.start - 1):m.start] == "由"]
                for o in objects if parent else []:
                    if o.cls in ("Program", "Policy"):
                        rels.append(Relation(o, "partOf", parent[-1], i))
            before = [d for d in sent_dates if d.end <= vs and not d.period and not _inside(d, by_sentence[i])]
            if before and objects:
                for o in objects:
                    issued.append(IssueDate(o, before[-1].iso, i))
        sv = _Sentence(i, s.start, sent, ms, by_sentence[i], sent_dates)
        _introduced(text, sv, rels, issued)
        _carried_out_after_launch(text, sv, rels)
        _designated(text, sv, rels, issued)
        _deployed(text, sv, rels, issued)
        _adopted(text, sv, rels, issued)
        # start verbs date a program: 2013年起启动实施“铸链工程”; 该项工作自2016年启动 (the topic)
        for v in START_RE.finditer(sent):
            vs, ve = s.start + v.start(), s.start + v.end()
            dated = [d for d in sent_dates if d.end <= vs and not d.period and not _inside(d, by_sentence[i])]
            if not dated or (PLANNED.search(text[dated[-1].end:vs]) and not text.startswith(("开始", "起"), dated[-1].end)):
                continue  # 2018年，我市计划…全面启动X: a start still to come dates nothing (从2018年开始…将启动X does)
            objects = _same_clause(text, ve, [m for m in ms if m.cls in ("Program", "Policy") and m.start >= ve],
                                   first_breaks="，,。；;")
            if not objects and re.search(r"(?:该|这|此)项?(?:工作|工程|行动|制度|试点|项目|政策)", sent[: v.start()]):
                objects = [topic[s.paragraph]] if s.paragraph in topic else []
            elif not objects:  # “全球灯塔工厂”评选自2018年启动: the name before the date is the subject
                subject = [m for m in ms if m.cls in ("Program", "Policy") and m.end <= dated[-1].start
                           and not re.search(r"[，,。；;]", text[m.end:dated[-1].start])]
                objects = subject[-1:]
            for o in objects:
                issued.append(IssueDate(o, dated[-1].iso, i))
        # 教育部等四部门《关于…》提出: a body standing right before a title issued it
        for m in ms:
            if m.cls != "PolicyDocument":
                continue
            prev = [b for b in ms if b.cls == "IssuingBody" and b.end <= m.start
                    and re.fullmatch(r"(?:[、和及]?|等[一二三四五六七八九十\d]*(?:个)?(?:部门|部委|单位)?(?:联合)?)", text[b.end:m.start])]
            if prev:
                # 中共中央、国务院《…》: each body of the list joined right before the title issued it
                joined = [prev[-1]]
                for b in reversed([b for b in ms if b.cls == "IssuingBody" and b.end <= prev[-1].start]):
                    if not re.fullmatch(r"[、和及与]", text[b.end:joined[-1].start]):
                        break
                    joined.append(b)
                for b in joined:
                    rels.append(Relation(m, "issuedBy", b, i))
                dated = [d for d in sent_dates if d.end <= prev[-1].start and not d.period]
                if dated:
                    issued.append(IssueDate(m, dated[-1].iso, i))
            number = DOC_NUMBER_AFTER.match(text, m.end)
            if number:  # 《…》(淄发〔2017〕34号): the number carries the year
                issued.append(IssueDate(m, number.group(1), i))
        # titles: X关于Y的Z → issued by X; 中共中央 国务院关于…: by each body joined at its head
        for m in by_sentence[i]:
            if m.cls == "PolicyDocument" and "关于" in m.label:
                at = None
                for b in sorted((b for b in by_sentence[i] if b.nested and b.cls == "IssuingBody"
                                 and m.start <= b.start and b.end <= m.end), key=lambda b: b.start):
                    if not (b.start <= m.start + 2 and m.label.startswith(b.label) if at is None
                            else re.fullmatch(r"[\s、和及与]*", text[at:b.start])):
                        break
                    rels.append(Relation(m, "issuedBy", b, i))
                    at = b.end
        # partOf
        for e in enum_re.finditer(sent):
            at = s.start + e.start()
            wholes = [m for m in ms if m.end <= at and m.cls in ("Program", "Policy", "Park")]
            if not wholes:
                continue
            whole = wholes[-1]
            if e.group(0) in ":：" and (whole.headword or GLOSSARY_HEAD.match(text, text.rfind("\n", 0, at) + 1)):
                continue  # 15.“六横六纵”…体系：… the colon after a glossary heading opens a definition, not a list
            if e.group(0).endswith("指") and DEFINING_PHRASE.match(text, s.start + e.end()):
                continue  # “双千”计划是指面向…: a definition by what it does, not a list of parts
            if PART_OF_PHRASE.search(text[whole.end:at]) and len(wholes) >= 2:
                whole = wholes[-2]  # X是Y的重要内容，包括A、B: the parts are X's
            elif any(whole.end <= m.start < at for m in ms if m is not whole) or len(text[whole.end:at]) > 24:
                continue  # the whole is the nearest name before the cue
            parts = [m for m in ms if m.start >= s.start + e.end() and GROUP.get(m.cls) == GROUP.get(whole.cls)
                     and m is not whole]
            parts = _same_clause(text, s.start + e.end(), parts, breaks="。；;")
            if ORDINAL_ITEM.match(text, s.start + e.end()):
                # 一是A工程；二是B工程；三是C工程: the items counted off go on in the clauses after
                parts += _counted_off_after(text, sentences, by_sentence, i, whole)
            for p in parts:
                rels.append(Relation(p, "partOf", whole, i))
        _composed_of(text, sv, rels)
        # A、B、C“四大提升工程”: the items listed right before a counted whole are its parts
        for w in ms:
            if w.cls in ("Program", "Policy") and COUNTED_WHOLE.match(w.label.strip("“”\"")):
                first = clause_start(text, w.start, s.start, breaks="，,。；;：:")
                listed = [m for m in ms if first <= m.start and m.end <= w.start
                          and m.cls in ("Program", "Policy") and m is not w]
                if len(listed) >= 2:
                    for p_ in listed:
                        rels.append(Relation(p_, "partOf", w, i))
        for cm in re.finditer(r"(?:是|为|作为)[^，。；]{0,12}?的(?:重要)?(?:组成部分|一部分|内容)", sent):
            at = s.start + cm.start()
            parts = [m for m in ms if m.end <= at and m.cls in ("Program", "Policy", "Park")]
            wholes = [m for m in ms if at <= m.start < s.start + cm.end() and m.cls in ("Program", "Policy", "Park")]
            if parts and wholes:
                rels.append(Relation(parts[-1], "partOf", wholes[-1], i))
        # 为深入实施创新驱动发展战略，…，特提出如下意见: a preamble's strategies and reforms are
        # what the document itself carries out
        if has_self and PREAMBLE.search(sent):
            for m in ms:
                if m.cls == "Policy" and CARRY_OUT_BEFORE.search(text[max(s.start, m.start - 6):m.start]):
                    rels.append(Relation(None, "implements", m, i))
        # implements
        for n in by_sentence[i]:   # 深入贯彻中央八项规定精神学习教育 carries out the rule its name studies
            if n.nested and n.cls == "Policy":
                for m in ms:
                    if m.cls == "Program" and m.start <= n.start and n.end <= m.end:
                        rels.append(Relation(m, "implements", n, i))
        for im in implement_re.finditer(sent):
            at = s.start + im.end()
            targets = [m for m in ms if m.start >= at and m.cls in ("PolicyDocument", "Policy")]
            targets = _same_clause(text, at, targets, breaks="，,。；;")
            if not targets:
                continue
            after = [m for m in ms if m.start >= targets[-1].end and m.cls in INITIATIVES]
            if has_self and (any(m.self_ref for m in by_sentence[i]) or s.paragraph in preamble):
                subj = None  # 为贯彻《…》…，特制定本办法: the document itself implements them
            elif subjects := _subjects_carried_out(text, s.start, s.start + im.start(), ms, sent):
                for sj in subjects:   # A、B由C根据《X》规定执行: what the sentence opens with carries out X
                    for t in targets:
                        rels.append(Relation(sj, "implements", t, i))
                continue
            elif after:
                subj = after[0]
            else:
                continue
            # 根据《X》…的要求，…，自2018年起实施Y: what the sentence goes on to carry out implements X too
            # (and in a preamble, what it launches: 按照《X》部署，决定开展Y行动。现将有关事项通知如下)
            carried = [m for m in (after[1:] if subj is not None else after)
                       if CARRY_OUT_BEFORE.search(text[max(s.start, m.start - 4):m.start]) and m.cls in ("Program", "Policy")]
            for t in targets:
                for sj in [subj] + carried:
                    if t is not sj:
                        rels.append(Relation(sj, "implements", t, i))
        # a city's 实施方案 of a higher document on the same subject implements it (and the policy it names)
        for a in ms:
            if a.cls != "PolicyDocument" or not IMPLEMENTING.search(a.label):
                continue
            for b in para_docs.get(s.paragraph, []):
                if b is a:
                    continue
                if b.start < a.start and b.cls == "PolicyDocument" and not IMPLEMENTING.search(b.label) \
                        and _shared_subject(a.label, b.label):
                    rels.append(Relation(a, "implements", b, i))
                elif b.cls == "Policy" and len(b.label) >= 3 and b.label in a.label:
                    rels.append(Relation(a, "implements", b, i))   # 《市全面实行河长制实施方案》…河长制
        # locatedIn
        for lm in re.finditer(r"位于", sent):
            at = s.start + lm.start()
            subj = [m for m in ms if m.end <= at and m.cls in ("Park", "Program")]
            places = [m for m in by_sentence[i] if m.start >= s.start + lm.end() and m.cls in ("Place", "Park")]
            places = _same_clause(text, s.start + lm.end(), places)
            if subj:
                for p in places:
                    rels.append(Relation(subj[-1], "locatedIn", p, i))
        for m in ms:
            if m.cls != "Program":
                continue
            for n in by_sentence[i]:
                if n.nested and n.start == m.start and n.end < m.end and n.cls in ("Place", "Park"):
                    rels.append(Relation(m, "locatedIn", n, i))
        _located_by_de(text, sv, rels)
    _headwords_issued_as_their_document(by_sentence, rels, issued)
    _parts_named_in_the_name(by_sentence, rels)
    # a notice issuing measures (关于印发《X》的通知) and the measures X have the same issuer
    inner_docs = {n.start: n for n in mentions if n.nested and n.cls == "PolicyDocument"}
    if inner_docs:
        issued_in = {}   # notice -> the measures nested in its title
        for m in mentions:
            if m.cls == "PolicyDocument" and not m.nested:
                for at in range(m.start + 1, m.end):
                    if at in inner_docs:
                        issued_in[id(m)] = inner_docs[at]
                        break
        for r in list(rels):
            if r.predicate == "issuedBy" and r.subject is not None and id(r.subject) in issued_in:
                rels.append(Relation(issued_in[id(r.subject)], "issuedBy", r.object, r.sentence))
    return rels, issued


@dataclass
class _Sentence:
    """One sentence as the sentence rules read it."""
    index: int
    start: int
    text: str
    names: list[Mention]       # its mentions not nested in a longer name
    mentions: list[Mention]    # all its mentions
    dates: list[DateExpr]

    def initiatives(self, at: int) -> list[Mention]:
        return [m for m in self.names if m.cls in ("Program", "Policy") and m.start >= at]


def _launched_by(o: Mention, bodies: list[Mention], date: DateExpr | None, sv: _Sentence,
                 rels: list[Relation], issued: list[IssueDate]) -> None:
    """``bodies`` launched ``o``, on ``date`` when one opens the sentence."""
    for b in bodies:
        rels.append(Relation(o, "issuedBy", b, sv.index))
    if bodies and date is not None:
        issued.append(IssueDate(o, date.iso, sv.index))


def _introduced(text: str, sv: _Sentence, rels: list[Relation], issued: list[IssueDate]) -> None:
    """2017年4月，市委、市在实施…基础上，增加…，简称“三改三建”: the bodies opening the sentence
    launched what it names, on the date opening it; what it builds on (在实施“三改一建”工程基础上)
    is part of it."""
    for am in INTRODUCED.finditer(sv.text):
        named = sv.initiatives(sv.start + am.end() - 1)[:1]
        cut = SUBJECT_BREAK.search(sv.text)
        opening_end = sv.start + (cut.start() if cut else len(sv.text))
        opening = [m for m in sv.names if m.cls == "IssuingBody" and m.end <= opening_end]
        first_date = next((d for d in sv.dates if not d.period and d.end <= opening_end), None)
        for o in named:
            _launched_by(o, opening, first_date, sv, rels, issued)
            for base in BUILT_ON.finditer(text, sv.start, sv.start + am.start()):
                for m in sv.names:
                    if base.start() <= m.start and m.end <= base.end() and m.cls in ("Program", "Policy") \
                            and m is not o and m.label != o.label:
                        rels.append(Relation(m, "partOf", o, sv.index))


def _carried_out_after_launch(text: str, sv: _Sentence, rels: list[Relation]) -> None:
    """启动“乡村文明行动”，…，重点实施A、B“六大提升工程”: what a sentence carries out after
    launching a program, in a later clause, is part of that program."""
    launched = None
    for v in LAUNCH_THEN.finditer(sv.text):
        at = sv.start + v.end()
        objs = _same_clause(text, at, sv.initiatives(at), first_breaks="，,。；;")
        if v.group("launch"):
            launched = objs[0] if objs else None
        elif launched is not None:
            if len(objs) > 1 and COUNTED_WHOLE.match(objs[-1].label.strip("“”\"")):
                objs = objs[-1:]   # A、B“六大提升工程”: the counted whole, whose parts A and B are
            for o in objs:
                if o is not launched and o.label != launched.label:
                    rels.append(Relation(o, "partOf", launched, sv.index))


def _designated(text: str, sv: _Sentence, rels: list[Relation], issued: list[IssueDate]) -> None:
    """2025年初，自然资源部将四川确定为开展X试点的省份之一: the body designating a place for a
    pilot launched the pilot, there, on the date opening the sentence."""
    for dm in DESIGNATED.finditer(sv.text):
        ds, de = sv.start + dm.start(), sv.start + dm.end()
        ps, pe = sv.start + dm.start("place"), sv.start + dm.end("place")
        bodies = [m for m in sv.names if m.cls == "IssuingBody" and m.end <= ds
                  and not re.search(r"[，,；;]", text[m.end:ds])]
        places = [m for m in sv.mentions if m.cls == "Place" and ps <= m.start and m.end <= pe]
        for o in _same_clause(text, de, sv.initiatives(de))[:1]:
            _launched_by(o, bodies, next((d for d in sv.dates if not d.period and d.end <= ds), None), sv, rels, issued)
            for pl in places:
                rels.append(Relation(o, "locatedIn", pl, sv.index))


def _deployed(text: str, sv: _Sentence, rels: list[Relation], issued: list[IssueDate]) -> None:
    """按照省委、省统一部署，我市启动“乡村文明行动”: the bodies whose deployment it follows launched it."""
    for dm in DEPLOYED.finditer(sv.text):
        ds, de = sv.start + dm.start(), sv.start + dm.end()
        bodies = [m for m in sv.names if m.cls == "IssuingBody" and ds <= m.start and m.end <= de]
        # 按照国务院安委会《…方案》部署: the deployment is a document's; its body issued the document
        titles = [m.start for m in sv.mentions if m.cls == "PolicyDocument"]
        bodies = [b for b in bodies if not any(b.end <= t <= b.end + 1 for t in titles)]
        for o in _same_clause(text, de, sv.initiatives(de), breaks="。；;")[:1]:
            _launched_by(o, bodies, None, sv, rels, issued)


def _adopted(text: str, sv: _Sentence, rels: list[Relation], issued: list[IssueDate]) -> None:
    """《X》已经县政府第12次常务会议审议通过: the body that adopted a document issued it, on
    the date the sentence gives before the verb; so did the bodies it says drew it up and
    issued it (《X》由市发展改革委会同市财政局制定)."""
    for am in ADOPTED_BY.finditer(sv.text):
        group = "by" if am.group("by") is not None else "drawn"
        by_start, by_end = sv.start + am.start(group), sv.start + am.end(group)
        docs = [m for m in sv.names if m.cls in INITIATIVES and m.end <= sv.start + am.start()
                and not re.search(r"[，,。；;]", text[m.end:sv.start + am.start()])]
        bodies = [m for m in sv.mentions if m.cls == "IssuingBody" and by_start <= m.start and m.end <= by_end]
        date = next((d for d in reversed(sv.dates) if not d.period and d.end <= by_end), None)
        after = ISSUED_AFTER.match(sv.text, am.end())
        if after:   # the date it was issued on, after its adoption
            date = next((d for d in sv.dates if not d.period and d.start == sv.start + after.start("date")), date)
        for o in docs[-1:]:
            _launched_by(o, bodies, date, sv, rels, issued)


def _counted_off_after(text: str, sentences, by_sentence, i: int, whole: Mention) -> list[Mention]:
    """The names that open the clauses after sentence ``i`` of its paragraph that go on
    counting off items (二是B工程；三是C工程), of the whole's group."""
    out = []
    for j in range(i + 1, len(sentences)):
        s = sentences[j]
        item = NEXT_ORDINAL_ITEM.match(text, s.start)
        if s.paragraph != sentences[i].paragraph or item is None:
            break
        first = next((m for m in by_sentence[j] if not m.nested and GROUP.get(m.cls) == GROUP.get(whole.cls)), None)
        if first is not None and first.start <= s.start + item.end() + 2:
            out.append(first)
    return out


def _composed_of(text: str, sv: _Sentence, rels: list[Relation]) -> None:
    """长株潭自主创新示范区由A、B和C组成: the whole before 由, its parts up to 组成/构成."""
    for cm in COMPOSED_OF.finditer(sv.text):
        at, end = sv.start + cm.start(), sv.start + cm.end()
        wholes = [m for m in sv.names if m.end <= at and m.cls in ("Program", "Policy", "Park")
                  and not re.search(r"[，,；;]", text[m.end:at])]
        if not wholes:
            continue
        for p in sv.names:
            if at < p.start and p.end <= end and GROUP.get(p.cls) == GROUP.get(wholes[-1].cls):
                rels.append(Relation(p, "partOf", wholes[-1], sv.index))


def _located_by_de(text: str, sv: _Sentence, rels: list[Relation]) -> None:
    """遵义市汇川区的遵义高新技术产业开发区 (GUIDELINES: X区的Y): what a place's 的 introduces lies there."""
    for place, nxt in zip(sv.names, sv.names[1:]):
        if place.cls == "Place" and nxt.cls in ("Park", "Program") and text[place.end:nxt.start] == "的":
            rels.append(Relation(nxt, "locatedIn", place, sv.index))


#: a passive adoption: 《X》(已)经Y(第N次常务会议)审议通过/批准
ADOPTED_BY = re.compile(r"(?<=[》”\"）)])\s*[，,]?\s*(?:(?:已经|已|经)(?P<by>[^，,。；;]{1,40}?)(?:审议通过|审议批准|批准|审定通过|审定)"
                        r"|由(?P<drawn>[^，,。；;]{1,40}?)(?:联合)?(?:制定|印发|发布|出台|颁布))")   # 《X》由A会同B制定
#: the date a clause after the adoption gives the issue (…审议通过，于2023年11月20日正式印发)
ISSUED_AFTER = re.compile(r"\s*[，,]\s*(?:并|现)?(?:于|在)(?P<date>[^，,。；;]{6,14}?)(?:正式)?(?:印发|发布|公布|下发|出台)")


def _parts_named_in_the_name(by_sentence, rels: list[Relation]) -> None:
    """“六横六纵”现代化水网体系 (with “六横” and “六纵” named on their own), 企业找技术、成果找市场
    “双向揭榜挂帅”: a name that opens with two or more other names of the text, side by
    side or listed with 、, is made of them."""
    firsts: dict[str, tuple[Mention, int]] = {}   # a name without its quote marks -> first mention, sentence
    for i, group in enumerate(by_sentence):
        for m in group:
            if m.cls in ("Program", "Policy") and not m.nested:
                firsts.setdefault(re.sub(r"[“”\"‘’]", "", m.label), (m, i))
    for whole_label, (whole, i) in firsts.items():
        parts, pos = [], 0
        while True:   # the longest other name starting at pos (names are short: try each length)
            part = next((whole_label[pos:k] for k in range(len(whole_label), pos + 1, -1)
                         if whole_label[pos:k] in firsts and whole_label[pos:k] != whole_label), None)
            if part is None:
                break
            parts.append(part)
            pos += len(part) + (1 if whole_label.startswith("、", pos + len(part)) else 0)
        if len(parts) >= 2:
            for part in parts:
                rels.append(Relation(firsts[part][0], "partOf", whole, i))


def _headwords_issued_as_their_document(by_sentence, rels: list[Relation], issued: list[IssueDate]) -> None:
    """4.稳增长“21”条：2025年4月1日，省政府办公厅印发《…》: the term a glossary entry defines
    is the policy of the document its first sentence issues, by the same bodies on the same day
    (6.六大科技专项：省委…提出，要实施…行动: or of what that sentence launches)."""
    issuing: dict[int, list[Relation]] = {}   # sentence -> its issuedBy relations, in order
    has_issuer: set[int] = set()
    for r in rels:
        if r.predicate == "issuedBy" and r.subject is not None:
            issuing.setdefault(r.sentence, []).append(r)
            has_issuer.add(id(r.subject))
    first_date: dict[int, IssueDate] = {}
    for d in issued:
        first_date.setdefault(id(d.subject), d)
    for i, group in enumerate(by_sentence):
        for h in group:
            if not h.headword or h.bare_term or h.cls not in ("Program", "Policy") or id(h) in has_issuer:
                continue  # (a bare quoted term, 3.“自审自发”：, names a practice, not the document's policy)
            docs = [r for r in issuing.get(i, []) if r.subject.cls in INITIATIVES and r.subject.start > h.end]
            if not docs:
                continue
            first = min(docs, key=lambda r: r.subject.start).subject
            if first.label.replace("“", "").replace("”", "").startswith(h.label.replace("“", "").replace("”", "")):
                continue  # 9.X“一张图”：…确定为开展X“一张图”试点…: a pilot of the term, not the term
            for r in docs:
                if r.subject is first:
                    rels.append(Relation(h, "issuedBy", r.object, i))
                    has_issuer.add(id(h))
            d = first_date.get(id(first))
            if d is not None and id(h) not in first_date:
                first_date[id(h)] = IssueDate(h, d.iso, i)
                issued.append(first_date[id(h)])


IMPLEMENTING = re.compile(r"实施方案|实施意见|实施细则|实施办法|工作方案|行动方案")
GENERIC_SUBJECT = {"关于", "推进", "加快", "进一步", "实施", "全面", "建设", "发展", "工作", "意见", "方案"}


def _subjects_carried_out(text: str, start: int, cue: int, ms: list[Mention], sent: str) -> list[Mention]:
    """The initiatives a sentence opens with when it says they are carried out by the rule it
    cites (A、B由C根据《X》…规定执行, A按照《X》组织实施): its subject, before the cue and
    any 由-agent, in the sentence's first clause."""
    if not CARRIED_OUT_END.search(sent):
        return []
    first_break = min((k for k in (text.find(c, start, cue) for c in "，,；;") if k >= 0), default=cue)
    agent = text.find("由", start, cue)
    end = min(first_break, agent if agent >= 0 else cue)
    return [m for m in ms if m.cls in ("Program", "Policy") and m.end <= end]


#: a sentence saying that something is carried out (…规定执行, …组织实施, …办理)
CARRIED_OUT_END = re.compile(r"(?:执行|实施|办理|操作)[。；;]?\s*$")


def _shared_subject(a: str, b: str) -> bool:
    """Two titles on the same subject: they share a run of four or more characters that is
    not the furniture of titles (关于, 推进, 实施方案)."""
    for n in range(min(len(a), len(b)), 3, -1):
        for k in range(len(a) - n + 1):
            piece = a[k:k + n]
            if piece in b and not any(g in piece and len(piece) - len(g) < 3 for g in GENERIC_SUBJECT):
                return True
    return False


def _inside(d: DateExpr, mentions: list[Mention]) -> bool:
    """A date inside a name (《…(2015-2020年)》) is part of the name."""
    return any(m.start <= d.start and d.end <= m.end for m in mentions)


def _same_clause(text: str, start: int, mentions: list[Mention], breaks: str = "，,。；;",
                 first_breaks: str = "。；;") -> list[Mention]:
    """The mentions from ``start`` on that stand in the same clause: listed with 、和及与 and
    not separated by a break."""
    out = []
    pos = start
    for m in sorted(mentions, key=lambda m: m.start):
        gap = text[pos:m.start]
        if out and any(c in gap for c in breaks):
            break
        if not out and any(c in gap for c in first_breaks):
            break
        out.append(m)
        pos = m.end
    return out
