"""The gazetteer of China Customs organisations, read from a data file.

The bundled file ``extract/data/gazetteer.csv`` holds one organisation per
row: 海关总署 (the root), its departments and centres, 广东分署 and the
特派办, the 直属海关 and the customs schools, each with its kind, parent,
aliases (``|``-separated), city, province, ``order`` and English name.
Lines starting with ``#`` and blank lines are ignored.

``order`` gives the customs system's usual order of units (the order in
which a compilation lists its essays within a tier): 广东分署 first, then
the 直属海关 in their official sequence, then the schools, then the
departments of 海关总署, then 驻海关总署监察局, then the centres.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from xianjice.errors import LexiconError
from xianjice.extract.records import Organisation

COLUMNS = ("name", "kind", "parent", "aliases", "city", "province", "order", "english")
KINDS = frozenset({
    "headquarters", "regional", "customs", "school", "department", "bureau", "centre",
    "office", "section", "group", "company", "unit",
    # other institutions (a domain gazetteer given with --gazetteer)
    "court", "procuratorate", "branch", "university", "committee", "government",
})
#: Kinds that own their departments: a 、-joined unit never climbs above them.
ANCHOR_KINDS = frozenset({"headquarters", "regional", "customs", "school", "court", "procuratorate", "university",
                          "committee", "government"})
#: Order given to a path element the gazetteer does not know (sorts last).
UNKNOWN_ORDER = 10**6


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """A frozen set of organisations with lookups by name, alias and prefix.

    Build it with :func:`load_gazetteer` (or :meth:`from_organisations`).

    Examples
    --------
    >>> g = load_gazetteer()
    >>> g.get("总署").name
    '海关总署'
    >>> g.path("加贸司")
    ('海关总署', '加工贸易及保税监管司')
    >>> org, length = g.match_prefix("拱北海关综合统计处")
    >>> org.name, length
    ('拱北海关', 4)
    >>> g.order_key(("海关总署", "广东分署")) < g.order_key(("海关总署", "北京海关"))
    True
    """

    organisations: tuple[Organisation, ...]
    source: str
    _index: Mapping[str, Organisation]
    _children: Mapping[str, Mapping[str, Organisation]]
    _longest: int

    @classmethod
    def from_organisations(cls, organisations: Iterable[Organisation], *, source: str = "<memory>") -> Gazetteer:
        """Index organisations (names and aliases must be unique, parents known).

        Raises
        ------
        LexiconError
            On a duplicate name or alias, an unknown parent or a cycle.
        """
        orgs = list(organisations)
        names = {o.name: o for o in orgs}
        index: dict[str, Organisation] = {}
        for o in orgs:
            for key in (o.name, *o.aliases):
                if key in index and index[key] is not o:
                    raise LexiconError(f"{source}: {key!r} names both {index[key].name!r} and {o.name!r}")
                index[key] = o
            if o.parent is not None and o.parent not in names:
                raise LexiconError(f"{source}: {o.name!r} has an unknown parent {o.parent!r}")
        paths = {o.name: _path_of(o.name, names, source) for o in orgs}
        orgs = [replace(o, path=paths[o.name]) for o in orgs]
        names = {o.name: o for o in orgs}
        index = {k: names[v.name] for k, v in index.items()}
        children: dict[str, dict[str, Organisation]] = {}
        for o in orgs:
            if o.parent is not None:
                for key in (o.name, *o.aliases):
                    children.setdefault(o.parent, {})[key] = o
        ordered = tuple(sorted(orgs, key=lambda o: (_order(o), o.name)))
        return cls(
            organisations=ordered,
            source=source,
            _index=MappingProxyType(index),
            _children=MappingProxyType({k: MappingProxyType(v) for k, v in sorted(children.items())}),
            _longest=max((len(k) for k in index), default=0),
        )

    def __repr__(self) -> str:
        return f"Gazetteer({self.source!r}, {len(self.organisations)} organisations)"

    def children(self, name: str) -> tuple[Organisation, ...]:
        """The organisations directly under ``name`` (a name or alias), in order.

        >>> [o.name for o in load_gazetteer().children("海关总署")][:3]
        ['广东分署', '天津特派办', '上海特派办']
        """
        org = self._index.get(name)
        if org is None:
            return ()
        return tuple(o for o in self.organisations if o.parent == org.name)

    @property
    def root(self) -> Organisation | None:
        """The one organisation without a parent (``None`` if there is not exactly one)."""
        roots = [o for o in self.organisations if o.parent is None]
        return roots[0] if len(roots) == 1 else None

    def get(self, name: str) -> Organisation | None:
        """The organisation with this canonical name or alias, or ``None``.

        >>> load_gazetteer().get("秦皇岛关校").name
        '秦皇岛海关学校'
        """
        return self._index.get(name)

    def match_prefix(self, text: str) -> tuple[Organisation, int] | None:
        """The longest known name or alias at the start of ``text`` and its length.

        >>> org, n = load_gazetteer().match_prefix("上海海关学院培训部")
        >>> org.name, n
        ('上海海关学院', 6)
        >>> load_gazetteer().match_prefix("星星公司") is None
        True
        """
        return _longest_prefix(text, self._index, self._longest)

    def match_child(self, parent: str, text: str) -> tuple[Organisation, int] | None:
        """Like :meth:`match_prefix`, among the children of ``parent`` only.

        >>> org, n = load_gazetteer().match_child("海关总署", "加贸司钟耀辉")
        >>> org.name, n
        ('加工贸易及保税监管司', 3)
        >>> load_gazetteer().match_child("南京海关", "缉私局") is None
        True
        """
        keys = self._children.get(parent, {})
        return _longest_prefix(text, keys, self._longest) if keys else None

    def path(self, name: str) -> tuple[str, ...]:
        """Canonical names from the root down to ``name`` (a name or alias).

        Raises
        ------
        KeyError
            If the gazetteer does not know ``name``.

        >>> load_gazetteer().path("驻署监察局")
        ('海关总署', '驻海关总署监察局')
        """
        org = self._index.get(name)
        if org is None:
            raise KeyError(name)
        return org.path

    def at(self, path: tuple[str, ...]) -> Organisation | None:
        """The gazetteer organisation whose path is exactly ``path``, or ``None``.

        >>> load_gazetteer().at(("海关总署", "北京海关")).english
        'Beijing Customs'
        >>> load_gazetteer().at(("海关总署", "南京海关", "缉私局")) is None
        True
        """
        org = self._index.get(path[-1]) if path else None
        return org if org is not None and org.path == tuple(path) else None

    def order_key(self, path: Iterable[str]) -> tuple[int, ...]:
        """Sort key putting unit paths in the customs system's usual order.

        The ``order`` of each element of the longest prefix of ``path`` the
        gazetteer knows.  Sub-units below a known unit do not change the key
        (they tie with it: break ties by print order); a top-level unit the
        gazetteer does not know (the first element, or the one under the
        root) counts as :data:`UNKNOWN_ORDER` and sorts last.

        >>> g = load_gazetteer()
        >>> paths = [("海关总署", "全国海关信息中心"), ("海关总署", "上海海关", "法规处"),
        ...          ("海关总署", "广东分署", "政工办"), ("海关总署", "办公厅")]
        >>> [p[1] for p in sorted(paths, key=g.order_key)]
        ['广东分署', '上海海关', '办公厅', '全国海关信息中心']
        >>> g.order_key(("海关总署", "上海海关", "归类分中心", "课题组"))
        (0, 111)
        """
        path = tuple(path)
        key: list[int] = []
        for i in range(len(path)):
            org = self.at(path[: i + 1])
            if org is None:
                if i <= 1:
                    key.append(UNKNOWN_ORDER)
                break
            key.append(UNKNOWN_ORDER if org.order is None else org.order)
        return tuple(key)


def _order(o: Organisation) -> int:
    return UNKNOWN_ORDER if o.order is None else o.order


def _longest_prefix(text: str, keys: Mapping[str, Organisation], longest: int) -> tuple[Organisation, int] | None:
    for n in range(min(longest, len(text)), 0, -1):
        org = keys.get(text[:n])
        if org is not None:
            return org, n
    return None


def _path_of(name: str, names: Mapping[str, Organisation], source: str) -> tuple[str, ...]:
    path = [name]
    while (parent := names[path[-1]].parent) is not None:
        if parent in path:
            raise LexiconError(f"{source}: {name!r} is its own ancestor (parents form a cycle)")
        path.append(parent)
    return tuple(reversed(path))


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Load a gazetteer data file (the bundled one when ``path`` is None).

    Loaded files are cached by path.

    Raises
    ------
    LexiconError
        If the file cannot be read or a row is malformed; the message names
        the file and the line.

    Examples
    --------
    >>> g = load_gazetteer()
    >>> g.get("拱北海关").city, g.get("拱北海关").province
    ('珠海', '广东省')
    >>> load_gazetteer() is g
    True
    """
    if path is None:
        return _bundled()
    return _load(str(path))


@functools.cache
def _bundled() -> Gazetteer:
    ref = resources.files("xianjice.extract") / "data" / "gazetteer.csv"
    return parse_gazetteer(ref.read_text(encoding="utf-8"), source="gazetteer.csv")


@functools.cache
def _load(path: str) -> Gazetteer:
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise LexiconError(f"{path}: cannot read the gazetteer ({e.strerror or e})") from e
    except UnicodeDecodeError as e:
        raise LexiconError(f"{path}: the gazetteer is not UTF-8 text") from e
    return parse_gazetteer(text, source=path)


def parse_gazetteer(text: str, *, source: str) -> Gazetteer:
    """Parse the text of a gazetteer file (CSV, or TSV when the header has tabs).

    >>> g = parse_gazetteer("name,kind,parent,aliases,city,province,order,english\\n"
    ...                     "总署,headquarters,,,,,0,\\n甲关,customs,总署,甲|乙,,,1,Jia", source="t.csv")
    >>> g.path("乙")
    ('总署', '甲关')
    >>> parse_gazetteer("name,kind\\n", source="t.csv")
    Traceback (most recent call last):
    ...
    xianjice.errors.LexiconError: t.csv, line 1: the header lacks the columns parent, aliases, city, province, order, english
    """
    rows = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.lstrip().startswith("#")]
    if not rows:
        raise LexiconError(f"{source}: the gazetteer is empty")
    head_line, head = rows[0]
    delimiter = "\t" if "\t" in head else ","
    header = [h.strip().lower() for h in next(csv.reader([head], delimiter=delimiter))]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise LexiconError(f"{source}, line {head_line}: the header lacks the columns {', '.join(missing)}")
    orgs: list[Organisation] = []
    lines: dict[str, int] = {}
    for n, line in rows[1:]:
        cells = next(csv.reader([line], delimiter=delimiter))
        where = f"{source}, line {n}"
        if len(cells) != len(header):
            raise LexiconError(f"{where}: {len(cells)} fields where the header has {len(header)}")
        row = {h: c.strip() for h, c in zip(header, cells)}
        org = _row_organisation(row, where)
        for key in (org.name, *org.aliases):
            if key in lines:
                raise LexiconError(f"{where}: {key!r} is already a name or alias on line {lines[key]}")
            lines[key] = n
        orgs.append(org)
    known = {o.name for o in orgs}
    for o in orgs:
        if o.parent is not None and o.parent not in known:
            raise LexiconError(f"{source}, line {lines[o.name]}: unknown parent {o.parent!r} (no row has that name)")
    return Gazetteer.from_organisations(orgs, source=source)


def _row_organisation(row: Mapping[str, str], where: str) -> Organisation:
    name, kind = row["name"], row["kind"]
    if not name:
        raise LexiconError(f"{where}: empty name")
    if kind not in KINDS:
        raise LexiconError(f"{where}: unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
    order = None
    if row["order"]:
        try:
            order = int(row["order"])
        except ValueError as e:
            raise LexiconError(f"{where}: order {row['order']!r} is not a whole number") from e
    aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
    if name in aliases:
        raise LexiconError(f"{where}: {name!r} is listed as its own alias")
    return Organisation(
        name=name,
        kind=kind,
        parent=row["parent"] or None,
        aliases=aliases,
        city=row["city"] or None,
        province=row["province"] or None,
        order=order,
        english=row["english"] or None,
    )
