"""graph.ttl of the hand-made fixture books, byte for byte.

A change here means every published IRI or the file layout changed: check
the diff, then regenerate with ``XIANJICE_UPDATE_GOLDEN=1 pytest tests/test_turtle_golden.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from graph_records import compilations

from xianjice.graph.build import build_graph
from xianjice.graph.ids import DEFAULT_BASE
from xianjice.graph.rdf.triples import graph_triples
from xianjice.graph.rdf.turtle import serialize_turtle

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(("name", "base"), [("fixture.ttl", DEFAULT_BASE), ("fixture-urn.ttl", "urn:x-test:id#")])
def test_turtle_matches_golden(name, base):
    text = serialize_turtle(graph_triples(build_graph(compilations()), base=base))
    path = GOLDEN / name
    if os.environ.get("XIANJICE_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.read_text(encoding="utf-8") == text
