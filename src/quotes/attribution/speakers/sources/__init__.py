"""Where a speaker is in the text: the subject of a cue and its words
(``subjects``), where a source span begins and ends (``spans``), and which of
its words say who the speaker is (``referring``)."""
