"""Linking an article's speakers to the corpus's speaker rows (see identity.py).

Each quote keeps the name the extractor gave it (``speaker_name``) and that
name's key (``speaker_key``); ``speaker_id`` is derived from them here, so a
later article or a user's correction can move quotes between rows without
re-analysing anything.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

import sqlite_utils

from quotes.attribution.common.first_names import FIRST_NAMES
from quotes.attribution.speakers.roles.offices import roles_conflict, same_office
from quotes.store.identity import (GROUP, PERSON, UNNAMED, acronym, body_key, canonical_name, fold_first_name, fuller,
                                   identity_key, initials, person_name)

UNKNOWN = "unknown"


def link_key(db: sqlite_utils.Database, name: str, kind: str, role: Optional[str],
             text: str = "") -> str:
    """The corpus key an article-level speaker name belongs to."""
    own = identity_key(name, kind)
    corrected = _correction(db, own)
    if corrected:
        return corrected
    if kind in (GROUP, UNNAMED):
        return own
    parsed = person_name(name) if kind in (PERSON, UNKNOWN) else None
    if parsed and parsed.first is None:
        found = _surname_owner(db, parsed.last, parsed.suffix, role, text) or _first_name_owner(db, name, text)
        if found:
            return found
        # "Politifact" alone, typed a person for want of evidence, where the
        # corpus holds the body "PolitiFact": one word, one speaker
        if len(name.split()) == 1 and _exists(db, body_key(name)):
            return body_key(name)
        return own
    if parsed and kind == UNKNOWN and _exists(db, parsed.key):
        return parsed.key
    short = acronym(name)
    if short and kind != PERSON:
        owners = [r["key"] for r in db.query(
            "select key from speakers where initials = ? and key like 'o:%' and key != ?", [short, own])]
        if len(owners) == 1:
            return owners[0]
    return own


def _exists(db: sqlite_utils.Database, key: str) -> bool:
    return db.execute("select 1 from speakers where key = ?", [key]).fetchone() is not None


def _correction(db: sqlite_utils.Database, key: str) -> Optional[str]:
    row = db.execute("select target_key from speaker_corrections where key = ?", [key]).fetchone()
    return row[0] if row else None


def _surname_owner(db: sqlite_utils.Database, last: str, suffix: str, role: Optional[str],
                   text: str) -> Optional[str]:
    """The one full-name person a surname alone stands for, if it can be told."""
    rows = list(db.query("select key, name, role from speakers where surname = ? and key like 'p:%' "
                         "and key not like 'p:?%'", [last]))
    rows = [r for r in rows if (person_name(r["name"]) or person_name(last)).suffix == suffix]
    # never the one full name whose office says it is someone else ("President Obama", "first lady")
    rows = [r for r in rows if not roles_conflict(role, r["role"])]
    if len(rows) == 1:
        return rows[0]["key"]
    if not rows:
        return None
    # the article names one of them in full ("Hillary Clinton ... Clinton said")
    named = [r for r in rows if _names_in_full(text, r["name"])]
    if len(named) == 1:
        return named[0]["key"]
    if role:
        agreeing = [r for r in rows if r["role"] and same_office(r["role"], role)]
        if len(agreeing) == 1:
            return agreeing[0]["key"]
    return None


def _first_name_owner(db: sqlite_utils.Database, name: str, text: str) -> Optional[str]:
    """``Hillary`` in a headline: the one person of the corpus with that first
    name, when the article names their surname too (a first name alone is
    never matched on its own: two Hillarys stay apart, and so does a surname
    that happens to be a first name)."""
    word = name.strip()
    if word.lower() not in FIRST_NAMES or not text:
        return None
    rows = list(db.query("select key, name, surname from speakers where key like ? and key not like 'p:?%'",
                         [f"p:{fold_first_name(word.lower())} %"]))
    if len(rows) != 1 or not rows[0]["surname"]:
        return None
    surname = person_name(rows[0]["name"])
    shown = surname.last if surname else rows[0]["surname"]
    named = re.search(r"\b" + re.escape(shown) + r"\b", text, flags=re.I)
    return rows[0]["key"] if named else None


def _names_in_full(text: str, name: str) -> bool:
    parsed = person_name(name)
    words = name.split()
    if not parsed or not text or len(words) < 2:
        return False
    return re.search(r"\b" + re.escape(words[0]) + r"\b(?:\s+\S+){0,2}?\s+" + re.escape(words[-1]) + r"\b",
                     text) is not None


def speaker_row(db: sqlite_utils.Database, key: str, name: str, kind: str) -> int:
    """The id of the row for ``key``, created if missing, its name made the fuller one."""
    found = db.execute("select id, name, type from speakers where key = ?", [key]).fetchone()
    if found:
        pk, stored, stored_type = found
        best = fuller(stored, name) if _same_kind_of_name(key) else stored
        updates = {}
        if best != stored:
            updates["name"] = best
        if stored_type in (None, UNKNOWN) and kind != UNKNOWN:
            updates["type"] = kind
        if updates:
            db["speakers"].update(pk, updates)
        return pk
    parsed = person_name(name) if key.startswith("p:") else None
    return db["speakers"].insert({"name": name, "key": key, "type": kind or UNKNOWN,
                                  "surname": parsed.last if parsed else None,
                                  "initials": initials(name) if key.startswith("o:") else None}).last_pk


def _same_kind_of_name(key: str) -> bool:
    return not key.startswith("u:")


def link_article_speakers(db: sqlite_utils.Database, speakers: dict[str, dict], text: str) -> dict[str, int]:
    """Row id for each of an article's speaker names ({name: {"type", "role"}})."""
    ids = {}
    for name, facts in speakers.items():
        key = link_key(db, name, facts["type"], facts["role"], text)
        ids[name] = speaker_row(db, key, name, facts["type"])
    return ids


def relink_after_write(db: sqlite_utils.Database, speaker_ids: set[int]) -> None:
    """Once an article is stored: earlier quotes that a new full name or full
    body name now explains move to its row (order independence), and the
    touched rows get their fullest name and most frequent role."""
    touched = set(speaker_ids)
    for pk in speaker_ids:
        row = db.execute("select key, name, surname from speakers where id = ?", [pk]).fetchone()
        if not row:
            continue
        key, name, surname = row
        if key.startswith("p:") and not key.startswith("p:?") and surname:
            # a surname alone, typed a person or left untyped ("PENCE" in a transcript),
            # and a first name alone ("Hillary" in a headline) the new full name explains
            touched |= _relink(db, "speaker_key in (?, ?) or (speaker_key = ? and speaker_type = 'unknown')",
                               [f"p:? {surname}", f"p:? {name.split()[0].lower()}", f"o:{surname}"])
        elif key.startswith("o:"):
            short = initials(name)
            if len(short) >= 2:
                touched |= _relink(db, "speaker_key = ?", [f"o:{short}"])
            if len(name.split()) == 1:
                touched |= _relink(db, "speaker_key = ?", [f"p:? {name.lower()}"])
    refresh_rows(db, touched)


def _relink(db: sqlite_utils.Database, where: str, params: list) -> set[int]:
    """Link again the quotes matching ``where``; returns the rows they left or joined."""
    touched: set[int] = set()
    groups = list(db.query(
        f"select distinct quotes.article_id, quotes.speaker_name, quotes.speaker_type, quotes.speaker_id "
        f"from quotes where {where}", params))
    for group in groups:
        article = db.execute("select text from articles where id = ?", [group["article_id"]]).fetchone()
        role = db.execute("select role from quotes where article_id = ? and speaker_name = ? and role is not null "
                          "limit 1", [group["article_id"], group["speaker_name"]]).fetchone()
        key = link_key(db, group["speaker_name"], group["speaker_type"] or UNKNOWN, role[0] if role else None,
                       article[0] if article else "")
        pk = speaker_row(db, key, group["speaker_name"], group["speaker_type"] or UNKNOWN)
        if pk != group["speaker_id"]:
            db.execute("update quotes set speaker_id = ? where article_id = ? and speaker_name = ?",
                       [pk, group["article_id"], group["speaker_name"]])
            touched |= {pk, group["speaker_id"]}
    return touched


def refresh_rows(db: sqlite_utils.Database, ids: set[int]) -> None:
    """Name, role and aliases of each row from its quotes; rows left empty go."""
    for pk in ids:
        if pk is None:
            continue
        names = {r[0]: r[1] for r in db.execute(
            "select speaker_name, count(*) from quotes where speaker_id = ? and speaker_name is not null "
            "group by speaker_name", [pk])}
        if not names:
            if not db.execute("select 1 from quotes where speaker_id = ? limit 1", [pk]).fetchone():
                db["speaker_aliases"].delete_where("speaker_id = ?", [pk])
                db["speakers"].delete(pk)
            continue
        row = db.execute("select key, name, type from speakers where id = ?", [pk]).fetchone()
        best = canonical_name(names)
        if row and row[0].startswith("p:") and row[2] == PERSON and best.isupper():
            best = best.title()     # "PENCE" in a debate transcript is Pence (but "USA TODAY" stays)
        roles = Counter({r[0]: r[1] for r in db.execute(
            "select role, count(*) from quotes where speaker_id = ? and role is not null group by role", [pk])})
        role = min(roles, key=lambda r: (-roles[r], r)) if roles else None
        updates = {"role": role}
        if row and _same_kind_of_name(row[0]):
            updates["name"] = best
        db["speakers"].update(pk, updates)
        _recount_aliases(db, pk)


def _recount_aliases(db: sqlite_utils.Database, pk: int) -> None:
    db["speaker_aliases"].delete_where("speaker_id = ?", [pk])
    db.execute("insert into speaker_aliases (speaker_id, alias, count) "
               "select speaker_id, speaker_mention, count(*) from quotes "
               "where speaker_id = ? and speaker_mention is not null group by speaker_mention", [pk])


# --- a user's corrections ------------------------------------------------

def merge_speakers(db: sqlite_utils.Database, name: str, into: str) -> int:
    """Every quote of speaker ``name`` (as a row name or an article-level name)
    goes to the row of ``into``, now and on every later ingest; returns the
    number of quotes moved."""
    target = _row_by_name(db, into)
    if target is None:
        raise ValueError(f"no speaker named {into!r}")
    keys = _keys_named(db, name)
    if not keys:
        raise ValueError(f"no speaker named {name!r}")
    with db.atomic():
        for key in keys:
            db["speaker_corrections"].upsert({"key": key, "target_key": target["key"]}, pk="key")
        moved = _relink_keys(db, keys)
    return moved


def split_speaker(db: sqlite_utils.Database, name: str) -> int:
    """Quotes stored under the article-level name ``name`` get a row of their
    own again, and are never linked automatically; returns quotes moved."""
    keys = {k for k in _keys_named(db, name, article_level_only=True)}
    if not keys:
        raise ValueError(f"no quotes name their speaker {name!r}")
    with db.atomic():
        for key in keys:
            db["speaker_corrections"].upsert({"key": key, "target_key": key}, pk="key")
        moved = _relink_keys(db, keys)
    return moved


def _relink_keys(db: sqlite_utils.Database, keys: set[str]) -> int:
    before = {r[0]: r[1] for r in db.execute(
        f"select id, speaker_id from quotes where speaker_key in ({','.join('?' * len(keys))})", list(keys))}
    touched = set(before.values())
    touched |= _relink(db, f"speaker_key in ({','.join('?' * len(keys))})", list(keys))
    refresh_rows(db, touched)
    after = {r[0]: r[1] for r in db.execute(
        f"select id, speaker_id from quotes where speaker_key in ({','.join('?' * len(keys))})", list(keys))}
    return sum(1 for q, s in after.items() if before.get(q) != s)


def _row_by_name(db: sqlite_utils.Database, name: str) -> Optional[dict]:
    rows = list(db.query("select id, key, name from speakers where name = ? order by id", [name]))
    return rows[0] if rows else None


def _keys_named(db: sqlite_utils.Database, name: str, article_level_only: bool = False) -> set[str]:
    keys = {r[0] for r in db.execute("select distinct speaker_key from quotes where speaker_name = ?", [name])}
    if not article_level_only:
        row = _row_by_name(db, name)
        if row:
            keys |= {r[0] for r in db.execute(
                "select distinct speaker_key from quotes where speaker_id = ?", [row["id"]])}
    return {k for k in keys if k}



def speaker_rows(db: sqlite_utils.Database, limit: int = 30) -> list[dict]:
    """The most quoted speakers with their other names (``quotes speakers list``)."""
    rows = list(db.query(
        "select speakers.id, speakers.name, speakers.type, speakers.role, count(quotes.id) as quotes "
        "from speakers join quotes on quotes.speaker_id = speakers.id group by speakers.id "
        "order by quotes desc, speakers.name limit ?", [limit]))
    for row in rows:
        row["aliases"] = [r[0] for r in db.execute(
            "select alias from speaker_aliases where speaker_id = ? order by count desc, alias", [row["id"]])]
    return rows
