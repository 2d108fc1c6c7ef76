"""What every command shares: clean errors, default input, progress on stderr."""

from __future__ import annotations

import functools
import shutil
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, contextmanager

import click

from xianjice.errors import XianjiceError
from xianjice.graph.writers.texttable import visible
from xianjice import bundled_seed


def clean_errors(func: Callable) -> Callable:
    """Turn the tool's own errors into ``Error: …`` on stderr and exit status 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except XianjiceError as exc:
            click.echo(f"Error: {visible(str(exc))}", err=True)  # input text in it is shown as text, on one line
            sys.exit(2)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(1)

    return wrapper


def input_files(files: tuple[str, ...]) -> list[str]:
    """The files named, or the bundled seed when none is."""
    if files:
        return list(files)
    seed = bundled_seed()
    if not seed.is_file():
        raise XianjiceError(f"no FILE given and the bundled seed is missing ({seed}): name a FILE, "
                            "or reinstall xianjice (the seed ships in the package)")
    return [str(seed)]


def live(quiet: bool) -> bool:
    """Whether to show progress: not asked to be quiet, and stderr is a terminal."""
    return not quiet and sys.stderr.isatty()


def stderr_progress(quiet: bool) -> Callable[[str], None] | None:
    """A callback printing each step to stderr, or None when quiet or stderr is not a terminal."""
    if not live(quiet):
        return None
    return lambda message: click.echo(visible(message), err=True)


def progress_bars(quiet: bool) -> Callable[[str, int], AbstractContextManager[Callable[[], None]]] | None:
    """A factory of tqdm bars on stderr (``with bar(desc, total) as tick: tick()``), or None when not live."""
    if not live(quiet):
        return None

    @contextmanager
    def bar(desc: str, total: int):
        from tqdm import tqdm

        size = shutil.get_terminal_size((80, 24))  # a terminal that reports 0×0 (tqdm then draws nothing) gets 80×24
        with tqdm(total=total, desc=desc, unit="essay", file=sys.stderr, leave=False, mininterval=0.2,
                  ncols=size.columns, nrows=size.lines) as t:
            yield t.update

    return bar


def data_options(func: Callable) -> Callable:
    """``--lexicon`` and ``--gazetteer``: the user's own data files instead of the bundled ones."""
    func = click.option("--gazetteer", type=click.Path(dir_okay=False),
                        help="An organisations CSV (gazetteer) to use instead of the bundled one.")(func)
    return click.option("--lexicon", type=click.Path(dir_okay=False), callback=_lexicon_notes,
                        help="A lexicon CSV to use instead of the bundled one (a themes.csv beside it is used too).")(func)


def _lexicon_notes(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Say on stderr which terms of a user lexicon hold spaces or punctuation (issue 14); errors come later, cleanly."""
    if value:
        from xianjice.errors import XianjiceError
        from xianjice.extract.lexicon import load_lexicon

        try:
            notes = load_lexicon(value).notes()
        except (XianjiceError, OSError):
            return value
        for note in notes:
            click.echo(note, err=True)
    return value
