"""The database layout, built with sqlite-utils operations (no hand-written DDL).

    articles ─┐
    speakers ─┼─< quotes        speakers ─< speaker_aliases
    channels ─┘

``quotes_view`` joins each quote to its speaker, channel and article for
reading.  Full-text search (FTS5, with triggers) on ``quotes.content`` and
``articles.title`` is enabled last: sqlite-utils' ``transform``, ``extract``
and ``add_foreign_key`` rebuild tables and drop FTS triggers, so any schema
change must come before it (``ensure_schema`` re-checks them on every open).
"""
from __future__ import annotations

import sqlite_utils

from quotes.store.counts import counts_ready, create_counts
from quotes.store.errors import StoreError

# bump when the layout changes; stored in PRAGMA user_version
SCHEMA_VERSION = 4

ARTICLE_COLUMNS = {
    "id": str,                 # hash of the normalised text: same text, same article
    "title": str, "url": str, "publisher": str, "author": str,
    "published": str,          # ISO date as the source gave it
    "language": str,
    "source": str,             # where it was first read from (file, FILE:LINE, <stdin>)
    "text": str,               # the text the quote offsets index
    "quote_count": int,
    "extractor_version": str,
    "ingested_at": str,        # UTC, ISO 8601
}

SPEAKER_COLUMNS = {
    "id": int,
    "name": str,               # the fullest name any article gives this speaker
    "type": str,               # person | organization | country | group | unnamed | unknown
    "role": str,               # the role its quotes give it most often
    "key": str,                # identity key: one row per key (store/identity.py)
    "surname": str,            # people: what a surname alone is looked up by
    "initials": str,           # bodies: what their initials are looked up by
}

QUOTE_COLUMNS = {  # in the order Datasette shows them: what a reader wants first
    "id": int,
    "speaker_id": int,
    "content": str,            # fragments joined by " … "
    "kind": str,               # direct | mixed | indirect
    "cue": str,
    "channel_id": int,
    "speaker_type": str,       # person | organization | country | group | unnamed | unknown
    "role": str,               # "Kremlin spokesman", as named at this quote
    "speaker_mention": str,
    "confidence": float,
    "speaker_name": str,       # the speaker as the article names them, before corpus linking
    "speaker_key": str,        # that name's identity key (store/identity.py)
    "article_id": str,
    "publisher": str,          # the article's, copied so pages over a million quotes
    "published": str,          # need not join articles (a trigger keeps them equal)
    "sentence": int,
    "context": str,            # the paragraph around the quote, for reading without the article
    "content_start": int, "content_end": int,
    "content_spans": str,      # JSON [[start, end], ...]
    "cue_start": int, "cue_end": int,
    "speaker_start": int, "speaker_end": int,
    "channel_mention": str,
}

# columns people filter and facet on; FK columns get indexes from index_foreign_keys()
QUOTE_FACET_INDEXES = [["kind"], ["cue"], ["speaker_type"], ["confidence"],
                       # "direct quotes only" plus a facet: a covering range scan instead of a
                       # row lookup per match (1M quotes: ~7 s -> ~0.1 s, benchmarks/search_scale.py)
                       ["kind", "speaker_id"], ["kind", "channel_id"], ["kind", "cue"], ["kind", "speaker_type"]]
# a speaker's page (months, newest quotes, articles, roles, channels) and the facets of one
# speaker's quotes, from the index alone
SPEAKER_PAGE_INDEXES = [["speaker_id", "published", "article_id"], ["speaker_id", "role"],
                        ["speaker_id", "channel_id", "kind", "cue", "speaker_type", "publisher"]]
ARTICLE_INDEXES = [["publisher"], ["published"], ["extractor_version"]]

VIEW_NAME = "quotes_view"
# Names come from scalar subqueries, which SQLite runs only for the rows a page shows:
# counting or filtering the view by quote columns never touches the other tables
# (a view of LEFT JOINs joined all of them for every row: 4 s to count 1M quotes, now 19 ms).
# speaker_id and channel_id are last, for filtering and facets by index.
VIEW_SQL = """
select
  quotes.id,
  (select name from speakers where speakers.id = quotes.speaker_id) as speaker,
  quotes.speaker_type,
  quotes.role,
  quotes.kind,
  quotes.content,
  quotes.cue,
  (select name from channels where channels.id = quotes.channel_id) as channel,
  (select type from channels where channels.id = quotes.channel_id) as channel_type,
  quotes.confidence,
  (select title from articles where articles.id = quotes.article_id) as article,
  quotes.publisher,
  quotes.published,
  (select url from articles where articles.id = quotes.article_id) as url,
  quotes.article_id,
  quotes.sentence,
  quotes.context,
  quotes.speaker_id,
  quotes.channel_id
from quotes
"""


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create what is missing; cheap when everything is there."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION and db[VIEW_NAME].exists() and _fts_ready(db) and counts_ready(db):
        return
    if version > SCHEMA_VERSION:
        raise StoreError(f"made by a newer quotes (schema {version} > {SCHEMA_VERSION}): upgrade quotes")
    if 0 < version < 2 and db["speakers"].exists():
        from quotes.store.upgrade import upgrade_speakers

        upgrade_speakers(db)
    create_tables(db)
    if 0 < version < 3:
        from quotes.store.upgrade import upgrade_counts

        upgrade_counts(db)
    if 0 < version < 4:
        from quotes.store.upgrade import upgrade_channel_types

        upgrade_channel_types(db)
    create_indexes(db)
    create_counts(db)       # a new database: empty counts; a complete one: nothing to do
    db.create_view(VIEW_NAME, VIEW_SQL, replace=True)
    enable_search(db)
    with db.ensure_autocommit_on():
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def create_tables(db: sqlite_utils.Database) -> None:
    db["articles"].create(ARTICLE_COLUMNS, pk="id", not_null={"text"},
                          defaults={"quote_count": 0}, if_not_exists=True)
    db["speakers"].create(SPEAKER_COLUMNS, pk="id",
                          not_null={"name", "key"}, defaults={"type": "unknown"}, if_not_exists=True)
    # a user's corrections of the linking, by identity key (quotes speakers merge/split)
    db["speaker_corrections"].create({"key": str, "target_key": str}, pk="key", if_not_exists=True)
    # type: "outlet" (Reuters, a named show) or "medium" (interview, statement, Twitter)
    db["channels"].create({"id": int, "name": str, "type": str}, pk="id", not_null={"name"}, if_not_exists=True)
    db["speaker_aliases"].create(
        {"id": int, "speaker_id": int, "alias": str, "count": int}, pk="id",
        foreign_keys=[("speaker_id", "speakers", "id")], not_null={"alias"},
        defaults={"count": 0}, if_not_exists=True)
    db["quotes"].create(
        QUOTE_COLUMNS, pk="id",
        foreign_keys=[("article_id", "articles", "id"),
                      ("speaker_id", "speakers", "id"),
                      ("channel_id", "channels", "id")],
        not_null={"article_id", "kind", "content"}, if_not_exists=True)


def create_indexes(db: sqlite_utils.Database) -> None:
    db["speakers"].create_index(["key"], unique=True, if_not_exists=True)
    for columns in (["name"], ["surname"], ["initials"]):
        db["speakers"].create_index(columns, if_not_exists=True)
    db["quotes"].create_index(["speaker_key"], if_not_exists=True)
    db["channels"].create_index(["name"], unique=True, if_not_exists=True)
    db["speaker_aliases"].create_index(["speaker_id", "alias"], unique=True, if_not_exists=True)
    db.index_foreign_keys()
    for columns in QUOTE_FACET_INDEXES + SPEAKER_PAGE_INDEXES:
        db["quotes"].create_index(columns, if_not_exists=True)
    for columns in ARTICLE_INDEXES:
        db["articles"].create_index(columns, if_not_exists=True)


SEARCHED = {"quotes": ["content"], "articles": ["title"]}


def enable_search(db: sqlite_utils.Database) -> None:
    # replace=True recreates the index only when it or its triggers are not as configured
    for table, columns in SEARCHED.items():
        db[table].enable_fts(columns, create_triggers=True, tokenize="porter", replace=True)


def _fts_ready(db: sqlite_utils.Database) -> bool:
    triggers = set(db.triggers_dict)
    return all(db[f"{table}_fts"].exists() and {f"{table}_ai", f"{table}_ad", f"{table}_au"} <= triggers
               for table in SEARCHED)
