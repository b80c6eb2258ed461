"""Interactive graphs for the pages: the network is built with pyvis and drawn by the
vis-network served from web/static/vis/, through our own template.

Safety, as measured on pyvis 0.3.2: its own template switches every tooltip to innerHTML as
soon as one title contains "href", and does not escape `heading` or `select_menu`. So we
use neither its template nor those options: node data leaves pyvis as JSON, is embedded with
Jinja's `tojson` (which escapes <, >, & and quotes), and vis-network sets plain-string
titles and labels as text.
"""
from __future__ import annotations

from pyvis.network import Network

COLORS = {"PolicyDocument": "#c0392b", "Program": "#e67e22", "Policy": "#f1c40f", "IssuingBody": "#2980b9",
          "Park": "#27ae60", "Place": "#16a085", "Target": "#8e44ad", "Achievement": "#7f8c8d", "Other": "#95a5a6"}
CLASS_NAMES = {"PolicyDocument": ("政策文件", "Document"), "Program": ("项目与行动", "Program"), "Policy": ("政策", "Policy"),
               "IssuingBody": ("发文机关", "Issuing body"), "Park": ("园区", "Park"), "Place": ("地区", "Place"),
               "Target": ("目标", "Target"), "Achievement": ("成效", "Achievement"), "Other": ("其他", "Other"),
               "Observation": ("数据", "Figures")}
REL_NAMES = {"implements": ("贯彻落实", "implements"), "partOf": ("组成部分", "part of"), "issuedBy": ("发布机关", "issued by"),
             "locatedIn": ("位于", "located in"), "about": ("对象", "about")}


def network_data(sub, center: str | None, href, lang: str = "zh") -> dict:
    """Nodes, edges and options for vis-network, from a NetworkX sub-view. ``href(iri)``
    gives the page a click on a node opens."""
    big = sub.number_of_nodes() > 150
    net = Network(directed=True, height="620px", width="100%", cdn_resources="local")
    for n, d in sub.nodes(data=True):
        cls = d.get("cls") or "Other"
        label = str(d.get("label", ""))
        short = label if len(label) <= 16 else label[:15] + "…"
        name = CLASS_NAMES.get(cls, CLASS_NAMES["Other"])[0 if lang == "zh" else 1]
        net.add_node(n, label=short, title=f"{label}\n{name}", color=COLORS.get(cls, COLORS["Other"]),
                     size=26 if n == center else 14, borderWidth=3 if n == center else 1, shape="dot")
    for u, v, k in sub.edges(keys=True):
        rel = REL_NAMES.get(k, (k, k))[0 if lang == "zh" else 1]
        net.add_edge(u, v, label=rel, title=rel, arrows="to")
    nodes = [dict(node, url=href(node["id"])) for node in net.nodes]
    edges = [dict(edge) for edge in net.edges]
    options = {
        "physics": {"enabled": True, "solver": "barnesHut", "stabilization": {"iterations": 150 if big else 300},
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 140}},
        "edges": {"smooth": False if big else {"type": "dynamic"}, "font": {"size": 10, "align": "middle"},
                  "color": {"color": "#999"}},
        "nodes": {"font": {"size": 13, "face": "Noto Sans CJK SC, sans-serif"}},
        "interaction": {"hover": True, "tooltipDelay": 120},
    }
    return {"nodes": nodes, "edges": edges, "options": options}


def legend(lang: str = "zh") -> list[tuple[str, str]]:
    return [(CLASS_NAMES[c][0 if lang == "zh" else 1], COLORS[c]) for c in COLORS if c != "Other"]
