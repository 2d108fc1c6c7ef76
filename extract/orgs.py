"""One model of organisation names, shared by every recognizer.

An organisation is told by the word its name ends with: the kind of
institution (法院, 检察院, 大学, 学院, 税务局, 委员会, 海关 …, the suffix
table :data:`ORG_ENDINGS`), matched through the simplified form so that
``自治區高級人民法院`` is read like ``自治区高级人民法院``.  A name ending in a
one-character word (局, 处, 部, 院 …) needs four characters or more, or three when
its first two are an office's function (规划局, 教务处: :data:`FUNCTION_WORDS`), so
that a person such as 王建科 is never an organisation; a name that is a person's
(:func:`xianjice.extract.persons.is_person_name`) never is one either way round.
"""

from __future__ import annotations

import re

from xianjice.extract.script import simplified

#: Words that end an organisation's name, by institution (simplified).
ORG_ENDINGS = (
    # courts, procuratorates, public security
    "人民法院", "法院", "法庭", "人民检察院", "检察院", "分院", "检察室", "公安局", "派出所", "司法局",
    # universities and schools
    "大学", "学院", "学校", "关校", "中学", "小学", "研究院", "研究所", "研究会", "研究中心", "党校", "书院",
    # party, people's congress, CPPCC, democratic parties
    "委员会", "市委会", "省委会", "区委会", "委会", "党委", "党组", "总支", "支部", "工委", "纪委", "政协", "人大",
    "组织部", "宣传部", "统战部",
    # government
    "人民政府", "政府", "税务局", "税务分局", "海关", "分署", "总署", "办公厅", "办公室", "办事处", "特派办",
    "管委会", "管理局", "监督局", "文化馆", "图书馆", "博物馆", "文联", "作协", "工会", "妇联", "团委", "协会", "学会",
    # companies, groups and teams
    "有限公司", "公司", "集团", "银行", "医院", "课题组", "工作组", "小组", "中心", "分中心", "杂志社", "报社",
    "出版社", "电视台", "电台",
)
#: One-character endings: accepted at four characters or more (王建科 is a person).
SHORT_ENDINGS = ("局", "处", "科", "室", "部", "院", "所", "厅", "司", "办", "站", "队", "馆", "会", "社", "校", "委", "庭", "团")
_ENDINGS = tuple(sorted(ORG_ENDINGS, key=len, reverse=True))
#: Two-character words of an office's function (规划, 民政, 教务 …): with a one-character ending they make a
#: three-character organisation (规划局, 教务处, 发改委) that is not a person's name.
FUNCTION_WORDS = frozenset(
    "规划 民政 财政 教育 文化 审计 统计 商务 林业 水利 农业 交通 城管 体育 档案 信访 人社 住建 卫健 发改 环保 粮食 旅游 文旅 "
    "科技 工信 司法 国土 物价 外事 侨务 民宗 宗教 气象 地震 水务 园林 市政 房管 税务 公安 海事 边检 应急 医保 退役 "
    "组织 宣传 统战 人事 教务 科研 财务 保卫 后勤 学工 研工 基建 资产 国资 外联 招生 就业 政研 法规 法制 政治 信息 技术 "
    "行政 综合 办公 监察 纪检 团工 工会 妇工 老干 离退 督查 研究 调研 编辑 党政 党群 机关 审管 立案 执行 刑事 民事".split()
)
#: Place words that start a name (省, 市, 县 …): ``陇县法院`` is a court.
PLACE = re.compile(r"^[\u3400-\u9fff]{1,8}?(?:自治区|自治州|自治县|特别行政区|省|市|县|区|州|盟|旗|镇|乡)")
_SPACE = re.compile(r"\s+")
#: Role words printed between a unit and a person (某某法院法官王五, 我院干警钱若彤).
_ROLE = re.compile(r"^(?:干警|法官|检察官|助理|书记员|民警|教师|老师|教授|副教授|讲师|学生|研究生|博士生|同志|工作人员|职工|干部"
                   r"|党员|院长|副院长|庭长|副庭长|检察长|副检察长|局长|副局长|处长|科长|主任|副主任|书记|副书记|部长)+")
#: What marks a title, never a unit's name: 的, a title's opening word, or a last word that merely ends
#: like an institution (心得体会 ends in 会, 法治社会 in 社会).
_TITLE_FORM = re.compile(r"的|^(?:关于|论|浅谈|浅析|试论|略论|再论|如何)|(?:体会|社会|机会|领会|误会|约会|聚会)$")
_SELF = re.compile(r"^(?:我|本)(?:院|校|局|委|会|部|厅|市|县|区|单位|中心)")


def organisation_ending(text: str) -> str | None:
    """The institution word *text* ends with (simplified), or ``None``.

    >>> organisation_ending("金台法院"), organisation_ending("华北水利水电大学委员会"), organisation_ending("王建科")
    ('法院', '委员会', None)
    """
    simple = simplified(_SPACE.sub("", text))
    if _TITLE_FORM.search(simple):
        return None
    for ending in _ENDINGS:
        if simple.endswith(ending) and (len(simple) > len(ending) or len(simple) >= 3):
            return ending  # 图书馆, 组织部 alone: a unit named by its institution word (three characters or more)
    if simple.endswith(SHORT_ENDINGS) and (len(simple) >= 4 or (len(simple) == 3 and simple[:2] in FUNCTION_WORDS)):
        return simple[-1]
    return None


def is_organisation(text: str) -> bool:
    """Whether *text* has the form of an organisation's name.

    Examples
    --------
    >>> [is_organisation(t) for t in ("陇县法院", "自治區高級人民法院", "郑州市委会", "党委组织部", "甘肃省人民检察院矿区分院")]
    [True, True, True, True, True]
    >>> [is_organisation(t) for t in ("王建科", "钱若彤", "几点思考", "李局")]
    [False, False, False, False]
    >>> [is_organisation(t) for t in ("规划局", "民政局", "教务处", "发改委", "文化局", "王建局")]
    [True, True, True, True, True, False]
    >>> [is_organisation(t) for t in ("图书馆", "组织部", "工会", "法院")]
    [True, True, False, False]
    >>> [is_organisation(t) for t in ("关于学习新思想的体会", "建设更高水平的法治社会", "论检察委员会", "中国法学会")]
    [False, False, False, True]
    """
    return organisation_ending(text) is not None


def split_unit_person(text: str) -> tuple[str, list[str]]:
    """Split a unit glued to its persons (``陇县法院钱若彤``) into the unit and the persons.

    The unit ends at the last institution word after which the rest reads as
    persons (one or more names joined by 与, 和 or 、); ``("", persons)`` when
    the whole text is persons, ``(text, [])`` when no cut works.

    Examples
    --------
    >>> split_unit_person("陇县法院钱若彤"), split_unit_person("金台法院孔德亮与卫彩云")
    (('陇县法院', ['钱若彤']), ('金台法院', ['孔德亮', '卫彩云']))
    >>> split_unit_person("方舟"), split_unit_person("金台法院")
    (('', ['方舟']), ('金台法院', []))
    >>> split_unit_person("某某县人民法院法官王五"), split_unit_person("我院干警钱若彤")
    (('某某县人民法院', ['王五']), ('', ['钱若彤']))
    """
    from xianjice.extract.persons import split_names

    text = _SPACE.sub("", text)
    simple = simplified(text)
    if len(simple) != len(text):
        simple = text
    if is_organisation(text):
        return text, []
    if m := _SELF.match(simple):  # 我院干警… : the publishing institution itself, no unit printed
        persons = split_names(_ROLE.sub("", text[m.end():]), pen_names=True)
        if persons:
            return "", persons
    for cut in range(len(text) - 2, 1, -1):
        head = simple[:cut]
        if organisation_ending(head) is None:
            continue
        rest = text[cut:]
        role = _ROLE.match(simple[cut:])
        persons = split_names(rest[role.end():] if role else rest, pen_names=bool(role))
        if persons:
            return text[:cut], persons
    persons = split_names(text, pen_names=True)
    return ("", persons) if persons else (text, [])
