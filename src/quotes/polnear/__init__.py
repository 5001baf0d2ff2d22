"""PolNeAR, the corpus the attribution stages are scored and the tagger trained on:
its brat annotations (``brat``) and the parses of its articles, cached on disk
(``cache``), shared by ``quotes.evaluation`` and ``quotes.training.tagger``."""
from quotes.polnear.brat import GoldArticle, GoldAttribution, load_split, parse_ann
from quotes.polnear.cache import cached_parses

__all__ = ["GoldArticle", "GoldAttribution", "cached_parses", "load_split", "parse_ann"]
