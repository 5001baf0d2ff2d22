"""End-to-end scores of a model set on UD English-EWT: raw text in, CoNLL-U out.

The raw text is rebuilt from the gold file's ``# text`` lines (paragraphs from
``# newpar``/``# newdoc``), parsed by the same pipeline the tracker uses, and
scored with Stanza's copy of the CoNLL 2018 shared-task evaluation script, so
tokenisation and sentence errors count against every later score, as in
Stanza's own published end-to-end figures.
"""
from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Optional

METRICS = ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "AllTags", "Lemmas", "UAS", "LAS")


def gold_file(ud: str | Path, split: str) -> Path:
    path = Path(ud) / "UD_English-EWT" / f"en_ewt-ud-{split}.conllu"
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: pass --ud pointing at a folder that holds UD_English-EWT")
    return path


def raw_text_from_conllu(path: Path) -> str:
    paragraphs: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("# newdoc", "# newpar")) and paragraphs[-1]:
            paragraphs.append([])
        elif line.startswith("# text = "):
            paragraphs[-1].append(line[len("# text = "):])
    return "\n\n".join(" ".join(sentences) for sentences in paragraphs if sentences)


def restore_original_forms(doc, original: str) -> None:
    """Put the original characters (curly quotes, ...) back into token forms.

    The pipeline parses a one-for-one normalised copy of the text; offsets are
    shared, so each token's original form is a slice of the original text.
    """
    for sentence in doc.sentences:
        for token in sentence.tokens:
            form = original[token.start_char:token.end_char]
            token.text = form
            if len(token.words) == 1:
                token.words[0].text = form


def score_conllu(gold: Path, system_conllu: str) -> dict[str, float]:
    from stanza.models.common.utils import ud_scores

    evaluation = ud_scores(str(gold), io.StringIO(system_conllu))
    return {metric: round(100 * evaluation[metric].f1, 2) for metric in METRICS}


def evaluate_on_ewt(ud: str | Path, split: str = "test", source: Optional[str] = None) -> dict:
    from quotes.nlp.pipeline import load_pipeline
    from quotes.text import normalize_for_parsing

    gold = gold_file(ud, split)
    text = raw_text_from_conllu(gold)
    pipe, models = load_pipeline(_models_for(source))
    started = time.perf_counter()
    doc = pipe(normalize_for_parsing(text))
    seconds = time.perf_counter() - started
    restore_original_forms(doc, text)
    conllu = "{:C}\n\n".format(doc)
    scores = score_conllu(gold, conllu)
    words = sum(len(sentence.words) for sentence in doc.sentences)
    return {"split": split, "gold": str(gold), "models": models.source, "location": models.location,
            "scores": scores, "words": words, "seconds": round(seconds, 1),
            "words_per_second": round(words / seconds, 1)}


def _models_for(source: Optional[str]):
    from quotes.nlp.resolve import resolve_models
    return resolve_models(source)


def format_scores(result: dict) -> str:
    scores = result["scores"]
    lines = [f"UD English-EWT {result['split']} ({result['models']} models, {result['location']}), end to end from raw text:",
             "  " + "  ".join(f"{m:>9}" for m in METRICS),
             "  " + "  ".join(f"{scores[m]:>9.2f}" for m in METRICS),
             f"  {result['words']} words in {result['seconds']} s ({result['words_per_second']} words/s)"]
    return "\n".join(lines)
