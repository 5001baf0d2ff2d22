"""One speaker row per person or body across articles (store/identity.py,
store/speaker_links.py); no parser needed: records are written directly."""
import random

import pytest

from quotes.records import Article, Attribution
from quotes.store import open_db, write_article
from quotes.store.identity import identity_key, person_name
from quotes.store.speaker_links import merge_speakers, split_speaker


@pytest.mark.parametrize("a, b", [
    ("Donald J. Trump", "Donald Trump"),
    ("Mr. Donald Trump", "Donald Trump"),
    ("Sergei Lavrov", "Sergey Lavrov"),
    ("Hillary Rodham Clinton", "Hillary Clinton"),
    ("Trump's", "Trump"),
    ("Bill de Blasio", "Bill de Blasio"),
])
def test_same_person_same_key(a, b):
    assert identity_key(a, "person") == identity_key(b, "person")


@pytest.mark.parametrize("a, b", [
    ("Bill Clinton", "Hillary Clinton"),
    ("Donald Trump Jr.", "Donald Trump"),
    ("Eric Garner", "Erica Garner"),
])
def test_different_people_different_keys(a, b):
    assert identity_key(a, "person") != identity_key(b, "person")


def test_particles_stay_in_the_surname():
    assert person_name("Bill de Blasio").last == "de blasio"
    assert person_name("Osama bin Laden").last == "bin laden"


def quote(speaker, kind="person", role=None, start=0):
    return Attribution(kind="indirect", content="x", content_spans=[[start, start + 1]], speaker=speaker,
                       speaker_mention=speaker, speaker_type=kind, speaker_role=role)


ARTICLES = [
    ("Antony Blinken met them. Blinken said so.", [quote("Antony Blinken", role="Secretary of State")]),
    ("Blinken said the talks would go on.", [quote("Blinken", role="Secretary of State")]),
    ("Mr. Lavrov said no.", [quote("Mr. Lavrov", role="Foreign Minister")]),
    ("Sergey Lavrov, Russia's foreign minister, said no.", [quote("Sergey Lavrov", role="Foreign Minister")]),
    ("Sergei Lavrov said it again.", [quote("Sergei Lavrov")]),
    ("Hillary Clinton said yes. Bill Clinton said no.",
     [quote("Hillary Clinton", role="Democratic nominee"), quote("Bill Clinton", start=5)]),
    ("The Federal Bureau of Investigation said it would look.", [quote("Federal Bureau of Investigation", "organization")]),
    ("The FBI declined to comment.", [quote("FBI", "organization")]),
    ("Critics said it was wrong.", [quote("critics", "group")]),
    ("Donald J. Trump said so.", [quote("Donald J. Trump")]),
    ("Donald Trump said so again.", [quote("Donald Trump", role="Republican nominee")]),
    ("Donald Trump Jr. said so too.", [quote("Donald Trump Jr.")]),
    ("PENCE: We will win.", [quote("PENCE", "unknown")]),
    ("Mike Pence said so.", [quote("Mike Pence")]),
    ("Politifact ruled it true.", [quote("Politifact")]),        # one word, typed a person for want of evidence
    ("PolitiFact said it was false.", [quote("PolitiFact", "organization")]),
    # a first name alone is the one person of the corpus with it whose surname the article names
    ("Hillary Wins Delaware. Clinton thanked her voters.", [quote("Hillary")]),
    ("Mike said it was cold.", [quote("Mike")]),            # no surname here: a row of its own
]


def speakers_of(db):
    rows = db.query("select speakers.name, speakers.type, count(quotes.id) as n from speakers "
                    "join quotes on quotes.speaker_id = speakers.id group by speakers.id order by speakers.name")
    return sorted((r["name"], r["type"], r["n"]) for r in rows)


def ingest(articles, tmp_path, name="q.db"):
    db = open_db(tmp_path / name)
    for k, (text, records) in enumerate(articles):
        write_article(db, Article(text=f"{text} ({k})", source=f"a{k}"), records, extractor_version="t")
    return db


def test_one_row_per_person_across_articles(tmp_path):
    db = ingest(ARTICLES, tmp_path)
    assert speakers_of(db) == [
        ("Antony Blinken", "person", 2),
        ("Bill Clinton", "person", 1),
        ("Donald Trump", "person", 2),
        ("Donald Trump Jr.", "person", 1),
        ("Federal Bureau of Investigation", "organization", 2),
        ("Hillary Clinton", "person", 2),
        ("Mike", "person", 1),
        ("Mike Pence", "person", 2),
        ("PolitiFact", "organization", 2),
        ("Sergei Lavrov", "person", 3),   # a tie: the alphabetically first
        ("critics", "group", 1),
    ]
    # the row shows the role its quotes give most often; aliases keep every form
    assert db.execute("select role from speakers where name = 'Sergei Lavrov'").fetchone()[0] == "Foreign Minister"
    aliases = {r[0] for r in db.execute(
        "select alias from speaker_aliases join speakers on speakers.id = speaker_id where name = 'Sergei Lavrov'")}
    assert aliases == {"Mr. Lavrov", "Sergey Lavrov", "Sergei Lavrov"}


@pytest.mark.parametrize("order", [1, 2, 3])
def test_rows_do_not_depend_on_the_order_of_ingest(tmp_path, order):
    shuffled = list(ARTICLES)
    random.Random(order).shuffle(shuffled)
    assert shuffled != ARTICLES
    assert speakers_of(ingest(shuffled, tmp_path, f"o{order}.db")) == speakers_of(ingest(ARTICLES, tmp_path))


def test_a_surname_shared_by_two_people_stays_apart_unless_the_article_tells(tmp_path):
    db = ingest([ARTICLES[5],
                 ("Clinton said it was time.", [quote("Clinton")]),
                 ("Hillary Clinton spoke. Then Clinton said more.", [quote("Clinton", start=3)])], tmp_path)
    names = dict((r[0], r[2]) for r in speakers_of(db))
    assert names["Clinton"] == 1 and names["Hillary Clinton"] == 2 and names["Bill Clinton"] == 1


def test_corrections_survive_reingest(tmp_path):
    db = ingest(ARTICLES[:2] + [("Tony Blinken said hi.", [quote("Tony Blinken")])], tmp_path)
    assert merge_speakers(db, "Tony Blinken", "Antony Blinken") == 1
    assert ("Antony Blinken", "person", 3) in speakers_of(db)
    # the article comes again under a new extractor version: the correction still holds
    write_article(db, Article(text="Tony Blinken said hi. (2)", source="a2"), [quote("Tony Blinken")],
                  extractor_version="t2")
    assert ("Antony Blinken", "person", 3) in speakers_of(db)
    assert split_speaker(db, "Blinken") == 1
    assert ("Blinken", "person", 1) in speakers_of(db)
    assert ("Antony Blinken", "person", 2) in speakers_of(db)


def test_speakers_cli_merges_and_lists(tmp_path):
    from click.testing import CliRunner

    from quotes.cli import cli

    db = ingest(ARTICLES[:2] + [("Tony Blinken said hi.", [quote("Tony Blinken")])], tmp_path)
    path = str(tmp_path / "q.db")
    db.close()
    runner = CliRunner()
    result = runner.invoke(cli, ["speakers", "merge", "Tony Blinken", "Antony Blinken", "--db", path])
    assert result.exit_code == 0, result.output
    assert "1 quote(s) moved" in result.output
    listed = runner.invoke(cli, ["speakers", "list", "--db", path]).output
    assert listed.splitlines()[0].split() == ["3", "Antony", "Blinken", "(person,", "Secretary", "of", "State)",
                                              "also:", "Blinken,", "Tony", "Blinken"]
    missing = runner.invoke(cli, ["speakers", "merge", "Nobody", "Antony Blinken", "--db", path])
    assert missing.exit_code == 1 and "no speaker named 'Nobody'" in missing.output


def test_a_schema_1_database_is_upgraded_in_place(tmp_path):
    """Speakers stored by name (schema 1) get identity keys; rows sharing a key merge."""
    import sqlite_utils

    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old["articles"].insert({"id": "a1", "text": "t", "source": "a"}, pk="id")
    old["speakers"].insert_all([{"id": 1, "name": "Donald Trump", "type": "person", "role": None},
                                {"id": 2, "name": "Donald J. Trump", "type": "person", "role": "nominee"}], pk="id")
    old["speakers"].create_index(["name"], unique=True)
    old["speaker_aliases"].insert_all([{"id": 1, "speaker_id": 1, "alias": "Trump", "count": 1},
                                       {"id": 2, "speaker_id": 2, "alias": "Mr. Trump", "count": 1}], pk="id")
    old["quotes"].insert_all([{"id": 1, "article_id": "a1", "speaker_id": 1, "kind": "direct", "content": "x",
                               "content_spans": "[[0, 1]]"},
                              {"id": 2, "article_id": "a1", "speaker_id": 2, "kind": "direct", "content": "y",
                               "content_spans": "[[0, 1]]"}], pk="id")
    old.execute("PRAGMA user_version = 1")
    old.close()
    db = open_db(path)
    assert [(r["id"], r["name"], r["key"]) for r in db["speakers"].rows] == [(1, "Donald Trump", "p:donald trump")]
    assert {r["speaker_id"] for r in db["quotes"].rows} == {1}
    assert {r["speaker_name"] for r in db["quotes"].rows} == {"Donald Trump", "Donald J. Trump"}
    assert {r["alias"] for r in db["speaker_aliases"].rows} == {"Trump", "Mr. Trump"}
