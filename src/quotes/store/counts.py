"""Quote counts kept by triggers, so pages over a million quotes need not count them.

``quote_counts`` holds one row per (facet, value): how many quotes have that
speaker, channel, kind, cue, speaker type, publisher or publication month,
and the same for the quotes of one kind or one speaker type
(``speaker_id|kind=direct``), the two filters that keep most of a corpus.
Triggers on ``quotes`` keep it exact whoever writes: the ingest, a merge,
``quotes speakers merge``, an upgrade; a trigger on ``articles`` copies a
changed publisher or date onto its quotes, which moves their counts.
Datasette's facets, the speaker and chart pages read it
(quotes.datasette.facets).

sqlite-utils has no trigger operation, so the triggers are the one piece of
DDL written here by hand; the table and its index go through sqlite-utils.
"""
from __future__ import annotations

import sqlite_utils

TABLE = "quote_counts"

# facet -> its value in a quotes row (``{row}`` is new, old or quotes)
FACETS = {
    "speaker_id": "{row}.speaker_id",
    "channel_id": "{row}.channel_id",
    "kind": "{row}.kind",
    "cue": "{row}.cue",
    "speaker_type": "{row}.speaker_type",
    "publisher": "{row}.publisher",
    "month": "substr({row}.published, 1, 7)",
}
FILTERS = ("kind", "speaker_type")      # counted again within each of their values
COUNTED_COLUMNS = ["speaker_id", "channel_id", "kind", "cue", "speaker_type", "publisher", "published"]
TRIGGERS = ["quote_counts_insert", "quote_counts_delete", "quote_counts_update", "articles_to_quotes"]


def keys(row: str) -> list[tuple[str, str]]:
    """(facet key SQL, value SQL) of every count a quotes row adds to."""
    plain = [(f"'{facet}'", value.format(row=row)) for facet, value in FACETS.items()]
    within = [(f"'{facet}|{column}=' || {row}.{column}", value.format(row=row))
              for column in FILTERS for facet, value in FACETS.items() if facet != "month"]
    return plain + within


def filtered_key(facet: str, column: str, value: str) -> str:
    return f"{facet}|{column}={value}"


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
    drop_triggers(db)
    db.executescript(_triggers_sql())
    refill(db)


def drop_triggers(db: sqlite_utils.Database) -> None:
    for name in TRIGGERS + ["quote_counts_ai", "quote_counts_ad", "quote_counts_au", "quote_counts_articles_au"]:
        db.execute(f"drop trigger if exists {name}")


def counts_ready(db: sqlite_utils.Database) -> bool:
    return db[TABLE].exists() and set(TRIGGERS) <= set(db.triggers_dict)


def refill(db: sqlite_utils.Database) -> None:
    """Count every facet from the rows (an upgrade, or a check that the triggers kept up)."""
    with db.atomic():
        db.execute(f"delete from {TABLE}")
        for facet, value in keys("quotes"):
            db.execute(f"insert into {TABLE} (facet, value, count) select facet, value, count(*) from "
                       f"(select {facet} as facet, {value} as value from quotes) "
                       f"where value is not null and facet is not null group by facet, value")


def _add(row: str) -> str:
    values = " union all ".join(f"select {facet} as facet, {value} as value" for facet, value in keys(row))
    return (f"insert into {TABLE} (facet, value, count) select facet, value, 1 from ({values}) "
            f"where value is not null and facet is not null "
            f"on conflict (facet, value) do update set count = count + 1;")


def _remove(row: str) -> str:
    return "".join(f"update {TABLE} set count = count - 1 where facet = {facet} and value = {value};\n"
                   f"delete from {TABLE} where facet = {facet} and value = {value} and count <= 0;\n"
                   for facet, value in keys(row))


def _triggers_sql() -> str:
    changed = ", ".join(COUNTED_COLUMNS)
    return f"""
create trigger quote_counts_insert after insert on quotes begin
{_add("new")}
end;
create trigger quote_counts_delete after delete on quotes begin
{_remove("old")}
end;
create trigger quote_counts_update after update of {changed} on quotes begin
{_remove("old")}
{_add("new")}
end;
create trigger articles_to_quotes after update of published, publisher on articles
when old.published is not new.published or old.publisher is not new.publisher begin
update quotes set published = new.published, publisher = new.publisher where article_id = new.id;
end;
"""
