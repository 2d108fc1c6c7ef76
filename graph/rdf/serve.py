"""A SPARQL 1.1 endpoint over a build, on 127.0.0.1: pyoxigraph behind the standard library's HTTP server.

Why not the ``oxigraph`` server binary: it is a second package (a test
dependency only), it would need a second server for the explorer pages,
and it knows nothing of our rules (no SERVICE calls from a local file unless
asked, graph.ttl never changed).  pyoxigraph is already what ``xianjice
query`` runs on, so ``serve`` answers exactly what ``query`` answers, from
the same cached store (:mod:`xianjice.graph.rdf.store`), and the standard
library's :class:`http.server.ThreadingHTTPServer` is enough for one
machine.  For more, push the build to a real store (``xianjice push``).

Routes (SPARQL 1.1 Protocol):

- ``GET /sparql?query=…``, ``POST /sparql`` (``application/sparql-query``
  or a form with ``query=``): results as SPARQL JSON (default), XML, CSV or
  TSV for SELECT/ASK, Turtle or N-Triples for CONSTRUCT/DESCRIBE, by the
  ``Accept`` header;
- ``POST /update`` (``application/sparql-update`` or a form with
  ``update=``): refused with 403 unless the server was started with
  updates allowed; then they change an in-memory copy, never graph.ttl;
- anything else: the files of the build directory (graph.html and the
  other explorer pages, graph.ttl, the CSVs …).
"""

from __future__ import annotations

import functools
import http.server
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from xianjice.errors import QueryError, XianjiceError
from xianjice.graph.rdf.query import check_service, graph_file, load_store
from xianjice.graph.rdf.prefixes import PREFIXES

HOST = "127.0.0.1"
#: Largest request body accepted (a query or an update), in bytes.
MAX_BODY = 1 << 20
_RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPHS = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES}


def _negotiate(accept: str, table: dict, default):
    """The first format of ``table`` that the Accept header names (no q-value ranking), else the default."""
    for item in accept.split(","):
        media = item.split(";")[0].strip().lower()
        if media in table:
            return table[media]
    return default


class _Handler(http.server.SimpleHTTPRequestHandler):
    store: ox.Store
    allow_update: bool
    allow_service: bool
    server_version = "xianjice-serve"

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass  # quiet: the terminal shows the URL and errors only

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    # --- routing ------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        if parts.path in ("/sparql", "/query"):
            params = parse_qs(parts.query)
            if "query" not in params:
                return self._text(400, "give the query as ?query=…")
            return self._query(params["query"][0])
        if parts.path == "/update":
            return self._text(405, "updates are POSTed", allow="POST")
        return super().do_GET()

    def do_HEAD(self) -> None:  # noqa: N802
        return super().do_HEAD()

    def do_POST(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        if parts.path not in ("/sparql", "/query", "/update"):
            return self._text(404, "POST a query to /sparql or an update to /update")
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            return self._text(411, "a Content-Length is needed")
        if int(length) > MAX_BODY:
            return self._text(413, f"the request is larger than {MAX_BODY} bytes")
        body = self.rfile.read(int(length)).decode("utf-8", "replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == "application/x-www-form-urlencoded":
            form = parse_qs(body)
            if "update" in form:
                return self._update(form["update"][0])
            if "query" in form:
                return self._query(form["query"][0])
            return self._text(400, "the form has neither query= nor update=")
        if kind == "application/sparql-update" or (parts.path == "/update" and kind != "application/sparql-query"):
            return self._update(body)
        if kind == "application/sparql-query":
            return self._query(body)
        return self._text(415, "send application/sparql-query, application/sparql-update or a form")

    def do_PUT(self) -> None:  # noqa: N802
        self._text(405, "this endpoint does not take uploads; see xianjice push", allow="GET, POST")

    do_DELETE = do_PATCH = do_PUT  # noqa: N815

    # --- SPARQL -------------------------------------------------------------

    def _query(self, sparql: str) -> None:
        try:
            check_service(sparql, allow_service=self.allow_service)
            result = self.store.query(sparql, prefixes=dict(PREFIXES))
            accept = self.headers.get("Accept") or ""
            if isinstance(result, ox.QueryTriples):
                fmt = _negotiate(accept, _GRAPHS, ox.RdfFormat.TURTLE)
                data = result.serialize(format=fmt)
            else:
                fmt = _negotiate(accept, _RESULTS, ox.QueryResultsFormat.JSON)
                data = result.serialize(format=fmt)
        except (SyntaxError, QueryError) as exc:
            return self._text(400, " ".join(str(exc).split()))
        except OSError as exc:  # a failing SERVICE call, a store error
            return self._text(500, " ".join(str(exc).split()))
        media = fmt.media_type
        if media.startswith("text/") and "charset" not in media:
            media += "; charset=utf-8"
        self._send(200, media, data)

    def _update(self, sparql: str) -> None:
        if not self.allow_update:
            return self._text(403, "this endpoint is read-only; start it with --allow-update to allow updates")
        try:
            check_service(sparql, allow_service=self.allow_service)
            self.store.update(sparql, prefixes=dict(PREFIXES))
        except (SyntaxError, QueryError) as exc:
            return self._text(400, " ".join(str(exc).split()))
        except OSError as exc:
            return self._text(500, " ".join(str(exc).split()))
        self._send(204, None, b"")

    # --- answers ------------------------------------------------------------

    def _text(self, status: int, message: str, *, allow: str | None = None) -> None:
        extra = {"Allow": allow} if allow else {}
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), extra)

    def _send(self, status: int, content_type: str | None, data: bytes, extra: dict | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


class Server(http.server.ThreadingHTTPServer):
    """The endpoint's HTTP server; its request threads never hold up the end."""

    daemon_threads = True
    block_on_close = False

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_port}"


def make_server(build: str | Path, *, port: int = 7878, allow_update: bool = False,
                allow_service: bool = False) -> Server:
    """A server over a build directory, bound to 127.0.0.1 (not yet serving).

    Parameters
    ----------
    build
        A build directory (its graph.ttl is served; its files are served as pages).
    port
        TCP port; 0 for any free one (see ``Server.url``).
    allow_update
        Accept SPARQL updates, applied to an in-memory copy of the graph
        (graph.ttl and the cached store never change).
    allow_service
        Run SERVICE clauses (outbound requests).

    Raises
    ------
    XianjiceError
        No graph.ttl, unreadable Turtle, or the port cannot be used.
    """
    build = Path(build)
    ttl = graph_file(build)
    store = load_store(build, writable=allow_update)
    handler = type("Handler", (_Handler,), {"store": store, "allow_update": allow_update,
                                            "allow_service": allow_service})
    pages = build if build.is_dir() else ttl.parent
    try:
        return Server((HOST, port), functools.partial(handler, directory=str(pages)))
    except OSError as exc:
        raise XianjiceError(f"cannot listen on {HOST}:{port} ({exc.strerror or exc}); give another --port") from exc


def serve(server: Server, *, say: Callable[[str], None] = print) -> None:
    """Serve until Ctrl-C (SIGINT) or SIGTERM, then close the socket and return."""
    stop = threading.Event()

    def interrupt(signum, frame):  # noqa: ARG001
        stop.set()
        raise KeyboardInterrupt

    # SIGINT too: a process started in the background by a shell inherits SIGINT ignored, and
    # Python then leaves it so; "Press Ctrl-C to stop" must hold whatever started the server.
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, interrupt)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        server.server_close()
        say("stopped")
        sys.stdout.flush()
