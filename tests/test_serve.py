"""``xianjice serve``: a SPARQL 1.1 endpoint over a build, answering what ``xianjice query`` answers."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from xianjice.cli import cli

GOLDEN = Path(__file__).parent / "golden" / "fixture.ttl"
PAGE = "<!doctype html><title>探索</title>"


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    (out / "graph.ttl").write_bytes(GOLDEN.read_bytes())
    (out / "graph.html").write_text(PAGE, encoding="utf-8")
    return out


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as a shell does for a job started with `&`


@contextlib.contextmanager
def serving(build: Path, cache: Path, *args: str, sigint_ignored: bool = False):
    """``xianjice serve --port 0`` in a process; yields (process, base URL); stops it with SIGINT."""
    env = os.environ | {"XIANJICE_CACHE": str(cache), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "xianjice", "serve", "-d", str(build), "--port", "0", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=_ignore_sigint if sigint_ignored else None)
    try:
        first = proc.stdout.readline()
        match = re.match(r"SPARQL endpoint: (http://127\.0\.0\.1:\d+)/sparql \((.*)\)$", first.strip())
        assert match, first + proc.stderr.read() if proc.poll() is not None else first
        yield proc, match.group(1)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def request(url: str, *, data: bytes | None = None, headers: dict | None = None) -> tuple[int, bytes, str]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), exc.headers.get("Content-Type", "")


def sparql(base: str, query: str, accept: str = "application/sparql-results+json") -> tuple[int, bytes]:
    status, body, _ = request(base + "/sparql", data=query.encode("utf-8"),
                              headers={"Content-Type": "application/sparql-query", "Accept": accept})
    return status, body


def cli_json(build: Path, query: str) -> dict:
    result = CliRunner().invoke(cli, ["query", query, "-d", str(build), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def rows(answer: dict) -> list[dict]:
    return [{v: b[v]["value"] for v in answer["head"]["vars"] if v in b} for b in answer["results"]["bindings"]]


@pytest.fixture(scope="module")
def server(build, tmp_path_factory):
    with serving(build, tmp_path_factory.mktemp("cache")) as (proc, base):
        yield proc, base


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XIANJICE_CACHE", str(tmp_path / "cache"))


@pytest.mark.parametrize("name", ["essays-by-tier", "essays-by-unit-and-theme", "authors", "units-on-risk-management"])
def test_http_rows_are_the_rows_of_xianjice_query(server, build, name):
    from xianjice.graph.rdf.query import shipped_queries

    _, base = server
    status, body = sparql(base, shipped_queries()[name])
    assert status == 200
    assert rows(json.loads(body)) == rows(cli_json(build, name))
    assert rows(json.loads(body))  # something to compare


def test_get_with_csv(server, build):
    _, base = server
    query = "SELECT ?rank (COUNT(?e) AS ?n) WHERE { ?e schema:award/xj:rank ?rank } GROUP BY ?rank ORDER BY ?rank"
    status, body, kind = request(base + "/sparql?" + urllib.parse.urlencode({"query": query}),
                                 headers={"Accept": "text/csv"})
    assert (status, kind) == (200, "text/csv; charset=utf-8")
    assert list(csv.reader(io.StringIO(body.decode("utf-8")))) == [["rank", "n"], ["1", "3"], ["2", "4"]]


def test_form_post_and_construct(server):
    _, base = server
    form = urllib.parse.urlencode({"query": "CONSTRUCT { ?t xj:rank ?r } WHERE { ?t xj:rank ?r }"}).encode()
    status, body, kind = request(base + "/sparql", data=form,
                                 headers={"Content-Type": "application/x-www-form-urlencoded",
                                          "Accept": "application/n-triples"})
    assert (status, kind) == (200, "application/n-triples")
    assert len(body.decode("utf-8").strip().splitlines()) == 2  # two tiers


def test_updates_are_refused_by_default(server, build):
    _, base = server
    before = hashlib.sha256((build / "graph.ttl").read_bytes()).hexdigest()
    insert = b"INSERT DATA { <urn:x:a> <urn:x:p> 1 }"
    for path, kind in (("/update", "application/sparql-update"), ("/sparql", "application/sparql-update")):
        status, body, _ = request(base + path, data=insert, headers={"Content-Type": kind})
        assert status == 403 and b"--allow-update" in body
    form = urllib.parse.urlencode({"update": insert.decode()}).encode()
    assert request(base + "/update", data=form,
                   headers={"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    status, body = sparql(base, "ASK { <urn:x:a> ?p ?o }")
    assert json.loads(body)["boolean"] is False
    assert hashlib.sha256((build / "graph.ttl").read_bytes()).hexdigest() == before


def test_updates_when_allowed_change_a_copy_only(build, tmp_path):
    before = (build / "graph.ttl").read_bytes()
    with serving(build, tmp_path / "cache", "--allow-update") as (proc, base):
        status, _, _ = request(base + "/update", data=b"INSERT DATA { <urn:x:a> <urn:x:p> 1 }",
                               headers={"Content-Type": "application/sparql-update"})
        assert status == 204
        assert json.loads(sparql(base, "ASK { <urn:x:a> <urn:x:p> 1 }")[1])["boolean"] is True
    assert (build / "graph.ttl").read_bytes() == before
    assert cli_json(build, "SELECT ?o { <urn:x:a> ?p ?o }")["results"]["bindings"] == []


def test_service_is_refused_and_bad_queries_are_400(server):
    _, base = server
    status, body = sparql(base, "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 400 and b"--allow-service" in body
    status, body = sparql(base, "SELEC ?x")
    assert status == 400 and body.count(b"\n") == 1


def test_explorer_pages_are_served_beside_it(server):
    _, base = server
    status, body, kind = request(base + "/graph.html")
    assert status == 200 and body.decode("utf-8") == PAGE and kind.startswith("text/html")
    assert request(base + "/../../etc/passwd")[0] == 404


@pytest.mark.parametrize(("signum", "sigint_ignored"),
                         [(signal.SIGINT, False), (signal.SIGINT, True), (signal.SIGTERM, False)],
                         ids=["ctrl-c", "ctrl-c-started-in-background", "sigterm"])
def test_ctrl_c_stops_it_and_leaves_nothing(build, tmp_path, signum, sigint_ignored):
    with serving(build, tmp_path / "cache", sigint_ignored=sigint_ignored) as (proc, base):
        assert sparql(base, "ASK {}")[0] == 200
        port = int(base.rsplit(":", 1)[1])
        proc.send_signal(signum)
        assert proc.wait(timeout=20) == 0
        assert proc.stdout.read().strip().endswith("stopped")
        assert "Traceback" not in proc.stderr.read()
    children = Path(f"/proc/{proc.pid}").exists()
    assert not children  # the process is gone (reaped), not a zombie
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0  # nothing listens any more


def test_no_build_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "-d", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1


def test_a_taken_port_is_one_line(build):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        result = CliRunner().invoke(cli, ["serve", "-d", str(build), "--port", str(s.getsockname()[1])])
    assert result.exit_code == 2
    assert result.output.startswith("Error: cannot listen on 127.0.0.1:") and result.output.count("\n") == 1
