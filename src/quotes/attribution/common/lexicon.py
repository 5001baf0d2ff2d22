"""Word lists the rules and speaker resolution consult, in one place.

The verb lists were drawn up from the cue words annotated in PolNeAR train
(how often a word form is a cue / how often it occurs) and from the speech-verb
lists of the GenderGapTracker and citron; lemmas, lower case.
"""
from __future__ import annotations

import re

# Verbs of saying: with a clausal complement or next to a quote they attribute.
SPEECH_VERBS = frozenset("""
say tell add write ask report note announce suggest argue tweet explain acknowledge declare
insist claim warn state reply respond concede admit deny confirm predict reiterate stress
emphasize emphasise assert contend maintain recall joke remark comment caution complain boast
allege vow pledge promise urge agree conclude reveal indicate testify answer shout yell post
email observe describe mention cite quote assure remind inform estimate speculate wonder muse
quip scoff retort counter interject proclaim chant decry bemoan recount imply hint signal
guess figure disclose notice acknowledge whisper scream cry exclaim grumble mutter marvel
lament concur elaborate clarify specify demand propose recommend advise threaten swear
vouch affirm reaffirm opine theorize posit surmise conjecture predict forecast project
explain summarize summarise preach snap fume gush sigh laugh insinuate retweet read
""".split())

# Verbs of cognition / attitude: attribute a belief when they take a clause.
COGNITION_VERBS = frozenset("""
think believe know feel expect hope fear worry doubt suspect assume understand realize realise
consider reckon bet imagine presume trust suppose sense remember forget wish
""".split())

# Evidence verbs: "a poll shows that ...", "the report found ...".
EVIDENCE_VERBS = frozenset("show find suggest indicate reveal conclude estimate project".split())

# Verbs whose object (not a clause) is what the source said or did with words:
# "X accused Y of Z", "X praised Y for Z", "X called on Y to Z".
OBJECT_SPEECH_VERBS = frozenset("""
accuse praise criticize criticise mock dismiss question reject deride denounce slam
blast attack tout hail welcome applaud thank congratulate condemn urge call endorse
report announce deny confirm acknowledge reveal claim predict promise pledge propose oppose
cite describe express
""".split())

ALL_CUE_VERBS = SPEECH_VERBS | COGNITION_VERBS | EVIDENCE_VERBS | OBJECT_SPEECH_VERBS

# Cue verbs that attribute a quote next to them even without a clause.
QUOTE_VERBS = SPEECH_VERBS | frozenset("""
praise criticize criticise blame mock dismiss question reject defend deride denounce slam blast
attack tout hail welcome applaud thank congratulate condemn urge call think believe feel continue
""".split())

# verbs whose infinitive complement is what was said or wanted
# (want / plan / refuse / tell were tried: PolNeAR marks few of them, so they cost precision)
XCOMP_CUES = frozenset("""
call urge promise vow pledge threaten demand warn encourage advise propose agree""".split())

# verbs whose object is the listener, skipped to reach the clause: "told reporters the talks ..."
LISTENER_VERBS = ("tell", "inform", "assure", "remind", "warn", "urge", "ask")

# verbs whose "that" clause the parser hangs on the listener ("told reporters that ...")
TELL_VERBS = frozenset("tell inform assure warn remind notify promise convince persuade advise".split())

# "Limbaugh continued:" closing a paragraph hands over to the speaker as surely as "added:"
BLOCK_VERBS = SPEECH_VERBS | {"continue"}

# particles that belong to the cue: "called on", "pointed out", "weighed in"
PARTICLE_CUES = {("call", "on"), ("call", "for"), ("point", "out"), ("weigh", "in"),
                 ("lash", "out"), ("speak", "out"), ("sound", "off")}

# irregular forms of cue verbs the small lemmatiser gets wrong
IRREGULAR_VERBS = {"told": "tell", "said": "say", "wrote": "write", "written": "write", "thought": "think",
                   "knew": "know", "known": "know", "felt": "feel", "found": "find", "saw": "see",
                   "swore": "swear", "sworn": "swear", "says": "say", "spoke": "speak", "read": "read"}

# Words that may stand between subject and verb and belong to PolNeAR's cue span.
CUE_ADVERBS = frozenset("""
also later previously repeatedly publicly privately recently once then still again further
earlier often frequently openly flatly quickly reportedly separately similarly explicitly
""".split())

# Days, months and relative times: a time phrase, not a speaker ("Peskov on November 7").
TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december today yesterday tonight week month year
morning evening night earlier later""".split())

REFLEXIVES = frozenset("myself yourself himself herself itself ourselves yourselves themselves".split())

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f",
                   "i": "1", "me": "1", "we": "p", "us": "p", "they": "p", "them": "p", "you": "2"}
# words that say a person is a man or a woman ("Mrs. Clinton", "the spokeswoman")
MALE_WORDS = frozenset("""mr mr. sir lord king prince man boy father husband son brother uncle
spokesman chairman congressman businessman actor""".split())
FEMALE_WORDS = frozenset("""mrs mrs. ms ms. miss lady queen princess woman girl mother wife daughter
sister aunt spokeswoman chairwoman congresswoman businesswoman actress""".split())
PRONOUNS = frozenset("he she it they we i you who which that this these those one".split())

# Head nouns of organisations and groups.
ORG_NOUNS = frozenset("""
ministry department office agency assembly government administration campaign committee party council
commission company corporation firm bank group organization organisation association union
court parliament congress senate house kremlin embassy spokesman spokeswoman spokesperson
newspaper paper network station channel magazine outlet agency service bureau institute
university foundation center centre coalition alliance team staff board authority authorities
police military army navy command force forces cabinet presidency secretariat mission
delegation caucus poll survey report study statement website blog council nato un eu
post times journal tribune herald gazette telegraph guardian chronicle examiner globe
reuters ap afp bloomberg cnn msnbc nbc cbs abc npr bbc politico axios breitbart
securities capital partners holdings inc corp llc ltd plc associates investments fund
qaeda al-qaeda hamas hezbollah taliban al-shabaab isis houthis
review news daily weekly monthly press
reserve fed treasury pentagon fbi cia nsa irs fda cdc
project initiative league society movement club federation confederation front brigade
""".split())

# plural last words of bodies' names ("United Nations", "Veterans Affairs"), never a surname
BODY_PLURALS = frozenset("nations affairs services forces industries rights studies sciences".split())

# Parties named by their members ("the Democrats"): bodies, though the name is plural.
PARTY_NOUNS = frozenset("democrats republicans conservatives liberals socialists greens tories".split())

# Head nouns of people, used both as roles ("Kremlin spokesman") and to type speakers.
PERSON_NOUNS = frozenset("""
radioman newsman newswoman anchorman anchorwoman cameraman
president minister secretary spokesman spokeswoman spokesperson senator sen rep representative
governor gov mayor chairman chairwoman chair director leader official officials adviser advisor
aide analyst expert professor candidate nominee ambassador diplomat general lawmaker lawmakers
manager chief head member strategist pollster economist attorney lawyer judge justice speaker
commissioner deputy envoy premier chancellor king queen prince mr mrs ms dr sir lord congressman
congresswoman activist founder ceo executive author writer reporter correspondent columnist
editor host anchor voter voters supporter supporters critic critics resident residents man woman
people person source sources prosecutor officer sheriff candidate delegate delegates pastor
administrator analysts experts economists researcher researchers scientist scientists doctor doctors
witness witnesses investigators diplomats lawyers attorneys protesters demonstrators parents students
negotiator negotiators
teacher nurse farmer worker driver student soldier engineer mother father son daughter wife husband
survivor survivors owner shopkeeper veteran firefighter pilot physician surgeon journalist photographer
artist musician actor actress singer player coach fan chef priest imam rabbi bishop monk businessman
businesswoman entrepreneur retiree refugee victim volunteer organizer
incumbent challenger contender hopeful front-runner frontrunner billionaire mogul magnate tycoon heir heiress
pope cardinal reverend nun princess admiral hacker comedian comic pundit blogger historian surrogate donor
megadonor rival opponent commentator
""".split())

# ("neurosurgeon", "megadonor": a long person noun ends a compound that is one too)
_LONG_PERSON_NOUNS = tuple(sorted(n for n in PERSON_NOUNS if len(n) >= 7))


def compound_person_noun(word: str) -> bool:
    """``neurosurgeon``: a word ending in a person noun of seven letters or more."""
    return word.endswith(_LONG_PERSON_NOUNS)


TITLE_WORDS = frozenset("""
mr mrs ms miss dr prof sen rep delegate gov gen col lt sgt capt adm admiral colonel sergeant captain rev rabbi pastor bishop president vice prime minister secretary
foreign defense defence interior state senator representative governor mayor chairman chairwoman
spokesman spokeswoman spokesperson ambassador general chief deputy former acting senior white
house press u.s. us uk un eu kremlin first lady justice judge attorney speaker leader majority
minority whip republican democratic democrat candidate nominee presidential foreign
senators sens representatives reps governors rival then-rival opponent
dame sir lord baroness councillor cllr councilman councilwoman alderman
assemblyman assemblywoman assemblymember congressman congresswoman
committeeman committeewoman treasurer
""".split())

COUNTRIES = frozenset("""
afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh
belarus belgium bolivia bosnia brazil britain bulgaria cambodia canada chile china colombia croatia
cuba cyprus czechia denmark egypt estonia ethiopia finland france georgia germany greece hungary
india indonesia iran iraq ireland israel italy japan jordan kazakhstan kenya kosovo kuwait
kyrgyzstan latvia lebanon libya lithuania malaysia mexico moldova mongolia montenegro morocco
netherlands nigeria norway pakistan palestine peru philippines poland portugal qatar romania russia
saudi serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan
tajikistan thailand tunisia turkey turkmenistan ukraine uzbekistan venezuela vietnam yemen
washington moscow beijing tehran ankara baku yerevan london paris berlin kyiv kiev tokyo
""".split()) | frozenset({"united states", "united kingdom", "south korea", "north korea",
                          "saudi arabia", "new zealand", "south africa", "the united states", "u.s.", "us",
                          "america", "uk", "u.k."})

# Media and agencies, for channel detection ("told AFP", "as quoted by Reuters").
MEDIA = frozenset("""
reuters afp ap bloomberg tass interfax ria xinhua cnn bbc nbc abc cbs msnbc fox npr pbs politico
axios breitbart guardian telegraph times post journal tribune herald newsweek time
cnbc wsj ft cbc dw sky itv atlantic slate vox salon politifact snopes
hbo espn mediaite newsmax univision telemundo c-span
""".split())
MEDIA_HEAD_WORDS = frozenset("news times post journal tribune herald tv radio press agency magazine network today review".split())
# the last word of a newspaper's name, capitalised ("The Observer", "The
# Spokesman-Review"); in lower case a person ("one observer said")
NEWSPAPER_HEAD_WORDS = frozenset("""gazette chronicle inquirer observer examiner dispatch courier globe telegraph
guardian enquirer sentinel bulletin standard""".split())

# platforms a post is made on: how words came, not who said them
SOCIAL_PLATFORMS = frozenset("twitter facebook instagram youtube tiktok telegram reddit linkedin".split())
# "InsideSources", "PolitiFact", "HuffPost": a brand's capitals inside one word
# (not the Mc, O', De, Van ... of a surname: "McCain", "DuVernay", "DeSantis")
BRAND_NAME = re.compile(r"^(?!Mc|Mac|O['’]|De|Du|La|Le|Di|Da|Van|Von|Fitz|St)[A-Z][a-z]+[A-Z][A-Za-z]+$")

# Nouns that name a channel when introduced by "in / at / on / during / via".
CHANNEL_NOUNS = frozenset("""
statement statements release interview interviews conference briefing comments comment remarks remark speech
speeches address
tweet tweets post posts letter email e-mail op-ed editorial column article essay memo message
podcast broadcast appearance hearing testimony video twitter facebook instagram telegram
x youtube tiktok blog website rally debate forum call session meeting
note report filing newsletter ruling motion lawsuit
""".split())
# court documents, one medium: "in its ruling", "in a motion", "in the lawsuit"
COURT_DOCUMENTS = frozenset("ruling motion lawsuit".split())

# sources a wire story leaves unnamed on purpose ("a senior official said"):
# never the person the story names later, and "the official" after is them
ANONYMOUS_HEADS = frozenset("official source aide diplomat insider".split())

# verbs of doing, not of saying, thinking or showing: in PolNeAR train a verb
# with one of these lemmas heads a gold cue in under 7 % of its 15+ uses
# (scripts/non_speech_verbs.py rebuilds the list); a claim cued by one alone
# ("voted 9-4 to approve", "failed to agree on", "saw the river burn"?) is no claim
NON_SPEECH_VERBS = frozenset("""
abandon accelerate accomplish achieve act adapt advanced affect afford aid air alienate ally amid amount apply
appreciate approach arm arrest arrive assign associate associated attend attract balance ban base be bear beat
become benefit benefite blow bolster boost borrow break bring broker build burn buy campaigning cancel
capitalize capture carry catch caucuse cause change check classify clinch close collect combat combine come
command communicate compete complete complicated compromise concern conduct confront connect contain contest
contribute control coordinate cost create crook cross crush cut damage deal defeat delay depend deploy deport
deserve destroy develop die diminish disappear disqualify do dominate donate draft drive drop earn earning eat
educated elect elevate eliminate employ end energize engage ensure enter erupt exceed exist expand extend face
fail fall feed fight fill finance finish fit fix fly follow forc force form found fuel fund gain garner gather
generate get give go govern grab grow hack hand handle happen hatred have head hear heat help hide hold honor
host hurt implement improve incite include increase influence inspire interview invest involve join keep kick
kill lack last lead leak leave legalize let lie lift limit listen live lock loom lose manage march marry match
matter mean meet minded miss move narrow need obtain occur operate organize ought overcome overlook oversee
overtake own pack participate pay perform pick play poll pose pour prepare preserve prevail prevent produce
prompt propel protect pull punch punish purchase qualify quit rally rank reach rebuild receive reduce reform
register relate remain remove repeal replace represent resign respect respected restore result retain retire
return review rig rise risk run rush save schedule score search secure select sell separate serve set settle
shape shut sit slip slow solve spend stand stay steal step stop strengthen study succeed suffer surge surround
survey survive suspend sustain swing switch tackle tax teach test trail train transform translate travel treat
undecided undermine undocument unify unite unprecedented upcoming update use vett violate visit wait walk
waste wear win work wrap
""".split())

