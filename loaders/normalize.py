"""Text normalization that keeps every character offset: each character maps to exactly
one character, so spans found in the normalized text point at the same characters of the
original text that the user sees.

Full-width ASCII forms (Ａ１，：（）) become ASCII, every kind of space becomes a plain
space, and the many dash characters of Chinese typesetting become one (—), so that the
recognizers see one spelling of each mark.
"""
from __future__ import annotations

_TABLE: dict[int, str] = {}
for cp in range(0xFF01, 0xFF5F):  # full-width ASCII variants
    _TABLE[cp] = chr(cp - 0xFEE0)
for ch in "\u3000\u00a0\u2002\u2003\u2009\u200a\u202f\u205f\t\x0b\x0c":
    _TABLE[ord(ch)] = " "
for ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d":
    _TABLE[ord(ch)] = "—"
_TABLE[ord("\r")] = "\n"
_TABLE[ord("\u2028")] = "\n"
_TABLE[ord("\u2029")] = "\n"
_TABLE[ord("\u200b")] = " "  # zero-width space
_TABLE[ord("\ufeff")] = " "  # stray BOM


def normalize(text: str) -> str:
    """The normalized text, of exactly the same length as ``text``."""
    return text.translate(_TABLE)
