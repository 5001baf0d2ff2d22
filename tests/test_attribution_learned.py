"""Pure parts of the learned tagger: BIO repair, span grouping, gold labels."""
import math

import torch

from quotes.attribution.tagger.decoding import LABELS, viterbi
from quotes.attribution.tagger.features import shape
from quotes.attribution.tagger.spans import labelled_spans
from quotes.attribution.document.parsed import ParsedText, Sentence, Word
from quotes.polnear.brat import GoldAttribution
from quotes.training.tagger.data import gold_labels


def _parsed(text: str) -> ParsedText:
    words, pos = [], 0
    for n, token in enumerate(text.split()):
        start = text.index(token, pos)
        words.append(Word(n, 0, token, token.lower(), "X", "", "", None, "dep", start, start + len(token)))
        pos = start + len(token)
    return ParsedText(text, words, [Sentence(0, 0, len(words), 0, len(text))])


def _scores(rows: list[dict[str, float]]) -> torch.Tensor:
    """Log-probabilities from per-word {label: probability} (the rest share what is left)."""
    out = []
    for row in rows:
        rest = (1 - sum(row.values())) / (len(LABELS) - len(row))
        out.append([math.log(row.get(label, rest)) for label in LABELS])
    return torch.tensor(out)


def test_viterbi_never_opens_a_span_on_inside():
    # argmax alone would read O I-CON I-CON B-CUE I-SRC
    scores = _scores([{"O": 0.9}, {"I-CON": 0.5, "B-CON": 0.4}, {"I-CON": 0.9}, {"B-CUE": 0.9},
                      {"I-SRC": 0.5, "B-SRC": 0.3}])
    labels = viterbi(scores)
    assert labels == ["O", "B-CON", "I-CON", "B-CUE", "B-SRC"]


def test_viterbi_keeps_a_role_through_its_span():
    # the middle word leans to I-SRC, which cannot follow B-CON: the span stays content
    scores = _scores([{"B-CON": 0.9}, {"I-SRC": 0.45, "I-CON": 0.4}, {"I-CON": 0.9}])
    assert viterbi(scores) == ["B-CON", "I-CON", "I-CON"]


def test_labelled_spans_groups_runs():
    seq = [0, 1, 2, 3, 4, 5]
    labels = ["B-SRC", "B-CUE", "B-CON", "I-CON", "B-CON", "O"]
    assert labelled_spans(seq, labels) == [("SRC", [0]), ("CUE", [1]), ("CON", [2, 3]), ("CON", [4])]


def test_gold_labels_priority_and_bio():
    text = "Smith said the plan would fail ."
    parsed = _parsed(text)
    gold = GoldAttribution("Attribution", source=[(0, 5)], cue=[(6, 10)], content=[(11, 30)])
    assert gold_labels(parsed, list(range(7)), [gold]) == [
        "B-SRC", "B-CUE", "B-CON", "I-CON", "I-CON", "I-CON", "O"]


def test_gold_labels_nested_cue_wins_over_content():
    text = "He said I think we win"
    parsed = _parsed(text)
    outer = GoldAttribution("Attribution", source=[(0, 2)], cue=[(3, 7)], content=[(8, 22)])
    inner = GoldAttribution("Attribution", source=[(8, 9)], cue=[(10, 15)], content=[(16, 22)])
    labels = gold_labels(parsed, list(range(6)), [outer, inner])
    assert labels[3] == "B-CUE" and labels[2] == "B-SRC"


def test_shape():
    assert shape("Blinken") == "Xx" and shape("U.S.") == "X.X." and shape("2022") == "d"


def test_bundled_tagger_is_an_ensemble_whose_members_vote(pipeline):
    from quotes.attribution.tagger.features import token_features, words_starting_in
    from quotes.attribution.tagger.loading import bundled_tagger
    from quotes.attribution.tagger.model import TaggerEnsemble
    from quotes.attribution.document.quote_marks import find_quotes
    from quotes.attribution.document.parsed import from_stanza, paragraphs
    from quotes.nlp import parse

    text = "The senator warned reporters that the bill would fail, according to aides."
    parsed = from_stanza(parse(text), text)
    quoted = words_starting_in(parsed, [(q.start, q.end) for q in find_quotes(text)])
    batch = [token_features(parsed, seq, quoted) for seq in paragraphs(parsed)]
    ensemble = bundled_tagger()
    assert isinstance(ensemble, TaggerEnsemble) and len(ensemble.members) >= 2
    labels = ensemble.tag(batch)[0]
    assert "B-CUE" in labels and "B-CON" in labels
    # one member twice is that member alone: summing log-probabilities keeps its argmax
    member = ensemble.members[0]
    assert TaggerEnsemble([member, member]).tag(batch) == member.tag(batch)


def test_combine_tagger_first_rules_fill_gaps():
    from quotes.attribution.common.candidates import Candidate
    from quotes.attribution.combine import combine

    text = "x" * 200
    tagged = Candidate("tagger", cue_words=[3], content_spans=[(20, 60)], source_words=[1])
    same_cue = Candidate("ccomp", cue_words=[3], content_spans=[(25, 60)], source_words=[0, 1])
    elsewhere = Candidate("quote-after", cue_words=[30], content_spans=[(100, 140)], kind="direct")
    untrusted = Candidate("xcomp", cue_words=[40], content_spans=[(150, 190)])
    out = combine([same_cue, elsewhere, untrusted], [tagged], text)
    assert out == [tagged, elsewhere]
    assert tagged.rule_agrees


def test_combine_layout_rules_beat_the_tagger():
    from quotes.attribution.common.candidates import Candidate
    from quotes.attribution.combine import combine

    text = "x" * 200
    signature = Candidate("signature", cue_words=[12], content_spans=[(0, 50)], source_words=[13, 14])
    tagged = Candidate("tagger", cue_words=[14], content_spans=[(0, 50)], source_words=[13])
    assert combine([signature], [tagged], text) == [signature]


class _LabelsFromText:
    """Stands in for the trained tagger to test how labels become candidates:
    each word is labelled by the role of the phrase holding it."""

    def __init__(self, parsed, roles: dict[str, str]):
        self.labels = ["O"] * len(parsed.words)
        for phrase, role in roles.items():
            start = parsed.text.index(phrase)
            inside = [w.index for w in parsed.words if start <= w.start < start + len(phrase)]
            for n, i in enumerate(inside):
                self.labels[i] = ("B-" if n == 0 else "I-") + role

    def tag_scored(self, batch):
        out, pos = [], 0
        for strings, _ in batch:
            out.append((self.labels[pos:pos + len(strings)], [0.9] * len(strings)))
            pos += len(strings)
        return out


def test_tagged_content_goes_to_the_cue_of_its_own_sentence(pipeline):
    from quotes.attribution.tagger.spans import tagged_candidates
    from quotes.attribution.document.parsed import from_stanza
    from quotes.nlp import parse

    text = "The plan is sound, Smith said. Costs would rise sharply next year and taxes with them, the minister warned."
    parsed = from_stanza(parse(text), text)
    tagger = _LabelsFromText(parsed, {"The plan is sound": "CON", "Smith": "SRC", "said": "CUE",
                                      "Costs would rise sharply next year and taxes with them,": "CON",
                                      "the minister": "SRC", "warned": "CUE"})
    by_cue = {text[parsed.words[c.cue_words[0]].start:parsed.words[c.cue_words[-1]].end]: c
              for c in tagged_candidates(parsed, tagger, [])}
    assert [text[s:e] for s, e in by_cue["said"].content_spans] == ["The plan is sound"]
    # the tagged comma is dropped: PolNeAR ends the content before it
    assert [text[s:e] for s, e in by_cue["warned"].content_spans] == [
        "Costs would rise sharply next year and taxes with them"]


def test_tagging_in_length_groups_keeps_the_input_order(pipeline):
    from quotes.attribution.tagger.features import token_features
    from quotes.attribution.tagger.loading import bundled_tagger
    from quotes.attribution.document.parsed import from_stanza, paragraphs
    from quotes.nlp import parse

    lines = ["Officials said the road would reopen.",
             "The mayor, speaking on Monday after a long meeting with residents and engineers, told "
             "reporters that repairs to the bridge would take at least two more years.",
             "Nothing else happened."] * 7                       # more paragraphs than one group holds
    text = "\n\n".join(lines)
    parsed = from_stanza(parse(text), text)
    batch = [token_features(parsed, seq, set()) for seq in paragraphs(parsed)]
    tagged = bundled_tagger().tag_scored(batch)
    assert [len(labels) for labels, _ in tagged] == [len(strings) for strings, _ in batch]
    assert all(0.0 < p <= 1.0 for _, probs in tagged for p in probs)
    # the same paragraph text gets the same labels wherever it stands
    assert tagged[0][0] == tagged[3][0] == tagged[18][0]


def test_training_a_tiny_tagger_with_characters_round_trips(tmp_path):
    from quotes.attribution.tagger.loading import load
    from quotes.attribution.tagger.model import TaggerEnsemble
    from quotes.training.tagger.train import train

    words = [("smith", "ith", "Xx", "PROPN", "Smith"), ("said", "aid", "x", "VERB", "said"),
             ("it", "it", "x", "PRON", "it"), ("rained", "ned", "x", "VERB", "rained")]
    data = [(words, [[0.0] * 8 for _ in words], ["B-SRC", "B-CUE", "B-CON", "I-CON"])] * 8
    tagger, sizes = train(data, epochs=1, log=lambda message: None)
    assert sizes["n_chars"] > 2 and tagger.model.chars is not None
    path = tmp_path / "tagger.pt"
    TaggerEnsemble.save(path, [(tagger, sizes)])
    loaded = load(path)
    labels, probs = loaded.tag_scored([(words, [[0.0] * 8 for _ in words])])[0]
    assert len(labels) == len(probs) == 4 and not labels[0].startswith("I-")


def test_tagger_word_lists_are_frozen_with_the_model():
    """The tagger's cue / speech / cognition flags come from its own frozen
    lists: editing them without retraining fails here, and editing the rules'
    lists cannot reach the model's inputs."""
    from pathlib import Path

    from quotes.attribution.tagger import lexicon

    assert lexicon.digest(lexicon.SPEECH_VERBS, lexicon.COGNITION_VERBS, lexicon.CUE_VERBS) == lexicon.LEXICON_DIGEST
    tagger_dir = Path(lexicon.__file__).parent
    for module in ("features.py", "lexicon.py"):
        source = (tagger_dir / module).read_text()
        assert "common.lexicon import" not in source and "common.cues import" not in source, module


def test_a_tagger_with_encoder_features_reads_them_and_round_trips(tmp_path):
    from quotes.attribution.tagger.loading import load
    from quotes.attribution.tagger.model import TaggerEnsemble
    from quotes.attribution.tagger.spans import tagger_inputs
    from quotes.training.tagger.train import train

    words = [("smith", "ith", "Xx", "PROPN", "Smith"), ("said", "aid", "x", "VERB", "said"),
             ("it", "it", "x", "PRON", "it"), ("rained", "ned", "x", "VERB", "rained")]
    flags = [[0.0] * 8 for _ in words]
    features = torch.randn(4, 384).half()
    data = [(words, flags, ["B-SRC", "B-CUE", "B-CON", "I-CON"], features)] * 8
    tagger, sizes = train(data, epochs=1, log=lambda message: None, model_sizes={"encoder_dim": 384})
    path = tmp_path / "tagger.pt"
    TaggerEnsemble.save(path, [(tagger, sizes)])
    loaded = load(path)
    assert loaded.uses_encoder
    # the features reach the scores: other features, other probabilities
    _, probs = loaded.tag_scored([(words, flags, features.float())])[0]
    _, other = loaded.tag_scored([(words, flags, 10 * torch.randn(4, 384))])[0]
    assert probs != other
    # from a parsed paragraph, the inputs carry one encoder row per word
    parsed = _parsed("Smith said it rained")
    (item,) = tagger_inputs(parsed, loaded, [[0, 1, 2, 3]], set())
    assert item[2].shape == (4, 384)
    assert len(loaded.tag([item])[0]) == 4
