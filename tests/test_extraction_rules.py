"""Each rule of the extraction stages, on sentences written for the test (not taken from
the scored documents), named for the phenomenon of policy language it handles."""
from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders.dates import find_dates
from policykg.loaders.entities import find_mentions
from policykg.loaders.gazetteer import NameMatcher, trie_regex
from policykg.loaders.normalize import normalize
from policykg.loaders.pipeline import extract_text
from policykg.loaders.quantities import find_quantities
from policykg.loaders.relations import fits

POL = "https://w3id.org/policykg/ontology#"


def qs(text):
    return [(q.text, q.value, q.unit, q.max_value, q.comparator) for q in find_quantities(normalize(text))]


def obs(text, name="t.txt"):
    """(valueText, kind, year, about label) of every observation extracted from ``text``."""
    ex = extract_text(text, name)
    by_s = {}
    for q in ex.quads:
        by_s.setdefault(q.subject.value, {}).setdefault(q.predicate.value, []).append(q.object)
    labels = {s: p["http://www.w3.org/2000/01/rdf-schema#label"][0].value for s, p in by_s.items()
              if "http://www.w3.org/2000/01/rdf-schema#label" in p}
    out = []
    for s, p in by_s.items():
        types = {t.value for t in p.get("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", [])}
        if POL + "Observation" not in types:
            continue
        kind = "Target" if POL + "Target" in types else "Achievement"
        year = int(p[POL + "year"][0].value) if POL + "year" in p else None
        about = labels.get(p[POL + "about"][0].value) if POL + "about" in p else None
        out.append((p[POL + "valueText"][0].value, kind, year, about))
    return sorted(out)


def kinds_of(text, figure):
    """The kind of each observation written ``figure`` in ``text``."""
    return [k for t, k, _, _ in obs(text) if t == figure]


def abouts_of(text, figure):
    """The label of what each observation written ``figure`` in ``text`` is about."""
    return [a for t, _, _, a in obs(text) if t == figure]


def labelled(text, name):
    """The extraction of ``text`` and a map from each entity IRI to its label."""
    ex = extract_text(text, name)
    return ex, {q.subject.value: q.object.value for q in ex.quads if q.predicate.value.endswith("rdf-schema#label")}


def relations(text, name="r.txt"):
    ex, labels = labelled(text, name)
    return {(labels.get(q.subject.value), q.predicate.value.rsplit("#", 1)[1], labels.get(q.object.value))
            for q in ex.quads if q.predicate.value.rsplit("#", 1)[-1] in ("issuedBy", "partOf", "implements", "locatedIn")}


def test_quantities_with_multipliers():
    assert qs("整治面积553.42万平方米") == [("553.42万平方米", Decimal("5534200"), "平方米", None, None)]
    assert qs("总投资12亿元")[0][1:3] == (Decimal("1200000000"), "元")
    assert qs("接待游客1010.18万人次")[0][1:3] == (Decimal("10101800"), "人次")


def test_quantities_with_a_space_after_the_digits():
    # pages that set digits apart from Chinese text print 50 万元; the figure is the same
    assert [q[:3] for q in qs("给予50 万元奖励，建成12 个园区，增长5 %")] == [
        ("50 万元", Decimal("500000"), "元"), ("12 个", Decimal("12"), "个"), ("5 %", Decimal("5"), "%")]
    assert [q[:3] for q in qs("上市成功后奖励企业100 万。")] == [("100 万", Decimal("1000000"), "元")]
    assert qs("2018 年完成") == []


def test_quantities_with_chinese_numerals():
    assert qs("新建学校十五所")[0][1:3] == (Decimal(15), "所")
    assert qs("惠及两千三百户")[0][1:3] == (Decimal(2300), "户")
    assert qs("全省只有三个城市")[0][1:3] == (Decimal(3), "个")
    assert qs("覆盖上千个村")[0][1:3] == (Decimal(1000), "个")


def test_compound_numerals():
    assert qs("惠及2万3千多户")[0][1:3] == (Decimal(23000), "户")
    assert qs("带动投资1亿2千多万元")[0][1:3] == (Decimal(120000000), "元")
    assert qs("引进资金6000多万元")[0][1:3] == (Decimal(60000000), "元")


def test_range_values():
    assert qs("培育200亿—500亿元的产业")[0][1:4] == (Decimal(20000000000), "元", Decimal(50000000000))
    assert qs("每家奖励1—5亿元")[0][1:4] == (Decimal(100000000), "元", Decimal(500000000))
    assert qs("建成示范项目3~5个")[0][1:4] == (Decimal(3), "个", Decimal(5))


def test_a_range_with_its_unit_written_twice_is_one_figure():
    assert qs("年均增长6%—8%") == [("6%—8%", Decimal(6), "%", Decimal(8), None)]
    assert qs("总投资200亿元至300亿元")[0][1:4] == (Decimal(20000000000), "元", Decimal(30000000000))
    # a change from one figure to another is two figures
    assert [q[0] for q in qs("覆盖率由75%提高到90%")] == ["75%", "90%"]


def test_comparators():
    assert qs("覆盖率达到80%以上")[0][4] == "atLeast"
    assert qs("受益群众近40万人")[0][1:] == (Decimal(400000), "人", None, "approximately")
    assert qs("核发执照10.1万余份")[0][1:] == (Decimal(101000), "份", None, "moreThan")
    assert qs("超过500家企业")[0][4] == "atLeast"


def test_bounding_words_before_a_figure_are_its_comparator_and_part_of_its_text():
    assert qs("每户补助最高不超过3万元") == [("不超过3万元", Decimal(30000), "元", None, "atMost")]
    assert qs("达标率不低于95%") == [("不低于95%", Decimal(95), "%", None, "atLeast")]
    assert qs("研发投入不少于500万元")[0][0::4] == ("不少于500万元", "atLeast")
    assert qs("空置率不足5%")[0][0::4] == ("不足5%", "lessThan")
    assert qs("亩均能耗低于0.3吨标准煤")[0][0::4] == ("低于0.3吨", "lessThan")
    assert qs("增速高于3个百分点")[0][0::4] == ("高于3个百分点", "moreThan")
    assert qs("增速高于全省2个百分点")[0][0::4] == ("2个百分点", None)   # the bound is on another figure
    assert qs("覆盖率超过90%")[0][0::4] == ("超过90%", "atLeast")


def test_shares_and_fractions():
    assert qs("完成任务的3成")[0][1:3] == (Decimal(30), "%")
    assert qs("占三分之二")[0][1:3] == (Decimal("66.6667"), "%")
    assert qs("超过一半")[0][1:3] == (Decimal(50), "%")
    assert qs("下降2个百分点")[0][1:3] == (Decimal(2), "个百分点")
    assert qs("增长150%")[0][1:3] == (Decimal("150"), "%")


def test_rates_keep_their_unit():
    assert qs("每台补助5万元/台")[0][1:3] == (Decimal(50000), "元/台")
    assert qs("每吨补助30元")[0][1:3] == (Decimal(30), "元")


def test_a_unit_stated_once_for_a_list():
    found = qs("分三档补助5万、10万、20万平方米")
    assert [(v, u) for _, v, u, _, _ in found] == [(Decimal(50000), "平方米"), (Decimal(100000), "平方米"), (Decimal(200000), "平方米")]


def test_not_quantities_years_ordinals_and_names():
    assert qs("2017年第三批试点") == []
    assert qs("“六个一”督察机制和三项制度") == []
    text = "实施“3411工程”和“人才新政23条”。"
    ex = extract_text(text, "n.txt")
    assert not any(q.predicate.value == POL + "value" for q in ex.quads)


def test_target_cue_scope():
    found = obs("2018年，全市计划实施棚户区改造项目127个，完成老旧小区整治90个。")
    assert {k for _, k, _, _ in found} == {"Target"}
    found = obs("2017年，全市完成棚户区改造项目129个，建成安置房2800套。")
    assert {k for _, k, _, _ in found} == {"Achievement"}
    found = obs("目前已建成医联体25个，2018年将建立健康服务中心3个。")
    assert ("25个", "Achievement", None, None) in [(t, k, None, None) for t, k, _, _ in found]
    assert [k for t, k, _, _ in found if t == "3个"] == ["Target"]


def test_achievement_cues_beat_nouns_that_look_like_plans():
    found = obs("目前，我市已实施两批计划项目，共形成新产品58个。")
    assert [k for t, k, _, _ in found if t == "58个"] == ["Achievement"]
    found = obs("经过积极争取，2017年4月，我市从全国120个城市中脱颖而出。")
    assert [k for t, k, _, _ in found if t == "120个"] == ["Achievement"]


def test_year_from_the_clause_or_carried_in_the_paragraph():
    found = obs("到2020年，全市80%以上的行政村达到标准。截至2017年底，累计建成示范村300个。")
    assert ("80%以上", "Target", 2020, None) in [(t, k, y, None) for t, k, y, _ in found]
    assert [y for t, _, y, _ in found if t == "300个"] == [2017]
    found = obs("2017年，全市新建公厕545座。另建成停车场49处。")
    assert [y for t, _, y, _ in found if t == "49处"] == [2017]


def test_about_the_named_initiative():
    found = obs("老旧小区整治是“三改三建”工作的重要组成部分。2017年，完成老旧小区整治项目106个。")
    assert [a for t, _, _, a in found if t == "106个"] == ["老旧小区整治"]


def test_issuing_verbs_give_issuer_and_date():
    text = "2016年12月，市委办公厅印发《关于推进美丽乡村建设的实施意见》。"
    assert ("关于推进美丽乡村建设的实施意见", "issuedBy", "市委办公厅") in relations(text)
    ex = extract_text(text, "d.txt")
    assert any(q.predicate.value == POL + "issuedOn" and q.object.value == "2016-12" for q in ex.quads)


def test_bodies_of_a_purpose_clause_did_not_issue_what_the_verbs_own_clause_names():
    rels = relations("为落实党中央、国务院关于乡村振兴的决策部署，农业农村部、财政部联合印发《农业产业融合发展行动方案》。")
    issuers = {o for s_, p, o in rels if p == "issuedBy" and s_ == "农业产业融合发展行动方案"}
    assert issuers == {"农业农村部", "财政部"}
    # with no body in the verb's clause, those before it still issued it
    rels = relations("市委、市政府，于2018年3月印发《关于加快乡村振兴的实施意见》。")
    assert {o for s_, p, o in rels if p == "issuedBy"} == {"市委", "市政府"}


def test_issuer_goes_on_to_a_second_verb():
    rels = relations("2024年12月22日，国务院办公厅印发《关于优化债券管理机制的意见》，提出“开展债券项目自审自发试点”。")
    assert ("债券项目自审自发试点", "issuedBy", "国务院办公厅") in rels


def test_enumeration_after_a_named_whole():
    rels = relations("“两新”：是指大规模设备更新和消费品以旧换新。")
    assert {("大规模设备更新", "partOf", "两新"), ("消费品以旧换新", "partOf", "两新")} <= rels
    rels = relations("东岭化工区包括东岳产业园、南湖产业园、西山产业园。")
    assert {(p, "partOf", "东岭化工区") for p in ("东岳产业园", "南湖产业园", "西山产业园")} <= rels


def test_list_items_are_whole_names():
    labels = {m.label for m in find_mentions("重点实施乡村振兴推进行动、特色产业壮大提升行动、农村改革推进行动。")}
    assert {"特色产业壮大提升行动", "农村改革推进行动"} <= labels


def test_preamble_makes_the_document_implement():
    text = "某县加快发展数字经济实施方案\n为深入贯彻《关于加快发展数字经济的指导意见》，特制定本方案。\n"
    assert ("某县加快发展数字经济实施方案", "implements", "关于加快发展数字经济的指导意见") in relations(text)
    # a notice's opening paragraph, which turns to the notice at its end (现将有关事项通知如下), is its
    # preamble too, and what it decides to launch carries out the same basis
    notice = ("财政部 商务部关于支持开展县域商业体系建设的通知\n各省、自治区、直辖市财政厅（局）：\n"
              "根据《县域商业三年行动计划（2023—2025年）》，财政部、商务部决定开展县域商业体系建设行动。"
              "现将有关事项通知如下：\n一、支持方向\n")
    rels = relations(notice)
    assert ("财政部商务部关于支持开展县域商业体系建设的通知", "implements", "县域商业三年行动计划(2023—2025年)") in rels
    assert ("县域商业体系建设行动", "implements", "县域商业三年行动计划(2023—2025年)") in rels


def test_a_notice_issues_the_document_it_prints():
    text = ("某区管理委员会关于印发《某区智能制造三年行动计划》的通知\n某区管委会各部门：\n现印发给你们。\n"
            "某区管理委员会\n2016年11月15日\n某区智能制造三年行动计划\n到2019年，建成智能工厂10个。本行动计划自印发之日起施行。\n")
    ex = extract_text(text, "notice.txt")
    rels = relations(text)
    assert ("某区智能制造三年行动计划", "issuedBy", "某区管理委员会") in rels
    assert abouts_of(text, "10个") == ["某区智能制造三年行动计划"]
    assert any(q.predicate.value == POL + "issuedOn" and q.object.value == "2016-11-15" for q in ex.quads)


def test_party_and_government_pair_with_a_word_missing():
    labels = {(m.label, m.cls) for m in find_mentions("2017年4月，市委、市在实施改造工程基础上增加两项工作。")}
    assert ("市委", "IssuingBody") in labels and ("市", "IssuingBody") in labels


def test_a_party_committees_departments_are_bodies_at_every_level():
    found = {m.label for m in find_mentions("本政策由市委组织部、合肥市人社局负责解释，省委宣传部和包河区委编办配合。")
             if m.cls == "IssuingBody"}
    assert found == {"市委组织部", "合肥市人社局", "省委宣传部", "包河区委编办"}
    found = {m.label for m in find_mentions("中共中央组织部、中央宣传部、中央网信办联合印发。") if m.cls == "IssuingBody"}
    assert found == {"中共中央组织部", "中央宣传部", "中央网信办"}


def test_dates_at_the_precision_given():
    assert [d.iso for d in find_dates("2016年12月；2017年9月1日；二〇一六年十一月十五日；2018—2020年")] == \
        ["2016-12", "2017-09-01", "2016-11-15", "2020"]


def test_emphasis_quotes_are_not_names():
    labels = {m.label for m in find_mentions("我市实现了“三连冠”，坚持“品牌高端化”，落实“十三五”规划。")}
    assert not labels & {"三连冠", "品牌高端化", "十三五"}


def dates_of(text, name="d.txt"):
    ex, labels = labelled(text, name)
    return {(labels.get(q.subject.value), q.object.value) for q in ex.quads if q.predicate.value == POL + "issuedOn"}


def test_start_verbs_date_a_program():
    assert ("创新驱动工程", "2013") in dates_of("2013年起，我市启动实施“创新驱动工程”，带动产业升级。")
    assert ("全球灯塔工厂", "2018") in dates_of("“全球灯塔工厂”评选自2018年启动以来，被视为“顶级认证”。")
    found = dates_of("2012年，我市启动2011—2015年“乡村振兴行动”。")
    assert ("乡村振兴行动", "2012") in found and not any(d == "2015" for _, d in found)


def test_a_body_in_front_of_a_title_issued_it():
    text = "2017年，教育部等四部门《关于实施学前教育行动计划的意见》提出扩大资源。"
    assert ("关于实施学前教育行动计划的意见", "issuedBy", "教育部") in relations(text)
    assert ("关于实施学前教育行动计划的意见", "2017") in dates_of(text)
    # each body of a list joined right before the title
    rels = relations("为贯彻落实中共中央、国务院《关于深入打好污染防治攻坚战的意见》，制定本方案。")
    assert {o for s_, p, o in rels if p == "issuedBy"} == {"中国共产党中央委员会", "国务院"}


def test_a_document_number_gives_the_year():
    assert ("关于推进人才发展的若干措施", "2017") in dates_of("市委出台的《关于推进人才发展的若干措施》(淄发〔2017〕34号)，主要包括六项。")


def test_periods_in_titles_are_not_issue_dates():
    found = dates_of("2016年，市办公厅印发《市物流业实施方案(2015-2020年)》，提出建设“物流枢纽工程”。")
    assert ("物流枢纽工程", "2016") in found and ("物流枢纽工程", "2020") not in found


def test_conjunctions_join_a_name_unless_a_name_ends_before_them():
    labels = {m.label for m in find_mentions("开展安全生产和环境污染综合责任保险试点。")}
    assert "安全生产和环境污染综合责任保险试点" in labels
    labels = {m.label for m in find_mentions("实施铸链工程和强基工程。")}
    assert {"铸链工程", "强基工程"} <= labels


def test_a_category_after_deng_is_not_a_name():
    labels = {m.label for m in find_mentions("支持海创园等市本级创业园、科技金融活动。")}
    assert not any("等" in label for label in labels)


def test_descriptions_ending_in_system_or_policy_are_not_names():
    labels = {m.label for m in find_mentions("完善多渠道的投融资体系，落实招商引资政策，建立绿色制造体系。")}
    assert not labels & {"多渠道的投融资体系", "招商引资政策", "绿色制造体系"}


def test_a_scale_of_marks_is_no_regime():
    labels = {m.label for m in find_mentions("考核实行百分制，评估实行1000分制；全面推行河长制和告知承诺制。")}
    assert labels == {"河长制", "告知承诺制"}


def test_items_before_a_counted_whole_are_its_parts():
    rels = relations("重点实施人居环境、四德建设、平安村庄、文化惠民“四大提升工程”。")
    assert {(p, "partOf", "四大提升工程") for p in ("人居环境", "四德建设", "平安村庄", "文化惠民")} <= rels
    labels = {m.label for m in find_mentions("坚决拥护“两个确立”、坚决做到“两个维护”。")}
    assert "坚决做到" not in labels
    # a count of things that are no initiative (lists, problems) has no named parts
    labels = {m.label for m in find_mentions("全面排查隐患，建立问题隐患和整改措施“两个清单”。")}
    assert not labels & {"问题隐患", "整改措施"}


def test_prepositions_before_a_local_organ():
    labels = {(m.label, m.cls) for m in find_mentions("按照省委、省政府统一部署，根据市委要求。")}
    assert {("省委", "IssuingBody"), ("省政府", "IssuingBody"), ("市委", "IssuingBody")} <= labels


def test_at_most_and_article_references():
    assert qs("最高不超过100万元的补助")[0][1:] == (Decimal(1000000), "元", None, "atMost")
    assert qs("除5、6、7、8条外，其余照此执行") == []
    assert [q[0] for q in qs("事故31起，浓度1600毫克/升")] == ["31起", "1600毫克/升"]


def test_a_document_number_names_its_issuer_and_place():
    text = "根据《关于建设金融投资基金中心的政策意见》（衢政发〔2016〕11号），市政府办公室负责组织实施。"
    assert ("关于建设金融投资基金中心的政策意见", "issuedBy", "衢州市人民政府") in relations(text)
    ex = extract_text(text, "n.txt")
    labels = {q.object.value for q in ex.quads if q.predicate.value.endswith("rdf-schema#label")}
    assert "衢州市人民政府办公室" in labels  # 市政府办公室 of a Quzhou document
    # a province by its short name, and a province's general office is a 办公厅
    text = "你省《关于设立湖南湘江新区的请示》（湘政〔2014〕33号）收悉。根据《关于加快建设数字政府的实施意见》（浙政办发〔2023〕5号）。"
    rels = relations(text)
    assert ("关于设立湖南湘江新区的请示", "issuedBy", "湖南省人民政府") in rels
    assert ("关于加快建设数字政府的实施意见", "issuedBy", "浙江省人民政府办公厅") in rels
    # governments that number their documents with 府 (川府发, 黔府办发) as others do with 政
    rels = relations("《四川省数字经济发展规划》（川府发〔2021〕40号）和《贵州省数据条例实施办法》（黔府办发〔2020〕3号）。")
    assert {("四川省数字经济发展规划", "issuedBy", "四川省人民政府"),
            ("贵州省数据条例实施办法", "issuedBy", "贵州省人民政府办公厅")} <= rels


def test_lower_and_upper_bounds_make_a_range():
    assert qs("处十万元以上一百万元以下的罚款")[0][1:4] == (Decimal(100000), "元", Decimal(1000000))


def test_headers_of_laws_and_reports_name_issuer_and_date():
    law = "某省生态保护条例\n（2019年11月29日某省第十三届人民代表大会常务委员会第十四次会议通过）\n第一条 为了保护生态环境，制定本条例。\n"
    rels = relations(law)
    assert any(p == "issuedBy" and s == "某省生态保护条例" and o and o.endswith("人民代表大会常务委员会") for s, p, o in rels)
    assert ("某省生态保护条例", "2019-11-29") in dates_of(law)
    report = "2024年政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理 李强\n过去一年，城镇新增就业1244万人。\n"
    assert ("2024年政府工作报告", "issuedBy", "国务院") in relations(report)
    assert ("2024年政府工作报告", "2024-03-05") in dates_of(report)
    report = "关于2023年度市级预算执行的审计工作报告\n——2024年8月27日在绍兴市第九届人民代表大会常务委员会第二十次会议上\n绍兴市审计局局长 王某某\n主任：\n"
    assert ("关于2023年度市级预算执行的审计工作报告", "issuedBy", "绍兴市审计局") in relations(report)
    spaced = "政 府 工 作 报 告\n——2025年1月15日在长沙市第十七届人民代表大会第四次会议上\n长沙市人民政府市长  周海兵\n各位代表：\n"
    assert ("政府工作报告", "issuedBy", "长沙市人民政府") in relations(spaced)   # a title set out letter-spaced
    assert ("政府工作报告", "2025-01-15") in dates_of(spaced)


def test_an_announcement_promulgating_a_regulation_issues_it():
    text = ("河南省人民代表大会常务委员会公告\n第123号\n《河南省数字经济促进条例》已经河南省第十三届人民代表大会常务委员会"
            "第三十次会议于2021年12月28日审议通过，现予公布，自2022年3月1日起施行。\n河南省人民代表大会常务委员会\n2021年12月28日\n"
            "河南省数字经济促进条例\n第一条 为了促进数字经济发展，根据《中华人民共和国网络安全法》，结合本省实际，制定本条例。\n"
            "第五十条 违反本条例规定的，处一万元以上五万元以下罚款。\n")
    rels = relations(text)
    assert ("河南省数字经济促进条例", "issuedBy", "河南省人民代表大会常务委员会") in rels
    assert ("河南省数字经济促进条例", "implements", "中华人民共和国网络安全法") in rels   # 本条例 is the regulation
    assert not any(s_ == "河南省人民代表大会常务委员会公告" and p == "implements" for s_, p, _ in rels)
    assert ("河南省数字经济促进条例", "2021-12-28") in dates_of(text)
    assert kinds_of(text, "一万元以上五万元以下") == ["Target"]   # a rule's terms, as a regulation's own
    # a government's decree (政府令) is its document, and so is the rule it promulgates
    decree = ("河南省人民政府令\n第215号\n《河南省优化营商环境办法》已经2024年3月1日省政府第30次常务会议通过，现予公布，"
              "自2024年5月1日起施行。\n省长  王凯\n2024年3月10日\n")
    rels = relations(decree)
    assert {("河南省人民政府令", "issuedBy", "河南省人民政府"), ("河南省优化营商环境办法", "issuedBy", "河南省人民政府")} <= rels
    assert ("河南省优化营商环境办法", "2024-03-10") in dates_of(decree)


def test_a_signature_closing_a_long_notice_names_its_issuer_and_date():
    body = "".join(f"（{n}）各地要加强燃气安全检查，落实属地责任。\n" for n in "一二三四五六七八九十")
    notice = f"关于开展燃气安全检查的通知\n各市、县人民政府：\n{body}湖南省应急管理厅\n2023年7月3日\n"
    assert ("关于开展燃气安全检查的通知", "2023-07-03") in dates_of(notice)
    assert ("关于开展燃气安全检查的通知", "issuedBy", "湖南省应急管理厅") in relations(notice)


def test_the_fields_of_a_disclosure_page_name_title_issuer_number_and_date():
    page = ("索引号：11410100MB1234567X/2024-00123\n发文机关：郑州市人民政府办公厅　　发文字号：郑政办〔2024〕15号\n"
            "成文日期：2024年3月12日\n发布日期：2024年3月15日\n"
            "标题：郑州市人民政府办公厅关于加快推进数字经济发展的通知\n主题分类：工业、交通\n"
            "郑州市人民政府办公厅关于加快推进数字经济发展的通知\n各县（市、区）人民政府：\n到2025年，建成5G基站3.5万个。\n")
    title = "郑州市人民政府办公厅关于加快推进数字经济发展的通知"
    labels = {m.label for m in find_mentions(page)} | {label for s, p, o in relations(page) for label in (s, o)}
    assert not any(label.startswith("标题") for label in labels)
    assert (title, "2024-03-12") in dates_of(page)       # written on, not published on
    assert (title, "issuedBy", "郑州市人民政府办公厅") in relations(page)
    # the same fields in a table, a cell each (an HTML page's rows read as tab-separated cells)
    table = ("索引号\t11410100MB1234567X/2024-00123\t主题分类\t工业、交通\n发布机构\t郑州市人民政府办公厅\t成文日期\t2024年03月12日\n"
             f"标题\t{title}\n{title}\n各县（市、区）人民政府：\n到2025年，建成5G基站3.5万个。\n")
    assert (title, "issuedBy", "郑州市人民政府办公厅") in relations(table)
    assert (title, "2024-03-12") in dates_of(table)
    assert ("主题教育工作方案", "2024-03-12") in dates_of("主 题 教 育 工 作 方 案\n2024年3月12日\n")   # letter-spaced, no field
    # a transcript's subject is no title; a meeting's time after a notice's title is no issue date
    transcript = "某省新闻发布会实录\n主题：2025年前三季度全省经济运行情况\n时间：2025年10月24日\n前三季度地区生产总值增长5.8%。\n"
    assert not dates_of(transcript)
    notice = ("关于召开全市安全生产工作会议的通知\n各区县人民政府：\n时间：2025年3月5日上午9时\n地点：市政府3楼会议室\n"
              "请准时参加。\n湖南省应急管理厅\n2025年2月27日\n")
    assert ("关于召开全市安全生产工作会议的通知", "2025-02-27") in dates_of(notice)


def test_lists_guides_and_catalogues_a_department_publishes_are_documents():
    notice = ("关于2025年度河北省专精特新中小企业拟认定名单的公示\n经专家评审，拟认定1256家企业，现予以公示。\n"
              "河北省工业和信息化厅\n2025年11月3日\n")
    title = "关于2025年度河北省专精特新中小企业拟认定名单的公示"
    assert (title, "2025-11-03") in dates_of(notice)
    assert (title, "issuedBy", "河北省工业和信息化厅") in relations(notice)
    for title in ("2026年度某市科技计划项目申报指南", "某市产业发展负面清单", "某省鼓励类产业指导目录"):
        assert (title, "2026-01-05") in dates_of(f"{title}\n某市发展和改革委员会\n2026年1月5日\n一、总则\n")


def test_a_period_is_no_date_of_issue_and_every_body_signing_at_the_end_issued_it():
    body = "".join(f"（{n}）申报单位须在苏州市注册，具有独立法人资格。\n" for n in "一二三四五六七八九十")
    guide = (f"2025年度苏州市技术改造项目申报指南\n{body}四、申报时间\n2025年5月1日至5月31日。\n"
             "苏州市工业和信息化局\n苏州市财政局\n2025年4月20日\n")
    title = "2025年度苏州市技术改造项目申报指南"
    assert dates_of(guide) == {(title, "2025-04-20")}
    assert {(title, "issuedBy", "苏州市工业和信息化局"), (title, "issuedBy", "苏州市财政局")} <= relations(guide)


def test_bracketed_clause_names_and_annexes():
    from policykg.loaders.structure import analyse

    text = "【总部企业奖】对新引进的总部企业，给予最高500万元奖励。\n附件1\n申报材料清单\n"
    labels = {(m.label, m.cls) for m in find_mentions(text)}
    assert ("总部企业奖", "Program") in labels
    st = analyse(normalize(text))
    assert [s.heading for s in st.sentences][:1] == [True]
    assert any(s.heading and text[s.start:s.end].startswith("附件") for s in st.sentences)


def test_an_implementing_plan_implements_the_document_on_its_subject():
    text = ("2016年10月，中央印发《关于全面推行湖长制的意见》。2017年，我市下发《市全面实行湖长制实施方案》，"
            "建立四级湖长体系。")
    assert ("市全面实行湖长制实施方案", "implements", "关于全面推行湖长制的意见") in relations(text)


def test_parts_belong_to_the_subject_of_an_important_content_sentence():
    text = "人才队伍“五大工程”是“人才新政20条”的重要内容，包括“引领工程”、“集聚工程”、“支撑工程”。"
    rels = relations(text)
    assert ("引领工程", "partOf", "人才队伍五大工程") in rels and ("人才队伍五大工程", "partOf", "人才新政20条") in rels


def test_jiang_as_a_disposal_marker_is_not_a_future():
    found = obs("2025年初，自然资源部将我省确定为开展试点的4个省份之一。")
    assert [k for t, k, _, _ in found if t == "4个"] == ["Achievement"]
    found = obs("2025年，我省将新建公厕300座。")
    assert [k for t, k, _, _ in found if t == "300座"] == ["Target"]


def test_a_plans_figures_are_about_the_plan_unless_their_sentence_names_another():
    text = ("某区推进智能制造三年行动计划\n到2019年，全区规上企业数字化改造覆盖率达到80%，主动对接国家智能制造战略。\n"
            "对列入“机器换人”计划的企业，给予最高50万元补助。\n")
    found = obs(text)
    assert [a for t, _, _, a in found if t == "80%"] == ["某区推进智能制造三年行动计划"]
    assert [a for t, _, _, a in found if t == "50万元"] == ["机器换人计划"]  # “机器换人”计划: the quote and its suffix


def test_a_quoted_name_takes_the_longest_tail_that_ends_in_a_suffix():
    labels = {m.label for m in find_mentions("组织开展“新时代”先进集体评选活动。推进“一窗通”全流程专项整治：")}
    assert {"新时代先进集体评选活动", "一窗通全流程专项整治"} <= labels
    assert not labels & {"新时代", "一窗通", "先进集体评选活动"}
    labels = {m.label for m in find_mentions("全面推行“双随机”制度是指随机抽查。")}
    assert "双随机制度" in labels
    # a number right before the suffix belongs to the name; a count of things does not
    labels = {m.label for m in find_mentions("深入实施“5G+工业互联网”512工程，推进“双百登高”50个项目。")}
    assert labels == {"5G+工业互联网512工程", "双百登高"}
    assert [t for t, *_ in obs("某市2024年工作要点\n深入实施“5G+工业互联网”512工程。")] == []


def test_a_formula_in_quotes_names_what_its_suffix_says():
    found = {(m.label, m.cls) for m in find_mentions("构建碳达峰碳中和“1+N”政策体系，打造“4+1”现代产业体系。")}
    assert found == {("1+N政策体系", "Policy"), ("4+1现代产业体系", "Policy")}
    assert not find_mentions("实现“1+1>2”的效果，形成“4+6”格局。")


def test_a_quoted_word_that_describes_a_kind_of_thing_is_no_name():
    labels = {m.label for m in find_mentions("攻克“卡脖子”技术，压减“三公”经费，培育“领跑”企业，解决“入园难”问题。")}
    assert not labels & {"卡脖子", "三公", "领跑", "入园难"}


def test_set_phrases_in_quotes_are_slogans():
    labels = {m.label for m in find_mentions("心怀“国之大者”，推动产业“无中生有、有中生新”，办好“民之所盼”。")}
    assert not labels & {"国之大者", "民之所盼"}


def test_a_mechanism_named_only_by_what_it_does_is_no_name():
    labels = {m.label for m in find_mentions("健全资源共享的工作机制、保障机制和登记制度，理顺管理体制，落实河长制。")}
    assert not labels & {"工作机制", "保障机制", "登记制度", "管理体制", "理顺管理体制"}
    assert "河长制" in labels


def test_a_suffix_inside_a_longer_word_ends_no_name():
    labels = {m.label for m in find_mentions("降低企业制度性成本，编制城市发展战略规划，组建产业技术创新战略联盟，认定市级试点城市。")}
    assert not labels & {"企业制度", "城市发展战略", "产业技术创新战略", "市级试点"}
    assert not {m.label for m in find_mentions("在中国经济体制社主办的论坛上。")}
    labels = {m.label for m in find_mentions("继续开展科技金融合作贷款试点工作，创建智能制造试点示范。")}
    assert {"科技金融合作贷款试点", "智能制造试点示范"} <= labels
    # a department named by its portfolio (发展改革部门) ends no reform
    assert {m.label for m in find_mentions("省人民政府发展改革部门会同有关部门制定。")} == {"省人民政府"}


def test_a_verb_the_segmenter_splits_still_starts_the_name_after_it():
    # jieba reads 区获批 as 区 / 获 / 批: the verb 获批 is still a verb
    labels = {m.label for m in find_mentions("宁乡经开区获批国家级高新技术产业开发区，金洲新区发展势头强劲。")}
    assert labels == {"宁乡经开区", "金洲新区"}


def test_a_ministry_name_inside_bumen_is_a_department_of_any_level():
    labels = {m.label for m in find_mentions("由市级财政部门会同教育部门审核，报财政部备案。")}
    assert "财政部" in labels and sum(1 for m in find_mentions("由市级财政部门审核。") if m.label == "财政部") == 0


def test_campaign_suffixes_name_programs():
    found = {(m.label, m.cls) for m in find_mentions("巩固主题学习教育成果，开展违规占地问题集中整治，认定数字化车间示范项目10个。")}
    assert {("主题学习教育", "Program"), ("违规占地问题集中整治", "Program"), ("数字化车间示范项目", "Program")} <= found


def test_jiezhi_is_a_result_not_a_target_year():
    found = obs("截至2019年底，全县新建学校12所、改扩建学校8所，完成三年规划目标任务。")
    assert {k for _, k, _, _ in found} == {"Achievement"}
    assert {y for _, _, y, _ in found} == {2019}


def test_a_norm_with_ying_is_a_target():
    found = obs("依据地方排放标准，污水处理厂出水化学需氧量应小于50毫克/升。")
    assert [k for t, k, _, _ in found if t == "小于50毫克/升"] == ["Target"]
    found = obs("相应完成道路改造12公里。")
    assert [k for t, k, _, _ in found] == ["Achievement"]


def test_a_list_after_ji_continues_what_the_previous_sentence_announced():
    text = "2019年我县将组织实施的重点水利工程。即：新建堤防5公里；完成河道清淤20公里；加固水库3座。"
    assert {(t, k) for t, k, _, _ in obs(text)} == {("5公里", "Target"), ("20公里", "Target"), ("3座", "Target")}
    text = "2018年我县实施了重点水利工程。即：已完成河道清淤20公里。"
    assert [k for _, k, _, _ in obs(text)] == ["Achievement"]


def test_a_definition_of_a_program_states_its_planned_scope():
    found = obs("“三纵”指三条南北向输水干渠，包括东干渠、中干渠、西干渠3条干渠。", "glossary-report.txt")
    assert [k for t, k, _, _ in found if t == "3条"] == ["Target"]


def test_a_glossary_headword_is_the_whole_name_and_its_quote_an_alias():
    text = "名词解释\n3.城乡供水“一张网”：2024年，省水利厅启动城乡供水“一张网”建设。\n"
    ex, labels = labelled(text, "g.txt")
    alts = {q.object.value for q in ex.quads if q.predicate.value.endswith("altLabel")}
    assert "城乡供水一张网" in labels.values() and "一张网" in alts
    assert "一张网" not in labels.values()
    found = {m.label for m in find_mentions("5.民生实事和“暖心”工程：指…")}
    assert "民生实事和暖心工程" not in found   # two names joined by 和 are left to the other rules


def test_a_package_named_by_its_count_of_articles_is_a_policy():
    found = {(m.label, m.cls) for m in find_mentions("落实“稳外贸15条”和“人才新政23条”。")}
    assert {("稳外贸15条", "Policy"), ("人才新政23条", "Policy")} <= found


def test_numbered_principles_are_policies():
    found = {(m.label, m.cls) for m in find_mentions("增强“四个意识”、做到“两个维护”，推进“五个专项治理”。")}
    assert {("四个意识", "Policy"), ("两个维护", "Policy")} <= found


def test_a_name_after_chu_is_named_without_it():
    found = {m.label for m in find_mentions("目前，除东湖省级旅游度假区外，全县均已完成划定。")}
    assert "东湖省级旅游度假区" in found and not any(f.startswith("除") for f in found)


def test_a_count_closing_a_list_is_about_what_the_sentence_defines():
    text = "“三纵”指三条南北向干渠，包括东山干渠、中山干渠、西山干渠3个工程。"
    assert abouts_of(text, "3个") == ["三纵"]


def test_a_glossary_headword_is_issued_with_the_document_its_entry_issues():
    text = ("名词解释\n6.稳就业“12”条：2024年3月5日，省政府办公厅印发《关于进一步稳定和扩大就业的若干措施》，提出12条措施。\n")
    assert ("稳就业12条", "issuedBy", "省政府办公厅") in relations(text)
    assert ("稳就业12条", "2024-03-05") in dates_of(text)


def test_the_colon_after_a_glossary_headword_opens_a_definition_not_a_list():
    text = "名词解释\n7.“两江”生态廊道：“东江”指东部沿江廊道，包括甲山公园、乙山公园2个工程。\n"
    rels = relations(text)
    assert not any(o == "两江生态廊道" and s_ in ("甲山公园", "乙山公园") for s_, p, o in rels)


def test_a_cited_notice_names_the_measures_it_issues():
    text = "根据县政府办公室《关于印发县级储备粮管理暂行办法的通知》（某政办发〔2019〕3号）执行。"
    rels = relations(text)
    assert ("县级储备粮管理暂行办法", "issuedBy", "县政府办公室") in rels
    assert ("关于印发县级储备粮管理暂行办法的通知", "issuedBy", "县政府办公室") in rels


def test_a_body_setting_up_a_fund_issues_it():
    assert ("乡村振兴专项资金", "issuedBy", "县政府") in relations("县政府设立乡村振兴专项资金，用于支持产业发展。")


def test_an_abbreviation_the_text_introduces_is_the_full_name():
    text = "县政府设立乡村振兴基金管理委员会（以下简称“振兴委”）。振兴委负责审核。“振兴委”每年报告一次。"
    ex, labels = labelled(text, "a.txt")
    assert "振兴委" not in labels.values()
    alts = {q.object.value for q in ex.quads if q.predicate.value.endswith("altLabel")}
    assert "振兴委" in alts
    # a cited document's short title, after its number (《X》（合高管〔2023〕88号，以下简称《若干政策》）)
    text = "为贯彻落实《合肥高新区促进集成电路产业发展若干政策》（合高管〔2023〕88号，以下简称《若干政策》），制定本细则。"
    ex, labels = labelled(text, "b.txt")
    assert "若干政策" not in labels.values() and "合肥高新区促进集成电路产业发展若干政策" in labels.values()
    assert "若干政策" in {q.object.value for q in ex.quads if q.predicate.value.endswith("altLabel")}


def test_no_name_starts_with_a_conjunction():
    labels = {m.label for m in find_mentions("设立专项资金（以下简称专资）和产业发展资金管理委员会。")}
    assert "产业发展资金管理委员会" in labels and not any(lab.startswith("和") for lab in labels)


def test_parallel_phrases_in_quotes_are_a_slogan():
    labels = {m.label for m in find_mentions("坚持“政府引导、市场运作”两轮驱动，推进“一网通办、一次办好”改革。")}
    assert not labels & {"政府引导、市场运作", "一网通办、一次办好"}


def test_techniques_named_with_an_acronym_are_not_programs():
    labels = {m.label for m in find_mentions("推广企业资源计划（ERP）、计算机辅助工程（CAE）等系统。")}
    assert not labels & {"企业资源计划", "计算机辅助工程"}


def test_a_bracketed_acronym_or_character_stays_inside_a_name():
    labels = {m.label for m in find_mentions("推行首席数据官（CDO）制度，实行差别化电（水）价机制。")}
    assert {"首席数据官（CDO）制度", "差别化电（水）价机制"} <= labels


def test_working_rules_and_joined_nouns_are_not_names():
    labels = {m.label for m in find_mentions("完善信息化工作制度，强化排产与计划，开展企业试点示范。")}
    assert not labels & {"信息化工作制度", "排产与计划", "企业试点示范"}


def test_the_printed_plan_title_on_its_own_line_is_that_document():
    text = ("某区管理委员会关于印发《某区加快推进数字园区建设三年行动计划》的通知\n各部门：\n现印发给你们。\n"
            "某区加快推进数字园区建设三年行动计划\n到2020年，建成数字车间10个。\n")
    ex, labels = labelled(text, "p.txt")
    assert "数字园区建设三年行动计划" not in labels.values()
    assert "某区加快推进数字园区建设三年行动计划" in labels.values()


def test_a_numbered_heading_is_not_inside_a_name():
    labels = {m.label for m in find_mentions("（四）竞争分配财政专项资金。")}
    assert not any(lab.startswith(("（", "(")) for lab in labels)


def test_the_bodies_opening_a_sentence_launch_the_program_it_names_with_jiancheng():
    text = "2019年3月，县委、县政府在推进“两改一建”基础上，增加农村公路建设，简称“两改两建”。"
    assert {("两改两建", "issuedBy", "县委"), ("两改两建", "issuedBy", "县政府")} <= relations(text)
    assert ("两改两建", "2019-03") in dates_of(text)


def test_a_program_launched_under_a_bodys_deployment_is_issued_by_it():
    text = "2019年5月，按照市委、市统一部署，我县启动“清河行动”，重点整治河道。"
    assert {("清河行动", "issuedBy", "市委"), ("清河行动", "issuedBy", "市")} <= relations(text)


def test_a_kind_of_zone_is_not_a_zone_name():
    labels = {m.label for m in find_mentions("建设现代化物流园区和特色产业园区，支持东岳产业园、国家生态文明示范区建设。")}
    assert not labels & {"现代化物流园区", "特色产业园区"}
    assert {"东岳产业园", "国家生态文明示范区"} <= labels
    # two kinds joined, and frequent abbreviations among common words (研发)
    assert not find_mentions("努力建设成为高端制造研发转化基地和创新创意产业集聚区。")


def test_a_small_chinese_count_of_things_described_at_length_counts():
    assert [q[0] for q in qs("“三纵”指三个纵向输水大通道，包括东线。")] == ["三个"]
    assert qs("做到“两个维护”，落实三项制度。") == []


def test_session_numbers_are_ordinals():
    assert qs("省委十二届五次全会提出，要实施重大专项。") == []


def test_a_count_after_a_deng_list_is_about_what_the_entry_defines():
    text = "名词解释\n6.六大生态工程：市委提出，要实施清水行动，布局湿地保护、水系连通等6个重大生态工程。\n"
    assert abouts_of(text, "6个") == ["六大生态工程"]


def test_jihua_as_the_verb_plans_to_ends_no_name():
    labels = {m.label for m in find_mentions("东湖省级旅游度假区计划两年内实现无煤化，开发区计划用3年完成改造。")}
    assert not any(lab.endswith("计划") for lab in labels) and "东湖省级旅游度假区" in labels


def test_a_figure_in_a_later_clause_is_about_the_paragraphs_topic_not_a_program_started_before():
    text = "“两改两建”是县里的重点工作。2018年，全面启动乡镇道路提升工程，新建农贸市场12处、公厕30座。"
    found = {t: a for t, _, _, a in obs(text)}
    assert found["12处"] == "两改两建" and found["30座"] == "两改两建"


def test_a_figure_names_an_initiative_by_its_stem_when_the_action_word_is_dropped():
    text = "我县实施“旧村整治”。2018年，计划完成旧村项目40个。"
    assert abouts_of(text, "40个") == ["旧村整治"]


def test_a_start_verb_in_a_sentence_naming_nothing_dates_the_paragraphs_topic():
    text = "旧村整治是我县“两改两建”的重要组成部分。该项工作自2016年启动以来，累计完成项目80个。"
    assert ("旧村整治", "2016") in dates_of(text)


def test_a_body_named_only_inside_another_bodys_name_is_part_of_it():
    ex, labels = labelled("经县政府研究报县委财经领导小组同意后执行。", "b.txt")
    assert "县委财经领导小组" in labels.values() and "县委" not in labels.values()


def test_technical_committees_are_not_public_bodies():
    labels = {m.label for m in find_mentions("主导制定全国专业标准化技术委员会、某省标准化技术委员会的标准。")}
    assert not any(lab.endswith("技术委员会") for lab in labels)


def test_an_amount_before_a_name_is_not_part_of_it():
    for text in ("每年安排1000万元资金专项用于奖励。", "每年安排1000 万元资金专项用于奖励。"):
        labels = {m.label for m in find_mentions(text)}
        assert not any(lab.startswith(("万元", "元")) for lab in labels)


def test_coming_into_force_is_not_an_issue_date():
    assert not any(s_ == "一网通办" for s_, _ in dates_of("我县自2019年3月1日正式实施“一网通办”以来，已办件2万余件。"))
    assert ("一网通办", "2019") in dates_of("2019年，我县启动实施“一网通办”。")


def test_the_colon_after_a_bare_quoted_headword_opens_a_definition():
    text = "名词解释\n8.“灯塔园区”：由省工信厅评选的“五星灯塔园区”被视为园区建设的“金字招牌”。\n"
    assert not any(o == "灯塔园区" and p == "partOf" for _, p, o in relations(text))


def test_a_glossary_headword_is_issued_by_whoever_its_entry_says_launched_it():
    text = "名词解释\n6.五大生态专项：市委九届三次全会提出，要实施清水攻坚行动，推进湿地保护。\n"
    assert ("五大生态专项", "issuedBy", "市委") in relations(text)


def test_in_a_heading_the_words_closing_it_after_a_quote_complete_the_name():
    labels = {m.label for m in find_mentions(normalize("（三）推广“互联网+”智能物流\n（四）支持企业“专精特新”发展。引导企业。\n"))}
    assert "互联网+智能物流" in labels and "专精特新" in labels


def test_a_measure_under_a_heading_naming_an_initiative_is_about_it():
    text = ("某县促进数字经济发展的若干措施\n（一）推进“两化”深度融合。对新认定为省级示范的企业，给予50万元奖励。\n"
            "（二）加强人才支撑。对引进的博士，给予10万元补助。\n")
    found = {t: a for t, _, _, a in obs(text, "measures.txt")}
    assert found["50万元"] == "两化深度融合" and found["10万元"] == "某县促进数字经济发展的若干措施"


def test_either_of_two_kinds_is_not_a_name():
    labels = {m.label for m in find_mentions("对新认定为省级两化融合或信息化试点示范的企业给予奖励。")}
    assert not any("或" in lab for lab in labels)


def test_the_working_rules_of_a_named_regime_name_the_regime_not_an_issued_policy():
    text = "2018年，县里印发《县全面推行林长制实施方案》等5项林长制工作制度。"
    ex, labels = labelled(text, "l.txt")
    assert "林长制" in labels.values() and "林长制工作制度" not in labels.values()
    assert not any(s_ == "林长制" for s_, _ in dates_of(text))
    assert ("县全面推行林长制实施方案", "implements", "林长制") in relations(text)


def test_a_start_still_to_come_dates_nothing():
    assert not dates_of("2019年，我县计划全面启动“清河行动”。")
    assert ("清河行动", "2019") in dates_of("2019年，我县全面启动“清河行动”。")


def test_departments_after_a_preposition_and_the_local_cppcc():
    found = {(m.label, m.cls) for m in find_mentions("自然资源厅会同农业农村厅制定方案，办公室设在经济发展局。主动接受政协民主监督。")}
    assert {("农业农村厅", "IssuingBody"), ("经济发展局", "IssuingBody"), ("政协", "IssuingBody")} <= found
    assert not any(lab == "政协" for lab, _ in {(m.label, m.cls) for m in find_mentions("政协委员提出建议。")})


def test_a_list_item_whose_first_word_merely_starts_with_a_preposition_is_a_name():
    rels = relations("“三纵”指三条干渠，包括都江堰灌区、向家坝灌区、亭子口灌区3个工程。")
    assert ("向家坝灌区", "partOf", "三纵") in rels


def test_a_preamble_carries_out_the_strategies_it_names():
    text = ("某县关于加快数字经济发展的若干意见\n各乡镇人民政府：\n"
            "为深入实施数字中国战略，推进营商环境改革，特提出如下意见。\n一、加强统筹。\n")
    rels = relations(text)
    assert ("某县关于加快数字经济发展的若干意见", "implements", "数字中国战略") in rels


def test_an_enumerated_item_opening_with_a_descriptive_word_is_still_a_name():
    rels = relations("“两强”：是指重点产业链强链补链和主要园区提质增效。")
    assert {("重点产业链强链补链", "partOf", "两强"), ("主要园区提质增效", "partOf", "两强")} <= rels
    assert not any(s_.startswith("开展") for s_, _, _ in relations("“两优”：是指开展质量提升和品牌培育。"))


def test_a_bare_glossary_term_is_the_short_name_of_what_its_entry_names():
    text = ("名词解释\n8.“灯塔园区”：由省工信厅评选的“五星灯塔园区”被视为园区建设的标杆。\n"
            "12.“双优计划”：2024年省教育厅提出启动现代职业学校和优质专业建设计划。\n")
    ex, labels = labelled(text, "g.txt")
    assert "灯塔园区" not in labels.values() and "双优计划" not in labels.values()
    alts = {q.object.value for q in ex.quads if q.predicate.value.endswith("altLabel")}
    assert {"灯塔园区", "双优计划"} <= alts


def test_plans_referred_to_and_chains_in_quotes_are_not_names():
    labels = {m.label for m in find_mentions("列入省市重点计划内的项目，构建“苗圃+孵化器+加速器”链条，省级文件规定必须专项使用。")}
    assert not any(lab.endswith(("计划", "专项")) for lab in labels) and "苗圃+孵化器+加速器" not in labels


def test_a_quoted_word_describing_a_trend_is_no_name():
    labels = {m.label for m in find_mentions("主动顺应“互联网+农业”发展趋势，主动对接国家智能制造战略。")}
    assert "互联网+农业" not in labels and not any(lab.startswith(("主动", "对接")) for lab in labels)


def test_what_a_fund_sets_up_is_part_of_it():
    rels = relations("由县乡村振兴基金设立种子投资基金和创业投资基金，用于扶持创业。")
    assert {("种子投资基金", "partOf", "县乡村振兴基金"), ("创业投资基金", "partOf", "县乡村振兴基金")} <= rels


def test_a_guidance_fund_keeps_its_name():
    labels = {m.label for m in find_mentions("设立科技创新引导基金，引导企业加大投入。")}
    assert "科技创新引导基金" in labels


def test_a_zone_named_bare_in_a_list_of_districts():
    found = {(m.label, m.cls) for m in find_mentions("完成东城区、高新区所有背街小巷整治。")}
    assert ("高新区", "Park") in found


def test_a_counted_whole_closing_a_list_names_its_items():
    text = ("全面推行监管三项制度，包括信用承诺公示、检查全程留痕、重大处罚集体审议三项制度。"
            "我县被确定为监管三项制度试点县。")
    rels = relations(text)
    assert {("信用承诺公示", "partOf", "监管三项制度"), ("检查全程留痕", "partOf", "监管三项制度"),
            ("重大处罚集体审议", "partOf", "监管三项制度")} <= rels
    ex, labels = labelled(text, "c.txt")
    assert "三项制度" not in labels.values() and not any(v.startswith("重大处罚集体审议三") for v in labels.values())


def test_an_unnamed_count_of_projects_is_a_description():
    labels = {m.label for m in find_mentions("通过实施村庄绿化、道路硬化和河道整治三大工程，村容明显改观。")}
    assert not any(lab.endswith("三大工程") for lab in labels) and "道路硬化" not in labels


def test_the_wrongs_a_campaign_treats_are_not_its_parts():
    labels = {m.label for m in find_mentions("开展涉企收费、涉企罚款、涉企检查“三个专项整治”，减轻企业负担。")}
    assert not {"涉企收费", "涉企罚款", "涉企检查"} & labels


def test_kinds_of_the_counted_noun_are_not_programs():
    labels = {m.label for m in find_mentions("每年支持青年科技人才、领军科技人才、创业科技人才“三类人才专项”。")}
    assert not any(lab.endswith("科技人才") for lab in labels)


def test_a_term_called_an_honour_anywhere_is_no_name():
    labels = {m.label for m in find_mentions(
        "加大“单项冠军”培育力度，对新被评为国家级“单项冠军”的企业给予奖励。")}
    assert "单项冠军" not in labels


def test_quoted_calls_to_act_and_listing_boards_are_no_names():
    labels = {m.label for m in find_mentions(
        "鼓励企业“引进来”，对在“科创板”挂牌的企业给予奖励；对实现“借壳”上市的给予补助。推进“四个一”工程。")}
    assert not {"引进来", "科创板", "借壳"} & labels
    assert "四个一工程" in labels


def test_quoted_mergers_of_regimes_and_tax_relief_are_policies():
    found = {(m.label, m.cls) for m in find_mentions(
        "推行“多审合一”，落实“两免三减半”，推进“三网融合”，实施“百村提升”。")}
    assert {("多审合一", "Policy"), ("两免三减半", "Policy"), ("三网融合", "Policy"), ("百村提升", "Program")} <= found


def test_a_body_set_up_is_not_issued():
    rels = relations("县政府设立乡村振兴专项资金和乡村振兴资金管理委员会，负责资金管理。")
    assert ("乡村振兴专项资金", "issuedBy", "县政府") in rels
    assert not any(s_.endswith("委员会") for s_, p, _ in rels if p == "issuedBy")
    assert not fits("issuedBy", "IssuingBody", "IssuingBody") and fits("issuedBy", "Program", "IssuingBody")
    assert fits("partOf", "Program", "Policy") and not fits("partOf", "Place", "Program")
    assert not fits("locatedIn", "IssuingBody", "Place")


def test_the_words_qualifying_a_quoted_name_are_part_of_it():
    found = {m.label for m in find_mentions("全面实施中小企业“百企升级”培育工程，推动转型。我市“双创”工程成效明显。")}
    assert "中小企业百企升级培育工程" in found
    assert not any(lab.startswith("我市") for lab in found)
    labels = {m.label for m in find_mentions("推广营业执照、税务登记证“两证合一”登记制度。")}
    assert not any(lab.startswith("税务登记证") for lab in labels)


def test_by_means_of_is_not_an_issuing_verb():
    rels = relations("2024年3月，市发改委印发《某市数字乡村建设方案》，通过推进“数字农场”建设，带动增收。")
    assert ("某市数字乡村建设方案", "issuedBy", "市发改委") in rels
    assert not any(s_.startswith("数字农场") for s_, p, _ in rels if p == "issuedBy")


def test_a_body_designating_a_place_for_a_pilot_launched_it_there():
    text = "2024年初，农业农村部将浙江省确定为开展数字乡村综合试点的5个省份之一，支持探索。"
    rels = relations(text)
    assert {("数字乡村综合试点", "issuedBy", "农业农村部"), ("数字乡村综合试点", "locatedIn", "浙江省")} <= rels
    ex, labels = labelled(text, "d.txt")
    dated = {(labels.get(q.subject.value), q.object.value) for q in ex.quads if q.predicate.value.endswith("issuedOn")}
    assert ("数字乡村综合试点", "2024") in dated


def test_a_glossary_term_is_not_issued_as_its_own_pilot():
    text = ("名词解释\n5.城乡供水“一张网”：2024年初，水利部将某省确定为开展城乡供水“一张网”试点的3个省份之一，"
            "支持统一规划。\n")
    rels = relations(text)
    assert ("城乡供水一张网试点", "issuedBy", "水利部") in rels
    assert not any(s_ == "城乡供水一张网" and p == "issuedBy" for s_, p, _ in rels)


def test_a_quote_abbreviating_a_merger_names_the_merger():
    found = {(m.label, m.cls) for m in find_mentions("全面推进“两业”深度融合各项工作，推进耕地林地“三图”合一。")}
    assert {("两业深度融合", "Policy"), ("三图合一", "Policy")} <= found


def test_a_regime_named_by_two_common_words_is_a_kind():
    labels = {m.label for m in find_mentions(
        "完善资金筹措机制，创新服务体制，探索新型学徒制，建立河长制，推进标准化战略，全面实施乡村振兴战略。")}
    assert not {"资金筹措机制", "创新服务体制"} & labels
    assert {"新型学徒制", "河长制", "标准化战略", "乡村振兴战略"} <= labels


def test_a_plan_named_with_its_period_keeps_it():
    labels = {m.label for m in find_mentions("全面完成2021—2023年农村公路提升规划，2024—2026年计划新建公路30公里。")}
    assert "2021—2023年农村公路提升规划" in labels
    assert not any(lab.endswith("计划") for lab in labels)


def test_a_start_from_a_stated_year_dates_a_program_even_when_still_to_come():
    text = "从2024年开始，我县将启动实施2024—2026年消除城镇学校大班额规划，计划新建学校5所。"
    ex, labels = labelled(text, "s.txt")
    dated = {(labels.get(q.subject.value), q.object.value) for q in ex.quads if q.predicate.value.endswith("issuedOn")}
    assert ("2024—2026年消除城镇学校大班额规划", "2024") in dated


def test_two_levels_joined_before_a_name_are_two_names_not_one():
    labels = {m.label for m in find_mentions("主动对接国家和省数字经济战略，推进市区道路改造工程，落实省市重点研发计划。")}
    assert not any(lab.startswith(("国家和省", "省市")) for lab in labels)
    assert any(lab.endswith("道路改造工程") for lab in labels)


def test_a_figure_is_about_the_name_its_phrase_spells_with_a_quote_inside():
    text = ("名词解释\n5.城乡供水“一张网”：2024年初，水利部将某省确定为开展城乡供水“一张网”试点的3个省份之一。"
            "另在“一张网”上接入水厂。\n")
    assert [a for v, _, _, a in obs(text) if v == "3个"] == ["城乡供水一张网试点"]


def test_a_definitions_figures_stay_with_what_it_defines():
    text = "“双千”行动是指面向“金砖国家”合作伙伴实施1000项技术合作项目、开展1000名青年学者互访。"
    about = {v: a for v, _, _, a in obs(text)}
    assert about.get("1000项") == "双千行动" and about.get("1000名") == "双千行动"


def test_verbs_of_allotting_and_setting_up_are_not_part_of_a_name():
    labels = {m.label for m in find_mentions(
        "省财政每年安排乡村振兴发展专项资金3亿元，拟安排地方政府专项债券2000亿元，新设长沙临空经济区综合改革试点。")}
    assert "乡村振兴发展专项资金" in labels and "长沙临空经济区综合改革试点" in labels
    assert not any(lab.startswith(("安排", "拟", "新设")) or lab.endswith("政府专项") for lab in labels)


def test_a_place_opening_an_organizations_name_is_not_a_place_mention():
    found = {(m.label, m.cls) for m in find_mentions("对在深圳证券交易所上市的企业给予奖励，支持四川大学建设，深圳市加快发展。")}
    assert ("深圳市", "Place") in found or ("深圳", "Place") in found
    starts = {m.start for m in find_mentions("对在深圳证券交易所上市的企业给予奖励。") if m.cls == "Place"}
    assert not starts


def test_years_named_relative_to_the_documents_year():
    text = ("2025年某省政府工作报告\n2025年1月15日\n过去一年，全省地区生产总值增长5.6%。"
            "今年主要预期目标是：地区生产总值增长5%左右。去年12月，新建5G基站1.2万个。明年力争新增就业60万人。")
    found = {(v, y) for v, _, y, _ in obs(text)}
    assert {("5.6%", 2024), ("5%左右", 2025), ("1.2万个", 2024), ("60万人", 2026)} <= found


def test_weights_and_containers_are_units():
    assert [(u, v) for _, v, u, _, _ in qs("粮食产量1.3万亿斤，集装箱吞吐量300万标准箱，新增船舶12艘")] == [
        ("斤", Decimal("1300000000000")), ("标准箱", Decimal("3000000")), ("艘", Decimal("12"))]


def test_months_and_working_days_are_durations_not_counts():
    assert qs("办结时间压缩至3个工作日以内，用6个月时间完成") == []
    assert qs("建成3个城市公园")[0][1:3] == (Decimal(3), "个")


def test_a_name_a_paragraph_of_figures_mentions_once_is_not_their_topic():
    text = ("2024年工作回顾\n全市生产总值增长5.2%，城镇新增就业12万人。新设城南综合改革试点。"
            "全面实施乡村振兴战略，农民人均可支配收入增长8.4%。\n")
    about = {v: a for v, _, _, a in obs(text)}
    assert about.get("5.2%") is None and about.get("12万人") is None
    assert about.get("8.4%") == "乡村振兴战略"   # with no topic, the program its sentence carries out


def test_a_name_in_one_item_of_a_semicolon_list_is_not_the_topic_of_the_others():
    text = ("某县2026年政府工作报告\n重点抓好以下工作：实施“强链延链”行动，新引进亿元以上项目50个以上；"
            "建成高标准农田5万亩；新改建农村公路300公里。\n")
    about = {v: a for v, _, _, a in obs(text)}
    assert about["50个以上"] == "强链延链行动"
    assert about["5万亩"] is None and about["300公里"] is None
    # named again (in quotes or not), it is what the paragraph is about
    text = ("某县2026年政府工作报告\n深入实施“强链延链”行动：新引进亿元以上项目50个以上；"
            "强链延链行动新增产值30亿元。\n")
    assert {v: a for v, _, _, a in obs(text)}["50个以上"] == "强链延链行动"


def test_a_year_before_the_documents_own_reports_what_was_granted_not_the_terms():
    guide = ("某市2025年度项目申报指南\n某市财政局\n2025年4月20日\n三、支持标准\n"
             "按项目设备投资额的10%给予补助，单个项目最高不超过300万元。2024年，全市共支持技改项目326个，补助资金2.8亿元。\n")
    kinds = {t: k for t, k, _, _ in obs(guide)}
    assert kinds == {"10%": "Target", "不超过300万元": "Target", "326个": "Achievement", "2.8亿元": "Achievement"}


def test_a_comparison_with_last_year_does_not_date_a_figure():
    text = "某县关于支持企业研发的若干措施\n2023年3月1日\n对上年度研发投入比上年增长5%以上的企业给予补助。"
    assert [y for v, _, y, _ in obs(text) if v == "5%以上"] == [None]   # not 2022


def test_instances_of_a_kind_counted_are_not_a_name():
    labels = {m.label for m in find_mentions("新建3座跨河桥梁工程。5条乡村道路工程目前均已开工。")}
    assert not any(lab.endswith("工程") for lab in labels)
    labels = {m.label for m in find_mentions("我市成为首批12家湘江流域产业转型升级示范区之一，制定等5项河长制工作制度。")}
    assert {"湘江流域产业转型升级示范区", "河长制"} <= labels   # one of twelve; the rules of 河长制


def test_what_a_sentence_carries_out_after_launching_a_program_is_part_of_it():
    text = ("2023年，我县启动“美丽庭院行动”，以环境整治为重点，全面实施“百村示范”工程和巾帼助推美丽庭院行动。"
            "2024年，我县启动新一轮“美丽庭院行动”，重点实施绿化、亮化、净化“三化提升工程”。")
    rels = relations(text)
    assert {("百村示范工程", "partOf", "美丽庭院行动"), ("巾帼助推美丽庭院行动", "partOf", "美丽庭院行动"),
            ("三化提升工程", "partOf", "美丽庭院行动")} <= rels
    assert ("绿化", "partOf", "美丽庭院行动") not in rels


def test_what_follows_a_requirement_cited_and_is_carried_out_implements_it():
    text = ("根据《国务院关于加快发展托育服务的若干意见》中关于“实施托育服务扩容行动”的要求，"
            "自2024年起实施第二期托育服务行动计划。")
    rels = relations(text)
    assert {("托育服务扩容行动", "implements", "国务院关于加快发展托育服务的若干意见"),
            ("第二期托育服务行动计划", "implements", "国务院关于加快发展托育服务的若干意见")} <= rels


def test_what_a_program_is_built_on_is_part_of_it():
    rels = relations("2019年3月，县委、县在实施“两治一改”工程基础上，增加村庄绿化一项工作，简称“两治两改”。")
    assert ("两治一改工程", "partOf", "两治两改") in rels


def test_a_name_made_of_other_names_has_them_as_parts():
    text = ("名词解释\n3.“两横两纵”城市绿道体系：“两横”指东西向两条绿道。“两纵”指南北向两条绿道。\n"
            "4.“双向对接”：企业提需求、院所出成果“双向对接”的简称，其中“企业提需求”由企业发布，“院所出成果”由院所发布。\n")
    rels = relations(text)
    assert {("两横", "partOf", "两横两纵城市绿道体系"), ("两纵", "partOf", "两横两纵城市绿道体系"),
            ("企业提需求", "partOf", "企业提需求、院所出成果双向对接"),
            ("院所出成果", "partOf", "企业提需求、院所出成果双向对接")} <= rels


def test_a_definition_by_purpose_and_a_glossary_colon_list_no_parts():
    text = ("名词解释\n5.科技强企工程和“双百”计划：科技强企工程是指聚焦企业创新。"
            "“双百”计划是指面向“一带一路”国家实施百项合作。\n")
    rels = relations(text)
    assert not any(p == "partOf" and o == "双百计划" for _, p, o in rels)


def test_prohibition_zones_are_regimes_and_the_bare_name_is_the_leveled_one():
    text = "2019年5月，省政府提出建设省级禁燃区。目前，全市已完成禁燃区划定工作，划定范围56平方公里。"
    ex, labels = labelled(text, "z.txt")
    assert "省级禁燃区" in labels.values() and "禁燃区" not in labels.values()
    assert {(m.label, m.cls) for m in find_mentions("依法划定畜禽禁养区。")} == {("禁养区", "Policy")}
    assert ("省级禁燃区", "issuedBy", "省政府") in relations(text)


def test_named_areas_and_construction_projects():
    found = {(m.label, m.cls) for m in find_mentions(
        "实施城东片区棚改建设项目，推进重点建设项目，将城东片区建设成为新中心，重点片区加快建设。")}
    assert {("城东片区棚改建设项目", "Program"), ("城东片区", "Place")} <= found
    assert not any(lab in ("重点建设项目", "重点片区") for lab, _ in found)


def test_a_phase_named_with_its_period_keeps_its_whole_name():
    labels = {m.label for m in find_mentions(
        "分三个阶段推进：集中排查整治行动(2024年1月至6月)，专项巩固提升行动(2024年7月至2025年6月)。")}
    assert {"集中排查整治行动", "专项巩固提升行动"} <= labels


def test_a_mechanism_described_and_words_going_on_are_no_names():
    labels = {m.label for m in find_mentions(
        "建立起权责明确、运转高效的园区管理体制和多方共同出资的资金保障机制，研究城市发展重大战略问题，编制各类专项规划。")}
    assert not any(lab.endswith(("体制", "机制", "战略", "专项")) for lab in labels)


def test_a_zone_described_as_a_goal_is_no_name():
    labels = {m.label for m in find_mentions("到2025年将城北片区建设成为集商贸、物流于一体的现代化生态智慧示范区。")}
    assert not any(lab.endswith("示范区") for lab in labels)
    assert "浏阳经济技术开发区" in {m.label for m in find_mentions("以新材料为主导的浏阳经济技术开发区，推进改革。")}


def test_roads_named_after_places_and_private_boards_are_not_entities():
    found = {(m.label, m.cls) for m in find_mentions(
        "实施北京路北延、南京大道改造，社区居委会、业主委员会、物业服务企业共商事务，南京市加快建设。")}
    assert not any(cls == "Place" and lab.startswith("北京") for lab, cls in found)
    assert not any(lab.endswith("业主委员会") for lab, _ in found)
    assert any(cls == "Place" and lab.startswith("南京") for lab, cls in found)


def test_items_listed_before_a_category_of_zones_are_zones():
    found = {(m.label, m.cls) for m in find_mentions("对麓谷、星沙智造谷、梅溪湖创新园等市级创业园区内的项目给予补助。")}
    assert {("麓谷", "Park"), ("星沙智造谷", "Park"), ("梅溪湖创新园", "Park")} <= found
    assert find_mentions("支持光伏、储能等产业园区建设。") == []   # kinds of industry, not zones


def test_a_description_built_on_a_coined_term_is_a_name_and_its_shorter_spelling_the_same():
    text = ("某市关于推进创新发展的若干意见\n为全面构建湘时代创新驱动生态体系，特提出如下意见。\n"
            "（一）开展“湘时代”评选活动。\n（二）着力打造湘时代创新生态体系。\n")
    ex, labels = labelled(text, "c.txt")
    assert "湘时代创新驱动生态体系" in labels.values() and "湘时代创新生态体系" not in labels.values()
    assert ("某市关于推进创新发展的若干意见", "implements", "湘时代创新驱动生态体系") in relations(text)
    assert not {m.label for m in find_mentions("构建现代产业体系。")}


def test_a_quote_listed_with_kinds_of_platform_and_a_fund_a_clause_describes_are_no_names():
    labels = {m.label for m in find_mentions("支持“飞地孵化器”、众创空间和加速器等创新平台建设。")}
    assert "飞地孵化器" not in labels
    labels = {m.label for m in find_mentions("对作为主要发起人设立的股权投资基金给予支持；给予每家企业一定金额的天使投资基金扶持。")}
    assert "股权投资基金" not in labels and "天使投资基金" in labels


def test_a_place_opening_a_title_an_award_or_a_quoted_name_is_not_a_place_mention():
    text = ("对新获得湖南省名牌产品、湖南省著名商标和湖南省科学技术奖的企业给予奖励，"
            "对主导制定“湖南制造”团体标准的企业给予补助。湖南省加快发展。")
    places = [m for m in find_mentions(text) if m.cls == "Place"]
    assert len(places) == 1 and text[places[0].start:places[0].end + 4].startswith("湖南省加快")


def test_a_plan_named_by_its_span_after_a_quote():
    found = {(m.label, m.cls) for m in find_mentions("完成解决“择校热”三年规划目标任务。")}
    assert ("择校热三年规划", "Program") in found


def test_figures_after_a_plan_is_launched_are_the_plans_when_the_paragraph_has_no_topic():
    text = ("截至2023年底，全县新建学校6所。从2024年开始，我县将启动实施2024—2026年消除城镇学校大班额规划，"
            "计划总投资5.2亿元，新建学校8所。\n")
    about = {v: a for v, _, _, a in obs(text)}
    assert about.get("5.2亿元") == "2024—2026年消除城镇学校大班额规划" and about.get("8所") == about.get("5.2亿元")


def test_every_body_of_a_level_is_no_body():
    labels = {m.label for m in find_mentions("各区（市）县政府，市政府各部门：现印发给你们。")}
    assert "县政府" not in labels and "市政府" in labels


def test_a_preamble_making_the_following_measures_implements_what_it_carries_out():
    text = ("某市促进制造业发展若干措施\n为贯彻落实《中国制造2025》，加快建设制造强市，制定如下政策措施。\n"
            "一、支持技术改造。\n")
    assert ("某市促进制造业发展若干措施", "implements", "中国制造2025") in relations(text)


def test_designated_development_zones_are_parks_even_when_they_are_divisions():
    found = {(m.label, m.cls) for m in find_mentions("支持成都高新区、成都经开区、天府新区等重点园区建设，成都市加快发展。")}
    assert {("成都经开区", "Park"), ("天府新区", "Park"), ("成都市", "Place")} <= found


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["北京", "北京市", "北", "京", "南京市", "南京", "市", "长沙县", "长沙", "沙县", "，", "省"]),
                max_size=12))
def test_the_name_matcher_finds_what_the_trie_regex_finds(parts):
    names = ["北京", "北京市", "南京", "南京市", "长沙", "长沙县", "沙县"]
    text = "".join(parts)
    regex = re.compile(trie_regex(names))
    assert [(m.start(), m.end()) for m in NameMatcher(names).finditer(text)] == \
        [(m.start(), m.end()) for m in regex.finditer(text)]


def test_a_body_named_first_in_a_paragraph_is_cut_from_the_clause_before_it():
    labels = {m.label for m in find_mentions("为深入贯彻落实中共中央办公厅、国务院办公厅印发的《方案》，结合实际。")}
    assert "中共中央办公厅" in labels and not any(lab.startswith("为") for lab in labels)


def test_what_a_plan_says_a_year_will_complete_is_a_target():
    text = ("某县农村改厕三年行动方案\n2023年5月1日\n一、目标任务\n2023年完成农村户厕改造8000户，"
            "2024年起每年新增改厕3000户。截至2022年底，全县已累计完成改厕5万户。\n")
    kinds = {v: k for v, k, _, _ in obs(text)}
    assert kinds["8000户"] == "Target" and kinds["3000户"] == "Target" and kinds["5万户"] == "Achievement"


def test_strategic_compounds_go_on_past_the_suffix():
    labels = {m.label for m in find_mentions("加快建设国家战略腹地，服务国家战略部署，深化放管服改革举措。")}
    assert not any(lab.endswith("战略") for lab in labels) and "放管服改革" in labels


def test_a_reform_commission_or_bureau_is_no_reform():
    mentions = find_mentions("各省、自治区、直辖市发展改革委，县发展改革局、市委改革办：深化国资国企改革。")
    assert not any(m.label.endswith("发展改革") or m.label == "改革办" for m in mentions)
    assert "县发展改革局" in {m.label for m in mentions if m.cls == "IssuingBody"}
    assert "国资国企改革" in {m.label for m in mentions if m.cls == "Policy"}


def test_a_forwarding_notice_is_issued_by_who_forwards_it():
    text = ("某省人民政府办公厅转发国务院办公厅关于优化营商环境的意见的通知\n某政办〔2022〕3号\n"
            "现将《国务院办公厅关于优化营商环境的意见》转发给你们。\n某省人民政府办公厅\n2022年10月9日\n")
    rels = relations(text)
    issuers = {o for s_, p, o in rels if p == "issuedBy" and s_.startswith("某省人民政府办公厅转发")}
    assert issuers == {"某省人民政府办公厅"}
    ex, labels = labelled(text, "f.txt")
    assert not any("转发" in v and v.endswith("办公厅") for v in labels.values())


def test_a_list_item_with_a_modal_verb_is_a_clause():
    labels = {m.label for m in find_mentions("广州、深圳要率先开展营商环境创新试点。")}
    assert "营商环境创新试点" in labels and not any(lab.startswith("深圳") and lab.endswith("试点") for lab in labels)


def test_relative_years_need_the_documents_own_year():
    text = "某县农村公路提升方案\n到2025年，新建公路30公里。\n今年完成投资2亿元。\n"
    assert [y for v, _, y, _ in obs(text) if v == "2亿元"] == [None]   # no date, no year in the title


def test_a_study_campaign_is_named_by_what_it_studies_and_carries_out_its_rule():
    text = "巩固拓展深入贯彻廉洁自律准则精神学习教育成果，开展学习贯彻党的二十大精神主题教育。"
    labels = {m.label for m in find_mentions(text)}
    assert {"深入贯彻廉洁自律准则精神学习教育", "廉洁自律准则", "学习贯彻党的二十大精神主题教育"} <= labels
    assert ("深入贯彻廉洁自律准则精神学习教育", "implements", "廉洁自律准则") in relations(text)
    assert not any(lab.startswith("党的二十大") for lab in labels)   # a meeting, not a rule


def test_a_glossary_headword_without_quote_or_suffix_is_the_term_it_defines():
    text = "名词解释\n19.医保影像云：通过数字胶片集中带量采购，构建影像存储中心。\n1.申报条件：注册在本市的企业。\n2.总体目标：到2025年建成。\n"
    found = {(m.label, m.cls) for m in find_mentions(text)}
    assert ("医保影像云", "Program") in found
    assert not any(lab in ("申报条件", "总体目标") for lab, _ in found)


def test_an_epithet_is_no_name_but_a_short_name_introduced_is():
    labels = {m.label for m in find_mentions(
        "该评选被视为全球智能制造“顶级认证”。实施现代职业教育质量提升计划（以下简称为“双优计划”）。")}
    assert "顶级认证" not in labels and "双优计划" in labels


def test_two_generic_kinds_of_fund_joined_are_no_name():
    labels = {m.label for m in find_mentions("推动农业和林业专项资金的统筹使用，设立县城乡统筹和产业转型专项资金。")}
    assert "农业和林业专项资金" not in labels and "林业专项资金" not in labels
    assert "县城乡统筹和产业转型专项资金" in labels


def test_a_comparisons_base_year_is_not_the_figures_year():
    text = "某县节能实施方案\n到2027年，单位生产总值能耗比2022年下降12%，与2020年相比碳排放强度降低18%。"
    assert [g[:3] for g in obs(text, "方案.txt")] == [("12%", "Target", 2027), ("18%", "Target", 2027)]


def test_target_opening_scopes_over_the_sentences_semicolon_clauses():
    text = ("某市新型工业化推进方案\n2024年3月1日\n"
            "到2026年，规上工业增加值年均增长7%；累计建成智能工厂120家；工业投资达到300亿元。"
            "截至2023年底，已建成智能工厂45家。")
    got = obs(text, "方案.txt")
    assert [g[:3] for g in got] == [("120家", "Target", 2026), ("300亿元", "Target", 2026),
                                    ("45家", "Achievement", 2023), ("7%", "Target", 2026)]
    # a horizon already past opens no targets: 到2023年底 in a 2024 report reviews results
    text = "某市2024年政府工作报告\n到2023年底，全市累计建成5G基站9000个；完成造林3万亩。"
    assert {g[1] for g in obs(text, "报告.txt")} == {"Achievement"}


def test_a_section_heading_gives_its_figures_year_and_kind():
    text = ("2024年某县政府工作报告\n——2024年1月10日在某县第十八届人民代表大会第三次会议上\n"
            "一、2023年工作回顾\n全县新增市场主体3200户。新建农村公路86公里。\n"
            "二、2024年工作安排\n（一）抓好产业项目。新开工亿元以上项目30个，新增规上企业40家。\n"
            "（二）改善民生。完成棚户区改造1500套。去年已完成改造1200套。")
    got = {g[0]: g[1:3] for g in obs(text, "报告.txt")}
    assert got["3200户"] == ("Achievement", 2023) and got["86公里"] == ("Achievement", 2023)
    assert got["30个"] == ("Target", 2024) and got["40家"] == ("Target", 2024)
    assert got["1500套"] == ("Target", 2024)
    assert got["1200套"] == ("Achievement", 2023)


def test_a_quoted_name_qualified_up_to_the_predicate_keeps_its_words():
    labels = {m.label for m in find_mentions("“两山一湖”生态修复工程完成投资8亿元，“百村千户”帮扶行动全面启动。")}
    assert {"两山一湖生态修复工程", "百村千户帮扶行动"} <= labels
    # but not into a noun that goes on (试点企业), nor over 的
    labels = {m.label for m in find_mentions("对列入“三优”培育试点企业名单的，“双创”深度融合各项工作的方案。")}
    assert not any(lab.endswith(("试点", "方案")) for lab in labels)


def test_bounding_words_before_a_figure_still_cue_its_kind():
    assert obs("某县2023年工作总结\n全县规上企业研发投入占比不低于3%。", "总结.txt")[0][:2] == ("不低于3%", "Target")


def test_a_characteristic_town_is_no_township():
    mentions = find_mentions("加快建设丝绸小镇、龙港镇，支持入驻电竞小镇的企业。")
    assert {m.label for m in mentions if m.cls == "Place"} == {"龙港镇"}


def test_a_term_listed_with_kinds_of_zone_is_a_kind_itself():
    text = ("对租用省级以上开发区（园区）、众创园内厂房的企业给予补助。"
            "对入驻星海园、众创园、云谷园等县级创业园区内的项目给予支持。")
    parks = {m.label for m in find_mentions(text) if m.cls == "Park"}
    assert {"星海园", "云谷园"} <= parks and "众创园" not in parks
    text = "对入驻星海园、众创园、云谷园等县级创业园区内的项目给予支持。"
    assert "众创园" in {m.label for m in find_mentions(text) if m.cls == "Park"}


def test_a_sum_of_money_whose_yuan_is_left_out():
    assert qs("验收合格后奖励企业50万，投产后再奖励30万。") == [
        ("50万", Decimal(500000), "元", None, None), ("30万", Decimal(300000), "元", None, None)]
    assert qs("对获评标杆企业的给予20万的补助。")[0][1:3] == (Decimal(200000), "元")
    assert qs("全年新增就业1.5万，城镇登记失业率3%。") == [("3%", Decimal(3), "%", None, None)]


def test_counts_of_facets_are_no_figures_but_counts_of_zones_named_after_are():
    assert [q[0] for q in qs("提出稳就业、促消费等4个方面18条措施，实现决策、执行、监督三个层面贯通。")] == ["18条"]
    assert [q[0] for q in qs("全县重点建设的三个工业园区，分别是：城东园区、城西园区和城南园区。")] == ["三个"]
    assert qs("工作分三个阶段：摸底、整治、验收。") == []
    assert [q[0] for q in qs("《若干措施》共分为6个部分、25条具体措施。")] == ["25条"]


def test_what_a_sentence_opens_with_carries_out_the_rule_it_is_executed_by():
    rels = relations("种子基金、转型升级引导基金由县基金管理中心根据《关于印发某县产业基金管理办法的通知》等文件规定执行。")
    assert ("转型升级引导基金", "implements", "关于印发某县产业基金管理办法的通知") in rels
    # a sentence that does not say its subject is carried out by the rule keeps to what follows the citation
    rels = relations("引导基金规模扩大，根据《某县产业基金管理办法》，县财政局设立种子投资基金。")
    assert ("种子投资基金", "implements", "某县产业基金管理办法") in rels


def test_a_citys_short_name_is_that_city_whatever_jiebas_tag_or_a_county_named_after_it():
    places = {m.label for m in find_mentions("长沙、南昌、遵义、包头四市联合举办。") if m.cls == "Place"}
    assert places == {"长沙", "南昌", "遵义", "包头"}
    ex, labels = labelled("长沙与南昌两市签署合作协议。", "c.txt")
    assert {"长沙市", "南昌市"} <= set(labels.values())


def test_a_zone_named_for_a_place_is_no_kind_of_zone_and_is_never_named_by_its_building():
    parks = {m.label for m in find_mentions("（三）建设遵义国家级临空经济示范区。支持包头经济技术开发区、建设路产业园提质升级。")
             if m.cls == "Park"}
    assert parks == {"遵义国家级临空经济示范区", "包头经济技术开发区", "建设路产业园"}


def test_eco_cities_cooperation_zones_science_cities_and_towns_are_zones():
    parks = {m.label for m in find_mentions(
        "支持中新天津生态城发展，推进横琴粤澳深度合作区建设，建设西部（重庆）科学城和杭州未来科技城，培育云栖小镇等特色小镇。")
        if m.cls == "Park"}
    assert parks == {"中新天津生态城", "横琴粤澳深度合作区", "西部（重庆）科学城", "杭州未来科技城", "云栖小镇"}
    # the words go on past the suffix, or nothing names which one
    assert not {m.label for m in find_mentions("加强与周边地区合作区域发展，建设生态城市，创建特色小镇3个。") if m.cls == "Park"}


def test_what_a_zone_covers_or_governs_is_named_apart_from_it():
    found = {(m.label, m.cls) for m in find_mentions("中国（河南）自由贸易试验区涵盖郑州片区、开封片区、洛阳片区三个片区。")}
    assert ("中国（河南）自由贸易试验区", "Park") in found
    assert {"郑州片区", "开封片区", "洛阳片区"} <= {label for label, _ in found}
    assert not any("涵盖" in label or "三个" in label for label, _ in found)
    parks = {m.label for m in find_mentions("郑州航空港经济综合实验区下辖郑州新郑综合保税区和航空港产业园。") if m.cls == "Park"}
    assert {"郑州航空港经济综合实验区", "郑州新郑综合保税区"} <= parks and not any("下辖" in p for p in parks)
    # and what it governs is part of it
    assert ("郑州新郑综合保税区", "partOf", "郑州航空港经济综合实验区") in relations(
        "郑州航空港经济综合实验区下辖郑州新郑综合保税区和航空港产业园。")


def test_units_of_livestock_trees_lamps_and_racks():
    assert [q[0] for q in qs("出栏生猪120万头，植树3万株，新增路灯800盏、标准机架2万架。")] == ["120万头", "3万株", "800盏", "2万架"]


def test_units_of_foreign_currencies_and_colloquial_area():
    assert [q[:3] for q in qs("吸引外资5000万欧元，募集300万港元，建成标准厂房20万平米。")] == [
        ("5000万欧元", Decimal("50000000"), "欧元"), ("300万港元", Decimal("3000000"), "港元"),
        ("20万平米", Decimal("200000"), "平米")]


def test_a_deployment_by_a_documents_body_is_the_documents_not_the_bodys_launch():
    rels = relations("按照国务院安委会《全国燃气安全专项整治工作方案》部署，经省政府同意，在全省开展燃气安全专项整治行动。")
    assert not any(p == "issuedBy" and s_ == "燃气安全专项整治行动" for s_, p, _ in rels)
    assert ("燃气安全专项整治行动", "implements", "全国燃气安全专项整治工作方案") in rels
    rels = relations("按照省委、省政府统一部署，全市开展燃气安全专项整治行动。")
    assert {o for s_, p, o in rels if p == "issuedBy" and s_ == "燃气安全专项整治行动"} == {"省委", "省政府"}


def test_a_long_term_mechanism_is_no_name():
    assert not find_mentions("总结推广经验做法，建立长效机制。")


def test_a_horizon_reviewed_in_a_section_of_results_sets_no_target():
    text = ("某市“十四五”规划纲要\n第一章 发展基础\n全市生产总值由2015年的800亿元增加到2020年的1100亿元。"
            "城镇化率力争到2021年达到60%。\n第二章 主要目标\n到2025年，生产总值达到1500亿元。")
    got = {g[0]: g[1:3] for g in obs(text, "纲要.txt")}
    assert got["800亿元"] == ("Achievement", 2015) and got["1100亿元"] == ("Achievement", 2020)
    assert got["60%"][0] == "Target" and got["1500亿元"] == ("Target", 2025)


def test_a_heading_names_its_subject_after_the_verbs_and_preposition_opening_it():
    text = "一、总体要求\n二、实施老旧设备更新行动\n三、以乡村振兴战略为统领\n四、双新双创推进行动\n"
    labels = {m.label for m in find_mentions(text)}
    assert {"老旧设备更新行动", "乡村振兴战略", "双新双创推进行动"} <= labels
    assert not any(lab.startswith(("实施", "以")) for lab in labels)


def test_a_percentage_over_a_hundred_stays_a_percentage():
    # GUIDELINES: the unit is what the text writes less a multiplier; % is none, 倍 is a unit of its own
    assert qs("收入完成预算的103.5%")[0][:3] == ("103.5%", Decimal("103.5"), "%")
    assert qs("出口额同比增长了120%")[0][1:3] == (Decimal("120"), "%")
    assert qs("产值增长1.5倍")[0][1:3] == (Decimal("1.5"), "倍")


def test_a_budget_reports_last_year_and_drafts_the_next():
    text = ("关于某县2023年预算执行情况和2024年预算草案的报告\n——2024年1月10日在某县第十八届人民代表大会第三次会议上\n"
            "一、2023年预算执行情况\n全年争取新增专项债券额度8亿元，一般公共预算收入完成20亿元。\n"
            "二、2024年预算草案\n一般公共预算收入预期增长5%，安排支出35亿元，市场信心和发展预期稳定。")
    got = {g[0]: g[1:3] for g in obs(text, "报告.txt")}
    assert got["8亿元"] == ("Achievement", 2023) and got["20亿元"] == ("Achievement", 2023)
    assert got["5%"] == ("Target", 2024) and got["35亿元"] == ("Target", 2024)


def test_a_figure_of_another_thing_named_in_its_own_clause_is_not_about_the_name_before():
    text = "某县智能制造三年行动计划\n到2025年，认定数字化车间示范项目8个，培育2个智能服务示范企业。"
    got = {g[0]: g[3] for g in obs(text, "计划.txt")}
    assert got["8个"] == "数字化车间示范项目" and got["2个"] == "某县智能制造三年行动计划"
    text = "2017年，“乡村名医”共4批，每批50名，计划用3年时间帮扶300个村。"
    assert {g[3] for g in obs(text, "r.txt")} == {"乡村名医"}


def test_a_verb_opening_the_sentence_qualifies_no_quoted_name_and_improvement_campaigns_are_named():
    labels = {m.label for m in find_mentions("要学习运用“百村示范、千村整治”工程经验，推进新一轮粮食产能提升行动。")}
    assert {"百村示范、千村整治工程", "粮食产能提升行动"} <= labels
    assert not any(lab.startswith(("要", "学习")) for lab in labels)
    assert "工业企业三名培育工程" in {m.label for m in find_mentions("实施工业企业“三名”培育工程。")}


def test_an_area_of_a_zone_is_a_zone_and_county_bureaus_go_by_their_short_names():
    parks = {m.label for m in find_mentions("支持中国（湖南）自由贸易试验区长沙片区建设。") if m.cls == "Park" and not m.nested}
    assert parks == {"中国（湖南）自由贸易试验区长沙片区"}
    bodies = {m.label for m in find_mentions("县教体局、县文广旅局、市监局负责。") if m.cls == "IssuingBody"}
    assert {"县教体局", "县文广旅局"} <= bodies


def test_enumerations_after_a_quoted_whole_with_its_kind_and_items_joined_by_he():
    rels = relations("“强工业”战略包括三项工程：东扩工程、西进工程、南联工程。")
    assert {s_ for s_, p, o in rels if p == "partOf" and o == "强工业战略"} == {"东扩工程", "西进工程", "南联工程"}
    rels = relations("“双碳”行动主要包括：能源结构优化行动、工业降碳行动和城乡建设绿色行动。")
    assert {s_ for s_, p, o in rels if p == "partOf" and o == "双碳行动"} == {"能源结构优化行动", "工业降碳行动", "城乡建设绿色行动"}


def test_a_document_adopted_by_a_body_in_the_passive_is_issued_by_it():
    rels = relations("《某县促进数字经济发展若干政策》已经县政府第12次常务会议审议通过，现印发给你们。")
    assert ("某县促进数字经济发展若干政策", "issuedBy", "县政府") in rels
    rels = relations("《湖南省乡村振兴促进条例》经湖南省人民代表大会常务委员会审议通过。")
    assert ("湖南省乡村振兴促进条例", "issuedBy", "湖南省人民代表大会常务委员会") in rels
    # 经 inside a word (数字经济) opens no passive, and a zone's 经开区 keeps its 经
    assert not relations("《数字经济审定办法》印发。")
    assert "长沙经开区" in {m.label for m in find_mentions("支持长沙经开区发展。")}


def test_a_five_year_plan_period_gives_its_last_year_unless_a_figure_is_for_each_year():
    text = "某市“十四五”规划纲要\n“十四五”期间，力争完成投资8000亿元，每年新增企业500家。到“十三五”末，城镇化率达到60%。"
    got = {g[0]: g[1:3] for g in obs(text, "纲要.txt")}
    assert got["8000亿元"] == ("Target", 2025) and got["500家"] == ("Target", None)
    assert got["60%"][1] == 2020
    assert not [d for d in find_dates("“十四五”以来，全市新增就业10万人。")]


def test_what_a_places_de_introduces_lies_there():
    rels = relations("支持张店区的老旧小区整治工程和高新区建设。")
    assert ("老旧小区整治工程", "locatedIn", "张店区") in rels


def test_parts_after_ji_and_between_you_and_zucheng():
    rels = relations("“两山”工程即绿水青山工程和金山银山工程。")
    assert {s_ for s_, p, o in rels if p == "partOf" and o == "两山工程"} == {"绿水青山工程", "金山银山工程"}
    rels = relations("长株潭自主创新示范区由长沙高新区、株洲高新区和湘潭高新区组成。")
    assert {s_ for s_, p, o in rels if p == "partOf" and o == "长株潭自主创新示范区"} == {"长沙高新区", "株洲高新区", "湘潭高新区"}
    assert not relations("立即启动绿水青山工程，即将开工金山银山工程。")


def test_a_list_unified_by_a_count_of_its_own_items_belongs_to_the_name():
    labels = {m.label for m in find_mentions("实施泰山、徂徕山、汶河“三位一体”生态保护修复工程，统筹推进“五位一体”总体布局。")}
    assert "泰山、徂徕山、汶河三位一体生态保护修复工程" in labels
    # a count that is not the number of items listed unifies something else
    assert not any("、" in m.label for m in find_mentions("实施山、水“三位一体”保护修复工程。"))


def test_a_paragraph_opening_by_defining_a_term_names_it():
    text = "全年完成造林10万亩。\n交叉检查是指，由市级部门组成检查组对区县开展检查。\n林长制是指由各级党政领导担任林长。"
    found = {m.label: m.cls for m in find_mentions(text)}
    assert found.get("交叉检查") == "Policy" and found.get("林长制") == "Policy"


def test_a_short_place_name_must_stand_as_a_word():
    text = "依托沿海北部湾港口，方案经审核后由南通过专家评审，支持和田玉产业；淄博和济南、长沙与南昌合作。"
    places = {m.label for m in find_mentions(text) if m.cls == "Place"}
    assert places == {"淄博", "济南", "长沙", "南昌"}


def test_a_county_renamed_since_is_still_a_place_under_its_former_name():
    # 宁乡县 became 宁乡市 in 2017 and 萧山县 萧山区 in 1988; documents before that name them so
    text = "宁乡县人民政府、萧山县和宁乡市联合推进。"
    places = {m.label for m in find_mentions(text) if m.cls == "Place"}
    assert {"萧山县", "宁乡市"} <= places
    assert "宁乡县人民政府" in {m.label for m in find_mentions(text) if m.cls == "IssuingBody"}
    # a stem no former county had is no place: a zone's, or a word's
    assert not {m.label for m in find_mentions("开发县域经济，推进园县合作。") if m.cls == "Place"}


def test_an_annual_average_is_a_measure_not_a_target_cue():
    report = "某市2023年统计公报\n\n全市PM2.5年均浓度为45微克/立方米，年末森林覆盖率为42.8%。"
    assert {k for t, k, _, _ in obs(report) if t in ("45微克/立方米", "42.8%")} == {"Achievement"}
    plan = "某市生态环境保护三年行动计划\n\n到2025年，PM2.5年均浓度降至35微克/立方米。"
    assert kinds_of(plan, "35微克/立方米") == ["Target"]


def test_a_yearly_documents_title_gives_the_year_of_figures_that_name_none():
    bulletin = "某市2023年国民经济和社会发展统计公报\n\n某市统计局\n2024年3月20日\n\n全年地区生产总值5842.9亿元，比上年增长4.1%。\n\n年末常住人口526.1万人。"
    assert {(k, y) for _, k, y, _ in obs(bulletin)} == {("Achievement", 2023)}
    summary = "某市商务局2024年工作要点\n\n力争进出口总额增长5%以上。全年引进项目20个。"
    assert {(k, y) for _, k, y, _ in obs(summary)} == {("Target", 2024)}
    notice = "关于2023年度全市重点项目建设情况的通报\n\n二、各地完成情况\n\n越城区完成投资218亿元，完成率121.5%。"
    assert {y for _, _, y, _ in obs(notice)} == {2023}
    # a work report's title year is the year it is given; two years, or a year a span starts
    # from, name no one year covered
    for title in ("2024年某市政府工作报告", "关于某市2023年预算执行情况和2024年预算草案的报告",
                  "关于2019年以来全市污染防治情况的报告"):
        assert {y for _, _, y, _ in obs(f"{title}\n\n全市地区生产总值增长5%。")} == {None}


def test_a_central_bodys_branch_in_a_division_is_one_body():
    labels = [m.label for m in find_mentions("国家统计局襄阳调查队、国家税务总局襄阳市税务局和中国人民银行襄阳市中心支行联合发布。")
              if m.cls == "IssuingBody" and not m.nested]
    assert labels == ["国家统计局襄阳调查队", "国家税务总局襄阳市税务局", "中国人民银行襄阳市中心支行"]


def test_each_body_signing_on_a_line_of_its_own_issued_the_document():
    text = "襄阳市2023年国民经济和社会发展统计公报\n\n襄阳市统计局\n国家统计局襄阳调查队\n2024年3月20日\n\n全年地区生产总值5842.9亿元。"
    issuers = {o for s_, p, o in relations(text) if p == "issuedBy"}
    assert issuers == {"襄阳市统计局", "国家统计局襄阳调查队"}


def test_a_local_organ_after_a_verb_is_a_body_where_the_words_leave_it_whole():
    found = {m.label for m in find_mentions("认真落实省委、省政府决策部署。")}
    assert {"省委", "省政府"} <= found
    assert not find_mentions("城市委员会成立，本市委托第三方评估。")


def test_modifiers_and_verbs_inside_a_name_the_opening_verbs_govern_stay_in_it():
    text = "实施制造业重点产业链高质量发展行动，实施国有企业改革深化提升行动，加快推进老旧小区改造提升工程。"
    labels = {m.label for m in find_mentions(text)}
    assert labels == {"制造业重点产业链高质量发展行动", "国有企业改革深化提升行动", "老旧小区改造提升工程"}
    # another verb or a function word inside makes the run a clause, cut after its last verb
    assert {m.label for m in find_mentions("完成老旧小区整治并提升社区服务工程。")} == {"社区服务工程"}
    assert {m.label for m in find_mentions("各地区深化医药卫生体制改革。")} == {"医药卫生体制改革"}


def test_a_rank_or_a_level_alone_names_no_initiative_or_zone():
    text = "深化重点领域改革，专项用于国家重大战略实施，培育省级夜间经济集聚区1个，争创国家级经济技术开发区。"
    assert find_mentions(text) == []
    labels = {m.label for m in find_mentions("建设文昌湖省级旅游度假区和国家级株洲经济技术开发区。") if m.cls == "Park"}
    assert labels == {"文昌湖省级旅游度假区", "国家级株洲经济技术开发区"}


def test_a_goal_that_was_met_is_no_target_cue():
    found = obs("2023年，实际使用外资4.8亿美元，完成年度目标的120%；超额完成全年目标，增长8%。")
    assert {k for _, k, _, _ in found} == {"Achievement"}
    found = obs("2024年目标是增长5%，确保完成年度目标任务的100%。")
    assert {k for _, k, _, _ in found} == {"Target"}


def test_a_free_trade_zone_area_named_short_is_a_zone():
    found = {m.label: m.cls for m in find_mentions("襄阳自贸片区全年新增市场主体3862户，武汉自贸片区形成制度创新成果126项。")}
    assert found["襄阳自贸片区"] == "Park" and found["武汉自贸片区"] == "Park"
    assert abouts_of("襄阳自贸片区全年新增市场主体3862户。", "3862户") == ["襄阳自贸片区"]


def test_what_a_condition_of_measures_names_done_is_no_result():
    text = "某区促进集成电路产业发展若干政策实施细则\n\n第三条 对企业首次完成工程流片的，按照流片费用的30%给予补助。"
    assert kinds_of(text, "30%") == ["Target"]
    assert kinds_of("2023年，全市完成工程流片12次。", "12次") == ["Achievement"]


def test_each_body_joined_at_a_titles_head_issued_it():
    rels = relations("为深入贯彻《中共中央 国务院关于促进民营经济发展壮大的意见》，制定本措施。")
    assert {o for s_, p, o in rels if p == "issuedBy"} == {"中国共产党中央委员会", "国务院"}


def test_a_document_adopted_after_a_comma_is_issued_by_the_adopting_body_on_the_date_after():
    text = "市发展改革委牵头起草了《宁波市促进民营经济高质量发展若干措施》（以下简称《若干措施》），经市政府常务会议审议通过，于2023年11月20日正式印发。"
    assert ("宁波市促进民营经济高质量发展若干措施", "issuedBy", "市政府") in relations(text)
    ex, labels = labelled(text, "d.txt")
    dates = {(labels.get(q.subject.value), q.object.value) for q in ex.quads if q.predicate.value.endswith("issuedOn")}
    assert dates == {("宁波市促进民营经济高质量发展若干措施", "2023-11-20")}


def test_a_deadline_ahead_sets_a_target_and_one_passed_does_not():
    found = obs("某市政府工作报告\n2024年1月10日\n\n2024年底前完成全市工业园区燃气管网改造30公里。")
    assert [k for t, k, _, _ in found if t == "30公里"] == ["Target"]
    found = obs("某市政府工作报告\n2024年1月10日\n\n2022年底前完成管网改造30公里，2023年前已建成充电桩300个。")
    assert {k for _, k, _, _ in found} == {"Achievement"}


def test_an_interpretation_speaks_of_the_document_it_explains():
    text = ("《某市促进民营经济高质量发展若干措施》政策解读\n\n问：有哪些举措？\n\n答：市级财政每年安排2亿元，对小微企业贷款给予贴息。"
            "本措施自2024年1月1日起施行。")
    assert abouts_of(text, "2亿元") == ["某市促进民营经济高质量发展若干措施"]
    ex, labels = labelled(text, "j.txt")
    assert "某市促进民营经济高质量发展若干措施政策解读" in labels.values()   # the interpretation is a document too
    # questions and answers on measures explain them the same way: their rates are the measures' terms
    qa = "《某市促进新能源汽车消费若干措施》政策问答\n\n一、充电设施有哪些支持？\n\n答：按照充电设备投资额的20%给予补助。"
    assert [(k, a) for t, k, _, a in obs(qa) if t == "20%"] == [("Target", "某市促进新能源汽车消费若干措施")]


def test_a_town_names_itself_before_its_clauses_verb_but_a_title_it_wins_is_no_town():
    found = {(m.label, m.cls) for m in find_mentions(
        "长宁镇、游凤镇获评省级农业产业强镇，贞元镇入选省级现代农业园区。在南仁村、河道村开展美丽乡村示范村创建试点。")}
    assert {("长宁镇", "Place"), ("游凤镇", "Place"), ("贞元镇", "Place"), ("美丽乡村示范村创建试点", "Program")} <= found
    assert not {label for label, _ in found} & {"产业强镇", "河道村开展美丽乡村示范村创建试点"}
    assert not find_mentions("城镇完成改造，各乡镇开展试点。")


def test_a_townships_organs_are_bodies_and_its_name_stops_at_its_division():
    found = {(m.label, m.cls) for m in find_mentions("柯桥区柯岩街道办事处、杨汛桥镇人民政府和王庄镇党委联合印发。")}
    assert {("柯岩街道办事处", "IssuingBody"), ("杨汛桥镇人民政府", "IssuingBody"), ("王庄镇党委", "IssuingBody"),
            ("柯岩街道", "Place"), ("柯桥区", "Place")} <= found
    assert not find_mentions("各乡镇党委要落实，实施小城镇政府，推进新型城镇，建设梦想小镇。")
    text = "柯岩街道2023年工作总结\n\n全年新增就业1850人。\n\n柯岩街道办事处\n2024年1月15日"
    assert ("柯岩街道2023年工作总结", "issuedBy", "柯岩街道办事处") in relations(text)


def test_a_release_on_how_the_economy_ran_is_a_document_of_its_year():
    text = "2024年1—10月全市经济运行情况\n\n1—10月，全市规模以上工业增加值同比增长6.5%。\n\n市统计局\n2024年11月18日"
    assert obs(text) == [("6.5%", "Achievement", 2024, None)]
    assert ("2024年1—10月全市经济运行情况", "issuedBy", "市统计局") in relations(text)


def test_a_rule_a_sentence_cites_as_its_basis_is_not_what_its_figure_measures():
    text = ("某省财政厅关于下达2024年乡村振兴补助资金的通知\n\n"
            "根据《财政部关于印发〈乡村振兴补助资金管理办法〉的通知》（财农〔2021〕19号）等规定，现下达你们补助资金186500万元。")
    assert abouts_of(text, "186500万元") == ["某省财政厅关于下达2024年乡村振兴补助资金的通知"]
    # a document a sentence carries out is its basis too; a regime it carries out is what it measures
    text = "某区2023年政府信息公开工作年度报告\n\n2023年，全区深入贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息4852条。"
    assert abouts_of(text, "4852条") == [None]
    assert abouts_of("2023年，全面落实河湖长制，完成重点河湖生态修复1000公里。", "1000公里") == ["河湖长制"]


def test_an_inclusive_bound_keeps_a_range_and_a_comparator():
    found = qs("固定资产投资额5000万元（含）至1亿元的，按3%给予奖励；1亿元（含）以上的，占比30%（含）以上。")
    assert found[0][1:] == (Decimal(50000000), "元", Decimal(100000000), None)
    assert [q[0::4] for q in found[2:]] == [("1亿元(含)以上", "atLeast"), ("30%(含)以上", "atLeast")]


def test_a_policy_titled_as_one_states_targets_and_is_this_policy():
    text = "某某区招商引资优惠政策\n\n一、对租用标准厂房的企业，前两年按每平方米每月8元给予补贴。本政策自发布之日起施行。"
    assert obs(text) == [("8元", "Target", None, "某某区招商引资优惠政策")]


def test_a_plans_verbs_of_result_state_what_it_is_to_do_unless_time_has_passed():
    plan = "某省无废城市建设工作方案\n\n（二）推行河湖长制。全面落实河湖长制，完成重点河湖生态修复1000公里。"
    assert kinds_of(plan, "1000公里") == ["Target"]
    plan = "某省无废城市建设工作方案\n\n近年来，全省完成重点河湖生态修复800公里，已建成绿色工厂300家。"
    assert {k for _, k, _, _ in obs(plan)} == {"Achievement"}


def test_the_base_of_a_rate_is_no_figure_and_counts_of_times_keep_their_unit():
    assert [q[0] for q in qs("每千人口拥有3岁以下婴幼儿托位4.5个，每万人口发明专利拥有量达到11.4件。")] == ["4.5个", "11.4件"]
    assert [q[1:3] for q in qs("全年接诉即办1.2万件次，航班起降3.2万架次。")] == [(Decimal(12000), "件次"), (Decimal(32000), "架次")]


def test_an_adjective_in_xing_qualifies_a_name():
    assert [m.label for m in find_mentions("推进保障性安居工程。")] == ["保障性安居工程"]


def test_a_plans_name_is_no_cue_but_what_is_planned_after_it_is():
    found = obs("2023年全市共安排重点建设项目325个，年度计划投资1120亿元。")
    assert [k for t, k, _, _ in found if t == "1120亿元"] == ["Target"]
    found = obs("2023年，实施三年行动计划，完成投资50亿元。")
    assert [k for t, k, _, _ in found if t == "50亿元"] == ["Achievement"]


def test_the_land_a_zone_covers_is_no_part_of_it_and_approving_is_no_part_of_its_name():
    text = "一、同意设立湖南湘江新区。湘江新区位于长沙市湘江西岸，包括长沙市岳麓区、望城区和宁乡县部分区域，规划面积490平方公里。"
    found = {(m.label, m.cls) for m in find_mentions(text) if not m.nested}
    assert ("湖南湘江新区", "Park") in found and ("望城区", "Place") in found
    assert not {lab for lab, cls in found if cls == "Park"} - {"湖南湘江新区", "湘江新区"}
    assert abouts_of(text, "490平方公里") == ["湘江新区"]
    # the parts of a zone that are zones stay its parts
    assert {("长沙经开区", "Park"), ("望城经开区", "Park")} <= {(m.label, m.cls) for m in find_mentions("长株潭示范区包括长沙经开区、望城经开区。")}
    assert "深化改革" not in {m.label for m in find_mentions("以深化改革开放为动力。")}


def test_a_proposal_sets_targets_and_reviews_the_period_it_closes():
    text = ("中共某市委关于制定某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议\n\n"
            "（2020年12月5日中国共产党某市第十二届委员会第十次全体会议通过）\n\n"
            "“十三五”时期，全市地区生产总值突破6800亿元，年均增长7.3%。\n\n新增高速公路里程100公里以上。")
    found = {t: (k, y) for t, k, y, _ in obs(text)}
    assert found == {"6800亿元": ("Achievement", 2020), "7.3%": ("Achievement", 2020), "100公里以上": ("Target", None)}


def test_what_a_finding_says_was_disposed_of_is_a_result():
    text = "2023年，审计发现，2个县将衔接资金3860万元用于非帮扶项目。"
    assert kinds_of(text, "3860万元") == ["Achievement"]
    assert kinds_of("2024年，全市将安排衔接资金3860万元用于帮扶项目。", "3860万元") == ["Target"]


def test_what_a_meeting_decides_to_spend_is_a_target():
    assert kinds_of("会议决定，安排中央预算内投资500亿元，支持设备更新。", "500亿元") == ["Target"]
    assert kinds_of("2017年，执法决定法制审核制度覆盖120个部门。", "120个") == ["Achievement"]


def test_items_counted_off_over_semicolons_are_parts_and_a_slogans_round_number_stays_in_its_name():
    rels = relations("实施“六大工程”：一是产业基础再造工程；二是智能制造提升工程；三是绿色制造工程。")
    assert {s_ for s_, p, o in rels if p == "partOf" and o == "六大工程"} == {"产业基础再造工程", "智能制造提升工程", "绿色制造工程"}
    rels = relations("“双千计划”主要有两项内容：一是千企技改工程，二是千项专利转化工程。")
    assert {s_ for s_, p, o in rels if p == "partOf"} == {"千企技改工程", "千项专利转化工程"}


def test_a_documents_own_date_is_its_issue_date_not_the_day_it_was_adopted():
    text = ("杭州市人民政府令\n第350号\n《杭州市城市道路挖掘管理办法》已经2023年5月10日市人民政府第20次常务会议审议通过，"
            "现予公布，自2023年7月1日起施行。\n市长 姚高员\n2023年5月20日\n杭州市城市道路挖掘管理办法\n第一条 为了加强管理，制定本办法。\n")
    # (the decree that promulgates it is a document of the same date)
    assert dates_of(text) == {("杭州市城市道路挖掘管理办法", "2023-05-20"), ("杭州市人民政府令", "2023-05-20")}
    assert ("杭州市城市道路挖掘管理办法", "issuedBy", "杭州市人民政府") in relations(text)


def test_the_bodies_a_document_says_drew_it_up_issued_it_but_not_those_that_interpret_it():
    rels = relations("《某市产业基金管理办法》由市发展改革委会同市财政局制定，由市财政局负责解释。")
    assert {o for s_, p, o in rels if p == "issuedBy"} == {"市发展改革委", "市财政局"}
    assert not relations("《某市产业基金管理办法》由市财政局负责解释。")
