"""Dates: time expressions of policy text (2016年12月, 2017年9月1日, 二〇一六年十一月十五日,
2018—2020年, 截至2017年底, 到2020年, “十四五”期间 → 2025) parsed to ISO strings at the
precision the text gives, and the year a clause speaks of.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CN_D = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
Y = r"(?:(?:19|20)\d\d|[零〇○一二三四五六七八九]{4})"
MD = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
DATE = re.compile(rf"(?P<y>{Y})\s*年(?:\s*(?P<m>{MD})\s*月(?:份)?(?:\s*(?P<d>{MD})\s*日)?)?")
#: the period of a five-year plan (十一五 2006—2010 … 十五五 2026—2030), not 以来 (since its start)
FIVE_YEAR_PLAN = re.compile(r"[“\"]?十(?P<n>[一二三四五六七八九])五[”\"]?(?:规划)?(?:期间|时期|期末|末)")
YEAR_RANGE = re.compile(rf"(?P<y1>(?:19|20)\d\d)\s*(?:年)?\s*[—~～\-至到]\s*(?P<y2>(?:19|20)\d\d)\s*年")


@dataclass(frozen=True)
class DateExpr:
    start: int
    end: int
    iso: str      # "2016", "2016-12" or "2016-12-01"
    year: int
    period: bool = False  # a range (2018—2020年) or a horizon (到2020年): never an issue date
    base: bool = False    # a comparison's base (比2020年下降13.5%): not the year a figure is of


def _num(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in CN_D for c in text):
        return int("".join(str(CN_D[c]) for c in text))
    # 十, 十一, 二十, 二十三
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_D.get(tens, 1) if tens else 1) * 10 + (CN_D.get(ones, 0) if ones else 0)
    return CN_D.get(text, 0)


#: what makes a year the base of a comparison: 比2020年, 较2015年, 与2020年相比, 以2020年为基数
COMPARED_BEFORE = re.compile(r"(?:比|较|与|同|相对于?)\s*$")
BASE_AFTER = re.compile(r"(?:底|末)?\s*(?:为基数|为基准|为基期|为基年|相比|同期)")


def find_dates(text: str) -> list[DateExpr]:
    """Every date expression in ``text``, in order; a year range gives its end year."""
    out = []
    for m in YEAR_RANGE.finditer(text):
        y2 = int(m.group("y2"))
        out.append(DateExpr(m.start(), m.end(), str(y2), y2, period=True))
    for m in FIVE_YEAR_PLAN.finditer(text):   # “十四五”期间, 到“十四五”末: the plan period, to its last year
        end = 2005 + 5 * "一二三四五六七八九".index(m.group("n")) + 5
        out.append(DateExpr(m.start(), m.end(), str(end), end, period=True))
    covered = {i for d in out for i in range(d.start, d.end)}
    for m in DATE.finditer(text):
        if m.start() in covered:
            continue
        y = _num(m.group("y"))
        if not 1949 <= y <= 2100:
            continue
        iso = f"{y:04d}"
        if m.group("m"):
            mo = _num(m.group("m"))
            if not 1 <= mo <= 12:
                continue
            iso += f"-{mo:02d}"
            if m.group("d"):
                d = _num(m.group("d"))
                if 1 <= d <= 31:
                    iso += f"-{d:02d}"
        horizon = bool(re.search(r"(?:到|至|截至|截止)\s*$", text[max(0, m.start() - 3):m.start()]))
        base = bool(COMPARED_BEFORE.search(text, max(0, m.start() - 3), m.start()) or BASE_AFTER.match(text, m.end()))
        out.append(DateExpr(m.start(), m.end(), iso, y, period=horizon, base=base))
    out.sort(key=lambda d: d.start)
    return out


#: years named relative to the document's (a work report's 过去一年 is the year before it);
#: not 上年/本年度, which in measures count from an applicant's year, and not a comparison (比去年)
RELATIVE_YEAR = re.compile(rf"(?<![比较同与于])(?P<w>今年|去年|过去一年|过去的一年|前年|明年)"
                           rf"(?:\s*(?P<m>{MD})\s*月(?:份)?(?:\s*(?P<d>{MD})\s*日)?)?")
OFFSET = {"今年": 0, "去年": -1, "过去一年": -1, "过去的一年": -1, "前年": -2, "明年": 1}


def relative_dates(text: str, doc_year: int | None) -> list[DateExpr]:
    """今年, 去年, 过去一年, 明年… as years counted from the document's own year (none
    without it); 今年3月 keeps its month."""
    if doc_year is None:
        return []
    out = []
    for m in RELATIVE_YEAR.finditer(text):
        y = doc_year + OFFSET[m.group("w")]
        iso = f"{y:04d}"
        if m.group("m") and 1 <= _num(m.group("m")) <= 12:
            iso += f"-{_num(m.group('m')):02d}"
            if m.group("d") and 1 <= _num(m.group("d")) <= 31:
                iso += f"-{_num(m.group('d')):02d}"
            end = m.end()
        else:
            end = m.end("w")
        out.append(DateExpr(m.start(), end, iso, y))
    return out


#: the genres of a document about one year, whose title names it (襄阳市2023年统计公报, 2023年工作总结,
#: 2024年工作要点, 关于2023年度重点项目建设情况的通报), or a year named as one (2023年度); a government
#: work report is not one: its title's year is the year it is given
YEAR_COVERED = re.compile(r"统计公报|工作总结|工作要点|工作计划|年度报告|情况|(?:19|20)\d\d\s*年度")


def covered_year(title: str | None) -> int | None:
    """The one year a document of a yearly genre covers, by its title; none where the title
    names two years (2023年预算执行情况和2024年预算草案) or a span (2023—2025年工作计划)."""
    if not title or not YEAR_COVERED.search(title):
        return None
    found = find_dates(title)
    years = {d.year for d in found}
    spans = [d for d in found if d.period or title.startswith(("以来", "至今"), d.end)]   # (2019年以来…情况)
    return years.pop() if len(years) == 1 and not spans else None


def xsd_type(iso: str) -> str:
    return {4: "gYear", 7: "gYearMonth", 10: "date"}[len(iso)]
