"""Turn paths into ``Article`` records: text files, web pages, folders, JSON Lines, stdin.

    for item in read_paths(["news/", "more.jsonl", "-"], glob="*.html"):
        if isinstance(item, Skipped): print(item)     # "news/x.txt: empty file"

Readers never raise on bad input; each bad file or line becomes one
``Skipped(source, reason)`` and the batch goes on.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from quotes.read.base import Item, Skipped, looks_english  # noqa: F401
from quotes.read.html import read_html_bytes
from quotes.read.jsonl import read_jsonl_file, read_jsonl_stream
from quotes.read.text import read_text_bytes

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
# what a folder walk picks up when no glob is given
KNOWN_SUFFIXES = HTML_SUFFIXES | JSONL_SUFFIXES | TEXT_SUFFIXES

STDIN = "-"

Source = Union[Path, str]   # a file, or STDIN


def list_sources(paths: Iterable[Union[str, Path]], glob: Optional[str] = None) -> Iterator[Union[Source, Skipped]]:
    """Files to read, in a stable order: folders walked recursively; a missing path is Skipped."""
    for raw in paths:
        if str(raw) == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            files = list(_walk(path, glob))
            if not files:
                wanted = f"matching {glob!r}" if glob else "with a known suffix (" + ", ".join(sorted(KNOWN_SUFFIXES)) + ")"
                yield Skipped(str(path), f"folder has no files {wanted}")
            yield from files
        elif path.is_file():
            yield path
        elif path.exists():
            yield Skipped(str(path), "not a regular file")
        else:
            yield Skipped(str(path), "no such file or folder")


def _walk(folder: Path, glob: Optional[str]) -> Iterator[Path]:
    # a pattern with a slash is relative to the folder; a bare one matches names at any depth
    if glob:
        found = folder.glob(glob) if "/" in glob else folder.rglob(glob)
    else:
        found = (p for p in folder.rglob("*") if p.suffix.lower() in KNOWN_SUFFIXES)
    hidden = lambda p: any(part.startswith(".") for part in p.relative_to(folder).parts)  # noqa: E731
    yield from sorted(p for p in found if p.is_file() and not hidden(p))


def read_source(source: Source) -> Iterator[Item]:
    if source == STDIN:
        yield from read_stream(sys.stdin.buffer, "<stdin>")
        return
    suffix = source.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(source)
        return
    try:
        data = source.read_bytes()
    except OSError as error:
        yield Skipped(str(source), f"cannot read: {error.strerror or error}")
        return
    # anything that is not a page is tried as text: its bytes say if it is not
    reader = read_html_bytes if suffix in HTML_SUFFIXES else read_text_bytes
    yield reader(data, str(source))


def read_stream(stream: BinaryIO, name: str) -> Iterator[Item]:
    """Standard input: JSON Lines if it starts with ``{``, a page if with ``<``, else text."""
    data = stream.read()
    head = data.lstrip()[:1]
    if head == b"{":
        import io
        yield from read_jsonl_stream(io.BytesIO(data), name)
    elif head == b"<":
        yield read_html_bytes(data, name)
    else:
        yield read_text_bytes(data, name)


def read_paths(paths: Iterable[Union[str, Path]], glob: Optional[str] = None) -> Iterator[Item]:
    """Articles (and Skipped records) from files, folders, JSONL files and ``-`` (stdin)."""
    for source in list_sources(paths, glob):
        if isinstance(source, Skipped):
            yield source
        else:
            yield from read_source(source)


def read_path(path: Union[str, Path]) -> Item:
    """One file as one article (the first, for JSONL); convenient in tests and notebooks."""
    for item in read_paths([path]):
        return item
    return Skipped(str(path), "no articles found")
