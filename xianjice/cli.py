"""The ``xianjice`` command line: thin commands over the library.

Every command turns :class:`~xianjice.errors.XianjiceError` into one line on
stderr and exit status 2 (see :mod:`xianjice.common`).
"""

from __future__ import annotations

import gc

import click

from xianjice import __version__
from xianjice.commands_analysis import central, themes
from xianjice.commands_extract import concepts, extract
from xianjice.commands_graph import build, push, query, serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="xianjice")
def cli() -> None:
    """xianjice (献计策): turn a compilation of proposal essays into a knowledge graph.

    \b
    Start with:
        xianjice build                    # the bundled seed → exports/
        xianjice extract --format table   # what was extracted
        xianjice central --top 10         # the most central concepts
    """


for command in (extract, concepts, build, query, serve, push, central, themes):
    cli.add_command(command)


#: Allocations between two young-generation collections (Python's default is 700).
GC_THRESHOLD = (50_000, 20, 100)


def main() -> None:
    """The console script.

    A build allocates a large heap of records and graph nodes that live until
    the process ends, so the cyclic garbage collector is told so: it runs
    less often, never rescans what the imports created (``gc.freeze``), and
    skips the final sweep of the whole heap at exit.  On the seed this saves
    about a sixth of the run; the memory cost is a few percent.
    """
    gc.set_threshold(*GC_THRESHOLD)
    gc.freeze()
    try:
        cli(prog_name="xianjice")
    finally:
        gc.freeze()
