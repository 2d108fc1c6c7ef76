"""One model of person names, shared by every recognizer.

A person's name is printed as

* two to four Chinese characters starting with a surname (``王绍波``), two-character
  names often padded to the width of three (``谭 武``, joined here as ``谭武``);
* a compound surname and a given name (``欧阳修``, ``司马光``);
* a minority name whose parts are joined by a middle dot (``阿依古丽·买买提``);
* Latin letters, capitalised words (``John Smith``, ``Mary-Ann O'Neil``);
* a pen name (``落落``): two to four characters with no surname, accepted only
  where a byline leaves nothing else it could be.

Surnames come from the Hundred Family Surnames and the commonest surnames of the
2020 census (``SURNAMES`` below), matched through the simplified form of the
name so that traditional names (``蘇明遠``) are read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from xianjice.extract.names import merge_padded
from xianjice.extract.script import simplified

#: Single-character surnames (simplified).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
    "金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂"
    "章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解"
    "牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
    "丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练"
    "廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉"
    "银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由仉"
)
#: Two-character surnames (simplified).
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 端木 澹台 呼延 南宫 西门 万俟 独孤 申屠 "
    "公羊 太史 东郭 百里 闻人 赫连 拓跋 第五 左丘 梁丘 微生 羊舌 乐正 司空 濮阳 淳于 单于 范姜".split()
)
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_NAME = re.compile(f"^[{_CJK}]{{2,4}}$")
_MINORITY = re.compile(f"^[{_CJK}]+(?:[·•・][{_CJK}]+)+$")
_LATIN_WORD = re.compile(r"^[A-Z][a-zA-Z'’\-]*\.?$")
_NAME_SEPARATORS = re.compile(r"\s*(?:[、，,;；/]|\s与\s|\s和\s|(?<=[" + _CJK + r"])[与和](?=[" + _CJK + r"]{2}))\s*")


def has_surname(name: str) -> bool:
    """Whether a Chinese name starts with a known surname (either script).

    >>> has_surname("王绍波"), has_surname("欧阳修"), has_surname("蘇明遠"), has_surname("落落")
    (True, True, True, False)
    """
    simple = simplified(name)
    return simple[:2] in COMPOUND_SURNAMES or simple[:1] in SURNAMES


def is_person_name(token: str, *, pen_names: bool = False) -> bool:
    """Whether *token* (spaces removed by the caller) has the form of a person's name.

    With ``pen_names=True`` two to four characters without a known surname are
    accepted too (use it only where the byline leaves nothing else).

    Examples
    --------
    >>> [is_person_name(t) for t in ("王绍波", "钱若彤", "阿依古丽·买买提", "John Smith", "落落", "海关", "党委组织部")]
    [True, True, True, True, False, False, False]
    >>> is_person_name("落落", pen_names=True)
    True
    """
    if _MINORITY.match(token):
        return len(token) <= 16
    if " " in token or _LATIN_WORD.match(token):
        words = token.split()
        return 1 <= len(words) <= 4 and all(_LATIN_WORD.match(w) for w in words)
    if not _CJK_NAME.match(token):
        return False
    from xianjice.extract.orgs import ORG_ENDINGS, is_organisation  # the two models refer to each other

    if is_organisation(token) or simplified(token) in ORG_ENDINGS:
        return False
    return has_surname(token) or pen_names


def join_latin(tokens: Iterable[str]) -> list[str]:
    """Join runs of capitalised Latin words into one name each; other tokens pass through.

    >>> join_latin(["秦皇岛关校", "John", "Smith"])
    ['秦皇岛关校', 'John Smith']
    """
    out: list[str] = []
    for t in tokens:
        if _LATIN_WORD.match(t) and out and _LATIN_WORD.match(out[-1].split(" ")[-1]) and out[-1][:1].isascii():
            out[-1] += " " + t
        else:
            out.append(t)
    return out


def split_names(text: str, *, pen_names: bool = True) -> list[str] | None:
    """The persons of a names text (``韩 颖 纪长青``, ``孔德亮与卫彩云``, ``John Smith、王五``), or ``None``.

    ``None`` when any part is not a name.  Padded two-character names are
    joined, Latin words grouped into one name.

    Examples
    --------
    >>> split_names("韩 颖 纪长青"), split_names("孔德亮与卫彩云"), split_names("John Smith、王五")
    (['韩颖', '纪长青'], ['孔德亮', '卫彩云'], ['John Smith', '王五'])
    >>> split_names("郑州市委会 周 岚") is None
    True
    """
    text = text.strip()
    if not text:
        return None
    names: list[str] = []
    for part in _NAME_SEPARATORS.split(text):
        tokens = join_latin(merge_padded(part.split()))
        for t in tokens:
            if not is_person_name(t, pen_names=pen_names):
                return None
            names.append(t)
    return names or None
