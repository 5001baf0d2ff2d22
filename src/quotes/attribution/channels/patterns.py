"""What channel phrases look like: one regular expression per way news
writing names an outlet or a medium ("as quoted by Reuters", "told AFP", "in
a press release", "on Fox News Sunday", "at an event"). ``phrases.find_channels``
applies them; the vocabulary names what they find."""
from __future__ import annotations

import re

from quotes.attribution.common.lexicon import CHANNEL_NOUNS

NAME = r"(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*)*"
QUOTED_BY = re.compile(r"\b(?:as\s+)?(?:quoted|cited|reported)\s+by\s+(" + NAME + ")")
TOLD = re.compile(r"\b(?:told|telling|tells|tell|(?:speaking|spoke|talking|talked)\s+to)\s+(" + NAME + ")")
# "..., Mr. Lavrov said, according to the TASS news agency": the outlet it came through
ACCORDING_TO = re.compile(r"\baccording\s+to\s+(" + NAME + r"(?:\s+news\s+agency|\s+agency)?)")
# ("with conservative host Greg Garrison": a host described before the name)
INTERVIEW_WITH = re.compile(r"\b(?i:(?:in\s+)?an?\s+(?:[\w-]+\s+)?interview\s+(?:with|for|on)\s+)"
                            r"(?:(?!the\s)[a-z][\w-]*\s+){0,3}(" + NAME + ")")
SOCIAL = re.compile(r"\b(?:on|onto|on\s+to|via|in\s+a\s+post\s+on|in\s+a\s+tweet\s+on)\s+(?:(?:the|his|her|their|its)\s+)?"
                    r"(?:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*['’]s?\s+)?(Twitter|X|Facebook|Instagram|Telegram|"
                    r"YouTube|TikTok|Truth Social|Threads|LinkedIn)\b")
DETS = r"(?:an?|the|his|her|their|its|our|this|that|one|several)\s+"
# (a modifier is never a preposition: "in Tampa in a rally" is "in a rally")
PHRASE = re.compile(r"\b(?:in|at|during|via|through)\s+(?:" + DETS + r")?"
                    r"((?:(?!(?:in|at|on|during|via|through|for|with|by|from)\s)[\w'’-]+\s+){0,3}?)"
                    r"(town\s+hall|" + "|".join(sorted((re.escape(n) for n in CHANNEL_NOUNS), key=len, reverse=True))
                    + r")\b(?!-)",
                    re.I)
# what may extend a channel phrase: the setting, not the topic
SETTING = re.compile(r"^\s+((?:at|during)\s+[^,.;:\"“”]+?)(?=[,.;:\"“”]|\s+(?:that|about|on|as|and)\b|$)")
NOISE_MODIFIERS = {"joint", "written", "brief", "short", "long", "separate", "same", "earlier", "later", "recent"}



ON_OUTLET = re.compile(r"\b(?i:said|says|told|appeared|appearing|spoke|speaking|interviewed)\s+(?:\w+\s+){0,2}?on\s+"
                       r"(?:(?:this|last|Sunday['’]s|Monday['’]s|Tuesday['’]s|Wednesday['’]s|Thursday['’]s|"
                       r"Friday['’]s|Saturday['’]s)\s+(?:\w+['’]s\s+)?(?:broadcast|edition|episode)\s+of\s+)?"
                       r"[\"“]?(" + NAME + ")")
# "on its website", "on his blog": where a body or person published it
ON_OWN = re.compile(r"\bon\s+(?:its|his|her|their|the|a|an)\s+(?:official\s+|own\s+)?(website|blog|podcast|web\s+site|"
                    r"(?:(?:radio|television|tv|talk|daily|weekly|nightly)\s+)+(?:show|program|programme))\b", re.I)
# "told his radio audience", "told listeners": a radio show
RADIO_AUDIENCE = re.compile(r"\b(?:told|tells|telling)\s+(?:his|her|their)\s+(radio|television|TV)\s+(?:audience|listeners|"
                            r"viewers)\b|\b(?:told|tells|telling)\s+(?:his|her|their)\s+(listeners)\b", re.I)
# "told the debate audience", "told the rally crowd": the occasion
TOLD_AUDIENCE = re.compile(r"\b(?:told|tells|telling)\s+(?:the|a)\s+(debate|rally|town\s+hall|convention|campaign)"
                           r"\s+(?:audience|crowd)\b", re.I)
# "he told me on Friday", "came to talk to me": the writer's own interview
TOLD_WRITER = re.compile(r"\b(?:told|tells|telling|(?:talk|talked|talking|spoke|speaking)\s+(?:to|with))\s+"
                         r"(?:me|this\s+(?:reporter|writer|newspaper|correspondent|columnist))\b", re.I)
# "quoted in The New Yorker's 2013 profile": where the words were printed
QUOTED_IN = re.compile(r"\b(?:quoted|cited)\s+in\s+(" + NAME + ")")
# "told a news conference", "told a hearing": the occasion is the channel
TOLD_OCCASION = re.compile(r"\b(?:told|tells|telling)\s+(?:the|a|an)\s+(?:[\w-]+\s+)?(news\s+conference|press\s+conference|"
                           r"news\s+briefing|press\s+briefing|briefing|hearing|rally|town\s+hall)\b")
# the host's station after an interview's host ("with host Greg Garrison on WIBC radio")
HOST_ON = re.compile(r"[^,.;:\"“”]{0,40}?\bon\s+(" + NAME + ")")
MEDIUM_AFTER = re.compile(r"\s+(?:radio|television|TV|newspaper|magazine|broadcaster)\b")
# "Dan McLaughlin at the National Review": a writer at an outlet writes in it
AT_OUTLET = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+\s+at\s+(" + NAME + ")")
# "Larry O’Connor on Hot Air wrote": a writer on a site, which printed it
ON_SITE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)+\s+on\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                     r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
                     r"November|December)\b)(" + NAME + r")(?=,?\s+(?:wrote|writes|blogged|noted|argued|observed)\b)")
# "Andrea Peyser writing at The New York Post", "wrote for Politico": the outlet that printed it
# ("who writes for Politico" is who they work for)
WRITING_AT = re.compile(r"\b(?:writing\s+(?:at|in|for)|(?:writes|wrote)\s+in)\s+(" + NAME + ")")
BROADCAST_OF = re.compile(r"\b(?:broadcast|edition|episode)\s+of\s+[\"“]?(" + NAME + ")")
# "held a press conference", "gave a speech", "issued a statement": an occasion as what was done
HELD = re.compile(r"\b(?:held|holds|holding|hold|gave|gives|giving|give|delivered|delivers|delivering|issued|"
                  r"issues|issuing|released|releases|posted|posts|sent|sends)\s+(?:an?|the|his|her|their|its)\s+"
                  r"((?:[\w'’-]+\s+){0,2}?)(press conference|news conference|statement|speech|address|"
                  r"remarks|briefing|interview|letter|memo|video|tweet|post)\b(?!-)", re.I)
# "blasted Clinton Wednesday on The Laura Ingraham Show", "on Fox News.": a
# show or outlet a speaker was on, whatever the verb (occasions only: in a
# claim's own sentence "on" may be its topic)
SHOW_WORDS = r"(?:Show|Program|Programme|Hour|Podcast|Radio|Tonight|Live)"
ON_SHOW = re.compile(r"\bon\s+[\"“]?(" + NAME + r")(?=[\"”]?\s*(?:[,.;:)]|$|\s+(?:on|this|last|that|in|at)\b))")
# "on CNN’s “State of the Union,”", "on Friday’s “PBS NewsHour.”": an outlet's show, a show on a day
# ("on Fox News channel’s “Sunday Morning Futures,”": the outlet's own word for itself)
ON_NAMED_SHOW = re.compile(r"\bon\s+(?:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(" + NAME +
                           r"))(?:\s+(?:channel|network))?['’]s?\s+[\"“](" + NAME + r")")
# "in their Breitbart News Daily on SiriusXM appearances", "in her CNN interview":
# the outlet of an appearance
OUTLET_APPEARANCE = re.compile(r"\bin\s+(?:his|her|their|its|an?|the)\s+(" + NAME + r")(?:\s+on\s+" + NAME +
                               r")?\s+(?:appearances?|interviews?|segments?|broadcasts?)\b")
# "after writing a scathing Washington Post op-ed": a piece the speaker wrote, in an outlet
WROTE_PIECE = re.compile(r"\b(?:writing|wrote|writes|penned|pens|authored)\s+(?:an?|the|his|her|their|its)\s+"
                        r"((?:[\w'’-]+\s+){0,4}?)(op-ed|column|essay|article|letter|blog\s+post)\b(?!-)", re.I)
# "Sanders told a cheering crowd in West Virginia": a rally (not any words "to a
# crowd": "shouted to the crowd" at a cookout is no rally)
TOLD_CROWD = re.compile(r"\b(?:told|tells|telling|addressed|addresses|addressing)\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?"
                        r"crowds?\b")
# "With a tweet featuring an image ..., Abbott told": what it came in
WITH_TWEET = re.compile(r"\bwith\s+(?:an?|the|his|her|their|its|this|that)\s+(?:[\w-]+\s+){0,2}?(tweets?)\b", re.I)
# "said at an event in Colorado Springs", "at his victory party", "At a recent
# fundraising gig": a speech to the people gathered there (a party only as a
# gathering: "at the Republican Party" is no occasion)
AT_EVENT = re.compile(r"\b(?:at|during)\s+(?:an?|the|his|her|their|its)\s+(?:[\w'’-]+\s+){0,2}?(?:event|fundraiser|"
                      r"gala|dinner|luncheon|breakfast|ceremony|commencement|gathering|(?:victory|watch|night)\s+party|summit|gig|"
                      r"celebration|vigil|memorial\s+service|farewell)s?\b(?!-)", re.I)
# an event named ("at the Sunshine Summit") or of a kind the vocabulary names
# ("a town hall event", "a campaign rally event"): not said to be a speech
NAMED_OR_KNOWN = re.compile(r"\b(?:[A-Z]\w*|town\s+hall|rally|debate|press|news|campaign)\s+(?:event|gathering|"
                            r"summit|dinner|gala)\b")
# "told her supporters", "told the mayors who gathered": a speech to them
TOLD_GATHERED = re.compile(r"\b(?:told|tells|telling|addressed|addresses|addressing)\s+(?:his|her|their|the)\s+"
                           r"(?:[\w-]+\s+){0,2}?(?:supporters|graduates|delegates|congregation|"
                           r"\w+\s+who\s+(?:had\s+)?gathered)\b", re.I)
# "in a statement to The Observer": the outlet that was given it
GIVEN_TO = re.compile(r"\b(?:statement|comments?|remarks|interview|email|e-mail)\s+to\s+(" + NAME + ")")
# the occasions a setting names even without a qualifier ("during the rally")
SETTING_NOUNS = frozenset("rally debate hearing".split())
