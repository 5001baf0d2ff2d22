"""A ``counted`` facet: the whole table's counts read from ``quote_counts``, not counted anew.

Over a million quotes one plain column facet is an index scan of 100-200 ms,
and the quotes table shows five.  ``quote_counts`` (store/counts.py) holds
those counts, kept by triggers; this facet reads them when the page shows the
whole table, and counts the rows as Datasette's column facet does (it is one)
as soon as a filter or a search narrows them.  metadata.yml asks for it:
``facets: [{counted: speaker_id}, ...]``.
"""
from __future__ import annotations

from datasette.facets import ColumnFacet
from datasette.utils import path_with_added_args

from quotes.store.counts import TABLE

# (table, column) -> SQL giving (value, count) of the whole table, biggest first
_NAMED = ("select {name} as value, quote_counts.count from quote_counts join {table} "
          "on {table}.id = cast(quote_counts.value as integer) where quote_counts.facet = '{facet}' ")
_PLAIN = "select value, count from quote_counts where facet = '{facet}' "
_FK = "select cast(value as integer) as value, count from quote_counts where facet = '{facet}' "
COUNTED = {
    ("quotes", "speaker_id"): _FK.format(facet="speaker_id"),
    ("quotes", "channel_id"): _FK.format(facet="channel_id"),
    ("quotes_view", "speaker"): _NAMED.format(name="speakers.name", table="speakers", facet="speaker_id"),
    ("quotes_view", "channel"): _NAMED.format(name="channels.name", table="channels", facet="channel_id"),
    ("quotes_view", "publisher"): _PLAIN.format(facet="publisher"),
    **{(table, column): _PLAIN.format(facet=column)
       for table in ("quotes", "quotes_view") for column in ("kind", "cue", "speaker_type")},
}


class CountedFacet(ColumnFacet):
    type = "counted"

    async def suggest(self):
        return []       # the column facet suggests the same columns already

    async def facet_results(self):
        if not self._whole_table() or not await self._counts_there():
            return await super().facet_results()
        results, timed_out = [], []
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            sql = COUNTED.get((self.table, column))
            if sql is None:
                return await super().facet_results()
            rows = (await self.ds.execute(self.database, f"{sql} order by count desc, value limit {size + 1}",
                                          truncate=False)).rows
            labels = await self.ds.expand_foreign_keys(self.database, self.table, column,
                                                       [row["value"] for row in rows[:size]])
            results.append({
                "name": column, "type": self.type, "hideable": source_and_config["source"] != "metadata",
                "toggle_url": self.ds.urls.path(self.request.path), "truncated": len(rows) > size,
                "results": [{
                    "value": row["value"], "label": labels.get((column, row["value"]), row["value"]),
                    "count": row["count"], "selected": False,
                    "toggle_url": self.ds.absolute_url(
                        self.request, self.ds.urls.path(path_with_added_args(self.request, {column: row["value"]}))),
                } for row in rows[:size]],
            })
        return results, timed_out

    def _whole_table(self) -> bool:
        # Datasette's table SQL has a where clause once anything filters it (filters, search, _where)
        return self.table is not None and not self.params and " where " not in f" {self.sql.lower()} "

    async def _counts_there(self) -> bool:
        return await self.ds.get_database(self.database).table_exists(TABLE)
