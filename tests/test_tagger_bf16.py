"""The tagger in bfloat16 (``QUOTES_BF16=1``, or ``auto`` on CPUs with AMX)
finds the same records as in float32 on the example article; only
confidences move a little."""
import pytest

from quotes.settings import bf16

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("value, expected", [("1", True), ("0", False), ("off", False), ("yes", True)])
def test_the_setting_forces_either_way(monkeypatch, value, expected):
    monkeypatch.setenv("QUOTES_BF16", value)
    assert bf16() is expected


def test_bf16_tagger_finds_the_same_records_as_float32(pipeline, fixtures_dir):
    import quotes.attribution.tagger.loading as loading
    from quotes.attribution.pipeline import run
    from quotes.text import prepare

    text = (fixtures_dir / "blinken-armenia-azerbaijan.txt").read_text(encoding="utf-8")
    prepared = prepare(text)
    doc = pipeline(prepared.page)
    spans = lambda records: [(r.kind, r.content_spans, r.cue_start, r.speaker_start, r.speaker, r.channel)  # noqa
                             for r in records]
    float32 = loading.load()
    bfloat16 = loading.load()
    for member in bfloat16.members:
        member.use_bf16()
    saved = loading._MODEL
    try:
        loading._MODEL = float32
        expected = run(prepared, doc).records
        loading._MODEL = bfloat16
        got = run(prepared, doc).records
    finally:
        loading._MODEL = saved
    assert spans(got) == spans(expected)
    assert max(abs(a.confidence - b.confidence) for a, b in zip(got, expected)) < 0.02
