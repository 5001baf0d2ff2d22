"""One test per attribution pattern, on real parses by the bundled pipeline
(never a mocked parser), with negatives."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def run(pipeline):
    from quotes.attribution import extract

    cache = {}

    def _run(text):
        if text not in cache:
            cache[text] = extract(text)
        return cache[text]
    return _run


def only(records, **want):
    found = [r for r in records if all(getattr(r, k) == v for k, v in want.items())]
    assert found, f"no record with {want} in {[r.to_dict() for r in records]}"
    return found[0]


def test_direct_quote_with_cue_after(run):
    text = "“We will keep working until the job is done,” the minister said on Monday."
    r = only(run(text), kind="direct", cue="said")
    assert r.content == "“We will keep working until the job is done,”"
    assert r.content_spans == [[0, len("“We will keep working until the job is done,”")]]
    assert r.speaker_mention == "the minister"


def test_inverted_attribution(run):
    text = "“The talks collapsed this morning,” said John Smith, a spokesman for the agency."
    r = only(run(text), kind="direct", cue="said")
    assert r.speaker_mention.startswith("John Smith")
    assert r.speaker == "John Smith"


def test_quote_split_by_attribution_is_one_record(run):
    text = "“The plan is ready,” she said, “and we will present it to parliament next week.”"
    records = [r for r in run(text) if r.cue == "said"]
    assert len(records) == 1
    assert len(records[0].content_spans) == 2
    assert records[0].kind == "direct"


def test_cue_before_quote_with_colon(run):
    text = "The senator told reporters: “This bill will not pass the Senate in its current form.”"
    r = only(run(text), kind="direct")
    assert r.cue.startswith("told")
    assert r.speaker == "senator" or "senator" in r.speaker_mention


def test_indirect_with_that(run):
    text = "The ministry said that the border would remain closed until further notice."
    r = only(run(text), kind="indirect", cue="said")
    assert r.content == "that the border would remain closed until further notice"
    assert r.speaker == "ministry" or r.speaker_mention == "The ministry"
    assert r.speaker_type == "organization"


def test_indirect_without_that(run):
    text = "Blinken said the talks would build on earlier discussions in New York."
    r = only(run(text), kind="indirect", cue="said", speaker="Blinken")
    assert r.content == "the talks would build on earlier discussions in New York"


def test_according_to(run):
    text = "According to Reuters, the two leaders will meet again in December."
    r = only(run(text), cue="According to")
    assert r.speaker_mention == "Reuters"
    assert r.content == "the two leaders will meet again in December"


def test_told_reporters_that_is_a_claim(run):
    r = only(run("She told reporters that the vote was rigged."), cue="told")
    assert r.kind == "indirect" and r.content == "that the vote was rigged"


def test_told_media_is_a_channel(run):
    text = "The general told AFP that the offensive had stalled near the river."
    r = only(run(text), cue="told")
    assert r.channel == "AFP"
    assert r.content.endswith("the offensive had stalled near the river")


def test_accused_of(run):
    text = "Armenia accused Azerbaijan of shelling villages along the border."
    r = only(run(text), cue="accused")
    assert r.content.startswith("Azerbaijan of shelling villages")
    assert r.speaker == "Armenia" and r.speaker_type == "country"


def test_called_on_with_quoted_fragment_is_mixed(run):
    text = "Kremlin spokesman Dmitry Peskov called on both parties to “refrain from actions that could lead to escalation.”"
    r = only(run(text), cue="called on")
    assert r.kind == "mixed"
    assert r.speaker == "Dmitry Peskov" and r.speaker_role == "Kremlin spokesman"
    assert r.speaker_type == "person"


def test_statement_channel_and_pronoun_resolution(run):
    text = ("Secretary of State Antony Blinken met the two ministers on Monday.\n\n"
            "“This is a real step toward peace,” he said in a statement.")
    r = only(run(text), kind="direct")
    assert r.speaker == "Antony Blinken" and r.speaker_mention == "he"
    assert r.channel == "statement"


def test_name_variants_merge(run):
    text = ("U.S. Secretary of State Antony Blinken said the meeting went well.\n\n"
            "“We are hopeful,” Blinken said.")
    speakers = {r.speaker for r in run(text) if r.cue == "said"}
    assert speakers == {"Antony Blinken"}


def test_multi_paragraph_quote(run):
    text = ("“The first part of the statement runs over one paragraph.\n\n"
            "“And the second part closes it,” the spokeswoman said.")
    r = only(run(text), kind="direct", cue="said")
    assert len(r.content_spans) == 2


@pytest.mark.parametrize("text", [
    "She read “War and Peace” last summer.",
    "The so-called “peace plan” has few friends in the region.",
    "Donald “The Donald” Trump arrived late.",
    "The film “The Long Road Home” opens on Friday.",
])
def test_titles_scare_quotes_and_nicknames_are_not_quotes(run, text):
    assert [r for r in run(text) if r.kind == "direct"] == []


def test_plain_narrative_has_no_attribution(run):
    assert run("The rest of the meeting was held behind closed doors.") == []


def test_empty_and_unbalanced_input(run):
    from quotes.attribution import extract
    assert extract("") == []
    records = extract('He said "this never closes and goes on and on')
    for r in records:
        for s, e in r.content_spans:
            assert 0 <= s < e <= len('He said "this never closes and goes on and on')


TRANSCRIPT = """Pence: Gennifer Flowers Won’t Be at Debate

WALLACE: Let’s start with breaking news on the debate story.

PENCE: Well, look, this is serious business.

UPDATE: This story has been corrected.
"""


def test_transcript_turns_are_attributed_to_their_labels(run):
    records = run(TRANSCRIPT)
    wallace = only(records, speaker_mention="WALLACE")
    assert wallace.cue == ":" and wallace.content == "Let’s start with breaking news on the debate story."
    assert only(records, speaker_mention="PENCE").content == "Well, look, this is serious business."


QUOTED_TRANSCRIPT = """Partial transcript as follows:

"WALLACE: Will Gennifer Flowers actually be there tomorrow night?

"PENCE: Well, look, Mark Cuban has been out there saying some pretty tough stuff.

"But the truth is that Donald Trump has a unique way of communicating.

"(CROSSTALK.)

"WALLACE: Governor, I want to try to get an answer.

"Follow Pam Key on Twitter @pamkeyNEN."
"""


def test_transcript_quoted_whole_keeps_turns_apart(run):
    records = run(QUOTED_TRANSCRIPT)
    first, last = [r for r in records if r.speaker_mention == "WALLACE"]
    assert first.content == "Will Gennifer Flowers actually be there tomorrow night?"
    assert last.content == "Governor, I want to try to get an answer."     # not into the sign-off
    pence = only(records, speaker_mention="PENCE")
    # the turn goes on through the paragraph that re-opens the quote, not into "(CROSSTALK.)"
    assert pence.content_spans == [
        [QUOTED_TRANSCRIPT.index("Well, look"), QUOTED_TRANSCRIPT.index(" stuff.") + 7],
        [QUOTED_TRANSCRIPT.index("But the truth"), QUOTED_TRANSCRIPT.index("communicating.") + 14]]


BLOCKS = """Limbaugh spoke on his radio show on Monday.

Limbaugh added:

And from a supposed front-runner, this reeks of the greatest fear that I have ever seen.

Later that day, the senator said:

"We have a situation where our inner cities are living in hell."

The New York Times reports:

"Just 24 percent of the contributors to her campaign so far have given $200 or less."

The network suggested that Clinton has the following tasks ahead of her tonight:

Sell her presidency to the voters.
"""


def test_block_after_a_speech_verb_and_colon(run):
    records = run(BLOCKS)
    added = only(records, cue="added:")
    assert added.speaker_mention == "Limbaugh" and added.kind == "indirect"
    assert added.content == "And from a supposed front-runner, this reeks of the greatest fear that I have ever seen"
    said = only(records, cue="said:")
    assert said.speaker_mention == "the senator" and said.kind == "direct"
    assert said.content == '"We have a situation where our inner cities are living in hell."'
    times = only(records, cue="reports:")
    assert times.speaker_mention == "The New York Times" and times.content.startswith('"Just 24 percent')
    # the verb has its own complement: the next paragraph is not what was said
    assert not [r for r in records if r.content.startswith("Sell her presidency")]


def test_headline_label_is_a_claim(run):
    r = only(run(TRANSCRIPT), speaker_mention="Pence")
    assert r.cue == ":" and r.content == "Gennifer Flowers Won’t Be at Debate"


def test_update_label_is_not_a_speaker(run):
    assert not [r for r in run(TRANSCRIPT) if r.speaker_mention and "UPDATE" in r.speaker_mention]


def test_signature_after_a_quote(run):
    text = ("“He can’t even answer a question without scaring people.” ― Esther Tapia\n"
            "“Trump must stop portraying Latinos as gangsters.”― Carla Sanchez.\n")
    tapia = only(run(text), speaker="Esther Tapia")
    assert tapia.kind == "direct" and tapia.cue == "―"
    assert tapia.content == "“He can’t even answer a question without scaring people.”"
    assert only(run(text), speaker_mention="Carla Sanchez").content.startswith("“Trump must stop")


def test_tagged_cue_without_tagged_source_takes_the_verbs_subject(pipeline):
    from quotes.attribution.common.candidates import Candidate
    from quotes.attribution.speakers.source_spans import source_from_tree

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
    from quotes.attribution.speakers.source_spans import trim_source

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
    assert (r.content, r.speaker) == ("'It was chaos'", "Survivors")
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
