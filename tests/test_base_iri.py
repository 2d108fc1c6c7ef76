"""``--base``: checked with Oxigraph's IRI parser; what it accepts, Turtle readers read back."""

from __future__ import annotations

import pyoxigraph
import pytest
from graph_records import compilations
from rdflib import Graph

from xianjice.errors import BaseIRIError
from xianjice.graph.build import build_graph
from xianjice.graph.ids import check_base
from xianjice.graph.rdf.triples import graph_triples
from xianjice.graph.rdf.turtle import serialize_turtle


@pytest.mark.parametrize(
    ("base", "problem"),
    [
        ("https://ex.org/%zz/", "is not a valid IRI: Invalid IRI percent encoding '%zz'"),
        ("https://ex.org:abc/", "is not a valid IRI: Invalid character 'a'"),
        ("https://[zz]/", "is not a valid IRI: Invalid host IP (invalid IPv6 address syntax)"),
        ("https://ex.org/a b/", "is not a valid IRI: Invalid IRI code point ' '"),
        ("https://ex.org/a\r\nb/", "is not a valid IRI: Invalid IRI code point '\\x0d'"),
        ("ex.org/id/", "is not absolute (it needs a scheme such as https:)"),
        ("https://ex.org/id", "must end with '/' or '#'"),
        ("https://ex.org/a#b/", "has a '#' before its end"),
    ],
)
def test_bad_bases_are_refused_with_the_reason(base, problem):
    with pytest.raises(BaseIRIError) as info:
        check_base(base)
    assert str(info.value) == f"base IRI {base!r} {problem}"
    assert "\n" not in str(info.value) and "\r" not in str(info.value)


@pytest.mark.parametrize("base", ["https://数据.example.org/献计策/", "urn:x-test:id#", "http://[::1]:8080/id/",
                                  "https://ex.org/%E7%8C%AE/"])
def test_good_bases_give_turtle_both_readers_read(base):
    assert check_base(base) == base
    text = serialize_turtle(graph_triples(build_graph(compilations()), base=base))
    oxigraph = pyoxigraph.Store()
    oxigraph.load(text.encode("utf-8"), format=pyoxigraph.RdfFormat.TURTLE)
    rdflib = Graph().parse(data=text, format="turtle")
    assert len(oxigraph) == len(rdflib) > 100
    subjects = {str(s) for s in rdflib.subjects()}
    assert any(s.startswith(base + "essay/") for s in subjects)


@pytest.mark.parametrize("base", ["https://ex.org/%zz/", "https://[zz]/", "https://ex.org:abc/"])
def test_cli_bad_base_is_one_line(tmp_path, base):
    from click.testing import CliRunner

    from xianjice.cli import cli

    result = CliRunner().invoke(cli, ["build", "-o", str(tmp_path / "out"), "--base", base, "-q"])
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: base IRI {base!r} is not a valid IRI") and result.output.count("\n") == 1
