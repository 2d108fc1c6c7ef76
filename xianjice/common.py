"""What every command shares: clean errors, default input, progress on stderr."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

import click

from extract.errors import XianjiceError
from xianjice import bundled_seed


def clean_errors(func: Callable) -> Callable:
    """Turn the tool's own errors into ``Error: …`` on stderr and exit status 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except XianjiceError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(1)

    return wrapper


def input_files(files: tuple[str, ...]) -> list[str]:
    """The files named, or the bundled seed when none is."""
    return list(files) or [str(bundled_seed())]


def stderr_progress(quiet: bool) -> Callable[[str], None] | None:
    """A progress callback printing to stderr, or None when quiet."""
    if quiet:
        return None
    return lambda message: click.echo(message, err=True)
