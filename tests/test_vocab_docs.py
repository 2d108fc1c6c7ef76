"""Every term a seed build writes is declared in graph/vocab.py and documented in the README."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

import xianjice.graph.analysis.centrality as centrality
from xianjice.graph.rdf.vocab import PREFIXES, XJ
from xianjice.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"
XJ_NS = str(XJ._NS)
SCORES = {"pagerank", "betweenness", "eigenvector", "weightedDegree", "essayCount"}


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory) -> Graph:
    out = tmp_path_factory.mktemp("seed") / "build"
    result = CliRunner().invoke(cli, ["build", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return Graph().parse(out / "graph.ttl", format="turtle")


@pytest.fixture(scope="module")
def vocabulary_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("### Vocabulary")
    end = text.index("\n## ", start)
    return text[start:end]


def declared() -> set[str]:
    return set(XJ.__annotations__)


def xj_table(section: str) -> set[str]:
    """Local names in the first cell of the rows of the README's table of xj: terms."""
    names = set()
    for line in section.splitlines():
        if line.startswith("| `xj:"):
            first_cell = line.split("|")[1]
            names.update(re.findall(r"`xj:(\w+)`", first_cell))
    return names


def prefixed(iri: str) -> str:
    for prefix, ns in PREFIXES:
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    raise AssertionError(f"{iri} is in no namespace of xianjice.graph.rdf.vocab.PREFIXES")


def terms_used(g: Graph) -> tuple[set[str], set[str]]:
    """(properties, classes) of a graph, as full IRIs."""
    properties = {str(p) for p in g.predicates()}
    classes = {str(o) for o in g.objects(None, RDF.type)}
    return properties, classes


def test_every_xj_term_of_the_seed_build_is_declared(seed_graph):
    used = {str(t)[len(XJ_NS):] for triple in seed_graph for t in triple
            if isinstance(t, URIRef) and str(t).startswith(XJ_NS)}
    assert SCORES <= used, "the centrality scores are missing from graph.ttl"
    assert {"AwardTier", "Proposal", "SourceSpan", "rank", "proposes"} <= used
    assert used <= declared(), f"not declared in xianjice.graph.rdf.vocab.XJ: {sorted(used - declared())}"


def test_every_xj_term_of_the_seed_build_is_in_the_readme_table(seed_graph, vocabulary_section):
    properties, classes = terms_used(seed_graph)
    used = {iri[len(XJ_NS):] for iri in properties | classes if iri.startswith(XJ_NS)}
    documented = xj_table(vocabulary_section)
    assert used <= documented, f"missing from the README's xj: table: {sorted(used - documented)}"


def test_readme_table_and_vocab_declare_the_same_xj_terms(vocabulary_section):
    documented = xj_table(vocabulary_section)
    assert documented == declared(), (
        f"declared, not documented: {sorted(declared() - documented)}; "
        f"documented, not declared: {sorted(documented - declared())}")


def test_readme_mentions_only_declared_xj_terms():
    mentioned = set(re.findall(r"\bxj:(\w+)", README.read_text(encoding="utf-8")))
    assert mentioned, "the README names no xj: term"
    assert mentioned <= declared(), f"the README names undeclared terms: {sorted(mentioned - declared())}"


def test_every_class_and_property_of_the_seed_build_is_documented(seed_graph, vocabulary_section):
    properties, classes = terms_used(seed_graph)
    missing = sorted(name for name in map(prefixed, (properties - {str(RDF.type)}) | classes)
                     if f"`{name}" not in vocabulary_section and f" {name}" not in vocabulary_section)
    assert not missing, f"used in graph.ttl, missing from the README's Vocabulary: {missing}"


def test_readme_namespace_table_matches_the_prefixes(vocabulary_section):
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `(\w+):` \| `([^`]+)`", vocabulary_section, re.M)}
    for prefix, ns in PREFIXES:
        if prefix in ("rdf", "xsd"):
            assert f"`{prefix}:`" in vocabulary_section
            continue
        assert rows.get(prefix) == ns, prefix


def test_a_misspelt_score_term_fails(monkeypatch):
    monkeypatch.setitem(centrality.RDF_TERMS, "pagerank", ("pageRank", "decimal"))
    rows = [{"id": "concept/a", "degree": 1, "pagerank": 0.5, "betweenness": 0.0, "eigenvector": 1.0, "essays": 1}]
    with pytest.raises(AttributeError, match="pageRank"):
        list(centrality.rows_triples(rows, base="https://example.org/"))


def test_score_triples_use_the_declared_terms():
    rows = [{"id": "concept/a", "degree": 3, "pagerank": 0.25, "betweenness": 0.5, "eigenvector": 1.0, "essays": 2}]
    triples = list(centrality.rows_triples(rows, base="https://example.org/"))
    assert {(p, o.n3()) for _, p, o in triples} == {
        (XJ.pagerank, '"0.250000"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
        (XJ.betweenness, '"0.500000"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
        (XJ.eigenvector, '"1.000000"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
        (XJ.weightedDegree, '"3.000000"^^<http://www.w3.org/2001/XMLSchema#decimal>'),
        (XJ.essayCount, '"2"^^<http://www.w3.org/2001/XMLSchema#integer>'),
    }
