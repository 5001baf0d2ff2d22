"""Bodies and documents as speakers: a body's whole name, a campaign under
one name, a headline's verb kept out of its speaker, "the statement" or
"the cable" as the one who issued it; on real parses by the bundled pipeline
(issue 16, stop 30)."""
from __future__ import annotations

import pytest
from patterns import only

pytestmark = pytest.mark.slow

CASES = [
    # (id, text, which record, fields, what a reader gives them)
    ("a capitalised adjective opening a body's name is part of it",
     "The reports show Conservative Solutions PAC, an outside group boosting Rubio, made a major change "
     "in its advertising plans, a spokesman said.\n\n"
     "Conservative Solutions PAC said it would spend $5 million in New Hampshire.",
     {"cue": "said", "content": "it would spend $5 million in New Hampshire"}, ("speaker",),
     ("Conservative Solutions PAC",)),
    ("an outlet reporting under a name that opens with an adjective",
     "Swanson slammed the Girl Scouts on his weekly radio show, Right Wing Watch first reported.",
     {"cue": "first reported"}, ("speaker",), ("Right Wing Watch",)),
    ("a hyphen joined to a station's call letters is no dateline",
     "In Seattle, marchers honored the Orlando victims with white roses held aloft, KING-TV reported.",
     {"cue": "reported"}, ("speaker",), ("KING-TV",)),
    ("a title-case headline's verb is no part of its speaker",
     "Media Growls In Response To Kaine's Claim Clinton 'Talks To the Press Everywhere She Goes.'\n\n"
     "Hillary Clinton is very accessible to the media, Democratic vice presidential candidate Tim Kaine "
     "insisted Thursday.",
     {"cue": "Growls In Response To"}, ("speaker",), ("Media",)),
    ("'the statement' after a body responded is the body's",
     "Trump has paid his golf courses more than $260,000 since May, according to FEC records.\n\n"
     "The Trump campaign on Tuesday responded that it had expanded into larger quarters. \"Also, Mr. Trump "
     "makes a personal contribution of $2 million per month to the campaign,\" the statement said.",
     {"cue": "said"}, ("speaker", "channel"), ("Trump campaign", "statement")),
    ("'the email' a campaign sent out is the campaign's",
     "Sanders must decide what price he'll demand for his support.\n\n"
     "On Saturday, his campaign sent out a fundraising email stressing the impact of his bid. \"Our "
     "political revolution has already forced a former secretary of State to change her mind,\" the email "
     "read.",
     {"cue": "read"}, ("speaker", "channel"), ("Sanders campaign", "email")),
    ("'the cable' is the one who wrote it",
     "Two agents had traveled with Ambassador Chris Stevens.\n\n"
     "In the July 9, 2012, cable, Stevens reported, \"Overall security conditions continue to be "
     "unpredictable.\" The cable indicated 13 security personnel would be the minimum needed.",
     {"cue": "indicated"}, ("speaker", "channel"), ("Chris Stevens", "cable")),
    ("a person's campaign is one body, however it is written",
     "Donald Trump spoke in Ohio on Monday. Trump's campaign said the rally drew 10,000 people.",
     {"cue": "said"}, ("speaker",), ("Trump campaign",)),
    ("a document from a campaign is the campaign's, through that document",
     "A new ad from Donald Trump's presidential campaign is seizing on recent comments his rival made. "
     "The ad uses footage of Hillary Clinton asking, \"Why aren't I 50 points ahead?\"",
     {"cue": "uses footage of"}, ("speaker", "channel"), ("Trump campaign", "ad")),
    ("a place in an apposition is no antecedent for 'she'",
     "Gisela Grimm, 67, a retiree from Las Vegas, stood beside the broadcast set as she talked about the "
     "economy.",
     {"cue": "talked about"}, ("speaker",), ("Gisela Grimm",)),
    ("a name opening with an adjective is a body's",
     "Judicial Watch announced Tuesday that it had obtained a key email. Hillary Clinton knew of the "
     "server months before she authorized the deletion of the emails, Judicial Watch said.",
     {"cue": "said"}, ("speaker", "speaker_type"), ("Judicial Watch", "organization")),
    ("an adjective before a title inside a name is part of the role",
     "Supreme Court Justice Sonia Sotomayor said in a speech that a wise Latina woman would reach a "
     "better conclusion.",
     {"cue": "said"}, ("speaker", "speaker_role"), ("Sonia Sotomayor", "Supreme Court Justice")),
]


@pytest.mark.parametrize("text, which, fields, expected", [pytest.param(*case[1:], id=case[0]) for case in CASES])
def test_case(run, text, which, fields, expected):
    record = only(run(text), **which)
    assert tuple(getattr(record, field) for field in fields) == expected
