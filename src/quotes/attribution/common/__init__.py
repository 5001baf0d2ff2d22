"""What every stage shares: the candidate record, the word lists (``lexicon``),
cue-verb tests (``cues``), noun-phrase and clause helpers (``phrases``) and the
settling of content against quote marks (``reconcile``)."""
