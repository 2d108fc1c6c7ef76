"""Uploading a build with the Graph Store Protocol (xianjice.graph.rdf.push, xianjice push)."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from graph_records import compilations
from oxigraph_server import free_port, oxigraph_server

from xianjice.graph.build import build_graph
from xianjice.graph.rdf.push import EndpointRefused, EndpointUnavailable, PushError, push_file, target_url
from xianjice.graph.rdf.triples import graph_triples
from xianjice.graph.rdf.turtle import write_turtle
from xianjice.cli import cli


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as s:
        yield s


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory) -> tuple[Path, int]:
    out = tmp_path_factory.mktemp("build")
    triples = set(graph_triples(build_graph(compilations())))
    write_turtle(triples, out / "graph.ttl")
    return out, len(triples)


def test_put_default_graph(server, build_dir):
    out, n = build_dir
    server.clear()
    result = push_file(out, server.store)
    assert (result.method, result.status) in {("PUT", 201), ("PUT", 204)}
    assert server.count() == n


def test_put_replaces_and_post_appends(server, build_dir, tmp_path):
    out, n = build_dir
    server.clear()
    g = "https://example.org/graph/test"
    push_file(out, server.store, graph=g)
    push_file(out, server.store, graph=g)  # PUT again: replaced, not doubled
    assert server.count(g) == n
    extra = tmp_path / "extra.ttl"
    extra.write_text("<https://example.org/x> <https://example.org/p> 1 .\n", encoding="utf-8")
    push_file(extra, server.store, graph=g, replace=False)
    assert server.count(g) == n + 1


def test_cli_push(server, build_dir):
    out, n = build_dir
    server.clear()
    result = CliRunner().invoke(cli, ["push", "--endpoint", server.store, "--graph", "urn:x-test:g", "-d", str(out)])
    assert result.exit_code == 0, result.output
    assert "HTTP 20" in result.output
    assert server.count("urn:x-test:g") == n


def test_endpoint_down(build_dir):
    out, _ = build_dir
    with pytest.raises(EndpointUnavailable, match="no store answers"):
        push_file(out, f"http://127.0.0.1:{free_port()}/store", timeout=5)


def test_cli_endpoint_down_is_one_line(build_dir):
    out, _ = build_dir
    result = CliRunner().invoke(cli, ["push", "--endpoint", f"http://127.0.0.1:{free_port()}/store", "-d", str(out)])
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert "Traceback" not in result.output


class _Refuse(http.server.BaseHTTPRequestHandler):
    status = 401

    def do_PUT(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(self.status)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"authentication required\n" + self.headers.get("Authorization", "-").encode())

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("status", [401, 403, 405, 500])
def test_endpoint_refuses(build_dir, status):
    out, _ = build_dir
    handler = type("H", (_Refuse,), {"status": status})
    httpd = http.server.HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://user:secret@127.0.0.1:{httpd.server_port}/store"
        with pytest.raises(EndpointRefused, match=f"HTTP {status}") as info:
            push_file(out, url, timeout=5)
        assert info.value.status == status
        assert "Basic dXNlcjpzZWNyZXQ=" in str(info.value)  # credentials went as a header …
        assert "secret@" not in str(info.value)  # … and not in the URL
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize(
    ("endpoint", "graph", "message"),
    [
        ("localhost:7878/store", None, "not an http"),
        ("http://localhost:7878/store", "not an iri", "not an absolute IRI"),
    ],
)
def test_bad_arguments(build_dir, endpoint, graph, message):
    with pytest.raises(PushError, match=message):
        push_file(build_dir[0], endpoint, graph=graph)


def test_nothing_to_upload(tmp_path):
    with pytest.raises(PushError, match="nothing to upload"):
        push_file(tmp_path, "http://127.0.0.1:1/store")


def test_target_url_keeps_query():
    assert target_url("http://h:1/ds?x=1", "urn:a") == "http://h:1/ds?x=1&graph=urn%3Aa"
