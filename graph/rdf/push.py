"""Upload a build to a triple store with the SPARQL 1.1 Graph Store Protocol.

Works with any store that speaks the protocol: Oxigraph (``http://host:7878/store``),
Apache Jena Fuseki (``http://host:3030/DATASET/data``), GraphDB
(``http://host:7200/repositories/REPO/rdf-graphs/service``).  ``PUT``
replaces the graph, ``POST`` adds to it.  User and password may be given
in the URL (``http://user:pass@host/…``): they are sent as HTTP Basic
authentication, never as part of the request URL, and never printed.

What the upload guarantees:

- credentials go to the endpoint's own origin (scheme, host, port) only;
- a redirect is followed only when it keeps the origin and the method
  (307, 308); any other (301, 302, 303 would turn the upload into a ``GET``
  that uploads nothing, or another host) is an error, never a success;
- ``timeout`` is a deadline for the whole exchange, not for each read: a
  server that drips bytes cannot hold the upload longer;
- every failure (no server, not HTTP, too many or too long headers, a bad
  URL) is one :class:`~xianjice.errors.PushError`.
"""

from __future__ import annotations

import base64
import http.client
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

from xianjice.errors import EndpointRefused, EndpointUnavailable, PushError
from xianjice.graph.ids import is_absolute_iri

TURTLE = "text/turtle; charset=utf-8"
#: Redirects followed at most (each must keep the origin and the method).
MAX_REDIRECTS = 5
#: Redirect statuses that keep the method and the body (RFC 9110 §15.4.8, §15.4.9).
KEEP_METHOD = (307, 308)
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class PushResult:
    url: str
    method: str
    status: int
    bytes: int


_USERINFO = re.compile(r"^((?:[A-Za-z][A-Za-z0-9+.\-]*:)?//)?[^?#]*@", re.S)


def redact(url: str) -> str:
    """The URL with any ``user:password@`` replaced by ``***@``: what messages show.

    Works on what is not a valid URL too (another scheme, no scheme, no host).

    >>> redact("http://admin:s3cret@localhost:7200/x?y=1")
    'http://***@localhost:7200/x?y=1'
    >>> redact("admin:s3cret@localhost:7878/store"), redact("ftp://u:p@h/x"), redact("http://:p@/x")
    ('***@localhost:7878/store', 'ftp://***@h/x', 'http://***@/x')
    >>> redact("http://localhost:7878/store")
    'http://localhost:7878/store'
    """
    m = _USERINFO.match(url)
    if not m:
        return url
    return (m.group(1) or "") + "***@" + url[m.end():]


def _origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or (443 if parts.scheme == "https" else 80)


def _split(endpoint: str):
    """``urlsplit`` with its ``ValueError`` (bad IPv6 host, bad port) as one PushError."""
    shown = redact(endpoint)
    if re.search(r"[\x00-\x20\x7f]", endpoint):
        raise PushError(f"endpoint {shown!r} holds a space or a control character; percent-encode it (%20)")
    try:
        parts = urlsplit(endpoint)
        parts.port  # noqa: B018  (raises ValueError for a bad port)
    except ValueError as exc:
        raise PushError(f"endpoint {shown!r} is not a valid URL ({exc})") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"endpoint {shown!r} is not an http:// or https:// URL")
    return parts


def target_url(endpoint: str, graph: str | None = None) -> str:
    """The request URL: the endpoint with ``?graph=IRI`` or ``?default``, without credentials.

    >>> target_url("http://localhost:7878/store")
    'http://localhost:7878/store?default'
    >>> target_url("http://h/ds/data?x=1", "https://example.org/g#1")
    'http://h/ds/data?x=1&graph=https%3A%2F%2Fexample.org%2Fg%231'
    >>> target_url("ftp://user:pw@h/x")
    Traceback (most recent call last):
    ...
    xianjice.errors.PushError: endpoint 'ftp://***@h/x' is not an http:// or https:// URL
    """
    parts = _split(endpoint)
    if graph is not None and not is_absolute_iri(graph):
        raise PushError(f"graph name {graph!r} is not an absolute IRI")
    param = f"graph={quote(graph, safe='')}" if graph is not None else "default"
    query = f"{parts.query}&{param}" if parts.query else param
    return _request_url(parts, query)


def _request_url(parts, query: str) -> str:
    netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    if parts.port:
        netloc += f":{parts.port}"
    keep = "/%:@!$&'()*+,;=~"
    return urlunsplit((parts.scheme, netloc, quote(parts.path or "/", safe=keep), quote(query, safe=keep + "?"), ""))


def _auth_header(endpoint: str) -> dict[str, str]:
    parts = urlsplit(endpoint)
    if parts.username is None:
        return {}
    token = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
    return {"Authorization": "Basic " + base64.b64encode(token).decode("ascii")}


def push_file(
    path: str | Path,
    endpoint: str,
    *,
    graph: str | None = None,
    replace: bool = True,
    timeout: float = 60.0,
) -> PushResult:
    """Upload a Turtle file to a Graph Store Protocol endpoint.

    Parameters
    ----------
    path
        A Turtle file, or a build directory (its graph.ttl is sent).
    endpoint
        The store's Graph Store Protocol URL (``http://user:pass@host/…`` for Basic authentication).
    graph
        The named graph to write (an absolute IRI); None for the default graph.
    replace
        PUT (replace the graph) when True, POST (add to it) when False.
    timeout
        Seconds for the whole upload, answer included (a deadline).

    Raises
    ------
    EndpointUnavailable
        Nothing answers, the answer is not HTTP, or the deadline passed.
    EndpointRefused
        The store answered an error status, or a redirect that is not followed.
    PushError
        Nothing to upload, or a bad endpoint URL or graph name.
    """
    path = Path(path)
    ttl = path / "graph.ttl" if path.is_dir() else path
    url = target_url(endpoint, graph)
    try:
        data = ttl.read_bytes()
    except OSError as exc:
        raise PushError(f"{ttl}: nothing to upload ({exc.strerror}); run `xianjice build` first") from exc
    method = "PUT" if replace else "POST"
    auth = _auth_header(endpoint)
    headers = {"Content-Type": TURTLE, "Accept": "*/*", **auth}
    deadline = time.monotonic() + timeout
    origin = _origin(url)
    for _ in range(MAX_REDIRECTS + 1):
        status, reason, location, body = _exchange(url, method, data, headers, deadline, timeout)
        if 200 <= status < 300:
            return PushResult(url, method, status, len(data))
        if status in REDIRECTS and location is not None:
            target = urljoin(url, location)
            shown = redact(target)
            if status not in KEEP_METHOD:
                raise EndpointRefused(
                    f"{url}: the store answered HTTP {status} {reason} (to {shown}), a redirect that would turn the "
                    f"{method} into a GET and upload nothing; nothing was uploaded (give the store's own URL as "
                    "--endpoint)", status)
            if _origin(target) != origin:
                raise EndpointRefused(
                    f"{url}: the store redirects the upload to another origin ({shown}); not followed, so that "
                    "nothing (credentials included) is sent elsewhere; nothing was uploaded", status)
            url = _request_url(_split(target), urlsplit(target).query)
            continue
        detail = _printable(body.decode("utf-8", "replace"))[:200]
        if auth:
            token = auth["Authorization"].split()[1]
            detail = detail.replace(token, "***")
        raise EndpointRefused(
            f"{url}: the store refused the upload: HTTP {status} {reason}" + (f": {detail}" if detail else ""),
            status,
        )
    raise EndpointRefused(f"{url}: more than {MAX_REDIRECTS} redirects; nothing was uploaded", status)


def _printable(text: str) -> str:
    r"""What a server sent, safe on a terminal: one line, no control characters.

    >>> _printable("bad\x1b[31m\r\n  reply")
    'bad?[31m reply'
    """
    return " ".join("".join(c if c.isprintable() or c.isspace() else "?" for c in text).split())


def _exchange(url: str, method: str, data: bytes, headers: dict[str, str], deadline: float,
              timeout: float) -> tuple[int, str, str | None, bytes]:
    """One request within the deadline: (status, reason, Location, first 300 bytes of an error's body)."""
    parts = urlsplit(url)
    remaining = deadline - time.monotonic()
    late = EndpointUnavailable(f"{url}: the store did not answer within {timeout:g} s")
    if remaining <= 0:
        raise late
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = cls(parts.hostname, parts.port, timeout=remaining)
    expired = threading.Event()

    def cut() -> None:  # the deadline: whatever the connection waits for ends now
        expired.set()
        sock = conn.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    timer = threading.Timer(remaining, cut)
    timer.daemon = True
    timer.start()
    try:
        conn.request(method, urlunsplit(("", "", parts.path or "/", parts.query, "")), body=data, headers=headers)
        response = conn.getresponse()
        body = b"" if 200 <= response.status < 300 else response.read(300)
        if expired.is_set():
            raise late
        return response.status, response.reason, response.getheader("Location"), body
    except (TimeoutError, socket.timeout) as exc:
        raise late from exc
    except http.client.HTTPException as exc:
        if expired.is_set():
            raise late from exc
        what = _printable(str(exc))[:120] or type(exc).__name__
        raise EndpointUnavailable(f"{url}: the answer is not usable HTTP ({type(exc).__name__}: {what})") from exc
    except ssl.SSLError as exc:
        raise EndpointUnavailable(f"{url}: the TLS connection failed ({exc.reason or exc})") from exc
    except OSError as exc:
        if expired.is_set():
            raise late from exc
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise EndpointUnavailable(f"{url}: no store answers there ({reason})") from exc
    finally:
        timer.cancel()
        conn.close()
