"""Observations: each quantity becomes a Target or an Achievement, with the year it refers
to, the entity it is about and the indicator it measures.

- Kind: the nearest cue before the number in its sentence decides (计划/力争/到2020年/将/确保
  → Target; 完成/累计/已/截至/目前 → Achievement); a target cue earlier in the same sentence
  keeps later numbers targets (计划实施…，完成…); without a cue, a year after the
  document's own year means a target, else the section's heading (一、2022年工作回顾 →
  results; 二、2023年工作安排 → targets), else the genre decides (plans, measures and
  opinions state targets, reports state results). A sentence opening with targets
  (到2025年，…) sets targets in all its clauses after semicolons, and so does a section of
  work ahead of its year, unless a past marker (已, 截至, 目前) stands before the number.
  A deadline ahead (2024年底前完成) sets a target; a cue is none inside a plan's name (三年行动
  计划, but 年度计划投资 is), after a verb of result (完成年度目标的120%), in a condition of
  measures (对…完成…的，) or a finding (审计发现，…将…用于…).
- Year: the nearest year before the number in its sentence (到2020年 → 2020, 截至2017年底
  → 2017, 2018—2020年 → 2020) that is not a comparison's base (比2020年下降), else one
  carried from an earlier sentence of the same paragraph, else the year of its section's
  heading, else the one year a yearly document covers by its title (2023年统计公报,
  2024年工作要点), else none.
- About: the nearest initiative, document or park named before the number in its
  sentence, else the paragraph's first such entity, else (for a plan or measures) the
  document itself.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .dates import DateExpr
from .entities import Mention, pos_tagger, class_suffix
from .gazetteer import alternation, gazetteer
from .quantities import Quantity
from .structure import clause_start

ABOUT_CLASSES = ("Program", "Policy", "PolicyDocument", "Park")
TARGET_GENRES = ("计划", "方案", "意见", "办法", "措施", "规划", "纲要", "细则", "规定", "通知", "条例", "要点", "政策", "建议", "指南")


@dataclass
class Observation:
    quantity: Quantity
    kind: str                 # Target or Achievement
    year: int | None
    about: Mention | None
    about_self: bool          # about the document itself
    indicator: str            # what is measured, as a phrase


@lru_cache(maxsize=1)
def _cue_patterns():
    g = gazetteer()
    target = [c for c in g.cues["target"] if c not in ("计划", "将", "要", "争取")]
    target_re = alternation(target) + (
        r"|(?:(?<!截止)到|(?<![截])至)\s*(?:19|20)\d\d\s*年"      # 到2020年; not 截至2017年 (a result)
        r"|(?<![相适对反供响效回呼])应(?![用对急收付])"      # 应小于, 应达到: a norm to meet; not 应用, 相应
        r"|计划(?!项目|内|单列|生育|经济)"           # 计划实施, 2018年计划; not 计划项目 or a plan's name
        r"|(?<![即日必])将(?![近军来领])(?![^，。；]{0,8}?(?:确定为|列为|列入|作为|纳入|认定为|评为|授予))"  # 将实施; not 将近, nor 把-like 将X确定为
        r"|(?<![主重需只])要(?![求点素])"              # 要实施; not 主要, 重要, 需要, 要求
        r"|(?<!经过积极)(?<!经过)争取"                 # 争取到; not 经过积极争取 (done)
        r"|预期(?=增长|达到|实现|完成|下降|提高|控制|为)"   # 预期增长5%; not 提振预期 (expectations)
        r"|(?<![的执法])决定(?=[，,]?\s*(?:安排|投入|新增|实施|建设|设立|拨付|下达|发行|追加))")   # 会议决定，安排…500亿元
    return (re.compile(target_re),
            re.compile(alternation(g.cues["achievement"])),
            re.compile(rf"(?:{alternation(g.cues['achievement'] + g.cues['target'] + ['为', '是', '有', '达', '共', '新建', '建成', '建设', '实现', '达到'])})"))


STRONG_TARGET = re.compile(r"计划(?!项目|内|单列)|力争|(?<!经过积极)(?<!经过)争取|确保|目标|预计|拟"
                           r"|(?:(?<!截止)到|(?<![截])至)\s*(?:19|20)\d\d\s*年"
                           r"|(?:19|20)\d\d\s*年(?:\d{1,2}\s*月)?(?:底|末)?(?:以)?前")   # 2024年底前完成: a deadline
#: a sentence that goes on listing what the previous one announced (…将实施的工程。即：…)
CONTINUATION = re.compile(r"\s*(?:即|包括|主要包括|具体包括|具体是|分别是|分别为|主要有)\s*[:：,，]?")
#: a past marker: 已, 截至, 目前 make a figure a result even where targets are being set
PAST = re.compile(r"已|截至|截止|目前")
#: time elapsed before the text speaks (近年来, 2018年以来, 过去五年): what it says done was done
ELAPSED = re.compile(r"近年来|近几年|以来|过去")
#: a result's marker: a past marker, or 累计 (which in a sentence setting targets is cumulative, no past)
DONE = re.compile(PAST.pattern + r"|累计")
ACTION_TAIL = re.compile(r"(?:整治|改造|建设|提升|治理)$")
STARTED_BEFORE = re.compile(r"(?:启动|开展|实施|推进|推动|开工)$")
#: a definition (“六横”指六个…): of what a program is to comprise, and what its figures are about
DEFINITION = re.compile(r"是指|(?<![意旨手标])指(?![导出标示数])")
ENUMERATION = re.compile(DEFINITION.pattern + r"|包括|包含|分别是|分别为|主要有")
#: a figure stated for each year of a span (每年推进10项); 年均 (an average over it) refers to its end
PER_YEAR = re.compile(r"每年")
HORIZON_BEFORE = re.compile(r"(?:到|至|截至|截止)\s*$")
#: the cues that set a target whatever the section (a horizon alone, 到2020年, may be reviewed,
#: and 争取 there says what was secured: 全年争取新增专项债券额度286亿元)
MODAL_TARGET = re.compile(r"力争|计划|(?<![即日必])将(?!近)|确保|预计|目标|拟|(?<![主重需只])要(?![求点素])")
#: a top-level heading (一、 第二章 第三部分) opens a section of the document
SECTION_HEAD = re.compile(r"\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+(?:章|部分|篇))")
#: what a section heading says its figures are: results reviewed, or work and targets ahead
REVIEW_SECTION = re.compile(r"回顾|总结|成绩|成效|进展|发展基础|主要成就|完成情况|执行情况")
PLAN_SECTION = re.compile(r"安排|任务|目标|计划|打算|思路|部署|草案|展望")
PLAN_NAME_BEFORE = re.compile(r"(?:行动|三年|五年|发展|年度|工作|专项|培育|建设)$")
#: what a plan is to do, right after 计划 (年度计划投资1120亿元: the investment planned for the year)
PLANNED_ACTION = re.compile(r"(?:总投资|投资|新增|实施|建设|完成|开工|安排|新建|改造)")


def _plan_named(before: str, cue: re.Match, weak: bool = False) -> bool:
    """True when a cue is part of a plan's or goal's name (三年行动计划, 年度目标), no cue, unless
    what follows 计划 says what is planned (年度计划投资); a weak cue other than 计划 always counts."""
    if weak and cue.group(0) != "计划":
        return False
    return PLAN_NAME_BEFORE.search(before, 0, cue.start()) is not None \
        and not (cue.group(0).startswith("计划") and PLANNED_ACTION.match(before, cue.end()))


#: the target cues that state a measure's terms (给予补助, 最高奖励): of a past year, what was granted
MEASURE_TERMS = {"给予", "补助", "奖励", "最高"}
#: a condition of measures (对企业首次完成工程流片的，按…给予补助): what it names done is what
#: qualifies for the measure, no result
CONDITION = re.compile(r"(?:对于|对|凡)[^，。；,;]{2,40}?的[，,]")
#: a finding (审计发现，2个县将衔接资金3860万元用于非帮扶项目): what it says was done, 将 marking the
#: thing disposed of, not a future
FINDING = re.compile(r"发现|查出|查实|核查出|检查出")
#: a goal that was met (完成年度目标的120%, 超额完成全年目标任务): 目标 the object of a verb of result
GOAL_MET_BEFORE = re.compile(r"(?:完成|实现|达成|达到)[\u3400-\u9fff]{0,4}$")


def _past_deadline(cue: re.Match, doc_year: int | None) -> bool:
    """A deadline before the document's year (2022年底前完成 in a report of 2024) was a target once."""
    return cue.group(0)[:1].isdigit() and doc_year is not None and int(cue.group(0)[:4]) < doc_year


def _goal_met(before: str, cue: re.Match) -> bool:
    """True when the cue is a goal reached (完成年度目标), no goal set."""
    return cue.group(0) == "目标" and GOAL_MET_BEFORE.search(before, max(0, cue.start() - 8), cue.start()) is not None


def _weak_cue_counts(before: str, cue: re.Match) -> bool:
    """Whether a weak target cue sets a target: not inside a plan's name, not a goal reached,
    not 将/要 in a finding (审计发现，…将资金用于…: the thing disposed of)."""
    return not _plan_named(before, cue, weak=True) and not _goal_met(before, cue) \
        and not (cue.group(0) in ("将", "要") and FINDING.search(before, 0, cue.start()))


def classify(sentence: str, offset: int, year: int | None, doc_year: int | None, genre_target: bool,
             carried: str | None = None) -> str | None:
    """Target or Achievement for a number at ``offset`` of ``sentence``; None when the
    sentence has no cue and nothing was carried (the caller then decides by year and genre)."""
    target_re, achieve_re, _ = _cue_patterns()
    before = sentence[:offset]
    past = year is not None and doc_year is not None and year < doc_year
    last_t = max((m.end() for m in target_re.finditer(before) if _weak_cue_counts(before, m)
                  and not (past and m.group(0) in MEASURE_TERMS)), default=-1)
    conditions = [c.span() for c in CONDITION.finditer(before)]
    last_a = max((m.end() for m in achieve_re.finditer(before)
                  if not any(s <= m.start() < e for s, e in conditions)), default=-1)
    strong = next((m for m in STRONG_TARGET.finditer(before) if not _plan_named(before, m)
                   and not _goal_met(before, m) and not _past_deadline(m, doc_year)), None)
    if strong and (last_a < strong.end() or not DONE.search(before, strong.end())):
        return "Target"
    if last_t > last_a:
        return "Target"
    if last_a >= 0 and genre_target and (year is None or doc_year is None or year >= doc_year) \
            and not DONE.search(before) and not ELAPSED.search(before):
        return "Target"   # 2021年完成改厕1.2万户, 完成生态修复1000公里 in a plan: what it is to complete
    if last_a >= 0:
        return "Achievement"
    if carried:
        return carried
    if DEFINITION.search(before):
        return "Target"   # “六横”指…包括A、B…6个工程: the scope a program is to have
    if year is not None and doc_year is not None and year != doc_year:
        return "Target" if year > doc_year else "Achievement"
    return "Target" if genre_target else "Achievement"


def _section_context(heading: str, dates) -> tuple[int | None, str | None]:
    """The year a section heading names and the kind of figure it announces: results
    (一、2022年工作回顾, 发展基础) or work and targets ahead (二、2023年工作安排, 主要任务)."""
    kind = "Achievement" if REVIEW_SECTION.search(heading) else "Target" if PLAN_SECTION.search(heading) else None
    return (dates[0].year if dates else None), kind


def _opens_targets(sentence: str, first: int, doc_year: int | None) -> bool:
    """True when a sentence opens by setting targets (到2025年，… / 主要预期目标是：…) before
    its first number: its clauses after a semicolon set targets too, though they name
    results (累计建成, 达到), unless a past marker (已, 截至, 目前) follows the cue."""
    head = sentence[:first]
    cue = next((m for m in STRONG_TARGET.finditer(head) if not _plan_named(head, m)), None)
    if cue is None or PAST.search(head, cue.end()):
        return False
    horizon = re.search(r"(?:19|20)\d\d", cue.group(0))
    return not (horizon and doc_year is not None and int(horizon.group(0)) < doc_year)


def _measures_another(text: str, s_start: int, q: Quantity, phrase: str, about: Mention, quantities) -> bool:
    """True when the number's clause says what it measures and that is not ``about``, which an
    earlier clause named with its own figure right after it (认定A示范项目10个，B示范项目5个，
    培育1—2个C企业; 安排A专项资金3.5亿元，安排B资金12亿元). ``phrase`` is the number's indicator phrase."""
    if about.end > clause_start(text, q.number_start, s_start) or not any(o.start == about.end for o in quantities):
        return False   # (支持“双百登高”，每年安排…，遴选50个项目: the program's clauses go on describing it)
    phrase = CHANGE_WORDS.sub("", phrase)
    label = about.label.strip("“”\"")
    if phrase and (phrase in label or label in phrase):
        return False
    # the clause names its own object, before the number (安排乡村振兴资金12亿元) or after it
    # (培育1—2个智能服务示范企业); not 每批100名, 帮扶600个村
    before = pos_tagger().lcut(phrase, HMM=False)[-1] if len(phrase) >= 2 else None
    following = re.match(r"[\u3400-\u9fff]{2,12}", text[q.end:q.end + 12])
    after = pos_tagger().lcut(following.group(0), HMM=False)[0] if following else None
    return any(w is not None and len(w.word) >= 2 and w.flag.startswith("n") for w in (before, after))


#: words of change that name no thing measured (增长12%, 下降3%)
CHANGE_WORDS = re.compile(r"^(?:同比|比上年|较上年)?(?:增长|增加|下降|减少|提高|降低|提升|上升|回落)|(?:增长|下降|提高|降低)$")


#: a clause citing the rule a sentence acts on (根据《…》等规定，按照…要求，依据…), or carrying one out
#: (深入贯彻落实《条例》，…): a document it names is its basis
BASIS = re.compile(r"(?:(?P<cited>根据|按照|依据|依照|遵照)|贯彻|落实|执行)[^，,。；;]+")


def _basis_clauses(text: str, start: int, sentence: str) -> list[tuple[int, int, bool]]:
    """The spans (text offsets) of the clauses of a sentence that cite its basis, and whether
    they cite it (根据…: whatever they name is the basis) or carry it out (落实…: only a
    document they name is; 落实河湖长制，完成修复1000公里 measures the regime carried out)."""
    return [(start + m.start(), start + m.end(), m.group("cited") is not None) for m in BASIS.finditer(sentence)]


def _in_basis(m: Mention, basis: list[tuple[int, int, bool]], before: int | None = None) -> bool:
    """True when ``m`` is the basis a clause cites or carries out (ending before ``before``)."""
    return any(b0 <= m.start and m.end <= b1 and (before is None or b1 <= before) and (cited or m.cls == "PolicyDocument")
               for b0, b1, cited in basis)


def _has_cue(before: str) -> bool:
    target_re, achieve_re, _ = _cue_patterns()
    return bool(target_re.search(before) or achieve_re.search(before))


def indicator_phrase(sentence: str, offset: int) -> str:
    """The words naming what a number measures: the phrase between the last cue or
    punctuation and the number (完成老旧小区整治项目106个 → 老旧小区整治项目)."""
    _, _, any_cue = _cue_patterns()
    before = sentence[:offset]
    phrase = before[clause_start(before, len(before), breaks="，,；;：:。（(、"):]
    cues = list(any_cue.finditer(phrase))
    if cues:
        phrase = phrase[cues[-1].end():]
    phrase = re.sub(r"^[\d年月日底末初全市省县区我本该的了在\s]+", "", phrase)
    phrase = re.sub(r"[的了在\s]+$", "", phrase)
    return phrase[-20:]


def _defined_in(text: str, mentions: list[Mention], before: int) -> Mention | None:
    """The name a sentence defines or enumerates the parts of before position ``before``:
    a name followed by 指/是指/包括… (not an item of the list itself)."""
    found = None
    for k, m in enumerate(mentions):
        if m.end > before:
            break
        nxt = mentions[k + 1].start if k + 1 < len(mentions) else before
        if text[m.start - 1:m.start] != "、" and ENUMERATION.search(text[m.end:min(nxt, before)]):
            found = m   # the last name right before its own 指/包括: “六横”指…, not the headword before it
    return found


def group_by_sentence(sentences, items) -> list[list]:
    """Items (anything with .start) grouped by the sentence they start in, in one pass."""
    groups: list[list] = [[] for _ in sentences]
    starts = [s.start for s in sentences]
    for it in items:
        i = bisect_right(starts, it.start) - 1
        if i >= 0 and it.start < sentences[i].end:
            groups[i].append(it)
    return groups


def _in_series(text: str, sentences, starts: list[int], at: int) -> bool:
    """True when the sentence holding ``at`` is one of a series of clauses joined by
    semicolons (…：A；B；C。): it ends in one, or follows one of its paragraph. ``starts``
    are the sentences' starts."""
    i = bisect_right(starts, at) - 1
    s = sentences[i]
    if text[s.start:s.end].rstrip().endswith((";", "；")):
        return True
    prev = sentences[i - 1] if i > 0 else None
    return prev is not None and prev.paragraph == s.paragraph and text[prev.start:prev.end].rstrip().endswith((";", "；"))


def paragraph_topics(text: str, sentences, about_in) -> tuple[dict[int, Mention], set[int]]:
    """What each paragraph is about: a name it introduces with 简称/统称/称为, else the
    initiative its text names most often (counting the name inside longer names too),
    the earliest on a tie. Also the paragraphs whose topic is named only once, and not in
    their first sentence: such a name is what the figures after it are about, not those
    before it (a report's review)."""
    by_para: dict[int, list[Mention]] = {}
    spans: dict[int, tuple[int, int]] = {}
    for i, ms in enumerate(about_in):
        p = sentences[i].paragraph
        by_para.setdefault(p, []).extend(m for m in ms if not m.self_ref)
        start, end = spans.get(p, (sentences[i].start, sentences[i].end))
        spans[p] = (min(start, sentences[i].start), max(end, sentences[i].end))
    starts = [s.start for s in sentences]
    opening_end: dict[int, int] = {}
    for s in sentences:
        opening_end.setdefault(s.paragraph, s.end)
    out, once = {}, set()
    for p, ms in by_para.items():
        if not ms:
            continue
        para = text[spans[p][0]:spans[p][1]]
        plain = re.sub(r"[“”\"]", "", para)   # (“强链延链”行动 is named 强链延链行动)
        named = [m for m in ms if m.headword] or \
            [m for m in ms if re.search(r"(?:简称|统称|称为|简称为)\s*[“\"]?$", text[max(0, m.start - 4):m.start])]
        if named:   # the term a glossary entry defines, or a name the paragraph introduces
            out[p] = named[0]
            continue
        counts: dict[str, int] = {}   # each name counted once per paragraph, however often it is mentioned

        def weight(m):
            label = m.label.strip("“”\"")
            if label not in counts:
                counts[label] = plain.count(label)
            return counts[label] + (1 if m.cls in ("Program", "Policy") else 0)
        out[p] = max(ms, key=lambda m: (weight(m), -m.start))
        label = out[p].label.strip("“”\"")
        if counts[label] == 1 and _in_series(text, sentences, starts, out[p].start):
            del out[p]   # 实施X行动，新引进项目50个；建成高标准农田5万亩: one item of a list, not its topic
            continue
        sfx = class_suffix(label)
        stem = label[: -len(sfx)] if sfx and len(label) - len(sfx) >= 2 else label
        if plain.count(stem) < 2 and out[p].start >= opening_end[p]:
            once.add(p)   # (家庭医生签约服务 counts for …制度; a name opening the paragraph is its topic)
    return out, once


def build_observations(text: str, sentences, quantities: list[Quantity], dates: list[DateExpr],
                       mentions: list[Mention], doc_year: int | None, genre_target: bool,
                       covered: int | None = None) -> list[Observation]:
    """The observations of ``quantities``; ``covered`` is the one year the document covers
    (a 2023 statistical bulletin), the year of figures that neither their text nor their
    section's heading dates."""
    out: list[Observation] = []
    carried: dict[int, int] = {}     # paragraph -> last year seen
    carried_kind: dict[int, str] = {}  # paragraph -> kind a cue last decided
    dates_in = group_by_sentence(sentences, [d for d in dates if not d.base])   # (比2020年下降: no figure's year)
    qs_in = group_by_sentence(sentences, quantities)
    about_in = group_by_sentence(sentences, [m for m in mentions if m.cls in ABOUT_CLASSES
                                             and not text[max(0, m.start - 1):m.start] == "除"])
    # a document a sentence cites or carries out (根据《…》, 贯彻落实《条例》) is its basis: neither what
    # its figures measure nor what its paragraph is about
    basis_in = [_basis_clauses(text, s.start, text[s.start:s.end]) if about_in[i] else [] for i, s in enumerate(sentences)]
    topic, named_once = paragraph_topics(text, sentences, [[m for m in ms if not _in_basis(m, basis_in[i])]
                                                           for i, ms in enumerate(about_in)])
    # names of initiatives anywhere in the document: 完成老旧小区整治项目106个 is about 老旧小区整治
    named = {}
    for m in mentions:
        if m.cls in ("Program", "Policy", "Park") and not m.self_ref and len(m.label) >= 3:
            named.setdefault(m.label.strip("“”\""), m)
    # …and by its stem where the text drops the action word (老旧小区项目90个 → 老旧小区整治)
    for label, m in list(named.items()):
        stem = ACTION_TAIL.sub("", label)
        if stem != label and len(stem) >= 4:
            named.setdefault(stem, m)
    by_length = sorted(named, key=len, reverse=True)
    prev_indicator = ""
    announced = None  # the kind the previous sentence's cues gave, for a sentence continuing it
    inherited = None
    section = None    # the initiative the current heading names
    part_year, part_kind = None, None   # what the current top-level heading says (二、2023年工作安排)
    scope_target = None    # whether the sentence's opening set targets (到2025年，…；…；…。)
    opening = ("", 0)      # that opening clause and where its first number stands
    for i, s in enumerate(sentences):
        sent_dates = dates_in[i]
        sentence = text[s.start:s.end]
        if s.heading:  # （九）鼓励“两化”深度融合: the initiative a clause of measures is about
            section = next((m for m in about_in[i] if m.cls in ("Program", "Policy") and not m.self_ref), None)
            if SECTION_HEAD.match(sentence):
                part_year, part_kind = _section_context(sentence, sent_dates)
        after_semicolon = bool(i) and text[sentences[i - 1].start:sentences[i - 1].end].rstrip().endswith((";", "；"))
        if not (after_semicolon and sentences[i - 1].paragraph == s.paragraph):
            # decided when a later clause first asks (most sentences have no clause after a semicolon)
            first = qs_in[i][0].number_start - s.start if qs_in[i] else len(sentence)
            scope_target = None
            opening = (sentence, first)
        part_target = part_kind == "Target" and part_year is not None and (doc_year is None or part_year >= doc_year)
        if CONTINUATION.match(sentence):
            inherited = announced
        elif not after_semicolon:
            inherited = None   # the items of a list after 即： run on over semicolons
        announced = None
        if _has_cue(sentence):
            year_end = sent_dates[-1].year if sent_dates else carried.get(s.paragraph)
            announced = classify(sentence, len(sentence), year_end, doc_year, genre_target)
        for q in qs_in[i]:
            before_dates = [d for d in sent_dates if d.end <= q.start]
            year = before_dates[-1].year if before_dates else carried.get(s.paragraph)
            span = before_dates[-1] if before_dates and before_dates[-1].period else None
            within = span is not None and not HORIZON_BEFORE.search(text, max(0, span.start - 3), span.start)
            if within and PER_YEAR.search(text, span.end, q.start):
                year = None   # “十三五”期间，每年推进10项: a figure for each year of a span, of none
            # “十三五”时期，…突破6800亿元 in a plan of 2020: a span over by the document's year is reviewed
            reviewed = within and doc_year is not None and span.year <= doc_year
            if year is None:   # 一、2022年工作回顾: the year of a section's figures that name none
                year = part_year if part_year is not None else covered
            at = q.number_start - s.start   # the cues before the number count, 不低于 among them
            before_q = sentence[:at]
            if inherited and not DONE.search(before_q):
                kind = inherited   # 即：…完成造林3万亩 goes on with what …将实施 announced
            else:
                # (a sentence dating itself before the document's year is no continuation of the
                # paragraph's or section's terms: 2024年，全市共支持项目326个 after 最高不超过300万元)
                own_past = bool(before_dates) and doc_year is not None and year is not None and year < doc_year
                kind = classify(sentence, at, year, doc_year, genre_target and not reviewed,
                                None if own_past else carried_kind.get(s.paragraph) or part_kind)
            if kind == "Target" and part_kind == "Achievement" and not MODAL_TARGET.search(before_q):
                kind = "Achievement"   # 一、发展基础: 由2015年的…增加到2020年的…: a horizon reviewed, not set
            if kind == "Achievement" and not PAST.search(before_q) and (year is None or doc_year is None or year >= doc_year):
                if scope_target is None:
                    scope_target = _opens_targets(opening[0], opening[1], doc_year)
                if scope_target or part_target:
                    kind = "Target"   # 到2025年，…；累计建成绿色工厂5000家: what is to be done by then
            if _has_cue(before_q):
                carried_kind[s.paragraph] = kind
            # the nearest name before the number in its sentence, else what the paragraph is about;
            # not a rule the sentence cites as its basis (根据《…办法》规定，现下达资金186500万元)
            about = None
            for m in about_in[i]:
                if m.end <= q.start and not _in_basis(m, basis_in[i], q.start):
                    about = m
            # the count closes a list (A、B、C6个工程; A、B等6个专项): it counts the list's items
            closes_list = about is not None and (
                (about.end == q.start and text[about.start - 1:about.start] == "、")
                or re.search(r"、[^，。；,;、]{1,20}等$", text[s.start:q.start]) is not None)
            settled = closes_list   # what a list's count or a definition's figure measures stays
            if closes_list:
                # A、B、C 6个工程: the count is of the list, not of C; it is of what the sentence
                # is defining or enumerating (“六横”指…，包括A、B、C6个工程), else the paragraph's topic
                about = _defined_in(text, about_in[i], about.start) or topic.get(s.paragraph)
            elif about is not None:
                defined = _defined_in(text, about_in[i], q.start)
                if defined is not None and DEFINITION.search(text[defined.end:q.start]) and \
                        DEFINITION.search(text[defined.end:about.start]):
                    about, settled = defined, True   # “双千”计划是指面向…“一带一路”…千项: the figures define the 双千计划
            phrase = indicator_phrase(sentence, at)
            another = about is not None and not settled and _measures_another(text, s.start, q, phrase, about, qs_in[i])
            if another:   # 智能工厂示范项目5个，培育1—2个智能服务示范企业: the second count is of other things
                about = None
            about_self = False
            if genre_target:
                # a plan's or measures' figures are the document's own unless their sentence names
                # another: a name in the number's clause, or one the text marks (“…”, 《…》)
                if about is not None and about.start < clause_start(text, q.start, s.start, breaks="，,；;：:") \
                        and about.source not in ("quote", "title") and about.cls != "Program":
                    about = None
                if about is None and section is not None and not another:
                    about = section
                if about is None:
                    about_self = True
            else:
                # a name in an earlier clause that its own verb governs (启动X，新建Y18处) is not
                # what the number measures: the paragraph's topic is
                if about is not None and about.end <= clause_start(text, q.start, s.start) and not closes_list and \
                        STARTED_BEFORE.search(text[max(s.start, about.start - 6):about.start]) and s.paragraph in topic:
                    # (a paragraph naming its topic once has none: the program started stays)
                    about = topic[s.paragraph] if s.paragraph not in named_once else about
                if about is None and s.paragraph in topic and not another and \
                        (s.paragraph not in named_once or topic[s.paragraph].start < q.start):
                    about = topic[s.paragraph]   # (not a name a paragraph comes to once, after its figures)
            if about is not None and about.self_ref:
                about, about_self = None, True
            if not phrase and text[q.start - 1:q.start] == "、":
                phrase = prev_indicator
            prev_indicator = phrase or prev_indicator
            plain = re.sub(r"[“”\"]", "", phrase)   # X“一张图”试点 names X一张图试点
            inside = next((n for n in by_length if n in plain), None) if phrase else None
            if inside is not None and not settled:
                about, about_self = named[inside], False
            out.append(Observation(q, kind, year, about, about_self, phrase))
        if sent_dates:
            carried[s.paragraph] = sent_dates[-1].year
    return out
