"""Training the bundled Stanza models from UD English-EWT (``quotes models train``,
``--kind stanza``, the default): ``train`` runs Stanza's own scripts stage by
stage, resumably; ``bundle`` copies the results into the package and scores them."""
