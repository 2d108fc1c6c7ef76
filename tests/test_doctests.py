"""The examples in the library's docstrings run and give what they show.

The packages install under ``xianjice`` from folders at the top of the
repository (``extract/`` → ``xianjice.extract``), so their doctests are run
from the installed modules here rather than collected from the folders.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

PACKAGES = ("xianjice", "xianjice.extract", "xianjice.graph")


def _walk(name: str) -> list[str]:
    # pkgutil.walk_packages does not follow the editable install's mapping of
    # xianjice.extract to extract/, so each package's folder is listed here.
    found = [name]
    for info in pkgutil.iter_modules(importlib.import_module(name).__path__, name + "."):
        if info.name in PACKAGES or info.name.endswith("__main__"):
            continue
        found += _walk(info.name) if info.ispkg else [info.name]
    return found


MODULES = sorted({m for p in PACKAGES for m in _walk(p)})


def test_every_package_is_walked():
    assert {"xianjice.extract.toc", "xianjice.graph.build", "xianjice.graph.rdf.turtle"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"


def test_examples_exist():
    attempted = sum(doctest.testmod(importlib.import_module(n), report=False).attempted for n in MODULES)
    assert attempted >= 50
