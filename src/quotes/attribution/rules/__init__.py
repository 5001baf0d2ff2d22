"""Hand-written rules: claims read off the dependency tree (``claims``), quotes
given the cue and speaker around them (``quote_attach``), attributions told by
typography (``layout``); ``collect`` runs them as one stage.  A rule module
uses ``common/``, ``document/`` and ``speakers/subjects``, never another rule's
helpers."""
