"""Reading documents: text, Markdown, HTML, DOCX and PDF into plain text; RDF files are
recognized here and parsed by :mod:`policykg.loaders.rdf_input`.

Each reader returns the text a person would read, as one string; every later offset
refers to it. Anything unreadable raises :class:`LoadError` naming the file and why.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import LoadError

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RDF_SUFFIXES = {".ttl", ".trig", ".nq", ".nt", ".jsonld", ".rdf", ".owl", ".xml"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | RDF_SUFFIXES | {".docx", ".pdf"}

MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    """A document as read: its name, raw bytes and, for prose, its text."""

    name: str
    data: bytes
    kind: str  # "text", "html", "docx", "pdf" or "rdf"
    text: str | None = None


def kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in RDF_SUFFIXES:
        return "rdf"
    if suffix == ".docx":
        return "docx"
    if suffix == ".pdf":
        return "pdf"
    raise LoadError(path.name, f"unsupported file type {suffix or '(no suffix)'}; "
                    f"supported: {' '.join(sorted(SUPPORTED))}")


def read_source(path: Path) -> Source:
    """Read ``path`` into a :class:`Source`; prose formats are decoded to text."""
    name = path.name
    kind = kind_of(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(name, f"file is {size} bytes, more than the limit of {MAX_BYTES}")
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(name, f"cannot read: {exc.strerror or exc}") from None
    return source_from_bytes(name, data, kind)


def source_from_bytes(name: str, data: bytes, kind: str) -> Source:
    if not data.strip():
        raise LoadError(name, "empty file")
    if kind == "rdf":
        return Source(name, data, kind)
    reader = {"text": decode_text, "html": html_text, "docx": docx_text, "pdf": pdf_text}[kind]
    text = reader(name, data)
    if not text.strip():
        raise LoadError(name, "no text found in the document")
    return Source(name, data, kind, text)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_text(name: str, data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (which covers GBK and GB2312)."""
    if b"\x00" in data[:4096]:
        raise LoadError(name, "binary content (NUL bytes), not a text document")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(_CONTROL.findall(text[:20000])) > max(2, len(text[:20000]) // 100):
            raise LoadError(name, "binary content (control characters), not a text document")
        return rejoin_wrapped(text)
    raise LoadError(name, "text is neither valid UTF-8 nor GB18030")


_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
              "iframe", "svg", "button", "select", "template")
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
               "article", "table", "title", "pre", "blockquote", "dd", "dt"}
_FURNITURE = re.compile(r"(^|[\s_-])(nav|menu|breadcrumb|footer|header|sidebar|share|copyright|banner|toolbar)", re.I)


def html_text(name: str, data: bytes) -> str:
    """The main text of an HTML page: scripts, styles, navigation, headers, footers and
    elements whose class or id says they are page furniture are dropped; block elements
    become lines."""
    from bs4 import BeautifulSoup

    if b"\x00" in data[:4096]:
        raise LoadError(name, "binary content (NUL bytes), not an HTML document")
    try:
        soup = BeautifulSoup(data, "lxml")
    except Exception as exc:  # lxml raises several types on garbage
        raise LoadError(name, f"not parseable as HTML: {exc}") from None
    for tag in soup(list(_DROP_TAGS)):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        marks = " ".join([tag.get("id") or ""] + list(tag.get("class") or []))
        if marks.strip() and _FURNITURE.search(marks) and tag.name not in ("html", "body", "main", "article"):
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    title = soup.title.get_text(strip=True) if soup.title else ""
    lines: list[str] = []
    buf: list[str] = []

    def flush():
        line = "".join(buf).strip()
        if line:
            lines.append(line)
        buf.clear()

    for el in root.descendants:
        name = getattr(el, "name", None)
        if name in ("td", "th"):   # a table row is one line, its cells separated by tabs
            if "".join(buf).strip():
                buf.append("\t")
        elif name in _BLOCK_TAGS:
            if name not in ("tr", "table") and el.find_parent(["td", "th"]) is not None:
                if buf and not buf[-1].endswith(("\t", " ")):
                    buf.append(" ")   # <td><p>…</p><p>…</p></td>: paragraphs inside a cell stay in it
            else:
                flush()
        elif el.name is None and el.parent is not None and el.parent.name not in _DROP_TAGS:
            buf.append(re.sub(r"\s+", " ", str(el)))
    flush()
    if title and (not lines or title not in lines[0]) and not root.find(["h1", "h2"]):
        lines.insert(0, title)
    return "\n".join(lines)


def docx_text(name: str, data: bytes) -> str:
    """Paragraphs and table rows of a Word document, one per line, in document order; a
    row's cells are separated by tabs."""
    try:
        import docx  # python-docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        doc = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LoadError(name, f"corrupt or not a DOCX file ({exc.__class__.__name__})") from None
    except Exception as exc:  # lxml errors inside a damaged package
        raise LoadError(name, f"corrupt DOCX file: {exc}") from None
    lines = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, doc).text)
        elif tag == "tbl":
            for row in Table(child, doc).rows:
                cells, seen = [], []
                for cell in row.cells:   # a merged cell is given once per column it spans
                    if not any(tc is cell._tc for tc in seen):   # (lxml keeps one proxy per node while held)
                        seen.append(cell._tc)
                        cells.append(cell.text.replace("\n", " ").replace("\t", " "))
                lines.append("\t".join(cells))
    return "\n".join(line.strip() for line in lines if line.strip())


def pdf_text(name: str, data: bytes) -> str:
    """The text layer of a PDF, page by page. Lines that the layout broke inside a
    sentence are joined again (a line ending in a CJK character, not in 。！？；：)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF"):
        raise LoadError(name, "not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise LoadError(name, "encrypted PDF (a password is needed)")
            except LoadError:
                raise
            except Exception:
                raise LoadError(name, "encrypted PDF (cannot decrypt)") from None
        pages = [page.extract_text() or "" for page in reader.pages]
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise LoadError(name, f"corrupt or truncated PDF ({exc.__class__.__name__}: {str(exc)[:80]})") from None
    except Exception as exc:
        raise LoadError(name, f"unreadable PDF ({exc.__class__.__name__})") from None
    text = "\n".join(pages)
    if not re.search(r"\w", text):
        raise LoadError(name, "the PDF has no text layer (scanned pages need OCR first)")
    return _join_broken_lines(text)


_CJK = r"\u3400-\u9fff"


#: the end of a line that may end a paragraph: a sentence (。 ！ ？) or the clause before a
#: list (：), with any closing quote; a semicolon or comma at the full width is a wrap
_SENTENCE_CLOSED = re.compile(r"[。！？!?：:][”’」』)）]?$")
#: the opening of a numbered part or item, which starts a line of its own (一、 （一） 第一条 1. （1） ——)
_OPENS_PART = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十百]+条"
                         r"|\d+[.．、]\D|——")


def _layout(text: str) -> tuple[list[str], int | None]:
    """The lines of ``text`` stripped of the spaces around them, and the width of a full line
    of the page: the 90th percentile of the line lengths (None for a text without one)."""
    lines = [line.strip(" \u3000\r") for line in text.splitlines()]
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return lines, None
    return lines, (lengths[int(len(lengths) * 0.9)] if len(lengths) >= 5 else lengths[-1] + 1)


def _join_broken_lines(text: str, layout: tuple[list[str], int | None] | None = None) -> str:
    """Join a line to the next when the layout, not the author, broke it: the line runs to
    (nearly) the full width of the page's text and ends inside a sentence. A row of a
    table (cells between tabs) is never joined. ``layout`` is ``_layout(text)`` if known."""
    lines, full = layout or _layout(text)
    if full is None:
        return text
    out: list[str] = []
    prev = ""   # the line before, as the layout gave it (not what it was joined into)
    for line in lines:
        if (prev and line and len(prev) >= 0.9 * full and not _SENTENCE_CLOSED.search(prev)
                and "\t" not in prev and "\t" not in line and not _OPENS_PART.match(line)):
            out[-1] += line
        else:
            out.append(line)
        prev = line
    return text if len(out) == len(lines) else "\n".join(out)


def rejoin_wrapped(text: str) -> str:
    """A text file saved with a line break every so many characters (copied from a PDF or a
    fixed-width page) with its sentences joined again, as a PDF's are; any other text as it
    is. Wrapped means most lines run to the same full width, which paragraphs never do."""
    lines, full = _layout(text)
    filled = [line for line in lines if line]
    if full is None or len(filled) < 8 or full < 12:
        return text
    if sum(1 for line in filled if len(line) >= 0.9 * full) < 0.4 * len(filled):
        return text
    return _join_broken_lines(text, (lines, full))
