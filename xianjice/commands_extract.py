"""Commands over the extraction: ``extract`` and ``concepts``."""

from __future__ import annotations


import click

from xianjice.extract.pipeline import extract_files
from xianjice.extract.records import Compilation
from xianjice.extract.serialize import compilation_to_json, essay_to_json, readable_source, summary
from xianjice.graph.writers.tables import csv_text
from xianjice.graph.writers.texttable import json_text, text_table, visible
from xianjice.common import clean_errors, data_options, input_files



@click.command()
@click.argument("files", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json", show_default=True,
              help="json: one document; jsonl: one essay per line; table: a readable table.")
@click.option("--no-text", is_flag=True, help="Leave the body paragraphs out of json/jsonl.")
@data_options
@click.option("--quiet", "-q", is_flag=True, help="No summary on stderr.")
@clean_errors
def extract(files: tuple[str, ...], fmt: str, no_text: bool, lexicon: str | None, gazetteer: str | None,
            quiet: bool) -> None:
    """Extract book, essays, units, authors, tiers, bodies and concepts.

    With no FILE, reads the bundled seed. Several FILEs give a JSON array.
    A summary, every line that could not be placed and every warning go to
    stderr.

    \b
    Examples:
        xianjice extract --format table
        xianjice extract book.txt --format json > book.json
        xianjice extract book.txt --format jsonl --no-text | jq .title
    """
    compilations = extract_files(input_files(files), lexicon_path=lexicon, gazetteer_path=gazetteer)
    if fmt == "json":
        docs = [compilation_to_json(c, text=not no_text) for c in compilations]
        click.echo(json_text(docs[0] if len(docs) == 1 else docs, indent=2))
    elif fmt == "jsonl":
        for c in compilations:
            for e in c.essays:
                record = {"source": readable_source(c.source), "isbn": c.book.isbn,
                          **essay_to_json(e, text=not no_text, compilation=c)}
                click.echo(json_text(record))
    else:
        for c in compilations:
            click.echo(essay_table(c))
    if not quiet:
        report_to_stderr(compilations)


def report_to_stderr(compilations: list[Compilation]) -> None:
    """The summary line of each book, every line nothing took and every warning."""
    for c in compilations:
        click.echo(visible(summary(c)), err=True)
        for u in c.unparsed:
            where = f", {c.location(u.line).describe()}" if c.file_format != "text" else ""
            click.echo(visible(f"  unplaced line {u.line} ({u.where}{where}): {u.text[:60]}"), err=True)
        for w in c.warnings:
            click.echo(visible(f"  warning: {w}"), err=True)


@click.command()
@click.argument("files", nargs=-1, type=click.Path())
@click.option("--candidates", is_flag=True, help="List recurring terms the lexicon lacks, to grow it.")
@click.option("--top", type=click.IntRange(min=1), default=50, show_default=True, help="How many candidates.")
@click.option("--min-essays", type=click.IntRange(min=1), default=2, show_default=True,
              help="Keep a candidate only when this many essays use it.")
@click.option("--min-log-ratio", type=float, default=3.0, show_default=True,
              help="Keep a candidate only when the book uses it 2^N times as often as general Chinese does.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@data_options
@clean_errors
def concepts(files: tuple[str, ...], candidates: bool, top: int, min_essays: int, min_log_ratio: float, fmt: str,
             lexicon: str | None, gazetteer: str | None) -> None:
    """Concepts the essays discuss, or (--candidates) terms to add to the lexicon.

    Without --candidates: each lexicon concept found, with its theme and the
    number of essays and mentions. With --candidates: terms the lexicon does
    not know, ranked by keyness against the word frequencies of jieba's
    dictionary: by effect size (Hardie's Log Ratio) among the terms whose
    Dunning log-likelihood is significant (p < 0.001, Bonferroni-corrected),
    kept when used by at least --min-essays essays; `dp` is Gries' dispersion
    over the essays.  Names, units, document titles and non-words are left
    out.

    \b
    Examples:
        xianjice concepts
        xianjice concepts --candidates --top 30
        xianjice concepts book.txt --lexicon my-lexicon.csv --format csv > concepts.csv
    """
    from xianjice.extract.candidates import candidate_terms
    from xianjice.extract.lexicon import load_lexicon

    compilations = extract_files(input_files(files), lexicon_path=lexicon, gazetteer_path=gazetteer)
    if candidates:
        lex = load_lexicon(lexicon)
        rows = []
        for c in compilations:
            for row in candidate_terms(c, lexicon=lex, top=top, min_essays=min_essays, min_log_ratio=min_log_ratio):
                rows.append({"source": readable_source(c.source), **row, "sample": " ".join(str(s) for s in row["sample"])})
        columns = ["term", "count", "essays", "reference", "log_ratio", "score", "dp", "sample"]
        if len(rows) < top * len(compilations):
            click.echo(f"{len(rows)} terms outside the lexicon are used by at least {min_essays} essays, significantly "
                       f"more often than in general Chinese (Log Ratio at least {min_log_ratio:g})", err=True)
    else:
        rows = concept_rows(compilations)
        columns = ["concept", "theme", "essays", "count", "in_titles"]
    click.echo(render(rows, columns, fmt))


def concept_rows(compilations: list[Compilation]) -> list[dict]:
    """One row per concept used: essays, total mentions, essays with it in the title; most used first."""
    stats: dict[str, dict] = {}
    for c in compilations:
        for e in c.essays:
            for link in e.concepts:
                row = stats.setdefault(link.concept, {"concept": link.concept, "theme": link.theme, "essays": 0,
                                                      "count": 0, "in_titles": 0})
                row["essays"] += 1
                row["count"] += link.count
                row["in_titles"] += "title" in link.where
    return sorted(stats.values(), key=lambda r: (-r["essays"], -r["count"], r["concept"]))


def render(rows: list[dict], columns: list[str], fmt: str) -> str:
    """Rows as a JSON list, CSV or an aligned text table (numeric columns aligned right)."""
    if fmt == "json":
        return json_text(rows, indent=2)
    if fmt == "csv":
        return csv_text(columns, ([r.get(col) for col in columns] for r in rows)).rstrip("\n")
    numbers = [i for i, col in enumerate(columns)
               if rows and all(isinstance(r.get(col), (int, float)) and not isinstance(r.get(col), bool) for r in rows)]
    return text_table(columns, [[str(r.get(col, "")) for col in columns] for r in rows], right=numbers)


def essay_table(c: Compilation) -> str:
    """The essays as a text table: seq, tier, page, unit path, authors, title."""
    rows = []
    for e in c.essays:
        unit = " ; ".join("/".join(u.path[1:] or u.path) for u in e.entry.units)  # 、 is part of printed names
        rows.append([str(e.seq), e.tier.label or "?", str(e.entry.page or ""), unit, "、".join(e.entry.authors),
                     e.entry.title])
    return text_table(["#", "tier", "page", "unit", "authors", "title"], rows, right=[0, 2])
