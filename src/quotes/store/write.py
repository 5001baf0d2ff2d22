"""Storing one analysed article: one transaction, all or nothing.

The article's id is a hash of its normalised text, so the same article read
again (another file name, another run) is the same row.  Stored with the same
extractor version, it is left alone; with another version, its quotes are
removed and written anew in the same transaction, alias counts follow, and
speakers or channels left with no quote are dropped.  Speakers are linked to
the corpus's rows by ``speaker_links`` (one row per person or body).
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterable, Optional

import sqlite_utils

from quotes.attribution.channels import channel_kind
from quotes.records import Article, Attribution, UNKNOWN
from quotes.store.identity import identity_key
from quotes.store.speaker_links import link_article_speakers, refresh_rows, relink_after_write

NEW, REPLACED, UNCHANGED = "new", "replaced", "unchanged"
INSERT_BATCH = 500
CONTEXT_LIMIT = 600  # characters of paragraph kept around a quote


@dataclass
class WriteResult:
    article_id: str
    status: str                      # new | replaced | unchanged
    quotes: int = 0
    speakers: set[str] = field(default_factory=set)


def article_id(text: str) -> str:
    """Hash of the text with Unicode and whitespace differences smoothed out."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:20]


def stored_ids(db: sqlite_utils.Database, extractor_version: str) -> set[str]:
    """Ids of articles already stored by this extractor version (skipped on re-ingest)."""
    return {row[0] for row in db.execute(
        "select id from articles where extractor_version = ?", [extractor_version])}


def write_article(db: sqlite_utils.Database, article: Article, attributions: Iterable[Attribution],
                  extractor_version: str, ingested_at: Optional[str] = None,
                  replace_same_version: bool = False) -> WriteResult:
    """Store the article and its attributions in one transaction."""
    attributions = list(attributions)
    aid = article_id(article.text)
    with db.atomic():
        previous = _get(db["articles"], aid)
        if previous and previous["extractor_version"] == extractor_version and not replace_same_version:
            return WriteResult(aid, UNCHANGED)
        if previous:
            delete_article_quotes(db, aid)
        article_row = _article_row(aid, article, previous, len(attributions), extractor_version, ingested_at)
        db["articles"].upsert(article_row, pk="id")
        speakers = _article_speakers(attributions)
        speaker_ids = link_article_speakers(db, speakers, article.text)
        channel_ids = _channel_ids(db, attributions)
        rows = [_quote_row(aid, article.text, a, speaker_ids.get(a.speaker), channel_ids.get(a.channel),
                           identity_key(a.speaker, speakers[a.speaker]["type"]) if a.speaker else None)
                for a in attributions]
        for row in rows:    # copied so pages need not join articles (schema.py)
            row.update(publisher=article_row["publisher"], published=article_row["published"])
        db["quotes"].insert_all(rows, batch_size=INSERT_BATCH)
        relink_after_write(db, set(speaker_ids.values()))
    return WriteResult(aid, REPLACED if previous else NEW, len(rows),
                       {a.speaker for a in attributions if a.speaker})


def delete_article_quotes(db: sqlite_utils.Database, aid: str) -> None:
    """Remove an article's quotes, keeping alias counts right and dropping orphans."""
    rows = list(db.query("select speaker_id, speaker_mention, channel_id from quotes where article_id = ?", [aid]))
    db["quotes"].delete_where("article_id = ?", [aid])
    # names, roles and alias counts of the speakers it quoted follow; rows left empty go
    refresh_rows(db, {r["speaker_id"] for r in rows if r["speaker_id"] is not None})
    for pk in {r["channel_id"] for r in rows if r["channel_id"] is not None}:
        if not db.execute("select 1 from quotes where channel_id = ? limit 1", [pk]).fetchone():
            db["channels"].delete(pk)


def _get(table: sqlite_utils.db.Table, pk):
    try:
        return table.get(pk)
    except sqlite_utils.db.NotFoundError:
        return None


def _article_row(aid: str, article: Article, previous: Optional[dict], quote_count: int,
                 extractor_version: str, ingested_at: Optional[str]) -> dict:
    previous = previous or {}
    row = {
        "id": aid,
        "language": article.language or previous.get("language") or "en",
        "source": previous.get("source") or article.source,
        "text": article.text,
        "quote_count": quote_count,
        "extractor_version": extractor_version,
        "ingested_at": ingested_at or datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    # metadata read this time wins; what an earlier read had is kept when this one has none
    for key in ("title", "url", "publisher", "author", "published"):
        row[key] = getattr(article, key) or previous.get(key)
    return row


def _article_speakers(attributions: list[Attribution]) -> dict[str, dict]:
    """Each speaker name of the article with the first type and role it is given."""
    known: dict[str, dict] = {}
    for a in attributions:
        if a.speaker:
            facts = known.setdefault(a.speaker, {"type": UNKNOWN, "role": None})
            if facts["type"] == UNKNOWN and a.speaker_type:
                facts["type"] = a.speaker_type
            facts["role"] = facts["role"] or a.speaker_role
    return known


def _channel_ids(db: sqlite_utils.Database, attributions: list[Attribution]) -> dict[str, int]:
    return {a.channel: db["channels"].lookup({"name": a.channel}, {"type": channel_kind(a.channel)})
            for a in attributions if a.channel}


def _quote_row(aid: str, text: str, a: Attribution, speaker_id: Optional[int],
               channel_id: Optional[int], speaker_key: Optional[str]) -> dict:
    spans = [[int(s), int(e)] for s, e in a.content_spans]
    start = min((s for s, _ in spans), default=None)
    end = max((e for _, e in spans), default=None)
    return {
        "article_id": aid, "speaker_id": speaker_id, "channel_id": channel_id,
        "kind": a.kind, "content": a.content,
        "content_start": start, "content_end": end, "content_spans": json.dumps(spans),
        "cue": a.cue, "cue_start": a.cue_start, "cue_end": a.cue_end,
        "speaker_mention": a.speaker_mention, "speaker_start": a.speaker_start, "speaker_end": a.speaker_end,
        "role": a.speaker_role, "speaker_type": a.speaker_type or UNKNOWN,
        "channel_mention": a.channel_mention, "speaker_name": a.speaker, "speaker_key": speaker_key,
        "confidence": round(float(a.confidence), 4), "sentence": a.sentence,
        "context": context_for(text, [start, end, a.cue_start, a.cue_end, a.speaker_start, a.speaker_end]),
    }


def context_for(text: str, offsets: list[Optional[int]], limit: int = CONTEXT_LIMIT) -> Optional[str]:
    """The paragraph(s) holding the quote, its cue and speaker; trimmed to ``limit`` characters."""
    offsets = [o for o in offsets if o is not None and 0 <= o <= len(text)]
    if not offsets:
        return None
    start, end = min(offsets), max(offsets)
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    if para_end - para_start <= limit:
        return text[para_start:para_end].strip()
    spare = max(0, (limit - (end - start)) // 2)
    left, right = max(para_start, start - spare), min(para_end, end + spare)
    return ("…" if left > para_start else "") + text[left:right].strip() + ("…" if right < para_end else "")
