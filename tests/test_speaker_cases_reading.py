"""Who a reader takes a record's speaker to be, and the role they read for
them, where a name sits inside a longer phrase: a wire dateline before a
name, a hyphenated role, a body whose name holds "of", a possessive's words,
a study named by its body, the person spoken of inside another's reported
words; on real parses by the bundled pipeline (issue 16, stop 31)."""
from __future__ import annotations

import pytest
from patterns import only

pytestmark = pytest.mark.slow

CASES = [
    # (id, text, which record, fields, what a reader gives them)
    ("a wire dateline in title case is no role",
     "Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Republican rival Donald Trump’s stance "
     "on Brexit, saying that “bombastic comments” do more harm than good.",
     {"cue": "saying"}, ("speaker", "speaker_role"), ("Hillary Clinton", "Democrat")),
    ("a hyphenated word ends a role whole",
     "Eric Trump, son of the Republican presidential front-runner, talked politics Monday on Fox and Friends.\n\n"
     "“She’s already turned her attention to us,” Eric Trump said.",
     {"cue": "said"}, ("speaker", "speaker_role"), ("Eric Trump", "son of the Republican presidential front-runner")),
    ("'which' after a body's name with 'of' in it is the whole body",
     "Stocks were held back by news from the Bank of Japan, which did not announce as much stimulus as many "
     "had hoped.",
     {"cue": "did not announce"}, ("speaker",), ("Bank of Japan",)),
    ("'her statement' is hers",
     "Hillary Clinton faced questions on Monday about her emails. Her initial statement said she had done "
     "nothing wrong.",
     {"cue": "said"}, ("speaker",), ("Hillary Clinton",)),
    ("a name's 'comment' is the named person's",
     "George Zornick of The Nation wrote, “You have to care.”\n\n"
     "Zornick’s comment highlighted the silence of Democrats.",
     {"cue": "highlighted"}, ("speaker",), ("George Zornick",)),
    ("a study named by its body is the body's",
     "Wages have stalled for a decade. A 2014 Labor Department study found that wages fell in most states.",
     {"cue": "found"}, ("speaker",), ("Labor Department",)),
    ("'he said' after a claim is the claimant's, not the one the claim is about",
     "Donald Trump raised money.\n\n"
     "Corey Lewandowski, Trump's campaign manager, said that the candidate was not contradicting his stance "
     "on rich donors.\n\n"
     "\"That will benefit not only Mr. Trump, but all the races down ballot,\" he said.",
     {"cue": "said", "content": "\"That will benefit not only Mr. Trump, but all the races down ballot,\""},
     ("speaker",), ("Corey Lewandowski",)),
    ("two people named with their roles speak as a pair",
     "Former Maryland Gov. Martin O’Malley (D) and former Arkansas Gov. Mike Huckabee (R) said they would "
     "run again.",
     {"cue": "said"}, ("speaker", "speaker_type"), ("Martin O’Malley and Mike Huckabee", "group")),
    ("a headline's two surnames set apart by a comma are a pair",
     "Obama, Biden to campaign for Clinton in September.\n\n"
     "President Barack Obama and Vice President Joe Biden will campaign for Hillary Clinton in September, "
     "the campaign announced Friday.",
     {"cue": "to campaign for"}, ("speaker",), ("Barack Obama and Joe Biden",)),
    ("a title-case headline's capitalised description is the person the story names",
     "Republican Medal Of Honor Winner Opens Up About Backing Clinton Over Trump.\n\n"
     "Florent Groberg, a former U.S. Army captain, spoke out in favor of Hillary Clinton on Thursday.",
     {"cue": "Opens Up About"}, ("speaker",), ("Florent Groberg",)),
    ("a title-case headline's possessive description is no one else",
     "Trump’s Son Says The Battle Against Hillary Will Be Unprecedented.\n\n"
     "As Donald Trump began tweeting out his new nickname for Hillary Clinton, his son said The Donald is just "
     "getting started.",
     {"cue": "Says"}, ("speaker",), ("Trump’s Son",)),
    ("a writer 'on' a site is named without it, the site is the channel",
     "At least one commentator liked the moniker. Larry O’Connor on Hot Air wrote, “It flows off the lips.”",
     {"cue": "wrote"}, ("speaker", "channel"), ("Larry O’Connor", "Hot Air")),
    ("a relative described by whose they are is the one the story gives that kinship",
     "Trump’s Son Says The Battle Against Hillary Will Be Unprecedented.\n\n"
     "Eric Trump, son of the Republican presidential front-runner, talked politics Monday on Fox and Friends.\n\n"
     "“She’s already turned her attention to us,” Eric Trump said.",
     {"cue": "Says"}, ("speaker",), ("Eric Trump",)),
    ("a source cut to its quantifier is the group it opens",
     "Adoptees came from countries such as Venezuela, Germany and India.\n\n"
     "Many unnaturalized adoptees try to stay under the radar, telling few people about their situations.\n\n"
     "Now, many worry that they will be deported.",
     {"cue": "telling few people about"}, ("speaker", "speaker_type"), ("Many unnaturalized adoptees", "group")),
    ("a participle after a claim is the claimant's when its source inside the claim is no one",
     "Sen. Ted Cruz, meanwhile, warned that the incident could foreshadow the future with Iran, remarking that "
     "it put into clear relief the need to scrap the nuclear agreement.",
     {"cue": "remarking"}, ("speaker",), ("Ted Cruz",)),
    ("a participle inside a claim is its own subject's",
     "Allies say that he does not see any need to fully engage either man, believing that Mrs. Clinton can "
     "handle them.",
     {"cue": "believing"}, ("speaker_mention",), ("he",)),
    ("a bare surname after a daughter named in full is hers",
     "Liz Cheney, the daughter of former Vice President Dick Cheney, was the winner of Tuesday’s Wyoming "
     "Republican primary.\n\nDick Cheney represented the district from 1979 to 1989.\n\n"
     "Liz Cheney, 50, received about 40 percent of the vote.\n\n"
     "“Now it’s time to look forward,” Cheney said in a post-victory statement.",
     {"cue": "said in a post-victory statement"}, ("speaker",), ("Liz Cheney",)),
    ("what a person is fits the job the story gave them",
     "Radio talk show host Glenn Beck minced no words Tuesday night.\n\n"
     "In a Facebook post after the speech, Beck wrote: “I couldn’t disagree with her more.”\n\n"
     "The radioman pointed out that Trump was once an advocate for many of those policies.",
     {"cue": "pointed out"}, ("speaker",), ("Glenn Beck",)),
    ("'the institute' is the institute named before, not its poll",
     "Clinton leads in California.\n\n"
     "The poll by the Public Policy Institute of California showed Clinton ahead by two points.\n\n"
     "Turnout will be high, according to the institute.",
     {"cue": "according to"}, ("speaker",), ("Public Policy Institute of California",)),
    ("a poll's name keeps the small words inside it",
     "The latest USA TODAY/Rock the Vote Poll of 18-to-34-year-olds found that most are optimistic.",
     {"cue": "found"}, ("speaker",), ("USA TODAY/Rock the Vote Poll",)),
    ("a long description ends before the participle after its plural",
     "Progressive groups encouraging Hillary Clinton to run on a platform of bold economic change say "
     "the convention went their way.",
     {"cue": "say"}, ("speaker",), ("Progressive groups",)),
    ("a word a headline runs into a name is no first name",
     "Absent Trump derides debate;\nCruz fields most attacks.\n\n"
     "Donald Trump threatened to skip the debate, and he did.\n\nTrump said the event was unfair.",
     {"cue": "said"}, ("speaker",), ("Donald Trump",)),
    ("an office said in someone's claim is someone else's",
     "One month after announcing his support for Donald Trump, Marco Rubio still believes that the presumptive "
     "GOP nominee is unfit to be commander-in-chief.",
     {"cue": "still believes"}, ("speaker", "speaker_role"), ("Marco Rubio", None)),
    ("what anyone is, 'woman', is no role",
     "A woman named Betsy Sharp spoke at the rally. “He saved our farm,” Sharp said.",
     {"cue": "said"}, ("speaker", "speaker_role"), ("Betsy Sharp", None)),
    ("'they' after a poll's figures are the people polled, never the poll",
     "Millennials say the economy matters most, a new poll finds.\n\n"
     "The latest USA TODAY/Rock the Vote Poll of 18-to-34-year-olds explores their views on government. "
     "They say they are surprisingly skeptical of it.",
     {"content": "they are surprisingly skeptical of it"}, ("speaker", "speaker_type"), ("Millennials", "group")),
    ("what research shows is said by whoever published it",
     "Stan Greenberg applauded the remarks.\n\n"
     "Democracy Corps published research on behalf of the Roosevelt Institute during the Democratic National "
     "Convention showing that key constituencies were more responsive to that message.",
     {"cue": "showing"}, ("speaker",), ("Democracy Corps",)),
    ("a poll by a body is named up to the sentence's end",
     "Millennial Democrats prefer Sanders, according to a new poll by the Harvard University Institute of "
     "Politics. Twenty-four percent said they liked him more because of it.",
     {"cue": "according to"}, ("speaker",), ("Harvard University Institute of Politics",)),
]


@pytest.mark.parametrize("text, which, fields, expected", [pytest.param(*case[1:], id=case[0]) for case in CASES])
def test_case(run, text, which, fields, expected):
    record = only(run(text), **which)
    assert tuple(getattr(record, field) for field in fields) == expected


def test_many_is_no_short_form_of_a_country_ending_in_it(run):
    text = ("Adoptees came from countries such as Venezuela, Germany and India.\n\n"
            "Now, many worry that they will be deported.")
    assert only(run(text), cue="worry").speaker != "Germany"
