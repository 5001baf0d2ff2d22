"""The channel vocabulary: one name per outlet or medium, so that one medium
is one facet value ("acceptance speech" is a speech, "news release" a press
release, "TV interview" a television interview, "X" Twitter), and whether a
name is an ``outlet`` or a ``medium``.  ``phrases.find_channels`` names every
channel it finds through ``normalise``."""
from __future__ import annotations

import re

from quotes.attribution.common.lexicon import CHANNEL_NOUNS, COURT_DOCUMENTS, SOCIAL_PLATFORMS, TIME_WORDS


def own_medium(words: str) -> str:
    """"web site" -> "website"; "radio program" -> "radio show"; "TV show" -> "television show"."""
    low = re.sub(r"\s+", " ", words.lower()).replace("web site", "website")
    low = re.sub(r"\b(?:program|programme)$", "show", low).replace("tv ", "television ")
    kept = [w for w in low.split() if w in ("radio", "television", "show", "website", "blog", "podcast")]
    return " ".join(kept)


# words that say when or how a medium was used, not which medium: "Monday's
# debate", "a May interview", "a phone interview", "a portion of the debate"
_WHEN_WORDS = TIME_WORDS | frozenset("""first second third final last next latest recent phone telephone
monday's tuesday's wednesday's thursday's friday's saturday's sunday's weekend's""".split())


def medium_modifiers(modifiers: list[str]) -> list[str]:
    low = [w.lower().replace("’", "'") for w in modifiers]
    if "of" in low:                       # "portion of the debate" -> "debate"
        cut = len(low) - low[::-1].index("of")
        modifiers, low = modifiers[cut:], low[cut:]
    return [w for w, l in zip(modifiers, low) if l not in _WHEN_WORDS and l not in ("the", "a", "an")
            and l not in ("his", "her", "their", "its", "our", "my", "your") and not re.fullmatch(r"[\d,.]+(?:th|st|nd|rd)?", l)]


_PLURAL_MEDIA = {"speeches": "speech", "interviews": "interview", "statements": "statement"}


def normalise(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip()
    low = name.lower()
    if low in ("twitter", "facebook", "instagram", "telegram", "youtube", "tiktok"):
        return name[:1].upper() + name[1:]
    if low == "x":                # one platform under its two names: filed as Twitter, as "tweeted" is
        return "Twitter"
    if low == "open letter":
        return "letter"
    if low in _PLURAL_MEDIA:
        return _PLURAL_MEDIA[low]          # "has said in speeches": one medium
    if re.match(r"^(news|press)\s+release$", low) or low == "release":
        return "press release"
    if re.fullmatch(r"town[\s-]hall(?:\s+(?:meeting|event|forum))?", low):
        return "town hall"
    if low in ("news conference", "press conference"):
        return "press conference"            # one medium, one facet value
    if low in ("press briefing", "news briefing"):
        return low
    if low.split()[-1:] and low.split()[-1] in COURT_DOCUMENTS or low in ("court filing", "court papers"):
        return "court filing"
    if low in OUTLET_NAMES:
        return OUTLET_NAMES[low]
    if name[:1].isupper() and not low.startswith(("public", "a ", "the ", "tv ")):
        return name
    return _medium_vocabulary(name)


# one outlet under its short and long names, filed under the one most write
OUTLET_NAMES = {"national public radio": "NPR", "washpost": "Washington Post", "wapo": "Washington Post",
                "nyt": "New York Times", "fox news channel": "Fox News", "fox news network": "Fox News",
                "the associated press": "Associated Press", "ap": "Associated Press", "wsj": "Wall Street Journal"}


# words before a medium that name another medium or who heard it, kept ("radio
# interview", "press release", "public comments"); any other ("acceptance
# speech", "post-victory statement", "follow-up interview") says which one,
# not what kind, and goes, so that one medium is one facet value
_KEPT_MODIFIERS = frozenset("radio television video audio press news public town hall court research conference "
                            "email phone-in".split())


def _medium_vocabulary(name: str) -> str:
    """``acceptance speech`` -> ``speech``; ``TV interview`` -> ``television
    interview``; a setting after the medium ("at the Convention") stays as written."""
    base, setting = re.match(r"^(.*?)((?:\s+(?:at|during)\s.*)?)$", name).groups()
    words = re.sub(r"^tv\s", "television ", base.lower()).split()
    if len(words) >= 2 and words[-1] in CHANNEL_NOUNS:
        words = [w for w in words[:-1] if w in _KEPT_MODIFIERS] + words[-1:]
    return " ".join(words) + setting


OUTLET, MEDIUM = "outlet", "medium"


def channel_kind(name: str) -> str:
    """``outlet`` for a named outlet, show or publication (``Reuters``, ``The
    Laura Ingraham Show``); ``medium`` for the form it took (``interview``,
    ``press release``, ``Twitter``: a platform is how, not who)."""
    if name.lower() in SOCIAL_PLATFORMS or not name[:1].isupper():
        return MEDIUM
    return OUTLET
