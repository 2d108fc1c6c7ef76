"""Records → one typed networkx ``MultiDiGraph`` (see the graph model in the README).

Nodes are keyed by the stable ids of :mod:`xianjice.graph.ids`; every node has
``kind``, ``label``, ``label_en`` and ``pinyin``; every edge has ``rel`` (the
same as its key).  Compilations, essays and everything inside them are
visited in a sorted order, so the graph — and every file written from it —
does not depend on the order of the input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import networkx as nx

from xianjice.extract.script import simplified
from xianjice.extract.text import key as text_key

from xianjice.errors import GraphBuildError, XianjiceError
from xianjice.extract.records import Compilation, Concept, Essay, Organisation, Theme, UnitRef
from xianjice.extract.serialize import readable_source
from xianjice.graph import ids
from xianjice.graph.analysis.toplevel import HQ_KINDS, top_level  # noqa: F401  (HQ_KINDS is part of this module's interface)

#: English labels of tier ranks; other ranks get "Prize, rank N".
TIER_ENGLISH = {0: "Grand prize", 1: "First prize", 2: "Second prize", 3: "Third prize"}


NODE_KINDS = ("book", "essay", "organisation", "person", "tier", "concept", "theme", "document", "proposal")


def same_essay_key(e: Essay) -> tuple[str, str]:
    """What makes two sources' essays one essay: the same normalised title and first unit (simplified script).

    >>> from xianjice.extract.records import Essay, Span, Tier, TocEntry, UnitRef
    >>> a = Essay(1, TocEntry(1, "《改革办案模式 防范两大风险》", 7, (UnitRef("北京海关", ()),), (), Span(1, 1)), Tier(None, None, ""))
    >>> b = Essay(4, TocEntry(4, "改革办案模式防范两大风险", None, (UnitRef("北京海關", ()),), (), Span(9, 9)), Tier(None, None, ""))
    >>> same_essay_key(a) == same_essay_key(b)
    True
    """
    title = simplified(text_key(e.entry.title)).strip("《》\"'")
    unit = simplified(text_key(e.entry.units[0].name)) if e.entry.units else ""
    return title, unit


def tier_english(rank: int) -> str:
    """Return the English label of a tier rank.

    >>> tier_english(1), tier_english(5)
    ('First prize', 'Prize, rank 5')
    """
    return TIER_ENGLISH.get(rank, f"Prize, rank {rank}")


@dataclass
class _Lexicon:
    concepts: dict[str, Concept] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)


@dataclass
class _Orgs:
    """Organisation records of all compilations, looked up by (name, parent)."""

    by_path: dict[tuple[str, ...], Organisation] = field(default_factory=dict)
    by_key: dict[tuple[str, str | None], Organisation] = field(default_factory=dict)
    by_name: dict[str, list[Organisation]] = field(default_factory=dict)

    def add(self, org: Organisation) -> None:
        if org.path:
            self.by_path.setdefault(tuple(org.path), org)
        self.by_key.setdefault((org.name, org.parent), org)
        self.by_name.setdefault(org.name, []).append(org)

    def find(self, path: tuple[str, ...]) -> Organisation | None:
        if path in self.by_path:
            return self.by_path[path]
        parent = path[-2] if len(path) > 1 else None
        org = self.by_key.get((path[-1], parent))
        if org is None and len(self.by_name.get(path[-1], ())) == 1:
            org = self.by_name[path[-1]][0]
        return org


def _clean_path(path: Sequence[str]) -> tuple[str, ...]:
    return tuple(p for p in (ids.clean_text(x) for x in path) if p)


def _essay_order(essay: Essay) -> tuple:
    return (essay.seq, essay.entry.lines.start, essay.entry.title)


class _Builder:
    def __init__(self, compilations: Sequence[Compilation]):
        self.compilations = sorted(
            compilations,
            key=lambda c: (self._book_id(c), c.source, c.line_count),
        )
        self.G = nx.MultiDiGraph()
        self.orgs = _Orgs()
        self.lexicon = _Lexicon()
        self.unknown_orgs: set[tuple[str, ...]] = set()
        self.known_orgs: set[tuple[str, ...]] = set()
        self.essay_keys: dict[tuple[str, str], str] = {}  # (title, unit) → essay node, shared by several sources
        self.concept_keys: dict[tuple[str, str], str] = {}  # (label, theme) as linked → concept node
        for c in self.compilations:
            for o in sorted(c.organisations, key=lambda o: (o.name, o.parent or "")):
                self.orgs.add(o)
            for t in sorted(c.themes, key=lambda t: t.label):
                self.lexicon.themes.setdefault(t.label, t)
            for k in sorted(c.concepts, key=lambda k: k.label):
                self.lexicon.concepts.setdefault(k.label, k)
        self.org_ids = ids.org_ids(self._all_org_paths())

    @staticmethod
    def _book_id(c: Compilation) -> str:
        return ids.book_id(c.book.isbn, c.book.title, c.source)

    def _all_org_paths(self) -> list[tuple[str, ...]]:
        paths = []
        for c in self.compilations:
            for e in c.essays:
                paths += [_clean_path(u.path or (u.name,)) for u in e.entry.units]
                paths += [_clean_path(m.path or (m.name,)) for m in e.mentions if m.kind == "organisation"]
        return [p for p in paths if p]

    # --- nodes -------------------------------------------------------------

    def node(self, key: str, kind: str, label: str, **attrs) -> str:
        if key not in self.G:
            self.G.add_node(key, kind=kind, label=ids.clean_text(label), label_en="", pinyin="", **attrs)
        return key

    def edge(self, u: str, v: str, rel: str, **attrs) -> None:
        if self.G.has_edge(u, v, key=rel):
            data = self.G.edges[u, v, rel]
            if "count" in attrs and "count" in data:
                data["count"] += attrs["count"]
            return
        self.G.add_edge(u, v, key=rel, rel=rel, **attrs)

    def org(self, path: tuple[str, ...], *, known: bool) -> str:
        """Add the organisation at ``path`` and its ancestors; return its id."""
        key = self.org_ids[path]
        for depth in range(len(path)):
            sub = path[: depth + 1]
            sub_key = self.org_ids[sub]
            record = self.orgs.find(sub)
            if sub_key not in self.G:
                kind = record.kind if record else ("headquarters" if depth == 0 else "unknown")
                self.node(
                    sub_key,
                    "organisation",
                    sub[-1],
                    org_kind=ids.clean_text(kind) or "unknown",
                    depth=depth,
                    known=False,
                    aliases=" / ".join(ids.clean_text(a) for a in (record.aliases if record else ())),
                )
                self.G.nodes[sub_key]["label_en"] = ids.clean_text(record.english) if record else ""
                self.G.nodes[sub_key]["pinyin"] = ids.org_pinyin(sub[-1])
            if known or depth == 0:
                self.G.nodes[sub_key]["known"] = True
            if depth:
                self.edge(sub_key, self.org_ids[path[:depth]], "sub_organisation_of")
        return key

    def top_unit(self, path: tuple[str, ...]) -> tuple[str, ...]:
        """The path of the top-level unit: the level under the root, or the root for HQ departments."""
        record = self.orgs.find(path[:2]) if len(path) >= 2 else None
        return top_level(path, record.kind if record is not None else None)

    def person(self, name: str, scope: str | None) -> str:
        name = ids.compact_name(name)
        key = ids.person_id(name, scope)
        if key not in self.G:
            self.node(key, "person", name)
            self.G.nodes[key]["pinyin"] = ids.person_pinyin(name)
        return key

    def theme(self, label: str) -> str:
        label = ids.clean_text(label)
        record = self.lexicon.themes.get(label)
        key = ids.theme_id(record.id if record else None, label)
        if key not in self.G:
            self.node(key, "theme", label)
            self.G.nodes[key]["label_en"] = ids.clean_text(record.english) if record else ""
        return key

    def concept(self, label: str, theme: str = "") -> str:
        """Add the concept (and its theme) once; return its id (remembered: essays link the same concepts again and again)."""
        key = self.concept_keys.get((label, theme))
        if key is None:
            key = self.concept_keys[label, theme] = self._concept(label, theme)
        return key

    def _concept(self, label: str, theme: str) -> str:
        label = ids.clean_text(label)
        record = self.lexicon.concepts.get(label)
        key = ids.concept_id(record.id if record else None, label)
        theme = ids.clean_text(record.theme if record else theme)
        if key not in self.G:
            aliases = sorted({ids.clean_text(a) for a in (record.aliases if record else ())} - {""})
            self.node(key, "concept", label, theme=theme, aliases=" / ".join(aliases), known=record is not None,
                      frame=bool(record and record.frame))
            self.G.nodes[key]["label_en"] = ids.clean_text(record.english) if record else ""
            if theme:
                self.edge(key, self.theme(theme), "broader")
        return key

    # --- records -----------------------------------------------------------

    def add_book(self, c: Compilation) -> str:
        b = c.book
        key = self._book_id(c)
        if key in self.G:
            raise GraphBuildError(
                f"{c.source}: book {key} is already in the graph (from {self.G.nodes[key]['source']}); "
                "give each book once"
            )
        source = readable_source(c.source.replace("\\", "/").rsplit("/", 1)[-1])
        self.node(
            key,
            "book",
            b.title or b.cover_title or source,
            isbn=re.sub(r"^ISBN[:：\s]*", "", ids.clean_text(b.isbn), flags=re.I),
            publisher=ids.clean_text(b.publisher),
            date=ids.clean_text(b.date),
            compiler=ids.clean_text(b.compiler),
            editors=" / ".join(ids.compact_name(e.name) for e in b.editors),
            source=ids.clean_text(source),
            source_format=c.file_format,
            line_count=c.line_count,
            source_kind=c.kind,  # "book" or "results-list"
        )
        if c.file_format != "text" and c.locations:
            # where each line is in a PDF, Word, web page or spreadsheet file, for the PROV spans of the Turtle
            self.G.graph.setdefault("locations", {})[key] = c.locations
        for e in b.editors:
            person = self.person(e.name, None)
            self.edge(key, person, "editor", role=ids.clean_text(e.role), line=e.line)
        return key

    def _another_source(self, key: str, book: str, e: Essay) -> None:
        node = self.G.nodes[key]
        node["sources"] = " ; ".join(sorted({*filter(None, node.get("sources", node["book"]).split(" ; ")), book}))
        self.edge(key, book, "part_of")
        if e.tier.rank is not None and e.tier.source.startswith("stated"):
            tier = ids.tier_id(e.tier.rank)
            if tier not in self.G:
                self.node(tier, "tier", e.tier.label or "", rank=e.tier.rank)
                self.G.nodes[tier]["label_en"] = tier_english(e.tier.rank)
            evidence = ids.clean_text(e.tier.source)
            old = [t for _, t, k in self.G.out_edges(key, keys=True) if k == "award"]
            for t in old:  # a tier stated by a source replaces one inferred by another
                if t != tier and not str(self.G.edges[key, t, "award"].get("evidence", "")).startswith("stated"):
                    self.G.remove_edge(key, t, "award")
            if self.G.has_edge(key, tier, "award") and not str(self.G.edges[key, tier, "award"]["evidence"]).startswith("stated"):
                self.G.edges[key, tier, "award"]["evidence"] = evidence
            self.edge(key, tier, "award", evidence=evidence)
            node["tier"] = e.tier.rank

    def add_essay(self, book: str, c: Compilation, e: Essay) -> None:
        entry = e.entry
        key = ids.essay_id(book, e.seq)
        same = same_essay_key(e)
        if (earlier := self.essay_keys.get(same)) is not None and not earlier.startswith(f"essay/{book.split('/', 1)[1]}/"):
            self._another_source(earlier, book, e)  # the same essay in another source: one node, both sources
            return
        self.essay_keys.setdefault(same, key)
        if key in self.G:
            raise GraphBuildError(f"{c.source}: two essays numbered {e.seq}")
        units = [
            (u, p) for u, p in ((u, _clean_path(u.path or (u.name,))) for u in entry.units) if p
        ]
        top = self.top_unit(units[0][1]) if units else ()
        span = e.body.lines if e.body else entry.lines
        self.node(
            key,
            "essay",
            ids.clean_text(entry.title) or (e.body.title if e.body else ""),
            seq=e.seq,
            page=entry.page or 0,
            tier=e.tier.rank if e.tier.rank is not None else -1,  # 0 is 特等奖, -1 unknown
            subtitle=ids.clean_text(e.body.subtitle if e.body else ""),
            top_unit=top[-1] if top else "",
            byline=ids.clean_text(entry.byline),
            first_line=span.start,
            last_line=span.end,
            toc_first_line=entry.lines.start,
            toc_last_line=entry.lines.end,
            body_first_line=e.body.lines.start if e.body else None,  # lines count from 1: no body, no line
            body_last_line=e.body.lines.end if e.body else None,
            truncated=bool(e.body and e.body.truncated),
            book=book,
        )
        self.edge(key, book, "part_of")
        unit_keys = [self._unit(u, p) for u, p in units]
        scope = self.org_ids[top] if top else None
        for name in entry.authors:
            if not ids.compact_name(name):
                continue
            person = self.person(name, scope)
            self.edge(key, person, "author")
            for unit in unit_keys:
                self.edge(person, unit, "member_of")
        for unit in unit_keys:
            self.edge(key, unit, "unit")
        if e.tier.rank is not None:
            tier = ids.tier_id(e.tier.rank)
            if tier not in self.G:
                self.node(tier, "tier", e.tier.label or "", rank=e.tier.rank)
                self.G.nodes[tier]["label_en"] = tier_english(e.tier.rank)
            self.edge(key, tier, "award", evidence=ids.clean_text(e.tier.source))
        for link in sorted(e.concepts, key=lambda k: (k.first_line, k.concept)):
            concept = self.concept(link.concept, link.theme)
            self.edge(key, concept, "about", count=link.count, where=link.where, first_line=link.first_line,
                      line=link.first_line, surface="、".join(ids.clean_text(f) for f in link.surfaces or (link.surface,)),
                      snippet=ids.clean_text(link.snippet))
        for cite in sorted(e.documents, key=lambda d: (d.first_line, d.name)):
            name = ids.clean_text(cite.name)
            doc = ids.document_id(name)
            self.node(doc, "document", name, aliases="")
            aliases = set(filter(None, self.G.nodes[doc]["aliases"].split(" / ")))
            aliases |= {ids.clean_text(a) for a in cite.aliases} - {"", name}
            self.G.nodes[doc]["aliases"] = " / ".join(sorted(aliases))
            self.edge(key, doc, "cites", count=cite.count, first_line=cite.first_line)
        for m in sorted(e.mentions, key=lambda m: (m.first_line, m.kind, m.name)):
            if m.kind == "person":
                target = self.person(m.name, None)
            else:
                path = _clean_path(m.path or (m.name,))
                if not path:
                    continue
                target = self.org(path, known=bool(m.path))
            self.edge(key, target, "mentions", count=m.count, first_line=m.first_line,
                      title=ids.clean_text(m.title))
        for p in sorted(e.proposals, key=lambda p: (p.order, p.lines.start)):
            prop = ids.proposal_id(key, p.order)
            if prop in self.G:
                raise GraphBuildError(f"{c.source}: essay {e.seq} has two proposals numbered {p.order}")
            self.node(
                prop,
                "proposal",
                p.heading or p.text[:40],
                essay=key,
                order=p.order,
                text=ids.clean_text(p.text),
                marker=ids.clean_text(p.marker),
                first_line=p.lines.start,
                last_line=p.lines.end,
                book=book,
            )
            self.edge(key, prop, "proposes")
            for label in sorted(set(p.concepts)):
                self.edge(prop, self.concept(label), "about")

    def _unit(self, unit: UnitRef, path: tuple[str, ...]) -> str:
        return self.org(path, known=unit.known)

    def build(self) -> nx.MultiDiGraph:
        for c in self.compilations:
            book = self.add_book(c)
            for e in sorted(c.essays, key=_essay_order):
                self.add_essay(book, c, e)
        return _sorted_copy(self.G)


def _sorted_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph with nodes and edges inserted in sorted order."""
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    for n in sorted(G.nodes):
        H.add_node(n, **dict(sorted(G.nodes[n].items())))
    # (source, key, target) is unique in a MultiDiGraph: the sort never compares the attribute dicts
    edges = sorted((u, k, v, d) for u, nbrs in G.succ.items() for v, keydict in nbrs.items() for k, d in keydict.items())
    for u, k, v, d in edges:
        H.add_edge(u, v, key=k, **dict(sorted(d.items())))
    return H


def build_graph(compilations: Sequence[Compilation]) -> nx.MultiDiGraph:
    """Build the knowledge graph of one or more compilations.

    Parameters
    ----------
    compilations
        Extracted (and preferably analysed) compilations; their order does
        not matter.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by stable ids, inserted in sorted order.  A book's node
        has ``source_format`` (the reader's kind: text, docx, html, pdf, xlsx,
        csv); for a book not read from plain text,
        ``G.graph["locations"][book]`` holds where each of its lines is in its
        file (:class:`~xianjice.extract.document.Location`, line *n* at *n* - 1).

    Raises
    ------
    GraphBuildError
        When the same book is given twice, or an essay number repeats.

    Examples
    --------
    >>> from xianjice.extract.records import BookInfo, PrefaceStats, Compilation
    >>> book = BookInfo("汇编", None, None, "9787801656490", None, (), PrefaceStats(None, None, ()))
    >>> G = build_graph([Compilation("a.txt", book, (), (), ())])
    >>> dict(G.nodes["book/9787801656490"])["kind"]
    'book'
    """
    return _Builder(compilations).build()
