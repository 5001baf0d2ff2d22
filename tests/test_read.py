"""Readers: text, HTML (trafilatura), folders, JSON Lines, stdin, and every kind of bad input."""
from __future__ import annotations

import io
import json

import pytest

from quotes.read import Skipped, looks_english, read_path, read_paths, read_stream
from quotes.records import Article
from store_helpers import EXAMPLE

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
  <title>Minister backs talks | Daily Example</title>
  <meta name="author" content="Jane Doe">
  <meta property="og:site_name" content="Daily Example">
  <meta property="article:published_time" content="2022-11-07T10:00:00Z">
</head><body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li>XS SM MD LG</li></ul></nav>
  <article>
    <h1>Minister backs talks</h1>
    <p>“We are ready to talk at any time,” the foreign minister said at a news conference in the capital on Monday.</p>
    <p>The minister said that the two governments would meet again before the end of the year to discuss the border.</p>
    <p>Officials from both sides have met three times since the summer, according to the ministry.</p>
  </article>
  <footer>Copyright 2022 Daily Example. All rights reserved. Privacy policy. Cookie settings.</footer>
</body></html>
"""

ENGLISH = "The minister said the talks would resume next week in the capital, according to a statement from the ministry."
FRENCH = ("Le ministre a déclaré que les négociations allaient reprendre la semaine prochaine à Paris, "
          "selon un communiqué publié dimanche par le gouvernement français.")


def only(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_text_file_keeps_the_text_as_read_and_guesses_a_title():
    article = read_path(EXAMPLE)
    assert isinstance(article, Article)
    assert article.text == EXAMPLE.read_text(encoding="utf-8")
    assert article.title == "Blinken Praises ‘Courageous Steps’ Of Armenia, Azerbaijan Toward Peace"
    assert article.language == "en"
    assert article.source == str(EXAMPLE)


def test_windows_newlines_become_newlines(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(ENGLISH.replace(", ", ",\r\n").encode())
    article = read_path(path)
    assert "\r" not in article.text and "\n" in article.text


def test_html_page_main_text_and_metadata_come_from_trafilatura(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_path(path)
    assert isinstance(article, Article), article
    assert article.title == "Minister backs talks"
    assert article.author == "Jane Doe"
    assert article.publisher == "Daily Example"
    assert article.published == "2022-11-07"
    assert "“We are ready to talk at any time,” the foreign minister said" in article.text
    for boilerplate in ("Home", "XS SM MD LG", "Copyright", "Cookie"):
        assert boilerplate not in article.text


def test_html_in_another_charset_is_decoded(tmp_path):
    path = tmp_path / "latin.htm"
    path.write_bytes(PAGE.replace("<head>", '<head><meta charset="iso-8859-1">')
                     .replace("“", '"').replace("”", '"').replace("capital", "capitâl").encode("latin-1"))
    article = read_path(path)
    assert isinstance(article, Article) and "capitâl" in article.text


def test_folder_is_walked_recursively_with_an_optional_glob(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(ENGLISH)
    (tmp_path / "a" / "b" / "two.html").write_text(PAGE)
    (tmp_path / "a" / "b" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "three.txt").write_text(ENGLISH)
    items = list(read_paths([tmp_path]))
    assert [type(i) for i in items] == [Article, Article]
    assert sorted(i.source.split("/")[-1] for i in items) == ["one.txt", "two.html"]
    only_html = only(read_paths([tmp_path], glob="*.html"))
    assert only_html.source.endswith("two.html")
    nothing = only(read_paths([tmp_path], glob="*.xml"))
    assert isinstance(nothing, Skipped) and "no files matching '*.xml'" in nothing.reason


def test_jsonl_lines_with_text_or_html_and_metadata(tmp_path):
    path = tmp_path / "articles.jsonl"
    lines = [
        {"text": ENGLISH, "title": "Talks", "publisher": "Wire", "date": "2023-01-02", "url": "https://example.org/1"},
        {"html": PAGE, "url": "https://example.org/2", "publisher": "Override"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n")
    first, second = read_paths([path])
    assert (first.title, first.publisher, first.published, first.url) == ("Talks", "Wire", "2023-01-02", "https://example.org/1")
    assert first.source == f"{path}:1"
    assert second.publisher == "Override" and second.title == "Minister backs talks"
    assert second.url == "https://example.org/2" and second.source == f"{path}:2"


def test_stdin_is_sniffed_as_jsonl_html_or_text():
    assert read_stream(io.BytesIO(ENGLISH.encode()), "<stdin>").__next__().text == ENGLISH
    assert "foreign minister" in next(read_stream(io.BytesIO(PAGE.encode()), "<stdin>")).text
    jsonl = (json.dumps({"text": ENGLISH}) + "\n" + json.dumps({"text": ENGLISH + " Again."})).encode()
    assert [a.source for a in read_stream(io.BytesIO(jsonl), "<stdin>")] == ["<stdin>:1", "<stdin>:2"]


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", bytes(range(256)) * 4, "binary file"),
    ("broken.txt", "The minister said café.".encode("latin-1"), "not valid UTF-8"),
    ("french.txt", FRENCH.encode(), "not English"),
    ("short.txt", b"Hello.", "too short"),
    ("nav.html", b"<html><body><nav><a>Home</a></nav></body></html>", "no main text"),
    ("empty.html", b"<html></html>", "no main text"),
])
def test_bad_input_gives_one_line_reason_naming_the_file(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    skipped = read_path(path)
    assert isinstance(skipped, Skipped)
    assert reason in skipped.reason
    assert str(skipped).startswith(str(path)) and "\n" not in str(skipped)


def test_bad_jsonl_lines_are_skipped_one_by_one(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "' + ENGLISH.encode() + b'"}\n{broken\n[1, 2]\n{"title": "no text"}\n'
                     b'{"text": "' + FRENCH.encode() + b'"}\n{"text": "x", "language": "de"}\n\xff\xfe\n')
    items = list(read_paths([path]))
    assert isinstance(items[0], Article)
    reasons = {i.source.rsplit(":", 1)[1]: i.reason for i in items[1:]}
    assert "malformed JSON" in reasons["2"]
    assert "not an object" in reasons["3"]
    assert "no non-empty 'text' or 'html'" in reasons["4"]
    assert "not English" in reasons["5"]
    assert "not English" in reasons["6"] or "too short" in reasons["6"]
    assert "UTF-8" in reasons["7"]


def test_missing_paths_and_folders_are_reported_and_the_rest_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH)
    items = list(read_paths([tmp_path / "missing.txt", good, tmp_path / "nowhere"]))
    assert [type(i) for i in items] == [Skipped, Article, Skipped]
    assert items[0].reason == "no such file or folder"


def test_language_check_tolerates_a_navigation_line_in_another_script():
    assert looks_english(EXAMPLE.read_text())
    assert not looks_english(FRENCH)
    assert not looks_english("Մատչելիության հղումներ")
    assert not looks_english("Владимир Путин заявил, что переговоры продолжатся на следующей неделе в Москве.")
    assert not looks_english("Der Minister sagte, dass die Gespräche in der nächsten Woche in Berlin fortgesetzt "
                             "werden, wie das Ministerium mitteilte.")
    # few function words of any language: not enough to call it foreign
    assert looks_english("Residents spoke.\n" + "“Point 7 stands.”\n" * 50)


def test_a_page_read_short_gives_a_warning_not_a_skip(tmp_path):
    from quotes.read import read_paths

    story = "".join(f"<p>Paragraph {i}: the council met on Monday and voted to delay the stadium until spring, "
                    f"the mayor said after the meeting.</p>" for i in range(4))
    links = "".join(f"<li><a href='/s/{i}'>Another story about the city council and its many long meetings {i}</a></li>"
                    for i in range(120))
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>Council delays stadium</title></head><body><nav><ul>{links}</ul></nav>"
                    f"<article><h1>Council delays stadium</h1>{story}</article><footer><ul>{links}</ul></footer>"
                    f"</body></html>", encoding="utf-8")
    (article,) = list(read_paths([page]))
    assert "the mayor said" in article.text
    assert article.warning and "visible characters" in article.warning

    whole = tmp_path / "whole.html"
    whole.write_text(f"<html><body><article>{story * 3}</article></body></html>", encoding="utf-8")
    (article,) = list(read_paths([whole]))
    assert article.warning is None
