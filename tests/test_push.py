"""Uploading a build with the Graph Store Protocol (xianjice.graph.rdf.push, xianjice push)."""

from __future__ import annotations

import contextlib
import http.server
import socket
import subprocess
import sys
import threading
import time
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
    seen: list  # (method, path, Authorization header) of each request

    def do_PUT(self):  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.seen.append((self.command, self.path, self.headers.get("Authorization")))
        self.send_response(self.status)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"authentication required\n" + self.headers.get("Authorization", "-").encode())

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def http_server(handler):
    """A threaded HTTP server on 127.0.0.1 for the block."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize("status", [401, 403, 405, 500])
def test_endpoint_refuses(build_dir, status):
    out, _ = build_dir
    handler = type("H", (_Refuse,), {"status": status, "seen": []})
    with http_server(handler) as httpd:
        url = f"http://user:secret@127.0.0.1:{httpd.server_port}/store"
        with pytest.raises(EndpointRefused, match=f"HTTP {status}") as info:
            push_file(out, url, timeout=5)
    assert info.value.status == status
    assert handler.seen == [("PUT", "/store?default", "Basic dXNlcjpzZWNyZXQ=")]  # credentials went as a header …
    assert "secret" not in str(info.value)  # … not in the URL, and the server's echo of them is not shown
    assert "dXNlcjpzZWNyZXQ=" not in str(info.value)
    assert str(info.value).endswith("authentication required Basic ***")


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


# --- issue 14: nothing leaked, no redirect that loses the upload, one line for every failure -------------


def one_line_error(args: list[str], out: Path) -> str:
    result = CliRunner().invoke(cli, ["push", *args, "-d", str(out)])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1, result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.mark.parametrize(
    ("endpoint", "shown"),
    [
        ("ftp://user:s3cret@127.0.0.1/x", "'ftp://***@127.0.0.1/x' is not an http:// or https:// URL"),
        ("http://user:s3cret@/store", "'http://***@/store' is not an http:// or https:// URL"),
        ("user:s3cret@127.0.0.1:7878/store", "'***@127.0.0.1:7878/store' is not an http:// or https:// URL"),
        ("http://user:s3cret@[::1/store", "'http://***@[::1/store' is not a valid URL (Invalid IPv6 URL)"),
        ("http://user:s3cret@127.0.0.1:abc/store", "'http://***@127.0.0.1:abc/store' is not a valid URL (Port could not be cast to integer value as 'abc')"),
        ("http://127.0.0.1:99999/store", "'http://127.0.0.1:99999/store' is not a valid URL (Port out of range 0-65535)"),
        ("http://127.0.0.1/my store", "'http://127.0.0.1/my store' holds a space or a control character"),
        ("http://127.0.0.1/store\r\nX-Injected: 1", "'http://127.0.0.1/store\\r\\nX-Injected: 1' holds a space or a control character"),
    ],
)
def test_bad_endpoints_are_one_line_without_credentials(build_dir, endpoint, shown):
    output = one_line_error(["--endpoint", endpoint], build_dir[0])
    assert output.startswith(f"Error: endpoint {shown}")
    assert "s3cret" not in output


class _Redirect(http.server.BaseHTTPRequestHandler):
    """Answers /store with a redirect to ``target`` (a path here or a full URL) and /new with 204."""

    status = 303
    target = "/new"
    seen: list

    def _answer(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.seen.append((self.command, self.path.split("?")[0], self.headers.get("Authorization")))
        if self.path.startswith("/store"):
            self.send_response(self.status)
            self.send_header("Location", self.target)
        else:
            self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_POST = do_GET = _answer  # noqa: N815

    def log_message(self, *args):
        pass


@pytest.mark.parametrize("status", [301, 302, 303])
@pytest.mark.parametrize("append", [True, False])
def test_a_redirect_that_changes_the_method_is_an_error(build_dir, status, append):
    handler = type("R", (_Redirect,), {"status": status, "seen": []})
    with http_server(handler) as httpd:
        endpoint = f"http://user:s3cret@127.0.0.1:{httpd.server_port}/store"
        output = one_line_error(["--endpoint", endpoint, *(["--append"] if append else [])], build_dir[0])
    method = "POST" if append else "PUT"
    assert f"HTTP {status}" in output and "nothing was uploaded" in output and "s3cret" not in output
    assert handler.seen == [(method, "/store", "Basic dXNlcjpzM2NyZXQ=")]  # /new was never asked


@pytest.mark.parametrize("status", [307, 308])
def test_a_same_origin_redirect_keeping_the_method_is_followed(build_dir, status):
    handler = type("R", (_Redirect,), {"status": status, "seen": []})
    with http_server(handler) as httpd:
        result = push_file(build_dir[0], f"http://user:s3cret@127.0.0.1:{httpd.server_port}/store", replace=False,
                           timeout=5)
    assert (result.method, result.status) == ("POST", 204)
    assert result.url.startswith(f"http://127.0.0.1:{httpd.server_port}/new")
    auth = "Basic dXNlcjpzM2NyZXQ="
    assert handler.seen == [("POST", "/store", auth), ("POST", "/new", auth)]


@pytest.mark.parametrize("status", [301, 307, 308])
def test_credentials_never_go_to_another_origin(build_dir, status):
    other = type("O", (_Redirect,), {"status": 204, "seen": []})
    with http_server(other) as elsewhere:
        handler = type("R", (_Redirect,), {"status": status, "seen": [],
                                           "target": f"http://localhost:{elsewhere.server_port}/store"})
        with http_server(handler) as httpd:
            output = one_line_error(["--endpoint", f"http://user:s3cret@127.0.0.1:{httpd.server_port}/store"],
                                    build_dir[0])
    assert other.seen == []  # the other origin got nothing, credentials least of all
    assert f"HTTP {status}" in output or "another origin" in output
    assert "s3cret" not in output


def test_a_redirect_loop_ends(build_dir):
    handler = type("R", (_Redirect,), {"status": 307, "seen": [], "target": "/store?again"})
    with http_server(handler) as httpd:
        output = one_line_error(["--endpoint", f"http://127.0.0.1:{httpd.server_port}/store"], build_dir[0])
    assert "more than 5 redirects" in output
    assert len(handler.seen) == 6


@contextlib.contextmanager
def raw_server(reply, *, seconds: float = 15.0):
    """A TCP server on 127.0.0.1 answering each connection with ``reply(conn)``, for at most ``seconds``."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(0.2)
    stop = threading.Event()
    end = time.monotonic() + seconds

    def serve():
        while not stop.is_set() and time.monotonic() < end:
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    conn.recv(65536)
                    reply(conn, stop)
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/store"
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def send(data: bytes):
    return lambda conn, stop: conn.sendall(data)


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (send(b"SSH-2.0-OpenSSH_9.2p1\r\n"), "the answer is not usable HTTP (BadStatusLine: SSH-2.0-OpenSSH_9.2p1)"),
        (send(b"\x1b[31mred\x1b[0m\r\n"), "the answer is not usable HTTP (BadStatusLine: ?[31mred?[0m)"),
        (send(b""), "the answer is not usable HTTP (RemoteDisconnected: Remote end closed connection without response)"),
        (send(b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: a\r\n" % i for i in range(101)) + b"\r\n"),
         "the answer is not usable HTTP (HTTPException: got more than 100 headers)"),
        (send(b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70000 + b"\r\n\r\n"),
         "the answer is not usable HTTP (LineTooLong: got more than 65536 bytes when reading header line)"),
    ],
    ids=["ssh", "escape-sequences", "closed", "too-many-headers", "long-header"],
)
def test_replies_that_are_not_http_are_one_line(build_dir, reply, message):
    with raw_server(reply) as endpoint:
        output = one_line_error(["--endpoint", endpoint, "--timeout", "5"], build_dir[0])
    assert output == f"Error: {endpoint}?default: {message}\n"


def drip(conn, stop):
    """A status line, then one header byte every 0.2 s until stopped (or 15 s)."""
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    for _ in range(75):
        if stop.is_set():
            return
        conn.sendall(b"X")
        time.sleep(0.2)


def test_timeout_is_a_deadline_against_a_dripping_server(build_dir):
    with raw_server(drip) as endpoint:
        start = time.monotonic()
        output = one_line_error(["--endpoint", endpoint, "--timeout", "3"], build_dir[0])
        elapsed = time.monotonic() - start
    assert output == f"Error: {endpoint}?default: the store did not answer within 3 s\n"
    assert 2.9 < elapsed < 5.0


def test_a_slow_but_timely_store_succeeds(build_dir):
    def slow(conn, stop):
        time.sleep(1)
        conn.sendall(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n")

    with raw_server(slow) as endpoint:
        result = push_file(build_dir[0], endpoint, timeout=3)
    assert result.status == 204
