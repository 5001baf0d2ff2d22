"""Read PolNeAR's brat stand-off annotations.

Each article has ``text/NAME.txt`` and one ``attributions/NAME_ANNOTATOR.ann``
per annotator; we take one annotator per article, the first in sorted order,
so every run scores against the same gold.  ``T`` lines hold spans (possibly
discontinuous: ``start end;start end``), ``E`` lines tie them into events;
only ``Attribution`` and ``Attribution-no-source`` events are attributions.
Roles Content2, Content3... are further fragments of the content.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

Span = tuple[int, int]
ATTRIBUTION_EVENTS = ("Attribution", "Attribution-no-source")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(\S+)")


@dataclass
class GoldAttribution:
    event: str
    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)


@dataclass
class GoldArticle:
    name: str
    text: str
    annotator: str
    attributions: list[GoldAttribution]


def parse_ann(ann_text: str) -> list[GoldAttribution]:
    """Attributions in one .ann file (E lines may come before their T lines)."""
    spans: dict[str, list[Span]] = {}
    events = []
    for line in ann_text.splitlines():
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = [tuple(map(int, part.split())) for part in m.group(3).split(";")]
            continue
        m = _E_LINE.match(line)
        if m:
            events.append(line.split("\t")[1].split())
    out = []
    for parts in events:
        event = parts[0].split(":")[0]
        if event not in ATTRIBUTION_EVENTS:
            continue
        gold = GoldAttribution(event=event)
        for part in parts[1:]:
            role, _, ref = part.partition(":")
            role = re.sub(r"\d+$", "", role).lower()
            if role in ("source", "cue", "content") and ref in spans:
                getattr(gold, role).extend(spans[ref])
        for role in ("source", "cue", "content"):
            setattr(gold, role, sorted(set(getattr(gold, role))))
        if gold.content or gold.cue:
            out.append(gold)
    return out


def load_split(root: str | Path, split: str = "dev", limit: Optional[int] = None,
               every_annotator: bool = False) -> list[GoldArticle]:
    """The split's articles with one annotator's attributions each (the first
    in sorted order), or with ``every_annotator`` one entry per annotation
    (training learns from all of them; evaluation scores against one)."""
    root = Path(root)
    folder = root / split
    if not (folder / "attributions").is_dir():
        raise FileNotFoundError(f"{folder}/attributions not found: is {root} the PolNeAR folder?")
    by_article: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((folder / "attributions").glob("*.ann")):
        name, _, annotator = ann.stem.rpartition("_")
        by_article[name].append(ann)
    articles = []
    loaded = 0
    for name in sorted(by_article):
        text_file = folder / "text" / f"{name}.txt"
        if not text_file.exists():
            continue
        text = text_file.read_text(encoding="utf-8")
        for ann in sorted(by_article[name])[:None if every_annotator else 1]:
            articles.append(GoldArticle(name=name, text=text, annotator=ann.stem.rpartition("_")[2],
                                        attributions=parse_ann(ann.read_text(encoding="utf-8"))))
        loaded += 1
        if limit and loaded >= limit:
            break
    return articles
