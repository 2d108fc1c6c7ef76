"""A build's graph.ttl in an embedded Oxigraph store, loaded once and kept in a cache.

``xianjice query`` and ``xianjice serve`` run on `Oxigraph <https://github.com/oxigraph/oxigraph>`_
through pyoxigraph.  Parsing graph.ttl is what costs (seconds for a large
book in rdflib, a third of a second in Oxigraph); the store made from it is
kept in a cache directory **outside the build**, so that

- repeated queries open the store (milliseconds) instead of parsing again;
- a build directory stays exactly what ``xianjice build`` wrote (byte-identical
  rebuilds, ``exports/`` under version control, read-only build directories);
- a rebuild invalidates the store by itself: each store is named by the
  SHA-256 of the graph.ttl it was loaded from (with :data:`STORE_LAYOUT` and
  pyoxigraph's version, so that a store of another layout or version is
  loaded anew rather than reused).

The cache lives in ``$XIANJICE_CACHE`` when set, else
``$XDG_CACHE_HOME/xianjice`` (``~/.cache/xianjice``), under ``stores/``.  A
small stamp per graph.ttl path records its size, modification time and
inode with the digest, so that an unchanged file is not even hashed again.
The store is compacted once after loading (``Store.optimize``: a few
seconds for a large book, paid once), which halves the time of the index
lookups every query makes.  At most :data:`KEEP` stores are kept (the least
recently used go).  When the cache cannot be written, the graph is loaded
into memory for this one run.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from xianjice.errors import QueryError

#: Version of how a cached store is laid out (2: compacted after loading).
STORE_LAYOUT = 2

#: Environment variable naming the cache directory.
CACHE_ENV = "XIANJICE_CACHE"
#: Stores kept in the cache (the least recently used beyond this are removed).
KEEP = 8


def cache_root() -> Path:
    """The directory holding the stores: ``$XIANJICE_CACHE/stores`` or ``$XDG_CACHE_HOME/xianjice/stores``."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit) / "stores"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "xianjice" / "stores"


def file_digest(path: Path) -> str:
    """The SHA-256 of a file, in hex."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _stat_key(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev]


def _digest(ttl: Path, root: Path) -> str:
    """The digest of graph.ttl, read from the stamp of its path when size, mtime and inode are unchanged."""
    stamp = root / "paths" / (hashlib.sha256(str(ttl.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".json")
    key = _stat_key(ttl)
    try:
        known = json.loads(stamp.read_text(encoding="utf-8"))
        if known.get("stat") == key and isinstance(known.get("sha256"), str):
            return known["sha256"]
    except (OSError, ValueError):
        pass
    digest = file_digest(ttl)
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=stamp.parent, delete=False, encoding="utf-8") as f:
            json.dump({"source": str(ttl.resolve()), "stat": key, "sha256": digest}, f)
        os.replace(f.name, stamp)
    except OSError:
        pass
    return digest


def store_key(digest: str) -> str:
    """The cache entry of a graph.ttl: its SHA-256 with the store's layout and Oxigraph's version.

    A store written by another layout (before compaction was added) or by
    another pyoxigraph is not reused but loaded anew.

    >>> len(store_key("0" * 64))
    64
    """
    version = getattr(ox, "__version__", "")
    return hashlib.sha256(f"{STORE_LAYOUT}|{version}|{digest}".encode("ascii")).hexdigest()


def load_turtle(store: ox.Store, ttl: Path) -> None:
    """Bulk-load a Turtle file into a store; bad Turtle is one :class:`QueryError` line.

    An ``OSError`` (graph.ttl unreadable, the store's disk full) goes through.
    """
    try:
        store.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    except SyntaxError as exc:
        raise QueryError(f"{ttl}: not readable Turtle: {' '.join(str(exc).split())}") from exc


def memory_store(ttl: Path) -> ox.Store:
    """A new in-memory store holding graph.ttl (parsed on every call)."""
    store = ox.Store()
    try:
        load_turtle(store, ttl)
    except OSError as exc:
        raise QueryError(f"{ttl}: cannot be read: {exc.strerror or exc}") from exc
    return store


def open_store(ttl: str | Path, *, cache: str | Path | None = None, writable: bool = False) -> ox.Store:
    """Open the store of a graph.ttl, loading it into the cache the first time.

    Parameters
    ----------
    ttl
        A graph.ttl (the file itself, not its build directory).
    cache
        The stores directory; :func:`cache_root` when None.
    writable
        Return a store that may be changed (an in-memory copy: the cached
        store and graph.ttl are never changed).

    Returns
    -------
    pyoxigraph.Store
        Read-only unless *writable*.

    Raises
    ------
    QueryError
        graph.ttl is not readable Turtle.
    """
    ttl = Path(ttl)
    if writable:
        return memory_store(ttl)
    root = Path(cache) if cache is not None else cache_root()
    try:
        place = root / store_key(_digest(ttl, root))
        if not (place / "complete").is_file():
            _fill(ttl, root, place)
        os.utime(place / "complete")  # most recently used
        store = ox.Store.read_only(str(place / "store"))
    except OSError:
        return memory_store(ttl)  # no writable cache: this run parses
    _prune(root, keep=KEEP, spare=place)
    return store


def _fill(ttl: Path, root: Path, place: Path) -> None:
    """Load graph.ttl into a new store and move it into ``place`` in one rename."""
    root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".load-", dir=root))
    try:
        store = ox.Store(str(work / "store"))
        load_turtle(store, ttl)
        store.optimize()  # one sorted file per index instead of the bulk loader's batches: lookups 2x faster
        store.flush()
        del store  # closes the database
        (work / "complete").write_text(json.dumps({"source": str(ttl.resolve()), "loaded": time.time()}),
                                       encoding="utf-8")
        try:
            os.rename(work, place)
        except OSError:
            if not (place / "complete").is_file():  # not another process that loaded it first
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _prune(root: Path, *, keep: int, spare: Path) -> None:
    """Remove the least recently used stores beyond ``keep`` (never ``spare``); best effort."""
    try:
        stores = [p for p in root.iterdir() if len(p.name) == 64 and (p / "complete").is_file()]
        stores.sort(key=lambda p: (p / "complete").stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in stores[keep:]:
        if old != spare:
            shutil.rmtree(old, ignore_errors=True)
