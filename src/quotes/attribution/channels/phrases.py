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

from quotes.attribution.channels.vocabulary import OUTLET_NAMES, medium_modifiers, normalise, own_medium
from quotes.attribution.common.lexicon import BRAND_NAME, CHANNEL_NOUNS, MEDIA, MEDIA_HEAD_WORDS, SOCIAL_PLATFORMS

_NAME = r"(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*)*"
_QUOTED_BY = re.compile(r"\b(?:as\s+)?(?:quoted|cited|reported)\s+by\s+(" + _NAME + ")")
_TOLD = re.compile(r"\b(?:told|telling|tells|tell|(?:speaking|spoke|talking|talked)\s+to)\s+(" + _NAME + ")")
# "..., Mr. Lavrov said, according to the TASS news agency": the outlet it came through
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(" + _NAME + r"(?:\s+news\s+agency|\s+agency)?)")
# ("with conservative host Greg Garrison": a host described before the name)
_INTERVIEW_WITH = re.compile(r"\b(?i:(?:in\s+)?an?\s+(?:[\w-]+\s+)?interview\s+(?:with|for|on)\s+)"
                             r"(?:(?!the\s)[a-z][\w-]*\s+){0,3}(" + _NAME + ")")
_SOCIAL = re.compile(r"\b(?:on|onto|on\s+to|via|in\s+a\s+post\s+on|in\s+a\s+tweet\s+on)\s+(?:(?:the|his|her|their|its)\s+)?"
                     r"(?:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*['’]s?\s+)?(Twitter|X|Facebook|Instagram|Telegram|"
                     r"YouTube|TikTok|Truth Social|Threads|LinkedIn)\b")
_DETS = r"(?:an?|the|his|her|their|its|our|this|that|one|several)\s+"
# (a modifier is never a preposition: "in Tampa in a rally" is "in a rally")
_PHRASE = re.compile(r"\b(?:in|at|during|via|through)\s+(?:" + _DETS + r")?"
                     r"((?:(?!(?:in|at|on|during|via|through|for|with|by|from)\s)[\w'’-]+\s+){0,3}?)"
                     r"(town\s+hall|" + "|".join(sorted((re.escape(n) for n in CHANNEL_NOUNS), key=len, reverse=True))
                     + r")\b(?!-)",
                     re.I)
# what may extend a channel phrase: the setting, not the topic
_SETTING = re.compile(r"^\s+((?:at|during)\s+[^,.;:\"“”]+?)(?=[,.;:\"“”]|\s+(?:that|about|on|as|and)\b|$)")
_NOISE_MODIFIERS = {"joint", "written", "brief", "short", "long", "separate", "same", "earlier", "later", "recent"}


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
    return bool(tokens) and (tokens[0] in MEDIA or tokens[-1] in MEDIA_HEAD_WORDS or " ".join(tokens) in MEDIA)


# "Fox News Sunday", "Breitbart News Daily", "MSNBC's Morning Joe": a show is
# reported under its outlet
_OUTLET_PREFIX = re.compile(r"^((?:[A-Z][\w.&-]*\s+)*?(?:[A-Z][\w.&-]*\s+News|" + "|".join(
    sorted((m.upper() if len(m) <= 4 else m.capitalize() for m in MEDIA), key=len, reverse=True)) + r"))\b(?=\s|['’]|$)")
_ON_OUTLET = re.compile(r"\b(?i:said|says|told|appeared|appearing|spoke|speaking|interviewed)\s+(?:\w+\s+){0,2}?on\s+"
                        r"(?:(?:this|last|Sunday['’]s|Monday['’]s|Tuesday['’]s|Wednesday['’]s|Thursday['’]s|"
                        r"Friday['’]s|Saturday['’]s)\s+(?:\w+['’]s\s+)?(?:broadcast|edition|episode)\s+of\s+)?"
                        r"[\"“]?(" + _NAME + ")")
# "on its website", "on his blog": where a body or person published it
_ON_OWN = re.compile(r"\bon\s+(?:its|his|her|their|the|a|an)\s+(?:official\s+|own\s+)?(website|blog|podcast|web\s+site|"
                     r"(?:(?:radio|television|tv|talk|daily|weekly|nightly)\s+)+(?:show|program|programme))\b", re.I)
# "told his radio audience", "told listeners": a radio show
_RADIO_AUDIENCE = re.compile(r"\b(?:told|tells|telling)\s+(?:his|her|their)\s+(radio|television|TV)\s+(?:audience|listeners|"
                             r"viewers)\b|\b(?:told|tells|telling)\s+(?:his|her|their)\s+(listeners)\b", re.I)
# "told the debate audience", "told the rally crowd": the occasion
_TOLD_AUDIENCE = re.compile(r"\b(?:told|tells|telling)\s+(?:the|a)\s+(debate|rally|town\s+hall|convention|campaign)"
                            r"\s+(?:audience|crowd)\b", re.I)
# "he told me on Friday", "came to talk to me": the writer's own interview
_TOLD_WRITER = re.compile(r"\b(?:told|tells|telling|(?:talk|talked|talking|spoke|speaking)\s+(?:to|with))\s+"
                          r"(?:me|this\s+(?:reporter|writer|newspaper|correspondent|columnist))\b", re.I)
# "quoted in The New Yorker's 2013 profile": where the words were printed
_QUOTED_IN = re.compile(r"\b(?:quoted|cited)\s+in\s+(" + _NAME + ")")
# "told a news conference", "told a hearing": the occasion is the channel
_TOLD_OCCASION = re.compile(r"\b(?:told|tells|telling)\s+(?:the|a|an)\s+(?:[\w-]+\s+)?(news\s+conference|press\s+conference|"
                            r"news\s+briefing|press\s+briefing|briefing|hearing|rally|town\s+hall)\b")
# the host's station after an interview's host ("with host Greg Garrison on WIBC radio")
_HOST_ON = re.compile(r"[^,.;:\"“”]{0,40}?\bon\s+(" + _NAME + ")")
_MEDIUM_AFTER = re.compile(r"\s+(?:radio|television|TV|newspaper|magazine|broadcaster)\b")
# "Dan McLaughlin at the National Review": a writer at an outlet writes in it
_AT_OUTLET = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+\s+at\s+(" + _NAME + ")")
# "Larry O’Connor on Hot Air wrote": a writer on a site, which printed it
_ON_SITE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+\s+on\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                      r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
                      r"November|December)\b)(" + _NAME + r")(?=,?\s+(?:wrote|writes|blogged|noted|argued|observed)\b)")
# "Andrea Peyser writing at The New York Post", "wrote for Politico": the outlet that printed it
# ("who writes for Politico" is who they work for)
_WRITING_AT = re.compile(r"\b(?:writing\s+(?:at|in|for)|(?:writes|wrote)\s+in)\s+(" + _NAME + ")")
_BROADCAST_OF = re.compile(r"\b(?:broadcast|edition|episode)\s+of\s+[\"“]?(" + _NAME + ")")
# "held a press conference", "gave a speech", "issued a statement": an occasion as what was done
_HELD = re.compile(r"\b(?:held|holds|holding|hold|gave|gives|giving|give|delivered|delivers|delivering|issued|"
                   r"issues|issuing|released|releases|posted|posts|sent|sends)\s+(?:an?|the|his|her|their|its)\s+"
                   r"((?:[\w'’-]+\s+){0,2}?)(press conference|news conference|statement|speech|address|"
                   r"remarks|briefing|interview|letter|memo|video|tweet|post)\b(?!-)", re.I)
# "blasted Clinton Wednesday on The Laura Ingraham Show", "on Fox News.": a
# show or outlet a speaker was on, whatever the verb (occasions only: in a
# claim's own sentence "on" may be its topic)
_SHOW_WORDS = r"(?:Show|Program|Programme|Hour|Podcast|Radio|Tonight|Live)"
_ON_SHOW = re.compile(r"\bon\s+[\"“]?(" + _NAME + r")(?=[\"”]?\s*(?:[,.;:)]|$|\s+(?:on|this|last|that|in|at)\b))")
# "on CNN’s “State of the Union,”", "on Friday’s “PBS NewsHour.”": an outlet's show, a show on a day
# ("on Fox News channel’s “Sunday Morning Futures,”": the outlet's own word for itself)
_ON_NAMED_SHOW = re.compile(r"\bon\s+(?:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(" + _NAME +
                            r"))(?:\s+(?:channel|network))?['’]s?\s+[\"“](" + _NAME + r")")
# "in their Breitbart News Daily on SiriusXM appearances", "in her CNN interview":
# the outlet of an appearance
_OUTLET_APPEARANCE = re.compile(r"\bin\s+(?:his|her|their|its|an?|the)\s+(" + _NAME + r")(?:\s+on\s+" + _NAME +
                                r")?\s+(?:appearances?|interviews?|segments?|broadcasts?)\b")
# "after writing a scathing Washington Post op-ed": a piece the speaker wrote, in an outlet
_WROTE_PIECE = re.compile(r"\b(?:writing|wrote|writes|penned|pens|authored)\s+(?:an?|the|his|her|their|its)\s+"
                         r"((?:[\w'’-]+\s+){0,4}?)(op-ed|column|essay|article|letter|blog\s+post)\b(?!-)", re.I)
# "Sanders told a cheering crowd in West Virginia": a rally
_TOLD_CROWD = re.compile(r"\b(?:told|tells|telling|addressed|addresses|addressing)\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?"
                         r"crowds?\b")
# "With a tweet featuring an image ..., Abbott told": what it came in
_WITH_TWEET = re.compile(r"\bwith\s+(?:an?|the|his|her|their|its|this|that)\s+(?:[\w-]+\s+){0,2}?(tweets?)\b", re.I)
# the occasions a setting names even without a qualifier ("during the rally")
SETTING_NOUNS = frozenset("rally debate hearing".split())


def _names_outlet(window: str, m: re.Match) -> bool:
    """The name ``m`` caught is an outlet's, or the outlet word after it makes it
    one ("France Inter radio", "WIBC radio")."""
    return is_media(m.group(1)) or bool(_MEDIUM_AFTER.match(window, m.end()))


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
    for m in list(_ON_OUTLET.finditer(window)) + list(_BROADCAST_OF.finditer(window)):
        if is_media(outlet_of(_clean_name(m.group(1)))) or _BROADCAST_OF.match(m.group(0)):
            found.append(Channel(outlet_of(_clean_name(m.group(1))), m.group(0), start + m.start(), start + m.end()))
    for m in _OUTLET_APPEARANCE.finditer(window):
        if is_media(m.group(1)) and m.group(1) not in ("TV", "Radio"):      # "a TV interview": a medium
            found.append(Channel(outlet_of(_clean_name(m.group(1))), m.group(0), start + m.start(), start + m.end()))
    for m in _ON_NAMED_SHOW.finditer(window):
        outlet = m.group(2) and _clean_name(m.group(2))
        if outlet and not is_media(outlet):
            continue
        name = outlet_of(outlet) if outlet else _clean_name(m.group(3))
        found.append(Channel(name, m.group(0), start + m.start(), start + m.end()))
    if settings:
        for m in _ON_SHOW.finditer(window):
            name = _clean_name(m.group(1))
            show = re.search(r"\s" + _SHOW_WORDS + r"$", name)
            if re.search(r"\b(?:time|years|days|tenure|stint|career|run|job)\s+$", window[:m.start()]):
                continue          # "during his time on MSNBC": where they worked, not where they said it
            if (show or is_media(name)) and not any(c.start <= start + m.start() < c.end for c in found):
                found.append(Channel(name if show else outlet_of(name), m.group(0), start + m.start(),
                                     start + m.end()))
    for m in _HELD.finditer(window):
        modifiers = [w for w in medium_modifiers(m.group(1).split()) if not w[:1].isupper()]
        if not any(w.lower() in ("that", "which", "who", "to", "and") for w in modifiers):
            found.append(Channel(normalise(" ".join(modifiers + [m.group(2)])), m.group(0),
                                 start + m.start(), start + m.end()))
    for m in _WROTE_PIECE.finditer(window):
        named = " ".join(w for w in m.group(1).split() if w[:1].isupper())
        outlet = outlet_of(_clean_name(named)) if named and is_media(named) else None
        found.append(Channel(outlet or normalise(m.group(2).lower()), m.group(0), start + m.start(), start + m.end()))
    for m in _TOLD_CROWD.finditer(window):
        found.append(Channel("rally", m.group(0), start + m.start(), start + m.end()))
    for m in _WRITING_AT.finditer(window):
        if is_media(m.group(1)):
            found.append(Channel(outlet_of(_clean_name(m.group(1))), m.group(0), start + m.start(), start + m.end()))
    for m in _QUOTED_BY.finditer(window):
        found.append(Channel(outlet_of(_clean_name(m.group(1))), m.group(0), start + m.start(), start + m.end()))
    for m in _TOLD.finditer(window):
        # "told France Inter radio": a name the outlet word after it makes an outlet
        media = _names_outlet(window, m)
        if media and not any(c.start <= start + m.start() < c.end for c in found):
            found.append(Channel(outlet_of(_clean_name(m.group(1))), m.group(0), start + m.start(), start + m.end()))
    for m in _ACCORDING_TO.finditer(window):
        if is_media(m.group(1)):
            found.append(Channel(_outlet(m.group(1)), m.group(0), start + m.start(), start + m.end()))
    for m in _INTERVIEW_WITH.finditer(window):
        name = m.group(1)
        # "in an interview with CNN's Wolf Blitzer": the outlet
        outlet = outlet_of(_clean_name(name)) if is_media(name) else None
        station = _HOST_ON.match(window, m.end())
        if outlet is None and station and _names_outlet(window, station):
            # "in an interview with conservative host Greg Garrison on WIBC radio"
            outlet = outlet_of(_clean_name(station.group(1)))
        found.append(Channel(outlet or "interview", m.group(0), start + m.start(), start + m.end()))
    for m in _ON_OWN.finditer(window):
        found.append(Channel(own_medium(m.group(1)), m.group(0), start + m.start(), start + m.end()))
    for m in _RADIO_AUDIENCE.finditer(window):
        medium = (m.group(1) or "radio").lower().replace("tv", "television")
        found.append(Channel(f"{medium} show", m.group(0), start + m.start(), start + m.end()))
    for m in _TOLD_WRITER.finditer(window):
        found.append(Channel("interview", m.group(0), start + m.start(), start + m.end()))
    for m in _QUOTED_IN.finditer(window):
        if m.group(1).split()[-1][:1].isupper():
            found.append(Channel(outlet_of(_clean_name(m.group(1))), m.group(0), start + m.start(), start + m.end()))
    for m in _TOLD_AUDIENCE.finditer(window):
        found.append(Channel(m.group(1).lower(), m.group(0), start + m.start(), start + m.end()))
    for m in _TOLD_OCCASION.finditer(window):
        found.append(Channel(normalise(m.group(1).lower()), m.group(0), start + m.start(), start + m.end()))
    m = _AT_OUTLET.match(window.lstrip()) or _ON_SITE.match(window.lstrip())
    if m and (is_media(m.group(1)) or m.re is _ON_SITE):
        offset = start + len(window) - len(window.lstrip())
        found.append(Channel(outlet_of(_clean_name(m.group(1))), m.group(0), offset + m.start(), offset + m.end()))
    for m in _WITH_TWEET.finditer(window):
        found.append(Channel(normalise(m.group(1).lower()), m.group(0), start + m.start(), start + m.end()))
    for m in _SOCIAL.finditer(window):
        found.append(Channel(normalise(m.group(1)), m.group(0), start + m.start(), start + m.end()))
    for m in _PHRASE.finditer(window):
        # ("During an interview with NBC News ...": the outlet's phrase holds this one)
        if any(c.start < start + m.end() and start + m.start() < c.end for c in found):
            continue
        modifiers = m.group(1).split()
        if m.group(2)[:1].isupper() and modifiers and modifiers[-1][:1].isupper():
            continue          # "the Washington Post/ABC News poll": a name's word, not a "post"
        # modifiers must be words that describe the channel, not a clause
        if any(w.lower() in ("that", "which", "who", "when", "and", "but", "to") for w in modifiers):
            continue
        modifiers = [w for w in modifiers if w.lower() not in _NOISE_MODIFIERS]
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
        setting = _SETTING.match(window[mention_end:])
        if setting and noun.lower() in ("comments", "remarks", "comment", "remark", "speech", "address"):
            name += " " + setting.group(1).strip()
            mention_end += setting.end()
        found.append(Channel(normalise(name), window[m.start():mention_end], start + m.start(),
                             start + mention_end))
    return sorted(found, key=lambda c: c.start)


# "told The New York Times then", "told CNN at the time": a past occasion,
# recalled for one quote
RECALLED_AFTER = re.compile(r"\s+(?:then|at\s+the\s+time|back\s+then|in\s+(?:19|20)\d\d)\b", re.I)
