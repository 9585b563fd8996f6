"""Closed-class English word lists the rules rely on.

Only generic vocabulary lives here (function words, role nouns, verb forms); never the name of a
person, place or organisation: the rules must work on history documents we have never seen.
"""

from __future__ import annotations

from typing import Final


def _words(text: str) -> set[str]:
    return set(text.split())


# fmt: off
MONTHS: Final = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

WEEKDAYS: Final = _words("""
friday monday saturday sunday thursday tuesday wednesday
""")

NUMBER_WORDS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

ORDINALS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}

DETERMINERS: Final = _words("""
a all an another any both each every her his its many most my no our several some such that the their these this
those whose your
""")

PREPOSITIONS: Final = _words("""
about above across after against along amid among amongst around at before behind below beside besides between
beyond by concerning despite during except following for from in inside into like near of off on onto out
outside over per regarding since through throughout till to toward towards under unlike until upon via with
within without
""")

SUBORDINATORS: Final = _words("""
after although as because before if once since though unless until when whenever whereas while whilst
""")

RELATIVES: Final = _words("""
that where which who whom whose
""")

CONJUNCTIONS: Final = _words("""
and but nor or so yet
""")

PRONOUNS: Final = _words("""
he her him i it me one she that them there these they this those us we what who you
""")

STOPWORDS: Final = DETERMINERS | PREPOSITIONS | SUBORDINATORS | RELATIVES | CONJUNCTIONS | PRONOUNS | _words("""
again already also always am are be been being can could did do does down either even ever few first had has
have having hence here herself himself how however indeed instead is itself just last later less made make may
might more much must neither never new next none not now often only other others own s same shall should soon st
still t than themselves then therefore three thus too two up very was well were whether why will would yes
""")

# Capitalised at the start of a sentence, these are ordinary words, not names.
SENTENCE_STARTERS: Final = STOPWORDS | _words("""
according accordingly afterward afterwards consequently earlier early eventually finally further furthermore
generally henceforth historically initially late likely likewise meanwhile moreover nevertheless nonetheless
officially originally overall perhaps second shortly similarly subsequently thanks third today tomorrow
traditionally ultimately yesterday
""")

# Hedges and opinion markers: a sentence containing one states no fact.
HEDGES: Final = (
    "likely", "perhaps", "probably", "possibly", "maybe", "presumably", "supposedly", "arguably", "apparently",
    "seemingly", "allegedly", "reportedly", "purportedly", "conceivably", "speculation", "speculate", "i think",
    "i believe", "i know of no", "i doubt", "in my opinion", "in my view", "it seems", "seems to", "seem to",
    "seemed to", "may have", "might have", "must have", "could have", "would have", "might be", "may be", "must be",
    "it is said", "it is thought", "some say", "rumoured", "rumored", "unclear", "uncertain", "not conclusively",
    "no way", "had he", "had she",
)

FIRST_SECOND_PERSON: Final = _words("""
i i'd i'm i've me mine my our ours us we we're we've you you're you've your yours
""")

# Web-page furniture: sentences containing these are boilerplate whatever else they say.
BOILERPLATE: Final = (
    "cookie", "cookies", "subscribe", "subscription", "sign up", "sign in", "log in", "login", "newsletter",
    "privacy policy", "terms of service", "terms of use", "all rights reserved", "copyright", "licensed under",
    "cc by-sa", "this answer", "your answer", "my answer", "own answer", "the answer you", "answers are voted",
    "voted up", "upvote", "downvote", "comments are not", "extended discussion", "this conversation",
    "add a comment", "thanks for contributing", "question and answer site", "stack exchange", "stack overflow",
    "click here", "read more", "learn more", "share this", "follow us", "social media", "our website",
    "our products", "premium", "exclusive content", "advertisement", "sponsored", "credit:", "photo:", "image:",
    "getty images", "back them up", "personal experience", "the poster", "sample essay", "this essay", "essay on",
    "corrections?", "author of.", "site design", "logo", "votes,", "comments.", "javascript", "browser", "download",
    "username", "password", "email", "e-mail", "http", "www.", ".com", "posted by", "reply", "retrieved",
    "accessed on", "isbn", "doi:", "see also", "edit this", "citation needed",
)

# Nouns that say what a person was: 'the famous Pragmatist philosopher', 'Spanish communist'.
ROLE_NOUNS: Final = _words("""
abolitionist activist administrator admiral adviser advisor agent ally ambassador anarchist ancestor archbishop
architect aristocrat artist assassin associate attorney aunt author backer banker baron biographer bishop
botanist brigadier brother bureaucrat businessman cadet caliph captain cardinal chair chairman
chamberlain champion chancellor chemist chief chieftain chronicler clerk co-founder colleague colonel colonist
commander commissar commissioner communist composer comptroller confidant conservative consort consul convict
corporal counsellor count countess cousin critic czar daughter dauphin dauphine defender delegate democrat
deputy descendant detective dictator diplomat director disciple doctor dramatist duchess duke earl economist
editor emigre emperor empress enemy engineer envoy exile explorer fascist father follower founder friend general
governor granddaughter grandson guerrilla head heir hero heroine historian husband industrialist
inspector insurgent intellectual inventor investigator journalist judge khan killer king knight lady
lawyer leader liberal lieutenant lieutenant-colonel lieutenant-general lord loyalist magistrate major
major-general marshal marshall martyr marxist mathematician mayor member mentor merchant minister
missionary mistress monarch monk mother murderer musician namesake nationalist navigator nephew niece nobleman
noblewoman novelist nurse officer official opponent orator organiser organizer painter partisan patriot patron
peasant pharaoh philanthropist philosopher physician physicist pilot pioneer planner playwright poet politician
pope predecessor premier president priest prime prince princess prisoner private professor prosecutor
prosecutor-general queen radical rebel reformer refugee regent republican revolutionary rival royalist ruler
sailor saint scholar scientist sculptor secretary senator sergeant settler shah sheriff sister socialist soldier
son speaker spokesman spokeswoman spy statesman steward strategist student successor successors suffragist
sultan supporter surgeon surveyor syndicalist teacher theoretician theorist thinker treasurer tribune tsar
tsarina tyrant uncle veteran vice-president viceroy victim vizier warlord widow wife worker writer
clergyman churchman abbot abbess friar nun vicar canon pastor rabbi imam courtier squire thane ealdorman
keeper novelist lawyer planter slaveholder abolitionist sympathizer sympathiser actor actress writer
""")

# Titles written before a name: "General Grant", "King Harold".
TITLES: Final = _words("""
admiral archbishop baron bishop brother captain cardinal chairman chancellor colonel commander count countess
czar dame dr duchess duke earl emir emperor empress father field general governor judge khan king lady
lieutenant lord major marshal mayor minister miss mr mrs ms pope premier president prince princess prof
professor queen rev reverend saint secretary senator shah sir sister sultan tsar
""")

# Head words that make a capitalised name an organisation, party, body or movement (kind: term).
ORG_HEADS: Final = _words("""
academy act agency alliance archive archives army assembly association bank bill bloc board brigade
bureau cabinet center centre charter church club coalition code college command commission committee communists
company confederation congress conservatives constitution convention corps council court
declaration decree democrats department diet directorate division doctrine duma dynasty edict estates
estates-general faction federation fleet force forces foundation front fund gazette government group
guard guards house institute international internationale journal law laws league legion liberals
library manifesto ministry movement museum nationalists navy office opposition order ordinance
organisation organization parliament party plan police policy politburo press program programme regiment
republicans review school secretariat senate service socialists society synod system theory times
tribunal trust union unionists university
colleges legislature vote
""")

# Head words that make a name an event (kind: event).
EVENT_HEADS: Final = _words("""
accord address affair agreement amendment annexation armistice assassination battle blockade campaign conference
conquest council coup crisis crusade day depression disaster earthquake election elections emancipation eve
exhibition expedition fair famine fire flood games incident insurrection invasion landing landings march
massacre mission mutiny oath occupation offensive olympics operation pact partition peace plague plot
proclamation purge purges putsch raid rebellion reformation restoration revolt revolution riot riots rising rush
scandal schism secession siege stockade strike terror treaty trial trials truce uprising war wars
compromise festival prix airshow
""")

# Head words of place names; PLACE_NOUNS: what an apposition calls a place ('a suburb of X').
PLACE_HEADS: Final = _words("""
abbey bay bridge canal cape castle cathedral city coast colony county desert district empire falls forest fort
fortress gulf harbor harbour hills island islands isle isles kingdom lake land lands mount mountain mountains
ocean palace park peninsula plain plains port prison province range region republic river sea shire square
states strait straits street territory town valley village
area areas airport beach counties fault zone ranges alps suburbs
ground stadium arena racecourse
""")

PLACE_NOUNS: Final = _words("""
capital city colony country county district fortress harbor harbour island kingdom outpost peninsula port
province region republic settlement state suburb territory town valley village
""")

PLACE_PREPS: Final = _words("""
across around at from in into near outside through throughout to toward towards
""")

WORK_NOUNS: Final = _words("""
account article autobiography biography book books chronicle chronicles diaries diary epic essay essays film
history hymn journal letter letters magazine manifesto memoir memoirs newspaper novel opera painting pamphlet
play poem report saga sermon song speech study symphony tapestry testament text tract treatise volume work works
""")

AUXILIARIES: Final = _words("""
are can could did do does had has have is may might must shall should was were will would
""")

REPORTING: Final = _words("""
argued argues asserted asserts believed believes claimed claims insisted insists noted notes realised realized
recalled recalls said says stated states suggested suggests surmised thinks thought writes wrote
""")

# -ed words that are adjectives or nouns, not verbs.
NOT_VERBS_ED: Final = _words("""
advanced aged alleged armed based bed beloved biased blessed bloodshed bred breed celebrated concerned creed
crooked dedicated deed detailed devoted disputed distinguished divided dogged doomed educated elected embed
ensued exiled experienced fabled famed fated fed feed greed hundred indeed infrared interested isolated kindred
learned led limited marked married mixed naked need noted oppressed ousted ragged red reed related renowned
rugged sacred seed shed shred skilled sled so-called sophisticated speed steed storied supposed talented
undisputed unexpected united unmarried unprecedented used varied vaunted watershed wed weed wicked wretched
""")

# -ed words that the list above blocks as adjectives but that are verbs after a noun subject.
ED_VERBS_AFTER_SUBJECT: Final = _words("""
advanced armed based celebrated concerned dedicated detailed devoted divided elected exiled fed isolated led
marked married mixed noted ousted shed supposed united used
""")

# First words that make a capitalised sequence a place or an event rather than a person.
NAME_ADJECTIVES: Final = _words("""
ancient black central democratic early east eastern federal first free grand great greater high holy imperial
inner late little lower medieval middle modern national new north northern old outer people's red royal second
socialist south southern third united upper west western white
""")

# First words that decide a name's kind: 'Operation X' is an event, 'Lake X' a place.
FIRST_WORD_KINDS: Final = {
    "operation": "event", "lake": "place", "mount": "place", "mt.": "place", "fort": "place", "cape": "place",
    "port": "place", "isle": "place", "camp": "place", "st.": "place", "saint": "place", "project": "term",
    "plan": "term", "battle": "event", "siege": "event", "treaty": "event", "university": "term", "bay": "place",
    "gulf": "place", "river": "place", "downtown": "place",
}

# "History of the Russian Revolution" is a book: these first words make an of-title a work.
WORK_FIRST_WORDS: Final = _words("""
account age annals chronicles commentaries critique decline diary discourse elements essay history journal
letters life lives memoir memoirs notes origin origins principles reflections rights spirit story tale theory
travels treatise voyage wealth
""")
# fmt: on
