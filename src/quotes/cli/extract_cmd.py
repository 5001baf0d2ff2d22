"""`quotes extract` and `quotes evaluate` (attribution engine)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

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
    or failed (one line each on stderr), 2 when the parser could not start.
    Articles are analysed one at a time, in order, in one worker process under
    the watchdog (``quotes.engines.run_watched``): past the time limit or the
    memory ceiling an article fails with one line and the next one goes on.
    """
    from quotes.engines import run_watched
    from quotes.read import Skipped, read_paths

    failed = 0

    def articles():
        nonlocal failed
        for item in read_paths(files):
            if isinstance(item, Skipped):
                click.echo(f"error: {item}", err=True)
                failed += 1
                continue
            if item.warning:
                click.echo(f"warning: {item.source}: {item.warning}", err=True)
            yield item

    try:
        for result in run_watched(articles(), max_in_flight=1):
            if result.error:
                message = " ".join(result.error.split())[:400]
                click.echo(f"error: {result.article.source}: {message}", err=True)
                failed += 1
                continue
            _show(result.article.source, result.attributions, as_json)
    except (RuntimeError, OSError, ValueError) as error:     # the models could not be loaded
        click.echo(f"Error: {' '.join(str(error).split())}", err=True)
        sys.exit(2)
    if failed:
        sys.exit(1)


def _show(source: str, records: list, as_json: bool) -> None:
    if as_json:
        for record in records:
            click.echo(json.dumps({"file": source, **record.to_dict()}, ensure_ascii=False))
    else:
        click.echo(f"{source}: {len(records)} attribution(s)")
        for record in records:
            click.echo(_human(record))


SPEAKER_GOLD = "tests/fixtures/speaker-gold/polnear-dev.jsonl"


@click.command("evaluate")
@click.argument("path", type=click.Path(exists=True, file_okay=False))
@click.option("--split", default="dev", show_default=True, help="PolNeAR split to score (dev or train).")
@click.option("--out", "out", default="build/predictions.jsonl", show_default=True,
              help="Where to write predictions and gold as JSONL.")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--agreement", is_flag=True,
              help="Score PolNeAR's annotators against each other instead (articles annotated twice; try --split train).")
@click.option("--speakers", is_flag=True,
              help="Score what the speakers table shows (canonical names, types, roles, channels, rows per "
                   "person across articles) against a hand gold (--gold).")
@click.option("--gold", "gold_path", default=SPEAKER_GOLD, show_default=True,
              help="Hand gold for --speakers (JSON lines).")
@click.option("--predictions", "predictions_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="With --speakers: store the records of an earlier --out file instead of running the extractor.")
def evaluate_command(path: str, split: str, out: str, limit, as_json: bool, agreement: bool,
                     speakers: bool, gold_path: str, predictions_path) -> None:
    """Score the extractor on PolNeAR (exact and overlap P/R/F1 per role, quote@t, speaker accuracy)."""
    from quotes.evaluation import annotator_agreement, evaluate

    if speakers:
        from quotes.evaluation.speakers import evaluate_speakers

        if not Path(gold_path).is_file():
            raise click.ClickException(f"{gold_path}: no such gold file (see --gold)")
        errors_out = str(Path(out).with_name("speaker-errors.jsonl"))
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        figures = evaluate_speakers(path, gold_path, split=split, echo=not as_json,
                                    errors_out=errors_out, progress=not as_json,
                                    predictions_path=predictions_path,
                                    predictions_out=None if predictions_path else out)
        click.echo(json.dumps(figures) if as_json else
                   f"predictions written to {out}; wrong speakers, roles and channels to {errors_out}")
        return
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
