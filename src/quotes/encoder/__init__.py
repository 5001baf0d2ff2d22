"""A pretrained word encoder (all-MiniLM-L6-v2, bundled) for the tagger."""
