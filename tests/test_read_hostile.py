"""The reading path against hostile files: never blocks, never reads unbounded, one line each."""
from __future__ import annotations

import codecs
import io
import json
import os
import threading

import pytest

from quotes.read import Skipped, list_sources, read_path, read_paths, read_stream
from quotes.records import Article

ENGLISH = "The minister said the talks would resume next week in the capital, according to a statement."


def _within(seconds: float, work):
    """``work()``'s result, failing the test (not hanging it) when it takes longer."""
    box = []
    thread = threading.Thread(target=lambda: box.append(work()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert box, f"still running after {seconds} s"
    return box[0]


@pytest.mark.parametrize("encoding, bom", [
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-8", codecs.BOM_UTF8),
])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path, encoding, bom):
    path = tmp_path / "bom.txt"
    path.write_bytes(bom + (ENGLISH + "\r\n“Yes,” he said.").encode(encoding))
    article = read_path(path)
    assert isinstance(article, Article), article
    assert article.text == ENGLISH + "\n“Yes,” he said."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_byte_order_mark_are_read_or_named(tmp_path, encoding):
    path = tmp_path / "unmarked.txt"
    data = (ENGLISH + "\r\n“Yes,” he said. 🙂").encode(encoding)
    path.write_bytes(data)
    article = read_path(path)
    assert isinstance(article, Article), article
    assert article.text == ENGLISH + "\n“Yes,” he said. 🙂"
    path.write_bytes(data[:-1])         # cut inside a character: named as what it looks like, not "binary"
    skipped = read_path(path)
    name = encoding[:6].upper()
    assert isinstance(skipped, Skipped) and f"looks like {name} without a byte-order mark" in skipped.reason
    assert "binary" not in skipped.reason


def test_binary_data_with_nul_bytes_is_still_called_binary(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 8)
    assert "binary file" in read_path(path).reason


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    direct = _within(5, lambda: read_path(fifo))
    assert isinstance(direct, Skipped) and "FIFO" in direct.reason
    (tmp_path / "good.txt").write_text(ENGLISH)
    items = _within(5, lambda: list(read_paths([tmp_path])))
    assert [type(i) for i in items] == [Article, Skipped]
    assert items[1].source == str(fifo) and "not a regular file" in items[1].reason


def test_a_symlink_loop_is_named_directly_and_in_a_folder(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere")
    reasons = {os.path.basename(s.source): s.reason for s in list_sources([tmp_path, tmp_path / "loop.txt"])}
    assert "symbolic link loop" in reasons["loop.txt"]
    assert "broken symbolic link" in reasons["broken.txt"]


@pytest.mark.skipif(not os.path.exists("/dev/urandom"), reason="no /dev/urandom")
def test_an_endless_device_is_refused_unread():
    skipped = _within(5, lambda: read_path("/dev/urandom"))
    assert isinstance(skipped, Skipped) and "character device" in skipped.reason


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTES_MAX_FILE_BYTES", "1000")
    path = tmp_path / "big.txt"
    path.write_text(ENGLISH * 20)
    skipped = read_path(path)
    assert isinstance(skipped, Skipped) and "too large" in skipped.reason and "QUOTES_MAX_FILE_BYTES" in skipped.reason


class Endless(io.RawIOBase):
    def readable(self):
        return True

    def readinto(self, buffer):
        buffer[:] = b"x" * len(buffer)
        return len(buffer)


def test_an_endless_stdin_is_refused_after_the_limit(monkeypatch):
    monkeypatch.setenv("QUOTES_MAX_FILE_BYTES", "100000")
    [skipped] = _within(10, lambda: list(read_stream(io.BufferedReader(Endless()), "<stdin>")))
    assert skipped.source == "<stdin>" and "too large" in skipped.reason


def test_jsonl_stdin_is_read_a_line_at_a_time():
    data = (json.dumps({"text": ENGLISH}) + "\n" + "[" * 100_000 + "\n" + json.dumps({"text": ENGLISH + " More."})).encode()
    items = list(read_stream(io.BufferedReader(io.BytesIO(data)), "<stdin>"))
    assert [type(i) for i in items] == [Article, Skipped, Article]


def test_deep_json_and_non_string_fields_are_one_line_each_and_the_file_goes_on(tmp_path):
    path = tmp_path / "hostile.jsonl"
    lines = [
        "[" * 100_000 + "]" * 100_000,
        '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}",
        json.dumps({"text": ENGLISH, "title": {"nested": [1]}}),
        json.dumps({"text": ENGLISH, "author": ["a", "b"]}),
        json.dumps({"text": {"body": ENGLISH}}),
        json.dumps({"text": ENGLISH, "published": True}),
        json.dumps({"text": ENGLISH, "published": 2023}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(read_paths([path]))
    assert len(items) == len(lines)
    reasons = [getattr(i, "reason", None) for i in items]
    assert "nested too deeply" in reasons[0] and "nested too deeply" in reasons[1]
    assert reasons[2] == "JSON field 'title' is an object, not a string"
    assert reasons[3] == "JSON field 'author' is an array, not a string"
    assert reasons[4] == "JSON field 'text' is an object, not a string"
    assert reasons[5] == "JSON field 'published' is a boolean, not a string"
    assert isinstance(items[6], Article) and items[6].published == "2023"


def test_an_over_long_jsonl_line_is_skipped_and_the_next_read(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTES_MAX_FILE_BYTES", "5000")
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": ENGLISH * 100}) + "\n" + json.dumps({"text": ENGLISH}) + "\n")
    first, second = read_paths([path])
    assert first.source == f"{path}:1" and "too long" in first.reason
    assert isinstance(second, Article) and second.source == f"{path}:2"


def test_a_jsonl_file_may_start_with_a_utf8_byte_order_mark(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(codecs.BOM_UTF8 + json.dumps({"text": ENGLISH}).encode() + b"\n")
    assert isinstance(read_path(path), Article)


def test_a_file_name_with_a_line_break_still_gives_one_line(tmp_path):
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"")
    skipped = read_path(path)
    assert "\n" not in str(skipped) and "two\\x0alines.txt: empty file" in str(skipped)
