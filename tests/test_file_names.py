"""Input files whose names are not UTF-8 (GBK bytes, as unzipping a Chinese Windows archive leaves them)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from no_heatmap import NoHeatmap

import xianjice.graph.writers.export as export
from xianjice.extract.pipeline import extract_files
from xianjice.extract.serialize import readable_source

GBK_NAME = "海关征文汇编".encode("gbk") + b".txt"  # not valid UTF-8
LATIN1_NAME = b"caf\xe9 book.txt"  # neither UTF-8 nor GB18030


def _bytes_file(directory: Path, name: bytes, text: str) -> str:
    """Create a file with a bytes name; return its path as Python sees it (undecodable bytes as surrogates)."""
    path = os.path.join(os.fsencode(directory), name)
    with open(path, "wb") as f:
        f.write(text.encode("utf-8"))
    return os.fsdecode(path)


@pytest.mark.parametrize("name, readable", [
    (GBK_NAME, "海关征文汇编.txt"),
    (LATIN1_NAME, "caf\\xe9 book.txt"),
    ("书.txt".encode("utf-8"), "书.txt"),
])
def test_readable_source(name, readable):
    assert readable_source("目录/" + os.fsdecode(name)) == "目录/" + readable


def test_extract_json_is_valid_utf8_with_the_name_readable(tmp_path, seed_text):
    gbk = _bytes_file(tmp_path, GBK_NAME, seed_text)
    latin = _bytes_file(tmp_path, LATIN1_NAME, seed_text)
    run = subprocess.run([sys.executable, "-m", "xianjice", "extract", "-q", "--no-text", "--format", "json",
                          os.fsencode(gbk), os.fsencode(latin)], capture_output=True, timeout=300)
    assert run.returncode == 0, run.stderr
    docs = json.loads(run.stdout.decode("utf-8"))  # strict: raises on invalid UTF-8
    assert [d["source"] for d in docs] == [f"{tmp_path}/海关征文汇编.txt", f"{tmp_path}/caf\\xe9 book.txt"]
    assert [len(d["essays"]) for d in docs] == [60, 60]
    run = subprocess.run([sys.executable, "-m", "xianjice", "extract", "-q", "--no-text", "--format", "jsonl",
                          os.fsencode(gbk)], capture_output=True, timeout=300)
    sources = {json.loads(line)["source"] for line in run.stdout.decode("utf-8").splitlines()}
    assert sources == {f"{tmp_path}/海关征文汇编.txt"}


def test_build_writes_report_and_graph_with_the_name_readable(tmp_path, seed_text, monkeypatch):
    monkeypatch.setattr(export, "start_worker", NoHeatmap)  # the heatmap is not what is tested here
    text = seed_text.replace("ISBN 978-7-80165-649-0", "")  # a second book: no ISBN, so its id comes from its name
    a = _bytes_file(tmp_path, GBK_NAME, seed_text)
    b = _bytes_file(tmp_path, LATIN1_NAME, text.replace("978-7-80165-649-0", ""))
    out = tmp_path / "out"
    export.write_build(extract_files([a, b]), out)
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert sorted(book["source"] for book in report["books"]) == ["caf\\xe9 book.txt", "海关征文汇编.txt"]
    g = Graph().parse(out / "graph.ttl")
    sources = {str(o) for _, o in g.subject_objects(DCTERMS.source)}
    assert {"海关征文汇编.txt", "caf\\xe9 book.txt"} <= sources
    assert "\ufffd" not in (out / "graph.ttl").read_text("utf-8")


def test_report_json_is_valid_utf8_whatever_a_text_holds(tmp_path, monkeypatch):
    from dataclasses import replace

    from graph_records import book_a

    monkeypatch.setattr(export, "start_worker", NoHeatmap)
    c = replace(book_a(), warnings=("lexicon caf\udce9.csv: \x9b2J",))
    export.write_build([c], tmp_path / "out")
    raw = (tmp_path / "out" / "report.json").read_bytes()
    report = json.loads(raw.decode("utf-8"))  # strict
    assert report["books"][0]["warnings"] == ["lexicon caf\udce9.csv: \x9b2J"]
    assert b"\\udce9" in raw and b"\\u009b2J" in raw
