"""Channel phrases, normalised."""
import pytest

from quotes.attribution.channels import find_channels


@pytest.mark.parametrize("sentence, expected", [
    ("“X,” he added, as quoted by Reuters.", "Reuters"),
    ("He told AFP that the talks failed.", "AFP"),
    ("In a press release about the meetings the ministry said that", "press release"),
    ("“X,” Blinken said in public comments at the opening of the meeting.",
     "public comments at the opening of the meeting"),
    ("she said in a statement on Monday.", "statement"),
    ("Speaking on BBC Radio Wales on Wednesday, Ms Ward said:", "BBC"),
    ("he wrote on Twitter.", "Twitter"),
    ("he posted on X.", "Twitter"),      # one platform, one facet value
    ("the union said in an open letter to parents.", "letter"),
    ("in an interview with CNN, he said", "CNN"),
    ("Pence said in an interview with conservative host Greg Garrison on WIBC radio in Indianapolis.", "WIBC"),
    ("Trump told Bill O'Reilly of Fox News this week.", "Fox News"),
    ("The committee noted the comments on its website.", "website"),
    ("The judge said in her ruling that the files stay sealed.", "court filing"),
    ("The Times argued in a motion that voters deserve to know.", "court filing"),
    ("Clinton told the debate audience that race matters.", "debate"),
    ("Dan McLaughlin at the National Review agreed with Matthews.", "National Review"),
    ("he said in an interview with CNN’s Wolf Blitzer.", "CNN"),
    ("Lynch agreed to a 30-minute interview for The Washington Post's project.", "The Washington Post"),
    ("he said at a news conference in Kyiv.", "press conference"),      # one medium, one name
    ("Governor Samuel Otieno told a news conference after the decision.", "press conference"),
    ("She told France Inter radio on Monday.", "France Inter"),
    ("He told a Senate hearing that the plan failed.", "hearing"),
    ("“The media is talking,” Pence said at a town hall here.", "town hall"),
    ("she said at a town hall meeting in Iowa.", "town hall"),
    ("the bank said in a research note.", "research note"),
    ("Zelenskyy, speaking in his nightly video address, thanked allies.", "video address"),
    ("the agency said in its annual report.", "report"),       # one medium, one facet value
    ("Clinton said in her acceptance speech at the Democratic National Convention.",
     "speech at the Democratic National Convention"),
    ("Cheney said in a post-victory statement.", "statement"),
    ("he said in a follow-up interview.", "interview"),
    ("Sotomayor has said in speeches, in varying forms, before becoming a judge.", "speech"),
    ("David Axelrod, who logged on to his Twitter account to correct the record.", "Twitter"),
    ("With a tweet featuring the Gonzales flag, Abbott told Obama to come and take it.", "tweet"),
    ("Sanders told a cheering crowd in West Virginia that he expects to win.", "rally"),
    ("Will reignited his feud this week after writing a scathing Washington Post op-ed.", "Washington Post"),
    ("Sunday on Fox News channel’s “Sunday Morning Futures,” Rep. Darrell Issa said", "Fox News"),
    ("He said in a TV interview.", "television interview"),
    ("Trump told Britain’s ITV television station in an interview.", "ITV"),
    ("The difference now, he told me on Friday, is that he anchors the news.", "interview"),
    ("Limbaugh told his radio audience on Monday that the move reeks of fear.", "radio show"),
    ("Oz said on his TV show that the pill works.", "television show"),
    ("Gorski was quoted in The New Yorker's 2013 profile of Oz.", "The New Yorker"),
    ("Shah told InsideSources that Republicans are scrutinized more.", "InsideSources"),   # a brand's inner capitals
    ("Sunday, on CNN’s “State of the Union,” Governor Mary Fallin said so.", "CNN"),
    ("Brooks said so on Friday’s “PBS NewsHour.”", "PBS NewsHour"),
    ("\"I want my dues back,\" wrote Edward Nelson on the Steelworkers' Facebook page.", "Facebook"),
    ("Both denounced it in their Breitbart News Daily on SiriusXM appearances.", "Breitbart News"),
    ("She said it in her CNN interview.", "CNN"),
    ("From Andrea Peyser writing at The New York Post:", "The New York Post"),
    ("Smith wrote in The Atlantic that the plan failed.", "The Atlantic"),
    ("she told National Public Radio on Monday.", "NPR"),          # one outlet, one facet value
    ("he said on Fox News Channel.", "Fox News"),
    ("he told the WashPost on Monday.", "Washington Post"),
])
def test_channel_found(sentence, expected):
    assert [c.name for c in find_channels(sentence, 0, len(sentence))][0] == expected


@pytest.mark.parametrize("sentence", [
    "He told reporters the talks failed.",
    "He told his wife that he would run.",
    "He met Smith on the debate stage.",
    "Analysts at Wedbush Securities said sales would fall.",
    "They met in the meeting room.",
    "In the previous Washington Post/ABC News national poll, Clinton led by 5 points.",
    "Trump told McCain that the race was over.",      # a Mc name is no brand
    "Smith, who writes for Politico, argued that the plan failed.",
])
def test_no_channel(sentence):
    assert find_channels(sentence, 0, len(sentence)) == []


def test_an_occasion_broadcast_is_that_occasion():
    sentence = "Clinton told supporters in Tampa in a rally broadcast on cable networks."
    assert [c.name for c in find_channels(sentence, 0, len(sentence), settings=True)] == ["rally"]


def test_offsets_point_into_text():
    text = "Intro. He told AFP so."
    (channel,) = find_channels(text, 7, len(text))
    assert text[channel.start:channel.end] == channel.mention == "told AFP"


def test_a_document_noun_is_matched_as_a_word_of_the_channel():
    from quotes.attribution.channels.documents import issued_documents
    from quotes.attribution.channels.phrases import Channel
    from quotes.attribution.speakers.resolve import Speaker

    campaign = Speaker(name="Trump campaign", mention="The Trump campaign", start=0, end=18, kind="organization",
                       resolved=True)
    host = Speaker(name="Greg Garrison", mention="Garrison", start=60, end=68, kind="person", resolved=True)
    the_ad = Speaker(mention="The ad", start=120, end=126)
    speakers, channels = issued_documents([campaign, host, the_ad],
                                          [Channel("television ad", "in a television ad", 20, 38),
                                           Channel("radio show", "on his radio show", 70, 87), None])
    # the campaign's ad, not the host's radio show said since ("ad" inside "radio")
    assert (speakers[2].name, channels[2].name) == ("Trump campaign", "television ad")
