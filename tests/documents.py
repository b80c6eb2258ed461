"""Test documents written for the tests: one short policy text, and builders that put it
into each supported format (text, HTML with page furniture, DOCX, PDF)."""
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
