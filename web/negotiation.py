"""HTTP content negotiation: the Accept header with q-values and wildcards against the
media types a response can take."""
from __future__ import annotations


def parse_accept(header: str | None) -> list[tuple[str, float, int]]:
    """(media range, q, order) for each entry; a missing header accepts anything."""
    if not header or not header.strip():
        return [("*/*", 1.0, 0)]
    out = []
    for i, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = max(0.0, min(1.0, float(f[2:])))
                except ValueError:
                    q = 0.0
        out.append((media, q, i))
    return out


def _specificity(media_range: str, offer: str) -> int:
    if media_range == offer:
        return 3
    t, _, s = media_range.partition("/")
    ot, _, _ = offer.partition("/")
    if s == "*" and t == ot:
        return 2
    if media_range == "*/*":
        return 1
    return 0


def best_match(header: str | None, offers: list[str]) -> str | None:
    """The offer the client prefers most (server order breaks ties), or None when the
    client accepts none of them (q=0 excludes)."""
    ranges = parse_accept(header)
    best, best_key = None, None
    for pos, offer in enumerate(offers):
        # the most specific range that matches this offer decides its q
        matches = [(_specificity(r, offer), q) for r, q, _ in ranges if _specificity(r, offer)]
        if not matches:
            continue
        spec, q = max(matches)
        if q <= 0:
            continue
        key = (q, spec, -pos)
        if best_key is None or key > best_key:
            best, best_key = offer, key
    return best


def prefers_html(header: str | None) -> bool:
    """A browser: text/html is asked for explicitly and ranks at least as high as anything."""
    ranges = parse_accept(header)
    html = [q for r, q, _ in ranges if r in ("text/html", "application/xhtml+xml")]
    return bool(html) and max(html) >= max(q for _, q, _ in ranges)
