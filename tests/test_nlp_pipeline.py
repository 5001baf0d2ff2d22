"""The bundled Stanza models parse news sentences for real (no mocks)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from quotes.nlp import parse, resolve_models
from quotes.nlp.resolve import BUNDLED_DIR, ModelsNotFound
from quotes.text import normalize_for_parsing

BLINKEN = ("“What we are seeing now are real steps,” Blinken said in public comments "
           "at the opening of the meeting.")


def _word(sentence, text):
    return next(w for w in sentence.words if w.text == text)


def test_bundled_models_are_complete():
    models = resolve_models("bundled")
    assert models.source == "bundled"
    for proc, path in models.paths.items():
        assert os.path.getsize(path) > 10_000, proc
    assert models.manifest["licence"].startswith("CC BY-SA 4.0")


def _quote_heads(words):
    """Words inside the quote marks whose head is outside them (the quote's own roots)."""
    marks = [w.id for w in words if w.text == '"']
    inside = {w.id for w in words if marks[0] < w.id < marks[1] and w.upos != "PUNCT"}
    return [w for w in words if w.id in inside and w.head not in inside]


def test_blinken_is_subject_and_quote_is_complement(pipeline):
    """The issue's acceptance sentence: Blinken nsubj of said, the quote's
    predicate ("steps") its ccomp or parataxis."""
    words = parse(BLINKEN).sentences[0].words
    said = _word(parse(BLINKEN).sentences[0], "said")
    blinken = next(w for w in words if w.text == "Blinken")
    assert blinken.deprel == "nsubj" and blinken.head == said.id
    steps = next(w for w in words if w.text == "steps")
    assert steps.head == said.id and steps.deprel in ("ccomp", "parataxis")


@pytest.mark.xfail(strict=True, reason=(
    "known parser error (EWT-only models, end-to-end LAS 81.7): the quote's free relative "
    "'What' is attached to 'said' as its obj instead of inside the quote; strict, so it "
    "fails loudly once a better parser keeps the quote one subtree"))
def test_blinken_quote_is_one_subtree(pipeline):
    words = parse(BLINKEN).sentences[0].words
    said = next(w for w in words if w.text == "said")
    roots = _quote_heads(words)
    assert len(roots) == 1 and roots[0].head == said.id, [(w.text, w.head, w.deprel) for w in roots]


def test_curly_quotes_are_separate_tokens_with_original_offsets(pipeline):
    doc = parse(BLINKEN)
    first = doc.sentences[0].tokens[0]
    assert first.text == '"'
    assert BLINKEN[first.start_char:first.end_char] == "“"
    for token in doc.sentences[0].tokens:
        assert normalize_for_parsing(BLINKEN[token.start_char:token.end_char]) == token.text


@pytest.mark.parametrize("sentence, verb, subject", [
    # UD makes the first part of a name its head ("Peskov" is flat under "Dmitry")
    ("Kremlin spokesman Dmitry Peskov said the talks had failed.", "said", "Dmitry"),
    ("The ministry announced that the border would reopen on Monday.", "announced", "ministry"),
    pytest.param("She told reporters that the vote was rigged.", "told", "She", marks=pytest.mark.xfail(
        strict=True, reason="known parser error: the that-clause is hung on 'reporters' (acl); "
        "attribution.repairs moves it back, see test_told_reporters_that_is_a_claim")),
])
def test_speech_verbs_get_their_subjects(pipeline, sentence, verb, subject):
    doc = parse(sentence)
    words = doc.sentences[0].words
    cue = _word(doc.sentences[0], verb)
    subj = _word(doc.sentences[0], subject)
    assert subj.head == cue.id and subj.deprel.startswith("nsubj")
    assert any(w.head == cue.id and w.deprel in ("ccomp", "parataxis") for w in words)


def test_pos_and_lemmas_on_news(pipeline):
    doc = parse("The ministers met in Washington on Monday and agreed to expedite talks.")
    words = {w.text: w for w in doc.sentences[0].words}
    assert words["Washington"].upos == "PROPN"
    assert words["met"].lemma == "meet" and words["met"].upos == "VERB"
    assert words["agreed"].lemma == "agree"
    assert words["ministers"].lemma == "minister"


def test_explicit_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ModelsNotFound, match=str(tmp_path)):
        resolve_models(str(tmp_path))


def test_official_models_win_when_present(tmp_path, monkeypatch):
    # A Stanza resources folder laid out as stanza.download leaves it.
    en = tmp_path / "en"
    default = {"tokenize": "combined", "mwt": "combined", "pos": "combined_charlm",
               "lemma": "combined_nocharlm", "depparse": "combined_charlm"}
    for proc, package in default.items():
        (en / proc).mkdir(parents=True)
        (en / proc / f"{package}.pt").write_bytes(b"x")
    (tmp_path / "resources.json").write_text(json.dumps({"en": {"default_processors": default}}))
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    monkeypatch.delenv("QUOTES_MODELS", raising=False)
    assert resolve_models().source == "official"
    assert resolve_models("bundled").source == "bundled"
    monkeypatch.setenv("QUOTES_MODELS", "bundled")
    assert resolve_models().source == "bundled"


@pytest.mark.slow
def test_models_json_reports_bundled_scores():
    out = subprocess.run([sys.executable, "-m", "quotes.cli", "models", "--json", "--source", "bundled"],
                         capture_output=True, text=True, check=True).stdout
    info = json.loads(out)
    assert info["source"] == "bundled"
    scores = info["scores"]
    assert 0 < scores["depparse"]["LAS"] <= 100 and 0 < scores["pos"]["UPOS"] <= 100
    assert set(scores) == {"tokenize", "pos", "lemma", "depparse"}


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="network namespaces are Linux-only")
def test_parses_with_no_network_at_all():
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("unshare -n not permitted here")
    code = ("import quotes.nlp as n; d = n.parse(%r); "
            "print(sorted((w.text, w.deprel) for w in d.sentences[0].words if w.text == 'Blinken'))" % BLINKEN)
    env = dict(os.environ, QUOTES_MODELS="bundled")
    result = subprocess.run(["unshare", "-n", sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "('Blinken', 'nsubj')" in result.stdout


def test_stanza_resources_dir_matches_stanza_without_importing_it(monkeypatch):
    """The ingest writer finds Stanza's model folder without importing Stanza (and torch)."""
    import subprocess
    import sys

    monkeypatch.delenv("STANZA_RESOURCES_DIR", raising=False)
    code = ("import sys; from quotes.nlp.resolve import stanza_resources_dir; d = stanza_resources_dir(); "
            "assert 'torch' not in sys.modules and 'stanza' not in sys.modules; "
            "from stanza.resources.common import DEFAULT_MODEL_DIR; print(str(d) == DEFAULT_MODEL_DIR)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
