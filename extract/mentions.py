"""People and organisations named in a body (not its authors).

* A **person** is a surname, one or two more characters and a title printed
  right after: ``盛光祖署长``, ``鲁培军主任``.  Surnames and titles live in
  ``extract/data/surnames.txt`` and ``extract/data/person_titles.txt``.
* An **organisation** is a gazetteer name or alias found in the text
  (``北京海关``, ``总署`` → 海关总署), a child of it printed right after
  (``总署政治部``), or a sub-unit of a 直属海关 printed after the customs
  name or its place stem (``北京缉私局``, ``南京海关缉私局``) — resolved to a
  path through the customs (``海关总署 / 北京海关 / 缉私局``).  Generic
  department names standing alone (``政治部``, ``机关党委``) are not
  mentions: every customs has one.

Only paragraphs are read; the byline (authorship) is not a mention.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from xianjice.extract.records import Body, Mention, Organisation
from xianjice.extract.text import HAN

DATA = Path(__file__).with_name("data")
#: Sub-units printed after a customs name or its place stem.
SUB_UNITS = ("缉私分局", "缉私支局", "缉私局")
#: Characters never part of a given name in a mention (they belong to titles and prose).
_NOT_GIVEN = set("副正总主代常务的在和与及等各是为了任由对向从把被将就也都还已说指讲要会处科司局署关部办委厅室长员组党政级兼届名称作或")
#: Kinds of organisation whose name is distinctive on its own.
_PROPER_KINDS = frozenset({"headquarters", "regional", "customs", "school"})


def _data_lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@functools.cache
def _person_pattern() -> re.Pattern[str]:
    lines = _data_lines("surnames.txt")
    singles = sorted({c for line in lines if len(line) > 2 for c in line})
    compounds = sorted({line for line in lines if len(line) == 2}, key=len, reverse=True)
    titles = sorted(_data_lines("person_titles.txt"), key=lambda t: (-len(t), t))
    given = f"[{HAN}]"
    surname = "|".join([*compounds, f"[{''.join(singles)}]"])
    return re.compile(rf"(?P<name>(?:{surname}){given}{{1,2}}?)(?P<title>{'|'.join(titles)})")


def persons(text: str) -> list[tuple[str, str, int]]:
    """(name, title, offset) of each person named with a title in *text*.

    Examples
    --------
    >>> persons("盛光祖署长指出：“现在海关系统风险最大”")
    [('盛光祖', '署长', 0)]
    >>> persons("正如鲁培军主任在讲话所指，政治部主任由副关长兼任")
    [('鲁培军', '主任', 2)]
    """
    out = []
    pattern = _person_pattern()
    pos = 0
    while m := pattern.search(text, pos):
        name = m["name"]
        if _NOT_GIVEN.isdisjoint(name[1:]):
            out.append((name, m["title"], m.start()))
            pos = m.end()
        else:
            pos = m.start() + 1
    return out


@dataclass
class _Tally:
    kind: str
    name: str
    count: int
    first_line: int
    title: str | None = None
    path: tuple[str, ...] = ()


def organisations(text: str, gazetteer) -> list[tuple[str, tuple[str, ...], int]]:
    """(name, path, offset) of each organisation named in *text*.

    Examples
    --------
    >>> from xianjice.extract.gazetteer import load_gazetteer
    >>> g = load_gazetteer()
    >>> for name, path, at in organisations("北京缉私局即属于这种情况，以黄埔缉私局为代表", g):
    ...     print(name, "/".join(path), at)
    北京缉私局 海关总署/北京海关/缉私局 0
    黄埔缉私局 海关总署/黄埔海关/缉私局 14
    """
    stems = _stems(gazetteer)
    starts = _starts(gazetteer)
    out = []
    pos = 0
    while m := starts.search(text, pos):
        i = m.start()
        found = _organisation_at(text, i, gazetteer, stems)
        if found is None:
            pos = i + 1
            continue
        name, path, length = found
        out.append((name, path, i))
        pos = i + length
    return out


@functools.lru_cache(maxsize=4)
def _starts(gazetteer) -> re.Pattern[str]:
    """Where an organisation name may start: any gazetteer name or alias, or a customs place stem."""
    keys = {k for o in gazetteer.organisations for k in (o.name, *o.aliases)} | set(_stems(gazetteer))
    return re.compile("|".join(re.escape(k) for k in sorted(keys, key=lambda k: (-len(k), k))))


def _organisation_at(text: str, i: int, gazetteer, stems: dict[str, Organisation]):
    rest = text[i:]
    match = gazetteer.match_prefix(rest)
    if match is not None:
        org, n = match
        key = rest[:n]
        child = gazetteer.match_child(org.name, rest[n:])
        if child is not None:
            sub, m = child
            return sub.name, _path(gazetteer, sub), n + m
        if org.kind == "customs":
            sub = next((s for s in SUB_UNITS if rest[n:].startswith(s)), None)
            if sub:
                return key + sub, (*_path(gazetteer, org), sub), n + len(sub)
        if org.kind in _PROPER_KINDS or "总署" in key or "全国" in key or key.endswith("司"):
            return org.name, _path(gazetteer, org), n
    for stem, org in stems.items():
        if rest.startswith(stem) and rest[len(stem):len(stem) + 4].startswith(SUB_UNITS):
            sub = next((s for s in SUB_UNITS if rest[len(stem):].startswith(s)), None)
            if sub:
                return stem + sub, (*_path(gazetteer, org), sub), len(stem) + len(sub)
    return None


def _path(gazetteer, org: Organisation) -> tuple[str, ...]:
    try:
        return tuple(gazetteer.path(org.name))
    except KeyError:
        return ()


@functools.lru_cache(maxsize=4)
def _stems(gazetteer) -> dict[str, Organisation]:
    """Place stems of the customs houses (北京海关 → 北京), longest first."""
    stems = {o.name[: -len("海关")]: o for o in gazetteer.organisations
             if o.kind == "customs" and o.name.endswith("海关") and len(o.name) > 3}
    return dict(sorted(stems.items(), key=lambda item: (-len(item[0]), item[0])))


def mentions(body: Body, *, gazetteer=None) -> tuple[Mention, ...]:
    """The persons and organisations named in the paragraphs of *body*.

    Parameters
    ----------
    body
        The essay body; its byline is not read (authorship is not a mention).
    gazetteer
        An :class:`xianjice.extract.gazetteer.Gazetteer`; the bundled one by default.

    Returns
    -------
    tuple of Mention
        In order of first appearance; persons keep their title, organisations
        their gazetteer path.
    """
    if gazetteer is None:
        from xianjice.extract.gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    tallies: dict[tuple, _Tally] = {}
    order: list[tuple[int, int, tuple]] = []
    for p in body.paragraphs:
        found = [(at, ("person", name), _Tally("person", name, 0, p.lines.start, title=title))
                 for name, title, at in persons(p.text)]
        found += [(at, ("organisation", path or name), _Tally("organisation", name, 0, p.lines.start, path=path))
                  for name, path, at in organisations(p.text, gazetteer)]
        for at, key, tally in sorted(found, key=lambda f: f[0]):
            if key not in tallies:
                tallies[key] = tally
                order.append((p.lines.start, at, key))
            tallies[key].count += 1
    return tuple(Mention(kind=t.kind, name=t.name, count=t.count, first_line=t.first_line, title=t.title, path=t.path)
                 for t in (tallies[key] for _, _, key in order))
