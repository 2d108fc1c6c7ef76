"""``xianjice query`` on the embedded store: formatted from Oxigraph's terms, without importing rdflib or networkx.

The answers themselves are compared engine against engine in test_queries.py;
here the printed output: a result of the embedded store formats to the same
text as the same result in rdflib terms, and the default path of the command
never imports rdflib or networkx (each takes longer to import than most
queries take to run on a 5,000-essay build).
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from xianjice.graph.rdf.query import QueryResult, format_result, read_query, run_query, shipped_queries, to_rdflib
from xianjice.graph.rdf.store import memory_store

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory, seed_path) -> Path:
    from xianjice.cli import cli
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("seed-build") / "build"
    result = CliRunner().invoke(cli, ["build", str(seed_path), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def seed_store(seed_build):
    return memory_store(seed_build / "graph.ttl")


def _as_rdflib(result: QueryResult) -> QueryResult:
    """The same result with its rows converted to rdflib terms (the way results were formatted before)."""
    return QueryResult(result.kind, result.variables, tuple(tuple(to_rdflib(t) for t in row) for row in result.terms))


TERMS = (
    ox.NamedNode("https://xianjice.example.org/id/essay/1"),
    ox.Literal("拱北海关", language="zh"),
    ox.Literal("Gǒngběi", language="zh-Latn-pinyin"),
    ox.Literal("plain"),
    ox.Literal("3", datatype=ox.NamedNode(XSD + "integer")),
    ox.Literal("0.081647", datatype=ox.NamedNode(XSD + "decimal")),
    ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
    ox.BlankNode("b0"),
    None,
)


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_every_kind_of_term_formats_as_its_rdflib_term_does(fmt):
    oxigraph = QueryResult("SELECT", ("a", "b"), terms=tuple((t, u) for t in TERMS for u in TERMS[:3]))
    assert format_result(oxigraph, fmt) == format_result(_as_rdflib(oxigraph), fmt)


@pytest.mark.parametrize("name", list(shipped_queries()))
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_shipped_queries_print_the_same_from_oxigraph_terms_and_rdflib_terms(seed_store, name, fmt):
    result = run_query(seed_store, read_query(name))
    assert result.terms, name  # the embedded store's own terms, not converted
    assert format_result(result, fmt) == format_result(_as_rdflib(result), fmt)


def test_rows_are_rdflib_terms_made_on_first_use(seed_store):
    from rdflib import Literal

    result = run_query(seed_store, read_query("essays-by-tier"))
    assert result.rows[0][1] == Literal("一等奖", lang="zh")
    assert result.rows[0][0].toPython() == 1
    assert result.records()[0]["tier"] == "一等奖"


def test_the_command_prints_what_the_rdflib_engine_prints(seed_build, tmp_path):
    """Same rows from `xianjice query` in both engines (compared as sets of CSV rows: ties may come in any order)."""
    env = {"XIANJICE_CACHE": str(tmp_path / "cache")}
    for name in ("authors", "proposals-about-concept", "essays-by-tier"):
        outputs = []
        for engine in ("oxigraph", "rdflib"):
            proc = subprocess.run([sys.executable, "-m", "xianjice", "query", name, "-d", str(seed_build),
                                   "--format", "csv", "--engine", engine],
                                  capture_output=True, text=True, env=_env(env))
            assert proc.returncode == 0, proc.stderr
            outputs.append(Counter(map(tuple, csv.reader(io.StringIO(proc.stdout)))))
        assert outputs[0] == outputs[1] and sum(outputs[0].values()) > 2, name


def _env(extra: dict) -> dict:
    import os

    return os.environ | extra


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_the_default_engine_imports_neither_rdflib_nor_networkx(seed_build, tmp_path, fmt):
    code = ("import sys\n"
            "from xianjice.cli import cli\n"
            f"cli.main(['query', 'authors', '-d', {str(seed_build)!r}, '--format', {fmt!r}], standalone_mode=False)\n"
            "print('LOADED', ' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('rdflib', 'networkx'))))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env({"XIANJICE_CACHE": str(tmp_path / "cache")}))
    assert proc.returncode == 0, proc.stderr
    assert "海关" in proc.stdout  # the query ran and printed its rows
    assert proc.stdout.rstrip().splitlines()[-1] == "LOADED"


def test_json_results_keep_datatypes_and_languages():
    result = QueryResult("SELECT", ("x",), terms=((TERMS[1],), (TERMS[4],), (TERMS[3],), (None,)))
    bindings = json.loads(format_result(result, "json"))["results"]["bindings"]
    assert bindings == [{"x": {"type": "literal", "value": "拱北海关", "xml:lang": "zh"}},
                        {"x": {"type": "literal", "value": "3", "datatype": XSD + "integer"}},
                        {"x": {"type": "literal", "value": "plain"}},
                        {}]
