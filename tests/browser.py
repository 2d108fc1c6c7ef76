"""Helpers for the explorer tests: a small hand-built graph and a headless Chromium.

The graph follows the graph model (node kinds, relation keys) and plants
hostile text: an essay title with ``<script>``, a person with ``<img
onerror>``, a subtitle with ``href``.  The browser is Debian's Chromium
driven by Playwright; it is never downloaded (run ``tests/prepare.py``).
"""

from __future__ import annotations

import contextlib
import functools
import os
from pathlib import Path

import networkx as nx

CHROMIUM = os.environ.get("XIANJICE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--no-first-run", "--disable-quic", "--disable-sync",
]
SCRIPT_TITLE = '<script>window.__pwned = "title"</script>危险标题'
IMG_NAME = '<img src=x onerror="window.__pwned=\'img\'">'
HREF_SUBTITLE = '<a href="javascript:window.__pwned=1">href</a>'


def sample_graph() -> nx.MultiDiGraph:
    """Return a small knowledge graph with every node kind and planted markup."""
    G = nx.MultiDiGraph()
    book = "book/b"
    G.add_node(book, kind="book", label="献计策汇编", label_en="", pinyin="")
    orgs = [
        ("org/hq", "海关总署", "hai guan zong shu", None, "headquarters", 0),
        ("org/hq/gb", "拱北海关", "gong bei hai guan", "org/hq", "customs", 1),
        ("org/hq/gb/tj", "综合统计处", "zong he tong ji chu", "org/hq/gb", "section", 2),
        ("org/hq/bj", "北京海关", "bei jing hai guan", "org/hq", "customs", 1),
        ("org/hq/sh", "上海海关", "shang hai hai guan", "org/hq", "customs", 1),
    ]
    for key, label, py, parent, kind, depth in orgs:
        G.add_node(key, kind="organisation", label=label, label_en="", pinyin=py, org_kind=kind, depth=depth,
                   known=True)
        if parent:
            G.add_edge(key, parent, key="sub_organisation_of", rel="sub_organisation_of")
    for rank, label in [(1, "一等奖"), (2, "二等奖")]:
        G.add_node(f"tier/{rank}", kind="tier", label=label, label_en=f"Prize {rank}", pinyin="", rank=rank)
    themes = {"监管": "theme/jian-guan", "队伍建设": "theme/dui-wu"}
    for label, key in themes.items():
        G.add_node(key, kind="theme", label=label, label_en="", pinyin="")
    concepts = [("concept/da-jian-guan", "大监管体系", "监管"), ("concept/feng-xian", "风险管理", "监管"),
                ("concept/tong-ji", "统计队伍", "队伍建设")]
    for key, label, theme in concepts:
        G.add_node(key, kind="concept", label=label, label_en="Risk management" if label == "风险管理" else "",
                   pinyin="", theme=theme, aliases="风险防控" if label == "风险管理" else "")
        G.add_edge(key, themes[theme], key="broader", rel="broader")
    G.add_node("doc/haiguanfa", kind="document", label="中华人民共和国海关法", label_en="", pinyin="")
    people = [("person/wang", "王绍波", "wang shao bo", "org/hq/bj"), ("person/li", "李明", "li ming", "org/hq/sh"),
              ("person/evil", IMG_NAME, "", "org/hq/sh")]
    for key, label, py, org in people:
        G.add_node(key, kind="person", label=label, label_en="", pinyin=py)
        G.add_edge(key, org, key="member_of", rel="member_of")
    essays = [
        ("essay/b/01", "构建大监管体系的思考", "", 1, "org/hq/bj", ["person/wang"],
         ["concept/da-jian-guan", "concept/feng-xian"], "北京海关"),
        ("essay/b/02", "切实加强统计队伍素质建设", HREF_SUBTITLE, 1, "org/hq/gb/tj", [], ["concept/tong-ji"], "拱北海关"),
        ("essay/b/03", SCRIPT_TITLE, "", 2, "org/hq/sh", ["person/li", "person/evil"],
         ["concept/feng-xian", "concept/tong-ji"], "上海海关"),
    ]
    for i, (key, title, sub, tier, org, authors, cs, top) in enumerate(essays, 1):
        G.add_node(key, kind="essay", label=title, label_en="", pinyin="", seq=i, page=i * 5, tier=tier,
                   subtitle=sub, top_unit=top, first_line=100 + i, last_line=101 + i, book=book)
        G.add_edge(key, book, key="part_of", rel="part_of")
        G.add_edge(key, org, key="unit", rel="unit")
        G.add_edge(key, f"tier/{tier}", key="award", rel="award",
                   evidence=f"stated: results list, line {i + 10}" if i < 3 else "inferred: preface counts 一等奖 2, 二等奖 1")
        for a in authors:
            G.add_edge(key, a, key="author", rel="author")
        for j, c in enumerate(cs):
            G.add_edge(key, c, key="about", rel="about", count=j + 2, where="title+body", first_line=110 + i)
        prop = f"proposal/b/{i:02d}/1"
        G.add_node(prop, kind="proposal", label=f"建议{i}", label_en="", pinyin="", essay=key, order=1,
                   text=f"建立{G.nodes[cs[0]]['label']}的协调机制")
        G.add_edge(key, prop, key="proposes", rel="proposes")
        G.add_edge(prop, cs[0], key="about", rel="about")
    G.add_edge("essay/b/01", "doc/haiguanfa", key="cites", rel="cites", count=2)
    return G


def chromium_missing_message() -> str:
    return (f"Chromium not found at {CHROMIUM}: run `python tests/prepare.py` "
            "(installs Debian's chromium); the browser tests never skip")


@contextlib.contextmanager
def browser():
    """Yield a headless Playwright Chromium (Debian's binary), closed afterwards."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(chromium_missing_message())
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


class PageWatch:
    """Open a local file in a fresh page, recording page errors, console errors and outside requests."""

    def __init__(self, browser, path: Path):
        self.errors: list[str] = []
        self.console: list[str] = []
        self.outside: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))

        def route(r):
            url = r.request.url
            if url.startswith(("file:", "data:", "blob:", "about:")):
                return r.continue_()
            self.outside.append(url)
            return r.abort()

        self.page.route("**/*", route)
        self.path = Path(path).resolve()

    def open(self, *, settle_timeout: float = 30_000):
        self.page.goto(self.path.as_uri())
        self.page.wait_for_function("window.xj && window.xj.settled === true", timeout=settle_timeout)
        return self.page

    def close(self):
        self.context.close()


@functools.cache
def seed_graph() -> nx.MultiDiGraph:
    """Return the knowledge graph of the bundled seed (extracted and analysed once per session)."""
    from xianjice.extract.pipeline import extract_files
    from xianjice.graph.build import build_graph
    from xianjice import bundled_seed

    return build_graph(extract_files([bundled_seed()]))


def synthetic_graph(essays: int, *, seed: int = 0) -> nx.MultiDiGraph:
    """Return a graph shaped like a large compilation's: ``essays`` essays in the proportions of a generated book.

    Per essay: one unit (of about ``essays / 30`` units under a dozen
    top-level ones), one or two authors, a tier, about 25 concepts (of
    ``essays / 25`` concepts in 10 themes, the popular ones far more often),
    a proposal, a few cited documents.  Deterministic for a given ``seed``.
    """
    import random

    rnd = random.Random(seed)
    G = nx.MultiDiGraph()
    book = "book/big"
    G.add_node(book, kind="book", label="大型汇编", label_en="", pinyin="")
    G.add_node("org/hq", kind="organisation", label="总署", label_en="", pinyin="zong shu", depth=0, known=True)
    tops = [f"org/hq/t{i:02d}" for i in range(12)]
    for i, t in enumerate(tops):
        G.add_node(t, kind="organisation", label=f"直属{i}关", label_en="", pinyin=f"zhi shu {i} guan", depth=1)
        G.add_edge(t, "org/hq", key="sub_organisation_of", rel="sub_organisation_of")
    subs = []
    for i in range(max(1, essays // 30)):
        parent = tops[i % len(tops)]
        sub = f"{parent}/s{i:04d}"
        G.add_node(sub, kind="organisation", label=f"第{i}处", label_en="", pinyin=f"di {i} chu", depth=2)
        G.add_edge(sub, parent, key="sub_organisation_of", rel="sub_organisation_of")
        subs.append(sub)
    for rank in (1, 2, 3):
        G.add_node(f"tier/{rank}", kind="tier", label=f"{rank}等奖", label_en=f"Prize {rank}", pinyin="", rank=rank)
    themes = [f"theme/{i}" for i in range(10)]
    for i, t in enumerate(themes):
        G.add_node(t, kind="theme", label=f"主题{i}", label_en="", pinyin="")
    concepts = [f"concept/c{i:04d}" for i in range(max(10, essays // 25))]
    for i, c in enumerate(concepts):
        G.add_node(c, kind="concept", label=f"概念{i}", label_en=f"Concept {i}", pinyin="", theme=f"主题{i % 10}")
        G.add_edge(c, themes[i % 10], key="broader", rel="broader")
    weights = [1 / (i + 1) for i in range(len(concepts))]
    docs = [f"doc/{i:03d}" for i in range(50)]
    for i, d in enumerate(docs):
        G.add_node(d, kind="document", label=f"文件{i}", label_en="", pinyin="")
    for n in range(1, essays + 1):
        e = f"essay/big/{n:05d}"
        unit = rnd.choice(subs)
        G.add_node(e, kind="essay", label=f"关于第{n}项工作的思考与建议", label_en="", pinyin="", seq=n, page=n,
                   tier=rnd.choice((1, 2, 2, 3, 3, 3)), subtitle="", first_line=n * 30, last_line=n * 30 + 29,
                   book=book)
        G.add_edge(e, book, key="part_of", rel="part_of")
        G.add_edge(e, unit, key="unit", rel="unit")
        G.add_edge(e, f"tier/{G.nodes[e]['tier']}", key="award", rel="award")
        for a in range(rnd.choice((1, 2))):
            person = f"person/{n:05d}-{a}"
            G.add_node(person, kind="person", label=f"作者{n}-{a}", label_en="", pinyin=f"zuo zhe {n} {a}")
            G.add_edge(e, person, key="author", rel="author")
            G.add_edge(person, unit, key="member_of", rel="member_of")
        for c in sorted(set(rnd.choices(concepts, weights=weights, k=30))):
            G.add_edge(e, c, key="about", rel="about", count=rnd.randint(1, 9), where="body",
                       first_line=n * 30 + rnd.randint(1, 29))
        prop = f"proposal/big/{n:05d}/1"
        G.add_node(prop, kind="proposal", label=f"建议{n}", label_en="", pinyin="", essay=e, order=1,
                   text="建立健全协调机制，" * rnd.randint(5, 60))
        G.add_edge(e, prop, key="proposes", rel="proposes")
        for d in sorted(set(rnd.choices(docs, k=3))):
            G.add_edge(e, d, key="cites", rel="cites", count=rnd.randint(1, 4))
    return G
