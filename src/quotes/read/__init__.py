"""Turn paths into ``Article`` records: text files, web pages, folders, JSON Lines, stdin.

    for item in read_paths(["news/", "more.jsonl", "-"], glob="*.html"):
        if isinstance(item, Skipped): print(item)     # "news/x.txt: empty file"

Readers never raise on bad input; each bad file or line becomes one
``Skipped(source, reason)`` and the batch goes on.
"""
from __future__ import annotations

import io
import stat
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from quotes.read.base import Item, Skipped, looks_english  # noqa: F401
from quotes.read.files import max_file_bytes, not_regular, read_at_most, read_regular, stat_problem
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
    """Files to read, in a stable order: folders walked recursively.

    Only regular files are read: a missing path, a FIFO, a device, a socket
    or a symbolic-link loop is Skipped with its reason, named on the command
    line or found in a folder.
    """
    for raw in paths:
        if str(raw) == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        info, reason = stat_problem(path)
        if reason:
            yield Skipped(str(path), reason)
        elif stat.S_ISDIR(info.st_mode):
            found = list(_walk(path, glob))
            if not found:
                wanted = f"matching {glob!r}" if glob else "with a known suffix (" + ", ".join(sorted(KNOWN_SUFFIXES)) + ")"
                yield Skipped(str(path), f"folder has no files {wanted}")
            yield from found
        else:
            reason = not_regular(info.st_mode)
            yield Skipped(str(path), reason) if reason else path


def _walk(folder: Path, glob: Optional[str]) -> Iterator[Union[Path, Skipped]]:
    # a pattern with a slash is relative to the folder; a bare one matches names at any depth
    if glob:
        found = folder.glob(glob) if "/" in glob else folder.rglob(glob)
    else:
        found = (p for p in folder.rglob("*") if p.suffix.lower() in KNOWN_SUFFIXES)
    hidden = lambda p: any(part.startswith(".") for part in p.relative_to(folder).parts)  # noqa: E731
    for path in sorted(p for p in found if not hidden(p)):
        info, reason = stat_problem(path)
        if reason:
            yield Skipped(str(path), reason)
        elif stat.S_ISDIR(info.st_mode):
            continue    # a folder whose name has a known suffix: its files are walked anyway
        else:
            reason = not_regular(info.st_mode)
            yield Skipped(str(path), reason) if reason else path


def read_source(source: Source) -> Iterator[Item]:
    if source == STDIN:
        yield from read_stream(sys.stdin.buffer, "<stdin>")
        return
    suffix = source.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_file(source)
        return
    data, reason = read_regular(source)
    if reason:
        yield Skipped(str(source), reason)
        return
    # anything that is not a page is tried as text: its bytes say if it is not
    reader = read_html_bytes if suffix in HTML_SUFFIXES else read_text_bytes
    yield reader(data, str(source))


def read_stream(stream: BinaryIO, name: str) -> Iterator[Item]:
    """Standard input: JSON Lines if it starts with ``{``, a page if with ``<``, else text.

    JSON Lines are read a line at a time; anything else at most
    ``QUOTES_MAX_FILE_BYTES`` bytes, so an endless stream is refused, not read forever.
    """
    limit = max_file_bytes()
    head = stream.read(4096)
    if head.lstrip()[:1] == b"{":
        yield from read_jsonl_stream(io.BufferedReader(_Prefixed(head, stream)), name)
        return
    data = head + read_at_most(stream, limit + 1 - len(head))
    if len(data) > limit:
        yield Skipped(name, f"too large (over {limit:,} bytes; set QUOTES_MAX_FILE_BYTES to change it)")
    elif data.lstrip()[:1] == b"<":
        yield read_html_bytes(data, name)
    else:
        yield read_text_bytes(data, name)


class _Prefixed(io.RawIOBase):
    """Bytes already read from a stream, then the rest of the stream."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n], self.head = self.head[:n], self.head[n:]
            return n
        data = self.rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


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
