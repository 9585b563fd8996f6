"""English verb morphology, just enough to turn statements into questions.

"Mercader struck Trotsky" -> "did Mercader strike Trotsky": a past form must become its base form;
"a commission chaired by X" -> "who chaired the commission": a participle becomes a past form.
"""

from __future__ import annotations

from typing import Final

# base, past, past participle
_IRREGULAR: Final = """
arise arose arisen; awake awoke awoken; be was been; bear bore borne; beat beat beaten; become became become;
begin began begun; bend bent bent; bet bet bet; bid bid bid; bind bound bound; bite bit bitten;
bleed bled bled; blow blew blown; break broke broken; breed bred bred; bring brought brought;
build built built; burn burnt burnt; burst burst burst; buy bought bought; cast cast cast; catch caught caught;
choose chose chosen; cling clung clung; come came come; cost cost cost; creep crept crept; cut cut cut;
deal dealt dealt; dig dug dug; do did done; draw drew drawn; dream dreamt dreamt; drink drank drunk;
drive drove driven; dwell dwelt dwelt; eat ate eaten; fall fell fallen; feed fed fed; feel felt felt;
fight fought fought; find found found; flee fled fled; fling flung flung; fly flew flown; forbid forbade forbidden;
forget forgot forgotten; forgive forgave forgiven; forsake forsook forsaken; freeze froze frozen; get got got;
give gave given; go went gone; grind ground ground; grow grew grown; hang hung hung; have had had; hear heard heard;
hide hid hidden; hit hit hit; hold held held; hurt hurt hurt; keep kept kept; kneel knelt knelt; know knew known;
lay laid laid; lead led led; lean leant leant; leap leapt leapt; learn learnt learnt; leave left left;
lend lent lent; let let let; lie lay lain; light lit lit; lose lost lost; make made made; mean meant meant;
meet met met; mislead misled misled; overcome overcame overcome; overthrow overthrew overthrown;
overtake overtook overtaken; pay paid paid; prove proved proven; put put put; quit quit quit; read read read;
rebuild rebuilt rebuilt; ride rode ridden; ring rang rung; rise rose risen; run ran run; say said said;
see saw seen; seek sought sought; sell sold sold; send sent sent; set set set; shake shook shaken;
shine shone shone; shoot shot shot; show showed shown; shrink shrank shrunk; shut shut shut; sing sang sung;
sink sank sunk; sit sat sat; slay slew slain; sleep slept slept; slide slid slid; speak spoke spoken;
spend spent spent; spin spun spun; split split split; spread spread spread; spring sprang sprung;
stand stood stood; steal stole stolen; stick stuck stuck; sting stung stung; strike struck struck;
strive strove striven; swear swore sworn; sweep swept swept; swim swam swum; swing swung swung; take took taken;
teach taught taught; tear tore torn; tell told told; think thought thought; throw threw thrown;
thrust thrust thrust; undergo underwent undergone; understand understood understood; undertake undertook undertaken;
uphold upheld upheld; upset upset upset; wake woke woken; wear wore worn; weave wove woven; weep wept wept;
win won won; wind wound wound; withdraw withdrew withdrawn; withstand withstood withstood; write wrote written;
forecast forecast forecast; foresee foresaw foreseen; mistake mistook mistaken; outdo outdid outdone;
withhold withheld withheld; overrun overran overrun; oversee oversaw overseen; override overrode overridden;
"""

PAST_TO_BASE: Final[dict[str, str]] = {}
PARTICIPLE_TO_PAST: Final[dict[str, str]] = {}
IRREGULAR_PAST: Final[set[str]] = set()
IRREGULAR_PARTICIPLE: Final[set[str]] = set()
for _entry in _IRREGULAR.replace("\n", " ").split(";"):
    _parts = _entry.split()
    if len(_parts) == 3:
        _base, _past, _pp = _parts
        PAST_TO_BASE.setdefault(_past, _base)
        PARTICIPLE_TO_PAST.setdefault(_pp, _past)
        IRREGULAR_PAST.add(_past)
        IRREGULAR_PARTICIPLE.add(_pp)
PAST_TO_BASE["was"] = PAST_TO_BASE["were"] = "be"
# Past forms that are far more often other words in history prose.
for _w in (
    "lay",
    "found",
    "bound",
    "ground",
    "wound",
    "lit",
    "left",
    "set",
    "cast",
    "read",
    "put",
    "let",
    "cut",
    "hit",
    "bet",
    "bid",
    "quit",
    "shut",
    "split",
    "spread",
    "burst",
    "cost",
    "hurt",
    "thrust",
    "forecast",
    "upset",
    "was",
    "be",
    "saw",
    "rose",
    "fell",
    "spring",
    "sprang",
):
    IRREGULAR_PAST.discard(_w)
IRREGULAR_PAST.update({"found", "left", "set", "cast", "read", "put", "saw", "rose", "fell", "led"})

_VOWELS: Final = set("aeiou")
def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# fmt: off
# After cutting "-ed", these endings want their silent e back: "organiz" -> "organize".
_E_ENDINGS: Final = _split("""
ed iz is yz ys at ut ot ud cl rs rc rv lv ls ns ps od id v c g uir ir ur ok um in bl pl tl dl kl gl fl zl rg dg
ng os us as ar ac ag ap ob ib ub ak ik uk ir az iv
""")
_NO_E: Final = _split("""
out oot eat oat er en on om el al it ow ew ay ey oy aim ain ail eal oin ear eat ait oat eet ect ist ust ast est
ish ash ush ch sh th ll ss ff rm rn rt rd nd nt lt ld ck rk lk sk mp lp rp ft ct pt xt wn wl rl lm sm ng nk rch
mb ght ism ist ain oun eign ign ead oad eed ood oud aud end ard ord und ild uit ool eel oil our oor eer air
""")
_KEEP_DOUBLE: Final = ("ll", "ss", "ff", "zz")
# -ed verbs whose base ends in e despite matching _NO_E, and the reverse.
_ED_EXCEPTIONS: Final = dict(pair.split(":") for pair in _split("""
united:unite invited:invite ignited:ignite recited:recite incited:incite cited:cite excited:excite visited:visit
edited:edit exhibited:exhibit inherited:inherit limited:limit prohibited:prohibit credited:credit
deposited:deposit merited:merit audited:audit orbited:orbit profited:profit inhabited:inhabit inhibited:inhibit
vomited:vomit focused:focus biased:bias canvassed:canvass opened:open happened:happen threatened:threaten
ordered:order entered:enter offered:offer suffered:suffer reckoned:reckon summoned:summon abandoned:abandon
pardoned:pardon poisoned:poison imprisoned:imprison questioned:question sentenced:sentence announced:announce
pronounced:pronounce renounced:renounce denounced:denounce danced:dance sliced:slice forced:force
reinforced:reinforce divorced:divorce enforced:enforce produced:produce introduced:introduce reduced:reduce
induced:induce seduced:seduce deduced:deduce ensued:ensue pursued:pursue issued:issue continued:continue
argued:argue valued:value rescued:rescue queued:queue subdued:subdue sued:sue tied:tie died:die lied:lie
vied:vie dyed:dye eyed:eye agreed:agree freed:free decreed:decree fled:flee travelled:travel rebelled:rebel
excelled:excel traveled:travel cancelled:cancel labelled:label modelled:model quarrelled:quarrel
signalled:signal marshalled:marshal totalled:total rivalled:rival equalled:equal fuelled:fuel compelled:compel
expelled:expel repelled:repel propelled:propel dispelled:dispel controlled:control patrolled:patrol
enrolled:enrol committed:commit admitted:admit submitted:submit permitted:permit omitted:omit
transmitted:transmit acquitted:acquit occurred:occur referred:refer preferred:prefer conferred:confer
deferred:defer transferred:transfer inferred:infer deterred:deter incurred:incur recurred:recur compared:compare
declared:declare prepared:prepare ensnared:ensnare stared:stare shared:share scared:scare cared:care dared:dare
spared:spare fared:fare bared:bare flared:flare glared:glare blared:blare hired:hire fired:fire wired:wire
tired:tire retired:retire aspired:aspire expired:expire conspired:conspire admired:admire desired:desire
acquired:acquire required:require inquired:inquire enquired:enquire inspired:inspire perspired:perspire
transpired:transpire sired:sire mired:mire cured:cure endured:endure secured:secure procured:procure
captured:capture lured:lure matured:mature assured:assure ensured:ensure insured:insure measured:measure
treasured:treasure censured:censure obscured:obscure featured:feature ventured:venture tortured:torture
nurtured:nurture pictured:picture fractured:fracture manufactured:manufacture structured:structure
lectured:lecture gestured:gesture pastured:pasture ruptured:rupture restored:restore stored:store ignored:ignore
explored:explore implored:implore deplored:deplore scored:score adored:adore bored:bore snored:snore cored:core
pored:pore planned:plan banned:ban scanned:scan spanned:span manned:man tanned:tan fanned:fan canned:can
stopped:stop dropped:drop shipped:ship equipped:equip stripped:strip tripped:trip slipped:slip gripped:grip
whipped:whip worshipped:worship kidnapped:kidnap trapped:trap wrapped:wrap mapped:map tapped:tap capped:cap
clapped:clap snapped:snap strapped:strap zapped:zap begged:beg tagged:tag dragged:drag logged:log jogged:jog
nodded:nod plotted:plot spotted:spot dotted:dot rotted:rot knotted:knot trotted:trot regretted:regret
abetted:abet fretted:fret netted:net petted:pet vetted:vet wetted:wet jetted:jet fitted:fit knitted:knit
pitted:pit witted:wit gutted:gut jutted:jut shunned:shun stunned:stun gunned:gun sunned:sun dimmed:dim
trimmed:trim slimmed:slim brimmed:brim skimmed:skim rammed:ram crammed:cram jammed:jam slammed:slam dammed:dam
hemmed:hem stemmed:stem rubbed:rub robbed:rob mobbed:mob stabbed:stab grabbed:grab dubbed:dub clubbed:club
snubbed:snub scrubbed:scrub barred:bar starred:star scarred:scar jarred:jar marred:mar stirred:stir blurred:blur
slurred:slur spurred:spur purred:purr wedded:wed shredded:shred padded:pad added:add nudged:nudge judged:judge
pledged:pledge alleged:allege acknowledged:acknowledge lodged:lodge dodged:dodge besieged:besiege waged:wage
raged:rage staged:stage engaged:engage caged:cage paged:page gauged:gauge reigned:reign feigned:feign
designed:design resigned:resign signed:sign assigned:assign aligned:align consigned:consign campaigned:campaign
benefited:benefit defeated:defeat repeated:repeat treated:treat retreated:retreat cheated:cheat seated:seat
heated:heat created:create located:locate
"""))
# fmt: on


def base_of_past(word: str) -> str | None:
    """'struck' -> 'strike', 'organized' -> 'organize'; None when `word` is not a past form we know."""
    w = word.lower()
    if w in _ED_EXCEPTIONS:
        return _ED_EXCEPTIONS[w]
    if w in PAST_TO_BASE:
        return PAST_TO_BASE[w]
    if not w.endswith("ed") or len(w) < 4:
        return None
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    stem = w[:-2]
    if stem.endswith("e"):  # "agreed", "freed"
        return stem
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS and stem[-2:] not in _KEEP_DOUBLE:
        return stem[:-1]
    if stem.endswith(_NO_E):
        return stem
    if stem.endswith(_E_ENDINGS):
        return stem + "e"
    # consonant-vowel-consonant at the end of a short stem usually had an e: "hoped", "timed"
    if (
        len(stem) <= 4
        and len(stem) >= 3
        and stem[-1] not in _VOWELS
        and stem[-2] in _VOWELS
        and stem[-3] not in _VOWELS
        and stem[-1] not in "wxy"
    ):
        return stem + "e"
    return stem


def past_of_participle(word: str) -> str:
    """'written' -> 'wrote', 'chaired' -> 'chaired'."""
    w = word.lower()
    return PARTICIPLE_TO_PAST.get(w, w)


def base_of_ing(word: str) -> str | None:
    """'attending' -> 'attend', 'organising' -> 'organise', 'running' -> 'run'."""
    w = word.lower()
    if not w.endswith("ing") or len(w) < 5:
        return None
    stem = w[:-3]
    if stem.endswith("y") or stem.endswith("ee"):
        return stem
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS and stem[-2:] not in _KEEP_DOUBLE:
        return stem[:-1]
    if len(stem) <= 4 and stem.endswith("it"):  # "writing", "citing"
        return stem + "e"
    if stem.endswith(_NO_E):
        return stem
    if stem.endswith(_E_ENDINGS):
        return stem + "e"
    return stem


def is_past_form(word: str) -> bool:
    """A word that can be a simple past verb (regular -ed or a known irregular past)."""
    w = word.lower()
    return w in IRREGULAR_PAST or (w.endswith("ed") and len(w) >= 4)
