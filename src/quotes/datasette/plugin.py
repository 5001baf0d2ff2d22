"""The Datasette plugin that makes a quotes database a newsroom tool, through hooks only.

Registered by the ``datasette`` entry point in pyproject.toml (the package
``quotes.datasette`` is the plugin, so its ``templates/`` and ``static/`` are
Datasette's), it gives ``quotes serve`` and a plain ``datasette db/quotes.db``
the same pages: the metadata (get_metadata), the article, speaker and chart
pages (register_routes), links to them from the tables (render_cell,
table_actions, menu_links) and the ``counted`` facet (register_facet_classes).
"""
from __future__ import annotations

import copy
import weakref
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlencode

from datasette import hookimpl
from markupsafe import Markup, escape

from quotes.datasette import pages
from quotes.datasette.facets import CountedFacet

DATABASE_NAME = "quotes"        # the block of metadata.yml that applies to every quotes database
QUOTES_TABLES = {"quotes", "speakers", "articles", "channels"}
_quotes_databases: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_metadata_by_datasette: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def metadata_path() -> Path:
    return Path(str(resources.files("quotes.datasette") / "metadata.yml"))


@lru_cache(maxsize=1)
def load_metadata() -> dict:
    from datasette.utils import parse_metadata

    return parse_metadata(metadata_path().read_text(encoding="utf-8"))


def quotes_databases(datasette) -> set[str]:
    """Names of the databases found to hold quotes tables at start-up (and ``quotes``)."""
    return _quotes_databases.get(datasette, set()) | {DATABASE_NAME}


@hookimpl
def startup(datasette):
    async def find_quotes_databases():
        found = set()
        for name, database in datasette.databases.items():
            if QUOTES_TABLES <= set(await database.table_names()):
                found.add(name)
        _quotes_databases[datasette] = found
    return find_quotes_databases


@hookimpl
def get_metadata(datasette, key, database, table):
    # Datasette asks about 60 times a page and merges local metadata into what this returns:
    # one copy per Datasette (and per set of quotes databases) keeps that cheap and contained
    names = quotes_databases(datasette)
    names_and_metadata = _metadata_by_datasette.get(datasette)
    if names_and_metadata is None or names_and_metadata[0] != names:
        metadata = copy.deepcopy(load_metadata())
        block = metadata["databases"][DATABASE_NAME]
        metadata["databases"] = {name: block for name in names}
        names_and_metadata = _metadata_by_datasette[datasette] = (names, metadata)
    return names_and_metadata[1]


# Pages look up thousands of scattered rows (a search's matches, a speaker's quotes); read
# through a memory map they cost half as much as through SQLite's reads (1M quotes: a
# common word's 16,170 rows 90 -> 45 ms).  Address space, not memory: the pages stay the
# operating system's file cache.
MMAP_BYTES = 2**30


@hookimpl
def prepare_connection(conn, database, datasette):
    tables = ", ".join(f"'{name}'" for name in sorted(QUOTES_TABLES))
    found = conn.execute(f"select count(*) from sqlite_master where type = 'table' and name in ({tables})")
    if found.fetchone()[0] == len(QUOTES_TABLES):
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}").fetchall()


# the readable view's names and the indexed ids they stand for
NAMED_IDS = {"speaker": ("speaker_id", "speakers"), "channel": ("channel_id", "channels")}


@hookimpl
def filters_from_request(request, database, table, datasette):
    """``quotes_view?speaker=NAME``: the same rows, found through the speaker_id index.

    The view's names come from subqueries SQLite cannot search by; this adds the
    equivalent condition on the id (Datasette keeps its own, so nothing else changes)."""
    if table != "quotes_view" or database not in quotes_databases(datasette):
        return None
    from datasette.filters import FilterArguments

    clauses, params = [], {}
    for column, (id_column, names_table) in NAMED_IDS.items():
        for key in (column, f"{column}__exact"):
            for value in request.args.getlist(key):
                name = f"quotes_{column}_{len(params)}"
                clauses.append(f"{id_column} in (select id from {names_table} where name = :{name})")
                params[name] = value
    return FilterArguments(clauses, params) if clauses else None


@hookimpl
def register_facet_classes():
    return [CountedFacet]


@hookimpl
def register_routes(datasette):
    database = r"^/(?P<database>[^/]+)/-/"
    return [
        (database + r"article/(?P<article_id>[^/]+)$", pages.article_page),
        (database + r"speaker/(?P<speaker_id>\d+)$", pages.speaker_page),
        (database + r"speaker$", pages.speaker_by_name),
        (database + r"charts$", pages.charts_page),
        (r"^/-/quotes-static/(?P<name>[a-z-]+\.(css|js))$", pages.static_file),
    ]


@hookimpl
def extra_css_urls(template, database, table, columns, view_name, request, datasette):
    return [datasette.urls.path("/-/quotes-static/quotes.css")]


LINKED = {("quotes", "content"), ("quotes", "article_id"), ("articles", "title"), ("quotes_view", "article"),
          ("quotes", "speaker_id"), ("speakers", "name"), ("quotes_view", "speaker")}


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Articles open on their page, speakers on theirs, from every table that names them."""
    # called for every cell of every table: the cheapest test first
    if (table, column) not in LINKED or value in (None, "") or database not in quotes_databases(datasette):
        return None
    here = datasette.urls.database(database)
    if (table, column) == ("quotes", "content"):
        return Markup(f'{escape(value)} <a class="quotes-in-article" href="{here}/-/article/'
                      f'{escape(_field(row, "article_id"))}#q-{escape(_field(row, "id"))}">in&nbsp;article</a>')
    if (table, column) == ("quotes", "article_id") and isinstance(value, dict):
        return _link(f"{here}/-/article/{value['value']}", value["label"])
    if (table, column) == ("articles", "title"):
        return _link(f"{here}/-/article/{_field(row, 'id')}", value)
    if (table, column) == ("quotes_view", "article"):
        return _link(f"{here}/-/article/{_field(row, 'article_id')}", value)
    if (table, column) == ("quotes", "speaker_id") and isinstance(value, dict):
        return _link(f"{here}/-/speaker/{value['value']}", value["label"])
    if (table, column) == ("speakers", "name"):
        return _link(f"{here}/-/speaker/{_field(row, 'id')}", value)
    if (table, column) == ("quotes_view", "speaker"):
        speaker_id = _field(row, "speaker_id")
        return _link(f"{here}/-/speaker/{speaker_id}" if speaker_id != "" else
                     f"{here}/-/speaker?{urlencode({'name': value})}", value)
    return None


@hookimpl
def table_actions(datasette, actor, database, table, request):
    if database not in quotes_databases(datasette) or table not in ("quotes", "quotes_view"):
        return None
    search = request.args.get("_search") if request else None
    query = f"?{urlencode({'q': search})}" if search else ""
    label = f"Chart quotes matching “{search}”" if search else "Charts: quotes per month, speakers, channels"
    return [{"href": f"{datasette.urls.database(database)}/-/charts{query}", "label": label}]


@hookimpl
def menu_links(datasette, actor, request):
    return [{"href": f"{datasette.urls.database(name)}/-/charts", "label": f"Charts ({name})"}
            for name in sorted(quotes_databases(datasette) & set(datasette.databases))]


def _field(row, name: str):
    try:
        value = row[name]
    except (IndexError, KeyError):
        return ""
    return value["value"] if isinstance(value, dict) else value


def _link(href: str, label) -> Markup:
    return Markup(f'<a href="{escape(href)}">{escape(label)}</a>')
