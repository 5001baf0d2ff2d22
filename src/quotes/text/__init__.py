"""Article text on its way to the parser: ``prepare`` (size check, boilerplate
blanked) and the one-for-one normalisation the parser applies; offsets into
the original text hold throughout."""
from quotes.text.boilerplate import blank_boilerplate, boilerplate_lines
from quotes.text.normalize import normalize_for_parsing
from quotes.text.prepare import PreparedText, TooLarge, prepare, size_problem

__all__ = ["PreparedText", "TooLarge", "blank_boilerplate", "boilerplate_lines", "normalize_for_parsing",
           "prepare", "size_problem"]
