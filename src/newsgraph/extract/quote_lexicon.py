"""Words that signal reported speech, belief or stance (cues), by how they take their content.

Lists written for this project from the PolNeAR annotation guidelines' notion of
attribution (statements, beliefs, intentions, stance, evidence) and from the
frequent cues of the PolNeAR training split; lemmas as spaCy's lemmatizer gives them.
"""

from __future__ import annotations

# Verbs of saying: they take a clause ("said that ..."), a quotation, or stand
# parenthetically ("..., officials said").
SPEECH_VERBS = frozenset("""
say tell write add ask note report announce suggest argue describe tweet declare explain
acknowledge claim insist warn estimate confirm admit state predict promise vow pledge urge
recall respond reply propose conclude indicate reveal disclose allege assert maintain contend
complain emphasize emphasise stress testify concede boast joke quip charge demand mention
observe remark comment repeat reiterate forecast calculate caution counter continue retort
answer shout yell scream whisper tout brag lament insist speculate posit predict advise
inform assure threaten hint signal urge recommend order rule announce declare post
""".split())

# Verbs of belief, knowledge and attitude: a clause or an infinitive complement.
BELIEF_VERBS = frozenset("""
believe think fear hope expect know feel doubt suspect worry understand learn agree
want plan intend wish prefer decide seek refuse decline threaten promise find show suggest
prove demonstrate imply mean reckon assume guess figure consider realize realise recognize
recognise acknowledge remember forget notice see hear
""".split())

# Verbs whose direct object is the attributed content ("denied the report",
# "criticized the plan", "endorsed Clinton").
STANCE_VERBS = frozenset("""
deny criticize criticise endorse support oppose reject dismiss praise blame defend accuse
condemn denounce welcome question dispute cite propose announce demand call urge slam
blast attack applaud back rule
""".split())

CUE_VERBS = SPEECH_VERBS | BELIEF_VERBS | STANCE_VERBS

# Of the cue verbs, those that may stand as a parenthetical after or inside the
# content ("..., he said, ..."); belief verbs rarely do except these.
PARENTHETICAL_VERBS = SPEECH_VERBS | frozenset({"believe", "think", "fear", "know"})

# Verbs which, with a speech act as subject, are not attributions by themselves.
NON_SPEECH_SUBJECTS = frozenset({"it", "there", "this", "that", "which", "what"})

# Nouns heading an unnamed source: people in office or with a role.
OFFICIAL_NOUNS = frozenset("""
official officials spokesman spokeswoman spokesperson minister ministry police officer officers
authorities authority government governor mayor president secretary commander general colonel
army military ambassador diplomat diplomats aide aides adviser advisers advisor prosecutor
prosecutors judge senator lawmaker lawmakers representative chief sheriff lieutenant
captain sergeant inspector administration department agency council mp mps legislator
""".split())
# Nouns for bodies rather than people: their statements are an organisation's, not anonymous.
BODY_NOUNS = frozenset("""
police authorities authority government ministry administration department agency council army
military office embassy court parliament congress senate committee commission
""".split())
EXPERT_NOUNS = frozenset("""
expert experts analyst analysts professor researcher researchers scientist scientists economist
economists academic historian strategist pollster consultant doctor doctors lawyer attorney
specialist observers observer
""".split())
DOCUMENT_NOUNS = frozenset("""
report reports statement statements study survey poll polls document documents memo letter
records record data figures filing complaint indictment study analysis review audit release
communique transcript video footage email emails tweet post website
""".split())
ANONYMOUS_HEADS = frozenset("""
source sources official officials people person witnesses witness residents resident someone
insiders insider aide aides diplomat diplomats
""".split())
# A wire credit after a dateline: "BAGHDAD (Reuters) -", "May 17 (Meridian) --"; a party and
# state after a name is none ("Sen. Ana Ruiz (D-Ore.) -- the panel's top Democrat, said").
AGENCY_CREDIT = r"(?!\([RDI]-)\((?P<agency>[A-Za-z][A-Za-z .-]{1,40})\)\s*[-—–]+"
# A dateline with a wire credit, up to the credit's dash and the space after it, as the parse
# sometimes takes it into the subject after it ("May 17 (Meridian) - Colombian prosecutors").
CREDITED_DATELINE = rf"[^()\n]{{0,40}}{AGENCY_CREDIT}\s*"
# Entity labels of named speakers: people, bodies, nationalities and groups, countries and towns.
NAMED_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# The place of a dateline: a name in capitals, then an optional region or country ("HOLA,
# Kenya", "WASHINGTON"); a dash or colon follows it.
DATELINE_PLACE = r"[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+)*(?:, [A-Z][\w'’. -]*?)?"
ANONYMITY_PHRASES = ("condition of anonymity", "on condition that", "declined to be named",
                     "asked not to be named", "not authorized to", "not authorised to",
                     "speaking anonymously", "requested anonymity", "who asked not to be identified",
                     "on background", "not to be named", "did not give his name",
                     "did not give her name", "did not give their names")

# News agencies (wire services): name -> canonical name.
AGENCIES = {
    "reuters": "Reuters", "ap": "Associated Press", "associated press": "Associated Press",
    "the associated press": "Associated Press", "afp": "Agence France-Presse",
    "agence france-presse": "Agence France-Presse", "agence france presse": "Agence France-Presse",
    "upi": "United Press International", "united press international": "United Press International",
    "bloomberg": "Bloomberg", "xinhua": "Xinhua", "tass": "TASS", "itar-tass": "TASS",
    "interfax": "Interfax", "anadolu": "Anadolu Agency", "anadolu agency": "Anadolu Agency",
    "dpa": "dpa", "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo", "yonhap": "Yonhap",
    "pti": "Press Trust of India", "press trust of india": "Press Trust of India", "ians": "IANS",
    "irna": "IRNA", "sana": "SANA", "wafa": "WAFA", "ria novosti": "RIA Novosti", "ria": "RIA Novosti",
}
# Words that make an organisation name a news outlet.
OUTLET_WORDS = frozenset("""
times post journal news tribune herald guardian telegraph independent gazette chronicle
observer mail express daily weekly magazine newspaper paper radio television tv channel
broadcaster network cnn bbc nbc cbs abc fox msnbc npr politico axios breitbart huffpost
economist standard mirror sun star globe monitor press inquirer bulletin review today
courier dispatch sentinel ledger digest
""".split())
OUTLET_ANAPHORS = frozenset({"newspaper", "paper", "agency", "broadcaster", "network", "channel",
                             "outlet", "daily", "magazine", "station", "website", "site"})
