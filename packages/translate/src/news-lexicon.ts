/**
 * Italian news words the Apertium Italian→Spanish dictionary lacks, with their English. Used
 * only for words the source analyser marks unknown (what Apertium knows it translates itself),
 * so a word here never overrides Apertium. Written by hand from general news vocabulary:
 * defence, diplomacy, economy, energy, politics, migration (some entries were chosen after
 * listing the words Apertium left untranslated in our own corpus, the seed article and
 * newssyscomb2009, the MT checking set; newstest2009, the reported set, was not looked at).
 */
const ENTRIES = `
asse=axis
bombardiere=bomber|bombardieri=bombers
bombardamento=bombing|bombardamenti=bombings
esercitazione=exercise|esercitazioni=exercises
pattugliamento=patrol|pattugliamenti=patrols
velivolo=aircraft|velivoli=aircraft
equipaggiamento=equipment|equipaggiamenti=equipment
lanciamissili=missile launchers
missilistico=missile|missilistica=missile|missilistici=missile|missilistiche=missile
balistico=ballistic|balistica=ballistic|balistici=ballistic|balistiche=ballistic
sottomarino=submarine|sottomarini=submarines
aviolancio=airdrop|aviolanci=airdrops
drone=drone|droni=drones
flotta=fleet|flotte=fleets
portaerei=aircraft carrier
arsenale=arsenal|arsenali=arsenals
dispiegamento=deployment|dispiegamenti=deployments
schieramento=deployment|schieramenti=deployments
bersaglio=target|bersagli=targets
contromisura=countermeasure|contromisure=countermeasures
escalation=escalation
deterrenza=deterrence
ennesimo=yet another|ennesima=yet another
assertivo=assertive|assertiva=assertive|assertivi=assertive|assertive=assertive
prontezza=readiness
coesione=cohesion
trapelato=leaked|trapelata=leaked|trapelati=leaked|trapelate=leaked
ribadire=reaffirm|ribadisce=reaffirms|ribadito=reaffirmed|ribadendo=reaffirming|ribadiscono=reaffirm
negoziatore=negotiator|negoziatori=negotiators
trattativa=negotiation|trattative=negotiations
vertice=summit|vertici=summits
intesa=agreement|intese=agreements
tregua=truce|tregue=truces
cessate=cease
indipendentista=separatist|indipendentiste=separatist|indipendentisti=separatists
irrealistico=unrealistic|irrealistica=unrealistic|irrealistici=unrealistic|irrealistiche=unrealistic
solidale=supportive|solidali=supportive
sanzionatorio=sanctions|sanzionatoria=sanctions|sanzionatorie=sanctions
ritorsione=retaliation|ritorsioni=retaliation
doganale=customs|doganali=customs
dazio=tariff|dazi=tariffs
manovra=budget
maxiemendamento=omnibus amendment
rottamazione=scrapping
lordo=gross|lorda=gross|lordi=gross|lorde=gross
greggio=crude oil
gasdotto=gas pipeline|gasdotti=gas pipelines
oleodotto=oil pipeline|oleodotti=oil pipelines
rigassificatore=regasification terminal|rigassificatori=regasification terminals
liquefatto=liquefied
semiconduttore=semiconductor|semiconduttori=semiconductors
manifattura=manufacturing
invariato=unchanged|invariata=unchanged|invariati=unchanged|invariate=unchanged
dimezzato=halved|dimezzata=halved|dimezzati=halved|dimezzate=halved
rincaro=price rise|rincari=price rises
bolletta=bill|bollette=bills
spread=spread
direttivo=board
parentale=parental|parentali=parental
ricollocamento=relocation|ricollocamenti=relocations
sbarcato=landed|sbarcata=landed|sbarcati=landed|sbarcate=landed
hotspot=hotspot|hotspots=hotspots
scafista=smuggler|scafisti=smugglers
respingimento=pushback|respingimenti=pushbacks
respinto=rejected|respinta=rejected|respinti=rejected|respinte=rejected
rinviare=postpone|rinviato=postponed|rinviata=postponed
approda=lands|approdano=land|approdato=landed
intrecciato=intertwined|intrecciata=intertwined|intrecciati=intertwined|intrecciate=intertwined
deliberato=deliberate|deliberata=deliberate
moderazione=restraint
reintrodurre=reintroduce
allargare=widen|allargato=widened|allargamento=enlargement
accentua=accentuates|accentuano=accentuate
esiterà=will hesitate
scattare=trigger|scatta=is triggered|scattano=are triggered
riscrive=rewrites|riscrivere=rewrite
sito=site|siti=sites
membro=member|membri=members
ucraino=Ukrainian|ucraina=Ukrainian|ucraini=Ukrainians|ucraine=Ukrainian
taiwanese=Taiwanese|taiwanesi=Taiwanese
libico=Libyan|libica=Libyan|libici=Libyans|libiche=Libyan
ostaggio=hostage|ostaggi=hostages
sequestratore=kidnapper|sequestratori=kidnappers
populista=populist|populisti=populists|populiste=populist
riscatto=ransom
prenotazione=booking|prenotazioni=bookings
tifoso=fan|tifosi=fans
dimissioni=resignation
fatturato=turnover
ferroviario=rail|ferroviaria=rail|ferroviari=rail|ferroviarie=rail
colosso=giant|colossi=giants
leader=leader
premier=prime minister
ministra=minister
`;

/** Italian word form → English, for words Apertium does not know. */
export const NEWS_LEXICON: ReadonlyMap<string, string> = new Map(
  ENTRIES.split(/[\n|]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => entry.split("=") as [string, string]),
);
