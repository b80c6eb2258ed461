"""Indicator tables: a plan's table of targets gives one figure per cell of a year's column,
with the row's unit and indicator and the column's year and kind, from tab-separated text,
an HTML table and a Word table alike."""
from __future__ import annotations

import pytest
from rdflib import Dataset, Namespace
from rdflib.namespace import RDF, RDFS

from policykg.graph.serialize import serialize_quads
from policykg.loaders.pipeline import extract_path, extract_text
from policykg.loaders.read import html_text

from .documents import TABLE_FIGURES, write_table_docx, write_table_html, write_table_text

POL = Namespace("https://w3id.org/policykg/ontology#")
WRITERS = {"plan.txt": write_table_text, "plan.html": write_table_html, "plan.docx": write_table_docx}


def figures(ex):
    ds = Dataset(default_union=True)
    ds.parse(data=serialize_quads(ex.quads, "trig"), format="trig")
    out = {}
    for o in ds.subjects(RDF.type, POL.Observation):
        kind = "Target" if (o, RDF.type, POL.Target) in ds else "Achievement"
        year = ds.value(o, POL.year)
        cmp = ds.value(o, POL.comparator)
        indicator = str(ds.value(ds.value(o, POL.indicator), RDFS.label))
        out[(str(ds.value(o, POL.valueText)), str(ds.value(o, POL.value)), str(ds.value(o, POL.unit)), kind,
             int(str(year)) if year is not None else None, str(cmp) if cmp is not None else None)] = indicator
    return out


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_each_cell_of_a_years_column_is_a_figure_of_its_row_and_column(name, tmp_path):
    found = figures(extract_path(WRITERS[name](tmp_path / name)))
    assert set(found) == TABLE_FIGURES
    assert found[("2.8%", "2.8", "%", "Target", 2025, None)] == "研发经费投入强度（%）"
    assert found[("8件", "8", "件", "Target", 2025, None)] == "每万人口高价值发明专利拥有量（件）"


def test_an_html_table_row_is_one_line_of_tab_separated_cells(tmp_path):
    text = html_text("plan.html", write_table_html(tmp_path / "plan.html").read_bytes())
    assert "类别\t指标名称\t单位\t2020年\t2025年\t属性" in text.splitlines()
    assert "创新投入\t研发经费投入强度\t%\t2.1\t2.8\t预期性" in text.splitlines()
    assert "城镇新增就业\t万人\t[28]\t[30]\t约束性" in text.splitlines()   # the category is merged from above


def test_a_unit_in_brackets_after_the_indicator_and_kinds_named_by_the_header():
    text = "某省生态环境保护规划\n\n指标\t基期值\t目标值\n空气质量优良天数比率（%）\t86.5\t≥90\nPM2.5浓度（微克/立方米）\t35\t<33\n"
    found = figures(extract_text(text, "p.txt"))
    assert set(found) == {("86.5%", "86.5", "%", "Achievement", None, None), ("≥90%", "90", "%", "Target", None, "atLeast"),
                          ("35微克/立方米", "35", "微克/立方米", "Achievement", None, None),
                          ("<33微克/立方米", "33", "微克/立方米", "Target", None, "lessThan")}


def test_a_table_without_a_years_column_is_running_text_and_a_row_without_a_unit_gives_nothing():
    text = "某市工作方案\n\n序号\t任务\t责任单位\n1\t建设智慧园区12个\t市经信局\n\n类别\t指标\t2020年\t2025年\n经济\t地区生产总值\t100\t150\n"
    assert [f[0] for f in figures(extract_text(text, "p.txt"))] == ["12个"]


def test_a_tasks_deadline_in_its_row_is_no_column_of_years():
    text = ("某市重点任务分工方案\n\n序号\t重点任务\t牵头单位\t完成时限\n1\t实施智能化改造项目1000个以上\t市工业和信息化局\t2024年底\n"
            "2\t新建智能制造示范工厂20家\t市工业和信息化局\t2024年底\n")
    assert sorted(f[0] for f in figures(extract_text(text, "p.txt"))) == ["1000个以上", "20家"]


def test_cells_written_with_their_own_unit_or_thousands_separators():
    text = "某市十四五规划\n\n指标\t2020年\t2025年\n研发投入强度\t2.1%\t2.8%\n规上工业企业数（家）\t1,265\t2,500\n"
    found = figures(extract_text(text, "p.txt"))
    assert set(found) == {("2.1%", "2.1", "%", "Achievement", 2020, None), ("2.8%", "2.8", "%", "Target", 2025, None),
                          ("1,265家", "1265", "家", "Achievement", 2020, None), ("2,500家", "2500", "家", "Target", 2025, None)}
    assert found[("2.8%", "2.8", "%", "Target", 2025, None)] == "研发投入强度（%）"
