"""Upload a build to a triple store with the SPARQL 1.1 Graph Store Protocol.

Works with any store that speaks the protocol: Oxigraph (``http://host:7878/store``),
Apache Jena Fuseki (``http://host:3030/DATASET/data``), GraphDB
(``http://host:7200/repositories/REPO/rdf-graphs/service``).  ``PUT``
replaces the graph, ``POST`` adds to it.  User and password may be given
in the URL (``http://user:pass@host/…``): they are sent as HTTP Basic
authentication, never as part of the request URL.
"""

from __future__ import annotations

import base64
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from xianjice.errors import EndpointRefused, EndpointUnavailable, PushError, XianjiceError
from xianjice.graph.ids import is_absolute_iri

TURTLE = "text/turtle; charset=utf-8"


@dataclass(frozen=True)
class PushResult:
    url: str
    method: str
    status: int
    bytes: int


def target_url(endpoint: str, graph: str | None = None) -> str:
    """The request URL: the endpoint with ``?graph=IRI`` or ``?default``.

    >>> target_url("http://localhost:7878/store")
    'http://localhost:7878/store?default'
    >>> target_url("http://h/ds/data?x=1", "https://example.org/g#1")
    'http://h/ds/data?x=1&graph=https%3A%2F%2Fexample.org%2Fg%231'
    >>> target_url("ftp://h/x")
    Traceback (most recent call last):
    ...
    xianjice.errors.PushError: endpoint 'ftp://h/x' is not an http:// or https:// URL
    """
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PushError(f"endpoint {endpoint!r} is not an http:// or https:// URL")
    if graph is not None and not is_absolute_iri(graph):
        raise PushError(f"graph name {graph!r} is not an absolute IRI")
    param = f"graph={quote(graph, safe='')}" if graph is not None else "default"
    query = f"{parts.query}&{param}" if parts.query else param
    netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path or "/", query, ""))


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
        The store's Graph Store Protocol URL.
    graph
        The named graph to write (an absolute IRI); None for the default graph.
    replace
        PUT (replace the graph) when True, POST (add to it) when False.

    Raises
    ------
    EndpointUnavailable, EndpointRefused, PushError
    """
    path = Path(path)
    ttl = path / "graph.ttl" if path.is_dir() else path
    try:
        data = ttl.read_bytes()
    except OSError as exc:
        raise PushError(f"{ttl}: nothing to upload ({exc.strerror}); run `xianjice build` first") from exc
    url = target_url(endpoint, graph)
    method = "PUT" if replace else "POST"
    request = urllib.request.Request(
        url, data=data, method=method,
        headers={"Content-Type": TURTLE, "Accept": "*/*", **_auth_header(endpoint)},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return PushResult(url, method, response.status, len(data))
    except urllib.error.HTTPError as exc:
        body = exc.read(300).decode("utf-8", "replace") if exc.fp else ""
        detail = " ".join(body.split())[:200]
        raise EndpointRefused(
            f"{url}: the store refused the upload: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else ""),
            exc.code,
        ) from exc
    except urllib.error.URLError as exc:
        reason = exc.reason.strerror if isinstance(exc.reason, OSError) and exc.reason.strerror else exc.reason
        raise EndpointUnavailable(f"{url}: no store answers there ({reason})") from exc
    except (TimeoutError, socket.timeout) as exc:
        raise EndpointUnavailable(f"{url}: the store did not answer within {timeout:g} s") from exc
    except (ConnectionError, OSError) as exc:
        raise EndpointUnavailable(f"{url}: the connection failed ({exc})") from exc
