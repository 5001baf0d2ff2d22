"""Quote counts kept by triggers, so pages over a million quotes need not count them.

``quote_counts`` holds one row per (facet, value): how many quotes have that
speaker, channel, kind, cue, speaker type, article publisher or publication
month.  SQLite triggers on ``quotes`` (and on ``articles``, whose publisher
and date a quote counts under) keep it exact whoever writes: the ingest, a
merge, ``quotes speakers merge``, an upgrade.  Datasette's facets, the speaker
and chart pages read it (quotes.datasette.facets).

sqlite-utils has no trigger operation, so the triggers are the one piece of
DDL written here by hand; the table and its index go through sqlite-utils.
"""
from __future__ import annotations

import sqlite_utils

TABLE = "quote_counts"

# facet -> SQL for its value from a quotes row (``{row}`` is new or old)
FACETS = {
    "speaker_id": "{row}.speaker_id",
    "channel_id": "{row}.channel_id",
    "kind": "{row}.kind",
    "cue": "{row}.cue",
    "speaker_type": "{row}.speaker_type",
    "publisher": "(select publisher from articles where id = {row}.article_id)",
    "month": "(select substr(published, 1, 7) from articles where id = {row}.article_id)",
}
ARTICLE_FACETS = {"publisher": "{row}.publisher", "month": "substr({row}.published, 1, 7)"}
TRIGGERS = ["quote_counts_ai", "quote_counts_ad", "quote_counts_au", "quote_counts_articles_au"]


def create_counts(db: sqlite_utils.Database) -> None:
    """The table, its index and triggers, counted from the rows when any was missing.

    A database from before schema 3 (store/upgrade.py) or one whose triggers
    were dropped (by a sqlite-utils ``transform``) is recounted, so no count
    is trusted that a trigger did not keep."""
    if counts_ready(db):
        return
    db[TABLE].create({"facet": str, "value": str, "count": int}, pk=("facet", "value"),
                     not_null={"count"}, if_not_exists=True)
    # the top values of one facet, in index order ("most quoted speakers")
    db[TABLE].create_index(["facet", "count"], if_not_exists=True)
    for name in TRIGGERS:
        db.execute(f"drop trigger if exists {name}")
    db.executescript(_triggers_sql())
    refill(db)


def counts_ready(db: sqlite_utils.Database) -> bool:
    return db[TABLE].exists() and set(TRIGGERS) <= set(db.triggers_dict)


def refill(db: sqlite_utils.Database) -> None:
    """Count every facet from the rows (an upgrade, or a check that the triggers kept up)."""
    with db.atomic():
        db.execute(f"delete from {TABLE}")
        for facet, expression in FACETS.items():
            value = expression.format(row="quotes")
            db.execute(f"insert into {TABLE} (facet, value, count) select ?, value, count(*) from "
                       f"(select {value} as value from quotes) where value is not null group by value", [facet])


def _add(row: str, amount: str, facets: dict) -> str:
    values = " union all ".join(f"select '{facet}' as facet, {sql.format(row=row)} as value"
                                for facet, sql in facets.items())
    return (f"insert into {TABLE} (facet, value, count) select facet, value, {amount} from ({values}) "
            f"where value is not null and {amount} > 0 "
            f"on conflict (facet, value) do update set count = count + excluded.count;")


def _remove(row: str, amount: str, facets: dict) -> str:
    updates = "".join(f"update {TABLE} set count = count - {amount} where facet = '{facet}' "
                      f"and value = {sql.format(row=row)};\n" for facet, sql in facets.items())
    names = ", ".join(f"'{facet}'" for facet in facets)
    return updates + f"delete from {TABLE} where facet in ({names}) and count <= 0;"


def _triggers_sql() -> str:
    moved = "old.published is not new.published or old.publisher is not new.publisher"
    # an article's quotes move with its publisher and month when those change
    article_quotes = "(select count(*) from quotes where article_id = new.id)"
    return f"""
create trigger quote_counts_ai after insert on quotes begin
{_add("new", "1", FACETS)}
end;
create trigger quote_counts_ad after delete on quotes begin
{_remove("old", "1", FACETS)}
end;
create trigger quote_counts_au after update of speaker_id, channel_id, kind, cue, speaker_type, article_id
on quotes begin
{_remove("old", "1", FACETS)}
{_add("new", "1", FACETS)}
end;
create trigger quote_counts_articles_au after update of published, publisher on articles when {moved} begin
{_remove("old", article_quotes, ARTICLE_FACETS)}
{_add("new", article_quotes, ARTICLE_FACETS)}
end;
"""
