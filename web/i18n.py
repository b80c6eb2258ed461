"""Interface language: Chinese by default, English on request (?lang=en, remembered in a
cookie). Labels from the data are shown as they are."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import request

LANGS = ("zh", "en")


def current_lang() -> str:
    lang = request.args.get("lang") or request.cookies.get("lang") or "zh"
    return lang if lang in LANGS else "zh"


def template_context() -> dict:
    lang = current_lang()

    def t(zh: str, en: str) -> str:
        return en if lang == "en" and en else zh

    def lang_query(target: str) -> str:
        args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
        return urlencode(args + [("lang", target)])

    return {"lang": lang, "t": t, "lang_query": lang_query}


def remember_lang(resp):
    if b"lang=" not in request.query_string:  # most requests: no need to parse the arguments
        return resp
    if request.args.get("lang") in LANGS:
        resp.set_cookie("lang", request.args["lang"], max_age=365 * 24 * 3600, samesite="Lax")
    return resp
