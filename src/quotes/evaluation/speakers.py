"""Score what a user browses: canonical speakers, types, roles, channels, and
speaker rows across a corpus (``quotes evaluate --speakers``).

PolNeAR's span scores say whether the words naming the speaker were found;
they say nothing about the speakers table.  This scorer stores a whole split
in one database, the way ``quotes ingest`` would, and compares each gold item
(a hand annotation of a PolNeAR attribution: canonical name and accepted
variants, an entity id shared across articles, type, role, channel) with the
stored record that covers its content.

A gold item is *found* when one stored quote of its article covers more than
30 % of its content characters (the quote@0.3 rule of ``metrics.py``); every
other figure is a share of found items, except the table-wide ones.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import sqlite_utils

from quotes.evaluation.speaker_gold import (GoldSpeaker, entity_full_names, fold, fold_channel, junk_name, junk_role,  # noqa: F401
                                            load_gold, mention_kind, role_matches)

FOUND_COVERAGE = 0.3


@dataclass
class SpeakerScores:
    gold: int = 0
    found: int = 0
    right: Counter = field(default_factory=Counter)      # figure -> count
    total: Counter = field(default_factory=Counter)
    false_channels: int = 0
    rows_per_entity: float = 0.0
    entities_across: int = 0
    two_entity_rows: list = field(default_factory=list)
    table_rows: int = 0
    junk_rows: Counter = field(default_factory=Counter)
    junk_roles: int = 0
    roles_given: int = 0
    errors: list = field(default_factory=list)

    def share(self, key: str) -> float:
        return self.right[key] / self.total[key] if self.total[key] else 0.0

    def as_dict(self) -> dict:
        out = {"gold": self.gold, "found": self.found,
               **{f"{k}_right": round(self.share(k), 4) for k in sorted(self.total)},
               **{f"{k}_n": self.total[k] for k in sorted(self.total)},
               "false_channels": round(self.false_channels / self.found, 4) if self.found else 0.0,
               "rows_per_entity": round(self.rows_per_entity, 3), "entities_across_articles": self.entities_across,
               "rows_with_two_entities": len(self.two_entity_rows), "speaker_rows": self.table_rows,
               "junk_rows": sum(self.junk_rows.values()), "junk_rows_by_reason": dict(self.junk_rows),
               "junk_roles": self.junk_roles, "roles_given": self.roles_given}
        return out

    def table(self) -> str:
        def line(label, key):
            return f"{label:<34}{self.share(key):7.3f}  ({self.right[key]}/{self.total[key]})"
        rows = [f"gold items {self.gold}, found {self.found} ({self.found / max(self.gold, 1):.3f})",
                line("canonical speaker right", "speaker"),
                line("  mention is a name", "speaker:name"),
                line("  mention is a pronoun", "speaker:pronoun"),
                line("  mention is a description", "speaker:description"),
                line("  no mention", "speaker:none"),
                line("type right", "type"),
                line("role right", "role"),
                line("  of gold items with a role", "role:given"),
                line("channel right", "channel"),
                line("  of gold items with a channel", "channel:given"),
                f"{'false channels (of found)':<34}{self.false_channels / max(self.found, 1):7.3f}  ({self.false_channels})",
                f"{'rows per entity across articles':<34}{self.rows_per_entity:7.3f}  ({self.entities_across} entities)",
                f"{'rows holding two entities':<34}{len(self.two_entity_rows):7d}",
                f"{'junk roles (of roles given)':<34}{self.junk_roles:7d}  (of {self.roles_given})",
                f"{'speaker rows, junk':<34}{sum(self.junk_rows.values()):7d}  (of {self.table_rows}: "
                + ", ".join(f"{k} {v}" for k, v in sorted(self.junk_rows.items())) + ")"]
        return "\n".join(rows)


def stored_records(db: sqlite_utils.Database) -> dict[str, list[dict]]:
    """Each article's stored quotes with speaker name/type and channel, keyed by article source."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in db.query(
            "select articles.source as article, quotes.id, quotes.content_spans, quotes.role, "
            "quotes.speaker_id, speakers.name as speaker, speakers.type as speaker_type, "
            "quotes.speaker_type as quote_type, quotes.speaker_mention, channels.name as channel "
            "from quotes join articles on articles.id = quotes.article_id "
            "left join speakers on speakers.id = quotes.speaker_id "
            "left join channels on channels.id = quotes.channel_id"):
        row["content_spans"] = json.loads(row["content_spans"])
        by_article[row["article"]].append(row)
    return by_article


def _overlap(a: list[list[int]], b: list[list[int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def show_of(outlet: Optional[str], show: Optional[str]) -> bool:
    """"Breitbart News" for a gold "Breitbart News Saturday": the outlet whose
    show it was (the extractor files a show under its outlet, "Fox News" for
    "Fox News Sunday", where annotators differ)."""
    if not outlet or not show or not outlet[:1].isupper():
        return False
    return fold(show).startswith(fold(outlet) + " ")


def score_speakers(db: sqlite_utils.Database, gold: list[GoldSpeaker]) -> SpeakerScores:
    scores = SpeakerScores(gold=len(gold))
    records = stored_records(db)
    used: set[int] = set()
    entity_rows: dict[str, set[int]] = defaultdict(set)
    entity_articles: dict[str, set[str]] = defaultdict(set)
    row_entities: dict[int, set[str]] = defaultdict(set)
    full_names = entity_full_names(gold)
    for item in gold:
        size = sum(e - s for s, e in item.content_spans) or 1
        best, best_overlap = None, 0
        for row in records.get(item.article, []):
            if row["id"] in used:
                continue
            overlap = _overlap(item.content_spans, row["content_spans"])
            if overlap > best_overlap:
                best, best_overlap = row, overlap
        if best is None or best_overlap / size <= FOUND_COVERAGE:
            continue
        used.add(best["id"])
        scores.found += 1
        kind = mention_kind(item.mention)
        accepted = item.names() | full_names.get(item.entity, set())
        right = bool(item.speaker) and fold(best["speaker"]) in accepted or (
            not item.speaker and not best["speaker"])
        for key in ("speaker", f"speaker:{kind}"):
            scores.total[key] += 1
            scores.right[key] += right
        if not right:
            scores.errors.append({"field": "speaker", "article": item.article, "gold": item.speaker,
                                  "mention": item.mention, "predicted": best["speaker"],
                                  "predicted_mention": best["speaker_mention"]})
        if item.type:
            scores.total["type"] += 1
            scores.right["type"] += (best["quote_type"] or best["speaker_type"]) == item.type
        role_right = role_matches(item.role, best["role"])
        scores.total["role"] += 1
        scores.right["role"] += role_right
        if not role_right:
            scores.errors.append({"field": "role", "article": item.article, "gold": item.role,
                                  "speaker": item.speaker, "predicted": best["role"]})
        if item.role:
            scores.total["role:given"] += 1
            scores.right["role:given"] += role_right
        predicted_channel = fold_channel(best["channel"])
        channel_right = (predicted_channel in item.channels() or show_of(best["channel"], item.channel)) \
            if item.channel else not predicted_channel
        scores.total["channel"] += 1
        scores.right["channel"] += channel_right
        if not channel_right:
            scores.errors.append({"field": "channel", "article": item.article, "gold": item.channel,
                                  "speaker": item.speaker, "spans": item.content_spans,
                                  "predicted": best["channel"]})
        if item.channel:
            scores.total["channel:given"] += 1
            scores.right["channel:given"] += channel_right
        elif predicted_channel:
            scores.false_channels += 1
        if item.entity and item.entity != "unnamed" and best["speaker_id"] is not None:
            entity_rows[item.entity].add(best["speaker_id"])
            entity_articles[item.entity].add(item.article)
            # (a quote two people said together, filed under one of them as the
            # gold accepts, does not make that row hold a second person)
            if not (right and "-and-" in item.entity):
                row_entities[best["speaker_id"]].add(item.entity)
    across = [e for e, arts in entity_articles.items() if len(arts) > 1]
    scores.entities_across = len(across)
    scores.rows_per_entity = sum(len(entity_rows[e]) for e in across) / len(across) if across else 0.0
    names = {row["id"]: row["name"] for row in db.query("select id, name from speakers")}
    scores.two_entity_rows = [(names.get(pk), sorted(ents)) for pk, ents in row_entities.items() if len(ents) > 1]
    # (listed with the other errors, so a split or a false merge can be read, not only counted)
    scores.errors += [{"field": "rows", "entity": e, "rows": sorted(str(names.get(pk)) for pk in entity_rows[e])}
                      for e in sorted(across) if len(entity_rows[e]) > 1]
    scores.errors += [{"field": "two entities", "row": row, "entities": ents} for row, ents in scores.two_entity_rows]
    scores.table_rows = len(names)
    for name in names.values():
        reason = junk_name(name)
        if reason:
            scores.junk_rows[reason] += 1
    for (role,) in db.execute("select role from quotes where role is not null"):
        scores.roles_given += 1
        scores.junk_roles += junk_role(role)
    return scores


def polnear_metadata(polnear_path: str | Path) -> dict[str, dict]:
    """PolNeAR's metadata.tsv by article name (title, publisher, date), when present."""
    path = Path(polnear_path) / "metadata.tsv"
    if not path.exists():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = (dict(zip(header, line.split("\t"))) for line in lines[1:])
    return {row["filename"]: row for row in rows}


def read_predictions(path: str | Path) -> dict[str, list]:
    """Records by article from a ``quotes evaluate --out`` file."""
    from quotes.records import Attribution

    out = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        out[row["article"]] = [Attribution(**record) for record in row["predictions"]]
    return out


def ingest_split(polnear_path: str | Path, split: str = "dev", db_path: str = ":memory:",
                 cache_dir: Optional[Path] = None, progress: bool = False,
                 predictions_path: Optional[str | Path] = None,
                 predictions_out: Optional[str | Path] = None,
                 only: Optional[set[str]] = None) -> sqlite_utils.Database:
    """Store a PolNeAR split's extracted records in one database, as ``quotes ingest`` would
    (articles named by their PolNeAR name, so gold items find them); with
    ``predictions_path``, the records of an earlier ``quotes evaluate --out``; with
    ``predictions_out``, the records are also written there in that format."""
    from quotes.attribution.authors import first_person_author
    from quotes.evaluation import predict
    from quotes.evaluation.brat import load_split
    from quotes.records import Article
    from quotes.store import open_db
    from quotes.store.write import write_article

    articles = load_split(polnear_path, split)
    if only is not None:
        articles = [a for a in articles if a.name in only]      # the articles a gold covers
    if predictions_path:
        stored = read_predictions(predictions_path)
        predictions = [stored.get(a.name, []) for a in articles]
    else:
        predictions = predict(articles, cache_dir=cache_dir, progress=progress)
    if predictions_out:
        from quotes.evaluation import write_predictions

        write_predictions(predictions_out, articles, predictions)
    metadata = polnear_metadata(polnear_path)
    db = open_db(db_path)
    for article, records in zip(articles, predictions):
        meta = metadata.get(article.name, {})
        author = meta.get("author") if meta.get("author") not in (None, "", "None") else None
        # (as ``quotes ingest`` does with a byline: "I" in a column is its author)
        write_article(db, Article(text=article.text, source=article.name, title=meta.get("title"),
                                  publisher=meta.get("publisher"), author=author,
                                  published=meta.get("publication_date")),
                      first_person_author(records, author), extractor_version="evaluation")
    return db


def evaluate_speakers(polnear_path: str | Path, gold_path: str | Path, split: str = "dev",
                      db_path: str = ":memory:", echo: bool = True, errors_out: Optional[str] = None,
                      progress: bool = False, predictions_path: Optional[str | Path] = None,
                      predictions_out: Optional[str | Path] = None) -> dict:
    """Store the split, score its speakers against the hand gold, print the table; returns the figures."""
    gold = load_gold(gold_path)
    # (a gold drawn from part of a split, as the held-out train sample is, is
    # scored on its own articles in one database)
    db = ingest_split(polnear_path, split, db_path=db_path, progress=progress, predictions_path=predictions_path,
                      predictions_out=predictions_out, only={item.article for item in gold})
    scores = score_speakers(db, gold)
    if echo:
        print(scores.table())
        for name, entities in scores.two_entity_rows:
            print(f"  row {name!r} holds {', '.join(entities)}")
    if errors_out:
        Path(errors_out).write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in scores.errors) + "\n")
    return scores.as_dict()
