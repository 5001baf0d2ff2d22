"""Datasette configuration shipped with the package (``metadata.yml``, a copy of the repo's)."""
