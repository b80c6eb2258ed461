"""Test documents written for the tests: one short policy text, and builders that put it
into each supported format (text, text wrapped at a fixed width, HTML with page furniture,
DOCX, PDF)."""
from __future__ import annotations

import io
from pathlib import Path

POLICY_LINES = [
    "湖州市人民政府关于加快推进智慧园区建设的实施意见",
    "2019年3月15日",
    "为深入贯彻《关于推进智慧城市建设的指导意见》，市政府出台本意见。",
    "一、工作目标",
    "到2021年，全市建成智慧园区示范项目12个，新增投资30亿元，覆盖企业1500家以上。",
    "2018年，全市已完成“数字车间”改造项目45个，累计投入2.5亿元。",
]
POLICY_TEXT = "\n".join(POLICY_LINES) + "\n"

FIGURES = {("12", "个"), ("3000000000", "元"), ("1500", "家"), ("45", "个"), ("250000000", "元")}


def write_text(path: Path, encoding: str = "utf-8") -> Path:
    path.write_bytes(POLICY_TEXT.encode(encoding))
    return path


def write_wrapped_text(path: Path, width: int = 16) -> Path:
    """The text as a file copied from a fixed-width page: a line break every ``width`` characters."""
    lines = [line[k:k + width] for line in POLICY_LINES for k in range(0, len(line), width)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_html(path: Path) -> Path:
    body = "".join(f"<p>{line}</p>" for line in POLICY_LINES)
    path.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>湖州市政府门户网站</title>"
        "<script>var tracking = '到2030年完成999个项目';</script><style>p{color:red}</style></head><body>"
        "<nav><a href='/'>首页</a> <a href='/zwgk'>政务公开</a> 网站共有栏目88个</nav>"
        "<div class='header'>湖州市人民政府 版权所有 访问量123456次</div>"
        f"<div class='content'><article>{body}</article></div>"
        "<footer>主办单位：湖州市人民政府办公室 备案号12345678号 网站访问量99999人次</footer></body></html>",
        encoding="utf-8")
    return path


def write_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    for line in POLICY_LINES:
        d.add_paragraph(line)
    d.save(str(path))
    return path


def write_pdf(path: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 10)
    y = 800
    for line in POLICY_LINES:
        c.drawString(40, y, line)
        y -= 18
    c.save()
    return path


def pdf_bytes_truncated() -> bytes:
    buf = io.BytesIO()
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(buf)
    c.drawString(40, 800, "hello")
    c.save()
    return buf.getvalue()[:200]


#: a plan's table of indicators: a merged category cell, units in a column and in brackets,
#: a base and a target year, a bound, a bracketed five-year total and a cell without a number
TABLE_TITLE = "某市“十四五”科技创新发展规划"
TABLE_HEADER = ["类别", "指标名称", "单位", "2020年", "2025年", "属性"]
TABLE_ROWS = [
    ["创新投入", "研发经费投入强度", "%", "2.1", "2.8", "预期性"],
    ["", "技术合同成交额", "亿元", "45", "100", "预期性"],
    ["创新产出", "高新技术企业数", "家", "1265", "≥2500", "预期性"],
    ["", "城镇新增就业", "万人", "[28]", "[30]", "约束性"],
    ["", "每万人口高价值发明专利拥有量", "件", "—", "8", "预期性"],
]
#: (valueText, value, unit, kind, year, comparator) of each figure the table states
TABLE_FIGURES = {
    ("2.1%", "2.1", "%", "Achievement", 2020, None), ("2.8%", "2.8", "%", "Target", 2025, None),
    ("45亿元", "4500000000", "元", "Achievement", 2020, None), ("100亿元", "10000000000", "元", "Target", 2025, None),
    ("1265家", "1265", "家", "Achievement", 2020, None), ("≥2500家", "2500", "家", "Target", 2025, "atLeast"),
    ("[28]万人", "280000", "人", "Achievement", 2020, None), ("[30]万人", "300000", "人", "Target", 2025, None),
    ("8件", "8", "件", "Target", 2025, None),
}
TABLE_PREAMBLE = ["某市人民政府", "2021年6月30日", "到2025年，全市科技创新能力显著提升。主要指标如下："]


def write_table_text(path: Path) -> Path:
    rows = ["\t".join(TABLE_HEADER)] + ["\t".join(r) for r in TABLE_ROWS]
    path.write_text("\n".join([TABLE_TITLE, *TABLE_PREAMBLE, *rows]) + "\n", encoding="utf-8")
    return path


def write_table_html(path: Path) -> Path:
    """The table as a web page gives it: the category merged over rows (rowspan), a
    cell's text in paragraphs."""
    head = "".join(f"<th>{c}</th>" for c in TABLE_HEADER)
    body = []
    for k, row in enumerate(TABLE_ROWS):
        cells = [f"<td><p>{c}</p></td>" for c in row[1:]]
        if row[0]:
            span = 1 + next((j for j, r in enumerate(TABLE_ROWS[k + 1:]) if r[0]), len(TABLE_ROWS) - k - 1)
            cells.insert(0, f"<td rowspan='{span}'>{row[0]}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    paragraphs = "".join(f"<p>{line}</p>" for line in TABLE_PREAMBLE)
    path.write_text(f"<html><head><meta charset='utf-8'></head><body><article><h1>{TABLE_TITLE}</h1>{paragraphs}"
                    f"<table><tr>{head}</tr>{''.join(body)}</table></article></body></html>", encoding="utf-8")
    return path


def write_table_docx(path: Path) -> Path:
    """The table as a Word document gives it: the category cells merged down the rows."""
    import docx

    d = docx.Document()
    for line in [TABLE_TITLE, *TABLE_PREAMBLE]:
        d.add_paragraph(line)
    t = d.add_table(rows=1 + len(TABLE_ROWS), cols=len(TABLE_HEADER))
    for j, c in enumerate(TABLE_HEADER):
        t.cell(0, j).text = c
    for k, row in enumerate(TABLE_ROWS, start=1):
        for j, c in enumerate(row):
            if j or c:
                t.cell(k, j).text = c
    top = None
    for k, row in enumerate(TABLE_ROWS, start=1):
        if row[0]:
            top = k
        elif top is not None:
            t.cell(top, 0).merge(t.cell(k, 0))
    d.save(str(path))
    return path
