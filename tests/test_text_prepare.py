"""The one preparation step and the settings it reads."""
from __future__ import annotations

import pytest

from quotes import settings
from quotes.read.base import check_text
from quotes.text import TooLarge, prepare, size_problem

PAGE = "Menu\nThe minister said the talks would resume.\nAdvertisement\n"


def test_prepare_blanks_boilerplate_keeping_every_offset():
    prepared = prepare(PAGE)
    assert prepared.text == PAGE and len(prepared.page) == len(PAGE)
    assert prepared.page.split("\n") == [" " * 4, "The minister said the talks would resume.", " " * 13, ""]


def test_one_size_limit_and_one_message_for_readers_engines_and_extraction(monkeypatch):
    monkeypatch.setenv("QUOTES_MAX_CHARS", "20")
    text = "The minister said the talks would resume soon."
    message = size_problem(text)
    assert message == "too large to analyse: 46 characters (limit 20; set QUOTES_MAX_CHARS to change it)"
    assert check_text(text) == message
    with pytest.raises(TooLarge, match="too large to analyse"):
        prepare(text)
    monkeypatch.delenv("QUOTES_MAX_CHARS")
    assert size_problem(text) is None and settings.max_chars() == settings.MAX_ARTICLE_CHARS


def test_settings_are_read_when_asked(monkeypatch, tmp_path):
    monkeypatch.setenv("QUOTES_CACHE", str(tmp_path))
    monkeypatch.setenv("QUOTES_DB_TIMEOUT", "2.5")
    monkeypatch.setenv("QUOTES_TORCH_THREADS", "3")
    monkeypatch.delenv("QUOTES_MODELS", raising=False)
    assert settings.cache_dir() == tmp_path and settings.db_timeout() == 2.5
    assert settings.torch_threads() == 3 and settings.models_source() is None


def test_a_stretch_without_a_sentence_end_is_refused_before_parsing(monkeypatch):
    words = "the minister said that officials would meet again " * 300      # 15,000 characters, no end
    message = size_problem("Blinken spoke.\n" + words)
    assert message == ("too large to analyse: 15,000 characters without a sentence end or line break at offset 15 "
                       "(limit 10,000; set QUOTES_MAX_RUN_CHARS to change it)")
    assert check_text("Blinken spoke.\n" + words) == message
    with pytest.raises(TooLarge, match="without a sentence end"):
        prepare(words)
    # the same words as sentences, or as lines, are prose
    assert size_problem(words.replace(" again ", " again.\n")) is None
    assert size_problem(words.replace(" again ", " again. ")) is None
    monkeypatch.setenv("QUOTES_MAX_RUN_CHARS", "0")
    assert size_problem(words) is None
