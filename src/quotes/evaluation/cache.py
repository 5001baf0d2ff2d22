"""PolNeAR parses cached on disk, by ``quotes.polnear.cache`` (kept importable here)."""
from quotes.polnear.cache import cached_parses, default_dir, models_fingerprint  # noqa: F401
