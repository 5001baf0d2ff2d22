"""The plugin's pages: an article with its quotes marked, a speaker, charts.

Each handler runs a few indexed queries (a page never counts the whole
quotes table: totals come from ``quote_counts``) and renders a template
from ``templates/``, which escapes every stored string.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from urllib.parse import urlencode

from datasette import Response
from datasette.utils import escape_fts
from datasette.utils.asgi import NotFound

from quotes.datasette import charts, marks

ARTICLE_SQL = "select id, title, url, publisher, author, published, text, quote_count from articles where id = ?"
RECORDS_SQL = """
select quotes.id, quotes.kind, quotes.content, quotes.content_spans, quotes.cue, quotes.cue_start,
  quotes.cue_end, quotes.speaker_mention, quotes.speaker_start, quotes.speaker_end, quotes.channel_mention,
  quotes.confidence, quotes.role, quotes.speaker_id, speakers.name as speaker, channels.name as channel
from quotes
  left join speakers on speakers.id = quotes.speaker_id
  left join channels on channels.id = quotes.channel_id
where quotes.article_id = ?
order by quotes.content_start, quotes.id
"""
SPEAKER_QUOTES_SQL = """
select quotes.id, quotes.kind, quotes.content, quotes.cue, quotes.confidence, quotes.role, quotes.article_id,
  quotes.published, (select name from channels where channels.id = quotes.channel_id) as channel
from quotes
where quotes.speaker_id = ?
order by quotes.published desc, quotes.article_id desc
limit ?
"""
# a speaker's articles, newest first, from the (speaker_id, published, article_id) index
SPEAKER_ARTICLES_SQL = """
select articles.id, articles.title, articles.publisher, articles.published, counted.n
from (select article_id, max(published) as published, count(*) as n from quotes where speaker_id = ?
      group by article_id order by published desc, article_id desc limit ?) as counted
  join articles on articles.id = counted.article_id
order by counted.published desc, counted.article_id desc
"""
STATIC = Path(str(resources.files("quotes.datasette") / "static"))
QUOTES_SHOWN = 100
TOP = 15


async def article_page(datasette, request) -> Response:
    db = _database(datasette, request)
    article = (await db.execute(ARTICLE_SQL, [request.url_vars["article_id"]])).first()
    if article is None:
        raise NotFound("No such article")
    records = [dict(row) for row in (await db.execute(RECORDS_SQL, [article["id"]])).rows]
    for record in records:
        record["low"] = record["confidence"] is not None and record["confidence"] < marks.LOW_CONFIDENCE
    return await _render(datasette, request, "quotes_article.html", {
        "article": dict(article), "records": records, "by_id": {r["id"]: r for r in records}, "pieces": marks.pieces(article["text"], records),
        "roles": marks.ROLES, "low_confidence": marks.LOW_CONFIDENCE,
    })


async def speaker_page(datasette, request) -> Response:
    db = _database(datasette, request)
    speaker_id = int(request.url_vars["speaker_id"])
    speaker = (await db.execute("select id, name, type, role from speakers where id = ?", [speaker_id])).first()
    if speaker is None:
        raise NotFound("No such speaker")

    async def rows(sql: str, *params) -> list:
        return [dict(row) for row in (await db.execute(sql, [speaker_id, *params])).rows]

    months = await rows("select substr(published, 1, 7) as month, count(*) as n from quotes "
                        "where speaker_id = ? group by month")
    total = (await rows("select count(*) as n from quotes where speaker_id = ?"))[0]["n"]
    return await _render(datasette, request, "quotes_speaker.html", {
        "speaker": dict(speaker), "total": total,
        "roles": await rows("select role, count(*) as n from quotes where speaker_id = ? and role is not null "
                            "group by role order by n desc, role"),
        "aliases": await rows("select alias, count as n from speaker_aliases where speaker_id = ? "
                              "order by count desc, alias limit 50"),
        "channels": await rows("select channels.name, counted.n from (select channel_id, count(*) as n from quotes "
                               "where speaker_id = ? and channel_id is not null group by channel_id) as counted "
                               "join channels on channels.id = counted.channel_id order by n desc, channels.name"),
        "articles": await rows(SPEAKER_ARTICLES_SQL, QUOTES_SHOWN),
        "article_count": (await rows("select count(distinct article_id) as n from quotes where speaker_id = ?"))[0]["n"],
        "quotes": await rows(SPEAKER_QUOTES_SQL, QUOTES_SHOWN), "shown": QUOTES_SHOWN,
        "months": charts.month_chart([(r["month"], r["n"]) for r in months], f"Quotes of {speaker['name']} per month"),
        "all_quotes_url": datasette.urls.table(db.name, "quotes") + f"?{urlencode({'speaker_id': speaker_id})}",
    })


async def speaker_by_name(datasette, request) -> Response:
    """``-/speaker?name=`` (the readable view links speakers by name): the speaker's page."""
    db = _database(datasette, request)
    name = request.args.get("name", "")
    row = (await db.execute("select id from speakers where name = ? order by id limit 1", [name])).first()
    if row is None:
        raise NotFound("No such speaker")
    return Response.redirect(f"{datasette.urls.database(db.name)}/-/speaker/{row['id']}")


async def charts_page(datasette, request) -> Response:
    db = _database(datasette, request)
    here = datasette.urls.database(db.name)
    search = (request.args.get("q") or "").strip()
    top = [(r["name"], r["count"], f"{here}/-/speaker/{r['id']}") for r in (await db.execute(
        "select speakers.id, speakers.name, quote_counts.count from quote_counts join speakers "
        "on speakers.id = cast(quote_counts.value as integer) where facet = 'speaker_id' "
        "order by quote_counts.count desc limit ?", [TOP])).rows]
    channels = (await db.execute(
        "select channels.id, channels.name, quote_counts.count from quote_counts join channels "
        "on channels.id = cast(quote_counts.value as integer) where facet = 'channel_id' "
        "order by quote_counts.count desc limit ?", [TOP])).rows
    total = (await db.execute("select coalesce(sum(count), 0) from quote_counts where facet = 'kind'")).first()[0]
    through = sum(r["count"] for r in (await db.execute(
        "select count from quote_counts where facet = 'channel_id'")).rows)
    channel_rows = [(r["name"], r["count"], f"{here}/quotes?channel_id={r['id']}") for r in channels]
    channel_rows.append(("(no channel named)", total - through, None))
    context = {
        "search": search, "total": total,
        "top_speakers": charts.bar_chart(top, "Most quoted speakers"),
        "channel_mix": charts.bar_chart(sorted(channel_rows, key=lambda r: -r[1]), "Channel mix"),
    }
    if search:
        months = (await db.execute(
            "select substr(quotes.published, 1, 7) as month, count(*) as n from quotes_fts "
            "join quotes on quotes.id = quotes_fts.rowid where quotes_fts match ? group by month",
            [escape_fts(search)])).rows
        context["matches"] = sum(r["n"] for r in months)
        context["months"] = charts.month_chart([(r["month"], r["n"]) for r in months],
                                               f"Quotes matching {search} per month")
        context["search_url"] = datasette.urls.table(db.name, "quotes") + f"?{urlencode({'_search': search})}"
    else:
        months = (await db.execute("select value, count from quote_counts where facet = 'month'")).rows
        context["months"] = charts.month_chart([(r["value"], r["count"]) for r in months], "Quotes per month")
    return await _render(datasette, request, "quotes_charts.html", context)


async def static_file(datasette, request) -> Response:
    """The pages' CSS and script, shipped in ``static/``: one URL whether or not the entry point
    registered the plugin (Datasette's own static route is named after the distribution then)."""
    name = request.url_vars["name"]
    path = STATIC / name
    if not path.is_file():
        raise NotFound("No such file")
    kind = "text/css" if name.endswith(".css") else "application/javascript"
    return Response(path.read_text(encoding="utf-8"), content_type=f"{kind}; charset=utf-8",
                    headers={"Cache-Control": "max-age=3600"})


def _database(datasette, request):
    from quotes.datasette.plugin import quotes_databases

    name = request.url_vars["database"]
    if name not in datasette.databases or name not in quotes_databases(datasette):
        raise NotFound("No quotes database of that name")
    return datasette.get_database(name)


async def _render(datasette, request, template: str, context: dict) -> Response:
    database = request.url_vars["database"]
    context = {**context, "database": database, "database_url": datasette.urls.database(database),
               "static": lambda name: datasette.urls.path(f"/-/quotes-static/{name}")}
    return Response.html(await datasette.render_template(template, context, request=request))
