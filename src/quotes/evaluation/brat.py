"""PolNeAR's brat annotations, read by ``quotes.polnear.brat`` (kept importable here)."""
from quotes.polnear.brat import (ATTRIBUTION_EVENTS, GoldArticle, GoldAttribution, Span,  # noqa: F401
                                 load_split, parse_ann)
