"""Three short wire stories in one database (hand-written, tests/fixtures/
wire-stories/): one row per person across them, clean names and roles, the
outlet a quote came through as its channel, no headline read as a claim.
Runs the real parser and tagger."""
import pytest

from quotes.attribution.speakers.naming.names import split_name_role
from quotes.attribution.speakers.roles.role_text import clean_role

FIXTURES = "tests/fixtures/wire-stories"


@pytest.mark.parametrize("mention, name, role", [
    ("MOSCOW -- Sergey Lavrov, Russia's top diplomat", "Sergey Lavrov", "Russia's top diplomat"),
    ("WASHINGTON (Reuters) - U.S. Secretary of State Antony Blinken", "Antony Blinken", "U.S. Secretary of State"),
    ("Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus", "G.K. Butterfield",
     "head of the Congressional Black Caucus"),
    ("House Speaker Paul Ryan, R-Wis.,", "Paul Ryan", "House Speaker"),
    ("Mrs. Clinton", "Clinton", None),
])
def test_names_and_roles_come_apart_cleanly(mention, name, role):
    found_name, found_role = split_name_role(mention)
    assert (found_name, clean_role(found_role)) == (name, role)


@pytest.mark.parametrize("role", ["Mr.", "Mrs.", "who worked at Wells Fargo for eight years in Allentown, Pa."])
def test_honorifics_and_clauses_are_not_roles(role):
    assert clean_role(role) is None


def test_a_role_stops_where_a_clause_starts():
    assert clean_role("a self-proclaimed billionaire who paid no federal income tax") == "self-proclaimed billionaire"


@pytest.mark.slow
def test_three_wire_stories_give_one_row_per_person(tmp_path):
    import quotes
    from quotes.store import open_db

    db_path = tmp_path / "wire.db"
    quotes.ingest([FIXTURES], db=str(db_path), progress=False)
    db = open_db(db_path)
    rows = list(db.query(
        "select speakers.name as speaker, speakers.role as speaker_role, quotes.role, quotes.content, "
        "channels.name as channel from quotes left join speakers on speakers.id = quotes.speaker_id "
        "left join channels on channels.id = quotes.channel_id"))
    names = {r["speaker"] for r in rows}
    assert {"Antony Blinken", "Dmitry Peskov", "Dmytro Kuleba"} <= names
    assert len([n for n in names if n and "Lavrov" in n]) == 1
    assert len([n for n in names if n and "Blinken" in n]) == 1
    assert not any("TASS" in (n or "") or "--" in (n or "") for n in names)
    unacceptable = next(r for r in rows if "unacceptable" in r["content"])
    assert "Lavrov" in unacceptable["speaker"] and unacceptable["channel"] == "TASS"
    assert not any(r["content"].strip() in ("Calm", "Proposal") for r in rows)
    for r in rows:
        for role in (r["role"], r["speaker_role"]):
            assert clean_role(role) == role, role
            assert not role or "WASHINGTON" not in role
    assert next(r for r in rows if r["speaker"] == "Dmitry Peskov")["speaker_role"] == "Kremlin spokesman"
