"""Roles as a tracker shows them, descriptions resolved as a reader would,
occasions carried to a speaker's later quotes, first names that give a
gender. Word-level rules here; one hand-written story through the real
parser at the end."""
import pytest

from quotes.attribution.channels import find_channels, outlet_of
from quotes.attribution.common.first_names import first_name_gender
from quotes.attribution.speakers.body_descriptions import poll_name
from quotes.attribution.speakers.descriptions import titlecase_description
from quotes.attribution.speakers.naming.names import split_name_role
from quotes.attribution.speakers.roles.offices import best_role, describes_person, expand_titles, person_role, with_state

STORY = "tests/fixtures/speaker-stories/campaign-trail.txt"


@pytest.mark.parametrize("role, shown", [
    ("Sen.", "senator"),
    ("New Jersey Gov.", "New Jersey governor"),
    ("Lt. Gen.", "lieutenant general"),
    ("Secretary of State", "Secretary of State"),
])
def test_abbreviated_titles_are_spelt_out(role, shown):
    assert expand_titles(role) == shown


@pytest.mark.parametrize("title, tag, role", [
    ("Sen.", " (R-S.C.) told", "South Carolina senator"), ("Sen.", " (I-Vt.), said", "Vermont senator"),
    ("Rep.", ", R-Wis., said", "Wisconsin representative"), ("Mayor", " (D-N.Y.)", "Mayor"),
    ("Sen.", " said on Monday", "Sen."),
])
def test_a_party_tag_gives_the_state_of_an_office(title, tag, role):
    assert with_state(title, tag) == role


@pytest.mark.parametrize("role", ["lesson from", "chorus of prominent", "his business record",
                                  "at the National Review", "WASHINGTON ―", "Mr.", "rival", "Republican rival"])
def test_cut_phrases_possessions_and_places_are_not_roles(role):
    assert person_role(role) is None


@pytest.mark.parametrize("role", ["Democratic pollster", "director of the Institute for Policy Integrity",
                                  "Trump's running mate", "surgeon and daytime TV star", "ranking Democrat"])
def test_descriptions_of_people_are_roles(role):
    assert describes_person(person_role(role))


def test_the_fullest_office_is_the_role_shown():
    assert best_role(["Republican", "Republican presidential nominee", "nominee"]) == \
        "Republican presidential nominee"
    assert best_role(["New York businessman", "Republican presidential nominee"]) == "Republican presidential nominee"
    assert best_role(["Republican"]) == "Republican"
    assert best_role([None]) is None


@pytest.mark.parametrize("mention, name, role", [
    ("Mayor Bill de Blasio", "Bill de Blasio", "Mayor"),
    ("Commission President Ursula von der Leyen", "Ursula von der Leyen", "Commission President"),
    ("The latest Reuters/Ipsos opinion poll released Friday", "latest Reuters/Ipsos opinion poll released", None),
    ("Clinton on Monday", "Clinton", None),
])
def test_particles_stay_in_names_and_dates_leave_them(mention, name, role):
    assert split_name_role(mention) == (name, role)


@pytest.mark.parametrize("mention, name, role", [
    ("Co-anchor Norah O’Donnell", "Norah O’Donnell", "Co-anchor"),
    ("Co-anchor Norah O’Donnell, who was off-screen,", "Norah O’Donnell", "Co-anchor"),
    ("Rep. G.K. Butterfield, head of the Congressional Black Caucus", "G.K. Butterfield",
     "head of the Congressional Black Caucus"),
    # the object of a description before the name is not who it describes
    ("Mr. Cruz, Darran Whiting of Liberty Baptist Church in Marion", "Darran Whiting",
     "of Liberty Baptist Church in Marion"),
    ("One pastor supporting Mr. Cruz, Darran Whiting of Liberty Baptist Church", "Darran Whiting",
     "One pastor supporting Mr. Cruz"),
])
def test_a_prefixed_title_and_a_name_set_after_anothers(mention, name, role):
    assert split_name_role(mention) == (name, role)


@pytest.mark.parametrize("role, shown", [
    ("33, the community center's program coordinator", "community center's program coordinator"),
    ("69,", None),
    ("executive director on the bank's board for the United States from 2010 to 2013", "executive director"),
])
def test_an_age_is_no_role(role, shown):
    from quotes.attribution.speakers.roles.role_text import clean_role

    assert clean_role(role) == shown


@pytest.mark.parametrize("text, expected", [
    ("Retired General", True), ("Lawmaker", True), ("New Poll", True), ("Former DNC Chairman", True),
    ("Bernie Sanders", False), ("White House", False), ("Federal Reserve", False),
])
def test_headline_descriptions_are_told_from_names(text, expected):
    assert titlecase_description(text) is expected


def test_polls_are_named_by_who_ran_them():
    text = "A new CNN/ORC poll out Monday shows a tie. The poll found most voters undecided."
    assert poll_name(text, "A new CNN/ORC poll out Monday", 0) == "CNN/ORC poll"
    assert poll_name(text, "The poll", text.index("The poll")) == "CNN/ORC poll"
    assert poll_name(text, "the senator", 0) is None
    # a clause after the poll's comma
    described = "the previous Washington Post/ABC News national poll, conducted in early September,"
    assert poll_name(described, described, 0) == "Washington Post/ABC News poll"


@pytest.mark.parametrize("sentence, outlet", [
    ("On this weekend’s broadcast of “Fox News Sunday,” Gov. Mike Pence said", "Fox News"),
    ("Sanders told MSNBC's \"Morning Joe\" that nobody would question her", "MSNBC"),
    ("Caddell told Breitbart News Daily host Alex Marlow on Thursday", "Breitbart News"),
    ("Dean then appeared on MSNBC on Tuesday", "MSNBC"),
    ("Anna Smith told NBC News' Today show that the plan was reckless.", "NBC News"),
])
def test_shows_are_reported_under_their_outlet(sentence, outlet):
    assert [c.name for c in find_channels(sentence, 0, len(sentence), settings=True)] == [outlet]


@pytest.mark.parametrize("sentence, medium", [
    ("Members of the caucus held a press conference Friday afternoon.", "press conference"),
    ("Obama issued a statement in observance of the holiday.", "statement"),
    ("Giving a speech in Toledo, Clinton says the plan works.", "speech"),
    ("Trump tells his supporters at a Michigan rally to vote.", "rally"),
    ("In a Facebook message posted Friday, Cruz said he would vote for Trump.", "Facebook"),
])
def test_occasions_said_as_what_was_done_or_where(sentence, medium):
    assert [c.name for c in find_channels(sentence, 0, len(sentence), settings=True)] == [medium]


def test_a_bare_occasion_is_a_setting_not_a_channel_phrase():
    sentence = "Trump said during a rally in Kenansville that he would win."
    assert [c.name for c in find_channels(sentence, 0, len(sentence), settings=True)] == ["rally"]
    assert find_channels(sentence, 0, len(sentence)) == []
    assert outlet_of("The Steve Harvey Morning Show") == "The Steve Harvey Morning Show"


@pytest.mark.parametrize("name, gender", [("Hillary Clinton", "f"), ("Donald Trump", "m"),
                                          ("Chris Wallace", None), ("Terry Strada", None),
                                          ("Maureen Cole", "f"), ("Ibrahim Sesay", "m"), ("Nicola Sturgeon", None),
                                          ("Alexis Tsipras", None)])
def test_first_names_give_a_gender_only_when_unambiguous(name, gender):
    assert first_name_gender(name) == gender


@pytest.mark.slow
def test_a_campaign_story_reads_as_a_reader_would():
    import quotes

    records = quotes.extract(open(STORY, encoding="utf-8").read())

    def record(words):
        return next(r for r in records if words in r.content)

    senator = record("We will not back down")
    # the party tag's state names the office
    assert (senator.speaker, senator.speaker_role) == ("Bernie Sanders", "Vermont senator")
    # the rally named once carries to his next quote
    assert record("This is a movement").channel == "rally"
    assert record("This is a movement").speaker == "Bernie Sanders"
    clinton = record("lectures on arithmetic")
    assert (clinton.speaker, clinton.speaker_role) == ("Hillary Clinton", "Former Secretary of State")
    assert record("welcomed the debate").speaker == "Clinton campaign"
    assert record("welcomed the debate").channel == "statement"
    assert record("It is a fantasy").speaker_role == "Clinton's campaign manager"
    assert {record("four points").speaker, record("not yet decided").speaker} == {"Quinnipiac University poll"}
    general = record("served this country")
    assert general.speaker == "Mark Ellison" and "general" in general.speaker_role


@pytest.mark.slow
def test_a_first_name_alone_and_a_one_word_name_are_people():
    import quotes

    records = quotes.extract("Burton claims that his favorite book is a novel. He added that cats are wonderful.\n\n"
                             "Chris Anderson runs the conference. \"We want ideas,\" Chris said. "
                             "\"Ideas matter,\" he added.\n")
    assert [r.speaker for r in records if "cats" in r.content] == ["Burton"]
    assert {r.speaker for r in records if "Ideas" in r.content or "ideas" in r.content} == {"Chris Anderson"}


@pytest.mark.slow
def test_the_agency_is_the_body_named_before():
    import quotes

    records = quotes.extract("The Department of Veterans Affairs opened an inquiry on Monday. "
                             "The agency said it would publish its findings within a month.")
    assert [r.speaker for r in records if "findings" in r.content] == ["Department of Veterans Affairs"]


@pytest.mark.slow
def test_they_is_the_group_named_before():
    import quotes

    records = quotes.extract("Republicans said the plan would fail. They added that taxes would rise.")
    assert [(r.speaker, r.speaker_type) for r in records if "taxes" in r.content] == [("Republicans", "group")]


def test_a_story_that_opens_on_a_description_names_that_person_after():
    from quotes.attribution.speakers.resolve import Speaker
    from quotes.attribution.speakers.story import _lede_descriptions
    from quotes.records import PERSON, UNNAMED

    text = ("Former DNC chairman calls for contingency plan\n\n"
            "A former party chairman says leaders should act now.\n\n"
            "\u201cNow is the time,\u201d said Don Fowler.\n\n"
            "A spokesman said the party had no comment. \u201cWe will see,\u201d said Ann Lee.")
    at = text.index
    speakers = [Speaker("former DNC chairman", "Former DNC chairman", 0, 19, None, UNNAMED, True),
                Speaker("former party chairman", "A former party chairman", at("A former"), at(" says"), None,
                        UNNAMED, True),
                Speaker("Don Fowler", "Don Fowler", at("Don"), at("Don") + 10, None, PERSON, True),
                Speaker("spokesman", "A spokesman", at("A spokesman"), at(" said the"), None, UNNAMED, True),
                Speaker("Ann Lee", "Ann Lee", at("Ann"), at("Ann") + 7, None, PERSON, True)]
    out = _lede_descriptions(text, speakers)
    assert [(s.name, s.kind, s.role) for s in out[:2]] == [("Don Fowler", PERSON, "former DNC chairman"),
                                                          ("Don Fowler", PERSON, "former party chairman")]
    # past the first paragraph a description is somebody else until named
    assert (out[3].name, out[3].kind) == ("spokesman", UNNAMED)


def test_a_participle_after_a_comma_takes_the_clause_subject_where_the_parse_hung_it_on_a_noun():
    from quotes.attribution.common.candidates import Candidate
    from quotes.attribution.document.conllu import from_conllu
    from quotes.attribution.speakers.sources.spans import source_from_tree

    text = "Dean poked at Trump's sniffing during the debate, tweeting, \u201cNotice Trump.\u201d"
    rows = [("Dean", "PROPN", "_", 2, "nsubj"), ("poked", "VERB", "Tense=Past|VerbForm=Fin", 0, "root"),
            ("at", "ADP", "_", 6, "case"), ("Trump", "PROPN", "_", 6, "nmod:poss"), ("'s", "PART", "_", 4, "case"),
            ("sniffing", "NOUN", "_", 2, "obl"), ("during", "ADP", "_", 9, "case"), ("the", "DET", "_", 9, "det"),
            ("debate", "NOUN", "_", 6, "nmod"), (",", "PUNCT", "_", 11, "punct"),
            # the misparse seen on PolNeAR dev: the participle conjoined to "debate"
            ("tweeting", "VERB", "Tense=Pres|VerbForm=Part", 9, "conj"), (",", "PUNCT", "_", 2, "punct"),
            ("\u201c", "PUNCT", "_", 14, "punct"), ("Notice", "VERB", "_", 2, "parataxis"),
            ("Trump", "PROPN", "_", 14, "obj"), (".", "PUNCT", "_", 2, "punct"), ("\u201d", "PUNCT", "_", 2, "punct")]
    lines, at = [], 0
    for k, (form, upos, feats, head, rel) in enumerate(rows, 1):
        start = text.index(form, at)
        at = start + len(form)
        lines.append(f"{k}\t{form}\t{form}\t{upos}\t_\t{feats}\t{head}\t{rel}\t_\tstart_char={start}|end_char={at}")
    parsed = from_conllu("# sent_id = 0\n" + "\n".join(lines) + "\n\n", text)
    tweeting = next(w.index for w in parsed.words if w.text == "tweeting")
    cand = Candidate("tagger", [tweeting], [(text.index("\u201c"), len(text))])
    source_from_tree(parsed, cand)
    assert [parsed.words[i].text for i in cand.source_words] == ["Dean"]
    # a past participle after a comma is no action of the subject's ("..., backed by Trump")
    parsed.words[tweeting].feats = "Tense=Past|VerbForm=Part"
    cand = Candidate("tagger", [tweeting], [(text.index("\u201c"), len(text))])
    source_from_tree(parsed, cand)
    assert cand.source_words == []


@pytest.mark.parametrize("description, pinned", [("Vermont senator", True), ("Democratic nominee", True),
                                                 ("former Secretary of State", False), ("senator", False),
                                                 ("34-year-old teacher", False), ("White House", False)])
def test_an_office_pinned_by_a_place_or_party_means_the_person_just_named(description, pinned):
    from quotes.attribution.speakers.descriptions import modified_office

    assert modified_office(description) is pinned


@pytest.mark.parametrize("name, shown", [("Data from the 2014 American Community Survey", "American Community Survey"),
                                         ("Results of the Pew survey", "Pew survey"),
                                         ("data from polls", "data from polls")])
def test_data_from_a_named_source_is_that_source(name, shown):
    from quotes.attribution.speakers.naming.table_names import tidy_name

    assert tidy_name(name) == shown


@pytest.mark.parametrize("mention, name, kind", [("the United Nations", "United Nations", "organization"),
                                                 ("U.N. Women", "U.N. Women", "organization"),
                                                 ("the General Assembly", "General Assembly", "organization"),
                                                 ("The IMF", "IMF", "organization"),
                                                 ("J.R. Smith", "J.R. Smith", "person"),
                                                 ("Bernie Sanders", "Bernie Sanders", "person")])
def test_bodies_named_in_capitals_are_not_people(mention, name, kind):
    from quotes.attribution.speakers.naming.names import describe_speaker

    described = describe_speaker(mention)
    assert (described.name, described.kind) == (name, kind)


@pytest.mark.parametrize("mention, name", [("state Del. Marcia \"Cia\" Price (D-Newport News)", "Marcia Price"),
                                           ("Benicio Del Toro", "Benicio Del Toro")])
def test_a_delegates_abbreviated_title_is_no_part_of_the_name(mention, name):
    from quotes.attribution.speakers.naming.names import describe_speaker

    assert describe_speaker(mention).name == name


def test_a_paragraph_that_opens_on_a_description_is_the_person_the_next_one_opens_on():
    from quotes.attribution.speakers.resolve import Speaker
    from quotes.attribution.speakers.story import _lede_descriptions
    from quotes.records import PERSON

    text = ("The Latest: taxes\n\nWASHINGTON (AP) - The Latest on the race.\n\n"
            "Mary Ross says the party will win.\n\n"
            "Connecticut's tax commissioner says no one leaked the filings.\n\n"
            "Kevin Sullivan says he asked staff to check.\n\n"
            "The GOP nominee complained about his mic.")
    at = text.index
    speakers = [Speaker("Mary Ross", "Mary Ross", at("Mary"), at("Mary") + 9, None, PERSON, True),
                Speaker("Connecticut's tax commissioner", "Connecticut's tax commissioner", at("Connecticut"),
                        at(" says no"), None, PERSON, True),
                Speaker("Kevin Sullivan", "Kevin Sullivan", at("Kevin"), at("Kevin") + 14, None, PERSON, True),
                Speaker("GOP nominee", "The GOP nominee", at("The GOP"), at(" complained"), None, PERSON, True)]
    out = _lede_descriptions(text, speakers)
    assert (out[1].name, out[1].role) == ("Kevin Sullivan", "Connecticut's tax commissioner")
    assert out[3].name == "GOP nominee"       # no one named after it


def test_a_lede_description_with_a_party_is_not_a_person_of_another_or_unknown_party():
    from quotes.attribution.speakers.resolve import Speaker
    from quotes.attribution.speakers.story import _lede_descriptions
    from quotes.records import PERSON

    text = "Trump blames his mic\n\nThe GOP nominee complained about his mic.\n\nRival Hillary Clinton said little."
    at = text.index
    speakers = [Speaker("GOP nominee", "The GOP nominee", at("The GOP"), at(" complained"), None, PERSON, True),
                Speaker("Hillary Clinton", "Hillary Clinton", at("Hillary"), at("Hillary") + 15, None, PERSON, True)]
    assert _lede_descriptions(text, speakers)[0].name == "GOP nominee"


@pytest.mark.parametrize("mention, name, role", [
    ("Senate Minority Whip Dick Durbin (D-Ill.)", "Dick Durbin", "Senate Minority Whip"),
    ("House Majority Leader Kevin McCarthy", "Kevin McCarthy", "House Majority Leader"),
])
def test_a_whip_is_an_office_not_a_first_name(mention, name, role):
    from quotes.attribution.speakers.naming.names import describe_speaker

    described = describe_speaker(mention)
    assert (described.name, described.role) == (name, role)


@pytest.mark.parametrize("mention, name", [("Dame Susan Pike", "Susan Pike"), ("Councillor Derek Mills", "Derek Mills"),
                                           ("Sir Keir Starmer", "Keir Starmer")])
def test_honours_and_council_titles_are_no_part_of_the_name(mention, name):
    from quotes.attribution.speakers.naming.names import describe_speaker

    assert describe_speaker(mention).name == name


@pytest.mark.slow
def test_the_company_is_the_business_the_story_was_about():
    from quotes.attribution import extract

    text = ("TOULOUSE (Reuters) - Aerostral lowered its delivery target on Wednesday.\n\n"
            "\"The supply chain is not where we need it to be,\" Chief Executive Marc Lefevre told reporters.\n\n"
            "The company said in a statement that it now expected to deliver about 720 aircraft.\n\n"
            "Western Rail has cancelled all services. \"Please do not travel today,\" the company posted on X.")
    by_cue = {r.cue: r for r in extract(text)}
    assert by_cue["said in a statement"].speaker == "Aerostral"
    assert (by_cue["posted"].speaker, by_cue["posted"].channel) == ("Western Rail", "Twitter")


@pytest.mark.slow
def test_she_after_an_unnamed_woman_somewhere_is_that_woman():
    from quotes.attribution import extract

    text = ("Chief meteorologist Helen Strachan said gusts of 90mph were possible.\n\n"
            "A woman in Falmouth told us her street had flooded. \"The water just came up through the drains,\" she said.")
    said = [r for r in extract(text) if r.cue == "said" and r.kind == "direct"]
    assert said and said[0].speaker == "woman in Falmouth"


@pytest.mark.slow
def test_bodies_named_with_a_possessive_keep_their_whole_name():
    from quotes.attribution import extract

    text = ("NAIROBI (Reuters) - Kenya's central bank held its lending rate at 10.5% on Tuesday, saying "
            "inflation remained within its target range.\n\n"
            "The Information Commissioner's Office has fined the fintech Paydrift £2m. The regulator said the "
            "company had stored passwords in plain text.")
    speakers = {r.cue: r.speaker for r in extract(text)}
    assert speakers["saying"] == "Kenya's central bank"
    assert speakers["said"] == "Information Commissioner's Office"
