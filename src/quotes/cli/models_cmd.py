"""`quotes models`: which Stanza models are in use, download and evaluate them."""
from __future__ import annotations

import json
import sys

import click


@click.group("models", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="print one JSON object")
@click.option("--source", default=None, help="official | bundled | FOLDER (default: auto, or $QUOTES_MODELS)")
@click.pass_context
def models(ctx, as_json, source):
    """Show which Stanza models are in use, where from, and their scores."""
    if ctx.invoked_subcommand is not None:
        return
    from quotes.nlp.info import format_models_info, models_info

    try:
        info = models_info(source)
    except RuntimeError as error:
        raise click.ClickException(str(error))
    click.echo(json.dumps(info, indent=None if as_json else 2) if as_json else format_models_info(info))


@models.command("download")
@click.option("--dir", "model_dir", default=None, help="Stanza resources folder (default: Stanza's)")
def download(model_dir):
    """Download Stanza's official English models (needs network)."""
    from quotes.nlp.info import download_models

    try:
        where = download_models(model_dir)
    except RuntimeError as error:
        raise click.ClickException(str(error))
    click.echo(f"official English models are in {where}; `quotes models` will now use them")


@models.command("evaluate")
@click.option("--ud", default="../shared/data/ud", show_default=True, help="folder holding UD_English-EWT")
@click.option("--split", type=click.Choice(["dev", "test"]), default="test", show_default=True)
@click.option("--source", default=None, help="official | bundled | FOLDER")
def evaluate(ud, split, source):
    """Score the models end to end (raw text in) on UD English-EWT."""
    from quotes.nlp.evaluate import evaluate_on_ewt, format_scores

    try:
        scores = evaluate_on_ewt(ud, split=split, source=source)
    except (RuntimeError, FileNotFoundError) as error:
        raise click.ClickException(str(error))
    click.echo(format_scores(scores))


@models.command("train")
@click.option("--kind", type=click.Choice(["stanza", "tagger"]), default="stanza", show_default=True,
              help="stanza: the parser models, from UD English-EWT; tagger: the attribution tagger, from PolNeAR")
@click.option("--ud", default="../shared/data/ud", show_default=True, help="folder holding UD_English-EWT")
@click.option("--work", default="build/training", show_default=True, help="data, checkpoints and models")
@click.option("--stages", default="tokenize,mwt,lemma,pos,depparse", show_default=True)
@click.option("--profile", type=click.Choice(["cpu", "gpu"]), default="cpu", show_default=True,
              help="cpu: small batches for a laptop; gpu: Stanza's default sizes")
@click.option("--time-limit", type=float, default=None, metavar="MINUTES",
              help="stop each stage after this long, keeping its best dev model")
@click.option("--bundle/--no-bundle", default=True, help="copy the models into the package and score them")
@click.option("--polnear", default="../shared/data/polnear", show_default=True,
              help="--kind tagger: PolNeAR folder (with train/)")
@click.option("--jobs", type=int, default=1, show_default=True, help="--kind tagger: seeds trained at once")
@click.option("--encoder", is_flag=True, help="--kind tagger: also read the bundled pretrained encoder's features")
@click.option("--members", type=int, default=5, show_default=True, help="--kind tagger: seeds in the ensemble")
@click.option("--finetune", is_flag=True,
              help="--kind tagger: train the encoder with the tagger, end to end (one member; docs/training.md)")
@click.option("--epochs", type=int, default=None, help="--kind tagger: epochs (default 10)")
@click.option("--out", default=None, help="--kind tagger: where the tagger file goes (default: the bundled one)")
def train(kind, ud, work, stages, profile, time_limit, bundle, polnear, jobs, encoder, members, finetune, epochs,
          out):
    """Train the bundled models (resumable: re-run to continue): the Stanza
    models from UD English-EWT, or with --kind tagger the attribution tagger."""
    if kind == "tagger":
        from quotes.training.tagger import train as tagger_training

        argv = [polnear, "--jobs", str(jobs), "--members", str(members)]
        argv += ["--encoder"] * encoder + ["--finetune"] * finetune + (["--out", out] if out else [])
        argv += ["--epochs", str(epochs)] if epochs else []
        sys.exit(tagger_training.main(argv))
    from quotes.training.stanza import bundle as bundling
    from quotes.training.stanza import train as training

    argv = ["--ud", ud, "--work", work, "--stages", stages, "--profile", profile]
    if time_limit:
        argv += ["--time-limit", str(time_limit)]
    code = training.main(argv)
    if code == 0 and bundle:
        code = bundling.main(["--work", work, "--ud", ud])
    sys.exit(code)


@models.command("bundle-encoder")
@click.argument("src_dir")
def bundle_encoder(src_dir):
    """Copy all-MiniLM-L6-v2 (SRC_DIR: its Hugging Face files) into the
    package as fp16 weights (src/quotes/encoder/bundled/)."""
    from quotes.training.encoder import bundle as bundling

    sys.exit(bundling.main([src_dir]))


COMMANDS = [models]
