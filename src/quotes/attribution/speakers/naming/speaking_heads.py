"""Which unnamed descriptions can be a speaker at all.

A claim's source may be a person ("a senior official"), people ("critics",
"many"), a body ("the union") or a text that reports ("the study", "federal
data", "the ad"). A description headed by anything else ("gray sky",
"racial issues", "policies", "the streets") is a parse that went wrong: the
record keeps its source words and offsets, but files no speaker, so the
speakers table never shows such a row.
"""
from __future__ import annotations

import re

from quotes.attribution.common.lexicon import ORG_NOUNS, PARTY_NOUNS, PERSON_NOUNS
from quotes.attribution.speakers.naming.names import HEAD_ENDS, QUANTIFIERS
from quotes.attribution.speakers.roles.offices import person_noun

# what reports, shows or says without being anyone: documents, data, media
REPORTING_NOUNS = frozenset("""
report reports study studies poll polls survey surveys data figures numbers statistics analysis analyses
research findings finding results records review reviews document documents letter letters statement
statements memo memos ad ads advertisement commercial video videos footage clip clips film documentary
book memoir article articles editorial editorials column op-ed post posts tweet tweets complaint
complaints ruling rulings filing filings lawsuit lawsuits suit indictment estimate estimates projections
projection model models census index evidence transcript transcripts email emails papers paper spot
narrator announcer website site page blog message messages release releases story stories account
accounts headline headlines audit assessment forecast forecasts verdict decision order bill law
legislation platform plan proposal proposals guidance guidelines rules rule testimony speech feature
publication publications slide slides
remarks comments comment interview interviews show program programme broadcast episode campaign
note notes card cards sign signs banner letterhead questionnaire submission brief briefs motion
petition resolution declaration agreement treaty text draft version chart graph map table list
""".split())
# people named by what they are, beyond the lexicon's person nouns
PEOPLE_WORDS = frozenset("""
everyone everybody anyone anybody someone somebody nobody none one two three four five six seven eight
nine ten dozens hundreds thousands millions others another each either neither
family families public audience crowd majority minority members member staff team percent
individual individuals friend friends advocate advocates mogul moguls insurgent insurgents militant militants
media press labor city cities state states county counties town towns country countries nation nations
college colleges school schools hospital hospitals church churches panel panels jury juries
proponent proponents opponent opponents industry industries sector lobby business businesses
independents moderates liberals conservatives progressives evangelicals undecideds respondents
third thirds quarter quarters half fifth fifths colleague colleagues neighbour neighbours neighbor neighbors
relative relatives child children kid kids teen teens teenager teenagers youth adult adults citizen citizens
local locals patient patients client clients guest guests customer customers consumer consumers shopper
shoppers viewer viewers listener listeners follower followers fan fans crew classmates peer peers
""".split())


def _speaking_word(word: str) -> bool:
    word = word.strip(".,’'-")
    if word in QUANTIFIERS or word in PEOPLE_WORDS or word in ORG_NOUNS or word in PARTY_NOUNS \
            or word in PERSON_NOUNS or word in REPORTING_NOUNS:
        return True
    singular = word[:-1] if word.endswith("s") else word
    return person_noun(word) or person_noun(singular) or singular in ORG_NOUNS or singular in REPORTING_NOUNS


def can_speak(name: str) -> bool:
    """An unnamed speaker's description holds, before any preposition, a word
    for a person, people, a body or a reporting text ("all the experts I
    interviewed", "insurgents affiliated with Al Qaeda")."""
    low = re.sub(r"['’]s?$", "", name.lower().strip())
    words = []
    for word in low.split():
        if word in HEAD_ENDS and words:
            break
        words.append(word)
    return any(_speaking_word(w) for w in words)
