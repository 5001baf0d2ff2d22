"""The PolNeAR reader and the metrics, on small hand-written brat fixtures."""
from pathlib import Path

import pytest

from quotes.evaluation import load_split, parse_ann
from quotes.evaluation.metrics import Counts, Scores, exact_counts, overlap_counts, quote_counts

TEXT = ('"We will win," Smith said. Jones said the plan would fail, according to aides.\n'
        'According to the poll, voters are split.')
# offsets into TEXT
QUOTE = (0, 14)
SMITH = (15, 20)
SAID1 = (21, 25)
JONES = (27, 32)
SAID2 = (33, 37)
CLAIM = (38, 58)
ACC = (TEXT.index("According"), TEXT.index("According") + len("According to"))
SPLIT = (TEXT.index("voters"), len(TEXT))

ANN = f"""E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2
T1\tContent {QUOTE[0]} {QUOTE[1]}\t"We will win,"
T2\tSource {SMITH[0]} {SMITH[1]}\tSmith
T3\tCue {SAID1[0]} {SAID1[1]}\tsaid
T4\tAttribution {SAID1[0]} {SAID1[1]}\tsaid
T5\tSource {JONES[0]} {JONES[1]}\tJones
T6\tCue {SAID2[0]} {SAID2[1]}\tsaid
T7\tContent {CLAIM[0]} 42;43 {CLAIM[1]}\tthe plan would fail
T8\tAttribution {SAID2[0]} {SAID2[1]}\tsaid
E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7
T9\tCue {ACC[0]} {ACC[1]}\tAccording to
T10\tContent {SPLIT[0]} {SPLIT[1]}\tvoters are split.
T11\tAttribution-no-source {ACC[0]} {ACC[1]}\tAccording to
E3\tAttribution-no-source:T11 Cue:T9 Content:T10
T12\tDiscuss 0 5\t"We w
E4\tDiscuss:T12
#1\tAnnotatorNotes T1\ta note
"""


def test_parse_ann_events_roles_and_discontinuous_spans():
    golds = parse_ann(ANN)
    assert [g.event for g in golds] == ["Attribution", "Attribution", "Attribution-no-source"]
    assert golds[0].source == [SMITH] and golds[0].cue == [SAID1] and golds[0].content == [QUOTE]
    assert golds[1].content == [(38, 42), (43, 58)]
    assert golds[2].source == []


@pytest.fixture()
def polnear(tmp_path: Path) -> Path:
    for split in ("dev",):
        (tmp_path / split / "text").mkdir(parents=True)
        (tmp_path / split / "attributions").mkdir()
        (tmp_path / split / "text" / "art_one.txt").write_text(TEXT, encoding="utf-8")
        # two annotators: the first in sorted order is used
        (tmp_path / split / "attributions" / "art_one_aaaa.ann").write_text(ANN, encoding="utf-8")
        (tmp_path / split / "attributions" / "art_one_zzzz.ann").write_text("", encoding="utf-8")
    return tmp_path


def test_load_split_picks_one_annotator_deterministically(polnear):
    (article,) = load_split(polnear, "dev")
    assert article.annotator == "aaaa"
    assert len(article.attributions) == 3


def test_load_split_every_annotator_for_training(polnear):
    first, second = load_split(polnear, "dev", every_annotator=True)
    assert first.name == second.name == "art_one"
    assert (first.annotator, second.annotator) == ("aaaa", "zzzz")
    assert first.attributions and not second.attributions


def test_load_split_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_split(tmp_path, "dev")


def test_exact_counts_are_one_to_one():
    gold = [((0, 5),), ((10, 15),)]
    pred = [((0, 5),), ((0, 5),), ((10, 14),)]
    c = exact_counts(pred, gold)
    assert (c.matched, c.predicted, c.gold) == (1, 3, 2)
    assert c.precision == pytest.approx(1 / 3) and c.recall == pytest.approx(0.5)


def test_overlap_counts_characters():
    c = overlap_counts([((0, 10),)], [((5, 20),)])
    assert (c.matched, c.predicted, c.gold) == (5, 10, 15)


def test_quote_threshold_and_speaker():
    gold = [{"content": ((0, 100),), "source": ((200, 205),)}]
    pred_half = [{"content": ((0, 50),), "source": ((200, 203),)}]
    assert quote_counts(pred_half, gold, 0.3).counts.matched == 1
    assert quote_counts(pred_half, gold, 0.3).speaker_right == 1
    assert quote_counts(pred_half, gold, 0.8).counts.matched == 0
    wrong_speaker = [{"content": ((0, 90),), "source": ((300, 305),)}]
    m = quote_counts(wrong_speaker, gold, 0.8)
    assert (m.counts.matched, m.speaker_right, m.speaker_total) == (1, 0, 1)


def test_scores_whole_article(polnear):
    (article,) = load_split(polnear, "dev")
    gold = [{"content": g.content, "source": g.source, "cue": g.cue} for g in article.attributions]
    pred = [gold[0], {"content": [CLAIM], "source": [JONES], "cue": [SAID2]}]  # claim not split
    scores = Scores()
    scores.add_article(article.text, pred, gold)
    d = scores.as_dict()
    assert d["exact"]["content"]["matched"] == 1 and d["exact"]["content"]["gold"] == 3
    assert d["exact"]["source"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "matched": 2, "predicted": 2, "gold": 2}
    assert d["exact"]["cue"]["r"] == pytest.approx(2 / 3, abs=1e-3)
    assert d["quote"]["0.8"]["matched"] == 2
    assert d["speaker_accuracy"]["0.8"] == 1.0
    assert "content" in scores.table()


def test_counts_f1_zero_safe():
    assert Counts().f1 == 0.0


def test_confidence_ranking_auc_and_quartiles():
    scores = Scores()
    # four records: the two most confident found a quote, the two least did not
    scores.ranked = [(0.9, True), (0.8, True), (0.3, False), (0.2, False)]
    auc, quartiles = scores.confidence_ranking()
    assert auc == 1.0 and quartiles == [1.0, 1.0, 0.0, 0.0]
    scores.ranked = [(0.9, False), (0.8, True), (0.3, True), (0.2, False)]
    assert scores.confidence_ranking()[0] == 0.5


def test_scores_rank_records_by_confidence(polnear):
    (article,) = load_split(polnear, "dev")
    gold = [{"content": g.content, "source": g.source, "cue": g.cue} for g in article.attributions]
    wrong = {"content": [(0, 5)], "source": [], "cue": [], "confidence": 0.9}
    right = dict(gold[0], confidence=0.4)
    scores = Scores()
    scores.add_article(article.text, [wrong, right], gold)
    assert scores.ranked == [(0.9, False), (0.4, True)]
    assert scores.as_dict()["confidence"]["auc"] == 0.0


def test_annotator_agreement_scores_the_second_annotation_against_the_first(polnear):
    from quotes.evaluation import annotator_agreement

    # the second annotator agrees on Smith's quote, cuts Jones's cue short and skips the poll
    second = "\n".join(line for line in ANN.splitlines() if not line.startswith(("T9", "T10", "T11", "E3")))
    second = second.replace(f"T6\tCue {SAID2[0]} {SAID2[1]}", f"T6\tCue {SAID2[0]} {SAID2[0] + 3}")
    (polnear / "dev" / "attributions" / "art_one_zzzz.ann").write_text(second, encoding="utf-8")
    # an article annotated once takes no part
    (polnear / "dev" / "text" / "art_two.txt").write_text(TEXT, encoding="utf-8")
    (polnear / "dev" / "attributions" / "art_two_aaaa.ann").write_text(ANN, encoding="utf-8")
    found = annotator_agreement(polnear, "dev", resamples=50)
    assert found.articles == ["art_one"]
    cue = found.scores.exact["cue"]
    assert (cue.matched, cue.predicted, cue.gold) == (1, 2, 3)
    content = found.scores.exact["content"]
    assert (content.matched, content.predicted, content.gold) == (2, 2, 3)
    # one article: every resample is the article itself
    assert found.intervals["cue"] == (pytest.approx(cue.f1), pytest.approx(cue.f1))
    assert "on 1 article annotated twice" in found.table()


def test_evaluate_agreement_command_needs_a_doubly_annotated_article(polnear):
    from click.testing import CliRunner

    from quotes.cli import cli

    (polnear / "dev" / "attributions" / "art_one_zzzz.ann").unlink()
    result = CliRunner().invoke(cli, ["evaluate", str(polnear), "--agreement"])
    assert result.exit_code != 0 and "annotated twice" in result.output
