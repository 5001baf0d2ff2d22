"""What every reader shares: the ``Skipped`` record, byte decoding, checks on text.

A reader never raises on bad input: it yields ``Skipped(source, reason)`` with a
one-line reason, so one broken file cannot stop a batch of thousands.
"""
from __future__ import annotations

import codecs
import os
import re
import unicodedata
from dataclasses import dataclass
from typing import Optional, Union

from quotes.records import Article
from quotes.settings import MIN_WORDS
from quotes.text.prepare import size_problem


@dataclass
class Skipped:
    """An input that gave no article, and why (one line)."""
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{one_line(self.source)}: {' '.join(one_line(self.reason).split())}"


_CONTROLS = {c: f"\\x{c:02x}" for c in range(32)}


def one_line(text: str) -> str:
    """``text`` with control characters (a newline in a file name, say) escaped."""
    return str(text).translate(_CONTROLS)


Item = Union[Article, Skipped]


_BOMS = (   # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "UTF-32", "utf-32-le"), (codecs.BOM_UTF32_BE, "UTF-32", "utf-32-be"),
    (codecs.BOM_UTF8, "UTF-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "UTF-16", "utf-16-le"), (codecs.BOM_UTF16_BE, "UTF-16", "utf-16-be"),
)


def decode_text(data: bytes) -> tuple[Optional[str], Optional[str]]:
    """(text, None) for UTF-8 text, UTF-16/32 text that starts with a byte-order mark, or
    UTF-16/32 text without one whose NUL bytes say so (``_unmarked_wide_encoding``), else (None, reason).

    Newlines become ``\\n`` as Python's text mode reads them, so offsets match
    what ``open(path).read()`` gives; the byte-order mark is dropped.
    """
    marked = None       # the encoding a byte-order mark claimed, when its bytes did not decode
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(codec))
            except UnicodeDecodeError:
                marked = name
                break
    if not data.strip():
        return None, "empty file"
    if b"\x00" in data[:8192]:
        guessed = _unmarked_wide_encoding(data[:8192])
        if guessed is None:
            return None, "binary file (contains NUL bytes), not text"
        name, codec = guessed
        try:
            return _checked(data.decode(codec), name)
        except UnicodeDecodeError as error:
            return None, (f"looks like {name} without a byte-order mark, but does not decode as {name} "
                          f"({error.reason} at byte {error.start})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        also = f", nor {marked} as its byte-order mark says" if marked and marked != "UTF-8" else ""
        return None, f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}){also}"
    return _checked(text)


# where the NUL bytes of mostly-Latin text fall, for each wide encoding: (period, NUL positions)
_WIDE = (("UTF-32", "utf-32-le", 4, (1, 2, 3)), ("UTF-32", "utf-32-be", 4, (0, 1, 2)),
         ("UTF-16", "utf-16-le", 2, (1,)), ("UTF-16", "utf-16-be", 2, (0,)))


def _unmarked_wide_encoding(sample: bytes) -> Optional[tuple[str, str]]:
    """``(name, codec)`` when ``sample``'s NUL bytes fall as UTF-16 or UTF-32 text without a
    byte-order mark puts them (the high bytes of Latin characters), else None.

    Most bytes at the NUL positions must be NUL and almost none elsewhere: a
    binary file's NUL bytes fall anywhere.  The text must still decode and
    pass the checks on text (``_checked``) to be read.
    """
    for name, codec, period, nul_positions in _WIDE:
        usable = len(sample) - len(sample) % period
        if usable < 2 * period:
            continue
        columns = [sample[k:usable:period] for k in range(period)]
        count = usable // period
        at_nul = min(column.count(0) for k, column in enumerate(columns) if k in nul_positions)
        elsewhere = max(column.count(0) for k, column in enumerate(columns) if k not in nul_positions)
        if at_nul >= 0.6 * count and elsewhere <= 0.02 * count:
            return name, codec
    return None


def _checked(text: str, encoding: str = "") -> tuple[Optional[str], Optional[str]]:
    if not text.strip():
        return None, "empty file"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    sample = text[:8192]
    read_as = f" (read as {encoding} without a byte-order mark)" if encoding else ""
    if "\x00" in sample:
        return None, f"binary file (contains NUL characters), not text{read_as}"
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\t\f\v")
    if controls > 0.05 * len(sample):
        return None, f"binary file (mostly control characters), not text{read_as}"
    return text, None


def check_text(text: Optional[str], declared_language: Optional[str] = None) -> Optional[str]:
    """A reason to skip this article text, or None when it is usable."""
    if text is None or not text.strip():
        return "no text"
    words = len(_WORD.findall(text[:1000]))
    if words < MIN_WORDS:
        return f"too short to hold a quote ({words} word{'s' if words != 1 else ''})"
    too_large = size_problem(text)
    if too_large:
        return too_large
    if declared_language and not declared_language.lower().startswith("en"):
        return f"language is {declared_language!r}, not English"
    if not looks_english(text):
        return "not English text (judged by its script and function words)"
    return None


# The commonest English function words: they make up 30-50% of running news
# text and almost never appear in other languages' prose.
_STOP_WORDS = frozenset("""
a about after against all also an and are as at be been being but by can could
did do does for from had has have he her his i if in into is it its more no not
of on or our over said says she so than that the their them there they this to
up was we were what when which while who will with would you
""".split())
# Function words of the other languages news scrapers meet most often in Latin
# letters (French, Spanish, Portuguese, Italian, German, Dutch, Indonesian,
# Turkish); none is also an English word, so English text scores near zero.
_FOREIGN_STOP_WORDS = frozenset("""
le la les des du et est une pour dans par sur au aux ce qui que pas avec sont ont
el los las del y por con para es una lo como pero su sus fue
os da em um uma com não mais ao dos das foi
il di che della dei delle per non sono nel alla gli
der die das und ist nicht mit den dem ein eine zu von sich auf für auch wird
het een van op te zijn voor niet dat ook naar
yang dan di itu dengan untuk dari ini tidak akan
ve bir bu için ile olarak çok daha
""".split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def looks_english(text: str, sample_chars: int = 20_000) -> bool:
    """Cheap language check on the words' script and their function words.

    Not English: mostly words outside ASCII letters (Cyrillic, Armenian, CJK, ...),
    or few English function words and more of another language's.  Text with
    few function words of any language (lists, headlines, odd test data)
    passes: the extractor then simply finds little.  A navigation line in
    another script does not sink an English article: it only adds a few words.
    """
    words = _WORD.findall(text[:sample_chars])
    if not words:
        return False
    if sum(1 for w in words if w.isascii()) * 2 < len(words):
        return False
    if len(words) < 8:
        return True
    lowered = [w.lower() for w in words]
    english = sum(1 for w in lowered if w in _STOP_WORDS) / len(words)
    foreign = sum(1 for w in lowered if w in _FOREIGN_STOP_WORDS) / len(words)
    return english >= 0.12 or english >= foreign


def guess_title(text: str) -> Optional[str]:
    """First short, headline-like line of a plain-text article (Latin letters, no final full stop).

    Scraped pages start with navigation lines in other scripts; those are passed over.
    """
    for line in text.splitlines()[:15]:
        line = line.strip()
        words = _WORD.findall(line)
        if not (3 <= len(words) <= 25) or line.endswith((".", ":")):
            continue
        if sum(1 for w in words if w.isascii()) * 4 >= len(words) * 3:
            return line
    return None
