"""Name / role split and speaker types (pure string rules)."""
import pytest

from quotes.attribution.speakers.naming.names import describe_speaker, split_name_role


@pytest.mark.parametrize("mention, name, role", [
    ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "Kremlin spokesman"),
    ("U.S. Secretary of State Antony Blinken", "Antony Blinken", "U.S. Secretary of State"),
    ("Josh Earnest, the White House press secretary", "Josh Earnest", "the White House press secretary"),
    ("Ed Rendell, a former Pennsylvania governor,", "Ed Rendell", "a former Pennsylvania governor"),
    ("the Armenian Foreign Ministry", "Armenian Foreign Ministry", None),
    ("Blinken", "Blinken", None),
    ("Sen. Maria Cantwell", "Maria Cantwell", "Sen."),
    ("The opposition Christian Democrats", "Christian Democrats", "opposition"),
    ("the Ministry of Foreign Affairs", "Ministry of Foreign Affairs", None),
    ("Bank of America CEO Brian Moynihan", "Brian Moynihan", "Bank of America CEO"),
    ("Burger King", "Burger King", None),
    ("many Democrats", "Democrats", None),
    ("United Nations Secretary-General António Guterres", "António Guterres", "United Nations Secretary-General"),
    ("Analysts at Wedbush Securities", "Wedbush Securities", "Analysts"),
    ("Dan McLaughlin at the National Review", "Dan McLaughlin", "at the National Review"),
    ("Jane Smith of the Brookings Institution", "Jane Smith", "of the Brookings Institution"),
    ("one analyst, who asked not to be named", "one analyst", None),
    ("Martin Luther King Jr.", "Martin Luther King Jr.", None),
])
def test_split_name_role(mention, name, role):
    assert split_name_role(mention) == (name, role)


@pytest.mark.parametrize("mention, kind", [
    ("Kremlin spokesman Dmitry Peskov", "person"),
    ("the Armenian Foreign Ministry", "organization"),
    ("Armenia", "country"),
    ("he", "person"),
    ("Armenia and Azerbaijan", "organization"),
    ("the State Department", "organization"),
    ("Antony Blinken", "person"),
    # a description takes the type of its head noun, not of any word in it
    ("a ministry spokeswoman", "person"),
    ("spokesman for the ministry", "person"),
    ("the Ministry of Foreign Affairs", "organization"),
    ("Secretary of State", "person"),
    # "its" opening a longer mention is a determiner, not the body itself
    ("Its president, Klaus Müller,", "person"),
    ("it", "organization"),
    ("The opposition Christian Democrats", "organization"),
    ("The New York Times", "organization"),
    ("Economists at Commerzbank", "organization"),
    ("the acting administrator of the National Highway Traffic Safety Administration", "person"),
])
def test_speaker_type(mention, kind):
    assert describe_speaker(mention, "PROPN").kind == kind


@pytest.mark.parametrize("description, short", [
    ("USA TODAY analysis of super PACs that have raised $1million or more since Jan. 1", "USA TODAY"),
    ("Center for Federal Tax Policy at the more conservative Tax Foundation", "Center for Federal Tax Policy"),
    ("House Oversight and Government Reform Committee", "House Oversight and Government Reform Committee"),
    ("Political observers in Virginia and around the country", "Political observers"),
    ("former secretary of state and current Democratic presidential nominee", "former secretary of state"),
    ("Scott's relatives, including his wife", "Scott's relatives"),
    ("Byrd's", "Byrd"),
    ("critics", "critics"),
    ("event organizer Alliance to Reclaim Our Schools (AROS)", "Alliance to Reclaim Our Schools"),
    ("centrist Tax Policy Center", "Tax Policy Center"),
    ("Tax Policy Center at the Urban Institute and Brookings Institution", "Tax Policy Center"),
    ("number of other members of Congress", "members of Congress"),
    ("another example of organized labor", "organized labor"),
    ("strong majority of Democratic primary voters", "Democratic primary voters"),    # how many of them
    ("The rhetoric of Republican presidential candidates", "Republican presidential candidates"),
    ("majority leader", "majority leader"),                  # an office, not a share
    ("a RealClearPolitics average of recent polls", "RealClearPolitics"),    # whose average
    # the name after a preposition is someone else's
    ("spokeswoman for Hillary Clinton", "spokeswoman for Hillary Clinton"),
    ("the U.S. intelligence community", "the U.S. intelligence community"),    # one capital is no name
    ("insurgents affiliated with Al Qaeda", "insurgents affiliated with Al Qaeda"),
])
def test_descriptions_shrink_to_a_head_a_table_can_show(description, short):
    from quotes.attribution.speakers.naming.table_names import short_description

    assert short_description(description) == short


@pytest.mark.parametrize("name, tidy", [
    ("one Twitter user @nycsouthpaw", "@nycsouthpaw"),
    ("Data from the 2014 American Community Survey", "American Community Survey"),
    ("he and Brafman", "Brafman"),          # not "and Brafman"
    ("National Football League's Charlotte Panthers", "Charlotte Panthers"),
    ("Trump's campaign", "Trump campaign"),            # one body, as "his campaign" is named
    ("Mrs. Clinton's campaign", "Clinton campaign"),
    ("Hillary Clinton Campaign", "Clinton campaign"),
    ("Donald Trump's presidential campaign", "Trump campaign"),
    ("Vote Leave campaign", "Vote Leave campaign"),    # a campaign's own name
    ("Barnes and Noble", "Barnes and Noble"),
    ("New York Times and the Gannett", "New York Times and Gannett"),     # two bodies named together
    ("‘EUROPEANS", "EUROPEANS"),                       # a quoted headline's opening mark
    ("World Anti-Doping Agency and 14", "World Anti-Doping Agency"),     # cut before its noun
    ("Our Principles PAC", "Our Principles PAC"),      # a body's own name opening with "Our"
    ("Our Revolution", "Our Revolution"),
    ("our long", None),
])
def test_tidy_names(name, tidy):
    from quotes.attribution.speakers.naming.table_names import tidy_name

    assert tidy_name(name) == tidy


@pytest.mark.parametrize("text, place", [
    ("Tulsa, Oklahoma,", True), ("Allentown, Pa.", True), ("Trump, Clinton", False), ("Sen. Tim Kaine", False),
])
def test_a_city_and_its_state_is_a_place(text, place):
    from quotes.attribution.speakers.sources.spans import _place

    assert _place(text) is place


def test_a_headline_name_the_story_never_repeats_is_the_person_whose_surname_it_holds():
    from quotes.attribution.speakers.resolve import Speaker
    from quotes.attribution.speakers.story import _headline_names

    text = ("Gold Star Mom Corners Obama On His Refusal\n\nPresident Barack Obama answered a mother.\n\n"
            "Clinton Campaign Scrambles\n")
    speakers = [Speaker(name="Gold Star Mom Corners Obama", start=0, kind="unknown", resolved=True),
                Speaker(name="Barack Obama", start=text.index("Barack"), kind="person", resolved=True),
                Speaker(name="Clinton Campaign", start=0, kind="organization", resolved=True)]
    names = [s.name for s in _headline_names(text, speakers)]
    assert names == ["Barack Obama", "Barack Obama", "Clinton Campaign"]


@pytest.mark.parametrize("mention, kind", [("USA TODAY", "organization"), ("Daily News", "organization"),
                                           ("Ron Lieber", "person")])
def test_an_outlets_name_is_a_body(mention, kind):
    from quotes.attribution.speakers.naming.names import describe_speaker

    assert describe_speaker(mention).kind == kind


def test_a_share_of_people_is_a_group():
    from quotes.attribution.speakers.resolve import unnamed_kind

    assert unnamed_kind("Twelve percent of respondents", "unknown") == "group"


@pytest.mark.parametrize("mention, body", [("a Times article", "Times"), ("a new Politico report", "Politico"),
                                           ("the report", None), ("the Reuters/Ipsos poll", None)])
def test_a_document_speaks_for_whoever_wrote_it(mention, body):
    from quotes.attribution.speakers.body_descriptions import written_by

    assert written_by(mention) == body


@pytest.mark.parametrize("short, full, same", [("Times", "The New York Times", True), ("the Post", "The Washington Post", True),
                                               ("WHO", "World Health Organization", True), ("Times", "Times", False),
                                               ("Post", "Huffington Times", False)])
def test_an_outlet_goes_by_its_last_word(short, full, same):
    from quotes.attribution.speakers.naming.mentions import _short_form

    assert _short_form(short, full) is same


def test_a_headline_body_described_by_its_kind_is_the_first_such_body_the_story_names():
    from quotes.attribution.speakers.resolve import Speaker
    from quotes.attribution.speakers.story import _lede_bodies

    text = ("House panel votes to hold aide in contempt\n\nIt was a long day.\n\n"
            "The House Oversight and Government Reform Committee voted 19-15 on Thursday.")
    speakers = [Speaker(name="House panel", start=0, kind="organization", resolved=True),
                Speaker(name="House Oversight and Government Reform Committee", start=text.index("The House"),
                        kind="organization", resolved=True)]
    assert [s.name for s in _lede_bodies(text, speakers)] == ["House Oversight and Government Reform Committee"] * 2


@pytest.mark.parametrize("mention, name, role", [
    ("The nonpartisan Commission on Presidential Debates", "Commission on Presidential Debates", None),
    ("Bank of America CEO Brian Moynihan", "Brian Moynihan", "Bank of America CEO"),
    ("Many leaders of ethnic communities in Ohio", "Many leaders of ethnic communities in Ohio", None),
])
def test_a_bodys_name_reads_whole_from_its_head_noun(mention, name, role):
    from quotes.attribution.speakers.naming.names import split_name_role

    assert split_name_role(mention) == (name, role)


def test_the_ruling_speaks_for_the_court_named_before_it():
    from quotes.attribution.speakers.resolve import Speaker
    from quotes.attribution.speakers.story import _court_rulings

    speakers = [Speaker(name="Court of Appeals for the Sixth Circuit", mention="The appeals court", start=0,
                        kind="organization", resolved=True),
                Speaker(name="ruling", mention="the ruling", start=90, kind="unnamed", resolved=True)]
    assert [s.name for s in _court_rulings(speakers)] == ["Court of Appeals for the Sixth Circuit"] * 2


@pytest.mark.parametrize("mention, name, role", [
    ("Republican Donor Adelson", "Adelson", "Republican Donor"),     # a headline's description, capitalised
    ("Pope Francis", "Pope Francis", None),                          # how a pope is called
    ("Gary Player", "Gary Player", None),                            # a person noun as a surname
    ("the Florida Department of State", "Florida Department of State", None),
])
def test_a_person_noun_before_a_surname_is_a_role_unless_it_styles_the_name(mention, name, role):
    from quotes.attribution.speakers.naming.names import split_name_role

    assert split_name_role(mention) == (name, role)


@pytest.mark.parametrize("word, person", [("neurosurgeon", True), ("megadonor", True), ("surgeon", True),
                                          ("recession", False), ("donor", True)])
def test_a_compound_ending_in_a_long_person_noun_is_one(word, person):
    from quotes.attribution.speakers.roles.offices import person_noun

    assert person_noun(word) is person


@pytest.mark.parametrize("phrase, sponsor", [
    ("a New York Times/CBS News poll released Tuesday", "New York Times/CBS News poll"),
    ("a new CBS poll", "CBS poll"),
    ("the National Journal poll", "National Journal poll"),
    ("a national USA TODAY/Suffolk University Poll", "USA TODAY/Suffolk University Poll"),
    ("the 2014 American Community Survey", "American Community Survey"),
])
def test_a_poll_sponsors_name_keeps_its_new_or_national(phrase, sponsor):
    from quotes.attribution.speakers.body_descriptions import _sponsor

    assert _sponsor(phrase) == sponsor


@pytest.mark.parametrize("mention", ["the new poll", "The poll", "the recent 50-state poll"])
def test_a_poll_described_is_the_one_a_clause_named_by_who_ran_it(mention):
    from quotes.attribution.speakers.body_descriptions import poll_name

    text = ("The last time The Washington Post conducted a 50-state poll was in 1988.\n\n"
            "Clinton leads in Virginia, according to " + mention + ".")
    assert poll_name(text, mention, text.index(mention)) == "Washington Post 50-state poll"
