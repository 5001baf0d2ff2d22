"""Upgrades of databases made by earlier versions, one function a schema step."""
from __future__ import annotations

import sqlite_utils


def upgrade_speakers(db: sqlite_utils.Database) -> None:
    """Schema 1 -> 2: speakers get identity keys; each quote keeps its article-level name.

    Rows whose names share a key are merged (the lowest id stays), which is the
    point of the upgrade; nothing else changes."""
    from quotes.store.identity import identity_key, initials, person_name

    speakers = db["speakers"]
    for column in ("key", "surname", "initials"):
        if column not in speakers.columns_dict:
            speakers.add_column(column, str)
    for column in ("speaker_name", "speaker_key"):
        if column not in db["quotes"].columns_dict:
            db["quotes"].add_column(column, str)
    if any(index.columns == ["name"] and index.unique for index in speakers.indexes):
        speakers.drop_index(next(i.name for i in speakers.indexes if i.columns == ["name"]))
    first_by_key: dict[str, int] = {}
    with db.atomic():
        for row in list(speakers.rows_where(order_by="id")):
            key = identity_key(row["name"], row["type"] or "unknown")
            parsed = person_name(row["name"]) if key.startswith("p:") else None
            db.execute("update quotes set speaker_name = ?, speaker_key = ? where speaker_id = ?",
                       [row["name"], key, row["id"]])
            if key in first_by_key:
                db.execute("update quotes set speaker_id = ? where speaker_id = ?", [first_by_key[key], row["id"]])
                db.execute("update speaker_aliases set speaker_id = ? where speaker_id = ? and alias not in "
                           "(select alias from speaker_aliases where speaker_id = ?)",
                           [first_by_key[key], row["id"], first_by_key[key]])
                speakers.delete(row["id"])
                continue
            first_by_key[key] = row["id"]
            speakers.update(row["id"], {"key": key, "surname": parsed.last if parsed else None,
                                        "initials": initials(row["name"]) if key.startswith("o:") else None})
        db.execute("delete from speaker_aliases where speaker_id not in (select id from speakers)")


def upgrade_counts(db: sqlite_utils.Database) -> None:
    """Schema 2 -> 3: each quote carries its article's publisher and date, and quote counts per
    speaker, channel, kind, cue, type, publisher and month are kept by triggers (store/counts.py),
    counted once here from the stored rows.  Columns an older database lacks are added first."""
    from quotes.store.counts import create_counts, drop_triggers
    from quotes.store.schema import ARTICLE_COLUMNS, QUOTE_COLUMNS

    for table, columns in (("quotes", QUOTE_COLUMNS), ("articles", ARTICLE_COLUMNS)):
        present = db[table].columns_dict
        for column, kind in columns.items():
            if column not in present:
                db[table].add_column(column, kind)
    drop_triggers(db)       # the copy below would otherwise count every quote twice
    with db.atomic():
        db.execute("update quotes set publisher = articles.publisher, published = articles.published "
                   "from articles where articles.id = quotes.article_id")
    create_counts(db)


def upgrade_channel_types(db: sqlite_utils.Database) -> None:
    """Schema 3 -> 4: each channel says whether it is an outlet or a medium."""
    from quotes.attribution.channels import channel_kind

    if "type" not in db["channels"].columns_dict:
        db["channels"].add_column("type", str)
    with db.atomic():
        for row in list(db["channels"].rows):
            db["channels"].update(row["id"], {"type": channel_kind(row["name"])})
