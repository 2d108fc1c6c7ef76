"""The ``xianjice`` command line: thin commands over the library.

Every command turns :class:`~extract.errors.XianjiceError` into one line on
stderr and exit status 2.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable

import click

from extract.errors import XianjiceError
from extract.serialize import compilation_to_json, essay_to_json, summary
from xianjice import __version__, bundled_seed


def clean_errors(func: Callable) -> Callable:
    """Turn the tool's own errors into ``Error: …`` and exit status 2."""

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
    if quiet:
        return None
    return lambda message: click.echo(message, err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="xianjice")
def cli() -> None:
    """xianjice (献计策): turn a compilation of proposal essays into a knowledge graph.

    \b
    Start with:
        xianjice build                 # the bundled seed → exports/
        xianjice extract --format table
    """


@cli.command()
@click.argument("files", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json", show_default=True,
              help="json: one document; jsonl: one essay per line; table: a readable table.")
@click.option("--no-text", is_flag=True, help="Leave the body paragraphs out of json/jsonl.")
@click.option("--lexicon", type=click.Path(dir_okay=False, exists=True), help="A lexicon CSV to use instead of the bundled one.")
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
@clean_errors
def extract(files: tuple[str, ...], fmt: str, no_text: bool, lexicon: str | None, quiet: bool) -> None:
    """Extract book, essays, units, authors, tiers and bodies as JSON or a table.

    With no FILE, reads the bundled seed. Several FILEs give a JSON array.

    \b
    Examples:
        xianjice extract --format table
        xianjice extract book.txt --format json > book.json
        xianjice extract book.txt --format jsonl --no-text | jq .title
    """
    from extract.pipeline import extract_files

    compilations = extract_files(input_files(files), lexicon_path=lexicon)
    if fmt == "json":
        docs = [compilation_to_json(c, text=not no_text) for c in compilations]
        click.echo(json.dumps(docs[0] if len(docs) == 1 else docs, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for c in compilations:
            for e in c.essays:
                record = {"source": c.source, "isbn": c.book.isbn, **essay_to_json(e, text=not no_text)}
                click.echo(json.dumps(record, ensure_ascii=False))
    else:
        for c in compilations:
            click.echo(essay_table(c))
    if not quiet:
        for c in compilations:
            click.echo(summary(c), err=True)
            for u in c.unparsed:
                click.echo(f"  unplaced line {u.line} ({u.where}): {u.text[:60]}", err=True)


def essay_table(c) -> str:
    """A plain text table of the essays: seq, tier, page, unit path, authors, title."""
    rows = [("#", "tier", "page", "unit", "authors", "title")]
    for e in c.essays:
        unit = "、".join("/".join(u.path[1:] or u.path) for u in e.entry.units)
        rows.append((str(e.seq), e.tier.label or "?", str(e.entry.page or ""), unit, "、".join(e.entry.authors), e.entry.title))
    widths = [max(_width(r[i]) for r in rows) for i in range(5)]
    lines = []
    for r in rows:
        cells = [r[i] + " " * (widths[i] - _width(r[i])) for i in range(5)]
        lines.append("  ".join([*cells, r[5]]).rstrip())
    return "\n".join(lines)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def main() -> None:
    cli(prog_name="xianjice")


from xianjice.commands_analysis import central, themes  # noqa: E402  (after clean_errors: no import cycle)
cli.add_command(central); cli.add_command(themes)  # noqa: E702
from xianjice.commands_graph import build, push, query  # noqa: E402
cli.add_command(build); cli.add_command(query); cli.add_command(push)  # noqa: E702
