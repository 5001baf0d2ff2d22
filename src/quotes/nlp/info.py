"""What `quotes models` reports, and the one door to the network: download."""
from __future__ import annotations

from typing import Optional

from quotes.nlp.resolve import PROCESSORS, resolve_models, stanza_resources_dir


def models_info(source: Optional[str] = None) -> dict:
    """Which models are in use, where from, and (for bundled ones) their scores."""
    models = resolve_models(source)
    info = models.describe()
    manifest = models.manifest or {}
    scores = manifest.get("scores", {}).get("test")
    info["scores"] = _issue_shape(scores) if scores else None
    info["licence"] = manifest.get("licence")
    return info


def _issue_shape(scores: dict) -> dict:
    """Group flat UD metric names by the processor that earns them."""
    return {
        "tokenize": {"Tokens": scores["Tokens"], "Sentences": scores["Sentences"], "Words": scores["Words"]},
        "pos": {"UPOS": scores["UPOS"], "XPOS": scores["XPOS"], "UFeats": scores["UFeats"]},
        "lemma": {"Lemmas": scores["Lemmas"]},
        "depparse": {"UAS": scores["UAS"], "LAS": scores["LAS"]},
    }


def format_models_info(info: dict) -> str:
    lines = [f"models: {info['source']} ({info['location']})"]
    for proc in PROCESSORS:
        path = (info.get("models") or {}).get(proc)
        if path:
            lines.append(f"  {proc:<9} {path}")
    if info.get("scores"):
        lines.append("scores on UD English-EWT test, end to end from raw text (%):")
        for proc, values in info["scores"].items():
            lines.append(f"  {proc:<9} " + "  ".join(f"{k} {v:.2f}" for k, v in values.items()))
    if info.get("licence"):
        lines.append(f"licence: {info['licence']}")
    if info["source"] == "bundled":
        lines.append("Stanza's official models are more accurate: `quotes models download` (needs network).")
    return "\n".join(lines)


def download_models(model_dir: Optional[str] = None) -> str:
    """Fetch Stanza's official English models; a clear error when offline."""
    import stanza

    target = model_dir or str(stanza_resources_dir())
    try:
        stanza.download("en", model_dir=target, processors="tokenize,mwt,pos,lemma,depparse")
    except Exception as error:  # requests raises several kinds; all mean the same to a user
        raise RuntimeError(f"could not download Stanza's English models into {target} "
                           f"(no network? {type(error).__name__}); the bundled models still work") from error
    return target
