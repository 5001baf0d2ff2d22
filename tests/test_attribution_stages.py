"""The fast layer: rules and speaker resolution over a parse read from CoNLL-U.

``fixtures/parsed/news.conllu`` is the bundled parser's output on
``news.txt`` (written by ``scripts/make_parse_fixture.py``, reviewed by hand),
so these tests run the real stages on a real parse in milliseconds, without
loading Stanza or torch.  The tagger stage is switched off: its model needs
torch, and its tests live in test_attribution_learned.py.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quotes.attribution.document.conllu import from_conllu, read_conllu
from quotes.attribution.pipeline import STAGE_NAMES, run
from quotes.text import prepare

PARSED = Path(__file__).parent / "fixtures" / "parsed"


def _prepared():
    return prepare((PARSED / "news.txt").read_text(encoding="utf-8"))


def _run(skip=("tagger",)):
    prepared = _prepared()
    doc = read_conllu((PARSED / "news.conllu").read_text(encoding="utf-8"), prepared.page)
    return run(prepared, doc, skip=skip)



def test_the_fixture_is_a_parsed_text_whose_offsets_slice_the_article():
    prepared = _prepared()
    parsed = from_conllu((PARSED / "news.conllu").read_text(encoding="utf-8"), prepared.page)
    assert len(parsed.sentences) == 7
    assert all(prepared.text[w.start:w.end] == w.text for w in parsed.words)
    said = next(w for w in parsed.words if w.text == "said")
    assert [k.text for k in parsed.kids(said.index, "nsubj")] == ["Dmitry"]


def test_stages_are_named_in_order():
    assert STAGE_NAMES == ("document", "quote-marks", "rules", "tagger", "combine", "sources", "speakers",
                           "channels", "confidence", "records")


def test_rules_find_claims_quotes_and_according_to():
    work = _run()
    found = [(c.rule, work.text[c.cue_span[0]:c.cue_span[1]]) for c in work.candidates]
    assert found == [("ccomp", "said"), ("ccomp", "told"), ("according", "According to"),
                     ("object", "praised"), ("ccomp", "said"), ("ccomp", "added")]
    records = work.records
    assert [r.kind for r in records] == ["indirect", "direct", "indirect", "mixed", "direct", "indirect"]
    assert records[0].content == "that the talks would resume next week"
    assert records[3].content == 'Armenia and Azerbaijan for their "courageous steps" toward peace'
    # content spans slice the text
    assert all(r.content.split(" … ")[0] == work.text[r.content_spans[0][0]:r.content_spans[0][1]] for r in records)


def test_speakers_are_split_into_name_and_role_and_resolved_across_the_article():
    records = _run().records
    speakers = [(r.speaker_mention, r.speaker, r.speaker_role, r.speaker_type) for r in records]
    assert speakers == [
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "Kremlin spokesman", "person"),
        ("he", "Dmitry Peskov", "Kremlin spokesman", "person"),            # the pronoun: the last person
        ("the Foreign Ministry", "Foreign Ministry", None, "organization"),
        ("U.S. Secretary of State Antony Blinken", "Antony Blinken", "U.S. Secretary of State", "person"),
        ("Blinken", "Antony Blinken", "U.S. Secretary of State", "person"),  # the surname: the full name, the role given above
        ("The ministry", "Foreign Ministry", None, "organization"),        # a description: the body named
    ]


def test_channels_and_confidence():
    records = _run().records
    assert [r.channel for r in records] == [None, None, None, None, "statement", None]
    assert [r.confidence for r in records] == [0.72, 0.8, 0.8, 0.58, 0.8, 0.72]


def test_a_stage_switched_off_leaves_its_part_empty():
    records = _run(skip=("tagger", "speakers")).records
    assert len(records) == 6 and all(r.speaker is None for r in records)
    # without a speaker every record is trusted less
    assert [r.confidence for r in records] == [0.47, 0.55, 0.55, 0.33, 0.55, 0.47]
    assert _run(skip=("tagger", "channels")).records[4].channel is None


@pytest.mark.parametrize("stage", ["records", "document", "no-such-stage"])
def test_only_optional_stages_can_be_switched_off(stage):
    with pytest.raises(ValueError, match="cannot skip"):
        _run(skip=("tagger", stage))


def test_the_fast_layer_loads_neither_stanza_nor_torch():
    code = ("import sys\n"
            "sys.path.insert(0, 'tests')\n"
            "import test_attribution_stages as t\n"
            "assert len(t._run().records) == 6\n"
            "print(sorted(m for m in ('stanza', 'torch') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent.parent)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_the_fixture_is_what_the_bundled_parser_gives(pipeline):
    """Regenerate with scripts/make_parse_fixture.py when the models change."""
    from quotes.nlp import parse

    doc = parse(_prepared().page)
    assert f"{doc:C}\n" == (PARSED / "news.conllu").read_text(encoding="utf-8")


def test_the_article_budget_is_checked_after_each_stage_and_names_it():
    from quotes.attribution.pipeline import run as run_stages
    from quotes.nlp.limits import ArticleTooSlow, Deadline

    prepared = _prepared()
    doc = read_conllu((PARSED / "news.conllu").read_text(encoding="utf-8"), prepared.page)
    spent = Deadline(seconds=0.5)
    spent.started -= 1      # the parse used the whole budget
    with pytest.raises(ArticleTooSlow, match=r"budget per article \(1 s, up to the 'document' stage\).*"
                                             r"QUOTES_ARTICLE_SECONDS"):
        run_stages(prepared, doc, skip=("tagger",), deadline=spent)
    assert len(run_stages(prepared, doc, skip=("tagger",), deadline=Deadline(seconds=60)).records) == 6
