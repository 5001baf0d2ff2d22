"""Through which channel a quote reached the article, normalised.

``as quoted by Reuters`` -> ``Reuters``; ``told AFP`` -> ``AFP``;
``in a press release about the meetings`` -> ``press release``;
``in public comments at the opening of the meeting`` -> ``public comments at
the opening of the meeting``; ``on Twitter`` -> ``Twitter``.
Topic phrases (``about ...``, ``on ...``) are dropped; setting phrases
(``at ...``, ``during ...``) are kept, since they say where it was said.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from quotes.attribution.channels.patterns import (ACCORDING_TO, AT_EVENT, AT_OUTLET, BROADCAST_OF, GIVEN_TO, HELD,
                                                  HOST_ON, INTERVIEW_WITH, MEDIUM_AFTER, NAMED_OR_KNOWN,
                                                  NOISE_MODIFIERS, ON_NAMED_SHOW, ON_OUTLET, ON_OWN, ON_SHOW, ON_SITE,
                                                  OUTLET_APPEARANCE, PHRASE, QUOTED_BY, QUOTED_IN, RADIO_AUDIENCE,
                                                  SETTING, SETTING_NOUNS, SHOW_WORDS, SOCIAL, TOLD, TOLD_AUDIENCE,
                                                  TOLD_CROWD, TOLD_GATHERED, TOLD_OCCASION, TOLD_WRITER, WITH_TWEET,
                                                  WRITING_AT, WROTE_PIECE)
from quotes.attribution.channels.vocabulary import OUTLET_NAMES, medium_modifiers, normalise, own_medium
from quotes.attribution.common.lexicon import (BRAND_NAME, CHANNEL_NOUNS, MEDIA, MEDIA_HEAD_WORDS, NEWSPAPER_HEAD_WORDS,
                                               SOCIAL_PLATFORMS)


@dataclass
class Channel:
    name: str          # normalised
    mention: str       # the words in the text
    start: int
    end: int


def _clean_name(name: str) -> str:
    """Drop a leading "the" and a sentence-final period (but keep "U.S.")."""
    name = re.sub(r"['’]s?$", "", re.sub(r"^the\s+", "", name.strip()))
    last = name.split()[-1] if name.split() else ""
    if last.endswith(".") and last.count(".") == 1 and len(last) > 3:
        name = name[:-1]
    return name


def _outlet(name: str) -> str:
    """``the TASS news agency`` -> ``TASS``."""
    return re.sub(r"\s+(?:news\s+)?agency$", "", _clean_name(name))


def is_media(name: str) -> bool:
    if BRAND_NAME.match(re.sub(r"['’]s?$", "", re.sub(r"^the\s+", "", name.strip()))):
        return True
    tokens = [t.lower().strip(".,'’") for t in re.sub(r"['’]s\b", "", name).split()]
    if not tokens:
        return False
    if tokens[0] == "the":
        tokens = tokens[1:]
    if not tokens:
        return False
    # ("The Spokesman-Review": a hyphenated name's last part)
    last = tokens[-1].split("-")[-1]
    return tokens[0] in MEDIA or last in MEDIA_HEAD_WORDS or " ".join(tokens) in MEDIA \
        or last in NEWSPAPER_HEAD_WORDS and name.split()[-1].split("-")[-1][:1].isupper()


# "Fox News Sunday", "Breitbart News Daily", "MSNBC's Morning Joe": a show is
# reported under its outlet
_OUTLET_PREFIX = re.compile(r"^((?:[A-Z][\w.&-]*\s+)*?(?:[A-Z][\w.&-]*\s+News|" + "|".join(
    sorted((m.upper() if len(m) <= 4 else m.capitalize() for m in MEDIA), key=len, reverse=True)) + r"))\b(?=\s|['’]|$)")
def _names_outlet(window: str, m: re.Match) -> bool:
    """The name ``m`` caught is an outlet's, or the outlet word after it makes it
    one ("France Inter radio", "WIBC radio")."""
    return is_media(m.group(1)) or bool(MEDIUM_AFTER.match(window, m.end()))


def outlet_of(name: str) -> str:
    """``Fox News Sunday`` -> ``Fox News``; ``CBS This Morning`` -> ``CBS``;
    ``Bill O'Reilly of Fox News`` -> ``Fox News`` (told a host: the outlet);
    ``National Public Radio`` -> ``NPR`` (one outlet, one name)."""
    outlet = _outlet_named(name)
    return OUTLET_NAMES.get(outlet.lower(), outlet)


def _outlet_named(name: str) -> str:
    if " of " in name:
        host, outlet = name.rsplit(" of ", 1)
        if is_media(outlet) and not is_media(host):
            name = _clean_name(outlet)
    m = _OUTLET_PREFIX.match(name)
    if m:
        return m.group(1)
    # "Britain's ITV": a place or owner before the outlet
    owner, _, outlet = name.partition("’s " if "’s " in name else "'s ")
    if outlet and is_media(outlet) and not is_media(owner):
        return _outlet_named(outlet)
    return name


def find_channels(text: str, start: int, end: int, settings: bool = False) -> list[Channel]:
    """Every channel phrase in ``text[start:end]`` (offsets into ``text``);
    with ``settings``, also bare occasions ("during the rally") and outlets a
    speaker appeared on."""
    window = text[start:end]
    found: list[Channel] = []
    for m in list(ON_OUTLET.finditer(window)) + list(BROADCAST_OF.finditer(window)):
        if is_media(outlet_of(_clean_name(m.group(1)))) or BROADCAST_OF.match(m.group(0)):
            found.append(Channel(outlet_of(_clean_name(m.group(1))), m.group(0), start + m.start(), start + m.end()))
    for m in OUTLET_APPEARANCE.finditer(window):
        if is_media(m.group(1)) and m.group(1) not in ("TV", "Radio"):      # "a TV interview": a medium
            found.append(Channel(outlet_of(_clean_name(m.group(1))), m.group(0), start + m.start(), start + m.end()))
    for m in ON_NAMED_SHOW.finditer(window):
        outlet = m.group(2) and _clean_name(m.group(2))
        if outlet and not is_media(outlet):
            continue
        name = outlet_of(outlet) if outlet else _clean_name(m.group(3))
        found.append(Channel(name, m.group(0), start + m.start(), start + m.end()))
    if settings:
        for m in ON_SHOW.finditer(window):
            name = _clean_name(m.group(1))
            show = re.search(r"\s" + SHOW_WORDS + r"$", name)
            if re.search(r"\b(?:time|years|days|tenure|stint|career|run|job)\s+$", window[:m.start()]):
                continue          # "during his time on MSNBC": where they worked, not where they said it
            if (show or is_media(name)) and not any(c.start <= start + m.start() < c.end for c in found):
                found.append(Channel(name if show else outlet_of(name), m.group(0), start + m.start(),
                                     start + m.end()))
    for m in HELD.finditer(window):
        modifiers = [w for w in medium_modifiers(m.group(1).split()) if not w[:1].isupper()]
        if not any(w.lower() in ("that", "which", "who", "to", "and") for w in modifiers):
            found.append(Channel(normalise(" ".join(modifiers + [m.group(2)])), m.group(0),
                                 start + m.start(), start + m.end()))
    for m in WROTE_PIECE.finditer(window):
        named = " ".join(w for w in m.group(1).split() if w[:1].isupper())
        outlet = outlet_of(_clean_name(named)) if named and is_media(named) else None
        found.append(Channel(outlet or normalise(m.group(2).lower()), m.group(0), start + m.start(), start + m.end()))
    for m in TOLD_CROWD.finditer(window):
        found.append(Channel("rally", m.group(0), start + m.start(), start + m.end()))
    gatherings = [Channel("speech", m.group(0), start + m.start(), start + m.end())
                  for m in list(AT_EVENT.finditer(window)) + list(TOLD_GATHERED.finditer(window))
                  if not TOLD_AUDIENCE.match(window, m.start()) and not NAMED_OR_KNOWN.search(m.group(0))]
    for m in WRITING_AT.finditer(window):
        if is_media(m.group(1)):
            found.append(Channel(outlet_of(_clean_name(m.group(1))), m.group(0), start + m.start(), start + m.end()))
    for m in GIVEN_TO.finditer(window):
        if is_media(m.group(1)):
            found.append(Channel(outlet_of(_clean_name(m.group(1))), m.group(0), start + m.start(), start + m.end()))
    for m in QUOTED_BY.finditer(window):
        found.append(Channel(outlet_of(_clean_name(m.group(1))), m.group(0), start + m.start(), start + m.end()))
    for m in TOLD.finditer(window):
        # "told France Inter radio": a name the outlet word after it makes an outlet
        media = _names_outlet(window, m)
        if media and not any(c.start <= start + m.start() < c.end for c in found):
            found.append(Channel(outlet_of(_clean_name(m.group(1))), m.group(0), start + m.start(), start + m.end()))
    for m in ACCORDING_TO.finditer(window):
        if is_media(m.group(1)):
            found.append(Channel(_outlet(m.group(1)), m.group(0), start + m.start(), start + m.end()))
    for m in INTERVIEW_WITH.finditer(window):
        name = m.group(1)
        # "in an interview with CNN's Wolf Blitzer": the outlet
        outlet = outlet_of(_clean_name(name)) if is_media(name) else None
        station = HOST_ON.match(window, m.end())
        if outlet is None and station and _names_outlet(window, station):
            # "in an interview with conservative host Greg Garrison on WIBC radio"
            outlet = outlet_of(_clean_name(station.group(1)))
        found.append(Channel(outlet or "interview", m.group(0), start + m.start(), start + m.end()))
    for m in ON_OWN.finditer(window):
        found.append(Channel(own_medium(m.group(1)), m.group(0), start + m.start(), start + m.end()))
    for m in RADIO_AUDIENCE.finditer(window):
        medium = (m.group(1) or "radio").lower().replace("tv", "television")
        found.append(Channel(f"{medium} show", m.group(0), start + m.start(), start + m.end()))
    for m in TOLD_WRITER.finditer(window):
        found.append(Channel("interview", m.group(0), start + m.start(), start + m.end()))
    for m in QUOTED_IN.finditer(window):
        if m.group(1).split()[-1][:1].isupper():
            found.append(Channel(outlet_of(_clean_name(m.group(1))), m.group(0), start + m.start(), start + m.end()))
    for m in TOLD_AUDIENCE.finditer(window):
        found.append(Channel(m.group(1).lower(), m.group(0), start + m.start(), start + m.end()))
    for m in TOLD_OCCASION.finditer(window):
        found.append(Channel(normalise(m.group(1).lower()), m.group(0), start + m.start(), start + m.end()))
    m = AT_OUTLET.match(window.lstrip()) or ON_SITE.match(window.lstrip())
    if m and (is_media(m.group(1)) or m.re is ON_SITE):
        offset = start + len(window) - len(window.lstrip())
        found.append(Channel(outlet_of(_clean_name(m.group(1))), m.group(0), offset + m.start(), offset + m.end()))
    for m in WITH_TWEET.finditer(window):
        found.append(Channel(normalise(m.group(1).lower()), m.group(0), start + m.start(), start + m.end()))
    for m in SOCIAL.finditer(window):
        found.append(Channel(normalise(m.group(1)), m.group(0), start + m.start(), start + m.end()))
    for m in PHRASE.finditer(window):
        # ("During an interview with NBC News ...": the outlet's phrase holds this one)
        if any(c.start < start + m.end() and start + m.start() < c.end for c in found):
            continue
        modifiers = m.group(1).split()
        if m.group(2)[:1].isupper() and modifiers and modifiers[-1][:1].isupper():
            continue          # "the Washington Post/ABC News poll": a name's word, not a "post"
        # modifiers must be words that describe the channel, not a clause
        if any(w.lower() in ("that", "which", "who", "when", "and", "but", "to") for w in modifiers):
            continue
        modifiers = [w for w in modifiers if w.lower() not in NOISE_MODIFIERS]
        noun = m.group(2)
        mention_end = m.end()
        # "video address", "news conference": a channel noun qualifying the next one
        # ("a rally broadcast on cable": the rally, whoever broadcast it)
        following = re.match(r"\s+([\w-]+)\b", window[mention_end:])
        if following and following.group(1).lower() in CHANNEL_NOUNS - {"x", "broadcast"}:
            modifiers, noun = modifiers + [noun], following.group(1)
            mention_end += following.end()
        if noun.lower() in ("meeting", "debate", "rally", "session", "call", "hearing", "appearance",
                            "video", "message", "x") and not modifiers \
                and not (settings and noun.lower() in SETTING_NOUNS):
            continue          # "in the meeting" is a setting, not a channel, unless qualified
        modifiers = medium_modifiers(modifiers)
        named = " ".join(modifiers)
        if modifiers and all(w[:1].isupper() for w in modifiers) and named not in ("TV", "Radio") and (
                is_media(named) or named.lower() in SOCIAL_PLATFORMS):
            # "in a Wall Street Journal essay", "in a Facebook message": where it appeared
            found.append(Channel(outlet_of(_clean_name(named)), window[m.start():mention_end],
                                 start + m.start(), start + mention_end))
            continue
        # "at a Michigan rally", "at the Democratic National Convention speech": the medium
        modifiers = [w for w in modifiers if not w[:1].isupper() or w == "TV"]
        name = " ".join(modifiers + [noun])
        setting = SETTING.match(window[mention_end:])
        if setting and noun.lower() in ("comments", "remarks", "comment", "remark", "speech", "address"):
            name += " " + setting.group(1).strip()
            mention_end += setting.end()
        found.append(Channel(normalise(name), window[m.start():mention_end], start + m.start(),
                             start + mention_end))
    # (a gathering is a speech where the sentence names no more telling
    # occasion: "told supporters at a rally in Ohio" is the rally)
    return sorted(found or gatherings, key=lambda c: c.start)


# "told The New York Times then", "told CNN at the time": a past occasion,
# recalled for one quote
RECALLED_AFTER = re.compile(r"\s+(?:then|at\s+the\s+time|back\s+then|in\s+(?:19|20)\d\d)\b", re.I)
