"""`quotes ingest`, `serve`, `export`, `stats`, `merge` (store and Datasette).

Each command calls the Python API verb of the same name; exit codes:
0 all went well, 1 some input was skipped or failed, 2 the database (or the
command line) could not be used.
"""
from __future__ import annotations

import json
import sys

import click

from quotes.settings import DEFAULT_DB
from quotes.store.errors import StoreError

db_option = click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
                         help="SQLite database file.")


def _fail(error: Exception) -> None:
    click.echo(f"Error: {error}", err=True)
    sys.exit(2)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(min=1),
              help="Worker processes, each with its own parser.")
@click.option("--engine", type=click.Choice(["serial", "processes", "dask"]), default="serial", show_default=True,
              help="Where articles are analysed (serial becomes processes when --workers > 1).")
@click.option("--scheduler", metavar="URL", help="Dask scheduler address, e.g. tcp://host:8786 (with --engine dask).")
@click.option("--glob", "glob", metavar="PATTERN", help="Which files to take from folders, e.g. '*.html'.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--reanalyse", is_flag=True,
              help="Analyse again and replace articles already stored by this version.")
def ingest(paths, db, workers, engine, scheduler, glob, quiet, as_json, reanalyse):
    """Read articles (files, folders, .jsonl, - for stdin), find their quotes, store them in DB."""
    from quotes.ingestion import ingest as run_ingest

    try:
        summary = run_ingest(paths, db=db, workers=workers, engine=engine, scheduler=scheduler,
                             glob=glob, progress=not quiet, reanalyse=reanalyse)
    except (StoreError, ValueError, RuntimeError) as error:     # RuntimeError: the workers could not start
        _fail(error)
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
    else:
        for skipped in summary.skipped:
            click.echo(f"skipped {skipped}", err=True)
        for warning in summary.warnings:
            click.echo(f"warning {warning}", err=True)
        click.echo(summary.line())
    sys.exit(0 if summary.ok else 1)


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", "-p", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option("--open", "open_browser", is_flag=True, help="Open the quotes page in a browser.")
@click.option("--public", is_flag=True,
              help="For serving beyond localhost: no SQL box, no database download, the file opened immutable.")
def serve(db, host, port, open_browser, public):
    """Browse DB in Datasette: facets, full-text search, canned queries, CSV."""
    from quotes.datasette.server import serve as run_serve

    try:
        run_serve(db, host=host, port=port, open_browser=open_browser, public=public)
    except StoreError as error:
        _fail(error)


@click.command()
@db_option
@click.option("--format", "format_", type=click.Choice(["csv", "json", "jsonl"]), default="csv", show_default=True,
              help="csv, one JSON array, or JSON Lines (one object a line).")
@click.option("--speaker", metavar="NAME", help="Only this speaker (canonical name or any alias, any case).")
@click.option("--channel", metavar="NAME", help="Only quotes that came through this channel.")
@click.option("--since", metavar="DATE", help="Only articles published on or after this ISO date.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), metavar="0-1",
              help="Only records with at least this confidence.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Output file (default: stdout).")
def export(db, format_, speaker, channel, since, min_confidence, output):
    """Write quotes (with speaker, channel, article) as CSV, JSON or JSON Lines."""
    from quotes.store.export import ExportError, check_since, export as run_export

    try:
        check_since(since)
    except ValueError as error:
        raise click.BadParameter(str(error).replace("--since ", "", 1), param_hint="'--since'") from None
    try:
        count = run_export(db, format=format_, speaker=speaker, channel=channel, since=since, output=output,
                           min_confidence=min_confidence)
    except (StoreError, ExportError) as error:
        _fail(error)
    if output != "-":
        click.echo(f"{count} quotes -> {output}", err=True)


@click.command()
@db_option
@click.option("--limit", default=10, show_default=True, type=click.IntRange(min=1), help="Rows per list.")
@click.option("--json", "as_json", is_flag=True, help="Print as one JSON object.")
def stats(db, limit, as_json):
    """Most quoted speakers, channels, kinds, and totals."""
    from quotes.store.export import format_stats, stats as run_stats

    try:
        numbers = run_stats(db, limit=limit)
    except StoreError as error:
        _fail(error)
    click.echo(json.dumps(numbers, ensure_ascii=False) if as_json else format_stats(numbers))


@click.command()
@click.argument("target", type=click.Path(dir_okay=False))
@click.argument("shards", nargs=-1, required=True, type=click.Path(dir_okay=False))
def merge(target, shards):
    """Fold shard databases (e.g. one per Dask worker) into TARGET, without duplicates."""
    from quotes.store.merge import merge as run_merge

    try:
        summary = run_merge(target, shards)
    except StoreError as error:
        _fail(error)
    click.echo(summary.line())


COMMANDS = [ingest, serve, export, stats, merge]
