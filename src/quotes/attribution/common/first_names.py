"""Common first names that say a person's gender, for "he" and "she".

Only names that are used overwhelmingly for one gender in English-language
news, international ones included; ambiguous ones (Chris, Jordan, Alex, Kim, Pat, Robin, Taylor,
Jean, Terry, Lee, Lindsey, Dana, Kelly, Nicola, Simone, Andrea as a man's, Dominique)
are left out, so they say nothing. A title or noun in the text ("Mrs.",
"spokeswoman") always wins over this list.
"""
MALE_FIRST_NAMES = frozenset("""
aaron abdul abraham adam adrian ahmed alan albert alexander alfred ali allen andre andrew angelo anthony
antony antonio arnold arthur barack barry ben benjamin bernard bernie bill billy bob bobby boris brad
bradley brandon brendan brett brian bruce bryan carl carlos charles charlie chuck clarence clint colin
craig dale dan daniel danny darrell dave david dean dennis derek dick dmitry don donald doug douglas
duncan dwight earl ed eddie edward elijah elliot emmanuel emmanuel eric ernest eugene evan francis
frank franklin fred frederick gary gavin george gerald gordon graham greg gregory harold harry hector
henry herbert howard hugh ian igor isaac ivan jack jacob jake james jared jason jeb jeff jeffrey jeremy
jerome jerry jim jimmy joe joel john johnny jon jonathan jose joseph josh joshua juan justin karl
keith ken kenneth kevin kirk kurt larry lawrence leon leonard louis luis luke malcolm marco
mario mark martin matt matthew max michael miguel mike mitch mitt mohammed muhammad nathan neil nicholas
nick nigel olaf oliver omar oscar patrick paul pete peter phil philip rahm ralph rand randy raul ray
raymond reince rex richard rick rob robert roberto rod roger ron ronald roy rudy rush russell ryan sam
samuel scott sean sergei sergey seth stanley stephen steve steven stuart ted thomas tim timothy
todd tom tommy tony travis trey vladimir walter warren wayne william willie xi yuri zach
abdullah abubakar ahmad akira alberto alejandro alessandro alexei alistair amir anatoly andreas andrei andres angus antoine
anton armando arturo barnaby bashar benedict bernardo bjorn bruno callum carlo cedric cesar christoph christopher chukwuemeka
cyril cyrus damian darius declan dieter dimitri dmitri domenico dominic donovan dylan eduardo elliott emeka
emil emilio enrique ernesto ethan fabio fabrice farid federico felipe felix fernando finn florian francesco francisco
franz gareth garrett gerhard gideon giovanni giuseppe glenn gonzalo gunnar gustavo hamid hank hans hassan heinrich
helmut horst hugo ibrahim ibrahima ignacio ilya ismail jacques jamal jasper javier jens joachim johann jomo
jorge juergen julian jurgen kamal karim klaus kofi konstantin kwame kyle lars liam logan lorenzo luca
lucas ludwig luigi lukas magnus manuel marcel marcelo marcus mariusz mason massimo matteo maurice mauricio maxim
mehmet michel mikhail milan miroslav mohamed mohammad moses mustafa nabil nasser nicolas nikolai nikolaos noah oleg
olumide olusegun otto owen pablo paolo pascal pavel pedro philippe pierre piotr quentin rafael rainer ramon
rashid reggie reuben reza ricardo rodrigo rolf rory ruben rupert salman salvatore samir santiago seamus
sebastian sergio shinzo simon spencer stanislav stefan sven tariq terence theo thiago tobias tomas trevor tristan
tyler uhuru ulrich umar uwe vasily viktor vincent vladislav wesley wojciech wolfgang xavier yasser yevgeny yusuf
zoltan
""".split())

FEMALE_FIRST_NAMES = frozenset("""
kamala
abigail ada alice alicia alison amanda amy ana andrea angela angelina ann anna anne annie april barbara
betsy betty beverly brenda brittany carla carly carol caroline carolyn catherine cathy charlotte
chelsea cheryl christina christine claire claudia condoleezza cynthia daisy danielle debbie
deborah debra denise diana diane donna dorothy elaine eleanor elena elizabeth ellen emily emma erica
erin eva evelyn frances gina gloria grace hannah heather heidi helen hillary huma ivana ivanka jacqueline
jane janet janice jennifer jenny jessica jill joan joanna josephine joy joyce judith judy julia julie
karen katherine kathleen kathy katie kay kayleigh kellyanne kirsten kristen laura lauren linda lisa
liz loretta louise lucy lynn margaret maria marie marilyn marsha martha mary maxine megan melania
melanie melissa meryl michele michelle mindy monica nancy naomi natalie nicole nikki nina nora olivia
pamela patricia paula peggy penny rachel rebecca rita rosa rose ruth sandra sara sarah sharon sheila
shirley sophia stephanie susan susana suzanne tamara tammy teresa theresa tina tracy tulsi ursula valerie
vanessa victoria virginia wendy whitney yvonne
abby adaeze adriana agnieszka aisha alejandra alessandra alexandra alina amalia amelia amina anastasia angelika anita
annalena antonia aurora beatrice beatriz bettina birgit bridget brigitte caitlin camila carmen cassandra catalina cecilia celine
chiamaka chiara christa clara claudine colleen courtney cristina dagmar daniela delia dolores doris edith eileen
elisa elisabeth elise elke eloise elsa esther faith fatima fatma federica folake francesca franziska gabriela gabriele
gisela giulia greta gudrun gwen hanna harriet heike helena helga hilde ilse imogen ines ingrid irene
irina iris isabel isabella isabelle jacinda jasmine jeanne joanne jodie johanna josefina juliana julieta justine karin
katarzyna kate katharina katrin kerstin kirsty larisa leah leila lena leticia lidia liliana lily lorena lorraine
lucia luciana ludmila luisa mabel magda magdalena malgorzata manuela margarita margit marianne marina marisol marjorie marta
martina mathilde maud maureen mercedes mia miriam molly monika muriel nadia nadine natalia natasha nathalie ngozi
 nkechi noreen nuria oksana olga paola patrizia penelope petra phoebe pilar priya raquel regina renate
rosario rosemary sabine sabrina sadie samira sandrine selina serena sienna silvia sofia sonia stefanie susanne
svetlana sylvia tatiana tatjana teodora tessa ulrike una valentina vera veronica viktoria vivian wanda wangari winifred
yasmin yolanda yulia zainab zoe zofia zuzana
""".split())


# either gender's: a word that is a first name at all
FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES


def first_name_gender(name: str) -> str | None:
    """"m" / "f" from a person's first name, else None."""
    first = name.split()[0].lower().strip(".,") if name.split() else ""
    if first in MALE_FIRST_NAMES:
        return "m"
    if first in FEMALE_FIRST_NAMES:
        return "f"
    return None
