"""Text clean-up that keeps every character offset where it was.

The bundled models are trained on UD English-EWT, which has straight quotes and
apostrophes; news uses curly ones.  Mapping each typographic mark to its ASCII
twin one character for one character means Stanza's token offsets into the
normalised text are also offsets into the original text: no offset map needed.
"""
from __future__ import annotations

# one char -> one char, so len(normalize(t)) == len(t) always
_ONE_FOR_ONE = {
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"', "〝": '"', "〞": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "‹": "'", "›": "'", "′": "'",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\u2028": "\n", "\u2029": "\n", "\t": " ", "\r": "\n", "\x0b": " ", "\x0c": "\n",
}
_TABLE = str.maketrans(_ONE_FOR_ONE)


def normalize_for_parsing(text: str) -> str:
    """Same length as ``text``; typographic quotes and odd spaces made ASCII."""
    return text.translate(_TABLE)
