"""Document structure: paragraphs and sentences with their offsets, headings, and the
header of a notice (letterhead, document number, title, addressees, signature, date), and the
signature and date that close a notice too long for its header to hold them.

Works on the normalized text (same offsets as the original).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer import alternation, gazetteer

CJK = "\u3400-\u9fff"
CN_DIGITS = "零〇一二两三四五六七八九十"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    heading: bool = False


@dataclass
class Structure:
    paragraphs: list[tuple[int, int]]
    sentences: list[Sentence]
    title: tuple[int, int] | None = None          # span of the document's own title
    doc_number: tuple[int, int] | None = None     # span of 衢政发〔2017〕46号
    date: tuple[int, int] | None = None           # span of the issue date in the header
    issuer_lines: list[tuple[int, int]] = field(default_factory=list)  # letterhead, signature


DOC_NUMBER = re.compile(rf"[{CJK}]{{1,12}}[〔\[［(]\s*(?:19|20)\d\d\s*[〕\]］)]\s*第?\d{{1,4}}\s*号")
DATE_FULL = re.compile(rf"((?:19|20)\d\d|[{CN_DIGITS}]{{4}})\s*年\s*(\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*月\s*(\d{{1,2}}|[{CN_DIGITS}]{{1,3}})\s*日")
#: the line naming who gives a report: 四川省人民政府省长 施小琳, 绍兴市审计局局长 王某某
OFFICE_LINE = re.compile(r"(?:政府|国务院)(?:省长|市长|县长|区长|州长|总理|主席)"
                         r"|(?:局|厅|署|委员会|委|办公室)(?:副)?(?:局长|厅长|署长|主任)\s")
# 一、 （一） 1. 第一条 【总部企业奖】 附件1: the openings of headings, articles, named clauses, annexes
HEADING = re.compile(rf"^\s*(?:[{CN_DIGITS}]+、|[(（][{CN_DIGITS}]+[)）]|\d+[.．、]|第[{CN_DIGITS}百]+[章节条]|【[^【】]{{1,30}}】|附件\s*\d*)")
SENTENCE_END = re.compile(r"[。！？!?；;]+[”’\"」』)]?|\n")


CLAUSE_BREAKS = "，,；;"


def clause_start(text: str, at: int, lo: int = 0, breaks: str = CLAUSE_BREAKS) -> int:
    """Where the clause holding position ``at`` begins: just after the last of ``breaks``
    between ``lo`` and ``at``, else ``lo``."""
    return max(lo, max(text.rfind(c, lo, at) for c in breaks) + 1)


def paragraphs_of(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        # trim spaces inside the span
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def sentences_of(text: str, paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    out = []
    for pi, (ps, pe) in enumerate(paragraphs):
        start = ps
        para = text[ps:pe]
        is_heading = bool(HEADING.match(para))
        for m in SENTENCE_END.finditer(para):
            end = ps + m.end()
            if text[start:end].strip():
                out.append(Sentence(start, end, pi, is_heading and start == ps))
            start = end
        if start < pe and text[start:pe].strip():
            out.append(Sentence(start, pe, pi, is_heading and start == ps))
    # sentences never begin with spaces
    fixed = []
    for s in out:
        b = s.start
        while b < s.end and text[b].isspace():
            b += 1
        fixed.append(Sentence(b, s.end, s.paragraph, s.heading))
    return fixed


@lru_cache(maxsize=1)
def _title_re():
    g = gazetteer()
    return re.compile(rf"(?:{alternation(g.document_kinds)})(?:[(（][^()（）]{{1,20}}[)）])?$")


#: what makes a date the start of a period or a deadline rather than the document's date
PERIOD_AFTER_DATE = re.compile(r"\s*(?:至|到|—|–|-|~|～|起|前|后|以前|以后)")
#: the labelled fields that open a page of a government's information disclosure (索引号,
#: 发文机关, 成文日期, 标题), after a colon or in a cell of their own, and of a press
#: conference's transcript (主题, 时间, 发布人)
FIELD = re.compile(r"(?<!\S)(?P<label>索\s*引\s*号|主题分类|体裁分类|组配分类|服务对象|发文机关|发布机构|发文单位|制发机关|"
                   r"发文字号|文\s*号|成文日期|发文日期|印发日期|发布日期|公开日期|生效日期|施行日期|有\s*效\s*性|"
                   r"公开方式|公开范围|信息来源|来\s*源|标\s*题|名\s*称|文件名称|主\s*题|时\s*间|地\s*点|发\s*布\s*人|主\s*持\s*人)"
                   r"(?:[ \u3000]*[:：]|[ \u3000]+(?=\S))")   # 标题：X, or 标题 | X in a table of fields (tabs normalized)
FIELD_ROLES = {"标题": "title", "名称": "title", "文件名称": "title",
               "发文机关": "issuer", "发布机构": "issuer", "发文单位": "issuer", "制发机关": "issuer",
               "发文字号": "number", "文号": "number", "时间": "published",
               "成文日期": "date", "发文日期": "date", "印发日期": "date", "发布日期": "published", "公开日期": "published"}


def fields_of(text: str, start: int, end: int) -> list[tuple[str, int, int]] | None:
    """The labelled fields of the line ``text[start:end]`` (发文机关：X　成文日期：Y) as (role,
    value start, value end), the role None for a field no header part is read from; None
    when the line is not a line of fields."""
    found = [m for m in FIELD.finditer(text, start, end)
             if m.group(0).rstrip(" \u3000").endswith((":", "：")) or not re.search(r"\s", m.group("label"))]
    if not found or found[0].start() != start:
        return None   # (主 题 教 育 工 作 方 案: a title set out letter-spaced, no field without its colon)
    out = []
    for k, m in enumerate(found):
        vs, ve = m.end(), (found[k + 1].start() if k + 1 < len(found) else end)
        while vs < ve and text[vs].isspace():
            vs += 1
        while ve > vs and text[ve - 1].isspace():
            ve -= 1
        out.append((FIELD_ROLES.get(re.sub(r"\s", "", m.group("label"))), vs, ve))
    return out


def _read_fields(text: str, found: list[tuple[str, int, int]], st: "Structure", dated: bool) -> bool:
    """Title, issuer, number and date from the fields of one line (索引号：… 发文机关：… 标题：…)
    into ``st``; ``dated`` when a 成文日期 already gave the date, which a 发布日期 does not
    replace. Returns whether the date is now a 成文日期's."""
    for role, vs, ve in found:
        if role == "title" and st.title is None and ve > vs:
            st.title = (vs, ve)
        elif role == "issuer" and ve > vs:
            st.issuer_lines.append((vs, ve))
        elif role == "number" and st.doc_number is None and (m := DOC_NUMBER.search(text, vs, ve)):
            st.doc_number = (m.start(), m.end())
        elif role in ("date", "published") and not dated and (role == "date" or st.date is None) \
                and (m := DATE_FULL.search(text, vs, ve)):
            st.date, dated = (m.start(), m.end()), role == "date"
    return dated


def _signature_line(line: str) -> bool:
    """A line that can be a body signing a document: short, and no clause of a sentence."""
    return len(line) <= 30 and not re.search(r"[。；;：:，,]", line)


def _signatures_above(text: str, lines: list[tuple[int, int]], i: int, stop: set) -> list[tuple[int, int]]:
    """The lines right above line ``i`` (up to three, nearest first) that can each be a body
    signing the document, up to the first that cannot or that is in ``stop``."""
    out = []
    for prev in reversed(lines[max(0, i - 3):i]):
        if prev in stop or not _signature_line(text[prev[0]:prev[1]]):
            break
        out.append(prev)
    return out


def analyse(text: str) -> Structure:
    """Paragraphs, sentences and the notice header of ``text`` (normalized)."""
    paragraphs = paragraphs_of(text)
    st = Structure(paragraphs=paragraphs, sentences=sentences_of(text, paragraphs))
    title_re = _title_re()
    header: list[tuple[int, int]] = []   # the first twelve lines that are not fields
    header_end = 0                       # the index of the paragraph after them
    dated = False       # a 成文日期 field gave the date, which a 发布日期 field does not replace
    titled = False      # a line of the header was the title: fields after it are the body's (会议时间：…)
    for k, (s, e) in enumerate(paragraphs):
        if len(header) == 12:
            break
        header_end = k + 1
        if not titled and (found := fields_of(text, s, e)) is not None:
            dated = _read_fields(text, found, st, dated)
            continue
        i = len(header)
        header.append((s, e))
        line = text[s:e]
        if st.doc_number is None and (m := DOC_NUMBER.search(line)) and len(line) <= 40:
            st.doc_number = (s + m.start(), s + m.end())
            continue
        lead = len(line) - len(line.lstrip("—-－ （("))  # ——2024年3月5日在…, （2019年11月29日…通过）
        if st.date is None and (m := DATE_FULL.match(line, lead)) and (len(line) <= 16 or i <= 2) \
                and not PERIOD_AFTER_DATE.match(line, m.end()):   # (2025年5月1日至5月31日: a period, no date line)
            st.date = (s + m.start(), s + m.end())
            if i <= 3 and len(line) > 16 and re.search(r"通过|批准|公布|发布|印发", line):
                st.issuer_lines.append((s, e))  # (2019年…常务委员会…通过): who adopted it
            if i > 0 and st.title is not None:
                # 襄阳市统计局 / 国家统计局襄阳调查队 / 2024年3月20日: each body signing it, one per line
                st.issuer_lines += _signatures_above(text, header, i, {st.title, *st.issuer_lines})
            continue
        if line.endswith("文件") and len(line) <= 30:
            st.issuer_lines.append((s, e - 2))
            continue
        if i <= 6 and OFFICE_LINE.search(line) and len(line) <= 40:
            st.issuer_lines.append((s, e))  # 四川省人民政府省长 施小琳: the report's issuer
            continue
        compact = re.sub(r"[ \u3000]+", "", line)   # 政 府 工 作 报 告: a title set out letter-spaced
        if (st.title is None and i <= 5 and 4 <= len(compact) <= 120 and "。" not in line
                and not line.endswith((":", "：")) and (title_re.search(compact) or line.endswith("》"))):
            st.title = (s, e)
            titled = True
            continue
    if st.date is None:   # a signature closing the document: 安徽省人民政府办公厅 / 2023年7月3日
        for i in range(max(header_end, len(paragraphs) - 3), len(paragraphs)):
            s, e = paragraphs[i]
            m = DATE_FULL.fullmatch(text, s, e)
            if m is None:
                continue
            st.date = (s, e)
            # 苏州市工业和信息化局 / 苏州市财政局 / 2025年4月20日: each body signing it, one per line
            st.issuer_lines += _signatures_above(text, paragraphs, i, {st.title})
            break
    return st
