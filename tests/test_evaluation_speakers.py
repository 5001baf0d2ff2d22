"""How ``quotes evaluate --speakers`` compares what the speakers table shows
with the hand gold: folding, and the figures on a two-article database."""
from pathlib import Path

import pytest

from quotes.evaluation.speaker_gold import GoldSpeaker, fold_channel, junk_name, load_gold, role_matches
from quotes.evaluation.speakers import score_speakers
from quotes.records import Article, Attribution
from quotes.store import open_db
from quotes.store.write import write_article


@pytest.mark.parametrize("gold, predicted, same", [
    ("Republican presidential nominee", "presidential nominee", True),
    ("former Democratic National Committee chairman", "former DNC chairman", True),
    ("FBI director", "CIA director", False),
    ("FBI director", "F.B.I. director", True),          # the same initials, with full stops
    ("F.B.I. director", "C.I.A. director", False),
    ("Democratic senator", "Massachusetts senator", False),
    (None, None, True),
    ("senator", None, False),
])
def test_roles_match_in_a_shorter_form_or_with_initials(gold, predicted, same):
    assert role_matches(gold, predicted) is same


@pytest.mark.parametrize("channel, folded", [
    ("speech at the Democratic National Convention", "speech"),
    ("Twitter", "tweet"),
    ("news conference", "press conference"),
    ("The Washington Post", "washington post"),
])
def test_channels_fold_to_their_medium(channel, folded):
    assert fold_channel(channel) == folded


@pytest.mark.parametrize("name, reason", [
    ("Sergey Lavrov", None), ("he", "pronoun"), ("MOSCOW -- Sergey Lavrov", "dateline"),
    ("Clinton's", "possessive"), ("Jennifer Palmieri, adding that", "clause"),
])
def test_junk_names(name, reason):
    assert junk_name(name) == reason


def _record(start, end, speaker, role=None, channel=None):
    return Attribution(kind="direct", content="x", content_spans=[[start, end]], cue="said", cue_start=end + 1,
                       cue_end=end + 5, speaker=speaker, speaker_mention=speaker, speaker_start=end + 6,
                       speaker_end=end + 7, speaker_role=role, speaker_type="person", channel=channel)


def _gold(article, start, end, speaker, entity, role=None, channel=None):
    return GoldSpeaker(article=article, content_spans=[[start, end]], speaker=speaker, accept=[],
                       entity=entity, type="person", mention=speaker, role=role, channel=channel)


def test_scores_count_right_speakers_roles_channels_and_rows_per_entity():
    db = open_db(":memory:")
    write_article(db, Article(text="a" * 100, source="one"),
                  [_record(0, 20, "Antony Blinken", "Secretary of State", "Reuters"), _record(40, 60, "Lavrov")], "test")
    write_article(db, Article(text="b" * 100, source="two"), [_record(0, 20, "Blinken", None, "statement")], "test")
    gold = [_gold("one", 0, 20, "Antony Blinken", "blinken", "Secretary of State", "Reuters"),
            _gold("one", 40, 60, "Sergey Lavrov", "lavrov"),
            _gold("two", 0, 20, "Antony Blinken", "blinken", "Secretary of State", None),
            _gold("two", 70, 90, "Maria Zakharova", "zakharova")]          # never found
    scores = score_speakers(db, gold)
    assert (scores.found, scores.right["speaker"]) == (3, 2)             # "Lavrov" alone is not the gold name
    assert (scores.right["role:given"], scores.total["role:given"]) == (1, 2)
    assert scores.false_channels == 1                                     # "statement" where the gold has none
    assert scores.rows_per_entity == 1.0                                  # "Blinken" linked to Antony Blinken's row
    assert {e["field"] for e in scores.errors} == {"speaker", "role", "channel"}


def test_a_row_holds_two_people_only_when_their_quotes_are_not_one_of_them():
    db = open_db(":memory:")
    write_article(db, Article(text="a" * 100, source="one"),
                  [_record(0, 20, "Hillary Clinton"), _record(40, 60, "Hillary Clinton"), _record(70, 90, "Hillary Clinton")],
                  "test")
    pair = GoldSpeaker(article="one", content_spans=[[40, 60]], speaker="Hillary Clinton and Donald Trump",
                       accept=["Hillary Clinton"], entity="hillary-clinton-and-donald-trump", type="group",
                       mention="both", role=None, channel=None)
    gold = [_gold("one", 0, 20, "Hillary Clinton", "hillary-clinton"), pair]
    assert score_speakers(db, gold).two_entity_rows == []           # the pair, accepted under her name, is hers
    gold.append(_gold("one", 70, 90, "Bill Clinton", "bill-clinton"))  # his quote in her row
    assert score_speakers(db, gold).two_entity_rows == [("Hillary Clinton", ["bill-clinton", "hillary-clinton"])]


def test_a_show_is_scored_right_under_its_outlet():
    from quotes.evaluation.speakers import show_of

    assert show_of("Breitbart News", "Breitbart News Saturday")
    assert not show_of("Breitbart News", "Breitbart")
    assert not show_of("interview", "interview with CNN")     # a medium is no outlet


GOLDS = sorted((Path(__file__).parent / "fixtures" / "speaker-gold").glob("*.jsonl"))


@pytest.mark.parametrize("path", GOLDS, ids=[p.stem for p in GOLDS])
def test_every_hand_gold_item_is_complete_and_typed(path):
    """A gold a helper annotated is read whole: each item has its article and
    spans, and a speaker it gives has an entity id and a known type (an item
    no one said has none); a held-out sample's entity ids are the ones its
    entities table lists."""
    items = load_gold(path)
    assert len(items) >= 80
    types = {"person", "organization", "country", "group", "unnamed"}
    for item in items:
        assert item.article and item.content_spans and all(s < e for s, e in item.content_spans)
        assert not item.speaker or item.entity and item.type in types, item
    table = path.with_suffix(".entities.tsv")
    if table.exists():
        listed = {line.split("\t")[0] for line in table.read_text(encoding="utf-8").splitlines() if line.strip()}
        assert {item.entity for item in items if item.entity} - {"unnamed"} <= listed     # ("unnamed": no one entity)
