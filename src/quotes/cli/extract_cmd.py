"""`quotes extract` and `quotes evaluate` (attribution engine)."""
from __future__ import annotations

import json
import sys

import click


def _human(record) -> str:
    speaker = record.speaker or "?"
    if record.speaker_type and record.speaker_type != "unknown":
        speaker += f" ({record.speaker_type})"
    channel = f"  via {record.channel}" if record.channel else ""
    content = record.content if len(record.content) <= 160 else record.content[:157] + "..."
    return f"  [{record.kind}] {speaker} — {record.cue or '-'}{channel}: {content}  ({record.confidence:.2f})"


@click.command("extract")
@click.argument("files", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line per record, with its file.")
def extract_command(files: tuple[str, ...], as_json: bool) -> None:
    """Find quotes and reported claims in FILEs ('-' reads stdin), read as `quotes ingest` reads them.

    Exit code 0 when every file gave its records, 1 when something was skipped
    or failed (one line each on stderr).
    """
    from quotes.attribution import extract
    from quotes.read import Skipped, read_paths

    failed = 0
    for item in read_paths(files):
        if isinstance(item, Skipped):
            click.echo(f"error: {item}", err=True)
            failed += 1
            continue
        try:
            records = extract(item.text)
        except Exception as error:  # noqa: BLE001 - report and go on with the other files
            message = " ".join(str(error).split())[:300]
            click.echo(f"error: {item.source}: {type(error).__name__}: {message}", err=True)
            failed += 1
            continue
        if as_json:
            for record in records:
                click.echo(json.dumps({"file": item.source, **record.to_dict()}, ensure_ascii=False))
        else:
            click.echo(f"{item.source}: {len(records)} attribution(s)")
            for record in records:
                click.echo(_human(record))
    if failed:
        sys.exit(1)


@click.command("evaluate")
@click.argument("path", type=click.Path(exists=True, file_okay=False))
@click.option("--split", default="dev", show_default=True, help="PolNeAR split to score (dev or train).")
@click.option("--out", "out", default="build/predictions.jsonl", show_default=True,
              help="Where to write predictions and gold as JSONL.")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--agreement", is_flag=True,
              help="Score PolNeAR's annotators against each other instead (articles annotated twice; try --split train).")
def evaluate_command(path: str, split: str, out: str, limit, as_json: bool, agreement: bool) -> None:
    """Score the extractor on PolNeAR (exact and overlap P/R/F1 per role, quote@t, speaker accuracy)."""
    from quotes.evaluation import annotator_agreement, evaluate

    if agreement:
        try:
            found = annotator_agreement(path, split=split)
        except FileNotFoundError as error:
            raise click.ClickException(str(error))
        if not found.articles:
            raise click.ClickException(f"no article of {path}/{split} was annotated twice")
        click.echo(json.dumps(found.scores.as_dict()) if as_json else found.table())
        return
    try:
        scores = evaluate(path, split=split, out=out, limit=limit, echo=not as_json, progress=not as_json)
    except FileNotFoundError as error:
        raise click.ClickException(str(error))
    if as_json:
        click.echo(json.dumps(scores))
    else:
        click.echo(f"predictions written to {out}")


COMMANDS = [extract_command, evaluate_command]
