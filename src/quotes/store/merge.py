"""``quotes merge TARGET SHARD...``: fold shard databases (one per distributed worker) into one.

Each shard article goes through the same writer as an ingest, so merging
deduplicates exactly as re-ingesting does: an article already in the target
with the same extractor version is left alone, another version is replaced,
and speakers, channels and alias counts are matched by name.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Union

import sqlite_utils

from quotes.records import Article, Attribution, UNKNOWN
from quotes.store.errors import StoreError
from quotes.store.opening import open_db
from quotes.store.write import NEW, REPLACED, write_article


@dataclass
class MergeSummary:
    articles: int = 0        # written into the target (new or replaced)
    unchanged: int = 0       # already there, same extractor version
    quotes: int = 0
    shards: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"merged {len(self.shards)} shard(s): {self.articles} articles written "
                f"({self.unchanged} already there), {self.quotes} quotes")


def merge(target: Union[str, Path], shards: Iterable[Union[str, Path]]) -> MergeSummary:
    target_db = open_db(target)
    target_path = Path(target).resolve()
    summary = MergeSummary()
    for shard in shards:
        if Path(shard).resolve() == target_path:
            raise StoreError(f"{shard}: a shard cannot be the merge target")
        shard_db = open_db(shard, read_only=True)
        for row, attributions in shard_articles(shard_db):
            result = write_article(target_db, _article(row), attributions,
                                   row["extractor_version"], ingested_at=row["ingested_at"])
            if result.status in (NEW, REPLACED):
                summary.articles += 1
                summary.quotes += result.quotes
            else:
                summary.unchanged += 1
        shard_db.close()
        summary.shards.append(str(shard))
    return summary


def shard_articles(db: sqlite_utils.Database) -> Iterator[tuple[dict, list[Attribution]]]:
    """Each stored article with its attributions rebuilt from the rows."""
    for row in db["articles"].rows_where(order_by="id"):
        quotes = db.query(
            "select quotes.*, coalesce(quotes.speaker_name, speakers.name) as speaker, channels.name as channel from quotes"
            " left join speakers on speakers.id = quotes.speaker_id"
            " left join channels on channels.id = quotes.channel_id"
            " where article_id = ? order by quotes.id", [row["id"]])
        yield row, [attribution_from_row(q) for q in quotes]


def _article(row: dict) -> Article:
    return Article(text=row["text"], source=row["source"], title=row["title"], url=row["url"],
                   publisher=row["publisher"], author=row["author"], published=row["published"],
                   language=row["language"])


def attribution_from_row(row: dict) -> Attribution:
    return Attribution(
        kind=row["kind"], content=row["content"], content_spans=json.loads(row["content_spans"] or "[]"),
        cue=row["cue"], cue_start=row["cue_start"], cue_end=row["cue_end"],
        speaker=row["speaker"], speaker_mention=row["speaker_mention"],
        speaker_start=row["speaker_start"], speaker_end=row["speaker_end"],
        speaker_role=row["role"], speaker_type=row["speaker_type"] or UNKNOWN,
        channel=row["channel"], channel_mention=row["channel_mention"],
        confidence=row["confidence"], sentence=row["sentence"])
