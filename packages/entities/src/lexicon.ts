/**
 * Word lists of the rules extractor: titles, organisation and place cues, capitalised
 * function words, and gazetteers of names that the shared actors of `@rassegna/core` do not
 * hold (more cities, companies, outlets, international bodies). Written by hand from general
 * knowledge: nothing here is mined from the benchmark sets.
 */
import type { EntityType } from "@rassegna/core";

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/));

/** Titles before a person's name (compared lower-cased, without the final period). */
export const PERSON_TITLES = words(`
  mr mrs ms miss mx dr prof sir dame lord lady sen rep gov pres gen col lt sgt capt cmdr adm maj cpl
  president vice-president premier minister chancellor senator congressman congresswoman governor mayor
  king queen prince princess pope cardinal bishop archbishop rev reverend father sister brother rabbi imam
  sheikh ayatollah judge justice general colonel lieutenant sergeant captain commander admiral major marshal
  secretary secretary-general ambassador envoy chairman chairwoman chief director coach manager striker
  spokesman spokeswoman leader deputy candidate sultan emir crown
  sig sigg sig.ra sig.na dott dott.ssa avv ing arch on sen mons don suor padre frate
  presidente ministro premier senatore senatrice deputato deputata sindaco sindaca governatore governatrice
  papa cardinale vescovo arcivescovo generale colonnello capitano ammiraglio ambasciatore segretario
  segretaria portavoce direttore direttrice amministratore allenatore tecnico attaccante leader re regina
  principe principessa pontefice cancelliere vicepresidente campione campionessa commissario giudice procuratore avvocato professore professoressa dottor
  dottore dottoressa onorevole signor signora signore capo
`);

/** Words that join a title to a name or to another title ("Prime Minister", "Foreign Minister"). */
export const TITLE_MODIFIERS = words(`
  prime foreign defence defense finance interior home trade economy economics health justice energy
  industry agriculture education labour labor transport environment deputy vice first acting former
  state chief general executive managing opposition assistant junior senior attorney federal central
  secretary party national world
`);

/** Last words that make a name an organisation ("Acme Corp", "Bank", "Party"). */
export const ORG_TAIL = words(`
  inc inc. corp corp. corporation co co. ltd ltd. llc plc ag sa nv bv spa s.p.a. s.r.l. srl gmbh kgaa ab asa oyj
  group holdings holding bank bancorp airlines airways air motors industries industry club fc united rovers
  wanderers athletic athletico albion county ministry university college school institute council
  commission committee association federation confederation union agency office department court parliament
  senate congress assembly army navy police guard front movement league organisation organization
  exchange board bureau fund trust foundation society times post news journal herald telegraph tribune
  gazette daily press television tv radio network company systems technologies technology communications
  electric electronics energy oil petroleum gas mining steel chemical chemicals pharmaceuticals pharma
  treasury insurance securities capital partners investments services international reserve cooperative brigade
  brigades party church mission authority commission tribunal secretariat alliance coalition council
  cabinet government administration corps forces hospital museum academy laboratories laboratory labs
  foods brewery motors automobiles aviation software networks media entertainment studios records
  ministero banca università universita istituto comitato commissione associazione federazione fondazione
  agenzia partito procura tribunale camera senato governo parlamento esercito polizia società societa
  gruppo spa s.p.a. srl s.r.l. editore edizioni
`);

/** First words that make a name an organisation ("Bank of …", "Ministero …"). */
export const ORG_HEAD = words(`
  bank university ministry department council institute association federation union board bureau agency
  office commission committee court house church college school academy museum party league
  organisation organization
  ministero banca università universita istituto comitato commissione associazione federazione fondazione
  agenzia partito procura tribunale camera senato governo parlamento esercito polizia guardia corte
  consiglio comune regione provincia dipartimento ufficio autorità autorita organizzazione unione lega
  movimento sindacato confederazione società societa gruppo museo scuola liceo ospedale policlinico
  accademia conservatorio centro croce protezione vigili direzione segreteria azienda fondo stato
  giunta curia chiesa nazionale arma corpo prefettura questura cassazione magistratura
`);

/** Last words that make a name a place ("Orange County", "Lake Geneva"). */
export const LOC_TAIL = words(`
  city county province state region district river island islands isles mountains mountain mount lake sea
  ocean valley strait straits gulf bay peninsula coast desert street square avenue road boulevard stadium
  park bridge airport canal plain plains heights hills border kingdom republic emirates territory territories
  oblast krai sud nord meridionale settentrionale orientale occidentale
`);

/** First words that make a name a place ("Lake Como", "Mount Etna", "Via Roma"). */
export const LOC_HEAD = words(`
  lake mount mt cape gulf port fort isle saint st san santa sao são monte lago golfo isola isole
  piazza via viale corso valle val fiume stretto porto
  piazzale basilica cattedrale santuario duomo viadotto villaggio stadio castello aeroporto stazione mar capo
`);

/** Lower-case words that may sit inside a name between capitalised ones. */
export const NAME_PARTICLES = words(`
  de del della dei degli delle di d' da dal dalla van von der den ten ter du des le la las los el al bin ibn
  y e und
`);

/** Lower-case words that join an organisation or place head to the rest ("Bank of England"). */
export const ORG_JOINERS = words(
  `of for on the de del della dello dei degli delle di d' dell' per & sulla sul sull' al alla allo all' agli`,
);

/**
 * Capitalised words that are not names when they start a sentence or a title: function
 * words, pronouns, frequent adverbs, months and days (CoNLL does not tag dates).
 */
export const NOT_NAMES = words(`
  a an the this that these those there here it its he she they we you i me him her them his hers our ours
  your their my mine who whom whose what which when where why how and or but nor so yet if then than
  because although though while after before since until unless as at by for from in into of off on onto
  out over to under up upon with within without about above across against along among around behind
  below beneath beside between beyond during except inside near outside through throughout toward towards
  all any both each either every few many more most much neither no none one other several some such
  also just only not very too now even still already again never always often sometimes however
  yesterday today tomorrow tonight later earlier
  meanwhile moreover furthermore nevertheless instead otherwise thus hence therefore yes no ok okay
  mr mrs ms dr st
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december
  il lo la i gli le un uno una l' un' del dello della dei degli delle al allo alla ai agli alle dal dallo
  dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle col coi di a da in
  con su per tra fra e ed o od ma però pero anche se che chi cui come dove quando perché perche mentre
  poi già gia non più piu molto poco tutto tutti tutte questo questa questi queste quello quella quelli
  quelle esso essa essi esse egli ella lui lei loro noi voi io tu mio mia suo sua nostro nostra
  ci ne si vi sono è e' era erano ha hanno ho hai abbiamo avete essere avere stata secondo dopo
  prima oltre inoltre infatti quindi dunque così cosi ora oggi ieri domani sempre ancora solo soltanto
  lunedì martedì mercoledì giovedì venerdì sabato domenica lunedi martedi mercoledi giovedi venerdi
  gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
  gmt utc cet cest url dna hiv aids ceo rbi pil iva gp tv pc sms usb covid covid-19 mph km kg pdf
  jan feb mar apr jun jul aug sep sept oct nov dec chg avg shr shrs mln bln pct qtr
  women men people sales fax current scorer scorers scoreboard attendance division results standings
  gdp cpi pmi ftse nikkei dax bund bunds gilt gilts btp btps eurobond eurobonds eurodollar eurodollars
  t-bond t-bonds t-bill t-bills libor pibor govt
  ciò cio costituzione natale pasqua codice comune
  nessuno ogni alcuni alcune altri altre altro altra uno due tre quattro cinque
`);

/** Last words of events, titles and competitions (CoNLL's MISC, not ours): "World Cup", "U.S. Open". */
export const EVENT_TAIL = words(`
  cup open tour series championship championships games olympics olympiad prix trophy award awards prize
  masters classic marathon rally shield final finals tournament festival war wars index derby day
  coppa campionato campionati olimpiadi giochi premio festival trofeo giro mondiali europei guerra
  slam contest
`);

/** First words of events and competitions ("Coppa Italia", "Gran Premio", "Palio di Siena"). */
export const EVENT_HEAD = words(`coppa giro gran premio festival campionato mondiali olimpiadi palio salone expo`);

/** Religions, peoples and languages as nouns or adjectives: not entities in CoNLL or KIND. */
export const GROUP_WORDS = words(`
  moslem moslems muslim muslims islamic islamist islamists christian christians christianity jew jews jewish
  catholic catholics protestant protestants kurd kurds kurdish arab arabs arabic sunni sunnis shi'ite shi'ites
  shiite shiites shia hindu hindus sikh sikhs buddhist buddhists orthodox serb serbs croat croats basque
  basques tamil tamils zulu zulus olympic latino latinos hispanic hispanics european europeans asian asians
  african africans western eastern westerners communist communists socialist socialists marxist democrat
  republican euro euros chechen chechens yugoslav yugoslavs tajik tajiks hutu hutus tutsi tutsis briton
  britons afrikaner afrikaners pashtun pashtuns uzbek uzbeks kazakh kazakhs bosnian bosnians scots azeri
  azeris
`);

/**
 * Common nouns that news capitalises by convention ("i Paesi", "lo Stato", "il Governo", "the
 * Countries"): alone they name no one; they head a name only with a name after them ("Regione
 * Lazio", "Stato Islamico", "Governo Meloni") or as a known whole ("Paesi Bassi", "Stati Uniti").
 */
export const GENERIC_NOUNS = words(`
  paese paesi stato stati nazione nazioni governo governi regione regioni provincia province comuni
  capitale capitali esecutivo territorio territori continente potenza potenze alleato alleati
  mondiale europeo festa corsa finale mondo contrada contrade nazionali padri
  country countries state states nation nations government governments region regions province provinces
  capital capitals territory territories continent power powers ally allies
`);

/** Words that make a document a sports report, where clubs carry their city's name. */
export const SPORTS_WORDS = words(`
  soccer football cricket rugby tennis golf baseball basketball hockey nba nhl nfl match matches wickets
  wicket innings inning runs goals goal scored halftime half-time season league cup championship champions
  tournament semifinal semi-final quarterfinal quarter-final beat drew draw victory defeat points standings
  seeded striker goalkeeper midfielder batsman bowler pitcher homer homers lap medal racing
  calcio partita partite campionato gol squadra squadre allenatore classifica vittoria sconfitta pareggio
`);

/** Italian institutional nouns that KIND-style annotation reads as organisations even lower-cased. */
export const ITALIAN_INSTITUTION_NOUNS = words(
  `governo polizia carabinieri procura esercito gendarmeria regime magistratura senato massoneria`,
);

/** Italian first names (compromise's lexicon knows mostly English ones). */
export const ITALIAN_FIRST_NAMES = words(`
  giuseppe giovanni antonio mario luigi francesco angelo vincenzo pietro salvatore carlo franco domenico
  bruno paolo michele giorgio aldo sergio luciano giancarlo alberto roberto marco andrea stefano alessandro
  massimo luca davide matteo simone federico lorenzo riccardo fabio enzo daniele emanuele gianluca nicola
  silvio dario walter umberto enrico ugo guido renato claudio maurizio fabrizio gianni piero gino tommaso
  cristiano valerio filippo edoardo leonardo gabriele diego mattia giacomo jacopo raffaele gennaro ciro
  carmine rocco sandro alessio manuel cesare ettore achille arturo attilio beppe corrado dino elio ennio
  fausto flavio gaetano gianfranco gianpaolo giampaolo gianmarco giulio graziano ignazio italo lamberto
  leopoldo lino mauro nando nino oreste orlando ottavio pasquale raimondo remo rino rodolfo rolando
  romeo ruggero sabino saverio severino silvano tiziano tullio vittorio virgilio angelino benito bettino
  elisa giulia francesca chiara sara anna maria laura paola rosa giovanna angela teresa lucia carla
  giuseppina elena silvia valentina federica alessandra roberta cristina simona barbara monica daniela
  patrizia rita emma beatrice ilaria alice martina giorgia aurora sofia greta noemi ludovica margherita
  rossella donatella antonella ornella raffaella mariastella mariangela marisa luisa luciana franca
  gabriella graziella loredana lorena manuela marina marta michela nadia nicoletta orietta piera renata
  rosanna rosaria serena sonia stefania tiziana veronica vittoria viviana emma azzurra benedetta camilla
  carolina caterina cecilia costanza debora eleonora emanuela ester fiorella flavia gloria irene isabella
  lisa livia mara mirella nilde nives ombretta pamela rachele sabrina samanta sandra tina ursula vanessa
`);

/** Gazetteer places that field national sides, like countries (they stay places in sports news). */
export const COUNTRY_LIKE = new Set([
  "England",
  "Scotland",
  "Wales",
  "Northern Ireland",
  "Soviet Union",
  "Yugoslavia",
  "Czechoslovakia",
  "Zaire",
  "Burma",
  "East Germany",
  "West Germany",
  "Bosnia",
  "Serbia",
  "Montenegro",
  "Europe",
  "Asia",
  "Africa",
]);

/**
 * Known places that are regions, islands, states or areas, not towns: Italian puts an article
 * before these ("la Lombardia", "il Texas"), so an article before them says nothing of a club.
 */
export const REGION_NAMES = new Set(
  `Emilia Umbria Marche Abruzzo Molise Basilicata Trentino Friuli Midwest Manhattan Brooklyn Hollywood Xinjiang Tibet
  Sinai Crimea Donbas Chechnya Siberia Sardinia Sicily Lombardy Piedmont Tuscany Veneto Lazio Campania Apulia Calabria
  Liguria Emilia-Romagna Bavaria Catalonia Kosovo Kashmir Punjab Kurdistan Balkans Europe Asia Africa Gulf Mediterranean
  Pacific Atlantic Arctic Antarctica Caribbean Baltic Alps California Texas Florida Ohio Illinois Michigan Pennsylvania
  Virginia Georgia Massachusetts Arizona Colorado Alaska Hawaii Quebec Ontario Hokkaido Okinawa Herzegovina Slavonia
  Nagorno-Karabakh Abkhazia Vatican Kent Galicia Andalusia Normandy Brittany Provence Alsace Flanders Wallonia Tyrol`.split(
    /\s+/,
  ),
);

/** An entry of the package's own gazetteer: canonical name, type, other names. */
export type GazetteerEntry = [name: string, type: EntityType, aliases?: string[]];

/**
 * Names the shared actors do not hold: large cities and regions, international bodies and
 * agencies, companies, outlets and wire services, sports bodies.
 */
export const GAZETTEER: GazetteerEntry[] = [
  // Cities and regions (English names first, Italian and other forms as aliases).
  // Italian provincial capitals and regions (the official list; common words like Fermo, Massa,
  // Potenza, Lodi, Prato and Latina left out: they need context).
  ["Parma", "LOCATION"],
  ["Modena", "LOCATION"],
  ["Reggio Emilia", "LOCATION"],
  ["Ancona", "LOCATION"],
  ["Pescara", "LOCATION"],
  ["Lecce", "LOCATION"],
  ["Taranto", "LOCATION"],
  ["Messina", "LOCATION"],
  ["Vercelli", "LOCATION"],
  ["Rimini", "LOCATION"],
  ["Novara", "LOCATION"],
  ["Alessandria", "LOCATION"],
  ["Asti", "LOCATION"],
  ["Cuneo", "LOCATION"],
  ["Biella", "LOCATION"],
  ["Ivrea", "LOCATION"],
  ["Como", "LOCATION"],
  ["Lecco", "LOCATION"],
  ["Sondrio", "LOCATION"],
  ["Varese", "LOCATION"],
  ["Monza", "LOCATION"],
  ["Pavia", "LOCATION"],
  ["Cremona", "LOCATION"],
  ["Mantova", "LOCATION"],
  ["Trento", "LOCATION"],
  ["Bolzano", "LOCATION"],
  ["Udine", "LOCATION"],
  ["Pordenone", "LOCATION"],
  ["Gorizia", "LOCATION"],
  ["Treviso", "LOCATION"],
  ["Vicenza", "LOCATION"],
  ["Rovigo", "LOCATION"],
  ["Belluno", "LOCATION"],
  ["Ferrara", "LOCATION"],
  ["Ravenna", "LOCATION"],
  ["Forlì", "LOCATION"],
  ["Piacenza", "LOCATION"],
  ["Savona", "LOCATION"],
  ["Imperia", "LOCATION"],
  ["La Spezia", "LOCATION"],
  ["Lucca", "LOCATION"],
  ["Livorno", "LOCATION"],
  ["Arezzo", "LOCATION"],
  ["Grosseto", "LOCATION"],
  ["Pistoia", "LOCATION"],
  ["Terni", "LOCATION"],
  ["Viterbo", "LOCATION"],
  ["Rieti", "LOCATION"],
  ["Frosinone", "LOCATION"],
  ["Chieti", "LOCATION"],
  ["Teramo", "LOCATION"],
  ["Ascoli Piceno", "LOCATION"],
  ["Macerata", "LOCATION"],
  ["Pesaro", "LOCATION"],
  ["Urbino", "LOCATION"],
  ["Campobasso", "LOCATION"],
  ["Isernia", "LOCATION"],
  ["Caserta", "LOCATION"],
  ["Benevento", "LOCATION"],
  ["Avellino", "LOCATION"],
  ["Salerno", "LOCATION"],
  ["Foggia", "LOCATION"],
  ["Brindisi", "LOCATION"],
  ["Matera", "LOCATION"],
  ["Cosenza", "LOCATION"],
  ["Catanzaro", "LOCATION"],
  ["Crotone", "LOCATION"],
  ["Reggio Calabria", "LOCATION"],
  ["Trapani", "LOCATION"],
  ["Agrigento", "LOCATION"],
  ["Siracusa", "LOCATION"],
  ["Ragusa", "LOCATION"],
  ["Enna", "LOCATION"],
  ["Caltanissetta", "LOCATION"],
  ["Sassari", "LOCATION"],
  ["Nuoro", "LOCATION"],
  ["Oristano", "LOCATION"],
  ["Aosta", "LOCATION"],
  ["L'Aquila", "LOCATION"],
  ["Emilia", "LOCATION"],
  ["Umbria", "LOCATION"],
  ["Marche", "LOCATION"],
  ["Abruzzo", "LOCATION"],
  ["Molise", "LOCATION"],
  ["Basilicata", "LOCATION"],
  ["Trentino", "LOCATION"],
  ["Friuli", "LOCATION"],
  ["Ostia", "LOCATION"],
  ["Fiumicino", "LOCATION"],
  ["Los Angeles", "LOCATION"],
  ["San Francisco", "LOCATION"],
  ["Chicago", "LOCATION"],
  ["Boston", "LOCATION"],
  ["Houston", "LOCATION"],
  ["Dallas", "LOCATION"],
  ["Miami", "LOCATION"],
  ["Atlanta", "LOCATION"],
  ["Seattle", "LOCATION"],
  ["Detroit", "LOCATION"],
  ["Philadelphia", "LOCATION", ["Filadelfia"]],
  ["St. Louis", "LOCATION", ["St Louis", "Saint Louis"]],
  ["Kansas City", "LOCATION"],
  ["San Diego", "LOCATION"],
  ["Pittsburgh", "LOCATION"],
  ["Cincinnati", "LOCATION"],
  ["Cleveland", "LOCATION"],
  ["Baltimore", "LOCATION"],
  ["Milwaukee", "LOCATION"],
  ["Minneapolis", "LOCATION"],
  ["Denver", "LOCATION"],
  ["Phoenix", "LOCATION"],
  ["Oakland", "LOCATION"],
  ["Anaheim", "LOCATION"],
  ["Tampa", "LOCATION"],
  ["Las Vegas", "LOCATION"],
  ["New Orleans", "LOCATION"],
  ["Portland", "LOCATION"],
  ["Buffalo", "LOCATION"],
  ["Sacramento", "LOCATION"],
  ["Salt Lake City", "LOCATION"],
  ["Indianapolis", "LOCATION"],
  ["Nashville", "LOCATION"],
  ["Charlotte", "LOCATION"],
  ["Orlando", "LOCATION"],
  ["San Antonio", "LOCATION"],
  ["Memphis", "LOCATION"],
  ["Newark", "LOCATION"],
  ["Honolulu", "LOCATION"],
  ["San Jose", "LOCATION"],
  ["Austin", "LOCATION"],
  ["Jacksonville", "LOCATION"],
  ["Columbus", "LOCATION"],
  ["Wall Street", "LOCATION"],
  ["Midwest", "LOCATION"],
  ["Silicon Valley", "LOCATION"],
  ["Manhattan", "LOCATION"],
  ["Brooklyn", "LOCATION"],
  ["Hollywood", "LOCATION"],
  ["Toronto", "LOCATION"],
  ["Montreal", "LOCATION"],
  ["Vancouver", "LOCATION"],
  ["Sydney", "LOCATION"],
  ["Melbourne", "LOCATION"],
  ["Mumbai", "LOCATION", ["Bombay"]],
  ["Kolkata", "LOCATION", ["Calcutta"]],
  ["Karachi", "LOCATION"],
  ["Lahore", "LOCATION"],
  ["Dhaka", "LOCATION"],
  ["Jakarta", "LOCATION", ["Giacarta"]],
  ["Manila", "LOCATION"],
  ["Bangkok", "LOCATION"],
  ["Singapore", "LOCATION"],
  ["Kuala Lumpur", "LOCATION"],
  ["Osaka", "LOCATION"],
  ["Kyoto", "LOCATION"],
  ["Guangzhou", "LOCATION", ["Canton"]],
  ["Shenzhen", "LOCATION"],
  ["Wuhan", "LOCATION"],
  ["Chongqing", "LOCATION"],
  ["Nanjing", "LOCATION", ["Nanchino"]],
  ["Tianjin", "LOCATION"],
  ["Lhasa", "LOCATION"],
  ["Xinjiang", "LOCATION"],
  ["Tibet", "LOCATION", ["Tibetan Autonomous Region"]],
  ["Istanbul", "LOCATION", ["Istanbul"]],
  ["Dubai", "LOCATION"],
  ["Abu Dhabi", "LOCATION"],
  ["Doha", "LOCATION"],
  ["Beirut", "LOCATION", ["Beirut", "Beyrouth"]],
  ["Amman", "LOCATION"],
  ["Kuwait City", "LOCATION"],
  ["Sanaa", "LOCATION"],
  ["Aden", "LOCATION"],
  ["Mosul", "LOCATION"],
  ["Basra", "LOCATION", ["Bassora"]],
  ["Aleppo", "LOCATION"],
  ["Homs", "LOCATION"],
  ["Idlib", "LOCATION"],
  ["Ramallah", "LOCATION"],
  ["West Bank", "LOCATION", ["Cisgiordania"]],
  ["Golan Heights", "LOCATION", ["Alture del Golan", "Golan"]],
  ["Sinai", "LOCATION"],
  ["Tripoli", "LOCATION"],
  ["Benghazi", "LOCATION", ["Bengasi"]],
  ["Tunis", "LOCATION", ["Tunisi"]],
  ["Algiers", "LOCATION", ["Algeri"]],
  ["Rabat", "LOCATION"],
  ["Casablanca", "LOCATION"],
  ["Khartoum", "LOCATION"],
  ["Addis Ababa", "LOCATION"],
  ["Nairobi", "LOCATION"],
  ["Lagos", "LOCATION"],
  ["Abuja", "LOCATION"],
  ["Kinshasa", "LOCATION"],
  ["Johannesburg", "LOCATION"],
  ["Cape Town", "LOCATION", ["Città del Capo"]],
  ["Pretoria", "LOCATION"],
  ["Harare", "LOCATION"],
  ["Luanda", "LOCATION"],
  ["Dakar", "LOCATION"],
  ["Abidjan", "LOCATION"],
  ["Mogadishu", "LOCATION", ["Mogadiscio"]],
  ["Kigali", "LOCATION"],
  ["Kampala", "LOCATION"],
  ["Buenos Aires", "LOCATION"],
  ["Santiago", "LOCATION"],
  ["Lima", "LOCATION"],
  ["Bogota", "LOCATION", ["Bogotá"]],
  ["Quito", "LOCATION"],
  ["Montevideo", "LOCATION"],
  ["Rio de Janeiro", "LOCATION", ["Rio"]],
  ["Sao Paulo", "LOCATION", ["São Paulo", "San Paolo"]],
  ["Dublin", "LOCATION", ["Dublino"]],
  ["Edinburgh", "LOCATION", ["Edimburgo"]],
  ["Manchester", "LOCATION"],
  ["Liverpool", "LOCATION"],
  ["Birmingham", "LOCATION"],
  ["Glasgow", "LOCATION"],
  ["Belfast", "LOCATION"],
  ["Amsterdam", "LOCATION"],
  ["The Hague", "LOCATION", ["L'Aia", "Aia", "Den Haag"]],
  ["Rotterdam", "LOCATION"],
  ["Antwerp", "LOCATION", ["Anversa"]],
  ["Copenhagen", "LOCATION", ["Copenaghen"]],
  ["Stockholm", "LOCATION", ["Stoccolma"]],
  ["Oslo", "LOCATION"],
  ["Helsinki", "LOCATION"],
  ["Reykjavik", "LOCATION"],
  ["Zurich", "LOCATION", ["Zurigo", "Zürich"]],
  ["Bern", "LOCATION", ["Berna"]],
  ["Prague", "LOCATION", ["Praga"]],
  ["Budapest", "LOCATION"],
  ["Bucharest", "LOCATION", ["Bucarest"]],
  ["Sofia", "LOCATION"],
  ["Belgrade", "LOCATION", ["Belgrado"]],
  ["Zagreb", "LOCATION", ["Zagabria"]],
  ["Ljubljana", "LOCATION", ["Lubiana"]],
  ["Sarajevo", "LOCATION"],
  ["Pristina", "LOCATION"],
  ["Skopje", "LOCATION"],
  ["Tirana", "LOCATION"],
  ["Bratislava", "LOCATION"],
  ["Vilnius", "LOCATION"],
  ["Riga", "LOCATION"],
  ["Tallinn", "LOCATION"],
  ["Chisinau", "LOCATION"],
  ["Tbilisi", "LOCATION"],
  ["Yerevan", "LOCATION", ["Erevan"]],
  ["Baku", "LOCATION"],
  ["Odesa", "LOCATION", ["Odessa"]],
  ["Kharkiv", "LOCATION", ["Kharkov", "Charkiv"]],
  ["Donetsk", "LOCATION"],
  ["Luhansk", "LOCATION", ["Lugansk"]],
  ["Crimea", "LOCATION", ["Crimea"]],
  ["Donbas", "LOCATION", ["Donbass"]],
  ["Chechnya", "LOCATION", ["Cecenia"]],
  ["Grozny", "LOCATION"],
  ["Siberia", "LOCATION"],
  ["Chernobyl", "LOCATION", ["Chornobyl"]],
  ["Barcelona", "LOCATION", ["Barcellona"]],
  ["Seville", "LOCATION", ["Siviglia", "Sevilla"]],
  ["Valencia", "LOCATION"],
  ["Porto", "LOCATION"],
  ["Marseille", "LOCATION", ["Marsiglia"]],
  ["Lyon", "LOCATION", ["Lione"]],
  ["Strasbourg", "LOCATION", ["Strasburgo"]],
  ["Nice", "LOCATION", ["Nizza"]],
  ["Hamburg", "LOCATION", ["Amburgo"]],
  ["Cologne", "LOCATION", ["Colonia", "Köln"]],
  ["Bonn", "LOCATION"],
  ["Dresden", "LOCATION", ["Dresda"]],
  ["Salzburg", "LOCATION", ["Salisburgo"]],
  ["Genoa", "LOCATION", ["Genova"]],
  ["Bologna", "LOCATION"],
  ["Palermo", "LOCATION"],
  ["Bari", "LOCATION"],
  ["Catania", "LOCATION"],
  ["Verona", "LOCATION"],
  ["Padua", "LOCATION", ["Padova"]],
  ["Trieste", "LOCATION"],
  ["Bergamo", "LOCATION"],
  ["Brescia", "LOCATION"],
  ["Pisa", "LOCATION"],
  ["Siena", "LOCATION"],
  ["Perugia", "LOCATION"],
  ["Cagliari", "LOCATION"],
  ["Sardinia", "LOCATION", ["Sardegna"]],
  ["Sicily", "LOCATION", ["Sicilia"]],
  ["Lombardy", "LOCATION", ["Lombardia"]],
  ["Piedmont", "LOCATION", ["Piemonte"]],
  ["Tuscany", "LOCATION", ["Toscana"]],
  ["Veneto", "LOCATION"],
  ["Lazio", "LOCATION"],
  ["Campania", "LOCATION"],
  ["Apulia", "LOCATION", ["Puglia"]],
  ["Calabria", "LOCATION"],
  ["Liguria", "LOCATION"],
  ["Emilia-Romagna", "LOCATION"],
  ["Bavaria", "LOCATION", ["Baviera", "Bayern"]],
  ["Catalonia", "LOCATION", ["Catalogna", "Catalunya"]],
  ["Scotland", "LOCATION", ["Scozia"]],
  ["Wales", "LOCATION", ["Galles"]],
  ["England", "LOCATION"],
  ["Northern Ireland", "LOCATION", ["Irlanda del Nord"]],
  ["Kosovo", "LOCATION"],
  ["Kashmir", "LOCATION"],
  ["Punjab", "LOCATION"],
  ["Chechnya", "LOCATION"],
  ["Kurdistan", "LOCATION"],
  // World regions, seas and straits are in the shared actors of @rassegna/core.
  ["California", "LOCATION"],
  ["Texas", "LOCATION"],
  ["Florida", "LOCATION"],
  ["New Jersey", "LOCATION"],
  ["Ohio", "LOCATION"],
  ["Illinois", "LOCATION"],
  ["Michigan", "LOCATION"],
  ["Pennsylvania", "LOCATION"],
  ["Virginia", "LOCATION"],
  ["Georgia", "LOCATION"],
  ["Massachusetts", "LOCATION"],
  ["Arizona", "LOCATION"],
  ["Colorado", "LOCATION"],
  ["Alaska", "LOCATION"],
  ["Hawaii", "LOCATION"],
  ["Quebec", "LOCATION"],
  ["Ontario", "LOCATION"],
  ["Hokkaido", "LOCATION"],
  ["Okinawa", "LOCATION"],
  // Former countries that news still names.
  ["Soviet Union", "LOCATION", ["USSR", "Urss", "URSS", "Unione Sovietica"]],
  ["Yugoslavia", "LOCATION", ["Jugoslavia"]],
  ["Czechoslovakia", "LOCATION", ["Cecoslovacchia"]],
  ["Zaire", "LOCATION"],
  ["Burma", "LOCATION", ["Birmania"]],
  ["East Germany", "LOCATION", ["Germania Est"]],
  ["West Germany", "LOCATION", ["Germania Ovest"]],
  ["Bosnia", "LOCATION"],
  ["Herzegovina", "LOCATION", ["Erzegovina"]],
  ["Serbia", "LOCATION"],
  ["Montenegro", "LOCATION"],
  ["Slavonia", "LOCATION"],
  ["Nagorno-Karabakh", "LOCATION", ["Nagorno Karabakh"]],
  ["Abkhazia", "LOCATION", ["Abcasia"]],
  ["South Ossetia", "LOCATION", ["Ossezia del Sud"]],
  // International bodies and agencies.
  ["UNESCO", "ORGANIZATION", ["Unesco"]],
  ["UNICEF", "ORGANIZATION", ["Unicef"]],
  ["UNHCR", "ORGANIZATION", ["Unhcr"]],
  ["International Atomic Energy Agency", "ORGANIZATION", ["IAEA", "Aiea", "AIEA"]],
  ["OSCE", "ORGANIZATION", ["Osce"]],
  ["OECD", "ORGANIZATION", ["Ocse", "OCSE"]],
  ["ASEAN", "ORGANIZATION", ["Asean"]],
  ["Arab League", "ORGANIZATION", ["Lega araba", "Lega Araba"]],
  ["Red Cross", "ORGANIZATION", ["Croce Rossa", "International Committee of the Red Cross", "ICRC"]],
  ["Amnesty International", "ORGANIZATION", ["Amnesty"]],
  ["Human Rights Watch", "ORGANIZATION"],
  ["Greenpeace", "ORGANIZATION"],
  ["Interpol", "ORGANIZATION"],
  ["Europol", "ORGANIZATION"],
  ["International Criminal Court", "ORGANIZATION", ["ICC", "Corte penale internazionale"]],
  ["FIFA", "ORGANIZATION", ["Fifa"]],
  ["UEFA", "ORGANIZATION", ["Uefa"]],
  ["International Olympic Committee", "ORGANIZATION", ["IOC", "CIO", "Cio", "Comitato olimpico internazionale"]],
  ["Congress", "ORGANIZATION", ["US Congress"]],
  ["Senate", "ORGANIZATION"],
  ["House of Representatives", "ORGANIZATION", ["Camera dei rappresentanti"]],
  ["FBI", "ORGANIZATION"],
  ["CIA", "ORGANIZATION", ["Cia"]],
  ["NASA", "ORGANIZATION", ["Nasa"]],
  ["Taliban", "ORGANIZATION", ["talebani", "Talebani"]],
  ["Islamic State", "ORGANIZATION", ["ISIS", "Isis", "IS", "Stato islamico", "Daesh"]],
  ["al-Qaeda", "ORGANIZATION", ["al Qaeda", "Al Qaeda", "al-Qaida", "Al-Qaeda"]],
  ["PLO", "ORGANIZATION", ["OLP", "Olp"]],
  ["IRA", "ORGANIZATION"],
  ["Bundesbank", "ORGANIZATION"],
  ["Bank of England", "ORGANIZATION", ["Banca d'Inghilterra"]],
  ["Bank of Italy", "ORGANIZATION", ["Banca d'Italia", "Bankitalia"]],
  ["Bank of Japan", "ORGANIZATION", ["BoJ", "BOJ"]],
  ["Confindustria", "ORGANIZATION"],
  ["Istat", "ORGANIZATION", ["ISTAT"]],
  ["Consob", "ORGANIZATION", ["CONSOB"]],
  ["Carabinieri", "ORGANIZATION"],
  ["Guardia di Finanza", "ORGANIZATION"],
  ["Protezione Civile", "ORGANIZATION", ["Protezione civile"]],
  ["Holy See", "ORGANIZATION", ["Santa Sede"]],
  ["Farnesina", "ORGANIZATION"],
  ["Palazzo Chigi", "ORGANIZATION"],
  ["Quirinale", "ORGANIZATION"],
  ["Montecitorio", "ORGANIZATION"],
  ["Downing Street", "ORGANIZATION"],
  ["Elysee", "ORGANIZATION", ["Élysée", "Eliseo"]],
  ["Partito Democratico", "ORGANIZATION", ["PD", "Pd", "Partito democratico"]],
  [
    "Five Star Movement",
    "ORGANIZATION",
    [
      "Movimento 5 Stelle",
      "M5S",
      "M5s",
      "Movimento Cinque Stelle",
      "Movement 5 Stars",
      "5 Star Movement",
      "Five Stars Movement",
    ],
  ],
  ["Forza Italia", "ORGANIZATION"],
  ["Fratelli d'Italia", "ORGANIZATION", ["FdI", "Fdi"]],
  ["Lega", "ORGANIZATION", ["Lega Nord"]],
  ["Democratic Party", "ORGANIZATION", ["Democrats"]],
  ["Republican Party", "ORGANIZATION", ["Republicans", "GOP"]],
  ["Conservative Party", "ORGANIZATION", ["Conservatives", "Tories"]],
  ["Labour Party", "ORGANIZATION", ["Labour"]],
  // Companies.
  ["Apple", "ORGANIZATION"],
  ["Microsoft", "ORGANIZATION"],
  ["Google", "ORGANIZATION"],
  ["Alphabet", "ORGANIZATION"],
  ["Amazon", "ORGANIZATION"],
  ["Meta", "ORGANIZATION"],
  ["Facebook", "ORGANIZATION"],
  ["Twitter", "ORGANIZATION"],
  ["Yahoo", "ORGANIZATION", ["Yahoo!"]],
  ["IBM", "ORGANIZATION"],
  ["Intel", "ORGANIZATION"],
  ["Nvidia", "ORGANIZATION", ["NVIDIA"]],
  ["Oracle", "ORGANIZATION"],
  ["Samsung", "ORGANIZATION"],
  ["Sony", "ORGANIZATION"],
  ["Toyota", "ORGANIZATION"],
  ["Honda", "ORGANIZATION"],
  ["Nissan", "ORGANIZATION"],
  ["Volkswagen", "ORGANIZATION", ["VW"]],
  ["BMW", "ORGANIZATION"],
  ["Daimler", "ORGANIZATION"],
  ["Mercedes-Benz", "ORGANIZATION", ["Mercedes"]],
  ["Fiat", "ORGANIZATION", ["FIAT"]],
  ["Stellantis", "ORGANIZATION"],
  ["Ferrari", "ORGANIZATION"],
  ["Renault", "ORGANIZATION"],
  ["Peugeot", "ORGANIZATION"],
  ["General Motors", "ORGANIZATION", ["GM"]],
  ["Ford", "ORGANIZATION"],
  ["Chrysler", "ORGANIZATION"],
  ["Boeing", "ORGANIZATION"],
  ["Airbus", "ORGANIZATION"],
  ["Siemens", "ORGANIZATION"],
  ["Philips", "ORGANIZATION"],
  ["Nokia", "ORGANIZATION"],
  ["Ericsson", "ORGANIZATION"],
  ["Huawei", "ORGANIZATION"],
  ["Alibaba", "ORGANIZATION"],
  ["Tencent", "ORGANIZATION"],
  ["TikTok", "ORGANIZATION"],
  ["ByteDance", "ORGANIZATION"],
  ["Tesla", "ORGANIZATION"],
  ["Exxon", "ORGANIZATION", ["ExxonMobil", "Exxon Mobil"]],
  ["Shell", "ORGANIZATION", ["Royal Dutch Shell"]],
  ["BP", "ORGANIZATION", ["British Petroleum"]],
  ["Chevron", "ORGANIZATION"],
  ["Eni", "ORGANIZATION", ["ENI"]],
  ["Enel", "ORGANIZATION", ["ENEL"]],
  ["Total", "ORGANIZATION", ["TotalEnergies"]],
  ["Rosneft", "ORGANIZATION"],
  ["Lukoil", "ORGANIZATION"],
  ["Aramco", "ORGANIZATION", ["Saudi Aramco"]],
  ["Goldman Sachs", "ORGANIZATION"],
  ["JPMorgan", "ORGANIZATION", ["JP Morgan", "J.P. Morgan", "JPMorgan Chase"]],
  ["Morgan Stanley", "ORGANIZATION"],
  ["Citigroup", "ORGANIZATION", ["Citibank"]],
  ["HSBC", "ORGANIZATION"],
  ["Barclays", "ORGANIZATION"],
  ["Deutsche Bank", "ORGANIZATION"],
  ["UBS", "ORGANIZATION"],
  ["Credit Suisse", "ORGANIZATION"],
  ["UniCredit", "ORGANIZATION", ["Unicredit"]],
  ["Intesa Sanpaolo", "ORGANIZATION", ["Intesa"]],
  ["Mediobanca", "ORGANIZATION"],
  ["Generali", "ORGANIZATION"],
  ["Telecom Italia", "ORGANIZATION", ["TIM"]],
  ["Mediaset", "ORGANIZATION"],
  ["Alitalia", "ORGANIZATION"],
  ["Pirelli", "ORGANIZATION"],
  ["Juventus", "ORGANIZATION", ["Juve"]],
  ["Inter", "ORGANIZATION"],
  ["Lufthansa", "ORGANIZATION"],
  ["Ryanair", "ORGANIZATION"],
  ["Nestle", "ORGANIZATION", ["Nestlé"]],
  ["Unilever", "ORGANIZATION"],
  ["Pfizer", "ORGANIZATION"],
  ["Moderna", "ORGANIZATION"],
  ["AstraZeneca", "ORGANIZATION"],
  ["Bayer", "ORGANIZATION"],
  ["Novartis", "ORGANIZATION"],
  ["Roche", "ORGANIZATION"],
  ["Netflix", "ORGANIZATION"],
  ["Disney", "ORGANIZATION"],
  ["Wikipedia", "ORGANIZATION"],
  ["Wikimedia", "ORGANIZATION", ["Wikimedia Foundation"]],
  ["OpenAI", "ORGANIZATION"],
  // Outlets and wire services.
  ["Al Jazeera", "ORGANIZATION", ["Al-Jazeera"]],
  ["Interfax", "ORGANIZATION"],
  ["RIA Novosti", "ORGANIZATION"],
  ["Kyodo", "ORGANIZATION"],
  ["Yonhap", "ORGANIZATION"],
  ["Dow Jones", "ORGANIZATION"],
  ["Guardian", "ORGANIZATION", ["The Guardian"]],
  ["Times", "ORGANIZATION", ["The Times"]],
  ["Economist", "ORGANIZATION", ["The Economist"]],
  ["Le Figaro", "ORGANIZATION"],
  ["La Stampa", "ORGANIZATION"],
  ["Il Messaggero", "ORGANIZATION"],
  ["Il Giornale", "ORGANIZATION"],
  ["Il Fatto Quotidiano", "ORGANIZATION"],
  ["Avvenire", "ORGANIZATION"],
  ["RAI", "ORGANIZATION", ["Rai"]],
  ["Sky News", "ORGANIZATION"],
  ["Fox News", "ORGANIZATION"],
  ["NBC", "ORGANIZATION"],
  ["CBS", "ORGANIZATION"],
  ["ABC", "ORGANIZATION"],
  ["Global Times", "ORGANIZATION"],
  ["People's Daily", "ORGANIZATION", ["Quotidiano del Popolo"]],
];
