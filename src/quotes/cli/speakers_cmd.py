"""`quotes speakers`: list, merge and split speaker rows (corrections survive re-ingest)."""
from __future__ import annotations

import sys

import click

from quotes.cli.store_cmd import db_option
from quotes.store.errors import StoreError


def _open(db):
    from quotes.store import open_db

    try:
        return open_db(db, create=False)
    except StoreError as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(2)


@click.group()
def speakers():
    """Speaker rows: who is who across the corpus."""


@speakers.command("list")
@db_option
@click.option("--limit", default=30, show_default=True, help="How many rows, most quoted first.")
def list_command(db, limit):
    """Speakers with their type, role, quote count and other names."""
    from quotes.store.speaker_links import speaker_rows

    for row in speaker_rows(_open(db), limit):
        aliases = ", ".join(a for a in row["aliases"] if a != row["name"])
        click.echo(f"{row['quotes']:6d}  {row['name']} ({row['type']}{', ' + row['role'] if row['role'] else ''})"
                   + (f"  also: {aliases}" if aliases else ""))


@speakers.command("merge")
@click.argument("name")
@click.argument("into")
@db_option
def merge_command(name, into, db):
    """Move every quote of NAME to the speaker INTO, now and on later ingests."""
    from quotes.store.speaker_links import merge_speakers

    try:
        moved = merge_speakers(_open(db), name, into)
    except ValueError as error:
        raise click.ClickException(str(error))
    click.echo(f"{moved} quote(s) moved from {name!r} to {into!r}")


@speakers.command("split")
@click.argument("name")
@db_option
def split_command(name, db):
    """Give the quotes an article named NAME their own row again, and keep them apart."""
    from quotes.store.speaker_links import split_speaker

    try:
        moved = split_speaker(_open(db), name)
    except ValueError as error:
        raise click.ClickException(str(error))
    click.echo(f"{moved} quote(s) now under {name!r}")


COMMANDS = [speakers]
