"""Bundling the pretrained word encoder (all-MiniLM-L6-v2) into the package."""
