"""One test per speaker pattern (where a source starts and ends, who a
pronoun or description is), on real parses by the bundled pipeline."""
from __future__ import annotations

import pytest
from patterns import only

pytestmark = pytest.mark.slow


def test_tagged_cue_without_tagged_source_takes_the_verbs_subject(pipeline):
    from quotes.attribution.common.candidates import Candidate
    from quotes.attribution.speakers.sources.spans import source_from_tree

    parsed, warned = _parsed_up_to("The senator warned that the bill would fail.", "warned")
    cand = Candidate(rule="tagger", cue_words=[warned], content_spans=[(19, 44)])
    source_from_tree(parsed, cand)
    assert [parsed.words[i].text for i in cand.source_words] == ["The", "senator"]


def test_quote_continues_after_a_long_attribution_sentence(run):
    # PolNeAR joins the next sentence's quote to the same attribution, however
    # long the appositive between them
    first = "“That is the country's weak spot,”"
    second = "“Nothing matters more to its economy than the trade deal.”"
    text = (f"{first} said Luis Rubio, who heads a research centre for development in Mexico City "
            f"and advises several ministries. {second}")
    r = only(run(text), kind="direct", cue="said")
    assert [text[s:e] for s, e in r.content_spans] == [first, second]


def test_next_quote_with_its_own_cue_stays_apart(run):
    text = ("“The plan is sound,” said Maria Lopez, a senior adviser to the governor for many years. "
            "Her rival was unconvinced. “It will fail within a year,” he said.")
    r = only(run(text), kind="direct", speaker_mention="Maria Lopez, a senior adviser to the governor for many years")
    assert len(r.content_spans) == 1


@pytest.mark.parametrize("text, mention", [
    ("The study was done by the Treasury, which he said was “the most careful review in a decade.”", "he"),
    ("Even now at 86 she still says, “We will win the war on poverty before I die.”", "she"),
])
def test_source_span_starts_at_the_speaker(run, text, mention):
    assert mention in [r.speaker_mention for r in run(text)]


def _parsed_up_to(text: str, word: str):
    """The parse of ``text`` and the index of the first word spelt ``word``."""
    from quotes.attribution.document.parsed import from_stanza
    from quotes.nlp import parse

    parsed = from_stanza(parse(text), text)
    return parsed, next(w.index for w in parsed.words if w.text == word)


def test_trim_source_drops_an_opening_clause_and_a_trailing_date(pipeline):
    from quotes.attribution.speakers.sources.spans import trim_source

    parsed, accused = _parsed_up_to(
        "Before the talks opened Armenia and Azerbaijan accused each other of violations.", "accused")
    trimmed = trim_source(parsed, list(range(1, accused)))       # "the talks opened Armenia and Azerbaijan"
    assert [parsed.words[i].text for i in trimmed] == ["Armenia", "and", "Azerbaijan"]

    parsed, called = _parsed_up_to(
        "Kremlin spokesman Dmitry Peskov on November 7 called on both parties to stop.", "called")
    trimmed = trim_source(parsed, list(range(0, called)))
    assert [parsed.words[i].text for i in trimmed] == ["Kremlin", "spokesman", "Dmitry", "Peskov"]
    # a date that belongs to the source stays: "a poll released last week"
    parsed, found = _parsed_up_to("A poll released last week found that most voters were undecided.", "found")
    assert trim_source(parsed, list(range(0, found))) == list(range(0, found))


def test_relative_pronoun_speaker_is_the_noun_phrase_before_it(run):
    text = ("The big story of the year was the rise of Donald Trump, who said the system was rigged. "
            "Trump repeated the claim on Monday.")
    r = only(run(text), speaker_mention="who")
    assert r.speaker == "Donald Trump" and r.speaker_type == "person"


def test_so_called_names_a_thing_and_is_no_quote(run):
    text = ('The agency\'s so-called "gas emergency plan" remains at its second stage. '
            'Klaus Müller, the agency\'s president, said households should save gas.')
    records = run(text)
    assert not [r for r in records if r.cue and "called" in r.cue]
    assert only(records, cue="said").speaker == "Klaus Müller"


def test_the_bank_is_the_compound_name_before_it(run):
    text = "Economists at Commerzbank expect output to shrink next year, the bank said in a research note."
    r = only(run(text), speaker_mention="the bank")
    assert (r.speaker, r.speaker_type, r.channel) == ("Commerzbank", "organization", "research note")


def test_two_coordinated_cues_keep_their_own_content_and_share_the_speaker(run):
    text = ("NEW YORK (AP) — United Nations Secretary-General António Guterres warned world leaders on Monday "
            "that the planet is \"on a highway to climate hell\" and urged rich nations to pay for the damage.")
    records = run(text)
    warned = only(records, cue="warned")
    assert warned.content.startswith("that the planet") and "rich nations" not in warned.content
    urged = only(records, cue="urged")
    assert urged.content.startswith("rich nations")
    assert warned.speaker == urged.speaker == "António Guterres"
    assert warned.speaker_role == "United Nations Secretary-General"


def test_a_claim_passed_on_through_according_to_keeps_its_own_speaker(run):
    text = ("German Economy Minister Robert Habeck spoke to reporters on Tuesday. "
            "He added that the government would present a new relief package next week, "
            "according to a ministry spokeswoman.")
    records = run(text)
    added = only(records, cue="added")
    assert added.speaker == "Robert Habeck"
    assert added.content == "that the government would present a new relief package next week"
    assert only(records, cue="according to").speaker_type == "unnamed"   # one unnamed person: "a ministry spokeswoman"


def test_a_definite_description_after_a_named_person_is_that_person(run):
    text = ('DERNA, Libya — Ahmed Salem was asleep when the water came.\n\n'
            '"I heard a sound like an explosion," the 34-year-old teacher said.\n\n'
            'The head of the city council, Mohammed al-Mansouri, rejected the criticism. '
            '"We did everything we could," he said.')
    records = run(text)
    teacher = only(records, speaker_mention="the 34-year-old teacher")
    assert (teacher.speaker, teacher.speaker_type) == ("Ahmed Salem", "person")
    # "al-Mansouri" is a name, so "he" is him and not the teacher before him
    assert only(records, speaker_mention="he").speaker == "Mohammed al-Mansouri"


def test_an_office_is_not_taken_for_the_last_person_named(run):
    text = ("Donald Trump spoke in Ohio on Monday. "
            "The Indiana governor said the campaign would visit the state again.")
    r = only(run(text), cue="said")
    assert r.speaker != "Donald Trump"


def test_an_office_pinned_by_a_place_is_the_subject_named_in_its_sentence(run):
    text = ("Bernie Sanders spoke in Ohio on Monday.\n\n"
            "Asked whether Sanders still hears anger at Hillary Clinton, the Vermont senator said "
            "that most of his supporters had moved on.")
    r = only(run(text), cue="said")
    assert (r.speaker, r.speaker_role) == ("Bernie Sanders", "Vermont senator")


def test_a_name_the_sentence_splitter_broke_at_an_initial_stays_whole(run):
    text = ("Scott grinned and invoked the famous story John F. Kennedy told about his father, who wired, "
            "\"Dear Jack, don't buy a single vote more than is necessary.\"")
    assert only(run(text), cue="told about").speaker == "John F. Kennedy"


def test_her_campaign_is_the_campaign_of_the_last_woman_named_not_of_an_unnamed_one(run):
    text = ("Trump's favorite TV doctor has a basketful of critics.\n\n"
            "The TV doctor said she examined him.\n\n"
            "Both candidates face questions about their health, particularly after video surfaced showing an "
            "ailing Hillary Clinton stumbling to a van (her campaign later disclosed that she has pneumonia).")
    assert only(run(text), speaker_mention="her campaign").speaker == "Clinton campaign"


def test_a_hyphenated_first_name_stays_whole(run):
    text = ("Jo-Renee Formicola, a political science professor at Seton Hall University, described the race.\n\n"
            "She said the debate would lower expectations.")
    assert only(run(text), cue="said").speaker == "Jo-Renee Formicola"


def test_she_skips_a_man_and_he_skips_names_said_inside_a_quote(run):
    text = ("Mrs. Clinton spoke in Ohio on Monday. Mr. Trump spoke in Florida. "
            "She said the race was tightening.\n\n"
            "Rush Limbaugh was unimpressed. \"If Mrs. Clinton focused on that, it is all she would do,\" "
            "Limbaugh said. He added that the debate was over.")
    records = run(text)
    assert only(records, speaker_mention="She").speaker == "Clinton"
    assert only(records, cue="added").speaker == "Rush Limbaugh"


def test_a_quote_heading_the_headline_is_said_by_the_subject_after_the_colon(run):
    text = ("'It was chaos': Survivors recall the night the dam broke\n\n"
            "DERNA, Libya — Ahmed Salem was asleep when the water came.")
    r = only(run(text), kind="direct")
    # (a headline capitalises the word; the speakers table shows the group as a description)
    assert (r.content, r.speaker, r.speaker_type) == ("'It was chaos'", "survivors", "group")
    # a headline verb the tagger reads as a noun still ends the speaker
    r = only(run("'We are losing the race': UN chief warns on climate\n\nThe summit opened on Monday."),
             kind="direct")
    assert (r.content, r.speaker) == ("'We are losing the race'", "UN chief")


def test_a_quoted_headline_without_a_speaker_after_the_colon_is_left_alone(run):
    records = run("'Oppenheimer': a review\n\nThe film opened on Friday.")
    assert not [r for r in records if r.content == "'Oppenheimer'"]


def test_a_body_and_its_short_name_are_one_speaker_and_not_its_chair(run):
    text = ("Fed holds rates steady, signals cuts later this year\n\n"
            "WASHINGTON (Reuters) - The Federal Reserve held interest rates steady on Wednesday. "
            "\"We believe that our policy rate is likely at its peak,\" Fed Chair Jerome Powell told reporters.\n\n"
            "In a statement, the Fed said risks to its goals \"are moving into better balance.\"\n\n"
            "The World Health Organization said cases were rising. A WHO spokesperson, Margaret Harris, "
            "told a briefing that the WHO was worried.")
    records = run(text)
    fed = only(records, speaker_mention="the Fed")
    assert (fed.speaker, fed.speaker_type) == ("Federal Reserve", "organization")
    assert only(records, cue="told", kind="direct").speaker == "Jerome Powell"


def test_speaking_to_a_news_outlet_is_the_channel(run):
    r = only(run('Treasury Secretary Janet Yellen, speaking to CNBC, said she was "encouraged" by the data.'),
             cue="said")
    assert (r.speaker, r.channel) == ("Janet Yellen", "CNBC")


def test_a_possessive_description_right_after_a_named_person_is_that_person(run):
    text = ("Maria Lopez on Tuesday urged the council to delay the vote on the new stadium.\n\n"
            "“We need more time to read the contract,” Mayor Adams's former chief of staff said in an "
            "interview with NPR.")
    r = only(run(text), kind="direct")
    assert (r.speaker, r.channel) == ("Maria Lopez", "NPR")


def test_a_possessive_description_of_the_person_just_named_is_someone_else(run):
    text = ("Mayor Tom Reed spoke to residents on Monday.\n\n"
            "Reed's spokesman said the city would appeal the ruling.")
    assert only(run(text), cue="said").speaker != "Tom Reed"


def test_the_statement_as_a_source_is_whoever_issued_it(run):
    text = ("The nurses' union endorsed the governor on Thursday. In a statement announcing the pick, the "
            "Massachusetts Nurses Association called her a champion of patients.\n\n"
            "The statement also praised her record on hospital staffing, saying she “stands with nurses.”")
    r = only(run(text), speaker_mention="The statement")
    assert (r.speaker, r.channel) == ("Massachusetts Nurses Association", "statement")


def test_a_cue_that_names_its_medium_outranks_the_setting_of_its_topic(run):
    text = ("Howard Dean mocked the candidate's sniffing during the Monday night debate, tweeting, "
            "“Notice the sniffing all the time. Coke user?”")
    r = only(run(text), cue="tweeting")
    assert r.channel == "Twitter"


def test_a_headline_quote_was_said_where_the_story_says_the_speaker_spoke(run):
    text = ("Pence: Flowers will not attend the debate\n\n"
            "On this weekend's broadcast of “Fox News Sunday,” Gov. Mike Pence said that Gennifer Flowers "
            "would not be at the debate.\n\n"
            "“Donald Trump was mocking the Clinton campaign,” Pence said.")
    records = run(text)
    assert {r.channel for r in records if r.speaker == "Mike Pence"} == {"Fox News"}
    assert any(r.sentence == 0 for r in records if r.speaker == "Mike Pence")


def test_an_occasion_recalled_in_passing_does_not_carry_to_later_quotes(run):
    text = ("Loretta Lynch said she was asked to give a presentation to a client.\n\n"
            "\"We will get there together,\" she said at a recent news conference in Washington.\n\n"
            "\"I think women face the very real risk of not being heard,\" Lynch said.")
    records = run(text)
    assert only(records, content="\"We will get there together,\"").channel == "press conference"
    assert only(records, content="\"I think women face the very real risk of not being heard,\"").channel is None


def test_two_people_named_together_speak_as_a_pair_under_their_full_names(run):
    text = ("Senator Charles E. Grassley of Iowa and Senator Patrick J. Leahy of Vermont want changes to the "
            "program.\n\nMr. Grassley and Mr. Leahy said the program was riddled with fraud.")
    r = only(run(text), speaker_mention="Mr. Grassley and Mr. Leahy")
    assert (r.speaker, r.speaker_type) == ("Charles E. Grassley and Patrick J. Leahy", "group")


def test_a_body_named_with_and_is_no_pair(run):
    text = "The Securities and Exchange Commission said it would appeal the ruling."
    r = only(run(text), cue="said")
    assert (r.speaker, r.speaker_type) == ("Securities and Exchange Commission", "organization")


def test_a_name_written_like_another_body_is_not_that_body(run):
    text = ("Alan Cole, an economist at the Center for Federal Tax Policy, said the plan was costly.\n\n"
            "The Tax Policy Center said the plan would raise $1.1 trillion over a decade.")
    assert only(run(text), cue="said", sentence=1).speaker == "Tax Policy Center"


def test_a_participle_after_a_comma_shares_the_speaker_of_the_claim_before_it(run):
    text = ("Hillary Clinton spoke out Tuesday about the death of Terence Crutcher in Tulsa, Oklahoma, arguing "
            "that the killing of unarmed black men should be recognized as \"intolerable.\"")
    records = run(text)
    assert "Tulsa" not in {r.speaker for r in records}
    assert only(records, cue="arguing").speaker == "Hillary Clinton"



def test_an_office_pinned_by_a_party_is_the_person_the_story_is_about(run):
    text = ("Donald Trump isn't saying much about debate preparation, with one exception.\n\n"
            "The Republican presidential nominee has repeatedly wondered whether the moderators will be fair "
            "to him.\n\n\"Look, it's a phony system,\" Trump told a radio host this week.")
    r = only(run(text), speaker_mention="The Republican presidential nominee")
    assert (r.speaker, r.speaker_role) == ("Donald Trump", "Republican presidential nominee")


def test_a_party_office_is_not_the_relative_just_named(run):
    text = ("Donald Trump unveiled a child care plan on Tuesday. Donald Trump spoke in Pennsylvania. "
            "Donald Trump said the plan was fair.\n\n"
            "Ivanka Trump, his eldest daughter, noted that the plan covers six weeks of leave.\n\n"
            "The GOP candidate said on Wednesday that fathers would not be eligible.")
    assert only(run(text), speaker_mention="The GOP candidate").speaker != "Ivanka Trump"


@pytest.mark.parametrize("text, kind", [
    ('Burton claims that his favorite book is "One Hundred Years of Solitude".', "indirect"),
    ('Burton thinks that cats are "cuties".', "indirect"),
    ('Guterres called on both parties to "refrain from actions that could lead to an escalation."', "mixed"),
    ('Trump said the system was "rigged."', "mixed"),
])
def test_a_quoted_title_or_a_scare_quote_in_a_thought_leaves_a_claim_indirect(run, text, kind):
    (record,) = run(text)
    assert record.kind == kind


def test_a_paragraph_wholly_quoted_after_an_attributed_quote_is_the_same_speakers(run):
    text = ("\"We will rebuild the bridge,\" Mayor Anne Hidalgo said on Monday.\n\n"
            "\"The damage is limited to the eastern span. We expect traffic to resume within weeks.\"\n\n"
            "\"All Bets Are Off.\"\n\n"
            "The city council meets on Friday.")
    records = run(text)
    continued = only(records, content="\"The damage is limited to the eastern span. We expect traffic to resume "
                                      "within weeks.\"")
    assert (continued.kind, continued.speaker, continued.cue) == ("direct", "Anne Hidalgo", None)
    assert not [r for r in records if "All Bets" in r.content]      # a heading in quote marks is no quote


def test_a_british_quote_over_two_paragraphs_with_two_cues_is_one_record(run):
    text = ("The minister said: 'The talks were useful and both sides were serious.\n\n"
            "'We will meet again next week,' she added.")
    records = run(text)
    assert len(records) == 1 and records[0].kind == "direct" and len(records[0].content_spans) == 2


@pytest.mark.parametrize("text", [
    "Smith and Jones were named best actors at the festival on Sunday.",
    "Obesity is a known cause of diabetes.",
])
def test_a_passive_of_naming_or_knowing_is_no_claim(run, text):
    assert run(text) == []


def test_the_answers_of_a_qa_interview_are_the_interviewees(run):
    text = ("Interview with Mayor Anne Hidalgo.\n\nQ: Will the bridge reopen this year?\n\n"
            "A: We expect traffic to resume within weeks, and the eastern span will be rebuilt by spring.\n\n"
            "Q: And the cost?\n\nA: About 40 million euros.")
    records = [r for r in run(text) if r.speaker != "interviewer"]
    assert [(r.kind, r.speaker) for r in records] == [("direct", "Anne Hidalgo")] * 2
    assert records[1].content == "About 40 million euros."


def test_an_embedded_post_is_its_authors_direct_quote_on_twitter(run):
    text = ("Trump attacked Clinton overnight.\n\nCrooked Hillary is unfit to be president of our great country.\n\n"
            "— Donald J. Trump (@realDonaldTrump) September 30, 2016\n\nThe campaign did not respond.")
    r = only(run(text), cue="(@realDonaldTrump)")
    assert (r.kind, r.speaker, r.channel, r.content) == (
        "direct", "Donald J. Trump", "Twitter", "Crooked Hillary is unfit to be president of our great country.")


def test_a_pull_quote_set_out_again_is_no_second_record(run):
    text = "\"We will not back down,\" the mayor said on Monday.\n\n\"We will not back down\"\n\nThe council meets Friday."
    assert len(run(text)) == 1


def test_a_quote_nested_in_a_quote_is_part_of_it_not_a_second_span(run):
    (record,) = run("'No, I'll \"look\" first,' Smith said.")
    assert (record.kind, record.content_spans) == ("direct", [[0, 24]])


def test_a_cue_cut_off_mid_phrase_ends_before_its_preposition(run):
    (record,) = run("The ministry said in order to avoid delays it would meet again.")
    assert record.cue == "said"


def test_a_participle_opening_a_sentence_is_no_speaker(run):
    text = ("Judge Richard Berman heard the case on Monday. Having announced that he would not send "
            "me to prison, Judge Berman proceeded to hand down his sentence. In a statement, Husted "
            "said the court's decision was wrong.")
    speakers = {r.cue: r.speaker for r in run(text)}
    assert "Having" not in speakers.values()
    assert speakers.get("said") == "Husted"     # a surname Stanza tags as a participle stays


def test_a_dateline_is_never_the_speaker_of_a_block_quote(run):
    text = ("CARDIFF — In a letter read to the harbour inquiry on Thursday, the former harbourmaster, "
            "Mr Gareth Pryce, wrote:\n\n'I warned the board on three occasions that the sea wall was failing.\n\n"
            "'Nobody replied. The record should show that we knew.'\n")
    records = run(text)
    assert records and all(r.speaker == "Gareth Pryce" for r in records)
