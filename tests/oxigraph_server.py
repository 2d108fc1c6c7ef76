"""A real Oxigraph SPARQL server for the tests (the ``oxigraph`` package from PyPI).

:func:`oxigraph_server` starts ``oxigraph serve`` on 127.0.0.1 and a free
port with its own store directory, waits until it answers, and stops it at
the end.  Data goes in through the SPARQL 1.1 Graph Store Protocol
(``/store``), queries through the SPARQL protocol (``/query``).
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


def oxigraph_binary() -> str:
    """The ``oxigraph`` executable of this environment (next to python), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file():
        return str(here)
    found = shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the oxigraph server is missing: pip install oxigraph (a test dependency)")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Oxigraph:
    url: str
    process: subprocess.Popen

    @property
    def store(self) -> str:
        """The Graph Store Protocol endpoint."""
        return self.url + "/store"

    def query(self, sparql: str, *, default_graph: str | None = None) -> dict:
        """Run a SPARQL query (on ``default_graph`` as the default graph if given); return JSON results."""
        params = "?" + urllib.parse.urlencode({"default-graph-uri": default_graph}) if default_graph else ""
        request = urllib.request.Request(
            self.url + "/query" + params,
            data=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def count(self, graph: str | None = None) -> int:
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
        result = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        return int(result["results"]["bindings"][0]["n"]["value"])

    def clear(self) -> None:
        request = urllib.request.Request(
            self.url + "/update", data=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"}
        )
        with urllib.request.urlopen(request, timeout=60):
            pass


@contextlib.contextmanager
def oxigraph_server(location: Path, *, startup: float = 30.0) -> Iterator[Oxigraph]:
    """Run an Oxigraph server with its data in ``location`` for the duration of the block."""
    port = free_port()
    process = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    server = Oxigraph(f"http://127.0.0.1:{port}", process)
    try:
        deadline = time.monotonic() + startup
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited: {process.stderr.read().decode(errors='replace')}")
            try:
                server.query("ASK { }")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph serve did not answer on port {port} within {startup} s") from None
                time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()
