"""One test per attribution pattern of quotes, claims and layouts, on real
parses by the bundled pipeline (never a mocked parser), with negatives.
Speaker patterns: test_attribution_speaker_patterns.py."""
from __future__ import annotations

import pytest
from patterns import only

pytestmark = pytest.mark.slow


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

CLARIFICATION: The first sentence has been clarified.
"""


def test_transcript_turns_are_attributed_to_their_labels(run):
    records = run(TRANSCRIPT)
    wallace = only(records, speaker_mention="WALLACE")
    assert wallace.cue == ":" and wallace.content == "Let’s start with breaking news on the debate story."
    assert wallace.speaker == "Wallace"        # the label, as a name a table shows
    assert only(records, speaker_mention="PENCE").content == "Well, look, this is serious business."
    assert not [r for r in records if r.speaker_mention in ("UPDATE", "CLARIFICATION")]


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


DEBATE_TRANSCRIPT = """Transcript of the second Senate debate between Senator Luis Diaz and Ellen Reeves. Moderator: Karen Holt.
HOLT: Senator Diaz, you have ninety seconds.
DIAZ: My opponent voted against the port expansion three times.
(CROSSTALK)
REEVES: That is simply not true.
"""


def test_transcript_labels_are_the_people_its_heading_names_and_its_occasion_is_theirs(run):
    records = run(DEBATE_TRANSCRIPT)
    assert [(r.speaker, r.channel) for r in records] == [
        ("Karen Holt", "debate"), ("Luis Diaz", "debate"), ("Ellen Reeves", "debate")]   # no "Moderator" claim


QA = """The following interview with Dr Lena Vogt, director of the Baltic Fisheries Institute, has been edited.
Q: How bad is the cod collapse?
A: It is the worst we have recorded.
Q: What should governments do?
A: Close the eastern fishery for five years.
"""


def test_qa_answers_are_an_interview(run):
    records = run(QA)
    # (the questions are the interviewer's records, as PolNeAR keeps them)
    assert [(r.speaker, r.speaker_type, r.channel) for r in records] == [
        ("interviewer", "unnamed", "interview"), ("Lena Vogt", "person", "interview")] * 2


QA_ABOUT_ONE_OF_SEVERAL = """Immigration debate hits home for actress Diane Guerrero.

Actress Diane Guerrero is known for her roles as Maritza Ramos on Orange Is the New Black. Her memoir is published by Henry Holt and Company.

Q: What did you find?

A: I came home from school and my parents were gone.

Q: There's lots of talk about immigration this year. Donald Trump says we should deport them. What's the impact?

A: I think he has a lot of people afraid.
"""


def test_qa_answers_are_from_whom_the_headline_names(run):
    records = run(QA_ABOUT_ONE_OF_SEVERAL)
    assert [r.speaker for r in records if r.cue == ":"] == ["interviewer", "Diane Guerrero"] * 2
    assert only(records, cue="says").speaker == "Donald Trump"      # a claim the question reports


OP_ED = """By Priya Raman
The pharmaceutical industry likes to say that high prices pay for innovation. I don't buy it.
When I asked Dr Samuel Adeyemi, an endocrinologist in Atlanta, about his patients, he did not hesitate. "Half of them ration their insulin," he said.
The industry's trade group, the Pharmaceutical Innovation Council, says price caps would "chill investment in new cures."
I believe a cap of $35 a month is not radical.
"""


def test_an_op_ed_reads_as_its_author_wrote_it(run):
    records = run(OP_ED)
    speakers = {r.content.strip('"“”,. '): r.speaker for r in records}
    assert speakers["a cap of $35 a month is not radical"] == "Priya Raman"      # the byline's "I"
    assert speakers["Half of them ration their insulin"] == "Samuel Adeyemi"     # "he": the man asked
    assert any(r.speaker == "Pharmaceutical Innovation Council" for r in records)  # the body's name, not its description
    assert not any(r.content.strip(" .") == "it" for r in records)                # "I don't buy it" quotes nothing


WIRE_ANONYMOUS = """WASHINGTON (Reuters) - The U.S. Treasury will impose new sanctions on three shipping companies, a senior official said on Thursday.
"These firms have been warned repeatedly," the official told reporters on condition of anonymity.
The official said the companies used so-called "dark fleet" tankers that switch off their transponders.
Treasury Secretary Alan Brewer said in a statement that the measures were "targeted and proportionate."
"""


def test_an_official_left_unnamed_stays_one_unnamed_source_and_a_so_called_term_is_no_quote(run):
    records = run(WIRE_ANONYMOUS)
    official = [r for r in records if r.speaker != "Alan Brewer"]
    assert {r.speaker for r in official} == {"senior official"}        # not the secretary named later
    assert len(official) == 3
    so_called = [r for r in official if r.content.startswith("the companies")]
    assert so_called and so_called[0].kind == "indirect"              # the writer's scare quote, not theirs


def test_a_verb_of_doing_makes_no_claim():
    from quotes.attribution.filters import not_said
    from quotes.attribution.common.candidates import Candidate
    from quotes.attribution.document.parsed import from_stanza
    from quotes.nlp import parse

    text = "The partners failed to reach a deal on asylum rules. The ministry said the talks had failed."
    parsed = from_stanza(parse(text), text)
    at = {w.text: w.index for w in parsed.words}
    failed = Candidate(rule="tagger", cue_words=[at["failed"]], content_spans=[(20, 50)], kind="indirect")
    said = Candidate(rule="tagger", cue_words=[at["said"]], content_spans=[(66, 86)], kind="indirect")
    assert not_said(parsed, failed) and not not_said(parsed, said)


def test_a_dateline_is_no_part_of_a_quote_and_a_live_page_title_is_no_claim(run):
    records = run("Storm Bethan: live\n\nGENEVA — «We are not here to negotiate a ceasefire,» said the UN envoy, "
                  "Sofia Lindqvist.\n")
    assert [(r.kind, r.content, r.speaker) for r in records] == [
        ("direct", "«We are not here to negotiate a ceasefire,»", "Sofia Lindqvist")]
