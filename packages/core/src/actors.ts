import { ACTOR_DATA, COUNTRY_IDS, NAMED_IDS } from "./generated/actors-data.js";
import type { EntityType } from "./types.js";

/**
 * Well-known actors of international news (countries and territories, capitals, leaders,
 * organisations, outlets) with their aliases in the news languages. Shared by the
 * entities stage (canonical names) and the stance stage (matching targets and holders).
 */
export interface Actor {
  /** Canonical English name, e.g. "United States". */
  name: string;
  type: EntityType;
  /**
   * "institution": a public body whose canonical name carries a qualifier in brackets
   * ("Chamber of Deputies (Italy)"), not written as such into running text.
   */
  kind: "country" | "city" | "region" | "person" | "organization" | "institution" | "outlet";
  /** Other names: translations, abbreviations, short forms. */
  aliases: string[];
  /** The actor this one stands for in political news ("Beijing", "Xi Jinping" → "China"). */
  standsFor?: string;
  /** Adjectives and nouns of nationality ("Chinese", "cinesi"): they point to the actor. */
  demonyms?: string[];
  /** Wikidata id ("Q…"), where a source the data names gives it. */
  id?: string;
}

/** ISO 3166-1 alpha-2 codes of countries and territories. */
const REGIONS =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK".split(
    " ",
  );

/** Languages whose country names become aliases. */
const NAME_LANGUAGES = ["en", "it", "fr", "es", "de", "pt", "nl"];

/** English display names that news writes otherwise. */
const ENGLISH_NAME: Record<string, string> = {
  CD: "Democratic Republic of the Congo",
  CG: "Republic of the Congo",
  PS: "Palestine",
  MM: "Myanmar",
  CZ: "Czech Republic",
  HK: "Hong Kong",
  MO: "Macao",
  CI: "Ivory Coast",
  VA: "Vatican City",
  TR: "Turkey",
  KP: "North Korea",
  KR: "South Korea",
};

/** Extra aliases and demonyms of the countries that news mentions most. */
const COUNTRY_EXTRAS: Record<string, { aliases?: string[]; demonyms?: string[] }> = {
  US: {
    aliases: [
      "U.S.",
      "US",
      "USA",
      "U.S.A.",
      "Usa",
      "America",
      "United States of America",
      "Stati Uniti d'America",
      "the States",
      "EEUU",
      "EE.UU.",
      "États-Unis",
      "Etats-Unis",
      "Stati Uniti",
    ],
    demonyms: [
      "American",
      "Americans",
      "americano",
      "americana",
      "americani",
      "americane",
      "statunitense",
      "statunitensi",
      "US-led",
      "américain",
      "américaine",
      "estadounidense",
      "amerikanisch",
    ],
  },
  CN: {
    aliases: ["PRC", "People's Republic of China", "Repubblica popolare cinese", "Rpc"],
    demonyms: ["Chinese", "cinese", "cinesi", "chinois", "chinoise", "chino", "china", "chinesisch", "chinês"],
  },
  RU: {
    aliases: ["Russian Federation", "Federazione russa"],
    demonyms: ["Russian", "Russians", "russo", "russa", "russi", "russe", "russe", "ruso", "rusa", "russisch", "russo"],
  },
  UA: {
    aliases: ["Kiev's government"],
    demonyms: [
      "Ukrainian",
      "Ukrainians",
      "ucraino",
      "ucraina",
      "ucraini",
      "ucraine",
      "ukrainien",
      "ucraniano",
      "ukrainisch",
    ],
  },
  TW: { aliases: ["Republic of China", "Formosa"], demonyms: ["Taiwanese", "taiwanese", "taiwanesi"] },
  GB: {
    aliases: ["UK", "U.K.", "Britain", "Great Britain", "Gran Bretagna", "Inghilterra"],
    demonyms: ["British", "britannico", "britannica", "britannici", "inglese", "inglesi"],
  },
  JP: { demonyms: ["Japanese", "giapponese", "giapponesi", "japonais", "japonés"] },
  KR: {
    aliases: ["Corea del Sud", "Republic of Korea", "ROK"],
    demonyms: ["South Korean", "sudcoreano", "sudcoreana", "sudcoreani"],
  },
  KP: {
    aliases: ["Corea del Nord", "DPRK", "Nordcorea"],
    demonyms: ["North Korean", "nordcoreano", "nordcoreana", "nordcoreani"],
  },
  IR: { aliases: ["Islamic Republic of Iran"], demonyms: ["Iranian", "iraniano", "iraniana", "iraniani"] },
  IL: { demonyms: ["Israeli", "israeliano", "israeliana", "israeliani"] },
  PS: {
    aliases: ["Palestinian Territories", "Territori palestinesi", "State of Palestine"],
    demonyms: ["Palestinian", "palestinese", "palestinesi"],
  },
  IT: { demonyms: ["Italian", "italiano", "italiana", "italiani", "italiane"] },
  FR: { demonyms: ["French", "francese", "francesi", "français", "francés"] },
  DE: { demonyms: ["German", "tedesco", "tedesca", "tedeschi", "tedesche", "allemand", "alemán"] },
  IN: { demonyms: ["Indian", "indiano", "indiana", "indiani"] },
  TR: { aliases: ["Türkiye", "Turchia"], demonyms: ["Turkish", "turco", "turca", "turchi"] },
  SY: { demonyms: ["Syrian", "siriano", "siriani"] },
  SA: { demonyms: ["Saudi", "saudita", "sauditi"] },
  VN: { demonyms: ["Vietnamese", "vietnamita"] },
  PL: { demonyms: ["Polish", "polacco", "polacchi"] },
  ES: { demonyms: ["Spanish", "spagnolo", "spagnoli"] },
  BR: { demonyms: ["Brazilian", "brasiliano", "brasiliani"] },
  EG: { demonyms: ["Egyptian", "egiziano", "egiziani"] },
  IQ: { demonyms: ["Iraqi", "iracheno", "iracheni"] },
  AF: { demonyms: ["Afghan", "afghano", "afghani"] },
  PK: { demonyms: ["Pakistani", "pakistano", "pakistani"] },
  CA: { demonyms: ["Canadian", "canadese", "canadesi"] },
  MX: { demonyms: ["Mexican", "messicano", "messicani"] },
  AU: { demonyms: ["Australian", "australiano", "australiani"] },
  BY: { demonyms: ["Belarusian", "bielorusso", "bielorussi"] },
  VE: { demonyms: ["Venezuelan", "venezuelano", "venezuelani"] },
  CU: { demonyms: ["Cuban", "cubano", "cubani"] },
  GR: { demonyms: ["Greek", "greco", "greci"] },
  VA: { aliases: ["Vatican", "Vaticano", "Stato della Città del Vaticano"] },
};

/** Capitals (with the country they stand for) and other cities news names often. */
const CITIES: Array<[name: string, country: string | undefined, aliases: string[]]> = [
  ["Beijing", "CN", ["Pechino", "Peking", "Pékin", "Pekín", "Pequim"]],
  ["Moscow", "RU", ["Mosca", "Moscou", "Moscú", "Moskau", "Moscovo"]],
  ["Washington", "US", ["Washington D.C.", "Washington, D.C."]],
  ["Kyiv", "UA", ["Kiev", "Kijev", "Kiew", "Kyïv"]],
  ["Taipei", "TW", ["Taipei City"]],
  ["Tokyo", "JP", ["Tokio", "Tōkyō"]],
  ["Seoul", "KR", ["Séoul", "Seúl"]],
  ["Pyongyang", "KP", []],
  ["London", "GB", ["Londra", "Londres"]],
  ["Paris", "FR", ["Parigi", "París"]],
  ["Berlin", "DE", ["Berlino", "Berlín"]],
  ["Rome", "IT", ["Roma"]],
  ["Brussels", "EU", ["Bruxelles", "Bruselas", "Brüssel"]],
  ["Tehran", "IR", ["Teheran", "Téhéran", "Teherán"]],
  ["Jerusalem", "IL", ["Gerusalemme", "Jérusalem"]],
  ["Ankara", "TR", []],
  ["New Delhi", "IN", ["Nuova Delhi"]],
  ["Minsk", "BY", []],
  ["Warsaw", "PL", ["Varsavia", "Varsovie", "Varsovia", "Warschau"]],
  ["Madrid", "ES", []],
  ["Lisbon", "PT", ["Lisbona", "Lisbonne", "Lisboa", "Lissabon"]],
  ["Vienna", "AT", ["Wien", "Vienne", "Viena"]],
  ["Athens", "GR", ["Atene", "Athènes", "Atenas", "Athen"]],
  ["Cairo", "EG", ["Il Cairo", "Le Caire", "El Cairo", "Kairo"]],
  ["Damascus", "SY", ["Damasco", "Damas"]],
  ["Baghdad", "IQ", ["Bagdad"]],
  ["Riyadh", "SA", ["Riad", "Riyad"]],
  ["Islamabad", "PK", []],
  ["Kabul", "AF", []],
  ["Hanoi", "VN", []],
  ["Ottawa", "CA", []],
  ["Canberra", "AU", []],
  ["Brasília", "BR", ["Brasilia"]],
  ["Mexico City", "MX", ["Città del Messico"]],
  ["Havana", "CU", ["L'Avana", "La Habana"]],
  ["Caracas", "VE", []],
  ["Tel Aviv", undefined, []],
  ["Gaza", undefined, ["Striscia di Gaza", "Gaza Strip"]],
  ["Shanghai", undefined, ["Sciangai"]],
  ["Hong Kong", undefined, []],
  ["Milan", undefined, ["Milano"]],
  ["Naples", undefined, ["Napoli"]],
  ["Turin", undefined, ["Torino"]],
  ["Florence", undefined, ["Firenze"]],
  ["Venice", undefined, ["Venezia"]],
  ["Geneva", undefined, ["Ginevra", "Genève", "Ginebra", "Genf"]],
  ["New York", undefined, ["New York City", "NYC"]],
  ["Munich", undefined, ["Monaco di Baviera", "München"]],
  ["Frankfurt", undefined, ["Francoforte", "Francfort", "Frankfurt am Main"]],
  ["Saint Petersburg", undefined, ["San Pietroburgo", "St. Petersburg"]],
  ["Vladivostok", undefined, []],
  // More capitals, which news uses for their governments ("Bamako accuses Paris").
  // Left out: capitals that are common words or first names ("Male", "Victoria", "Sofia")
  // and seats that stand for an institution more than a country ("The Hague").
  ["Amsterdam", "NL", []],
  ["Bern", "CH", ["Berna", "Berne"]],
  ["Dublin", "IE", ["Dublino"]],
  ["Copenhagen", "DK", ["Copenaghen", "Copenhague", "Kopenhagen", "København"]],
  ["Stockholm", "SE", ["Stoccolma", "Estocolmo"]],
  ["Oslo", "NO", []],
  ["Helsinki", "FI", ["Helsingfors"]],
  ["Reykjavik", "IS", ["Reykjavík"]],
  ["Tallinn", "EE", []],
  ["Riga", "LV", []],
  ["Vilnius", "LT", []],
  ["Prague", "CZ", ["Praga", "Prag"]],
  ["Bratislava", "SK", []],
  ["Budapest", "HU", []],
  ["Bucharest", "RO", ["Bucarest", "Bukarest"]],
  ["Chisinau", "MD", ["Chișinău", "Kishinev"]],
  ["Belgrade", "RS", ["Belgrado", "Beograd"]],
  ["Zagreb", "HR", ["Zagabria"]],
  ["Ljubljana", "SI", ["Lubiana"]],
  ["Sarajevo", "BA", []],
  ["Podgorica", "ME", []],
  ["Skopje", "MK", []],
  ["Tirana", "AL", []],
  ["Pristina", "XK", ["Priština", "Prishtina"]],
  ["Nicosia", "CY", []],
  ["Valletta", "MT", ["La Valletta"]],
  ["Tbilisi", "GE", ["Tiflis"]],
  ["Yerevan", "AM", ["Erevan", "Jerevan"]],
  ["Baku", "AZ", []],
  ["Astana", "KZ", []],
  ["Tashkent", "UZ", ["Taškent"]],
  ["Bishkek", "KG", []],
  ["Dushanbe", "TJ", []],
  ["Ashgabat", "TM", []],
  ["Ulaanbaatar", "MN", ["Ulan Bator"]],
  ["Beirut", "LB", ["Beyrouth", "Beirute"]],
  ["Amman", "JO", []],
  ["Doha", "QA", []],
  ["Abu Dhabi", "AE", []],
  ["Muscat", "OM", ["Mascate"]],
  ["Sanaa", "YE", ["Sana'a", "Sana’a"]],
  ["Kuwait City", "KW", []],
  ["Manama", "BH", []],
  ["Tripoli", "LY", []],
  ["Tunis", "TN", ["Tunisi"]],
  ["Algiers", "DZ", ["Algeri", "Alger", "Argel"]],
  ["Rabat", "MA", []],
  ["Khartoum", "SD", ["Khartum", "Jartum"]],
  ["Juba", "SS", []],
  ["Addis Ababa", "ET", ["Addis Abeba"]],
  ["Asmara", "ER", []],
  ["Mogadishu", "SO", ["Mogadiscio"]],
  ["Nairobi", "KE", []],
  ["Kampala", "UG", []],
  ["Kigali", "RW", []],
  ["Dodoma", "TZ", []],
  ["Kinshasa", "CD", []],
  ["Luanda", "AO", []],
  ["Pretoria", "ZA", []],
  ["Harare", "ZW", []],
  ["Lusaka", "ZM", []],
  ["Maputo", "MZ", []],
  ["Antananarivo", "MG", []],
  ["Abuja", "NG", []],
  ["Accra", "GH", []],
  ["Dakar", "SN", []],
  ["Bamako", "ML", []],
  ["Niamey", "NE", []],
  ["Ouagadougou", "BF", []],
  ["N'Djamena", "TD", ["N’Djamena", "Ndjamena"]],
  ["Nouakchott", "MR", []],
  ["Conakry", "GN", []],
  ["Freetown", "SL", []],
  ["Monrovia", "LR", []],
  ["Yaoundé", "CM", ["Yaounde"]],
  ["Libreville", "GA", []],
  ["Bangui", "CF", []],
  ["Bangkok", "TH", []],
  ["Jakarta", "ID", ["Giacarta"]],
  ["Manila", "PH", []],
  ["Kuala Lumpur", "MY", []],
  ["Naypyidaw", "MM", ["Naypyitaw", "Nay Pyi Taw"]],
  ["Phnom Penh", "KH", []],
  ["Vientiane", "LA", []],
  ["Dhaka", "BD", ["Dacca"]],
  ["Kathmandu", "NP", []],
  ["Colombo", "LK", []],
  ["Wellington", "NZ", []],
  ["Bogotá", "CO", ["Bogota", "Bogotà"]],
  ["Quito", "EC", []],
  ["Lima", "PE", []],
  ["Santiago", "CL", ["Santiago del Cile", "Santiago de Chile"]],
  ["Buenos Aires", "AR", []],
  ["Montevideo", "UY", []],
  ["Asunción", "PY", ["Asuncion"]],
  ["La Paz", "BO", []],
  ["Managua", "NI", []],
  ["Tegucigalpa", "HN", []],
  ["San Salvador", "SV", []],
  ["Guatemala City", "GT", ["Città del Guatemala"]],
  ["Panama City", "PA", []],
  ["Port-au-Prince", "HT", []],
  ["Santo Domingo", "DO", []],
];

/**
 * World regions, seas and straits news names, whose names machine translation gets wrong
 * ("Medio Oriente" → "Average Orient", "Stretto di Taiwan" → "Tightened of Taiwan").
 */
const WORLD_REGIONS: Array<[name: string, aliases: string[]]> = [
  ["Europe", ["Europa"]],
  ["Asia", ["Asie"]],
  ["Africa", ["Afrique", "África"]],
  [
    "Middle East",
    ["Medio Oriente", "Medioriente", "Moyen-Orient", "Oriente Medio", "Médio Oriente", "Oriente Médio", "Nahost"],
  ],
  ["Far East", ["Estremo Oriente", "Extrême-Orient", "Lejano Oriente", "Extremo Oriente"]],
  ["Balkans", ["Balcani", "Balcanes", "Bálcãs", "Balkan"]],
  ["Caucasus", ["Caucaso", "Caucase", "Cáucaso", "Kaukasus"]],
  ["Central Asia", ["Asia centrale", "Asie centrale", "Asia Central", "Zentralasien"]],
  ["Southeast Asia", ["Sud-est asiatico", "Sudest asiatico", "Asie du Sud-Est", "Sudeste Asiático"]],
  ["Indo-Pacific", ["Indo-Pacifico", "Indo-Pacifique", "Indo-Pacífico", "Indopazifik"]],
  ["Sahel", []],
  ["Horn of Africa", ["Corno d'Africa", "Corne de l'Afrique", "Cuerno de África"]],
  ["North Africa", ["Nord Africa", "Nordafrica", "Afrique du Nord", "África del Norte", "Nordafrika"]],
  ["Sub-Saharan Africa", ["Africa subsahariana", "Afrique subsaharienne", "África subsahariana"]],
  ["Eastern Europe", ["Europa orientale", "Europa dell'Est", "Europe de l'Est", "Europa del Este", "Osteuropa"]],
  ["North America", ["Nord America", "Nordamerica", "Amérique du Nord", "América del Norte", "Nordamerika"]],
  ["South America", ["Sud America", "Sudamerica", "Amérique du Sud", "América del Sur", "Südamerika"]],
  ["Latin America", ["America Latina", "Amérique latine", "América Latina", "Lateinamerika"]],
  ["Persian Gulf", ["Gulf", "Golfo Persico", "Golfe Persique", "Golfo Pérsico"]],
  ["Mediterranean", ["Mediterraneo", "Méditerranée", "Mediterráneo", "Mittelmeer"]],
  ["Pacific", ["Pacifico", "Pacifique", "Pacífico", "Pazifik"]],
  ["Atlantic", ["Atlantico", "Atlantique", "Atlántico", "Atlantik"]],
  ["Arctic", ["Artico", "Arctique", "Ártico", "Arktis"]],
  ["Antarctica", ["Antartide", "Antarctique", "Antártida", "Antarktis"]],
  ["Caribbean", ["Caraibi", "Caraïbes", "Caribe", "Karibik"]],
  ["Baltic", ["Baltico", "Baltique", "Báltico", "Ostsee"]],
  ["Black Sea", ["Mar Nero", "Mer Noire", "Mar Negro", "Schwarzes Meer"]],
  ["Red Sea", ["Mar Rosso", "Mer Rouge", "Mar Rojo", "Mar Vermelho", "Rotes Meer"]],
  [
    "South China Sea",
    ["Mar Cinese Meridionale", "Mer de Chine méridionale", "Mar de China Meridional", "Südchinesisches Meer"],
  ],
  ["Taiwan Strait", ["Stretto di Taiwan", "Détroit de Taïwan", "Estrecho de Taiwán", "Taiwanstraße"]],
  ["Strait of Hormuz", ["Stretto di Hormuz", "Détroit d'Ormuz", "Estrecho de Ormuz", "Straße von Hormus"]],
  ["Alps", ["Alpi", "Alpes", "Alpen"]],
];

/** Leaders and officials news quotes most, with the country they stand for. */
const PEOPLE: Array<[name: string, country: string | undefined, aliases: string[]]> = [
  ["Xi Jinping", "CN", ["Xi", "Presidente Xi", "President Xi"]],
  ["Vladimir Putin", "RU", ["Putin", "Vladimir Vladimirovich Putin", "Wladimir Putin", "Vladímir Putin"]],
  ["Donald Trump", "US", ["Trump", "Donald J. Trump"]],
  ["Joe Biden", "US", ["Biden", "Joseph Biden", "Joseph R. Biden"]],
  [
    "Volodymyr Zelensky",
    "UA",
    [
      "Zelensky",
      "Zelenskyy",
      "Zelenskiy",
      "Zelenskij",
      "Zelens'kyj",
      "Volodymyr Zelenskyy",
      "Volodymyr Zelenskij",
      "Volodimir Zelensky",
    ],
  ],
  ["Kim Jong-un", "KP", ["Kim Jong Un", "Kim Jong-Un"]],
  ["Giorgia Meloni", "IT", ["Meloni"]],
  ["Sergio Mattarella", "IT", ["Mattarella"]],
  // Ministers who speak for Italy abroad stand for it; party leaders do not.
  ["Antonio Tajani", "IT", ["Tajani"]],
  ["Guido Crosetto", "IT", ["Crosetto"]],
  ["Matteo Salvini", undefined, ["Salvini"]],
  ["Giuseppe Conte", undefined, []],
  ["Elly Schlein", undefined, ["Schlein"]],
  ["Emmanuel Macron", "FR", ["Macron"]],
  ["Friedrich Merz", "DE", ["Merz"]],
  ["Olaf Scholz", "DE", ["Scholz"]],
  ["Keir Starmer", "GB", ["Starmer"]],
  ["Narendra Modi", "IN", ["Modi"]],
  ["Recep Tayyip Erdoğan", "TR", ["Erdoğan", "Erdogan", "Recep Tayyip Erdogan"]],
  ["Benjamin Netanyahu", "IL", ["Netanyahu", "Netanyahou"]],
  ["Ali Khamenei", "IR", ["Khamenei", "Ayatollah Khamenei"]],
  ["Lai Ching-te", "TW", ["Lai"]],
  ["Luiz Inácio Lula da Silva", "BR", ["Lula", "Lula da Silva"]],
  ["Sergei Lavrov", "RU", ["Lavrov", "Sergej Lavrov", "Serghei Lavrov"]],
  ["Wang Yi", "CN", []],
  ["Marco Rubio", "US", ["Rubio"]],
  ["Alexander Lukashenko", "BY", ["Lukashenko", "Lukashenka", "Lukashenko Aleksandr", "Aleksandr Lukashenko"]],
  ["Ursula von der Leyen", "EU", ["von der Leyen", "Von der Leyen"]],
  ["António Guterres", "UN", ["Guterres", "Antonio Guterres"]],
  ["Mark Rutte", "NATO", ["Rutte"]],
  ["Shigeru Ishiba", "JP", ["Ishiba"]],
  ["Sanae Takaichi", "JP", ["Takaichi"]],
  ["Lee Jae-myung", "KR", ["Lee Jae Myung"]],
  ["Pedro Sánchez", "ES", ["Sánchez", "Pedro Sanchez"]],
  ["Mohammed bin Salman", "SA", ["bin Salman", "MBS"]],
];

/** Organisations, alliances, agencies and outlets. */
const ORGANIZATIONS: Array<[name: string, kind: "organization" | "outlet", aliases: string[], standsFor?: string]> = [
  [
    "European Union",
    "organization",
    [
      "EU",
      "E.U.",
      "UE",
      "Ue",
      "Unione europea",
      "Unione Europea",
      "Union européenne",
      "Unión Europea",
      "Europäische Union",
      "União Europeia",
    ],
  ],
  [
    "NATO",
    "organization",
    ["Nato", "OTAN", "Otan", "North Atlantic Treaty Organization", "Alleanza atlantica", "Alleanza Atlantica"],
  ],
  [
    "United Nations",
    "organization",
    ["UN", "U.N.", "ONU", "Onu", "Nazioni Unite", "Nations unies", "Naciones Unidas", "Vereinte Nationen"],
  ],
  [
    "UN Security Council",
    "organization",
    [
      "Security Council",
      "Consiglio di sicurezza",
      "Consiglio di Sicurezza dell'Onu",
      "Consiglio di sicurezza dell'Onu",
    ],
  ],
  [
    "European Commission",
    "organization",
    ["Commissione europea", "Commissione Ue", "Commission européenne", "Comisión Europea"],
  ],
  [
    "European Central Bank",
    "organization",
    ["ECB", "BCE", "Bce", "Banca centrale europea", "Banque centrale européenne", "EZB"],
  ],
  ["Federal Reserve", "organization", ["Fed", "the Fed"]],
  [
    "International Monetary Fund",
    "organization",
    ["IMF", "FMI", "Fmi", "Fondo monetario internazionale", "Fondo Monetario Internazionale"],
  ],
  ["World Bank", "organization", ["Banca mondiale", "Banque mondiale", "Banco Mundial"]],
  ["World Trade Organization", "organization", ["WTO", "OMC", "Organizzazione mondiale del commercio"]],
  ["World Health Organization", "organization", ["WHO", "OMS", "Oms", "Organizzazione mondiale della sanità"]],
  ["G7", "organization", ["Group of Seven", "G-7"]],
  ["G20", "organization", ["Group of Twenty", "G-20"]],
  ["BRICS", "organization", ["Brics"]],
  ["OPEC", "organization", ["Opec", "OPEC+"]],
  [
    "Shanghai Cooperation Organisation",
    "organization",
    ["SCO", "Sco", "Organizzazione per la cooperazione di Shanghai"],
  ],
  ["African Union", "organization", ["Unione africana", "AU"]],
  // Palaces named for the institution inside them: places (their type is LOCATION, below).
  ["Kremlin", "organization", ["Cremlino", "the Kremlin", "Moscow Kremlin"], "RU"],
  ["White House", "organization", ["Casa Bianca", "the White House", "Maison Blanche", "Casa Blanca"], "US"],
  ["Pentagon", "organization", ["the Pentagon", "Pentagono"], "US"],
  ["State Department", "organization", ["Dipartimento di Stato", "US State Department"], "US"],
  ["Hamas", "organization", []],
  ["Hezbollah", "organization", ["Hizbollah", "Hezbollah"]],
  ["Gazprom", "organization", []],
  ["European Parliament", "organization", ["Parlamento europeo", "Parlement européen", "Parlamento Europeo"]],
  ["Wall Street Journal", "outlet", ["The Wall Street Journal", "WSJ"]],
  ["New York Times", "outlet", ["The New York Times", "NYT"]],
  ["Financial Times", "outlet", ["FT"]],
  ["Washington Post", "outlet", ["The Washington Post"]],
  ["Reuters", "outlet", []],
  ["Associated Press", "outlet", ["AP"]],
  ["Agence France-Presse", "outlet", ["AFP"]],
  ["Bloomberg", "outlet", []],
  ["ANSA", "outlet", ["Ansa"]],
  ["Xinhua", "outlet", ["Nuova Cina"]],
  ["TASS", "outlet", ["Tass"]],
  ["BBC", "outlet", []],
  ["CNN", "outlet", []],
  ["Corriere della Sera", "outlet", ["Corriere"]],
  ["la Repubblica", "outlet", ["Repubblica", "La Repubblica"]],
  ["Il Sole 24 Ore", "outlet", ["Sole 24 Ore"]],
  ["Le Monde", "outlet", []],
  ["El País", "outlet", ["El Pais"]],
  ["Der Spiegel", "outlet", ["Spiegel"]],
];

/** Buildings among the organisations above: named for an institution, typed as places. */
const BUILDINGS = new Set(["Kremlin", "White House", "Pentagon"]);

/** Stand-ins for organisations that act as one actor in stance (the EU, NATO, the UN). */
const ORG_CODES: Record<string, string> = { EU: "European Union", NATO: "NATO", UN: "United Nations" };

function cleanRegionName(name: string): string {
  return name.replace(/\s+-\s+.*$/, "").replace(/\s*\(.*\)$/, "");
}

function buildActors(): Actor[] {
  const actors: Actor[] = [];
  const countryName = new Map<string, string>();
  const english = new Intl.DisplayNames(["en"], { type: "region" });
  const namers = NAME_LANGUAGES.map((lang) => new Intl.DisplayNames([lang], { type: "region", fallback: "none" }));
  for (const code of REGIONS) {
    const name = ENGLISH_NAME[code] ?? cleanRegionName(english.of(code) ?? code);
    countryName.set(code, name);
    const aliases = new Set<string>();
    for (const namer of namers) {
      const local = namer.of(code);
      if (local) aliases.add(cleanRegionName(local));
    }
    const extras = COUNTRY_EXTRAS[code];
    for (const alias of extras?.aliases ?? []) aliases.add(alias);
    aliases.delete(name);
    const actor: Actor = { name, type: "LOCATION", kind: "country", aliases: [...aliases] };
    if (extras?.demonyms) actor.demonyms = extras.demonyms;
    const id = COUNTRY_IDS[code];
    if (id) actor.id = id;
    actors.push(actor);
  }
  const standsFor = (code: string | undefined): string | undefined =>
    code === undefined ? undefined : (ORG_CODES[code] ?? countryName.get(code));
  for (const [name, code, aliases] of CITIES) {
    const actor: Actor = { name, type: "LOCATION", kind: "city", aliases };
    const country = standsFor(code);
    if (country) actor.standsFor = country;
    actors.push(actor);
  }
  for (const [name, aliases] of WORLD_REGIONS) actors.push({ name, type: "LOCATION", kind: "region", aliases });
  for (const [name, code, aliases] of PEOPLE) {
    const actor: Actor = { name, type: "PERSON", kind: "person", aliases };
    const country = standsFor(code);
    if (country) actor.standsFor = country;
    actors.push(actor);
  }
  for (const [name, kind, aliases, code] of ORGANIZATIONS) {
    const actor: Actor = { name, type: BUILDINGS.has(name) ? "LOCATION" : "ORGANIZATION", kind, aliases };
    const country = standsFor(code);
    if (country) actor.standsFor = country;
    if (name === "European Union" && COUNTRY_IDS.EU) actor.id = COUNTRY_IDS.EU;
    actors.push(actor);
  }
  // The data files (data/actors/*.json): Italian institutions, parties, palaces, companies,
  // more international bodies and public figures.
  for (const data of ACTOR_DATA) {
    const actor: Actor = { name: data.name, type: data.type, kind: data.kind, aliases: [...data.aliases] };
    if (data.standsFor) actor.standsFor = data.standsFor;
    if (data.id) actor.id = data.id;
    if (data.demonyms) actor.demonyms = [...data.demonyms];
    actors.push(actor);
  }
  for (const actor of actors) {
    const id = NAMED_IDS[actor.name];
    if (id && actor.id === undefined) actor.id = id;
  }
  return actors;
}

/** Folds case and diacritics: "Città" and "citta" meet. */
export function foldName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’`]/g, "'")
    .toLowerCase();
}

/** An alias written in capitals ("US", "UN", "AP") only matches as written: "us" is a pronoun. */
function isCaseSensitive(alias: string): boolean {
  return !/\p{Ll}/u.test(alias);
}

interface ActorIndex {
  actors: Actor[];
  exact: Map<string, Actor>;
  folded: Map<string, Actor>;
  lower: Map<string, Actor>;
  demonyms: Map<string, Actor>;
  byName: Map<string, Actor>;
}

let index: ActorIndex | undefined;

function getIndex(): ActorIndex {
  if (index) return index;
  const actors = buildActors();
  const exact = new Map<string, Actor>();
  const folded = new Map<string, Actor>();
  const lower = new Map<string, Actor>();
  const demonyms = new Map<string, Actor>();
  const byName = new Map<string, Actor>();
  for (const actor of actors) {
    byName.set(foldName(actor.name), actor);
    for (const alias of [actor.name, ...actor.aliases]) {
      // The first actor to claim an alias keeps it: countries come before cities and people.
      if (!exact.has(alias)) exact.set(alias, actor);
      if (!isCaseSensitive(alias) && !folded.has(foldName(alias))) folded.set(foldName(alias), actor);
      if (!isCaseSensitive(alias) && !lower.has(alias.toLowerCase())) lower.set(alias.toLowerCase(), actor);
    }
    for (const demonym of actor.demonyms ?? []) {
      if (!demonyms.has(foldName(demonym))) demonyms.set(foldName(demonym), actor);
    }
  }
  index = { actors, exact, folded, lower, demonyms, byName };
  return index;
}

/** Every known actor. */
export function listActors(): readonly Actor[] {
  return getIndex().actors;
}

/**
 * The actor a name refers to ("Pechino" → Beijing, "Usa" → United States, "Putin" →
 * Vladimir Putin), or `undefined`. Capitalised abbreviations match only as written.
 */
export function lookupActor(surface: string): Actor | undefined {
  const { exact, folded, lower } = getIndex();
  const trimmed = surface.trim().replace(/^(the|la|le|il|lo|l'|gli|i)\s+/i, "");
  const hit = exact.get(surface.trim()) ?? exact.get(trimmed);
  if (hit) return hit;
  // A name in capitals ("CHINA" in a headline) matches case-insensitively but keeps its
  // accents: "IRA" is not "Irã" (Iran).
  if (isCaseSensitive(trimmed)) return lower.get(trimmed.toLowerCase());
  return folded.get(foldName(trimmed));
}

/** The country an adjective or noun of nationality points to ("cinesi" → China), or `undefined`. */
export function lookupDemonym(word: string): Actor | undefined {
  return getIndex().demonyms.get(foldName(word));
}

/** The actor with this canonical name, or `undefined`. */
export function actorByName(name: string): Actor | undefined {
  return getIndex().byName.get(foldName(name));
}

/**
 * All the names that mean the actor: its canonical name, aliases and, for a country, the
 * actors that stand for it (its capital, its leaders, its seats of government).
 */
export function actorAliases(name: string): string[] {
  const actor = lookupActor(name) ?? actorByName(name);
  if (!actor) return [name];
  const names = new Set<string>([actor.name, ...actor.aliases]);
  for (const other of getIndex().actors) {
    if (other.standsFor === actor.name) {
      names.add(other.name);
      for (const alias of other.aliases) names.add(alias);
    }
  }
  return [...names];
}
