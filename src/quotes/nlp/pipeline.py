"""One Stanza pipeline per process, loaded once, fed in bulk.

Texts are normalised one character for one character before parsing
(``quotes.text``), so token offsets are offsets into the original text.
"""
from __future__ import annotations

import logging
import os
import tempfile
import threading
from typing import Iterable, Optional

from quotes.nlp.resolve import ModelSet, resolve_models
from quotes.text import normalize_for_parsing

_lock = threading.Lock()
_pipeline = None
_models: Optional[ModelSet] = None


def _empty_resources_dir() -> str:
    # Stanza wants a resources folder even when every model path is explicit;
    # an empty resources.json there keeps it from reaching for the network.
    folder = os.path.join(tempfile.gettempdir(), "quotes-stanza-resources")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "resources.json")
    if not os.path.exists(path):
        with open(path, "w") as handle:
            handle.write("{}")
    return folder


def apply_torch_threads() -> None:
    """Honour ``QUOTES_TORCH_THREADS`` (set by the engines for their workers, or by hand)
    in every model this process runs: the parser and the attribution tagger."""
    from quotes.settings import torch_threads

    threads = torch_threads()
    if threads is not None:
        import torch

        torch.set_num_threads(threads)


def load_pipeline(models: Optional[ModelSet] = None):
    import stanza
    import torch

    models = models or resolve_models()
    kwargs = models.pipeline_kwargs()
    kwargs.setdefault("dir", _empty_resources_dir())
    # Stanza logs "Unsupported language: en" when resources.json is empty.
    logging.getLogger("stanza").setLevel(logging.ERROR)
    apply_torch_threads()
    pipe = stanza.Pipeline(use_gpu=torch.cuda.is_available(), **kwargs)
    return pipe, models


def get_pipeline(models: Optional[ModelSet] = None):
    """The process-wide pipeline, loaded on first use."""
    global _pipeline, _models
    with _lock:
        if _pipeline is None or (models is not None and models is not _models):
            _pipeline, _models = load_pipeline(models)
        return _pipeline


def current_models() -> Optional[ModelSet]:
    return _models


def parse(text: str, deadline=None):
    """Parse one text; returns a ``stanza.Document`` whose ``.text`` is the normalised text.

    A text longer than one piece (``quotes.nlp.limits``) is parsed piece by
    piece, within the per-article time budget (``deadline``, a
    ``quotes.nlp.limits.Deadline``; a new one when not given), and the pieces
    joined into one Document with offsets into the whole text.
    """
    from quotes.nlp.limits import Deadline, pieces

    normalized = normalize_for_parsing(text)
    spans = pieces(normalized)
    if len(spans) == 1:
        return get_pipeline()(normalized)
    pipe = get_pipeline()
    deadline = deadline or Deadline()       # started once the pipeline is loaded
    docs = []
    for start, end in spans:
        if docs:
            deadline.check(start, len(normalized))
        docs.append((start, pipe(normalized[start:end])))
    return _join(docs, normalized)


def _join(docs: list, text: str):
    """One Document from the Documents of consecutive pieces of ``text``."""
    import stanza

    sentences = []
    for offset, doc in docs:
        for sentence in doc.to_dict():
            for entry in sentence:
                for key in ("start_char", "end_char"):
                    if entry.get(key) is not None:
                        entry[key] += offset
            sentences.append(sentence)
    return stanza.Document(sentences, text=text)


def parse_many(texts: Iterable[str], batch_size: int = 16):
    """Parse texts with Stanza's bulk processing; yields Documents in order.

    A text longer than one piece is parsed on its own, as ``parse`` does.
    """
    import stanza

    from quotes.nlp.limits import max_piece_chars

    pipe = get_pipeline()
    batch: list = []
    for text in texts:
        if len(text) > max_piece_chars():
            if batch:
                yield from pipe(batch)
                batch = []
            yield parse(text)
            continue
        batch.append(stanza.Document([], text=normalize_for_parsing(text)))
        if len(batch) >= batch_size:
            yield from pipe(batch)
            batch = []
    if batch:
        yield from pipe(batch)
