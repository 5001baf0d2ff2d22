"""The CRF layer's dynamic programmes against brute force over every label path."""
import itertools

import torch

from quotes.attribution import crf


def _brute_log_partition(scores, length, trans, start):
    totals = []
    for path in itertools.product(range(scores.shape[-1]), repeat=length):
        total = start[path[0]] + scores[0, path[0]]
        for t in range(1, length):
            total = total + trans[path[t - 1], path[t]] + scores[t, path[t]]
        totals.append(total)
    return torch.logsumexp(torch.stack(totals), 0)


def _example():
    torch.manual_seed(0)
    scores = torch.randn(2, 4, 3)
    mask = torch.tensor([[1, 1, 1, 1], [1, 1, 0, 0]], dtype=torch.bool)
    return scores, mask, torch.randn(3, 3), torch.randn(3)


def test_partition_matches_brute_force_with_padding():
    scores, mask, trans, start = _example()
    log_z = crf.log_partition(scores, mask, trans, start)
    for b, length in enumerate((4, 2)):
        assert torch.allclose(log_z[b], _brute_log_partition(scores[b], length, trans, start), atol=1e-5)


def test_marginals_are_distributions_and_match_brute_force():
    scores, mask, trans, start = _example()
    marg = crf.marginals(scores, mask, trans, start).exp()
    assert torch.allclose(marg[0].sum(-1), torch.ones(4), atol=1e-5)
    assert torch.allclose(marg[1, :2].sum(-1), torch.ones(2), atol=1e-5)
    # P(label 2 at word 1) for the first sequence, summed over the paths through it
    log_z = _brute_log_partition(scores[0], 4, trans, start)
    through = []
    for path in itertools.product(range(3), repeat=4):
        if path[1] == 2:
            total = start[path[0]] + scores[0, 0, path[0]]
            for t in range(1, 4):
                total = total + trans[path[t - 1], path[t]] + scores[0, t, path[t]]
            through.append(total)
    assert torch.allclose(marg[0, 1, 2], (torch.logsumexp(torch.stack(through), 0) - log_z).exp(), atol=1e-5)


def test_nll_is_lowest_for_the_best_path_and_banned_moves_cost():
    scores, mask, trans, start = _example()
    gold = scores.argmax(-1)
    best = crf.nll(scores, gold, mask, torch.zeros(3, 3), torch.zeros(3))
    worse = crf.nll(scores, scores.argmin(-1), mask, torch.zeros(3, 3), torch.zeros(3))
    assert best < worse
    banned = torch.zeros(3, 3)
    banned[gold[0, 0], gold[0, 1]] = crf.BANNED
    assert crf.nll(scores, gold, mask, banned, torch.zeros(3)) > 1000


def test_training_a_tiny_crf_tagger_round_trips(tmp_path):
    from quotes.attribution.bilstm import NeuralTagger, TaggerEnsemble
    from quotes.training.attribution_tagger import train

    words = [("smith", "ith", "Xx", "PROPN", "Smith"), ("said", "aid", "x", "VERB", "said"),
             ("it", "it", "x", "PRON", "it"), ("rained", "ned", "x", "VERB", "rained")]
    data = [(words, [[0.0] * 8 for _ in words], ["B-SRC", "B-CUE", "B-CON", "I-CON"])] * 16
    torch.manual_seed(0)
    tagger, sizes = train(data, epochs=3, log=lambda message: None, model_sizes={"crf": 1})
    path = tmp_path / "tagger.pt"
    TaggerEnsemble.save(path, [(tagger, sizes)])
    loaded = NeuralTagger.load(path).members[0]
    assert loaded.model.crf is not None
    assert torch.equal(loaded.model.crf["trans"].data, tagger.model.crf["trans"].data.half().float())
    labels, probs = loaded.tag_scored([(words, [[0.0] * 8 for _ in words])])[0]
    assert len(labels) == len(probs) == 4 and not labels[0].startswith("I-")
    assert all(0.0 < p <= 1.0 for p in probs)
