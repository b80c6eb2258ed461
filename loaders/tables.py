"""Indicator tables: the figures of a table of indicators, with the unit of their row and the
year and kind of their column.

Plans state their targets in such tables (序号 | 指标名称 | 单位 | 2020年 | 2025年 | 属性), and
statistical annexes their results. The readers give a table one line per row with its cells
separated by tabs (DOCX, HTML, tab-separated text). A table counts when its header row has
a column of years or of base and target values (2020年, 2025年目标值, 基期值, 目标值); then
each cell of such a column that holds a number is a figure:

- its unit is the row's unit column (单位, 计量单位), else the unit in brackets after the
  indicator's name (研发经费投入强度（%）), else the cell's own (2.8%, 45亿元); a cell with
  no unit anywhere gives no figure;
- its indicator is the row's indicator column (指标, 名称, 项目), else the first column
  that is no serial number, less the bracketed unit;
- its year is the column's; its kind is the column's (目标/预期 → Target, 基期/现状/实际 →
  Achievement), else a year after the document's own is a target and one not after it a
  result;
- a bracketed value ([30], a total over the plan's years) counts as written; bounds and
  approximations (≥95, <0.5, 6左右, 6—8) give the comparator as in running text.

A row with fewer cells than the header lost its leading cells to a merged category cell,
so its cells are aligned from the right.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .quantities import Quantity, find_quantities

YEAR_HEAD = re.compile(r"(?:19|20)\d\d")
TARGET_HEAD = re.compile(r"目标|预期|规划|计划")
BASE_HEAD = re.compile(r"基期|基数|现状|实际|完成|基准")
#: a header cell of values: a year with a few words (2025年, 2020年（基期）, 2025年目标值) or a kind
VALUE_HEAD = re.compile(r"[^\d]{0,6}(?:(?:19|20)\d\d)\s*年?[^\d]{0,8}|(?:基期|现状|目标|预期|规划)(?:值|年)?")
INDICATOR_HEAD = re.compile(r"指标|名称|项目")
UNIT_HEAD = re.compile(r"单\s*位")
SERIAL = re.compile(r"序号|\d{1,3}|[一二三四五六七八九十]{1,3}")
BRACKETED_UNIT = re.compile(r"\s*[(（]\s*(?P<unit>[^()（）]{1,8})\s*[)）]\s*$")
#: a cell's number with its bounds: ≥95, <0.5, 6左右, [30], 6—8, 不低于90
CELL = re.compile(r"\s*[\[［【(（]?\s*(?P<cmp>≥|>|≤|<|＞|＜|不低于|不少于|不超过|不高于|高于|低于|超过|约)?\s*"
                  r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*[—~～-]\s*(?P<max>\d+(?:\.\d+)?))?\s*"
                  r"(?P<tail>左右|以上|以下|以内)?\s*[\]］】)）]?\s*")
COMPARATORS = {"≥": "atLeast", "不低于": "atLeast", "不少于": "atLeast", "以上": "atLeast",
               "≤": "atMost", "不超过": "atMost", "不高于": "atMost", "以下": "atMost", "以内": "atMost",
               ">": "moreThan", "＞": "moreThan", "高于": "moreThan", "超过": "moreThan",
               "<": "lessThan", "＜": "lessThan", "低于": "lessThan", "左右": "approximately", "约": "approximately"}


@dataclass
class TableFigure:
    quantity: Quantity
    kind: str           # Target or Achievement
    year: int | None
    indicator: str      # the row's indicator, without its unit


@dataclass
class _Column:
    index: int
    year: int | None
    kind: str | None


@dataclass
class _Header:
    values: list[_Column]    # the columns of years or of base and target values
    indicator: int           # the column naming each row's indicator
    unit: int | None         # the column of units, if any
    width: int               # how many cells a full row has

    @property
    def last_year(self) -> int | None:
        return max((c.year for c in self.values if c.year is not None), default=None)


def _cells(line: str, at: int) -> list[tuple[int, int]]:
    """The spans of a row's tab-separated cells, stripped of spaces, as text offsets."""
    out, pos = [], at
    for cell in line.split("\t"):
        lead = len(cell) - len(cell.lstrip())
        out.append((pos + lead, pos + len(cell.rstrip())))
        pos += len(cell) + 1
    return out


def _header(cells: list[str]) -> _Header | None:
    """What a header row says of its table's columns; None when it is no header of indicators."""
    values = []
    for k, c in enumerate(cells):
        if VALUE_HEAD.fullmatch(c.replace(" ", "")):
            year = YEAR_HEAD.search(c)
            kind = "Target" if TARGET_HEAD.search(c) else "Achievement" if BASE_HEAD.search(c) else None
            values.append(_Column(k, int(year.group(0)) if year else None, kind))
    if not values:
        return None
    value_at = {v.index for v in values}
    if any(re.search(r"\d", c) for k, c in enumerate(cells) if k not in value_at):
        return None   # 1 | 实施项目1000个以上 | 2024年底: a row of a table of tasks, its deadline no column of years
    unit = next((k for k, c in enumerate(cells) if UNIT_HEAD.search(c) and k not in value_at), None)
    indicator = next((k for k, c in enumerate(cells) if INDICATOR_HEAD.search(c) and k not in value_at), None)
    if indicator is None:
        indicator = next((k for k, c in enumerate(cells) if k not in value_at and k != unit
                          and not SERIAL.fullmatch(c)), None)
    if indicator is None:
        return None
    return _Header(values, indicator, unit, len(cells))


def _cell(cells: list[str], column: int | None, shift: int) -> str:
    """The text of a row's cell in ``column`` of the header, its row missing ``shift`` cells in front."""
    k = column - shift if column is not None else -1
    return cells[k] if 0 <= k < len(cells) else ""


def _kind(column: _Column, doc_year: int | None, last_year: int | None, plan: bool) -> str:
    if column.kind:
        return column.kind
    if column.year is not None and doc_year is not None:
        return "Target" if column.year > doc_year else "Achievement"
    return "Target" if plan and column.year is not None and column.year == last_year else "Achievement"


def _figure(cell: str, unit: str, start: int, end: int) -> Quantity | None:
    """The quantity a cell's number makes with its row's unit, or a cell's own figure where
    the row gives no unit (2.8%, 45亿元); None when the cell holds no number or the unit is
    none the quantity parser knows."""
    if not unit:
        own = find_quantities(cell.strip())
        if len(own) == 1 and own[0].start == 0 and own[0].end == len(cell.strip()):
            return replace(own[0], start=start, end=end, text=cell)
        return None
    m = CELL.fullmatch(cell)
    if m is None:
        return None
    number = m.group("num").replace(",", "")
    found = find_quantities(number + unit)
    if len(found) != 1 or found[0].end != len(number + unit):
        return None
    q = found[0]
    max_value = None
    if m.group("max"):
        top = find_quantities(m.group("max") + unit)
        max_value = top[0].value if top else None
    comparator = "range" if max_value is not None else COMPARATORS.get(m.group("cmp") or m.group("tail") or "")
    return replace(q, start=start, end=end, text=cell, written=cell.strip() + unit, max_value=max_value, comparator=comparator)


def table_figures(original: str, text: str, doc_year: int | None, plan: bool
                  ) -> tuple[list[TableFigure], list[tuple[int, int]]]:
    """The figures of every indicator table of a document, and the spans of the rows they
    were read from (whose numbers are no running text). ``original`` keeps the tabs that
    separate cells (normalization makes them spaces); ``text`` is the normalized text of the
    same length, whose cells are read. Other tables (of tasks and the bodies responsible)
    are left to be read as running text."""
    out: list[TableFigure] = []
    rows: list[tuple[int, int]] = []
    if "\t" not in original:
        return out, rows
    header: _Header | None = None
    for line in re.finditer(r"[^\n]+", original):
        if "\t" not in line.group(0):
            header = None   # the table ended
            continue
        spans = _cells(line.group(0), line.start())
        cells = [text[s:e] for s, e in spans]
        if header is None:
            header = _header(cells)
            if header is not None:
                rows.append(line.span())
            continue
        rows.append(line.span())
        shift = max(0, header.width - len(cells))   # cells lost to a merged category cell in front
        name = _cell(cells, header.indicator, shift)
        bracketed = BRACKETED_UNIT.search(name)
        unit = _cell(cells, header.unit, shift).replace(" ", "")
        if not unit and bracketed:
            unit = bracketed.group("unit")
        name = (name[:bracketed.start()] if bracketed else name).strip()
        if not name:
            continue   # (a row without a unit may still hold figures written with theirs: 2.8%)
        for col in header.values:
            k = col.index - shift
            q = _figure(cells[k], unit, *spans[k]) if 0 <= k < len(cells) else None
            if q is not None:
                out.append(TableFigure(q, _kind(col, doc_year, header.last_year, plan), col.year, name))
    return out, rows
