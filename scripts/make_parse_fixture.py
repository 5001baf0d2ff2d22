"""Write the CoNLL-U parse of a fixture article with the bundled models.

    .venv/bin/python scripts/make_parse_fixture.py tests/fixtures/parsed/news.txt

Prepares the text as extraction does (``quotes.text.prepare``), parses it and
writes ``NAME.conllu`` next to it (offsets in the last column), for the fast
tests that build a ``ParsedText`` without loading Stanza.  Review the parse
by hand before committing it: the tests pin what the rules make of it.
"""
from __future__ import annotations

import sys
from pathlib import Path

from quotes.nlp import parse
from quotes.text import prepare


def main(paths: list[str]) -> None:
    for name in paths:
        path = Path(name)
        doc = parse(prepare(path.read_text(encoding="utf-8")).page)
        out = path.with_suffix(".conllu")
        out.write_text(f"{doc:C}\n", encoding="utf-8")
        print(f"{out}: {len(doc.sentences)} sentences")


if __name__ == "__main__":
    main(sys.argv[1:])
