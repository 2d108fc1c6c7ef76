"""Authoring units as printed (``拱北海关综合统计处``) → hierarchy paths.

Rules (see :func:`parse_units`):

1. The printed text is split on ``、`` (outside quotes and brackets); each
   part is one :class:`~xianjice.extract.records.UnitRef` whose ``name`` is the part
   as printed.  A parenthetical (``信息中心 (电子通关中心)``) is an
   alternative name of the unit: kept in ``name``, left out of the path.
2. The longest gazetteer name or alias at the start gives the top
   (``总署`` → 海关总署, ``秦皇岛关校`` → 秦皇岛海关学校); then, level by
   level, the longest gazetteer child of the last organisation
   (``总署加贸司`` → 海关总署 / 加工贸易及保税监管司).  The path always
   starts at the root: ``广东分署`` → 海关总署 / 广东分署.
3. What is left is cut into sub-units after each organisation suffix
   (处, 科, 室, 局, 中心, 办, 组, 司, 厅, 部, 海关 …); a sub-unit's
   canonical name is its printed segment: ``上海海关归类分中心课题组`` →
   海关总署 / 上海海关 / 归类分中心 / 课题组, and ``广东分署缉私局办公室`` →
   海关总署 / 广东分署 / 缉私局 / 办公室.  Quoted text (“…”) is never cut.
4. A later ``、``-part that does not start with a top-level unit of its own
   (海关总署, a 分署, a 直属海关, a school) inherits the context of the part
   before it: it is looked up among the gazetteer children of the previous
   unit's ancestors, nearest first, climbing no higher than the nearest
   海关总署/分署/直属海关/school; failing that it becomes a sibling of the
   previous unit (``总署办公厅秘书二处、署长办`` → 海关总署 / 署长办公室;
   ``南京海关法规处、缉私局`` → 海关总署 / 南京海关 / 缉私局).
5. A unit whose top the gazetteer lacks is kept, with ``known=False`` and a
   path by the suffix rules.  It goes under the root only when its top
   segment names a customs body (contains 海关 or ends in 关/关校/分署/总署):
   ``某某海关课题组`` → 海关总署 / 某某海关 / 课题组, but ``星星公司研究室`` →
   星星公司 / 研究室.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from xianjice.extract.gazetteer import ANCHOR_KINDS, Gazetteer, load_gazetteer
from xianjice.extract.orgs import is_organisation
from xianjice.extract.records import Organisation, UnitRef
from xianjice.extract.script import simplified

#: Suffix → kind of a derived organisation; longest suffixes are tried first.
SUFFIX_KINDS: dict[str, str] = {
    "特派员办事处": "regional", "特派办": "regional", "分署": "regional",
    "海关学院": "school", "海关学校": "school", "关校": "school", "学院": "school", "学校": "school", "大学": "school",
    "海关": "customs",
    "课题组": "group", "工作组": "group", "小组": "group", "组": "group",
    "办公厅": "department", "厅": "department", "司": "department", "部": "department",
    "办公室": "office", "办事处": "office", "办": "office",
    "分中心": "centre", "中心": "centre",
    "分局": "bureau", "局": "bureau",
    "处": "section", "科": "section", "室": "section", "所": "section", "队": "section",
    "公司": "company",
    "人民法院": "court", "法院": "court", "法庭": "court",
    "人民检察院": "procuratorate", "检察院": "procuratorate", "分院": "branch",
    "党校": "school",
    "委员会": "committee", "市委会": "committee", "委会": "committee",
    "人民政府": "government", "税务局": "bureau", "税务分局": "bureau",
}
#: Endings that never stand alone after a cut: ``华北水利水电大学委员会`` is one unit, not 大学 › 委员会.
_BOUND_TAILS = frozenset({"委员会", "委会", "党委", "工委", "总支", "支部", "党支部", "党总支"})
_SUFFIXES = tuple(sorted(SUFFIX_KINDS, key=lambda s: (-len(s), s)))
#: Words that start with a suffix character but do not end a unit name there.
_NOT_A_CUT = frozenset({
    "处置", "处理", "处罚", "科技", "科学", "科研", "室内", "局面", "局域", "办理", "办案", "办事", "办法",
    "司法", "部门", "部署", "组织", "组建", "所得", "所属", "所有", "队伍", "厅局", "中心环",
})
#: ``中国海关…`` / ``全国海关…`` name the whole customs system, not one 海关: no cut there.
_WHOLE_SYSTEM = frozenset({"中国", "全国", "我国"})
#: Endings that make a token of three or more characters look like a unit
#: (see looks_like_unit); one-character ones need four or more characters,
#: so that person names such as 王建科 are not taken for units.
_UNIT_ENDINGS = ("课题组", "工作组", "办公室", "办公厅", "办事处", "特派办", "分中心", "海关", "关校", "分署", "总署",
                 "中心", "学院", "学校", "小组")
_SHORT_ENDINGS = ("处", "科", "室", "局", "办", "司", "厅", "部")
_PAREN = re.compile(r"[（(]([^（）()]*)[）)]")
_OPEN, _CLOSE = "“‘「『《\"", "”’」』》\""
_SPACE = re.compile(r"\s+")
_LEADERS = ".…·。．-—_ \t"


def parse_units(text: str, *, gazetteer: Gazetteer | None = None) -> tuple[UnitRef, ...]:
    """Parse a printed unit (or several joined by ``、``) into unit references.

    Parameters
    ----------
    text
        The unit as printed in a byline or table of contents.
    gazetteer
        Organisations to resolve against; the bundled one by default.

    Returns
    -------
    tuple of UnitRef
        One per non-blank ``、``-part, in print order; never raises.

    Examples
    --------
    >>> [u.path for u in parse_units("拱北海关综合统计处")]
    [('海关总署', '拱北海关', '综合统计处')]
    >>> [(u.name, u.path) for u in parse_units("总署办公厅秘书二处、署长办")]
    [('总署办公厅秘书二处', ('海关总署', '办公厅', '秘书二处')), ('署长办', ('海关总署', '署长办公室'))]
    >>> parse_units("信息中心 (电子通关中心)")[0].path
    ('海关总署', '全国海关信息中心')
    >>> parse_units("星星公司研究室")
    (UnitRef(name='星星公司研究室', path=('星星公司', '研究室'), known=False),)
    """
    g = gazetteer or load_gazetteer()
    refs: list[UnitRef] = []
    for part in split_parts(text):
        refs.append(_resolve(part, g, refs[-1] if refs else None))
    return tuple(refs)


def split_parts(text: str) -> list[str]:
    """Split on ``、`` outside quotes and brackets; parts stripped, blanks dropped.

    >>> split_parts("南京海关法规处、 风险管理处")
    ['南京海关法规处', '风险管理处']
    >>> split_parts("“制度、教育”课题组")
    ['“制度、教育”课题组']
    """
    parts, current, depth = [], [], 0
    for ch in text:
        depth = _quote_depth(ch, depth)
        if ch == "、" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def split_suffixes(text: str) -> list[str]:
    """Cut a unit name after each organisation suffix (quoted text is never cut).

    A segment is at least two characters long; whatever follows the last
    suffix is kept as a final segment.

    >>> split_suffixes("归类分中心课题组")
    ['归类分中心', '课题组']
    >>> split_suffixes("缉私局办公室")
    ['缉私局', '办公室']
    >>> split_suffixes("风险处置中心")
    ['风险处置中心']
    >>> split_suffixes("中国海关杂志社")
    ['中国海关杂志社']
    >>> split_suffixes("甘肃省人民检察院矿区分院"), split_suffixes("华北水利水电大学委员会")
    (['甘肃省人民检察院', '矿区分院'], ['华北水利水电大学委员会'])
    >>> split_suffixes("自治區高級人民法院"), split_suffixes("石嘴山市惠農區人民法院")
    (['自治區高級人民法院'], ['石嘴山市惠農區人民法院'])
    """
    printed, text = text, simplified(text)
    if len(text) != len(printed):
        text = printed
    segments, start, i, depth = [], 0, 0, 0
    while i < len(text):
        depth = _quote_depth(text[i], depth)
        suffix = None if depth else next((s for s in _SUFFIXES if text.startswith(s, i)), None)
        if suffix and i + len(suffix) - start >= 2 and not _blocked(text, i, suffix) \
                and text[i + len(suffix):] not in _BOUND_TAILS \
                and not (suffix == "海关" and text[start:i] in _WHOLE_SYSTEM):
            segments.append(printed[start:i + len(suffix)])
            start = i = i + len(suffix)
            continue
        i += 1
    if start < len(text):
        segments.append(printed[start:])
    return segments


def _blocked(text: str, i: int, suffix: str) -> bool:
    """Whether a longer ordinary word starts where ``suffix`` was found."""
    return any(len(w) > len(suffix) and text.startswith(w, i) for w in _NOT_A_CUT)


def _quote_depth(ch: str, depth: int) -> int:
    """Nesting depth of quotes and brackets after ``ch``."""
    if ch in _OPEN and ch in _CLOSE:  # a straight quote opens or closes
        return depth - 1 if depth else 1
    if ch in _OPEN or ch in "（(":
        return depth + 1
    if ch in _CLOSE or ch in "）)":
        return max(0, depth - 1)
    return depth


def kind_of(name: str) -> str:
    """The kind of a derived organisation, from the suffix of its name.

    >>> kind_of("秘书二处"), kind_of("归类分中心"), kind_of("重庆海关课题组"), kind_of("星星")
    ('section', 'centre', 'group', 'unit')
    """
    name = simplified(name)
    return next((SUFFIX_KINDS[s] for s in _SUFFIXES if name.endswith(s)), "unit")


def _core(part: str) -> tuple[str, tuple[str, ...]]:
    """The name without parentheticals and spaces, and the parenthetical names."""
    alternatives = tuple(a for a in (_SPACE.sub("", m) for m in _PAREN.findall(part)) if a)
    core = _SPACE.sub("", _PAREN.sub("", part)).strip(_LEADERS)
    if not core and alternatives:
        core, alternatives = alternatives[0], alternatives[1:]
    return core, alternatives


def _resolve(part: str, g: Gazetteer, previous: UnitRef | None) -> UnitRef:
    core, _ = _core(part)
    if not core:
        return UnitRef(name=part, path=(part,), known=False)
    top = g.match_prefix(core)
    if previous is not None and (top is None or top[0].kind not in ANCHOR_KINDS):
        return _resolve_sibling(part, core, g, previous)
    if top is not None:
        org, n = top
        return UnitRef(name=part, path=_descend(org.path, core[n:], g), known=True)
    segments = split_suffixes(core)
    root = g.root
    if root is not None and root.name == "海关总署" and _customs_body(segments[0]) and segments[0] != root.name:
        return UnitRef(name=part, path=(root.name, *segments), known=False)
    return UnitRef(name=part, path=tuple(segments), known=False)


def _resolve_sibling(part: str, core: str, g: Gazetteer, previous: UnitRef) -> UnitRef:
    context = previous.path[:-1]
    for depth in range(len(context), 0, -1):
        org = g.at(context[:depth])
        if org is None:
            continue
        child = g.match_child(org.name, core)
        if child is not None:
            return UnitRef(name=part, path=_descend(child[0].path, core[child[1]:], g), known=True)
        if org.kind in ANCHOR_KINDS:
            break
    return UnitRef(name=part, path=(*context, *split_suffixes(core)), known=previous.known)


def _descend(path: tuple[str, ...], rest: str, g: Gazetteer) -> tuple[str, ...]:
    while rest and (child := g.match_child(path[-1], rest)) is not None:
        path, rest = child[0].path, rest[child[1]:]
    return (*path, *split_suffixes(rest)) if rest else path


def _customs_body(segment: str) -> bool:
    if "海关" in segment or segment.endswith(("关校", "分署", "总署")):
        return True
    return segment.endswith("关") and not segment.endswith("机关")


def looks_like_unit(token: str, *, gazetteer: Gazetteer | None = None) -> bool:
    """Whether a byline token has the form of an organisation name.

    True for a token that starts with a gazetteer name or alias, for one of
    three or more characters ending with an organisation word (海关, 关校,
    分署, 中心, 办公室, 课题组, 学院 …) or four or more ending with a
    one-character suffix (处, 科, 室, 局, 办, 司, 厅, 部), and for a
    parenthetical around such a name; False for person names (谭武, 王建科)
    and title words.

    Examples
    --------
    >>> [looks_like_unit(t) for t in ["上海海关", "重庆海关课题组", "秦皇岛关校", "(电子通关中心)", "一室"]]
    [True, True, True, True, False]
    >>> [looks_like_unit(t) for t in ["谭武", "王建科", "几点思考", "海关大监管体系", "扮演好服务促进角色"]]
    [False, False, False, False, False]
    >>> [looks_like_unit(t) for t in ["西吉縣人民法院", "郑州市委会", "某某大学马克思主义学院"]]
    [True, True, True]
    """
    g = gazetteer or load_gazetteer()
    token = token.strip()
    if m := re.fullmatch(r"[（(]([^（）()]+)[）)]", token):
        inner = _SPACE.sub("", m.group(1))
        return bool(inner) and looks_like_unit(inner, gazetteer=g)
    token = _SPACE.sub("", token)
    if not token:
        return False
    if g.match_prefix(token) is not None:
        return True
    if (len(token) >= 3 and token.endswith(_UNIT_ENDINGS)) or (len(token) >= 4 and token.endswith(_SHORT_ENDINGS)):
        return True
    return is_organisation(token)  # courts, procuratorates, universities … in either script


def derived_organisations(units: Iterable[UnitRef], *, gazetteer: Gazetteer | None = None) -> tuple[Organisation, ...]:
    """Every organisation on the units' paths, gazetteer ones as they are.

    A path element the gazetteer does not know at that place becomes a
    derived organisation: ``kind`` from its suffix (see :func:`kind_of`),
    ``parent`` the element above it, ``path`` its path, and as aliases any
    parenthetical names printed with the unit.  Sorted by the usual order,
    then path.

    Examples
    --------
    >>> orgs = derived_organisations(parse_units("拱北海关综合统计处"))
    >>> [(o.name, o.kind, o.parent) for o in orgs]
    [('海关总署', 'headquarters', None), ('拱北海关', 'customs', '海关总署'), ('综合统计处', 'section', '拱北海关')]
    """
    g = gazetteer or load_gazetteer()
    found: dict[tuple[str, ...], Organisation] = {}
    for unit in units:
        _, alternatives = _core(unit.name)
        path = tuple(unit.path)
        for depth in range(1, len(path) + 1):
            sub = path[:depth]
            known = g.at(sub)
            if known is not None:
                found.setdefault(sub, known)
                continue
            extra = alternatives if depth == len(path) else ()
            old = found.get(sub)
            aliases = tuple(sorted(set(extra) | set(old.aliases if old else ()) - {sub[-1]}))
            found[sub] = Organisation(
                name=sub[-1],
                kind=kind_of(sub[-1]),
                parent=sub[-2] if depth > 1 else None,
                aliases=aliases,
                path=sub,
            )
    return tuple(found[p] for p in sorted(found, key=lambda p: (g.order_key(p), p)))
