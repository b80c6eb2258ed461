"""Entity recognition: names of documents, policies, programs, bodies, parks and places,
found by how Chinese policy text marks them.

Recognizers, strongest cue first:
- titles in 《》 are documents;
- names in “” are initiatives (or bodies, parks, places by their suffix), a suffix right
  after the closing quote (“三改一建”工程) being part of the name;
- central organs from the gazetteer (国家发改委, 国务院办公厅);
- local organs: a jurisdiction (省, 市, 县, a division's name) plus an organ suffix (市委,
  衢州市人民政府, 省政府办公厅);
- names ending in a class suffix (…工程, …行动, …制度, …产业园, …领导小组), whose start is
  found by cutting at the last function word or governing verb before the suffix;
- administrative divisions and named regions from the gazetteer.
Overlaps keep the longer mention; places, parks and bodies nested inside a longer name
are kept as nested mentions, since they are named there too.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import NameMatcher, alternation, gazetteer, read_groups, read_list, trie_regex
from .structure import HEADING, clause_start

CJK = "\u3400-\u9fff"
CN_NUM = "零〇一二两三四五六七八九十百千万"
IS_CJK = re.compile(f"[{CJK}]")
HEADING_TAIL = re.compile(f"([{CJK}]{{4,6}})(?=[。；;\n]|$)")
HEADING_AT = re.compile(HEADING.pattern, re.M)   # a heading opening the line at a given offset
IN_NAME_RUN = re.compile(f"[{CJK}A-Za-z+·]")
BRACKETED_INSIDE = re.compile(rf"[（(](?:[A-Z]{{2,6}}|(?![一二三四五六七八九十])[{CJK}]{{1,2}})[)）]$")
NUMERAL = re.compile(f"[0-9{CN_NUM}]")


@dataclass
class Mention:
    start: int
    end: int
    label: str
    cls: str            # PolicyDocument, Policy, Program, IssuingBody, Park, Place
    source: str         # which recognizer found it
    alias: str | None = None   # a shorter spelling seen with it (the quoted part)
    nested: bool = False
    self_ref: bool = False     # 本意见, 本办法: the document itself
    headword: bool = False     # the term a numbered glossary entry defines
    bare_term: bool = False    # …a headword that is only a quoted term (8.“灯塔工厂”：)


#: priority when two recognizers claim the same span
PRIORITY = {"title": 0, "central": 1, "organ": 2, "quote": 3, "self": 3, "suffix": 4, "subject": 4, "place": 5}


@lru_cache(maxsize=1)
def _patterns():
    g = gazetteer()
    body_sfx = alternation(g.organ_suffixes)
    departments = alternation(read_list("department_stems.txt"))
    return {
        "title": re.compile(r"《([^《》\n]{1,150})》"),
        "quote": re.compile(r"[“\"]([^“”\"\n]{1,40})[”\"]"),
        # 【总部企业奖】: the bracketed name of a clause of measures names what it grants
        "bracket": re.compile(r"【([^【】\n]{2,20})】"),
        # 9.耕地林地园地空间治理“一张图”：… — a numbered entry defining a quoted term: the whole
        # headword is the name, the quoted part another spelling of it
        "headword": re.compile(r"^[ \t]*\d{1,3}[.．、][ \t]*(?P<head>[^：:\n，。；,;]{2,40}?)[ \t]*[：:]", re.M),
        "central": re.compile(trie_regex(g.central)),
        "organ": re.compile(rf"(?:中共)?(?P<level>[省市县区州])(?P<suffix>{body_sfx})"),
        # 自然资源厅, 省林草局: a standard department, with or without its level in front
        "department": re.compile(rf"(?:(?<![\u3400-\u9fff])|(?<=[、，,和及与同在由经向报请]))(?:[省市县区州])?(?:{departments})(?:厅|局|委员会|委)"),
        # 接受人大依法监督、政协民主监督: the local CPPCC named without its level
        "cppcc": re.compile(r"(?:(?<![\u3400-\u9fff])|(?<=[和及与同受]))政协(?!常委|委员|主席|会议|[\u3400-\u9fff]{0,2}委员会)"),
        # 四川省第十四届人民代表大会
        "congress": re.compile(r"(?P<pre>[\u3400-\u9fff]{0,8}?)第[一二三四五六七八九十]+届(?:人民代表大会常务委员会|人民代表大会|人大常委会)"),
        "organ_after_place": re.compile(rf"(?:{departments})(?:厅|局|委员会|委)|(?:{body_sfx})"),
        "place": NameMatcher(g.places),
        "region": re.compile(alternation(g.regions)),
        "area": re.compile("片区"),
        # (a town's name ends a word: before punctuation, or before the verb of its clause)
        "town": re.compile(rf"[{CJK}]{{2,3}}(?:镇|乡|街道)(?:(?![{CJK}])|(?={alternation(VERBS_AFTER_TOWN)}))"),
        # 柯岩街道办事处, 杨汛桥镇人民政府: a township's organs
        "town_organ": re.compile(rf"(?P<town>[{CJK}]{{2,3}}(?:镇|乡|街道))(?={body_sfx})"),
        "self": re.compile(rf"本(?:政策意见|{alternation(g.document_kinds)}|政策)"),   # 本政策自发布之日起施行
        # 老旧小区整治是…“三改三建”工作的重要组成部分: the subject of a part-of statement is named
        "part_subject": re.compile(rf"(?:^|(?<=[，。；,;:：\n]))([{CJK}“”\"]{{2,16}}?)(?:是|为|作为)[^，。；\n]{{0,16}}?的(?:重要)?(?:组成部分|一部分)"),
        # a city's own zone named by its kind alone, as an item of a list: 张店区、高新区所有…
        "zone": re.compile(r"(?:^|(?<=[、:：;；\n和及与]))(高新区|经济开发区|经开区|高新技术产业开发区|新区|综合保税区|保税区)(?=[、，,。；;和及与]|$)"
                           r"|(?<=区、)(高新区|经济开发区|经开区|高新技术产业开发区|综合保税区)", re.M),  # 张店区、高新区所有…
        # “双向揭榜挂帅”：企业找技术、成果找市场“双向揭榜挂帅”的简称 — the full name a term shortens
        "full_name": re.compile(r"(?<=[:：])\s*(?P<name>[^：:，。；,;\n]{4,40}?)的(?:简称|统称)"),
        # 禁煤区, 禁燃区, 禁养区: a zone where something is prohibited is a regime, not a park
        "prohibited_zone": re.compile(r"(?:国家|省级|市级|高污染燃料)?禁[煤燃养采渔猎牧建]区"),
        # …、…等市本级创业园区: the category closing a list of zones
        "parks_listed": re.compile(rf"等(?=[{CJK}]{{0,8}}?(?:园区|开发区|产业园|工业园|科技园|创业园|集聚区)(?:[内中]|(?![{CJK}])))"),
        # 2018—2020年消除大班额规划: a plan named with its period (the period is part of the name)
        "period_plan": re.compile(rf"(?:19|20)\d\d\s*[—–~-]\s*(?:19|20)\d\d年(?P<core>[{CJK}]{{2,16}}?)(?:规划|计划)(?![{CJK}])"),
        "suffix": re.compile(
            "(?P<sfx>" + alternation(
                g.program_suffixes + g.policy_suffixes + g.park_suffixes + g.generic_body_suffixes) + ")"),
    }


@lru_cache(maxsize=1)
def _suffix_classes() -> dict[str, list[tuple[str, str]]]:
    """Class suffixes by their last character, longest first."""
    g = gazetteer()
    pairs = [(s, "IssuingBody") for s in g.generic_body_suffixes]
    pairs += [(s, "Park") for s in g.park_suffixes]
    pairs += [(s, "Policy") for s in g.policy_suffixes]
    pairs += [(s, "Program") for s in g.program_suffixes]
    by_last: dict[str, list[tuple[str, str]]] = {}
    for sfx, cls in sorted(pairs, key=lambda p: -len(p[0])):
        by_last.setdefault(sfx[-1], []).append((sfx, cls))
    return by_last


def _suffix_entry(name: str) -> tuple[str, str] | None:
    """(suffix, class) of the longest class suffix ``name`` ends with, after at least one character."""
    return next(((sfx, cls) for sfx, cls in _suffix_classes().get(name[-1:], ())
                 if name.endswith(sfx) and len(name) > len(sfx)), None)


def class_suffix(name: str) -> str | None:
    """The class suffix a name ends with (…计划 → 计划), if any."""
    entry = _suffix_entry(name)
    return entry[0] if entry else None


@lru_cache(maxsize=16384)
def class_by_suffix(name: str, default: str | None = None) -> str | None:
    """The entity class a name's ending implies (…工程 → Program, …制度 → Policy)."""
    if any(name.endswith(k) for k in gazetteer().document_kinds) and len(name) > 6 and "关于" in name:
        return "PolicyDocument"
    if re.search(rf"[{CJK}](?:\d+|[一二三四五六七八九十]+)条$", name):
        return "Policy"   # 稳增长21条, 人才新政23条: a package of measures, named by its count of articles
    entry = _suffix_entry(name)
    return entry[1] if entry else default


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def initiative_class(label: str) -> str:
    """The class of a name known to be an initiative (a quoted or glossary name): by its
    suffix, Program when none or when the suffix is a document kind's."""
    cls = class_by_suffix(label, "Program")
    if cls == "Program" and class_suffix(label) is None and REGIME_TAIL.search(label):
        return "Policy"   # “多证合一”, “两化融合”, “三免两减半”: a merger of regimes or a tax rule
    return "Program" if cls == "PolicyDocument" else cls


#: a plan named by its span after a quoted term (“大班额”三年规划)
PLAN_YEARS_AFTER = re.compile(r"[一二两三四五六七八九十\d]{1,2}年(?:行动计划|行动|规划|计划)")
#: the words after a quoted abbreviation that name the merger it stands for (“两化”深度融合)
REGIME_AFTER = re.compile(rf"[{CJK}]{{0,4}}?(?:融合|合一|整合|并轨)")
#: endings of a quoted name that make it an arrangement or rule rather than a program:
#: merging regimes (合一, 整合, 融合, 一体, 并轨, 一码) and tax relief (减半, 减免)
REGIME_TAIL = re.compile(r"(?:合一|整合|融合|一体|并轨|一码|减半|减免)$")


@lru_cache(maxsize=1)
def pos_tagger():
    """jieba's part-of-speech tagger (initialized once)."""
    import jieba.posseg

    _jieba()
    return jieba.posseg.dt


def _jieba_tag(word: str) -> str | None:
    return pos_tagger().word_tag_tab.get(word)


CONJUNCTIONS = {"和", "及", "与", "以及", "或"}


@lru_cache(maxsize=1)
def _all_suffixes() -> re.Pattern:
    g = gazetteer()
    return re.compile(f"(?:{alternation(g.program_suffixes + g.policy_suffixes + g.park_suffixes + g.generic_body_suffixes)})$")


def _ends_with_suffix(text: str) -> bool:
    return bool(_all_suffixes().search(text))


def _rejoin_stop_words(words: list[str], stop) -> list[str]:
    """Join single characters that jieba left apart back into the stop word they spell
    (经开区获批: jieba gives 区 / 获 / 批, the verb is 获批)."""
    out: list[str] = []
    for w in words:
        if out and len(w) == 1 and len(out[-1]) == 1 and out[-1] + w in stop:
            out[-1] += w
        else:
            out.append(w)
    return out


@lru_cache(maxsize=8192)
def trim_name(run: str, suffix: str, after_number: bool = False) -> str:
    """Cut a candidate run (which ends in ``suffix``) after its last function word or
    governing verb, so that 实施铸链工程 gives 铸链工程. Segmentation by jieba keeps
    words whole (和 inside 国家发展和改革委员会 is not cut)."""
    stop = gazetteer().stop_words
    if after_number:  # 5个…园区, 8项…制度: the measure word of the count is not part of the name
        run = re.sub(r"^(?:万元|亿元|元|万|亿|[个项座条家批期处所名只类种年月日号])", "", run)  # …29日某省…: a date's 日 too
    words = _rejoin_stop_words(_jieba().lcut(run[: len(run) - len(suffix)], HMM=False), stop)
    cut = joined = 0
    lead = None          # the first word after the verbs opening the run
    inside = False       # a word that may stand inside a name (重点, 提升) cut after ``lead``
    for i, w in enumerate(words):
        if w in CONJUNCTIONS:
            # 安全生产和环境污染…试点 is one name; 铸链工程和强基工程 are two; none starts with 和
            if i == 0 or _ends_with_suffix("".join(words[:i])):
                cut = joined = i + 1
            continue
        if w in stop or re.fullmatch(r"\d+年|\d+月|[0-9.]+", w) or (
                len(w) > 2 and not w.endswith("性") and any(w[j:j + 2] in stop for j in range(len(w) - 1))):
            # (保障性安居工程: an adjective in 性 qualifies the name, whatever verb it is made of)
            if lead is not None:
                if w not in IN_NAME_WORDS:
                    inside = None   # another verb or function word: the run is a clause, cut as ever
                elif inside is not None:
                    inside = True
            cut = i + 1
        elif lead is None:
            lead = i
    if lead and inside:
        # 实施国有企业改革深化提升行动, 实施制造业重点产业链高质量发展行动: what the opening verbs
        # govern is the whole name, the modifiers and verbs inside it included
        cut = max(lead, joined)
    return "".join(words[cut:]) + suffix


#: (a bare 百/千/万 is a slogan's round number, part of the name: 千项专利转化工程, 百企千村行动)
COUNT_PREFIX = re.compile(r"^(?:[一二两三四五六七八九十][一二两三四五六七八九十百千]*|\d+)[个批期项类种家所座条处](?=[\u3400-\u9fff]{2})")


def strip_count_prefix(name: str) -> str:
    """两批计划 → 计划, 五个经济园区 → 经济园区: a count in front is not part of a name
    (六大工程 keeps its 六大: 大 is not a measure word)."""
    return COUNT_PREFIX.sub("", name)


HARD_STOPS = ("由", "的", "对", "在", "向", "从", "把", "被", "经", "按", "将")
#: suffixes that make a name only right after a quoted name (“X”体系), never alone
_LIMITS = read_groups("name_limits.txt")
QUOTE_ONLY_SUFFIXES = set(_LIMITS["quote_only"])
LIST_CUES = ("包括", "包含", "分别是", "分别为", "主要有", "是指", "即", "其中")

#: suffixes that name kinds of money or support more often than named programs
WEAK_SUFFIXES = set(_LIMITS["weak"])

GENERIC_NAMES = set(_LIMITS["generic"])
GENERIC_CORES = set(_LIMITS["generic_cores"])
#: a count of marks (百分, 十分, 1000分), which before 制 makes a scale
SCORE_SCALE = re.compile(r"[一二三四五六七八九十百千万\d]+分")
IN_NAME_WORDS = set(_LIMITS["in_name"])
MODIFIED_NOUNS = tuple(sorted(_LIMITS["modified_nouns"], key=len, reverse=True))
ATTRIBUTIVE_AFTER = tuple(_LIMITS["attributive"])
POLICY_CONTINUATIONS = tuple(_LIMITS["policy_continuations"])
PROGRAM_CONTINUATIONS = tuple(_LIMITS["program_continuations"])
#: a set phrase with a classical particle: “国之大者”, “省之要事”, “有中生新”
SET_PHRASE = re.compile(r"[\u3400-\u9fff]之[\u3400-\u9fff]{1,2}|[\u3400-\u9fff]{1,2}之[\u3400-\u9fff]|[\u3400-\u9fff]中生[\u3400-\u9fff]")


#: verbs a town's name stands before as the subject of its clause (游凤镇获评…, 贞元镇入选…)
VERBS_AFTER_TOWN = ("获评", "获得", "入选", "荣获", "被评为", "被列为", "成功创建", "创建", "开展", "实施", "完成", "建成",
                    "新建", "累计", "共有", "位于", "地处")
#: verbs that launch what they govern and never stand inside its name (南仁村、河道村开展…试点)
LAUNCH_VERBS = ("开展", "启动", "举办", "组织开展")
LIST_STOPS = set(LIST_CUES) | set(HARD_STOPS) | set(LAUNCH_VERBS)


def _after_last(words: list[str], stops) -> str:
    """The words after the last of ``stops`` among them (all of them when none is)."""
    cut = max((k + 1 for k, w in enumerate(words) if w in stops), default=0)
    return "".join(words[cut:])


def strip_leading_verbs(name: str) -> str:
    """The name without the verbs in front of it (开展…试点 → …试点)."""
    stop = gazetteer().stop_words
    words = _jieba().lcut(name, HMM=False)
    k = 0
    while k < len(words) - 1 and words[k] in stop and len(words[k]) >= 2:
        k += 1
    return "".join(words[k:])


def _emphasis(inner: str, text: str, m: re.Match) -> bool:
    """A quoted word used for emphasis, not as a name: a common dictionary word (实践,
    冠军), a direction ending in 化 with no count (品牌高端化, but 五化 is a name), a plan
    period (十三五), a set phrase (国之大者), a title won (实现了“三连冠”), or a word
    describing a kind of thing (“卡脖子”技术, “三公”经费)."""
    if re.fullmatch(r"十[一二三四五六七八九]五", inner) or SET_PHRASE.fullmatch(inner):
        return True
    if text.startswith(MODIFIED_NOUNS, m.end()):
        return True
    if inner.endswith("化") and not re.search(f"[{CN_NUM}]", inner):
        return True
    if re.search(r"(?:实现了?|获得了|夺得)$", text[max(0, m.start() - 4):m.start()]):
        return True   # (获得, 荣获 and 被誉为 are honours, caught before)
    if text.startswith(LISTING, m.end()):
        return True   # “新三板”挂牌, “捆绑”上市: a market or a way of listing shares
    if not NUMERAL.search(inner) and all(w.flag == "v" for w in pos_tagger().lcut(inner, HMM=False)):
        return True   # “走出去”, “引进来”: a call to act, not a name
    freq = _jieba().dt.FREQ.get(inner, 0)
    return len(inner) <= 2 and freq > 1000


LISTING = ("挂牌", "上市")
#: what an epithet follows: 被视为全球智能制造“顶级认证”, 被誉为“天府粮仓”, 堪称“…”
DESCRIBED_AS = re.compile(r"(?:视为|誉为|(?<![简统并])称为|堪称|号称)[\u3400-\u9fff]{0,8}$")
#: what a quoted honour follows: 被评为省“隐形冠军”, 授予“文明城市”称号
HONOUR_BEFORE = re.compile(r"(?:表彰为|荣膺|荣获|获得|授予|称号|誉为|(?<![简统并])称为|评为|认定为)(?:国家级|省级|市级|国家|全国|省|市)?$")


@lru_cache(maxsize=1)
def _initiative_suffix() -> str:
    """An alternation of the suffixes that make a name a program or a policy."""
    g = gazetteer()
    return alternation(g.program_suffixes + g.policy_suffixes)


@lru_cache(maxsize=1)
def _quote_tails() -> tuple[re.Pattern, re.Pattern]:
    """The longest tail ending in a suffix at a word's end; a suffix right after the quote."""
    sfx = _initiative_suffix()
    # (“5G+工业互联网”512工程: a number right before the suffix is the name's, as in 3411工程)
    return (re.compile(rf"(?:[{CJK}]{{0,8}}|\d{{1,4}})(?:{sfx})(?:(?![{CJK}])|(?=[和及与]))"), re.compile(f"(?:{sfx}|建设)"))


@lru_cache(maxsize=1)
def _predicate_openers() -> tuple[tuple[str, ...], re.Pattern]:
    """The words that open a predicate (cues.txt), as a tuple and as one pattern."""
    words = tuple(gazetteer().cues["predicate"])
    return words, re.compile(alternation(words))


#: verbs no name runs over: those opening an enumeration or a definition
TAIL_STOP = re.compile(r"包括|包含|分别|主要有|是指|即")


def _tail_before_predicate(text: str, end: int) -> str:
    """The tail after a quote that ends in a suffix where the sentence's predicate begins
    (“一江两岸”城市更新行动完成投资…): the suffix ends a word there, by jieba's segmentation."""
    openers, opener = _predicate_openers()
    window = re.match(rf"[{CJK}]{{3,16}}", text[end:end + 16])
    if window is None or not opener.search(text, end + 2, end + 16):
        return ""
    run = window.group(0).split("的")[0]   # (“两化”深度融合各项工作的行动纲领: no name runs over 的)
    pos, best = 0, None
    for w in _jieba().lcut(run, HMM=False):
        pos += len(w)
        if pos > 12:
            break
        if class_suffix(run[:pos]) and text.startswith(openers, end + pos):
            best = pos
    return run[:best] if best else ""


def _matched(m: re.Match | None) -> str:
    return m.group(0) if m else ""


def _quote_mention(text: str, m: re.Match) -> Mention | None:
    g = gazetteer()
    inner = m.group(1).strip()
    if not inner or inner in g.idioms or re.search(r"[，。；！？,;!?]", inner):
        return None
    longest, right_after = _quote_tails()
    if not re.search(f"[{CJK}]", inner) and not (re.fullmatch(r"[0-9A-Za-z+＋]{2,12}", inner) and "+" in inner
                                                 and longest.match(text, m.end())):
        return None   # (“1+N”政策体系: a formula in quotes names only with a suffix after it)
    if HONOUR_BEFORE.search(text, max(0, m.start() - 8), m.start()) or \
            DESCRIBED_AS.search(text, max(0, m.start() - 14), m.start()):
        return None   # an honour, or an epithet (被视为全球智能制造“顶级认证”)
    end = m.end()
    label = inner
    # the longest tail that ends a word with a suffix (“衢时代”特别奖评选活动), else a suffix
    # right after the quote (“双罚”制度是指…)
    window = text[end:end + 14]
    cue = TAIL_STOP.search(window)   # “强省会”战略包括三项工程: the tail ends before an enumeration's verb
    window = window[:cue.start()] if cue else window
    tail = _matched(longest.match(window)) or _tail_before_predicate(text, end) or _matched(right_after.match(window[:6]))
    heading_tail = None if tail else HEADING_TAIL.match(text, end)
    if heading_tail and HEADING_AT.match(text, text.rfind("\n", 0, m.start()) + 1) \
            and not re.search(r"[。；;，,]", text[text.rfind("\n", 0, m.start()) + 1:m.start()]):
        # （九）鼓励“两化”深度融合。: in a heading, the words closing it after the quote are its name's
        label = inner + heading_tail.group(1)
        end += len(heading_tail.group(1))
    elif tail:
        label = inner + tail
        end += len(tail)
    elif tail := PLAN_YEARS_AFTER.match(text, end) or REGIME_AFTER.match(text, end):
        # 解决“大班额”三年规划: a plan named by its span; “两化”深度融合: the merger it abbreviates
        label = inner + tail.group(0)
        end += len(tail.group(0))
    elif _emphasis(inner, text, m) or "、" in inner or inner.count("+") >= 2:
        return None   # “创新驱动、资本撬动”: parallel phrases are a slogan unless a suffix names them
    stripped = strip_leading_verbs(label)
    if stripped != label and len(stripped) >= 4 and stripped not in GENERIC_NAMES:  # “开展…‘自审自发’试点”: the name follows the verb
        start_shift = label.index(stripped)
        label = stripped
    else:
        start_shift = 0
    cls = initiative_class(label.strip("“”\""))
    principle = re.fullmatch(r"[两三四五六七八九十]个([\u3400-\u9fff]{2,4})", label)
    if principle and _jieba_tag(principle.group(1)) in ("v", "n", "l"):
        cls = "Policy"   # “两个维护”, “四个意识”: political principles, not programs
    if inner in g.places or inner in g.central:
        return None
    start = m.start() + (1 + start_shift if start_shift else 0)
    alias = inner if label != inner and inner in label and not start_shift else None
    if not start_shift and class_suffix(label):
        modifier = _modifier_before(text, m.start())
        if modifier:   # 开展耕地林地园地空间治理“一张图”试点: the words qualifying the quote are the name's
            return Mention(m.start() - len(modifier), end, modifier + label, cls, "quote", alias=label)
    return Mention(start, end, label, cls, "quote", alias=alias)


#: openings that make the words before a quote a scope, not part of the name (我市“…”工程)
SCOPE_WORDS = re.compile(r"^(?:我|全|本|各|该|这|此|其|每|新|省|市|县|区|国家|中央)")


def _modifier_before(text: str, at: int) -> str:
    """The words right before an opening quote that qualify the name it starts, after the
    last verb or function word (实施工业企业“三名”… → 工业企业); empty when there are none."""
    i = at
    while i > 0 and at - i < 12 and IN_NAME_RUN.match(text[i - 1]):
        i -= 1
    run = text[i:at]
    if len(run) < 2 or (i > 0 and text[i - 1] == "、"):
        return ""   # the last item of a list (A、B“五证合一”) qualifies nothing
    modifier = trim_name(run + "“", "“")[:-1]
    if len(modifier) < 2 or modifier[-1] in "和及与或" or SCOPE_WORDS.match(modifier) or modifier in gazetteer().places or \
            _jieba_tag(modifier) in ("v", "vn", "d", "ad", "p", "c", "m", "r"):
        return ""
    if pos_tagger().lcut(modifier, HMM=False)[0].flag == "v":
        return ""   # 要学习运用“千村示范、万村整治”工程: verbs govern the name, they do not qualify it
    return modifier


#: what a numbered section of measures or a plan is about (1.申报条件：, 2.总体目标：): no name
SECTION_HEAD = re.compile(r"(?:条件|程序|标准|对象|范围|要求|步骤|目标|任务|原则|措施|思想|职责|分工|流程|材料|方式|期限|解释|说明|附则)$")
#: the verbs that open a study campaign's official name (深入贯彻…学习教育, 学习贯彻…主题教育)
STUDY_CAMPAIGN = re.compile(r"(?:深入学习贯彻|学习贯彻|深入贯彻)[\u3400-\u9fff]+$")


def _after_relative_clause(text: str, start: int) -> bool:
    """True when a verb and 的 stand right before ``start`` (设立的…, 认定的…)."""
    if text[start - 1:start] != "的":
        return False
    words = _jieba().lcut(text[max(0, start - 5):start - 1], HMM=False)
    return bool(words) and _jieba_tag(words[-1]) in ("v", "vn")


PERIOD_AFTER = re.compile(r"[（(](?:19|20)\d\d\s*年")


def _phrase_ends(text: str, at: int) -> bool:
    """True when the noun phrase ends at ``at``: punctuation, or a word that is no noun
    (目前, 均, 已) follows; 之一 and a head noun (试点单位) carry it on."""
    nxt = text[at:at + 4]
    if not nxt or not IS_CJK.match(nxt[0]):
        return True
    if nxt.startswith("之一"):
        return False
    first = next(iter(pos_tagger().lcut(nxt, HMM=False)), None)
    return first is not None and (first.flag[:1] not in ("n", "v") or first.flag == "vd")


def _suffix_mentions(text: str) -> list[Mention]:
    out = []
    # terms the text coins in quotes (“衢时代”): a description built on one is a name
    coined = {q for q in re.findall(rf"[“\"]([{CJK}]{{2,6}})[”\"]", text) if not _jieba().dt.FREQ.get(q)}
    pat = _patterns()["suffix"]
    for m in pat.finditer(text):
        sfx = m.group("sfx")
        end = m.end()
        nxt = text[end:end + 1]
        # a one-character suffix must end a word: 河长制 yes, 制造 or 制定 no
        if len(sfx) == 1 and nxt and IS_CJK.match(nxt) and nxt not in "、和及与的等办":
            continue
        if len(sfx) == 1 and _jieba_tag(text[max(0, end - 2):end]) in ("v", "vn", "vd"):
            continue  # 复制, 编制, 控制: a verb, not a regime
        if len(sfx) > 1 and sfx in gazetteer().policy_suffixes and text.startswith(POLICY_CONTINUATIONS, end):
            continue  # 制度性成本, 战略规划, 战略联盟: the word goes on
        if len(sfx) > 1 and sfx in gazetteer().program_suffixes and text.startswith(PROGRAM_CONTINUATIONS, end):
            continue  # 专项债券: the word goes on
        if sfx in gazetteer().park_suffixes and (sfx.endswith("区") and text.startswith("域", end)
                                                 or sfx.endswith("城") and text.startswith("市", end)):
            continue  # 合作区域, 生态城市: the word goes on
        if sfx == "计划" and re.match(r"[用在于到将从对把再内0-9一二两三四五六七八九十]", text[end:end + 1]):
            continue  # …度假区计划两年内实现无煤化: 计划 is the verb "plans to"
        if sfx.endswith(("试点", "示范")) and text.startswith(ATTRIBUTIVE_AFTER, end):
            continue  # 试点城市, 示范单位: an attribute of what follows
        # extend over a longer suffix that starts here (产业园 → 产业园区)
        if re.match(r"[（(][A-Z]{2,6}[)）]", text[end:end + 8]):
            continue  # 企业资源计划（ERP）, 计算机辅助工程（CAE）: a technique, not a program
        left = m.start()
        i = left
        while i > 0 and left - i < 24:
            if IN_NAME_RUN.match(text[i - 1]):
                i -= 1
                continue
            inner = BRACKETED_INSIDE.search(text[max(0, i - 8):i]) if text[i - 1] in "）)" else None
            if not inner:   # 首席信息官（CIO）制度, 差别化电（水）价机制: a bracketed acronym or character inside
                break
            i -= len(inner.group(0))
        run_start_after_number = i > 0 and bool(NUMERAL.match(text[i - 1]) or (
            text[i - 1] == " " and i > 1 and text[i - 2].isdigit()))   # (4000 万元资金: a spaced number)
        run = text[i:end]
        if len(run) <= len(sfx):
            continue
        # an item of an enumeration (after 、 or a colon, or opening a paragraph) is a whole
        # name: 双新双创推进行动 keeps its 推进; a run after other punctuation is a clause
        # 二、实施设备更新行动: a heading names its subject after the verbs opening it
        heading_item = i > 0 and text[i - 1] == "、" and HEADING_NUMBER.search(text, max(0, i - 6), i - 1) is not None
        list_item = not run_start_after_number and not heading_item and (
            (i > 0 and text[i - 1] == "、") or ((i == 0 or text[i - 1] in ":：\n") and text[end:end + 1] == "、")
            # a phase named with its period: …攻坚行动(2017年7月至2020年6月),专项巩固提升行动(2020年7月…)
            or ((i == 0 or text[i - 1] in "，,；;：:") and PERIOD_AFTER.match(text, end) is not None))
        opens_paragraph = i == 0 or text[i - 1] == "\n"   # 为深入贯彻落实中共中央办公厅、…: a clause, cut as one
        words = _jieba().lcut(run[: len(run) - len(sfx)], HMM=False) if list_item or heading_item else []
        if list_item and len(run) <= 20 and not opens_paragraph and not MODALS & set(words) \
                and not (words and words[0] in gazetteer().central):   # 财政部、商务部决定开展…行动: a clause
            # whole, but an enumeration cue or a preposition still cuts (广州、深圳要率先开展…试点 is a clause),
            # and so does 和 after a name (A、B行动和C行动: the list's last two items)
            joined = {w for k, w in enumerate(words) if w in CONJUNCTIONS and _ends_with_suffix("".join(words[:k]))}
            name = _after_last(words, LIST_STOPS | joined) + sfx
        elif heading_item and len(run) <= 20:
            # after its last preposition (以…为统领), less the verbs opening it; 一、双新双创推进行动 keeps its 推进
            prepositions = {w for w in words if len(w) == 1 and w in gazetteer().stop_words}
            name = strip_leading_verbs(_after_last(words, prepositions) + sfx)
        else:
            name = trim_name(run, sfx, run_start_after_number)
        name = strip_count_prefix(name)
        studied = STUDY_CAMPAIGN.search(run) if sfx in ("学习教育", "主题教育") else None
        if studied and studied.group(0).endswith(name):
            name = studied.group(0)   # 深入贯彻中央八项规定精神学习教育: a study campaign is named by what it studies
        closing = COUNTED_CLOSING.search(name[: -len(sfx)]) if list_item or re.search(r"[和及]", name) else None
        if closing and closing.start() >= 2:
            name = name[closing.start():]  # A、B、C三项制度: the list's last item is not part of the whole's name
        core = name[: -len(sfx)]
        start = end - len(name)
        if len(core) < 2 or name in GENERIC_NAMES or re.fullmatch(r"[0-9.]+", core):
            continue
        if sfx in WEAK_SUFFIXES and (len(core) < 4 or all(len(c) < 4 for c in re.split(r"[和及与、]", core))):
            continue  # 产业基金, 科技专项: too generic to be a name; so are two of them joined (农业和林业专项资金)
        if sfx in WEAK_SUFFIXES and _after_relative_clause(text, start):
            continue  # 作为发起人设立的产业投资基金: which fund a clause describes, a kind (一定金额的X基金 stays)
        if (sfx in QUOTE_ONLY_SUFFIXES and not any(c in core for c in coined)) or "等" in core:
            continue  # …体系, …模式, …政策 unquoted are descriptions (unless a term the text coins
            # in quotes is in it: 衢时代创新生态体系 where “衢时代” stands elsewhere); X等Y names a category
        cls = class_by_suffix(name)
        if cls is None:
            continue
        if cls == "IssuingBody" and name[:1] in "经由按据对向从在被" and (
                name[1:2] in "省市县区" or _place_at(name, 1)):
            name = name[1:]   # 经湖南省人民代表大会常务委员会审议: the preposition before a body is no part of it
            start += 1
        if cls == "Park" and (built := BUILT_BEFORE_PARK.match(name)) and len(name) - built.end() >= 4 \
                and len(_jieba().lcut(name, HMM=False)[0]) <= built.end():   # (建设路产业园 keeps its road)
            name = name[built.end():]   # 建设贵阳贵安国家级新区: a zone is built; its name never says so
            start = end - len(name)
            core = name[: -len(sfx)]
        # a named policy or program needs a modifier that is more than one generic word
        if cls in ("Policy", "Program") and len(core) < 2:
            continue
        if cls == "Policy" and len(core) == 2 and _jieba_tag(core) in ("v", "vn", "vd"):
            continue  # 工作机制, 保障机制, 登记制度: a kind of mechanism named by what it does
        if cls == "Policy" and core.endswith("工作") and len(core) > 3 and class_by_suffix(core[:-2]) == "Policy":
            # 河长制工作制度: the working rules of a named regime name that regime
            out.append(Mention(start, start + len(core) - 2, core[:-2], "Policy", "suffix"))
            continue
        if (cls == "Policy" and core.endswith("工作")) or core[-1] in "与和及、" or core in GENERIC_CORES \
                or RANKED_CORE.fullmatch(core):
            continue  # 信息化工作制度: working rules; 调度与计划: two nouns joined; 企业试点: whose?
            # 国家重大战略, 省重点工程: a rank, no one thing
        if cls == "Park" and (level := DESIGNATION_LEVEL.match(name)) and \
                not _place_at(name, level.end()):
            continue  # 培育省级夜间经济集聚区1个, 争创国家级经济技术开发区: a designation; a zone's name
            # names its place (文昌湖省级旅游度假区, 国家级株洲经济技术开发区)
        if LEVELS_JOINED.match(name):
            continue  # 国家和省智能制造战略: the strategies of two levels, not one name
        if "或" in core:
            continue  # 两化融合或信息化试点示范: either of two kinds, not one name
        if sfx == "制" and SCORE_SCALE.fullmatch(core):
            continue  # 考核实行百分制: a scale of marks, no regime
        if cls == "IssuingBody" and name.endswith(NOT_PUBLIC_BODIES):
            continue  # 标准化技术委员会, 业主委员会: a technical or private body, not a public authority
        if (cls == "Park" or sfx == "建设项目") and _descriptive(core):
            continue  # 现代化物流园区, 特色产业园区: a kind of zone, not one zone's name
        if sfx in ("机制", "体制", "制度") and len(core) <= 4 and len(pos_tagger().lcut(core, HMM=False)) >= 2 \
                and _descriptive(core):
            continue  # 资金筹措机制, 创新服务体制: two common words name a kind of mechanism (乡村振兴战略 is one strategy)
        if sfx in ("机制", "体制") and text[start - 1:start] == "的":
            continue  # 协调有序、监管严格的河湖管理体制: a mechanism described, not named
        if run_start_after_number and run[:1] in "个座条项家所批处类种" and start == i + 1 \
                and _phrase_ends(text, end):
            continue  # 3座高架桥工程, 8条城市道工程: instances of a kind counted (but 12家X之一 is one X,
            # and 32个X试点单位 counts the units)
        out.append(Mention(start, end, name, cls, "suffix"))
    return out


#: the number of a heading before its 、 (二、实施设备更新行动): no item of a list
HEADING_NUMBER = re.compile(r"(?:^|\n)\s*[一二三四五六七八九十]+$")
#: a core that ranks without naming (国家重大战略, 省重点工程, 市级重要项目)
RANKED_CORE = re.compile(r"(?:国家|中央|全国|省|市|县|区)?级?(?:重大|重要|重点|主要)")
#: a level opening a zone's name: the designation (省级高新区), not one zone (文昌湖省级旅游度假区)
DESIGNATION_LEVEL = re.compile(r"(?:国家|省|市|县|区)级")
#: the verbs of building a zone, which open no zone's name (建设…新区, 打造…产业园)
BUILT_BEFORE_PARK = re.compile(r"(?:加快|规划|积极)?(?:建设|打造|创建|争创|申建|设立|筹建)")
COMMON_TAGS = {"n", "vn", "v", "b", "f", "a", "ad", "an", "d", "l"}


def _descriptive(core: str) -> bool:
    """A core made only of common words of two or more characters (现代化+物流, 特色产业):
    no place, person or brand name, no unknown word. National designations keep theirs."""
    if core.startswith("国家"):
        return False
    words = [w for w in pos_tagger().lcut(core, HMM=False) if w.word not in CONJUNCTIONS]   # (研发基地和创新集聚区)
    places = gazetteer().places   # (遵义, which jieba tags a verb, is a place)
    return bool(words) and all(len(w.word) >= 2 and w.word not in places and (w.flag in COMMON_TAGS or _common_name_tagged(w.word, w.flag))
                               for w in words)


def _common_name_tagged(word: str, flag: str) -> bool:
    """智慧, 文明: frequent words jieba's dictionary tags as personal names; 研发, 环保: frequent
    abbreviations."""
    return flag in ("nr", "nrt", "j") and _jieba().dt.FREQ.get(word, 0) >= 1000


ENUM_CUE = re.compile(r"(?:是指|(?<=[”\"])\s*[:：]?\s*指|包括|包含|分别是|分别为|主要有|主要包括)\s*[:：]?")
ITEM_SPLIT = re.compile(r"[、]|(?<=[\u3400-\u9fff])(?:和|及|以及)(?=[\u3400-\u9fff])")


def _enumerated_parts(text: str, cands: list[Mention]) -> list[Mention]:
    """The items listed after an enumeration cue that follows a named initiative or park
    (“两重”是指A和B; “六横”指…，包括A、B、C等6个工程): each item names a part, of the
    whole's kind, even without a suffix of its own."""
    wholes = sorted((c for c in cands if c.cls in ("Program", "Policy", "Park") and not c.nested), key=lambda c: c.end)
    ends = [w.end for w in wholes]
    out = []
    for m in ENUM_CUE.finditer(text):
        k = bisect_right(ends, m.start()) - 1   # the nearest name ending before the cue
        if k < 0 or re.search(r"[。；;\n]", text[wholes[k].end:m.start()]):
            continue
        whole = wholes[k]
        if re.search(r"[“\"《]", text[whole.end:m.start()]):
            continue  # another name stands between
        stop = re.search(r"[，,。；;：:\n]", text[m.end():])
        segment_end = m.end() + (stop.start() if stop else len(text) - m.end())
        segment = text[m.end():segment_end]
        segment = re.sub(r"(?:等)?(?:\d+|[一二两三四五六七八九十]+)(?:个|项|大|类|条)?[\u3400-\u9fff]{0,4}$", "", segment)
        segment = re.sub(r"等$", "", segment)
        pos = m.end()
        items = ITEM_SPLIT.split(segment)
        if len(items) < 2:
            continue
        for item in items:
            at = text.find(item, pos)
            pos = at + len(item)
            name = item.strip("“”\" ")
            if not (2 <= len(name) <= 16) or not re.fullmatch(rf"[{CJK}0-9A-Za-z+·“”\"‘’]+", name):
                continue
            first = _jieba().lcut(name, HMM=False)[0]
            if first in gazetteer().stop_words and (_jieba_tag(first) or "p")[:1] in ("v", "p", "d", "c", "u", "r"):
                continue  # an item opening with a verb or function word; 重点领域… and 向家坝灌区 are names
            if whole.cls == "Park" and _territory(name):
                continue  # 湘江新区…包括长沙市岳麓区、望城区和宁乡县部分区域: the land it covers, no part of it
            cls = "Park" if whole.cls == "Park" else class_by_suffix(name, "Program")
            out.append(Mention(at, at + len(item), name, cls, "suffix"))
    out.extend(_parts_before_counted_whole(text, cands))
    return out


def _place_at(text: str, at: int, longest: int = 7) -> str | None:
    """The longest place name (of 2 to ``longest`` characters) that starts at ``at``."""
    places = gazetteer().places
    return next((text[at:at + n] for n in range(longest, 1, -1) if at + n <= len(text) and text[at:at + n] in places), None)


#: a division's name ending where the land it names ends (宁乡县 in 宁乡县部分区域)
DIVISION = re.compile(r"[\u3400-\u9fff]{1,4}?(?<!片)(?:市|区|县|旗)(?=部分|区域|地区|范围|$)")
AREA_OF = re.compile(r"(?:部分)?(?:区域|地区|范围|部分)?")


def _territory(name: str) -> bool:
    """True when ``name`` is administrative land (长沙市岳麓区, 宁乡县部分区域), not a zone of its own."""
    rest = name
    while lead := _place_at(rest, 0, longest=8):
        rest = rest[len(lead):]
    division = DIVISION.match(rest)
    if division and not rest[:division.end()].endswith(tuple(gazetteer().park_suffixes)):
        rest = rest[division.end():]   # (长沙经开区 is a zone)
    return len(rest) < len(name) and AREA_OF.fullmatch(rest) is not None


@lru_cache(maxsize=4096)
def _starts_with_verb(phrase: str) -> bool:
    first = next(iter(pos_tagger().lcut(phrase, HMM=False)), None)
    return first is not None and (first.flag[:1] in ("v", "d") or first.flag == "ad")


@lru_cache(maxsize=4096)
def _only_action(phrase: str) -> bool:
    """An adverb opens it, or it is verbs and adverbs only (坚决做到): an action, not a name."""
    words = pos_tagger().lcut(phrase, HMM=False)
    return bool(words) and (words[0].flag in ("d", "ad") or all(w.flag[:1] in ("v", "d") for w in words))


COUNTED = re.compile(r"^[一二两三四五六七八九十]+(?:大|项|个|类|种)")
#: the noun a count counts, between the count and the suffix (四类人才专项 → 人才)
COUNTED_KIND = re.compile(rf"^[一二两三四五六七八九十]+(?:大|项|个|类|种)([{CJK}]{{2}})")
#: a counted whole closing a list, before its suffix: (…审核)三项(制度), (…培育)五大(工程), 六大提升(工程)
COUNTED_CLOSING = re.compile(rf"[一二两三四五六七八九十]+(?:大|项|个|类|种)[{CJK}]{{0,2}}$")
#: two levels of government joined in front of a name (国家和省…, 省市…): a name of each level
LEVELS_JOINED = re.compile(r"^(?:(?:国家|中央|省|市)(?:和|及|与|、)(?:省|市|县|区)|省市|市县)级?(?![\u3400-\u9fff]?(?:委|政府|人大|政协))")
#: a whole that treats what the list before it names (专项治理, 集中整治, 清理): those are wrongs
REMEDIAL = re.compile(r"(?:治理|整治|清理|整顿|排查|打击)$")


#: what ends the run of a list before a counted whole or a category of zones
LIST_BREAKS = "，,。；;：:\n"


def _parts_before_counted_whole(text: str, cands: list[Mention]) -> list[Mention]:
    """A、B、C等六大提升工程 / A、B和C三项制度: the items listed right before a name that
    counts its parts are those parts."""
    out = []
    for whole in cands:
        if whole.cls not in ("Program", "Policy") or whole.nested:
            continue
        label = whole.label.strip("“”\"")
        if not COUNTED.search(label) or class_suffix(label) is None:
            continue  # (问题隐患和整改措施“两个清单”: lists counted, no initiative whose parts they are)
        first = clause_start(text, whole.start, breaks=LIST_BREAKS)
        segment = re.sub(r"等$", "", text[first:whole.start])
        items = ITEM_SPLIT.split(segment)
        if len(items) < 2:
            continue
        kind = COUNTED_KIND.match(label)
        kind = kind.group(1) if kind and class_suffix(label) and not label.endswith(kind.group(1)) else None
        if REMEDIAL.search(label):
            continue  # 拖欠企业账款、侵害企业产权…“五个专项治理”: the wrongs a campaign treats, not its parts
        pos = first
        for k, item in enumerate(items):
            at = text.find(item, pos)
            pos = at + len(item)
            name = strip_leading_verbs(item.strip("“”\" ")) if k == 0 else item.strip("“”\" ")
            if not (2 <= len(name) <= 10) or not re.fullmatch(rf"[{CJK}0-9A-Za-z+·]+", name) or _only_action(name):
                continue  # 坚决做到: an action listed, not a named part
            if kind and name.endswith(kind):
                continue  # 顶尖科技人才、…四类人才专项: kinds of the counted noun (talent), not programs
            start = at + item.index(name) if name in item else at
            out.append(Mention(start, start + len(name), name, class_by_suffix(name, whole.cls), "suffix"))
    return out


BARE_COUNTED = re.compile(rf"[一二两三四五六七八九十]+(?:大|项|个|类|种)[{CJK}]{{1,6}}")


def _named_counted_wholes(cands: list[Mention]) -> list[Mention]:
    """An unquoted count of a kind (…培育五大工程, 三项制度) describes, unless the text names it
    in full elsewhere (行政执法三项制度): only then is it a name, and its listed items its parts."""
    tails = {x[k:] for x in {c.label for c in cands if c.cls in ("Program", "Policy")} for k in range(1, len(x) - 1)}
    return [c for c in cands if not (c.source == "suffix" and BARE_COUNTED.fullmatch(c.label) and c.label not in tails)]


#: modal verbs that make a list item a clause (深圳要率先开展…): its name is trimmed as a clause's
MODALS = {"要", "应", "须", "必须", "需", "需要", "将"}
#: 各 and the levels it spans before an organ (各区（市）县政府, 各县（市、区）人民政府)
EVERY_BEFORE = re.compile(r"各[\u3400-\u9fff（）()、]{0,6}$")
#: what makes a place's name the start of an organization's (上海证券交易所, 四川大学, 浙江银行)
ORGANIZATION_AFTER = re.compile(rf"[{CJK}]{{0,6}}?(?:交易所|交易中心|大学|学院|银行|集团|股份有限公司|有限公司|公司|研究院|研究所|医院)(?![生城业化])")


#: committees that are not public authorities: standards bodies, owners' and corporate boards
NOT_PUBLIC_BODIES = ("技术委员会", "业主委员会", "业主大会", "董事会", "监事会", "理事会")
#: a quote listed with others before 等 and a kind of thing that is no initiative
#: (“科研飞地”、众创空间和孵化器等创新平台): the quote names such a thing
KIND_LISTED = re.compile(r"[、和及][^，,。；;：:“”]{0,16}?等[\u3400-\u9fff]{0,6}?(?:平台|载体|机构|企业|主体|组织|空间|基地|设施)")
#: titles and awards a province or city gives (浙江省名牌产品, 浙江省AAA级…, 浙江省标准创新贡献奖),
#: and its standards committees
TITLE_AFTER = re.compile(r"(?:名牌产品|名牌|著名商标|驰名商标|知名商号|老字号|[A]{2,3}级|[\u3400-\u9fff]{0,8}?奖(?![励金补])|[\u3400-\u9fff]{0,8}?技术委员会)")
ROAD_AFTER = re.compile(r"(?:路|大道|大街|[东南西北]延)(?!线|径|演|网|子)")


@lru_cache(maxsize=1)
def _kind_of_zone() -> re.Pattern:
    """A zone named by its kind only, with at most a level (省级以上开发区（园区）, 各类园区)."""
    kinds = alternation(gazetteer().park_suffixes)
    bracket = r"(?:[（(][^）)]{1,6}[）)])?"
    return re.compile(rf"(?:(?:(?:国家级|省级|市级|县级)(?:以上)?|各类|各级)(?:{kinds})|(?<![{CJK}])(?:{kinds})){bracket}")


def _zones_used_as_kinds(text: str, parks: list[Mention]) -> set[str]:
    """Names the text lists together with a kind of zone (省级以上开发区（园区）、小微企业园内…):
    such a term is a kind of zone too, wherever it stands."""
    kinds = _kind_of_zone()
    out = set()
    for label in {m.label for m in parks}:
        for m in re.finditer(re.escape(label), text):
            joined_before = m.start() > 0 and text[m.start() - 1] in "、和及与"
            joined_after = text[m.end():m.end() + 1] in ("、", "和", "及", "与")
            if (joined_before and any(kinds.fullmatch(text, b, m.start() - 1) for b in range(max(0, m.start() - 20), m.start() - 2))) \
                    or (joined_after and kinds.match(text, m.end() + 1)):
                out.add(label)
    return out


#: a paragraph that opens by defining an unquoted term (提级调查是指…, 河长制是指…)
DEFINED_TERM = re.compile(rf"(?m)^[ \t\u3000]*(?P<term>[{CJK}]{{2,10}})(?=是指)")
#: A、B、C“三位一体”X工程: a list unified by a count of its own items, then what it names
UNIFIED_LIST = re.compile(rf"(?P<items>(?:[{CJK}]{{1,8}}、)+[{CJK}]{{1,8}})[“\"]?(?P<n>[两三四五六七八九十])位一体[”\"]?(?P<tail>[{CJK}]{{2,14}})")


@lru_cache(maxsize=1)
def _unified_tail() -> re.Pattern:
    """The shortest run ending in an initiative suffix at a word's end (…生态文化旅游带建设工程)."""
    return re.compile(rf"[{CJK}]{{0,12}}?(?:{_initiative_suffix()})(?![{CJK}])")


def _unified_lists(text: str) -> list[Mention]:
    """齐长城、鲁山、原山“三位一体”生态文化旅游带建设工程: where the count of “N位一体” is the
    number of items listed right before it, the items are what it unifies and belong to the
    name; the name ends where its suffix does."""
    out, seen = [], set()
    for at in (k.start() for k in re.finditer("位一体", text)):   # (only around each 位一体: a rare word)
        m = UNIFIED_LIST.search(text, max(0, at - 60), at + 30)
        if m is None or m.start() in seen:
            continue
        seen.add(m.start())
        items = m.group("items").split("、")
        if len(items) != "两三四五六七八九十".index(m.group("n")) + 2:
            continue
        tail = _unified_tail().match(text, m.start("tail"), m.start("tail") + 16)
        if tail is None:
            continue
        first = strip_leading_verbs(items[0])   # (实施泰山、…: the verb opening the list is no item)
        start = m.start() + len(items[0]) - len(first)
        label = re.sub(r"[“”\"]", "", text[start:tail.end()])
        out.append(Mention(start, tail.end(), label, class_by_suffix(label, "Program"), "quote"))
    return out


def _parks_listed(text: str) -> list[Mention]:
    """258、小微企业园、海创园等市本级创业园区: the items of a list a category of zones closes
    are zones, unless their words are common (光伏、储能等产业园区 lists industries)."""
    out = []
    places = gazetteer().places
    for m in _patterns()["parks_listed"].finditer(text):
        pos = clause_start(text, m.start(), breaks=LIST_BREAKS)
        for item in ITEM_SPLIT.split(text[pos:m.start()]):
            at = text.find(item, pos)
            pos = at + len(item)
            # 对入驻X: the preposition and then the verbs after it are no part of the name
            name = strip_leading_verbs(_after_last(_jieba().lcut(item.strip("“”\" "), HMM=False), HARD_STOPS))
            if 2 <= len(name) <= 12 and re.fullmatch(rf"[{CJK}0-9A-Za-z]+", name) and name not in places \
                    and not _descriptive(name) and not _starts_with_verb(name):
                start = at + item.index(name)
                out.append(Mention(start, start + len(name), name, "Park", "suffix"))
    return out


DEVELOPMENT_ZONE = re.compile(r"(?:新区|开发区|高新区|经开区|保税区|试验区|自由贸易港)$")


def _zone_or_place(name: str) -> str:
    """天府新区, 雄安新区: a division or region that is a zone designated for development is
    a Park (GUIDELINES: new districts, development zones, bonded zones), else a Place."""
    return "Park" if DEVELOPMENT_ZONE.search(name) else "Place"


def _word_at(text: str, start: int, end: int) -> bool:
    """True when jieba's segmentation of the text around [start, end) has word ends at both."""
    lo = max(0, start - 3)
    ends, pos = {lo}, lo
    for w in _jieba().lcut(text[lo:end + 3], HMM=False):
        pos += len(w)
        ends.add(pos)
    return start in ends and end in ends


def _in_idiom(text: str, start: int, end: int, idioms: set[str]) -> bool:
    """True when the span lies inside a four-character idiom of the text (长治 in 长治久安)."""
    for b in range(max(0, end - 4), start + 1):
        if text[b:b + 4] in idioms:
            return True
    return False


TOWN_SUFFIX = re.compile(r"(?:镇|乡|街道)$")


def _town_name(run: str) -> str | None:
    """A township's name at the end of ``run`` (2–3 characters and 镇, 乡 or 街道), less the
    verbs before it and the division it lies in (柯桥区柯岩街道 → 柯岩街道); None for common
    words (城镇, 乡镇), characteristic towns (梦想小镇, a development platform) and titles a
    town is given (产业强镇, 历史文化名镇)."""
    sfx = TOWN_SUFFIX.search(run).group(0)
    name = trim_name(run, sfx)
    if len(name) - len(sfx) == 3 and name[0] in "省市县区州旗盟":
        name = name[1:]
    core = name[: -len(sfx)]
    if len(core) < 2 or name.endswith(("小镇", "城镇", "强镇", "名镇", "重镇", "大镇", "强乡", "名乡")) \
            or core in gazetteer().stop_words or name in ("乡镇", "村镇", "集镇") \
            or re.search(r"[乡镇村各全本该每]", core):
        return None
    return name


def find_mentions(text: str) -> list[Mention]:
    """All entity mentions in ``text`` (normalized), non-overlapping except for nested
    places, parks and bodies, in text order."""
    p = _patterns()
    g = gazetteer()
    cands: list[Mention] = []
    for m in p["title"].finditer(text):
        label = m.group(1).strip()
        if label:
            cands.append(Mention(m.start(), m.end(), label, "PolicyDocument", "title"))
    quotes = [q for q in p["quote"].finditer(text) if not KIND_LISTED.match(text, q.end())]
    # a term the text calls an honour somewhere (被评为省“隐形冠军”) is an honour everywhere
    honours = {q.group(1).strip() for q in quotes if HONOUR_BEFORE.search(text, max(0, q.start() - 8), q.start())}
    for m in quotes:
        mention = None if m.group(1).strip() in honours else _quote_mention(text, m)
        if mention:
            cands.append(mention)
    for m in p["headword"].finditer(text):
        head = m.group("head")
        quoted = re.findall(r"[“\"]([^“”\"]+)[”\"]", head)
        outside = re.sub(r"[“\"][^“”\"]*[”\"]", "", head)
        if not quoted and class_by_suffix(head, "Program") in ("Program", "Policy") \
                and not re.search(r"[和及与、《》“”]", head) and not _starts_with_verb(head) \
                and head not in g.places and head not in g.central and len(head) <= 16 \
                and (class_suffix(head) or not (_descriptive(head) or SECTION_HEAD.search(head))):
            cands.append(Mention(m.start("head"), m.end("head"), head, class_by_suffix(head, "Program"), "quote",
                                 headword=True))
            continue  # 6.六大科技专项：, 19.医保影像云：… the initiative a glossary entry defines
        if len(quoted) == 1 and not outside.strip():   # 8.“灯塔工厂”：… the quoted term is the headword
            inner = quoted[0].strip()
            if re.search(f"[{CJK}]", inner) and "、" not in inner:
                cands.append(Mention(m.start("head"), m.end("head"), inner, initiative_class(inner),
                                     "quote", headword=True, bare_term=True))
            continue
        if len(quoted) != 1 or re.search(r"[和及与、]", outside) or re.search(r"[《》]", head):
            continue  # one quoted term in a longer headword; two names joined (A和“B”计划) are left alone
        label = head.replace("“", "").replace("”", "").replace('"', "")
        inner = quoted[0].strip()
        cands.append(Mention(m.start("head"), m.end("head"), label, initiative_class(label),
                             "quote", alias=inner if re.search(f"[{CJK}]", inner) else None, headword=True))
    for m in DEFINED_TERM.finditer(text):   # 提级调查是指，…: a paragraph defining a term opens with it
        term = m.group("term")
        if term not in GENERIC_NAMES and term not in g.places and term not in g.central \
                and class_by_suffix(term, "Program") in ("Program", "Policy"):
            # with no program suffix (工程, 行动, 试点…), a term defined is a practice or regime: a Policy
            cls = initiative_class(term) if class_suffix(term) else "Policy"
            cands.append(Mention(m.start("term"), m.end("term"), term, cls, "quote"))
    for m in p["bracket"].finditer(text):
        inner = m.group(1).strip()
        if re.search(f"[{CJK}]", inner) and not re.fullmatch(r"[第\d一二三四五六七八九十百]+[条章节款]?", inner):
            cands.append(Mention(m.start() + 1, m.end() - 1, inner, class_by_suffix(inner, "Program"), "quote"))
    for m in p["central"].finditer(text):
        if m.group(0).endswith("部") and text.startswith("门", m.end()):
            continue  # 财政部门: a department of any level, not the ministry
        cands.append(Mention(m.start(), m.end(), m.group(0), "IssuingBody", "central"))
    for m in p["organ"].finditer(text):
        prev = text[m.start() - 1] if m.start() > 0 else ""
        if prev and IS_CJK.match(prev) and prev not in "我和及与由经在的被为将、照据按向对从受请报" \
                and not _word_at(text, m.start(), m.end()):
            continue   # 城市委员会, 本市委托; but 落实省委、省政府部署 (jieba leaves 省委 whole)
        if EVERY_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # 各区（市）县政府: every such body, no one body
        cands.append(Mention(m.start(), m.end(), m.group(0), "IssuingBody", "organ"))
    for m in p["department"].finditer(text):
        cands.append(Mention(m.start(), m.end(), m.group(0), "IssuingBody", "organ"))
    for m in p["cppcc"].finditer(text):
        cands.append(Mention(m.start(), m.end(), m.group(0), "IssuingBody", "organ"))
    for m in p["congress"].finditer(text):  # 四川省第十四届人民代表大会: the division in front belongs to it
        pre = m.group("pre")
        lead = next((pre[k:] for k in range(len(pre)) if pre[k:] in g.places or pre[k:] in "省市县区"), "")
        start = m.start("pre") + len(pre) - len(lead)
        cands.append(Mention(start, m.end(), text[start:m.end()], "IssuingBody", "organ"))
    place_matches = list(p["place"].finditer(text))
    central_ends = {c.end: c.start for c in cands if c.source == "central"}
    for m in place_matches:  # 衢州市人民政府, 中共四川省委: a division's name plus an organ suffix
        sm = p["organ_after_place"].match(text, m.end())
        if sm:
            start = m.start() - 2 if text[max(0, m.start() - 2):m.start()] == "中共" else m.start()
            # 国家统计局襄阳调查队, 国家税务总局襄阳市税务局: a central body's branch in a division
            start = central_ends.get(start, start)
            cands.append(Mention(start, sm.end(), text[start:sm.end()], "IssuingBody", "organ"))
    for m in re.finditer(r"(?:(?<![\u3400-\u9fff])|(?<=[照据由经在]))([省市县区])委[、和及]\1(?!委|政府|人民|人大|政协|[\u3400-\u9fff]{0,2}(?:厅|局|办))", text):
        start = m.end() - 1   # 市委、市在实施: "市" stands for 市政府 (texts drop words)
        cands.append(Mention(start, start + 1, m.group(1), "IssuingBody", "organ"))
    for m in p["self"].finditer(text):
        cands.append(Mention(m.start(), m.end(), m.group(0), "PolicyDocument", "self", self_ref=True))
    cands.extend(_suffix_mentions(text))
    cands = _named_counted_wholes(cands)
    cands.extend(_enumerated_parts(text, cands))
    for m in p["full_name"].finditer(text):
        label = re.sub(r"[“”\"]", "", m.group("name"))
        if re.search(r"[“\"]", m.group("name")) or class_suffix(label):   # a name, not a description
            cands.append(Mention(m.start("name"), m.end("name"), label, initiative_class(label), "quote"))
    listed_parks = _parks_listed(text)
    kinds = _zones_used_as_kinds(text, listed_parks)
    cands.extend(m for m in listed_parks if m.label not in kinds)
    cands.extend(_unified_lists(text))
    for m in p["prohibited_zone"].finditer(text):
        cands.append(Mention(m.start(), m.end(), m.group(0), "Policy", "suffix"))
    for m in p["period_plan"].finditer(text):
        if not re.search(r"[的和及与、]", m.group("core")) and m.group("core") not in GENERIC_NAMES:
            cands.append(Mention(m.start(), m.end(), m.group(0), "Program", "suffix"))
    for m in p["zone"].finditer(text):
        k = 1 if m.group(1) else 2
        cands.append(Mention(m.start(k), m.end(k), m.group(k), "Park", "suffix"))
    for m in p["part_subject"].finditer(text):
        name = trim_name(m.group(1).strip("“”\""), "")
        name = re.sub(r"^(?:我市|我省|我县|我区|全市|全省|该|这|此)", "", name)
        if len(name) >= 2 and name not in GENERIC_NAMES:
            start = text.index(name, m.start(1))
            cands.append(Mention(start, start + len(name), name, class_by_suffix(name, "Program"), "subject"))
    for m in place_matches:
        if m.end() - m.start() == 2 and _in_idiom(text, m.start(), m.end(), g.idioms):
            continue
        if m.end() - m.start() == 2 and g.places[m.group(0)].name != m.group(0) and not _word_at(text, m.start(), m.end()):
            continue  # 沿海北部湾, 南通过, 三明治: a short name the words around it do not leave whole
        if ORGANIZATION_AFTER.match(text, m.end()) or ROAD_AFTER.match(text, m.end()) or TITLE_AFTER.match(text, m.end()):
            continue  # 上海证券交易所, 上海路北延, 浙江省名牌产品: an organization, a road or a title, not scored
        if text[m.start() - 1:m.start()] in "“\"" and m.start() > 0 and IS_CJK.match(text[m.end():m.end() + 1] or "x"):
            continue  # “浙江制造”团体标准: the place begins a quoted name
        cands.append(Mention(m.start(), m.end(), m.group(0), _zone_or_place(m.group(0)), "place"))
    for m in p["region"].finditer(text):
        cands.append(Mention(m.start(), m.end(), m.group(0), _zone_or_place(m.group(0)), "place"))
    zone_ends = {c.end: c for c in cands if c.cls == "Park"}
    for m in p["area"].finditer(text):   # 火车站南广场片区: a named area of a city
        zone = next((zone_ends[k] for k in range(m.start() - 4, m.start() - 1) if k in zone_ends
                     and re.fullmatch(rf"[{CJK}]+", text[k:m.start()])
                     and trim_name(text[k:m.end()], "片区") == text[k:m.end()]), None)   # (…试验区涵盖郑州片区: a clause)
        if zone is not None:   # 中国（浙江）自由贸易试验区杭州片区: an area of a zone is a zone
            cands.append(Mention(zone.start, m.end(), text[zone.start:m.end()], "Park", "suffix"))
            continue
        run = re.search(rf"[{CJK}]{{2,10}}$", text[max(0, m.start() - 10):m.start()])
        if run is None or re.search(r"[一二两三四五六七八九十]个$", run.group(0)):
            continue   # (…洛阳片区三个片区: a count of areas, no name)
        name = trim_name(run.group(0) + "片区", "片区")
        if len(name) >= 4 and not _descriptive(name[:-2]):
            cands.append(Mention(m.end() - len(name), m.end(), name, "Place", "place"))
    for m in p["town_organ"].finditer(text):   # 柯岩街道办事处, 王庄镇党委
        town = _town_name(m.group("town"))
        sm = p["organ_after_place"].match(text, m.end())
        if town and sm:
            start = m.end() - len(town)
            cands.append(Mention(start, sm.end(), text[start:sm.end()], "IssuingBody", "organ"))
            cands.append(Mention(start, m.end(), town, "Place", "place"))
    for m in p["town"].finditer(text):
        name = _town_name(m.group(0))
        if name:
            cands.append(Mention(m.end() - len(name), m.end(), name, "Place", "place"))
    found = resolve_overlaps(cands)
    return _with_nested_names(found)


NOTICE_OF = re.compile(r"^(?P<pre>.{0,40}?关于(?:印发|转发|颁布|发布)《?)(?P<doc>[^《》]{4,80}?)》?的(?:通知|决定)$")


def _with_nested_names(mentions: list[Mention]) -> list[Mention]:
    """The names inside other names that are entities of their own: the measures a notice
    issues (《关于印发衢州市政府产业基金管理暂行办法的通知》) and the rule a study campaign
    studies (深入贯彻中央八项规定精神学习教育)."""
    out = []
    for m in mentions:
        out.append(m)
        nm = NOTICE_OF.match(m.label) if m.cls == "PolicyDocument" and m.source == "title" else None
        if nm:
            start = m.start + 1 + nm.end("pre")   # past 《 and the words before the inner title
            out.append(Mention(start, start + len(nm.group("doc")), nm.group("doc"), "PolicyDocument", "title",
                               nested=True))
        rule = STUDIED_RULE.search(m.label) if m.cls == "Program" and m.label.endswith(("学习教育", "主题教育")) else None
        if rule:   # 深入贯彻中央八项规定精神学习教育 also names the rule it studies, 中央八项规定
            start = m.start + rule.start("rule")
            out.append(Mention(start, start + len(rule.group("rule")), rule.group("rule"), "Policy", "suffix",
                               nested=True))
    return out


#: the regulation a study campaign carries out (贯彻中央八项规定精神…): a rule, not a meeting
STUDIED_RULE = re.compile(r"贯彻(?P<rule>[\u3400-\u9fff]{2,16}?(?:规定|条例|准则))精神")


def resolve_overlaps(cands: list[Mention]) -> list[Mention]:
    """Longest mention first; a mention may nest inside a longer name only when it is a
    place, park or body inside a document, initiative, park or body name. Character
    ownership is tracked per position, so this is linear in the text covered."""
    cands.sort(key=lambda c: (-(c.end - c.start), PRIORITY[c.source], not c.headword, c.start))
    owner: dict[int, Mention] = {}
    nested_at: set[int] = set()
    taken: list[Mention] = []
    for c in cands:
        owners = {id(owner[i]): owner[i] for i in range(c.start, c.end) if i in owner}
        if not owners:
            for i in range(c.start, c.end):
                owner[i] = c
            taken.append(c)
            continue
        if len(owners) == 1:
            other = next(iter(owners.values()))
            if (other.start, other.end) == (c.start, c.end) or (c.end == other.end and c.cls == other.cls):
                continue  # the same name found twice, or its own tail (省第…委员会 in 某省第…委员会)
            if (other.start <= c.start and c.end <= other.end and c.cls in ("Place", "Park", "IssuingBody")
                    and other.cls in ("PolicyDocument", "Program", "Policy", "Park", "IssuingBody")
                    and not (other.cls == "PolicyDocument" and c.cls != "IssuingBody")
                    and not any(i in nested_at for i in range(c.start, c.end))):
                c.nested = True
                nested_at.update(range(c.start, c.end))
                taken.append(c)
    taken.sort(key=lambda c: (c.start, -c.end))
    return taken
