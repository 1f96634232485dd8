/**
 * The rules extractor: capitalised spans, cut at titles and nationality words, typed by
 * gazetteers (core actors, this package's lists, compromise's lexicon of names and places),
 * organisation and place cue words, titles and context. Works chunk by chunk (paragraphs,
 * long paragraphs cut at sentence ends), so time is linear in the text and memory holds one
 * chunk's tokens at a time.
 */
import type { EntityType } from "@rassegna/core";

import { isDemonym, type KnownName, lexiconTags, lookupName, type WordEvidence, wordEvidence } from "./gazetteer.js";
import {
  EVENT_HEAD,
  EVENT_TAIL,
  GENERIC_NOUNS,
  ITALIAN_INSTITUTION_NOUNS,
  LOC_HEAD,
  LOC_TAIL,
  NAME_PARTICLES,
  NOT_NAMES,
  ORG_HEAD,
  ORG_JOINERS,
  ORG_TAIL,
  PERSON_TITLES,
  SPORTS_WORDS,
  TITLE_MODIFIERS,
} from "./lexicon.js";
import type { TypedMention } from "./merge.js";
import { type Token, tokenize } from "./tokens.js";

/** Languages the rules read directly. */
export type RulesLanguage = "en" | "it";

/** A mention found by the rules, before mentions are merged into entities. */
export interface FoundMention extends TypedMention {
  /** Context says it is an organisation ("Comelf said it"): other guesses of the same text follow it. */
  orgContext?: boolean;
  /** A place that is not a country, named where a sports side could be (not after "in", not a dateline). */
  teamLike?: boolean;
}

/** Work done, for tests that check time is linear (counted, not timed). */
export interface WorkStats {
  chunks: number;
  tokens: number;
  longestChunk: number;
}

/** Most tokens in one name ("Organisation for Security and Co-operation in Europe" has 7). */
const MAX_NAME_TOKENS = 12;

/** Longest chunk read at once, in UTF-16 code units: longer paragraphs are cut at sentence ends. */
export const MAX_CHUNK = 10_000;

/** Cuts the text into chunks of at most {@link MAX_CHUNK}: at line breaks, else sentence ends, else spaces. */
export function* chunks(text: string): Generator<[start: number, end: number]> {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    if (end - start > MAX_CHUNK) {
      const limit = start + MAX_CHUNK;
      const window = text.slice(start + MAX_CHUNK / 2, limit);
      const sentenceEnd = Math.max(window.lastIndexOf(". "), window.lastIndexOf("? "), window.lastIndexOf("! "));
      const space = window.lastIndexOf(" ");
      end =
        sentenceEnd !== -1
          ? start + MAX_CHUNK / 2 + sentenceEnd + 2
          : space !== -1
            ? start + MAX_CHUNK / 2 + space + 1
            : limit;
      yield [start, end];
      start = end;
      continue;
    }
    if (end > start) yield [start, end];
    start = end + 1;
  }
}

const LOC_PREPOSITIONS: Record<RulesLanguage, Set<string>> = {
  en: new Set(["in", "at", "near", "outside", "across", "around", "towards", "toward", "into", "through"]),
  it: new Set(["a", "in", "ad", "verso", "presso"]),
};
/** Endings of English common words (adverbs, abstract nouns, agent nouns, participles). */
const COMMON_SUFFIX =
  /(?:ly|ance|ence|ment|tion|sion|ness|ity|ings|ers|ors|ists|ed|ing|ive|ous|able|ible|ful|less|ism|ists)$/;

const PLACE_NOUNS = new Set(
  "city town village province region capital district state island port suburb area città paese villaggio provincia regione capitale distretto isola porto frazione comune stazione stazioni cittadina quartiere località periferia aeroporto borgo comuni".split(
    " ",
  ),
);

/** Endings of Italian abstract nouns, capitalised for emphasis ("la Resurrezione", "l'Umanità"). */
const ITALIAN_COMMON_SUFFIX = /(?:zione|zioni|mento|menti|ità|ismo|ismi|enza|enze|anza|anze|tura|ture|logia|grafia)$/;

const SCORECARD_AFTER = new Set(["c", "b", "lbw", "st", "run", "not"]);

/** Italian speech verbs that come before the speaker ("ha detto Rossi"). */
const SPEECH_BEFORE = new Set(
  "detto dichiarato affermato spiegato aggiunto sottolineato commentato dice spiega afferma aggiunge commenta dichiara".split(
    " ",
  ),
);
const ITALIAN_SURNAME =
  /(?:elli|etti|ini|oni|ucci|azzi|otti|atti|ieri|ardi|aldi|olli|illi|ossi|assi|anti|enti|esi|ali)$/;

const SAINT_WORDS = new Set(["san", "santa", "santo", "sant'", "santi", "ss", "st", "saint", "sainte", "são", "sao"]);

/** Titles followed by a portfolio ("Minister of Defence", "ministro degli Esteri"). */
const PORTFOLIO_TITLES = new Set([
  "minister",
  "ministro",
  "ministra",
  "secretary",
  "segretario",
  "sottosegretario",
  "assessore",
]);
const SPEECH_VERBS = new Set([
  "said",
  "says",
  "told",
  "added",
  "ha",
  "è",
  "aveva",
  "avrebbe",
  "era",
  "sarà",
  "dice",
  "disse",
  "afferma",
  "dichiara",
  "spiega",
  "aggiunge",
]);
/** Italian articles and articled prepositions: people and towns take none, organisations do ("la Fiat"). */
const ITALIAN_ARTICLES = new Set(
  "il lo la l' i gli le del dello della dell' dei degli delle al allo alla all' agli alle dal dallo dalla dall' nel nello nella nell' sul sullo sulla sull'".split(
    " ",
  ),
);
/** "SpaceX", "YouTube": a capital inside a word marks a brand (not "McDonald", "DeLillo"). */
const INNER_CAPITAL = /^(?!Mc|Mac|De|Di|La|Le|O')\p{Lu}\p{Ll}+\p{Lu}/u;
/** Adjective endings that Italian surnames rarely have ("Popolare", "Comunista", "Militare", "Rosse"). */
const ITALIAN_NAME_ADJECTIVE = /(?:are|ista|isti|iche|ica|ici|ale|ali|aria|ario|ata|ati|ate|ese|ana|ane|osse|ossi)$/;
const ITALIAN_ADJECTIVE = /(?:ale|ali|ico|ica|ici|iche|ivo|iva|ivi|ano|ana|ani|ese|esi|ario|aria|ari|eo|ea|ei|ee)$/;

/** The index of a token in its sentence (tokens know their place in the chunk). */
function indexIn(sentence: Token[], token: Token): number {
  return token.position - sentence[0]!.position;
}

/** Strips one period at the end of a title ("Sen." → "sen"). */
function bare(lower: string): string {
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

function isTitleWord(token: Token): boolean {
  return PERSON_TITLES.has(bare(token.lower));
}

/** A common word in one of its inflections ("Officials" → "official"). */
function isCommonWord(lower: string, evidence: WordEvidence): boolean {
  if (evidence.common) return true;
  for (const suffix of ["s", "es", "ed", "ing", "ly", "d"]) {
    if (lower.length > suffix.length + 2 && lower.endsWith(suffix)) {
      if (wordEvidence(lower.slice(0, -suffix.length)).common) return true;
    }
  }
  return false;
}

interface Context {
  text: string;
  language: RulesLanguage;
  /** Lower-cased words seen capitalised away from sentence starts: they are names. */
  capitalisedInside: Set<string>;
  found: FoundMention[];
  /** A sports report: clubs carry places' names, and scores follow sides. */
  sports: boolean;
}

/** Finds the mentions of people, places and organisations in `text`. */
export function findMentions(text: string, language: RulesLanguage, stats?: WorkStats): FoundMention[] {
  const capitalisedInside = new Set<string>();
  let words = 0;
  let sportsWords = 0;
  // First pass: which words are capitalised where capitals mean names (not sentence starts).
  for (const [start, end] of chunks(text)) {
    for (const token of tokenize(text, language, start, end)) {
      if (token.cap && !token.initial && !token.upper) capitalisedInside.add(token.lower);
      if (token.word) {
        words++;
        if (SPORTS_WORDS.has(token.lower)) sportsWords++;
      }
    }
  }
  const sports = sportsWords >= 5 && sportsWords / words > 0.015;
  const context: Context = { text, language, capitalisedInside, found: [], sports };
  const headlines: Token[][] = [];
  for (const [start, end] of chunks(text)) {
    const tokens = tokenize(text, language, start, end);
    if (stats) {
      stats.chunks++;
      stats.tokens += tokens.length;
      stats.longestChunk = Math.max(stats.longestChunk, end - start);
    }
    for (const sentence of sentences(tokens)) {
      if (isHeadline(sentence)) headlines.push(sentence);
      else readSentence(sentence, context);
    }
  }
  readHeadlines(headlines, context);
  shortFormsOfPeople(context.found);
  // In a sports report, clubs carry their city's name: "Surrey closed on 429", "Leeds beat Chelsea".
  propagateOrganisations(context.found);
  if (sports) {
    for (const mention of context.found) {
      if (mention.type === "LOCATION" && mention.teamLike) {
        mention.type = "ORGANIZATION";
        mention.strength = 2;
        delete mention.canonical;
      }
    }
  }
  return context.found;
}

/**
 * A name read as an organisation from its context ("Comelf said it", "news agency Tanjug") is
 * an organisation wherever the same text only had a guess.
 */
function propagateOrganisations(found: FoundMention[]): void {
  const organisations = new Set<string>();
  for (const mention of found) if (mention.orgContext) organisations.add(mention.text);
  if (organisations.size === 0) return;
  for (const mention of found) {
    if (mention.strength < 2 && mention.canonical === undefined && organisations.has(mention.text)) {
      mention.type = "ORGANIZATION";
      mention.strength = 2;
    }
  }
}

/** Nouns that describe an organisation in apposition or before its name ("the company", "news agency X"). */
const ORG_NOUNS = new Set(
  `company companies firm group bank agency carrier airline maker manufacturer producer insurer broker brokerage
  conglomerate subsidiary unit units club side newspaper daily weekly magazine broadcaster network operator
  exporter importer retailer chain utility developer distributor supplier refiner miner
  società azienda gruppo banca agenzia compagnia quotidiano settimanale emittente squadra`.split(/\s+/),
);
/** Words after a name that make it a company: "Acme CEO", "Acme shares", "Acme's board". */
const ORG_AFTER = new Set(
  "ceo chairman spokesman spokeswoman spokesperson shareholders shares stock subsidiary executives".split(" "),
);
const ORG_POSSESSIONS = new Set(
  "shares board stock profit profits net output results earnings revenue revenues sales subsidiary unit chairman ceo spokesman shareholders".split(
    " ",
  ),
);

/** Context that says a name is an organisation, for names the gazetteers do not know. */
function organisationContext(sentence: Token[], first: number, last: number): boolean {
  const next = sentence[last + 1];
  const after = sentence[last + 2];
  const previous = sentence[first - 1];
  if (previous && ORG_NOUNS.has(previous.lower) && !previous.cap) return true;
  if (!next) return false;
  if (ORG_AFTER.has(next.lower) && !next.cap) return true;
  if ((next.lower === "'s" || next.lower === "’s") && after && ORG_POSSESSIONS.has(after.lower)) return true;
  if (next.lower === "said" && after && (after.lower === "it" || after.lower === "its")) return true;
  if (next.text === "," && after) {
    if (after.lower === "which") return true;
    // "Comelf , the first foreign company", "Petofi , one of its units".
    for (let k = last + 2; k < Math.min(sentence.length, last + 7); k++) {
      const token = sentence[k]!;
      // The noun of the apposition itself, not of a name inside it ("Wang , the New York-based group").
      if (!token.word || (token.cap && !isDemonym(token.text))) break;
      if (ORG_NOUNS.has(token.lower)) return true;
    }
  }
  return false;
}

/**
 * "MaliVai Washington … Washington said": a lone word that is the last word of a person named
 * in the same text is that person, even where a gazetteer knows it as a city or a company
 * (countries stay places).
 */
function shortFormsOfPeople(found: FoundMention[]): void {
  const surnames = new Set<string>();
  for (const mention of found) {
    if (mention.type !== "PERSON" || mention.strength < 1) continue;
    const space = mention.text.lastIndexOf(" ");
    if (space > 0) surnames.add(mention.text.slice(space + 1));
  }
  if (surnames.size === 0) return;
  for (const mention of found) {
    if (mention.type === "PERSON" || !surnames.has(mention.text)) continue;
    if (lookupName(mention.text)?.country) continue;
    mention.type = "PERSON";
    mention.strength = 2;
    delete mention.canonical;
    delete mention.teamLike;
  }
}

function* sentences(tokens: Token[]): Generator<Token[]> {
  let begin = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (
      i === tokens.length ||
      (tokens[i]!.initial && tokens[i]!.word && (tokens[i]!.lineBreakBefore || !tokens[i - 1]!.word))
    ) {
      if (i > begin) yield tokens.slice(begin, i);
      begin = i;
    }
  }
}

/** A sentence in capitals (a headline): capitals say nothing there. */
function isHeadline(sentence: Token[]): boolean {
  let letters = 0;
  for (const token of sentence) {
    if (!token.word || !/\p{L}/u.test(token.text)) continue;
    if (!token.upper) return false;
    letters++;
  }
  return letters >= 2;
}

function isNameToken(sentence: Token[], i: number, context: Context): boolean {
  const token = sentence[i];
  if (!token?.word || !token.cap) return false;
  // An elided article or preposition ("L’", "Dell’", "Un’") is never part of a name's start,
  // nor an elided common word left whole ("L’asse" in English text; "O'Neill" stays a name).
  if (token.lower.endsWith("'") || ELIDED_COMMON.test(token.text)) return false;
  // "A. Hollioake", "I. Healy": an initial, even one that spells a word.
  if (token.text.length === 1 && sentence[i + 1]?.text === "." && sentence[i + 1]!.start === token.end) {
    const after = sentence[i + 2];
    if (after?.cap && after.joinedBefore && after.word && !NOT_NAMES.has(after.lower)) return true;
  }
  if (NOT_NAMES.has(token.lower) || NOT_NAMES.has(bare(token.lower))) return false;
  // "Soccer", "Cricket" heading a report; inside a name ("National Hockey League") they stay.
  if (token.initial && SPORTS_WORDS.has(token.lower)) return false;
  if (!token.initial) return true;
  return initialIsName(sentence, i, context);
}

/** An Italian or French elided article before a lower-case word: "l'asse", "dell'anno". */
const ELIDED_COMMON = /^(?:[lLdDcC]|[dD]ell|[nN]ell|[aA]ll|[dD]all|[sS]ull|[uU]n|[qQ]u)['’]\p{Ll}/u;

/** "Penalties were…", "Stocks fell": an unknown plural before a lower-case word is a common noun. */
function looksPlural(sentence: Token[], i: number): boolean {
  const token = sentence[i]!;
  const next = sentence[i + 1];
  return /[^su]s$/.test(token.lower) && next?.word === true && !next.cap;
}

/** Evidence, besides a capitalised word after it, that a sentence-initial word is a name. */
function initialHasEvidence(token: Token, context: Context): boolean {
  const evidence = wordEvidence(token.lower);
  if (context.capitalisedInside.has(token.lower) || (token.upper && token.text.length > 1)) return true;
  if (evidence.firstName || evidence.place || evidence.lastName) return true;
  return lookupName(token.text) !== undefined || isTitleWord(token) || ORG_HEAD.has(token.lower);
}

/** Whether a capitalised word at a sentence start is a name, not just a capital. */
function initialIsName(sentence: Token[], i: number, context: Context): boolean {
  const token = sentence[i]!;
  const evidence = wordEvidence(token.lower);
  const common = isCommonWord(token.lower, evidence);
  // "Nato a Roma nel 1950": an acronym written as a word ("Nato", "Onu") that is also an
  // Italian word, before a preposition, is that word (here "born").
  const next0 = sentence[i + 1];
  if (
    context.language === "it" &&
    !token.upper &&
    next0?.word &&
    !next0.cap &&
    ITALIAN_PREPOSITIONS.has(next0.lower) &&
    lookupName(token.text)?.type === "ORGANIZATION"
  )
    return false;
  if (context.capitalisedInside.has(token.lower)) return true;
  if (token.upper && token.text.length > 1) return true;
  if (!common && (lookupName(token.text) || evidence.firstName || evidence.place)) return true;
  if (isTitleWord(token) || ORG_HEAD.has(token.lower)) return true;
  // Two capitalised words in a row are a name even at a sentence start ("Wang Li said").
  const next = sentence[i + 1];
  if (next?.cap && next.joinedBefore && next.word && !NOT_NAMES.has(next.lower) && !isTitleWord(token)) return true;
  // An English word compromise does not know at all is more likely a name than a common word.
  return (
    context.language === "en" &&
    !common &&
    (evidence.lastName ||
      (lexiconTags(token.lower).length === 0 && !COMMON_SUFFIX.test(token.lower) && !looksPlural(sentence, i)))
  );
}

function readSentence(sentence: Token[], context: Context): void {
  const { language } = context;
  for (let i = 0; i < sentence.length; ) {
    const token = sentence[i]!;
    if (!isNameToken(sentence, i, context)) {
      if (language === "it" && !token.cap) {
        // "governo", "polizia tedesca", "consiglio comunale": institutions, KIND-style.
        const adjective = sentence[i + 1];
        const withAdjective =
          adjective?.joinedBefore &&
          !adjective.cap &&
          !NOT_NAMES.has(adjective.lower) &&
          (isDemonym(adjective.text) || ITALIAN_ADJECTIVE.test(adjective.lower));
        if (ITALIAN_INSTITUTION_NOUNS.has(token.lower) || (INSTITUTION_HEADS.has(token.lower) && withAdjective)) {
          const tokens = withAdjective ? [token, adjective] : [token];
          emit(context, tokens, "ORGANIZATION", 1, spanText(context, tokens).toLowerCase());
          i += tokens.length;
          continue;
        }
      }
      i++;
      continue;
    }
    let j = i;
    // Names are short: capping a run keeps the work per run bounded (linear time overall).
    while (j - i < MAX_NAME_TOKENS) {
      const next = sentence[j + 1];
      if (next?.joinedBefore && isNameToken(sentence, j + 1, context)) {
        // "Consiglio dei Ministri Silvio Berlusconi": a person's first name ends an organisation.
        const orgSoFar = sentence.slice(i, j + 1).some((t) => !t.cap || ORG_HEAD.has(t.lower));
        if (orgSoFar && wordEvidence(next.lower).firstName) break;
        j++;
        continue;
      }
      // An initial: "S. Waugh", "J. R. R. Tolkien".
      const afterDot = sentence[j + 2];
      if (
        next?.text === "." &&
        next.start === sentence[j]!.end &&
        /^\p{Lu}$/u.test(sentence[j]!.text) &&
        afterDot?.joinedBefore &&
        isNameToken(sentence, j + 2, context)
      ) {
        j += 2;
        continue;
      }
      // "Bank of England", "Ministero dell'Economia", "Ursula von der Leyen".
      const joined = joinAcross(sentence, i, j, context);
      if (joined > j) {
        j = joined;
        continue;
      }
      break;
    }
    // "Partito democratico", "Corte costituzionale": Italian organisations take adjectives.
    if (language === "it" && ORG_HEAD.has(token.lower)) {
      let k = j;
      while (k - j < 2) {
        const next = sentence[k + 1];
        if (!next?.joinedBefore || next.cap || !ITALIAN_ADJECTIVE.test(next.lower) || NOT_NAMES.has(next.lower)) break;
        k++;
      }
      j = k;
    }
    const before = context.found.length;
    readRun(sentence, i, j, context);
    if (language === "it") extendItalian(sentence, i, j, before, context);
    i = j + 1;
  }
}

/** Lower-case Italian words that head a place name ("golfo del Messico", "provincia di Ascoli"). */
const PLACE_HEADS = new Set(
  "golfo fiume lago provincia distretto punta isola isole monte monti valle regione comune contea baia stretto mar mare canale penisola oceano prefettura quartiere deserto rio vulcano".split(
    " ",
  ),
);
/** Lower-case Italian place words named after someone: "piazza Garibaldi", "ponte Morandi". */
const DEDICATION_HEADS = new Set(
  "piazza via viale corso ponte stadio parco aeroporto chiesa basilica cattedrale ospedale".split(" "),
);
/** Lower-case Italian institution words that take an adjective ("consiglio comunale"). */
const INSTITUTION_HEADS = new Set(["consiglio", "giunta", "camera", "parlamento", "chiesa", "azienda", "corte"]);
/** Italian bodies named with their territory ("Comune di Vercelli", "Università di Bologna"). */
const PLACE_OWNERS = new Set(["comune", "regione", "provincia", "università", "universita"]);
const ITALIAN_LINKS = new Set(["di", "del", "della", "dello", "dell'", "dei", "degli", "delle", "d'"]);

/**
 * KIND-style Italian spans: a place keeps its lower-case head ("fiume Dyfi", "provincia di
 * Ascoli Piceno"); an organisation keeps its adjective ("Parlamento macedone").
 */
function extendItalian(sentence: Token[], i: number, j: number, before: number, context: Context): void {
  if (context.found.length !== before + 1) return;
  const mention = context.found[before]!;
  if (mention.start !== sentence[i]!.start || mention.end !== sentence[j]!.end) return;
  let head = i - 1;
  if (sentence[head] && ITALIAN_LINKS.has(sentence[head]!.lower)) head--;
  const headToken = sentence[head];
  const dedicated = headToken !== undefined && head === i - 1 && DEDICATION_HEADS.has(headToken.lower);
  if (headToken && !headToken.cap && (dedicated || (PLACE_HEADS.has(headToken.lower) && mention.type !== "PERSON"))) {
    mention.start = headToken.start;
    mention.type = "LOCATION";
    mention.strength = Math.max(mention.strength, 2);
    delete mention.canonical;
  }
  const adjective = sentence[j + 1];
  if (
    mention.type === "ORGANIZATION" &&
    adjective?.joinedBefore &&
    !adjective.cap &&
    isDemonym(adjective.text) &&
    (j === i || ORG_HEAD.has(sentence[i]!.lower))
  ) {
    mention.end = adjective.end;
    delete mention.canonical;
  }
  // "Asia centrale", "Italia meridionale": a region named by a compass adjective.
  if (
    mention.type === "LOCATION" &&
    adjective?.joinedBefore &&
    !adjective.cap &&
    /^(?:centrale|(?:nord|sud)?(?:orientale|occidentale)|meridionale|settentrionale)$/.test(adjective.lower)
  ) {
    // The canonical name stays: "Ucraina orientale" is a part of Ukraine.
    mention.end = adjective.end;
  }
  // "Camera dei deputati", "Ministero della sanità", "Corte d'appello": an Italian institution
  // keeps its lower-case complement, as KIND spans it.
  if (mention.type === "ORGANIZATION" && sentence[i]!.cap && ORG_HEAD.has(sentence[i]!.lower)) {
    let e = j;
    while (sentence[e + 1] && sentence[e + 1]!.end <= mention.end) e++;
    const link = sentence[e + 1];
    const noun = sentence[e + 2];
    if (
      link?.joinedBefore &&
      ITALIAN_LINKS.has(link.lower) &&
      noun?.word &&
      !noun.cap &&
      (noun.joinedBefore || link.lower.endsWith("'")) &&
      /^\p{Ll}{3,}$/u.test(noun.text) &&
      !NOT_NAMES.has(noun.lower)
    ) {
      mention.end = noun.end;
      const adjective = sentence[e + 3];
      if (
        adjective?.joinedBefore &&
        !adjective.cap &&
        ITALIAN_ADJECTIVE.test(adjective.lower) &&
        !NOT_NAMES.has(adjective.lower)
      )
        mention.end = adjective.end;
      delete mention.canonical;
    }
  }
  mention.text = context.text.slice(mention.start, mention.end);
}

/** The next word still belongs to an organisation's name (not the first name of a person after it). */
function continuesName(sentence: Token[], k: number, context: Context): boolean {
  const token = sentence[k];
  return !!token?.joinedBefore && isNameToken(sentence, k, context) && !wordEvidence(token.lower).firstName;
}

/**
 * Lower-case particles that join two capitalised words in Italian text: foreign people's names
 * ("Leonardo da Vinci") and elided "d'" ("Costa d'Avorio"); Italian surnames capitalise theirs.
 */
const PERSON_PARTICLES = new Set(["da", "de", "von", "van", "der", "den", "du", "bin", "ibn", "al", "el", "d'"]);

const ITALIAN_PREPOSITIONS = new Set([
  "a",
  "ad",
  "il",
  "nel",
  "nella",
  "nei",
  "in",
  "da",
  "come",
  "per",
  "su",
  "tra",
  "fra",
]);
const COMPASS_PREFIXES = new Set(
  "east west north south eastern western northern southern central upper lower nord sud est ovest alto bassa basso".split(
    " ",
  ),
);
const COMPASS = new Set(["sud", "nord", "est", "ovest", "centro"]);
const CONJUNCTIONS = new Set(["e", "ed", "y", "und", "and"]);
const ARTICLES = new Set(["il", "lo", "la", "l'", "i", "gli", "le", "the", "el", "los", "las", "der", "die", "das"]);

/** The end of a name continued over lower-case joiners, or `j` when it does not continue. */
function joinAcross(sentence: Token[], i: number, j: number, context: Context): number {
  let k = j + 1;
  const joiners: Token[] = [];
  while (k < sentence.length && joiners.length < 2) {
    const token = sentence[k]!;
    if (!token.word && token.text !== "&") break;
    if (token.cap) break;
    const inPlace = token.lower === "in" && joiners.length === 0 && context.language === "en";
    if (!(ORG_JOINERS.has(token.lower) || NAME_PARTICLES.has(token.lower) || inPlace)) return j;
    if (!token.joinedBefore && !(joiners.length === 0 && sentence[k - 1]?.lower.endsWith("'"))) return j;
    joiners.push(token);
    k++;
  }
  const after = sentence[k];
  if (joiners.length === 0 || !after || !(after.joinedBefore || joiners[joiners.length - 1]!.lower.endsWith("'")))
    return j;
  // "Consiglio di Sicurezza del Paese": a generic noun after a joiner ends the name.
  if (!after.cap || NOT_NAMES.has(after.lower) || GENERIC_NOUNS.has(after.lower)) return j;
  // "il Ministero e la Banca": a conjunction and an article start a second name.
  if (joiners.length === 2 && CONJUNCTIONS.has(joiners[0]!.lower) && ARTICLES.has(joiners[1]!.lower)) return j;
  // "Human Rights in China", "Security and Cooperation in Europe": a name ending in a common
  // noun continues over "in" to a known place ("Goldman Sachs in London" does not).
  if (
    joiners.length === 1 &&
    joiners[0]!.lower === "in" &&
    j > i &&
    isCommonWord(sentence[j]!.lower, wordEvidence(sentence[j]!.lower)) &&
    !sentence.slice(i, j + 1).some((t) => wordEvidence(t.lower).firstName || isTitleWord(t)) &&
    !titleBefore(sentence, i) &&
    lookupName(after.text)?.type === "LOCATION"
  )
    return k;
  if (joiners.some((t) => t.lower === "in")) return j;
  // "Ossezia del Sud", "Irlanda del Nord", "Sudan del Sud": a compass point after "del" ends a place.
  if (
    joiners.length === 1 &&
    (joiners[0]!.lower === "del" || joiners[0]!.lower === "dell'") &&
    COMPASS.has(after.lower)
  )
    return k;
  const run = sentence.slice(i, j + 1);
  const orgLike = run.some(
    (t) => ORG_HEAD.has(t.lower) || ORG_TAIL.has(t.lower) || LOC_TAIL.has(t.lower) || LOC_HEAD.has(t.lower),
  );
  // "Tribunale di Milano", "Procura di Roma": KIND spans an office and its city apart; a
  // municipality keeps its town ("Comune di Vercelli"), a body its country ("Banca d'Italia").
  if (
    context.language === "it" &&
    joiners.length === 1 &&
    ITALIAN_LINKS.has(joiners[0]!.lower) &&
    !PLACE_OWNERS.has(sentence[i]!.lower) &&
    run.some((t) => ORG_HEAD.has(t.lower) || ORG_TAIL.has(t.lower)) &&
    !run.some((t) => LOC_HEAD.has(t.lower) || LOC_TAIL.has(t.lower))
  ) {
    const place = lookupName(after.text);
    if (place?.type === "LOCATION" && !place.country) return j;
  }
  // "Procter & Gamble", "Douglas & Lomason": an ampersand joins two names into a company.
  if (joiners.length === 1 && joiners[0]!.text === "&") {
    let end = k;
    while (end - i < MAX_NAME_TOKENS && continuesName(sentence, end + 1, context)) end++;
    return end;
  }
  const particleOnly =
    joiners.every((t) => NAME_PARTICLES.has(t.lower)) &&
    joiners[0]!.lower !== "e" &&
    (context.language === "en" || joiners.every((t) => PERSON_PARTICLES.has(t.lower)));
  // Particles join people's names only between two capitalised words ("Leonardo da Vinci").
  if (orgLike || (particleOnly && joiners.every((t) => t.lower !== "and" && t.lower !== "y" && t.lower !== "und"))) {
    if (!orgLike && (joiners[0]!.lower === "de" || joiners[0]!.lower === "di") && context.language === "it") {
      // "Consiglio di Stato" is caught above; between two names "di" is a preposition.
      return j;
    }
    let end = k;
    while (end - i < MAX_NAME_TOKENS && continuesName(sentence, end + 1, context)) end++;
    return end;
  }
  return j;
}

function spanText(context: Context, tokens: Token[]): string {
  return context.text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
}

function emit(
  context: Context,
  tokens: Token[],
  type: EntityType,
  strength: number,
  canonical?: string,
  sentence?: Token[],
  country?: boolean,
): void {
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const mention: FoundMention = {
    start: first.start,
    end: last.end,
    text: context.text.slice(first.start, last.end),
    type,
    strength,
  };
  if (canonical !== undefined) mention.canonical = canonical;
  if (type === "LOCATION" && !country && sentence) {
    const at = indexIn(sentence, first);
    const previous = sentence[at - 1];
    const next = sentence[at + tokens.length];
    const venue =
      (previous !== undefined && VENUE_WORDS.has(previous.lower)) ||
      (next !== undefined && /^\d{4}-/.test(next.text)) ||
      (next?.text === "," && first.initial);
    if (!venue) mention.teamLike = true;
  }
  context.found.push(mention);
}

const VENUE_WORDS = new Set(["in", "at", "near", "from", "to", "of", "a", "da", "di", "nel", "nella"]);

/** A capitalised run: known as a whole, or cut at titles and nationality words, then typed. */
function readRun(sentence: Token[], i: number, j: number, context: Context, personAfterTitle = false): void {
  const run = sentence.slice(i, j + 1);
  // A portfolio after a title ("ministro degli Esteri", "Minister of Defence") is not a name.
  const joiner = sentence[i - 1];
  const title = sentence[i - 2];
  if (joiner && title && ORG_JOINERS.has(joiner.lower) && PORTFOLIO_TITLES.has(title.lower)) {
    // "ministro del Lavoro Poletti": the portfolio goes, the minister stays.
    if (run.length === 1) return;
    readRun(sentence, i + 1, j, context, true);
    return;
  }
  const known = lookupKnown(run, context);
  if (known) {
    emit(context, run, known.type, 3, known.name, sentence, known.country);
    return;
  }
  // "il presidente Usa Obama", "President Chirac": after a title, a country names whose
  // leader the person is.
  if (run.length > 1 && (personAfterTitle || titleBefore(sentence, i))) {
    const country = lookupKnown([run[0]!], context);
    if (country?.country) {
      emit(context, [run[0]!], country.type, 3, country.name, sentence, true);
      readRun(sentence, i + 1, j, context, true);
      return;
    }
  }
  // "i Paesi Ue", "gli Stati Nato": a generic plural before a known country or organisation
  // qualifies it; the name is what follows.
  if (run.length > 1 && GENERIC_NOUNS.has(run[0]!.lower) && /s$|i$|e$/.test(run[0]!.lower)) {
    const rest = lookupKnown(run.slice(1), context);
    if (rest && (rest.country || rest.type === "ORGANIZATION")) {
      readRun(sentence, i + 1, j, context);
      return;
    }
  }
  // "Intanto Mosca", "Morto Giorgio Giubilo": a sentence-initial word with nothing to say it
  // is a name, before a known name or a first name, is just the first word of the sentence.
  const first = run[0]!;
  if (run.length > 1 && first.initial && !initialHasEvidence(first, context)) {
    const rest = sentence.slice(i + 1, j + 1);
    if (lookupKnown(rest, context) || wordEvidence(rest[0]!.lower).firstName) {
      readRun(sentence, i + 1, j, context);
      return;
    }
  }
  // "Iraq Saddam Hussein", "Coldiretti Roberto Moncalvo": a first name after a place or an
  // organisation starts a new name.
  for (let k = i + 1; k <= j && context.language === "it"; k++) {
    const before = sentence.slice(i, k);
    if (!wordEvidence(sentence[k]!.lower).firstName || before.some((t) => wordEvidence(t.lower).firstName)) continue;
    if (before.some((t) => !t.cap || isTitleWord(t))) continue;
    // "San Giovanni", "Santa Maria": a saint's name, not a place and a person.
    if (SAINT_WORDS.has(before[before.length - 1]!.lower)) continue;
    const knownBefore = lookupKnown(before, context);
    if (knownBefore?.type === "PERSON") continue;
    // "Saddam Hussein", "Pino Daniele": an unknown word before one first name is a first name
    // itself; only a known place or body, or a full name after it, starts a new name.
    if (!knownBefore && k === j) continue;
    readRun(sentence, i, k - 1, context);
    readRun(sentence, k, j, context);
    return;
  }
  let personCue = personAfterTitle || titleBefore(sentence, i);
  let piece: Token[] = [];
  let afterDemonym = false;
  const flush = () => {
    // A piece starts and ends with a capitalised word ("del Consiglio" → "Consiglio").
    while (piece.length > 0 && !piece[0]!.cap) piece.shift();
    // …except the adjectives of an Italian organisation ("Corte suprema", "Banca centrale").
    const adjectives = context.language === "it" && piece.length > 0 && ORG_HEAD.has(piece[0]!.lower);
    while (piece.length > 0 && !piece[piece.length - 1]!.cap) {
      const last = piece[piece.length - 1]!;
      if (
        adjectives &&
        ITALIAN_ADJECTIVE.test(last.lower) &&
        !NOT_NAMES.has(last.lower) &&
        !ORG_JOINERS.has(last.lower)
      )
        break;
      piece.pop();
    }
    // "American League", "Chinese Union": a nationality and one generic word name no one we can tell.
    const generic = afterDemonym && piece.length === 1 && ORG_TAIL.has(piece[0]!.lower);
    if (piece.length > 0 && !generic) readPiece(sentence, piece, personCue, context);
    piece = [];
    afterDemonym = false;
  };
  // Whether a title word or an organisation's last word comes later in the run (one pass back).
  const titleLater: boolean[] = [];
  const orgTailLater: boolean[] = [];
  for (let k = run.length - 1, title = false, org = false; k >= 0; k--) {
    titleLater[k] = title;
    orgTailLater[k] = org;
    title ||= isTitleWord(run[k]!);
    org ||= ORG_TAIL.has(run[k]!.lower);
  }
  for (let k = 0; k < run.length; k++) {
    const token = run[k]!;
    const title = isTitleWord(token) || (TITLE_MODIFIERS.has(token.lower) && titleLater[k] === true);
    const orgAfter = orgTailLater[k] === true;
    if (title && !orgAfter && k < run.length - 1) {
      flush();
      personCue = true;
      continue;
    }
    if (title && k === run.length - 1 && piece.length === 0) continue;
    if (piece.length === 0 && isDemonym(token.text) && k < run.length - 1) {
      afterDemonym = true;
      continue;
    }
    if (piece.length === 0 && isDemonym(token.text)) continue;
    piece.push(token);
  }
  flush();
}

/** A title right before the run ("Mr. Smith", "president Bush", "il sindaco Rossi"). */
function titleBefore(sentence: Token[], i: number): boolean {
  const previous = sentence[i - 1];
  if (!previous) return false;
  if (previous.text === "." && sentence[i - 2] && isTitleWord(sentence[i - 2]!)) return true;
  return previous.word && isTitleWord(previous);
}

function lookupKnown(tokens: Token[], context: Context): KnownName | undefined {
  const surface = spanText(context, tokens);
  const known = lookupName(surface);
  if (!known) return undefined;
  // A sentence-initial common word that is also a name ("Total", "Apple") needs more than that.
  if (tokens.length === 1 && tokens[0]!.initial && isCommonWord(tokens[0]!.lower, wordEvidence(tokens[0]!.lower))) {
    if (!context.capitalisedInside.has(tokens[0]!.lower)) return undefined;
  }
  return known;
}

/** A lone unknown capitalised word: organisations (companies, clubs, acronyms) are the most frequent. */
/** Several unknown capitalised words: most often a person's name. */
const DEFAULT_MULTI: Record<RulesLanguage, EntityType> = {
  en: "PERSON",
  it: "PERSON",
};
const DEFAULT_SINGLE: Record<RulesLanguage, EntityType> = {
  en: "ORGANIZATION",
  it: "LOCATION",
};
const DEMONYM_SUFFIX = /(?:ish|ese|ian|ean|ic)$/;
const TEAM_NEIGHBOURS = new Set(["v", "vs", "v.", "vs.", "beat", "beats", "drew", "versus"]);

/** A place named as a sports side: "Surrey 250 for 4", "Leeds v Chelsea" (CoNLL tags teams ORG). */
function isTeamPosition(sentence: Token[], piece: Token[]): boolean {
  const first = indexIn(sentence, piece[0]!);
  const last = first + piece.length - 1;
  const next = sentence[last + 1];
  const previous = sentence[first - 1];
  if (next && /^\d/.test(next.text) && !/^\d{4}(?:$|[-/])/.test(next.text)) return true;
  return (
    (next !== undefined && TEAM_NEIGHBOURS.has(next.lower)) ||
    (previous !== undefined && TEAM_NEIGHBOURS.has(previous.lower))
  );
}

function readPiece(sentence: Token[], piece: Token[], personCue: boolean, context: Context): void {
  const last = piece[piece.length - 1]!;
  if (piece.length === 1 && /^\p{Lu}$/u.test(last.text)) return;
  const known = lookupKnown(piece, context);
  if (known) {
    const team = known.type === "LOCATION" && !known.country && isTeamPosition(sentence, piece);
    emit(
      context,
      piece,
      team ? "ORGANIZATION" : known.type,
      team ? 2 : 3,
      team ? undefined : known.name,
      sentence,
      known.country,
    );
    return;
  }
  if (EVENT_TAIL.has(last.lower) || EVENT_HEAD.has(piece[0]!.lower)) return;
  // "Chinese" ends no name; "China" (also a demonym to the lexicon: china, porcelain) may.
  if (isDemonym(last.text) && !(piece.length > 1 && lookupName(last.text))) return;
  // "i Paesi", "lo Stato", "the Countries": capitalised common nouns with no name after them.
  if (piece.every((t) => !t.cap || GENERIC_NOUNS.has(t.lower))) return;
  // "Amman-bound", "Year-on-year", "France-registered": compound adjectives, not names.
  const tail = /-(\p{Ll}+)$/u.exec(last.text)?.[1];
  if (tail && (wordEvidence(tail).common || COMMON_SUFFIX.test(tail) || /^(?:based|born|bound|origin)$/.test(tail)))
    return;
  if (piece.length === 1) {
    // "H1N1", "CO2", "XXI": codes and numerals are not names unless a gazetteer knows them.
    if (/\d/.test(last.text) || /^[IVXLC]+$/.test(last.text)) return;
    if (context.language === "it" && ITALIAN_COMMON_SUFFIX.test(last.lower) && !ORG_HEAD.has(last.lower)) return;
  }
  if (piece.length === 1 && !personCue && DEMONYM_SUFFIX.test(last.lower)) {
    const next = sentence[indexIn(sentence, last) + 1];
    if (next?.word && !next.cap && !wordEvidence(last.lower).firstName && !SPEECH_VERBS.has(next.lower)) return;
  }
  // "East Jerusalem", "Northern Ireland", "Nord Italia": a compass word before a known place.
  if (piece.length >= 2 && COMPASS_PREFIXES.has(piece[0]!.lower)) {
    const place = lookupName(spanText(context, piece.slice(1)));
    if (place?.type === "LOCATION") {
      emit(context, piece, "LOCATION", 2, undefined, sentence, place.country);
      return;
    }
  }
  const firstAt = indexIn(sentence, piece[0]!);
  if (
    !personCue &&
    piece.length <= 3 &&
    !wordEvidence(piece[0]!.lower).firstName &&
    organisationContext(sentence, firstAt, firstAt + piece.length - 1)
  ) {
    emit(context, piece, "ORGANIZATION", 2);
    context.found[context.found.length - 1]!.orgContext = true;
    return;
  }
  const type = classify(sentence, piece, personCue, context);
  if (!type) return;
  // "Lotte 6 Hyundai 2": in a sports report an unknown one-word name before a score is a side.
  if (
    context.sports &&
    type.type === "PERSON" &&
    type.strength < 2 &&
    piece.length === 1 &&
    !wordEvidence(last.lower).firstName &&
    isTeamPosition(sentence, piece)
  ) {
    emit(context, piece, "ORGANIZATION", 1);
    return;
  }
  if (type.type === "LOCATION" && type.strength < 2 && isTeamPosition(sentence, piece)) {
    emit(context, piece, "ORGANIZATION", 1);
    return;
  }
  emit(context, piece, type.type, type.strength, undefined, sentence);
}

function classify(
  sentence: Token[],
  piece: Token[],
  personCue: boolean,
  context: Context,
): { type: EntityType; strength: number } | undefined {
  const { language } = context;
  const first = piece[0]!;
  const last = piece[piece.length - 1]!;
  const n = piece.length;
  let person = personCue ? 3 : 0;
  let place = 0;
  let organization = 0;
  let cue = personCue;
  if (n >= 2 && (ORG_TAIL.has(last.lower) || piece.some((t) => t.text === "&"))) {
    organization += 3;
    cue = true;
  }
  // Joined over "in" to a place ("Human Rights in China"): only organisations are named so.
  if (language === "en" && piece.some((t) => t.lower === "in")) {
    organization += 3;
    cue = true;
  }
  if (ORG_HEAD.has(first.lower) && (n >= 2 || language === "it")) {
    organization += 3;
    cue = true;
  }
  if (n >= 2 && LOC_TAIL.has(last.lower)) {
    place += 2.5;
    cue = true;
  }
  if (n >= 2 && LOC_HEAD.has(first.lower)) {
    place += 2.5;
    cue = true;
  }
  let commonOnly = true;
  piece.forEach((token, k) => {
    const evidence = wordEvidence(token.lower);
    if (!isCommonWord(token.lower, evidence) || evidence.firstName || evidence.lastName || evidence.place) {
      commonOnly = false;
    }
    if (evidence.firstName && k === 0) person += n >= 2 ? 2 : 1;
    if (evidence.lastName && k === n - 1) person += 1;
    if (evidence.place) place += n === 1 ? 1.5 : 0.5;
    if (evidence.organization) organization += 1;
  });
  // A lone common word ("Hill", "Brown"): kept only if it turns out to stand for a longer name.
  if (commonOnly && !cue && n === 1) return { type: "PERSON", strength: -1 };
  if (n === 1 && first.upper && /^[\p{Lu}.&]{2,7}$/u.test(first.text)) organization += 1.5;
  const previous = sentence[indexIn(sentence, first) - 1];
  if (previous && LOC_PREPOSITIONS[language].has(previous.lower)) place += 1;
  // "the city of Arbil", "the town of Lockerbie", "la città di Merano".
  const beforeOf = sentence[indexIn(sentence, first) - 2];
  if (previous && beforeOf && (previous.lower === "of" || previous.lower === "di") && PLACE_NOUNS.has(beforeOf.lower)) {
    place += 2;
  }
  const next = sentence[indexIn(sentence, last) + 1];
  if (next && SPEECH_VERBS.has(next.lower)) person += language === "it" ? 1 : 0.5;
  // Cricket scorecards: "c Healy b Warne 12", "Smith run out 4", "Warne 10-0-41-2" are players.
  if (context.sports && (previous?.text === "c" || previous?.text === "b" || previous?.text === "st")) {
    person += 3;
    cue = true;
  }
  if (context.sports && next && (SCORECARD_AFTER.has(next.text) || /^\d+-\d+-\d+-\d+$/.test(next.text))) {
    const after = sentence[indexIn(sentence, last) + 2];
    if ((next.text !== "run" && next.text !== "not") || after?.text === "out") {
      person += 3;
      cue = true;
    }
  }
  // "Ribera ( AG )", "Vernio ( PO )": a two-letter code in brackets after a town is its province.
  if (
    language === "it" &&
    n === 1 &&
    /^\p{Lu}{2}$/u.test(first.text) &&
    previous?.text === "(" &&
    next?.text === ")" &&
    sentence[indexIn(sentence, first) - 2]?.cap
  ) {
    place += 3;
    cue = true;
  }
  // "ha detto Medvedev": a speech verb before the name (English "said Interfax" is often an agency).
  if (language === "it" && previous && SPEECH_BEFORE.has(previous.lower)) person += 1.5;
  // "Montanelli", "Poletti", "Bersani": Italian surname endings, for a word no lexicon knows as a place.
  if (language === "it" && n === 1 && ITALIAN_SURNAME.test(first.lower) && !wordEvidence(first.lower).place)
    person += 1;
  if (language === "it" && n === 1 && previous) {
    // "nel Mugello": "in" with an article is still "in".
    if (previous.lower.startsWith("nel")) place += 1;
    else if (ITALIAN_ARTICLES.has(previous.lower)) organization += 1.5;
    if (previous.lower === "secondo") person += 1;
  }
  if (piece.some((t) => INNER_CAPITAL.test(t.text))) organization += 2;
  // "Fronte Popolare", "Democrazia Cristiana", "Aeronautica Militare": a noun that is no first
  // name and an adjective after it name a body, not a person.
  if (
    language === "it" &&
    n >= 2 &&
    !wordEvidence(first.lower).firstName &&
    ITALIAN_NAME_ADJECTIVE.test(last.lower) &&
    !wordEvidence(last.lower).lastName
  )
    organization += 1;
  // Two or three plain capitalised words are most often a person's name; with a known place
  // inside ("Air France", "Real Madrid") an organisation.
  if (n >= 2 && !cue) {
    const placeInside = piece.some((t) => lookupName(t.text)?.type === "LOCATION");
    if (placeInside) organization += 1.5;
    else if (
      language === "en" &&
      n <= 3 &&
      piece.every((t) => !t.upper && !/\d/.test(t.text) && !isCommonWord(t.lower, wordEvidence(t.lower)))
    ) {
      person += 1;
    }
  }
  const best = Math.max(person, place, organization);
  if (best === 0) {
    // "TAX STAT", "Net Income N", "Financial Data": capitals or common words only, nothing known.
    if (n >= 2 && piece.every((t) => t.upper || isCommonWord(t.lower, wordEvidence(t.lower)) || t.text.length === 1)) {
      return { type: DEFAULT_MULTI[language], strength: -1 };
    }
    return { type: n === 1 ? DEFAULT_SINGLE[language] : DEFAULT_MULTI[language], strength: 0 };
  }
  const strength = cue ? 2 : 1;
  if (person === best) return { type: "PERSON", strength };
  if (organization === best) return { type: "ORGANIZATION", strength };
  return { type: "LOCATION", strength };
}

/**
 * Headlines in capitals: only names known from the gazetteers or from the rest of the
 * document are taken, longest first.
 */
function readHeadlines(headlines: Token[][], context: Context): void {
  if (headlines.length === 0) return;
  const seen = new Map<string, { type: EntityType; canonical?: string }>();
  for (const mention of context.found) {
    const key = mention.text.toLowerCase();
    const entry: { type: EntityType; canonical?: string } = { type: mention.type };
    if (mention.canonical !== undefined) entry.canonical = mention.canonical;
    if (!seen.has(key) || mention.strength >= 2) seen.set(key, entry);
  }
  for (const sentence of headlines) {
    for (let i = 0; i < sentence.length; ) {
      let matched = 0;
      if (sentence[i]!.word) {
        for (let n = Math.min(4, sentence.length - i); n >= 1 && matched === 0; n--) {
          const tokens = sentence.slice(i, i + n);
          if (NOT_NAMES.has(tokens[0]!.lower) && (n === 1 || NOT_NAMES.has(tokens[n - 1]!.lower))) continue;
          if (!tokens.every((t, k) => k === 0 || t.joinedBefore)) continue;
          const surface = spanText(context, tokens);
          const fromDocument = seen.get(surface.toLowerCase());
          if (fromDocument) {
            const team =
              fromDocument.type === "LOCATION" && !lookupName(surface)?.country && isTeamPosition(sentence, tokens);
            emit(
              context,
              tokens,
              team ? "ORGANIZATION" : fromDocument.type,
              2,
              team ? undefined : fromDocument.canonical,
            );
            matched = n;
            continue;
          }
          const known = lookupName(surface) ?? (n === 1 ? undefined : undefined);
          if (known && !(n === 1 && isCommonWord(tokens[0]!.lower, wordEvidence(tokens[0]!.lower)))) {
            if (known.type === "LOCATION" && !known.country && isTeamPosition(sentence, tokens)) {
              emit(context, tokens, "ORGANIZATION", 2);
            } else emit(context, tokens, known.type, 3, known.name, sentence, known.country);
            matched = n;
          }
        }
      }
      i += matched || 1;
    }
  }
}
