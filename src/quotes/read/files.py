"""Opening input safely: regular files only, sizes checked before reading, reads bounded.

``/dev/urandom`` would be read forever, a FIFO blocks its reader, a symlink
loop cannot be opened, a 1 GB "article" would be read whole before anything
looked at it.  Every path here gives bytes of bounded size or one line saying
why not, and never blocks.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO, Iterator, Optional, Union

# A news page, markup and all, is a few MB at most; an article's text is far
# less (see MAX_ARTICLE_CHARS).  Past this, a file is refused before it is read.
MAX_FILE_BYTES = 20_000_000


def max_file_bytes() -> int:
    value = os.environ.get("QUOTES_MAX_FILE_BYTES")
    return int(value) if value else MAX_FILE_BYTES


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def not_regular(mode: int) -> Optional[str]:
    """Why a file of this ``st_mode`` is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in _KINDS:
        if test(mode):
            return f"{name}, not a regular file"
    return "not a regular file"


def stat_problem(path: Union[str, Path]) -> tuple[Optional[os.stat_result], Optional[str]]:
    """``(stat, None)`` for a path that exists, else ``(None, one-line reason)``."""
    try:
        return os.stat(path), None
    except OSError as error:
        return None, os_reason(error)


def os_reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop (too many levels of links)"
    if error.errno == errno.ENOENT:
        return "no such file or folder" if not os.path.islink(error.filename or "") else "broken symbolic link"
    if error.errno == errno.EACCES:
        return "permission denied"
    return f"cannot read: {error.strerror or error}"


def too_large(size: int, limit: int) -> str:
    return (f"too large ({size:,} bytes; the limit is {limit:,}, "
            "set QUOTES_MAX_FILE_BYTES to change it)")


def read_regular(path: Union[str, Path], limit: Optional[int] = None) -> tuple[Optional[bytes], Optional[str]]:
    """``(bytes, None)`` for a regular file of at most ``limit`` bytes, else ``(None, reason)``.

    Opened without blocking (a FIFO swapped in after the check cannot hang
    it) and checked again on the open descriptor; at most ``limit + 1`` bytes
    are ever read.
    """
    limit = max_file_bytes() if limit is None else limit
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        return None, os_reason(error)
    with os.fdopen(fd, "rb", buffering=0) as handle:
        info = os.fstat(fd)
        reason = not_regular(info.st_mode)
        if reason:
            return None, reason
        if info.st_size > limit:
            return None, too_large(info.st_size, limit)
        data = read_at_most(handle, limit + 1)
    if len(data) > limit:   # grew while being read
        return None, too_large(len(data), limit)
    return data, None


def read_at_most(stream: BinaryIO, count: int) -> bytes:
    chunks, left = [], count
    while left > 0:
        chunk = stream.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def open_regular(path: Union[str, Path]) -> tuple[Optional[BinaryIO], Optional[str]]:
    """A binary handle on a regular file (any size: for streaming), or ``(None, reason)``."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        return None, os_reason(error)
    reason = not_regular(os.fstat(fd).st_mode)
    if reason:
        os.close(fd)
        return None, reason
    return os.fdopen(fd, "rb"), None


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, Optional[bytes]]]:
    """``(line number, line)`` for each line; ``(number, None)`` for a line over ``limit`` bytes.

    An over-long line is skipped in chunks, never held whole in memory.
    """
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:     # drop the rest of this line
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line
