"""Who is speaking: the subject of a cue and its words (``subjects``), where a
source span begins and ends (``source_spans``), names and roles (``names``),
the names an article holds (``mentions``) and one canonical speaker per
person or body (``coreference``); ``resolve`` runs them as the speakers stage."""
