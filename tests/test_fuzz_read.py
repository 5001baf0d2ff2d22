"""Fuzzing the reading path with hostile files, in a child under a memory and time cap.

Deep JSON and HTML nesting, control characters, mixed and broken encodings:
every file gives articles or one line naming it, never an exception, within
the caps of ``fuzz.py``.
"""
from __future__ import annotations

import base64
import codecs
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzz import SCALE, CappedChild, fuzz_settings

SENTENCE = "The minister said the talks would resume on Monday, according to the ministry."
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252"]

deep_json = st.tuples(st.sampled_from(["[", "{\"a\":", "[{\"text\":"]), st.integers(1, 100_000 * SCALE)).map(
    lambda t: t[0] * t[1])
jsonl_lines = st.lists(st.one_of(
    deep_json,
    st.builds(lambda v: json.dumps({"text": SENTENCE, "title": v}),
              st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=10)),
    st.text(max_size=200),
    st.just(json.dumps({"text": SENTENCE})),
), min_size=1, max_size=6).map("\n".join)
deep_html = st.tuples(st.sampled_from(["<div>", "<b><i>", "<table><tr><td>", "<p>"]), st.integers(1, 20_000 * SCALE)).map(
    lambda t: "<html><body>" + t[0] * t[1] + f"<p>{SENTENCE}</p>" + "</body></html>")
texts = st.lists(st.sampled_from([SENTENCE, "\x00", "\x07", "\x1b[31m", "\ufeff", "\u202e", "\r", "\r\n", "“", "é", "🙂"]),
                 min_size=1, max_size=200 * SCALE).map("".join)


@pytest.fixture(scope="module")
def child():
    capped = CappedChild()
    yield capped
    capped.close()


def _read(child, name: str, data: bytes) -> list:
    answer = child.ask({"op": "read", "name": name, "data": base64.b64encode(data).decode()})
    for kind, source, detail in answer["items"]:
        assert source.split(":")[0].endswith(name)
        if kind == "skipped":
            assert "\n" not in detail and detail.startswith(source), detail
    return answer["items"]


@fuzz_settings()
@given(lines=jsonl_lines)
def test_jsonl_with_deep_nesting_and_odd_values(child, lines):
    items = _read(child, "f.jsonl", lines.encode("utf-8", "surrogatepass"))
    assert len(items) == sum(1 for line in lines.encode("utf-8", "surrogatepass").split(b"\n") if line.strip())


@fuzz_settings()
@given(page=deep_html)
def test_deeply_nested_html(child, page):
    [item] = _read(child, "f.html", page.encode())
    assert item[0] in ("article", "skipped")


@fuzz_settings()
@given(text=texts, encoding=st.sampled_from(ENCODINGS), cut=st.integers(0, 3))
def test_control_characters_and_mixed_encodings(child, text, encoding, cut):
    data = text.encode(encoding, "replace")
    data = data[:len(data) - cut] if cut else data        # a truncated multi-byte character
    [item] = _read(child, "f.txt", data)
    unmarked = encoding in ("utf-16-le", "utf-16-be")      # read by where its NUL bytes fall
    if item[0] == "article" and encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-32", "utf-16-le", "utf-16-be") \
            and not cut and not (unmarked and text.startswith("\ufeff")):
        expected = text[1:] if encoding == "utf-8" and text.startswith("\ufeff") else text   # read as a BOM
        assert item[2] == expected.replace("\r\n", "\n").replace("\r", "\n")
    if unmarked and text.startswith(SENTENCE) and "\x00" not in text and not cut:
        assert item[0] == "article" or "UTF-16" in item[2], item     # read, or named as UTF-16


def test_byte_order_marks_are_decoded(child):
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        [item] = _read(child, "f.txt", bom + SENTENCE.encode(codec))
        assert item == ["article", item[1], SENTENCE]
