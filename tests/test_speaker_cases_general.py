"""Speakers, roles and channels a reader takes from how news is written in
general, not from one story: a person spoken of inside another's reported
words, an aside the parser took for a second subject, a name inside a role,
a subject after its cue, a participle's subject, a title-case headline's
office, the press's reports, a speech at an event, a newspaper by its name;
on real parses by the bundled pipeline (issue 16, stop 32)."""
from __future__ import annotations

import pytest
from patterns import only

from quotes.attribution.channels import find_channels

pytestmark = pytest.mark.slow

CASES = [
    # (id, text, which record, fields, what a reader gives them)
    ("a person spoken of inside another's reported words is not who 'he' means",
     "One month after announcing his support for Donald Trump, Marco Rubio still believes that Trump is unfit "
     "to be commander-in-chief. “I stand by everything I said during the campaign,” he told reporters on "
     "Thursday.",
     {"cue": "told"}, ("speaker",), ("Marco Rubio",)),
    ("an aside the parser took for a second subject is the name's role",
     "Jeb Bush ended his campaign on Saturday.\n\n"
     "Mr. Bush, the former governor of Florida, said he was proud of the campaign he ran.",
     {"cue": "said"}, ("speaker", "speaker_role"), ("Jeb Bush", "former governor of Florida")),
    ("a name inside a role counts as one word of it",
     "Michael Demastus, pastor of the Fort Des Moines Church of Christ, said: "
     "\"I've heard a lot of candidates pray.\"",
     {"cue": "said:"}, ("speaker", "speaker_role"),
     ("Michael Demastus", "pastor of the Fort Des Moines Church of Christ")),
    ("a cue before its subject has the subject after it",
     "The FBI made a mistake in the background check, Comey has said. Said Comey, \"The thought that an error "
     "on our part is connected to this purchase is very painful to us.\"",
     {"cue": "Said"}, ("speaker",), ("Comey",)),
    ("a participle after a comma is the clause subject's, not its object's",
     "Fiorina was upfront about her distaste for Donald Trump, the current GOP front-runner, saying "
     "conservatives need to band together to stop him.",
     {"cue": "saying"}, ("speaker",), ("Fiorina",)),
    ("a title-case headline's office is the one the story gives it, not the topic after 'On'",
     "CNN President On Trump: 'We Do Not Pay Candidates To Appear At Debates.'\n\n"
     "CNN President Jeff Zucker isn't kowtowing to Republican presidential candidate Donald Trump, who has "
     "threatened not to show up to the next debate.\n\n"
     "\"We do not pay candidates to appear at debates,\" Zucker said on Thursday.",
     {"cue": ":"}, ("speaker",), ("Jeff Zucker",)),
    ("an aide to a titled person is not that person",
     "Ari Fleischer spoke on Monday. The former top aide to President George W. Bush said the party had lost "
     "its way.",
     {"cue": "said"}, ("speaker",), ("Ari Fleischer",)),
    ("a company named before an office is no one a later 'she' can mean",
     "Fiorina, the former Hewlett-Packard CEO who dropped her own bid in February, made a surprise appearance "
     "at the rally. She applauded him for defying the establishment.",
     {"cue": "applauded"}, ("speaker",), ("Fiorina",)),
    ("a title and 'Republican of South Carolina' after the name make one role",
     "Senator Lindsey Graham, Republican of South Carolina, said the party would come together.",
     {"cue": "said"}, ("speaker", "speaker_role"), ("Lindsey Graham", "Republican senator from South Carolina")),
    ("a description with an aside is the body of that kind named before",
     "The Wall Street Journal published an editorial on Thursday calling for Haley to be deported.\n\n"
     "The newspaper, long a vocal advocate of immigration reform, writes that Haley has sought to "
     "differentiate between the two systems.",
     {"cue": "writes"}, ("speaker",), ("Wall Street Journal",)),
    ("reports no one in particular wrote come in reports",
     "Hillary Clinton said the foundation had overwhelming disclosure, but multiple reports reveal that is "
     "untrue.",
     {"cue": "reveal"}, ("channel",), ("report",)),
]


@pytest.mark.parametrize("text, which, fields, expected", [pytest.param(*case[1:], id=case[0]) for case in CASES])
def test_case(run, text, which, fields, expected):
    record = only(run(text), **which)
    assert tuple(getattr(record, field) for field in fields) == expected


def test_an_office_is_not_the_last_named_when_they_hold_another(run):
    # the running mate, not the nominee just named with his own office
    text = ("Donald Trump, the Republican presidential nominee, spoke in Ohio on Monday.\n\n"
            "“We will win Indiana,” the Indiana governor said.")
    assert only(run(text), cue="said").speaker != "Donald Trump"


@pytest.mark.parametrize("sentence", [
    "Trump said at an event in Colorado Springs that a bomb had gone off.",
    "At a recent fundraising gig in New York, Clinton called them deplorable.",
    "Trump said at his victory party in Manchester that he would win.",
    "Clinton told her supporters that she still loves New Hampshire.",
    "But she told the mayors who gathered in Indianapolis that no one should be confused.",
])
def test_a_speech_at_a_gathering(sentence):
    assert [c.name for c in find_channels(sentence, 0, len(sentence))] == ["speech"]


@pytest.mark.parametrize("sentence, outlet", [
    ("Risch told The Spokesman-Review on Monday that he would wait.", "The Spokesman-Review"),
    ("Clinton said in a statement to The Observer that Britain is stronger in Europe.", "The Observer"),
])
def test_a_newspaper_by_its_name(sentence, outlet):
    assert [c.name for c in find_channels(sentence, 0, len(sentence))] == [outlet]


@pytest.mark.parametrize("sentence", [
    "He was angry at the Republican Party, he said.",
    "She said the debate audience booed.",
])
def test_no_gathering(sentence):
    assert "speech" not in [c.name for c in find_channels(sentence, 0, len(sentence))]
