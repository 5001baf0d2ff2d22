"""A ``counted`` facet for the quotes table and view: counts read, not recounted, where they can be.

Over a million quotes one plain column facet is an index scan of 100-200 ms,
and the quotes table shows five.  This facet (metadata.yml asks for it:
``facets: [{counted: speaker_id}, ...]``) answers:

- the whole table, or the table filtered by one kind or one speaker type
  (the filters that keep most rows), from ``quote_counts``, which triggers
  keep (store/counts.py);
- any other page (a search, a speaker, several filters) by reading the
  matching rows once for all its facets, where Datasette's column facet
  reads them once per facet.

Values, labels and links are those of Datasette's column facet, so the page
shows them the same way.
"""
from __future__ import annotations

from datasette.database import QueryInterrupted
from datasette.facets import ColumnFacet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

from quotes.store.counts import FILTERS, TABLE, filtered_key

TABLES = {"quotes", "quotes_view"}
COLUMNS = {"speaker_id", "channel_id", "kind", "cue", "speaker_type", "publisher"}
LABELS = {"speaker_id": "speakers", "channel_id": "channels"}     # ids shown by name
# arguments that change neither which rows a page shows nor what its facets count
NEUTRAL = ("_facet", "_size", "_sort", "_col", "_nocol", "_labels", "_shape", "_json", "_trace",
           "_nosuggest", "_timelimit", "_ttl", "_nocount", "_stream", "_dl", "_context")


class CountedFacet(ColumnFacet):
    type = "counted"

    async def suggest(self):
        return []       # the column facet suggests the same columns already

    async def facet_results(self):
        columns = [c["config"].get("column") or c["config"]["simple"] for c in self.get_configs()]
        if self.table not in TABLES or not set(columns) <= COLUMNS:
            return await super().facet_results()
        scope = self._scope()
        try:
            if scope is not None and await self.ds.get_database(self.database).table_exists(TABLE):
                counted = await self._stored_counts(columns, scope)
            else:
                counted = await self._count_once(columns)
        except QueryInterrupted:
            return [], columns
        sources = {c["config"].get("column") or c["config"]["simple"]: c["source"] for c in self.get_configs()}
        return [await self._result(column, counted[column], sources[column]) for column in columns], []

    def _scope(self):
        """``()`` for the whole table, (column, value) for one kind or type, None for anything else."""
        filters = {}
        for key, value in self.get_querystring_pairs():
            if key.startswith("_"):
                if not key.startswith(NEUTRAL):
                    return None
                continue
            column = key[:-len("__exact")] if key.endswith("__exact") else key
            if column not in FILTERS or column in filters:
                return None
            filters[column] = value
        if len(filters) > 1:
            return None
        return next(iter(filters.items()), ())

    async def _stored_counts(self, columns: list[str], scope) -> dict[str, list[tuple]]:
        size = self.get_facet_size()
        counted = {}
        for column in columns:
            key = filtered_key(column, *scope) if scope else column
            rows = await self.ds.execute(
                self.database, f"select value, count from {TABLE} where facet = ? order by count desc, value "
                f"limit {size + 1}", [key], truncate=False)
            counted[column] = [(_typed(column, row["value"]), row["count"]) for row in rows.rows]
        return counted

    async def _count_once(self, columns: list[str]) -> dict[str, list[tuple]]:
        size = self.get_facet_size()
        selected = ", ".join(escape_sqlite(c) for c in columns)
        parts = " union all ".join(
            f"select * from (select '{c}' as facet, {escape_sqlite(c)} as value, count(*) as count from matched "
            f"where {escape_sqlite(c)} is not null group by value order by count desc, value limit {size + 1})"
            for c in columns)
        rows = await self.ds.execute(
            self.database, f"with matched as materialized (select {selected} from ({self.sql})) {parts}",
            self.params, truncate=False, custom_time_limit=self.ds.setting("facet_time_limit_ms"))
        counted = {column: [] for column in columns}
        for row in rows.rows:
            counted[row["facet"]].append((row["value"], row["count"]))
        return counted

    async def _result(self, column: str, rows: list[tuple], source: str) -> dict:
        size = self.get_facet_size()
        shown = rows[:size]
        labels = {}
        if column in LABELS and shown:
            ids = [value for value, _ in shown]
            found = await self.ds.execute(
                self.database, f"select id, name from {LABELS[column]} where id in ({', '.join('?' * len(ids))})",
                ids)
            labels = {row["id"]: row["name"] for row in found.rows}
        pairs = self.get_querystring_pairs()
        values = []
        for value, count in shown:
            selected = (column, str(value)) in pairs or (f"{column}__exact", str(value)) in pairs
            path = (path_with_removed_args(self.request, {column: str(value)}) if selected
                    else path_with_added_args(self.request, {column: value}))
            values.append({"value": value, "label": labels.get(value, value), "count": count, "selected": selected,
                           "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(path))})
        return {"name": column, "type": self.type, "hideable": source != "metadata",
                "toggle_url": self.ds.urls.path(self.request.path), "results": values,
                "truncated": len(rows) > size}


def _typed(column: str, value):
    return int(value) if column in LABELS else value
