"""Training the attribution tagger (``quotes models train --kind tagger``):
examples from PolNeAR train (``data``), seeds trained and saved together (``train``)."""
