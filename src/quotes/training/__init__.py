"""Training, apart from inference: ``stanza/`` (the parser models) and ``tagger/``
(the attribution tagger).  Nothing under ``quotes.attribution`` or ``quotes.nlp``
imports from here."""
