"""Quantities: a number with its unit, in base units.

Handles Arabic and Chinese numerals (cn2an), the multipliers 万/亿/千/百 (553.42万平方米 →
5534200 平方米), compound numerals (2万3千多户 → 23000), ranges (200亿—500亿元, 1—5亿元:
lower bound as value, upper as maxValue), comparators before and after the number
(以上/超过/不低于/近/约/余/多/左右), shares (3成 → 30 %, 三分之二 → 66.6667 %, 一半 → 50 %),
个百分点 and 倍 as units of their own, rates with a slash (5万元/台) and a unit stated once
for a list (5万、10万、20万平方米).

Not quantities: years and dates, durations, ordinals (第三批), counts of facets (4个方面,
三个层面), document numbers, and
numbers inside a name (found by the entity stage and passed in as ``blocked`` spans).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from .gazetteer import alternation, gazetteer

CN = "零〇一二两三四五六七八九十百千万亿"
CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
MULT = {"十": Decimal(10), "百": Decimal(100), "千": Decimal(1000), "万": Decimal(10**4), "亿": Decimal(10**8),
        "百万": Decimal(10**6), "千万": Decimal(10**7), "万亿": Decimal(10**12)}


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value: Decimal
    unit: str
    max_value: Decimal | None = None
    comparator: str | None = None  # atLeast, atMost, approximately, moreThan, lessThan, range
    lead: int = 0   # characters of bounding words the text starts with (不低于80%: 3)
    written: str | None = None   # the figure as the document writes it, where that is not its span
    # (a table's cell with its row's unit: 2.8%)

    @property
    def number_start(self) -> int:
        """Where the number itself begins, after bounding words (不超过|30万元)."""
        return self.start + self.lead


def _decimal(text: str) -> Decimal | None:
    """The value of a numeral: Arabic (1,234.5), Chinese (五十三, 三千), or mixed (2万3千)."""
    t = text.replace(",", "")
    try:
        if re.fullmatch(r"\d+(?:\.\d+)?", t):
            return Decimal(t)
    except ArithmeticError:
        return None
    return _mixed(t)


def _mixed(t: str) -> Decimal | None:
    """Mixed or Chinese numerals by place value: 2万3千 → 23000, 一千二百 → 1200, 十五 → 15,
    1亿2千 → 100002000? no: the last multiplier group applies (1亿2千万 → 120000000)."""
    total = Decimal(0)      # completed groups of 亿
    section = Decimal(0)    # completed groups of 万 inside the current 亿
    current = Decimal(0)    # below 万
    number: Decimal | None = None
    i = 0
    seen = False
    while i < len(t):
        ch = t[i]
        m = re.match(r"\d+(?:\.\d+)?", t[i:])
        if m:
            number = Decimal(m.group(0))
            i += len(m.group(0))
            seen = True
            continue
        if ch in CN_DIGIT:
            number = Decimal(CN_DIGIT[ch])
            seen = True
        elif ch in "十百千":
            current += (number if number is not None else Decimal(1)) * MULT[ch]
            number = None
            seen = True
        elif ch == "万":
            section += (current + (number or 0)) * MULT["万"]
            current, number = Decimal(0), None
        elif ch == "亿":
            total += (section + current + (number or 0)) * MULT["亿"]
            section, current, number = Decimal(0), Decimal(0), None
        elif ch == "点":
            frac = re.match(rf"[{''.join(CN_DIGIT)}]+", t[i + 1:])
            if not frac:
                return None
            digits = "".join(str(CN_DIGIT[c]) for c in frac.group(0))
            number = (number or Decimal(0)) + Decimal("0." + digits)
            i += 1 + len(frac.group(0))
            continue
        else:
            return None
        i += 1
    if not seen:
        return None
    return total + section + current + (number or 0)




@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    units = alternation(gazetteer().units + ["倍"])
    # a value: digits or Chinese numerals, then multipliers, possibly compound (2万3千)
    # bounded repetitions keep matching linear on long runs of numerals
    value = (rf"(?:\d{{1,15}}(?:,\d{{3}}){{0,5}}(?:\.\d{{1,8}})?(?:[十百千万亿]{{1,3}}(?:\d{{1,4}}[十百千万亿]{{1,2}})?)?"
             rf"|[{CN}]{{1,12}}(?:点[零〇一二三四五六七八九]{{1,6}})?)")
    return re.compile(
        rf"(?P<pre>近|约|超过|逾|上|达|共)?"
        rf"(?P<v1>{value})"
        rf"(?:(?P<dash>[—~～\-]|至|到)(?P<v2>{value}))?"
        rf"(?:(?<=\d) (?=\S))?"   # 50 万元: one space after digits, as pages that set digits apart print it
        rf"(?P<approx>余|多|左右|以上|以下)?(?P<mult>(?:百万|千万|[万亿千])+)?"
        rf"(?P<unit>(?:{units})(?:/(?:{units}|年|月|日|天|人|吨|台|平方米|亩))?)"
        rf"(?:{INCLUSIVE}?(?P<post>以上|以下|左右|及以上))?"   # 1亿元（含）以上: the bound is inclusive
    )


INCLUSIVE = r"(?:[(（]含[)）])"
PERCENT = re.compile(rf"(?P<v1>\d{{1,15}}(?:\.\d{{1,8}})?|[{CN}]{{1,12}})(?:(?P<dash>[—~～\-]|至|到)(?P<v2>\d+(?:\.\d+)?))?\s*(?P<unit>%|‰)(?:{INCLUSIVE}?(?P<post>以上|以下|左右))?")
PERCENT_CN = re.compile(rf"百分之(?P<v1>[{CN}]{{1,12}}(?:点[零〇一二三四五六七八九]{{1,6}})?|\d{{1,15}}(?:\.\d{{1,8}})?)")
SHARE = re.compile(rf"(?P<v1>[一二三四五六七八九\d])成(?![{CN}]?[本果功为立绩效])")
FRACTION = re.compile(rf"(?P<den>[{CN}\d]{{1,6}})分之(?P<num>[{CN}\d]{{1,6}})")
HALF = re.compile(r"一半")

_SPLIT_MULT = re.compile(rf"^(.*?)((?:百万|千万|万亿|[万亿千])+)$")


def parse_value(text: str) -> Decimal | None:
    """A numeral with optional trailing multipliers → its value (553.42万 → 5534200)."""
    text = text.replace(",", "")
    m = _SPLIT_MULT.match(text)
    if m and m.group(1) and re.fullmatch(r"\d+(?:\.\d+)?", m.group(1)):
        v = Decimal(m.group(1))
        for ch in re.findall(r"百万|千万|万亿|[万亿千]", m.group(2)):
            v *= MULT[ch]
        return v
    return _decimal(text)


def _multiplier_of(text: str) -> Decimal:
    m = _SPLIT_MULT.match(text.replace(",", ""))
    if not m:
        return Decimal(1)
    mult = Decimal(1)
    for ch in re.findall(r"百万|千万|万亿|[万亿千]", m.group(2)):
        mult *= MULT[ch]
    return mult


def _clean(d: Decimal) -> Decimal:
    d = d.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP) if d != d.to_integral() else d.quantize(Decimal(1))
    return d.normalize() if d != d.to_integral() else d.quantize(Decimal(1))


#: a number with 万 or 亿 and no unit (any unit would have been taken with it)
BARE_AMOUNT = re.compile(r"(?<![\d.])(?P<v>\d{1,6}(?:\.\d{1,4})?) ?(?P<mult>万|亿)(?![\d万亿])")
#: what makes a bare amount money: the clause rewards, subsidises or funds
MONEY_WORDS = re.compile(r"奖励|补助|资助|补贴|奖补|资金|经费")
#: words before a figure that bound it (the figure's 超过 may already be inside it: 不|超过30万元)
BOUND_BEFORE = re.compile(r"不(?:超过|高于|多于|大于|低于|少于|小于|足|到)|低于|少于|小于|高于|多于|大于|超过|逾|约")
BOUND = {"不超过": "atMost", "不高于": "atMost", "不多于": "atMost", "不大于": "atMost",
         "不低于": "atLeast", "不少于": "atLeast", "不小于": "atLeast",
         "不足": "lessThan", "不到": "lessThan", "低于": "lessThan", "少于": "lessThan", "小于": "lessThan",
         "高于": "moreThan", "多于": "moreThan", "大于": "moreThan",
         "超过": "atLeast", "逾": "atLeast", "约": "approximately"}
# pol:comparator values; "range" marks bounds given as 以上…以下
COMPARATOR = {"以上": "atLeast", "及以上": "atLeast", "超过": "atLeast", "逾": "atLeast", "以下": "atMost",
              "左右": "approximately", "近": "approximately", "约": "approximately", "上": "approximately",
              "余": "moreThan", "多": "moreThan"}


class _Spans:
    """A set of character positions, for constant-time overlap checks."""

    def __init__(self, spans=()):
        self.pos: set[int] = set()
        for s, e in spans:
            self.add(s, e)

    def add(self, start: int, end: int) -> None:
        self.pos.update(range(start, end))

    def inside(self, start: int, end: int) -> bool:
        return all(i in self.pos for i in range(start, end))

    def touches(self, start: int, end: int) -> bool:
        return any(i in self.pos for i in range(start, end))


def find_quantities(text: str, blocked: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Every quantity in ``text`` (normalized), skipping spans inside ``blocked``."""
    blocked = _Spans(blocked or [])
    out: list[Quantity] = []
    taken = _Spans()

    def add(q: Quantity):
        if blocked.inside(q.start, q.end) or taken.touches(q.start, q.end):
            return
        taken.add(q.start, q.end)
        out.append(q)

    for m in PERCENT.finditer(text):
        v1 = parse_value(m.group("v1"))
        if v1 is None or _ordinal_or_name(text, m.start()):
            continue
        v2 = parse_value(m.group("v2")) if m.group("v2") else None
        add(Quantity(m.start(), m.end(), m.group(0), _clean(v1), m.group("unit"),
                     _clean(v2) if v2 is not None else None, COMPARATOR.get(m.group("post") or "")))
    for m in PERCENT_CN.finditer(text):
        v = parse_value(m.group("v1"))
        if v is not None:
            add(Quantity(m.start(), m.end(), m.group(0), _clean(v), "%"))
    for m in FRACTION.finditer(text):
        den, num = parse_value(m.group("den")), parse_value(m.group("num"))
        if den and num is not None and den > 0:
            add(Quantity(m.start(), m.end(), m.group(0), _clean(num / den * 100), "%"))
    for m in SHARE.finditer(text):
        v = parse_value(m.group("v1"))
        if v is not None and not _ordinal_or_name(text, m.start()):
            add(Quantity(m.start(), m.end(), m.group(0), _clean(v * 10), "%"))
    for m in HALF.finditer(text):
        add(Quantity(m.start(), m.end(), m.group(0), Decimal(50), "%"))

    for m in _pattern().finditer(text):
        q = _quantity(text, m)
        if q is not None:
            add(q)
    _share_list_units(text, out, blocked, taken)
    for m in BARE_AMOUNT.finditer(text):
        # 奖励企业100万, 给予10万的奖励: a sum of money whose 元 the text leaves out
        clause = re.search(r"[^，,。；;（()）]*$", text[max(0, m.start() - 30):m.start()]).group(0) + \
            re.match(r"[^，,。；;（()）]*", text[m.end():m.end() + 12]).group(0)
        if MONEY_WORDS.search(clause):
            add(Quantity(m.start(), m.end(), m.group(0), _clean(Decimal(m.group("v")) * MULT[m.group("mult")]), "元"))
    for q in out:
        bound = BOUND_BEFORE.search(text, max(0, q.start - 3), q.start + 2)
        if bound and bound.end() in (q.start, q.start + 2) and bound.start() < q.start:
            # 不低于80%, 不超过30万元, 不足5%: the words bounding the figure are part of it and say
            # how it bounds (不超过 may end inside a figure that took its 超过)
            q.comparator = BOUND[bound.group(0)]
            q.lead += q.start - bound.start()
            q.start = bound.start()
            q.text = text[q.start:q.end]
    out.sort(key=lambda q: q.start)
    return _merge_bounds(text, out)


def _merge_bounds(text: str, qs: list[Quantity]) -> list[Quantity]:
    """十万元以上一百万元以下 and 5%—8% (the unit written twice) are one range, not two figures."""
    merged: list[Quantity] = []
    for q in qs:
        prev = merged[-1] if merged else None
        between = text[prev.end:q.start] if prev is not None else ""
        if (prev is not None and prev.comparator == "atLeast" and q.comparator == "atMost" and prev.unit == q.unit
                and prev.max_value is None and q.max_value is None and not between.strip("、，, ")):
            merged[-1] = Quantity(prev.start, q.end, text[prev.start:q.end], prev.value, prev.unit, q.value, "range")
            continue
        if (prev is not None and RANGE_DASH.fullmatch(between) and prev.unit == q.unit and prev.value < q.value
                and prev.max_value is None and q.max_value is None and prev.comparator is None and q.lead == 0):
            merged[-1] = Quantity(prev.start, q.end, text[prev.start:q.end], prev.value, prev.unit, q.value,
                                  q.comparator, prev.lead)
            continue
        merged.append(q)
    return merged


RANGE_DASH = re.compile(rf"\s*{INCLUSIVE}?\s*(?:[—–~～\-－]{{1,2}}|至|到)\s*")   # 5000万元（含）至1亿元


def _ordinal_or_name(text: str, start: int) -> bool:
    prev = text[start - 1:start]
    if prev == "、":  # 第4、5、6条: every item of a list of ordinals is an ordinal
        chain = re.search(r"第(?:[\d一二三四五六七八九十]+、)+$", text[max(0, start - 30):start])
        return chain is not None
    return prev in ("第", "“", '"', "届") or (prev.isalpha() and prev.isascii())  # 十二届五次全会: a session


def _quantity(text: str, m: re.Match) -> Quantity | None:
    v1_text, unit = m.group("v1"), m.group("unit")
    start = m.start("v1") if m.group("pre") in (None, "达", "共") else m.start()
    if _ordinal_or_name(text, m.start("v1")):
        return None
    if text[m.start("v1") - 1:m.start("v1")] == "每" and not m.group("pre"):
        return None   # 每千人口拥有托位4.5个, 每万人: the base of a rate, not a figure
    # a lone Chinese 一 (一个, 一批) is an article far more often than a count
    if re.fullmatch(rf"[{CN}]+", v1_text):
        if v1_text in ("一", "十", "百", "万", "亿") or v1_text.endswith("大"):
            return None
        if len(v1_text) == 1 and unit in ("个", "项", "条", "种", "次", "件", "张", "支", "位", "场", "块", "只") \
                and v1_text not in "千" and not re.match(r"[城市县区家村镇省]", text[m.end():m.end() + 1] or "x"):
            # 两个维护, 三项制度: a small Chinese count before a word is part of a phrase, far
            # more often than a figure (两批, 三个城市 still count)
            nxt = text[m.end():m.end() + 2]
            phrase = re.match(r"[\u3400-\u9fff]*", text[m.end():m.end() + 16]).group(0)
            # …指六个横向输水大动脉: a count of things described at length still counts
            # …五个经济园区，分别是：… a count of zones or programs the text goes on to name still counts
            enumerated = ENUMERATED_AFTER.match(text, m.end() + len(phrase)) and phrase.endswith(_initiative_suffixes())
            if re.match(rf"[\u3400-\u9fff]", nxt[:1] or "x") and nxt[:1] not in "，。、；的" and len(phrase) < 6 \
                    and not enumerated:
                return None
    if unit == "个" and text.startswith(DURATION_AFTER, m.end()):
        return None  # 3个月, 1个工作日: a duration, not a count
    if unit == "个" and text.startswith(FACETS_AFTER, m.end()):
        return None  # 4个方面21条措施, 三个层面: how a text is organized, not a scale or progress
    if unit == "条" and text[m.end():m.end() + 1] in ("外", "款", "规", "之"):
        return None  # 5、6、7、8条外, 第3条规定: articles referred to, not a count
    # 3年, 10年时间 never reach here (年 is not a unit); 2017年 neither.
    v1 = parse_value(v1_text)
    if v1 is None:
        return None
    v2 = None
    if m.group("v2"):
        v2 = parse_value(m.group("v2"))
        if v2 is None:
            return None
        # 1—5亿元: the lower bound takes the upper bound's multiplier when it has none
        if _multiplier_of(v1_text) == 1 and _multiplier_of(m.group("v2")) > 1 and v1 < v2 / _multiplier_of(m.group("v2")) + 1:
            v1 = v1 * _multiplier_of(m.group("v2"))
    if m.group("mult"):  # 6000多万元, 1亿2千多万元: the multiplier after 多 applies to the value
        f = _multiplier_of("1" + m.group("mult"))
        head, sep, rest = v1_text.rpartition("亿")
        if sep and rest and f < MULT["亿"]:  # 1亿2千多万: the multiplier applies below 亿 only
            v1 = parse_value(head + "亿") + (parse_value(rest) or 0) * f
            f = Decimal(1)
        v1 = v1 * f
        v2 = v2 * f if v2 is not None else None
    comparator = COMPARATOR.get(m.group("pre") or "") or COMPARATOR.get(m.group("approx") or "") \
        or COMPARATOR.get(m.group("post") or "")
    if v1 == 0 and v2 is None:
        return None
    return Quantity(start, m.end(), text[start:m.end()], _clean(v1), unit,
                    _clean(v2) if v2 is not None else None, comparator)


@lru_cache(maxsize=1)
def _initiative_suffixes() -> tuple[str, ...]:
    g = gazetteer()
    return tuple(g.park_suffixes + g.program_suffixes + g.policy_suffixes)


ENUMERATED_AFTER = re.compile(r"[,，]?\s*(?:分别是|分别为|包括|即|主要有|[:：])")
FACETS_AFTER = ("方面", "方向", "层面", "维度", "角度", "部分")
DURATION_AFTER = ("月", "小时", "工作日", "季度", "星期", "礼拜", "学期", "年度")


def _share_list_units(text: str, out: list[Quantity], blocked, taken) -> None:
    """5万、10万、20万平方米: numbers listed with 、 before a quantity take its unit."""
    for q in list(out):
        pos = q.start
        while True:
            m = re.search(r"(\d+(?:\.\d+)?(?:万|亿|千)?)、$", text[max(0, pos - 16):pos])
            if not m:
                break
            s = pos - len(m.group(0))
            v = parse_value(m.group(1))
            if v is None or taken.touches(s, pos - 1) or blocked.inside(s, pos - 1) or _ordinal_or_name(text, s):
                break
            if not re.search(r"[万亿千]", m.group(1)) and re.search(r"[万亿千]", q.text):
                v *= _multiplier_of(re.match(r"[\d.,]+(?:[万亿千]+)?", q.text).group(0)) if re.match(r"[\d.,]+", q.text) else 1
            taken.add(s, pos - 1)
            out.append(Quantity(s, pos - 1, m.group(1), _clean(v), q.unit))
            pos = s
