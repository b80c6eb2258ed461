"""The planners' pages: home (search, counts per class, latest documents)."""
from __future__ import annotations

from flask import Blueprint, render_template

from ..ontology import ENTITY_CLASSES, POL
from .app import services
from .i18n import remember_lang, template_context

bp = Blueprint("pages", __name__)

CLASS_NAMES = {"PolicyDocument": ("政策文件", "Policy documents"), "Program": ("项目与行动", "Programs"),
               "Policy": ("政策", "Policies"), "IssuingBody": ("发文机关", "Issuing bodies"),
               "Park": ("园区", "Parks"), "Place": ("地区", "Places"), "Observation": ("数据", "Figures")}


@bp.app_context_processor
def inject():
    return template_context()


bp.after_app_request(remember_lang)


@bp.route("/")
def home():
    store = services().store
    counts = []
    for cls in ENTITY_CLASSES + ("Observation",):
        q = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a <{POL[cls]}> }}"
        counts.append((cls, CLASS_NAMES[cls], int(next(iter(store.query(q)))["n"].value)))
    docs = sorted(store.documents(), key=lambda d: d.ingested_at, reverse=True)[:10]
    return render_template("home.html", counts=counts, documents=docs)
