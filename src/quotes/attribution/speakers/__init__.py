"""Who is speaking. ``sources`` finds the words of a speaker in the text,
``naming`` reads names off them and ``roles`` what they are, ``coreference`` and
``descriptions`` resolve each mention to one canonical speaker per person or
body, ``story`` reads them against the whole story; ``resolve`` runs them as
the speakers stage."""
