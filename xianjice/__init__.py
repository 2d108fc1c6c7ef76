"""xianjice (献计策): a compilation of proposal essays → a knowledge graph.

The Python API (:mod:`xianjice.api`) is available here::

    import xianjice
    books = xianjice.read_files()          # the bundled seed
    xianjice.write_exports(books, "exports")

``import xianjice`` stays light: the API's module and the libraries behind it
load on first use (PEP 562 module ``__getattr__``).
"""

from pathlib import Path

__version__ = "0.1.0"

SEED_NAME = "customs-2009-xianjice-prize-essays.txt"

#: The names of :mod:`xianjice.api`, loaded on first use.
API = ("read_files", "build_graph", "write_exports", "query")

__all__ = ["__version__", "bundled_seed", *API]


def bundled_seed() -> Path:
    """Return the path of the bundled default input (the 2009 China Customs compilation, partial text).

    The repository's ``seeds/`` folder installs as the data package ``xianjice.seeds``,
    so the seed is there in a wheel as in a source checkout.

    Returns
    -------
    pathlib.Path
        The seed's text file; it exists whenever the package is installed whole.
    """
    from importlib import resources

    return Path(str(resources.files("xianjice.seeds") / SEED_NAME))


def __getattr__(name: str):
    if name in API:
        from xianjice import api

        return getattr(api, name)
    raise AttributeError(f"module 'xianjice' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *API])
