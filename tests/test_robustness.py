"""Whatever text comes in, extraction does not crash and never emits a triple that
violates the SHACL shapes."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykg.loaders.pipeline import extract_text
from policykg.ontology.validate import graph_from_quads, validate_graph

POLICY_BITS = ["2017年", "到2020年", "完成", "计划", "力争", "累计", "《关于", "》", "“", "”", "、", "，", "。", "；",
               "市委", "市政府", "国家发改委", "工程", "行动", "产业园", "制度", "106个", "553.42万平方米",
               "200亿—500亿元", "80%以上", "三分之二", "3成", "近40万人", "包括", "出台", "印发", "贯彻", "位于",
               "张店区", "齐鲁化工区", "第三批", "五部委", "\n", " ", "\u3000", "１２３", "（", "）", "—", "150%",
               "本意见", "衢政发〔2017〕46号", "二〇一六年十一月十五日", "0个", "1—2个", "千项"]

policy_text = st.lists(st.one_of(st.sampled_from(POLICY_BITS), st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(policy_text)
def test_random_policy_like_text_always_validates(text):
    if not text.strip():
        return
    ex = extract_text(text, "random.txt")
    assert len(set(ex.quads)) == len(ex.quads), "each triple is written once"
    report = validate_graph(graph_from_quads(ex.quads))
    assert report.conforms, [(v.message, v.focus, v.value) for v in report.violations[:5]]


def test_odd_inputs_do_not_crash():
    cases = ["no chinese at all, just ascii 123 456", "一" * 200_000, "《未闭合的书名号 以及“未闭合的引号",
             "123 456 789 0.5", " \t\u3000\n\n\r\n", "１２３４５６７８９０个", "％％％", "年年年月月日日"]
    for text in cases:
        ex = extract_text(text, "odd.txt")
        assert validate_graph(graph_from_quads(ex.quads)).conforms
