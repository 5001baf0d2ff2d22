"""The article as the stages read it: the parse copied into plain words and
sentences (``parsed``), a few parse errors mended (``repairs``), and the quoted
stretches read off the quote marks (``quote_marks``)."""
