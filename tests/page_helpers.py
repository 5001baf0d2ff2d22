"""Databases for the Datasette page tests: real extracted records, and a 100-article corpus.

``build_extracted_db`` stores the example article with the records the real
pipeline gives it (tests/test_example_article/test_output_pinned.yml, which
test_example_article.py checks against a live extraction).  ``build_corpus_db``
writes 100 synthetic articles through the store API, with what the pages must
handle: content split in two spans, one speaker mention shared by two
records, channels, low confidence, and stored text that is HTML.
"""
from __future__ import annotations

import random
from html.parser import HTMLParser
from pathlib import Path

import yaml

from quotes.records import Article, Attribution
from quotes.store import open_db, write_article

TESTS = Path(__file__).parent
PINNED = TESTS / "test_example_article" / "test_output_pinned.yml"
EXAMPLE = TESTS / "fixtures" / "blinken-armenia-azerbaijan.txt"
HOSTILE = '<script>window.hostile = 1</script><img src=x onerror="window.hostile = 2">'
SPEAKERS = [("Maria Lopez", "person", "mayor"), ("the Health Ministry", "organization", None),
            ("John Okafor", "person", "senator"), ("Acme Corp", "organization", None)]
CHANNELS = ["Reuters", "press release", "Twitter"]


def build_extracted_db(path: Path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    records = [Attribution(**{k: v for k, v in r.items() if k in Attribution.__dataclass_fields__})
               for r in yaml.safe_load(PINNED.read_text(encoding="utf-8"))]
    db = open_db(path)
    write_article(db, Article(text=text, source=str(EXAMPLE), title="Blinken Praises 'Courageous Steps'",
                              publisher="RFE/RL", published="2022-11-08"), records, "pinned-1")
    db.close()
    return path


def corpus_article(number: int, rng: random.Random) -> tuple[Article, list[Attribution]]:
    """One article of three paragraphs: a split direct quote, an indirect claim, a shared 'she'."""
    name, kind, role = SPEAKERS[number % len(SPEAKERS)]
    channel = CHANNELS[number % len(CHANNELS)]
    hostile = number % 10 == 0
    first = f"“We will open {number} clinics,” {name} said, “before the winter.”"
    second = f"According to {channel}, {name} argued that rents {'<b>' if hostile else ''}must fall."
    third = f"She told reporters the plan was ready. She added that money {HOSTILE if hostile else 'was found'}."
    text = f"Report {number}\n\n{first}\n\n{second}\n\n{third}\n"
    at = text.index(first)
    said = text.index(" said", at) + 1
    quote_end = text.index("”", at) + 1
    tail = text.index("“before")
    mention = text.index(name, at)
    records = [Attribution(
        kind="direct", content=f"{text[at:quote_end]} … {text[tail:text.index('”', tail) + 1]}",
        content_spans=[[at, quote_end], [tail, text.index("”", tail) + 1]],
        cue="said", cue_start=said, cue_end=said + 4, speaker=name, speaker_mention=name,
        speaker_start=mention, speaker_end=mention + len(name), speaker_role=role, speaker_type=kind,
        confidence=round(rng.uniform(0.6, 0.99), 3), sentence=1)]
    at2 = text.index(second)
    mention2 = text.index(name, at2)
    argued = text.index("argued", at2)
    content2 = text.index("rents", at2)
    end2 = text.index("fall.", at2) + 4
    records.append(Attribution(
        kind="indirect", content=text[content2:end2], content_spans=[[content2, end2]], cue="argued",
        cue_start=argued, cue_end=argued + 6, speaker=name, speaker_mention=name, speaker_start=mention2,
        speaker_end=mention2 + len(name), speaker_type=kind, channel=channel, channel_mention=channel,
        confidence=round(rng.uniform(0.2, 0.45), 3) if number % 3 == 0 else 0.8, sentence=2))
    at3 = text.index(third)
    second_she = text.index("She added", at3)
    for start, end, cue_word in ((text.index("the plan", at3), text.index("ready.", at3) + 5, "told"),
                                 (text.index("money", at3), len(text) - 2, "added")):
        cue_at = text.index(cue_word, at3)
        she = at3 if cue_word == "told" else second_she
        records.append(Attribution(
            kind="indirect", content=text[start:end], content_spans=[[start, end]], cue=cue_word,
            cue_start=cue_at, cue_end=cue_at + len(cue_word), speaker=name, speaker_mention="She",
            speaker_start=she, speaker_end=she + 3, speaker_type=kind, confidence=0.7, sentence=3))
    article = Article(text=text, source=f"corpus/{number}.txt", title=f"Report {number}: clinics and rents",
                      publisher=["Daily", "Herald"][number % 2],
                      published=f"202{number % 3}-{(number // 4) % 12 + 1:02d}-15")
    return article, records


def build_corpus_db(path: Path, articles: int = 100) -> Path:
    rng = random.Random(13)
    db = open_db(path)
    for number in range(articles):
        article, records = corpus_article(number, rng)
        write_article(db, article, records, "corpus-1")
    db.close()
    return path


class Marks(HTMLParser):
    """The article text as the page shows it, and each highlight's quote ids, roles and offset."""

    def __init__(self):
        super().__init__()
        self.depth, self.text, self.marks, self.current = 0, [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id") == "article-text":
            self.depth = 1
        elif self.depth:
            self.depth += 1
            if "data-quote-id" in attrs:
                self.current = {"ids": [int(i) for i in attrs["data-quote-id"].split()],
                                "roles": attrs["data-roles"].split(), "start": int(attrs["data-start"]),
                                "offset": sum(map(len, self.text)), "text": "", "class": attrs["class"]}

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            if self.current is not None:
                self.marks.append(self.current)
                self.current = None

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
            if self.current is not None:
                self.current["text"] += data


def page_marks(html: str) -> tuple[str, list[dict]]:
    parser = Marks()
    parser.feed(html)
    return "".join(parser.text), parser.marks
