/**
 * The rules extractor: capitalised spans, cut at titles and nationality words, typed by
 * gazetteers (core actors, this package's lists, compromise's lexicon of names and places),
 * organisation and place cue words, titles and context. Works chunk by chunk (paragraphs,
 * long paragraphs cut at sentence ends), so time is linear in the text and memory holds one
 * chunk's tokens at a time.
 *
 * The rules and their weights were tuned on the benchmarks' dev splits only (CoNLL-2003
 * `eng.testa`, KIND `WN_dev.tsv`), by grouping their errors; no names are taken from the data.
 */
import { type EntityType, foldName, type Token, tokenize } from "@rassegna/core";

import {
  isDemonym,
  type KnownName,
  lexiconTags,
  lookupName,
  numberedNames,
  type WordEvidence,
  wordEvidence,
} from "./gazetteer.js";
import { splitGluedNames } from "./glued.js";
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
  REGION_NAMES,
  SPORTS_WORDS,
  TITLE_MODIFIERS,
} from "./lexicon.js";
import type { TypedMention } from "./merge.js";

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

/** Lower-case words for a ministry, before a portfolio in a literal translation ("ministry of the Defence"). */
const MINISTRY_WORDS = new Set(["ministry", "department"]);
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
/** More adjective endings after the head of a body ("Protezione civile", "Corte suprema", "Chiesa ortodossa"). */
const BODY_ADJECTIVE = /(?:ile|ili|ema|emo|emi|eme|ossa|osso|ossi|osse|ino|ina|ini|ine)$/;

/** A lower-case adjective that an Italian body's head takes: by ending, or a nationality ("Nazionale argentina"). */
function isBodyAdjective(token: Token): boolean {
  return ITALIAN_ADJECTIVE.test(token.lower) || BODY_ADJECTIVE.test(token.lower) || isDemonym(token.text);
}

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

/** An English common word that is no name at all ("Research", "Center"; not "Dean", "Max"). */
function isEnglishCommon(lower: string): boolean {
  const evidence = wordEvidence(lower);
  return (
    isCommonWord(lower, evidence) &&
    !evidence.firstName &&
    !evidence.lastName &&
    !evidence.place &&
    !NAME_PARTICLES.has(lower)
  );
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
  /** Starts of words read as towns from their place in a name ("Procura di Trani"). */
  towns: Set<number>;
}

/** Finds the mentions of people, places and organisations in `text`. */
export function findMentions(text: string, language: RulesLanguage, stats?: WorkStats): FoundMention[] {
  const capitalisedInside = new Set<string>();
  let words = 0;
  let sportsWords = 0;
  // First pass: which words are capitalised where capitals mean names (not sentence starts).
  for (const [start, end] of chunks(text)) {
    for (const token of tokenize(text, { language, from: start, to: end })) {
      if (token.cap && !token.initial && !token.upper) capitalisedInside.add(token.lower);
      if (token.word) {
        words++;
        if (SPORTS_WORDS.has(token.lower)) sportsWords++;
      }
    }
  }
  const sports = sportsWords >= 5 && sportsWords / words > 0.015;
  const context: Context = { text, language, capitalisedInside, found: [], sports, towns: new Set() };
  const headlines: Token[][] = [];
  for (const [start, end] of chunks(text)) {
    const tokens = tokenize(text, { language, from: start, to: end });
    if (stats) {
      stats.chunks++;
      stats.tokens += tokens.length;
      stats.longestChunk = Math.max(stats.longestChunk, end - start);
    }
    for (const whole of sentences(tokens)) {
      // "LONDON 1996-08-30", "ROME, Nov 26": a dateline names the place the report is filed from.
      const sentence = whole.slice(readDateline(whole, context));
      if (sentence.length === 0) continue;
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
  return splitGluedNames(context.found, text).filter((mention) => !MODEL_DESIGNATION.test(mention.text));
}

/**
 * Designations of weapons, aircraft and products ("Iskander-M", "Su-57", "F-35", "S-400",
 * "Covid-19"): a name with a short code after a hyphen is a thing, not a person, place or
 * organisation (CoNLL and KIND tag them MISC, which we do not output). "G-20" is a group.
 */
const MODEL_DESIGNATION = /^(?!G-\d)[\p{Lu}][\p{L}]{0,12}-(?:[\p{Lu}\d]{1,2}|\d{1,4}[\p{Lu}]?)$/u;

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
    // "… di Roma": a surname after a lower-case particle may be a town's name.
    if (space > 0 && !/ \p{Ll}+$/u.test(mention.text.slice(0, space))) surnames.add(mention.text.slice(space + 1));
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

const MONTH_WORDS = new Set(
  `jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september
  october november december gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre
  dicembre gen febb mag giu lug ago set ott dic`.split(/\s+/),
);
/** A date that ends a dateline: "1996-08-30", "Nov 26", "26 novembre". */
function isDateAt(sentence: Token[], k: number): boolean {
  const token = sentence[k];
  if (!token) return false;
  if (/^\d{4}-\d{2}-\d{2}$/.test(token.text)) return true;
  const next = sentence[k + 1];
  const month = (t: Token | undefined) => t !== undefined && MONTH_WORDS.has(bare(t.lower));
  if (month(token)) return next !== undefined && /^\d{1,2}$/.test(next.text);
  return /^\d{1,2}$/.test(token.text) && month(next);
}

/**
 * A dateline at the start of a line: one to three place names in capitals or capitalised words,
 * separated by commas ("KHASAVYURT , Russia", "IRVINE , Calif"), then a date. The places are
 * places whatever else the document says of the same words (a sports report's "LONDON" is the
 * city, not a club). Returns how many tokens the dateline took (0 when there is none).
 */
function readDateline(sentence: Token[], context: Context): number {
  const first = sentence[0];
  if (!first?.cap || !(first.lineBreakBefore || first.position === 0)) return 0;
  const places: Array<[number, number]> = [];
  let k = 0;
  while (places.length < 3) {
    const begin = k;
    while (sentence[k]?.cap && sentence[k]!.word && (k === begin || sentence[k]!.joinedBefore)) k++;
    if (k === begin || k - begin > 4) return 0;
    // "Calif .", "Mich .": an abbreviated state.
    const end = k - 1;
    if (sentence[k]?.text === "." && sentence[k]!.start === sentence[end]!.end) k++;
    places.push([begin, end]);
    if (sentence[k]?.text === ",") k++;
    if (isDateAt(sentence, k)) break;
    if (!sentence[k]?.cap) return 0;
  }
  if (!isDateAt(sentence, k)) return 0;
  for (const [begin, end] of places) {
    const tokens = sentence.slice(begin, end + 1);
    if (tokens.some((t) => NOT_NAMES.has(t.lower) || MONTH_WORDS.has(bare(t.lower)))) return 0;
  }
  for (const [begin, end] of places) {
    const tokens = sentence.slice(begin, end + 1);
    const known = lookupName(spanText(context, tokens));
    const place = known?.type === "LOCATION" ? known : undefined;
    emit(context, tokens, "LOCATION", 3, place?.name, undefined, place?.country);
  }
  return k;
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
  // "St Louis", "St Mirren": "St" before a name is "Saint" (alone it is a street).
  const saint = token.text === "St" && sentence[i + 1]?.cap === true && sentence[i + 1]!.joinedBefore;
  if (!saint && (NOT_NAMES.has(token.lower) || NOT_NAMES.has(bare(token.lower)))) return false;
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

/** The last token of a known name with a number in it ("Movimento 5 Stelle") starting at `i`. */
function numberedNameAt(sentence: Token[], i: number): { end: number; known: KnownName } | undefined {
  const token = sentence[i]!;
  if (!token.cap && !/^\d/.test(token.text)) return undefined;
  for (const candidate of numberedNames().get(foldName(token.text)) ?? []) {
    const { words } = candidate;
    let k = 0;
    while (k < words.length && sentence[i + k] && foldName(sentence[i + k]!.text) === words[k]) k++;
    if (k === words.length) return { end: i + k - 1, known: candidate.known };
  }
  return undefined;
}

function readSentence(sentence: Token[], context: Context): void {
  const { language } = context;
  for (let i = 0; i < sentence.length; ) {
    const token = sentence[i]!;
    const numbered = numberedNameAt(sentence, i);
    if (numbered) {
      emit(context, sentence.slice(i, numbered.end + 1), numbered.known.type, 3, numbered.known.name, sentence);
      i = numbered.end + 1;
      continue;
    }
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
      // "Ernesto Di Lorenzo", "Giò Di Tonno", "Ignazio La Russa": a capitalised particle starts an
      // Italian surname after a name that is no place or body.
      if (language === "it" && next && SURNAME_PARTICLES.has(next.text) && next.joinedBefore && !next.initial) {
        const after = sentence[j + 2];
        const run = sentence.slice(i, j + 1);
        if (
          after?.cap &&
          after.word &&
          (after.joinedBefore || next.text.endsWith("'")) &&
          !NOT_NAMES.has(after.lower) &&
          run.every((t) => t.cap && !ORG_HEAD.has(t.lower) && !LOC_HEAD.has(t.lower) && !isTitleWord(t)) &&
          lookupKnown(run, context) === undefined &&
          lookupName(after.text) === undefined
        ) {
          j += 2;
          continue;
        }
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
        if (!next?.joinedBefore || next.cap || !isBodyAdjective(next) || NOT_NAMES.has(next.lower)) break;
        k++;
      }
      j = k;
    }
    const before = context.found.length;
    readRun(sentence, i, j, context);
    if (language === "it") extendItalian(sentence, i, j, before, context);
    titledWithArticle(sentence, i, before, context);
    i = j + 1;
  }
}

/** Capitalised particles of Italian surnames ("Di Lorenzo", "De Gasperi", "La Russa", "Lo Bianco"). */
const SURNAME_PARTICLES = new Set(["Di", "De", "Del", "Della", "Da", "Dal", "Dalla", "D'", "Lo", "La", "Li", "Le"]);

/** Articles that start the names of papers, parties and clubs when capitalised mid-sentence. */
const NAME_ARTICLES = new Set(["il", "la", "lo", "le", "i", "l'", "the", "der", "die", "das", "le", "les", "el"]);

/**
 * "il quotidiano La Repubblica", "dal The Guardian", "de Il Sole 24 Ore": a capitalised article
 * inside a sentence belongs to the name after it, the name of a paper, a party or a club.
 */
function titledWithArticle(sentence: Token[], i: number, before: number, context: Context): void {
  const article = sentence[i - 1];
  if (!article?.cap || article.initial || !NAME_ARTICLES.has(article.lower)) return;
  if (!(sentence[i]!.joinedBefore || article.lower.endsWith("'"))) return;
  if (context.found.length !== before + 1) return;
  const mention = context.found[before]!;
  if (mention.start !== sentence[i]!.start) return;
  // A known place or person keeps its span ("La Spezia" is known whole).
  if (mention.strength >= 3 && mention.type !== "ORGANIZATION") return;
  mention.start = article.start;
  mention.text = context.text.slice(mention.start, mention.end);
  // English "The Oval" stays a place; in Italian text the article marks a paper, party or club.
  if (context.language === "it" || mention.type === "PERSON") {
    mention.type = "ORGANIZATION";
    mention.strength = Math.max(mention.strength, 2);
    delete mention.teamLike;
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
  "piazza piazzale largo via viale vicolo corso lungomare ponte stadio parco aeroporto chiesa basilica cattedrale santuario ospedale".split(
    " ",
  ),
);
/** Places of worship dedicated "di" someone ("chiesa di San Giovanni"). */
const CHURCH_HEADS = new Set(["chiesa", "basilica", "cattedrale", "santuario", "altare", "abbazia"]);
/** Lower-case Italian institution words that take an adjective ("consiglio comunale"). */
const INSTITUTION_HEADS = new Set(["consiglio", "giunta", "camera", "parlamento", "chiesa", "azienda", "corte"]);
/** Titles that belong to the name they precede ("suor Rosanna", "Don Fabio"). */
const RELIGIOUS_TITLES = new Set(["suor", "don"]);
/** Offices that KIND spans apart from the town they serve ("Procura" + "Trani"). */
const OFFICE_HEADS = new Set(["procura", "prefettura", "questura", "tribunale"]);
/** Links inside place names ("Città del Capo", "Tor di Valle", "Rio de Janeiro"). */
const PLACE_LINKS = new Set(["di", "del", "dei", "della", "dello", "degli", "delle", "de", "do", "dos", "das"]);
/** Words before a place: "a Città del Capo", "tra i comuni di Barberino del Mugello". */
const PLACE_PREPOSITIONS = new Set(["a", "ad", "in", "da", "di", "presso", "verso", "tra", "fra", "per"]);

function placeBefore(sentence: Token[], i: number): boolean {
  const previous = sentence[i - 1];
  return previous !== undefined && !previous.cap && PLACE_PREPOSITIONS.has(previous.lower);
}

/** Lower-case Italian institution words that name a body with the name after them. */
const INSTITUTION_BEFORE_NAME = new Set(
  "università universita ministero dipartimento fondazione procura ambasciata consolato tribunale monastero".split(" "),
);
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
  // "suor Rosanna", "don Milani": a religious title is part of the name, as KIND spans it.
  if (mention.type === "PERSON" && mention.end === sentence[j]!.end) {
    const at = sentence.findIndex((t) => t.start === mention.start);
    const title = sentence[at - 1];
    if (
      at > 0 &&
      title?.joinedBefore !== undefined &&
      RELIGIOUS_TITLES.has(title.lower) &&
      sentence[at]!.joinedBefore
    ) {
      mention.start = title.start;
      mention.text = context.text.slice(mention.start, mention.end);
      return;
    }
  }
  if (mention.start !== sentence[i]!.start || mention.end !== sentence[j]!.end) return;
  let head = i - 1;
  if (sentence[head] && ITALIAN_LINKS.has(sentence[head]!.lower)) head--;
  const headToken = sentence[head];
  const dedicated =
    headToken !== undefined &&
    (head === i - 1
      ? DEDICATION_HEADS.has(headToken.lower)
      : CHURCH_HEADS.has(headToken.lower) && sentence[i - 1]!.lower === "di");
  if (headToken && !headToken.cap && (dedicated || (PLACE_HEADS.has(headToken.lower) && mention.type !== "PERSON"))) {
    mention.start = headToken.start;
    mention.type = "LOCATION";
    mention.strength = Math.max(mention.strength, 2);
    delete mention.canonical;
  }
  // "università di Bologna", "ministero degli Interni", "fondazione Wikimedia": a lower-case
  // institution word before a name makes one organisation of both, as KIND spans it.
  if (headToken && !headToken.cap && INSTITUTION_BEFORE_NAME.has(headToken.lower) && mention.type !== "PERSON") {
    mention.start = headToken.start;
    mention.type = "ORGANIZATION";
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
  if (!token?.joinedBefore || !isNameToken(sentence, k, context)) return false;
  // "Basilica di San Pietro": a saint's first name still belongs to the name.
  return !wordEvidence(token.lower).firstName || SAINT_WORDS.has(sentence[k - 1]?.lower ?? "");
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

/** A common English word, known to the lexicon or by its ending ("Cooperation", "Telecommunications"). */
function looksCommon(lower: string): boolean {
  return isCommonWord(lower, wordEvidence(lower)) || COMMON_SUFFIX.test(lower) || /(?:tion|ment|ity)s?$/.test(lower);
}

/** The end of a name continued over lower-case joiners, or `j` when it does not continue. */
function joinAcross(sentence: Token[], i: number, j: number, context: Context): number {
  let k = j + 1;
  const joiners: Token[] = [];
  while (k < sentence.length && joiners.length < 2) {
    const token = sentence[k]!;
    if (!token.word && token.text !== "&") break;
    if (token.cap) break;
    const inPlace = token.lower === "in" && joiners.length === 0 && context.language === "en";
    const and = token.lower === "and" && joiners.length === 0 && context.language === "en";
    // "Movimento per l'Autonomia", "Fondo per l'Ambiente": "per" and an article.
    const perArticle = joiners.length === 1 && joiners[0]!.lower === "per" && ARTICLES.has(token.lower);
    if (!(ORG_JOINERS.has(token.lower) || NAME_PARTICLES.has(token.lower) || inPlace || and || perArticle)) return j;
    if (!token.joinedBefore && !(joiners.length === 0 && sentence[k - 1]?.lower.endsWith("'"))) return j;
    joiners.push(token);
    k++;
  }
  const after = sentence[k];
  if (joiners.length === 0 || !after || !(after.joinedBefore || joiners[joiners.length - 1]!.lower.endsWith("'")))
    return j;
  // "Consiglio di Sicurezza del Paese": a generic noun after a joiner ends the name.
  if (!after.cap || NOT_NAMES.has(after.lower) || GENERIC_NOUNS.has(after.lower)) return j;
  // "del Paese al Trattato": a lone generic noun before a joiner names no one, so heads nothing.
  if (i === j && GENERIC_NOUNS.has(sentence[i]!.lower) && context.language === "it") return j;
  // "il Ministero e la Banca": a conjunction and an article start a second name.
  // "il Movimento e al Fondo": …or an articled preposition.
  if (joiners.length === 2 && CONJUNCTIONS.has(joiners[0]!.lower)) return j;
  // "Human Rights in China", "Security and Cooperation in Europe": a name ending in a common
  // noun continues over "in" to a known place ("Goldman Sachs in London" does not).
  if (
    joiners.length === 1 &&
    joiners[0]!.lower === "in" &&
    j > i &&
    looksCommon(sentence[j]!.lower) &&
    !sentence.slice(i, j + 1).some((t) => wordEvidence(t.lower).firstName || isTitleWord(t)) &&
    !titleBefore(sentence, i) &&
    lookupName(after.text)?.type === "LOCATION"
  )
    return k;
  if (joiners.some((t) => t.lower === "in")) return j;
  // "Organisation for Security and Cooperation", "Test and County Cricket Board": "and" between
  // two common nouns inside the name of a body (not "Ford and General Motors Corp").
  if (
    context.language === "en" &&
    joiners.length === 1 &&
    joiners[0]!.lower === "and" &&
    looksCommon(sentence[j]!.lower) &&
    looksCommon(after.lower) &&
    !lookupName(spanText(context, sentence.slice(i, j + 1)))
  ) {
    let end = k;
    while (end - i < MAX_NAME_TOKENS && continuesName(sentence, end + 1, context)) end++;
    const run = sentence.slice(i, j + 1);
    const bodyAfter = ORG_TAIL.has(sentence[end]!.lower) && !CONJUNCTIONS.has(sentence[end]!.lower);
    const bodyBefore = ORG_HEAD.has(run[0]!.lower) && run.some((t) => t.lower === "for" || t.lower === "of");
    if (bodyAfter || bodyBefore) return end;
  }
  // Otherwise "and" joins two names, not the words of one ("West Bank and Gaza").
  if (joiners.some((t) => t.lower === "and")) return j;
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
    !(PLACE_OWNERS.has(sentence[i]!.lower) && j === i) &&
    run.some((t) => ORG_HEAD.has(t.lower) || ORG_TAIL.has(t.lower)) &&
    !run.some((t) => LOC_HEAD.has(t.lower) || LOC_TAIL.has(t.lower))
  ) {
    const place = lookupName(after.text);
    if (place?.type === "LOCATION" && !place.country) return j;
  }
  // "Piazza Vittorio Emanuele di Roma": a named square, street or stadium, then its town.
  if (
    context.language === "it" &&
    joiners.length === 1 &&
    joiners[0]!.lower === "di" &&
    j > i &&
    LOC_HEAD.has(sentence[i]!.lower) &&
    lookupName(after.text)?.type === "LOCATION"
  )
    return j;
  // "Procura di Trani", "Istituto Floriani di Vimercate", "Corte di Giustizia di Aberystwyth": an
  // office, or a body already named, and "di" and one more word: the town it sits in.
  if (
    context.language === "it" &&
    joiners.length === 1 &&
    joiners[0]!.lower === "di" &&
    (OFFICE_HEADS.has(sentence[i]!.lower) || run.filter((t) => t.cap).length >= 2) &&
    run.some((t) => ORG_HEAD.has(t.lower) || ORG_TAIL.has(t.lower)) &&
    !run.some((t) => LOC_HEAD.has(t.lower) || LOC_TAIL.has(t.lower)) &&
    !continuesName(sentence, k + 1, context) &&
    sentence[k + 1]?.text !== "'s" &&
    !lookupName(after.text)?.country &&
    !wordEvidence(after.lower).firstName
  ) {
    context.towns.add(after.start);
    return j;
  }
  // "Luigi di Maio", "Giò Di Tonno": after a first name, "di" starts the surname.
  if (
    context.language === "it" &&
    joiners.length === 1 &&
    (joiners[0]!.lower === "di" || joiners[0]!.lower === "de") &&
    wordEvidence(sentence[j]!.lower).firstName &&
    !sentence.slice(i, j + 1).some((t) => ORG_HEAD.has(t.lower) || !t.cap) &&
    lookupName(after.text) === undefined &&
    !continuesName(sentence, k + 1, context)
  )
    return k;
  // "Città del Capo", "Castiglione dei Pepoli", "Santiago de Compostela": after "a", "in", "di",
  // a word, a link and a second word name one place.
  if (
    context.language === "it" &&
    joiners.length === 1 &&
    PLACE_LINKS.has(joiners[0]!.lower) &&
    j === i &&
    placeBefore(sentence, i) &&
    !ORG_HEAD.has(sentence[i]!.lower) &&
    !wordEvidence(sentence[i]!.lower).firstName &&
    !wordEvidence(after.lower).firstName &&
    lookupName(sentence[i]!.text)?.type !== "PERSON" &&
    lookupName(sentence[i]!.text)?.type !== "ORGANIZATION"
  )
    return k;
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
  // "la Roma", "il Napoli", "del Parma": Italian names a town without an article, so a known
  // town after one is its club (a region takes an article anyway: "la Lombardia").
  if (
    context.language === "it" &&
    type === "LOCATION" &&
    !country &&
    sentence &&
    canonical !== undefined &&
    tokens.length === 1 &&
    CLUB_ARTICLES.has(sentence[indexIn(sentence, first) - 1]?.lower ?? "") &&
    !REGION_NAMES.has(canonical) &&
    !lexiconTags(first.lower).some((tag) => tag === "Region" || tag === "Country")
  ) {
    mention.type = "ORGANIZATION";
    mention.strength = 2;
    delete mention.canonical;
    context.found.push(mention);
    return;
  }
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

/** Italian articles and articled prepositions that a club's name takes ("la Roma", "del Milan"). */
const CLUB_ARTICLES = new Set(
  "il lo la l' del dello della dell' al allo alla all' dal dallo dalla dall' col".split(" "),
);
const VENUE_WORDS = new Set(["in", "at", "near", "from", "to", "of", "a", "da", "di", "nel", "nella"]);

/** A capitalised run: known as a whole, or cut at titles and nationality words, then typed. */
function readRun(sentence: Token[], i: number, j: number, context: Context, personAfterTitle = false): void {
  const run = sentence.slice(i, j + 1);
  // A portfolio after a title ("ministro degli Esteri", "Minister of Defence", "the
  // minister for the Family", a translation's "ministry of the Defence") is not a name.
  const article = sentence[i - 1]?.lower === "the" ? 1 : 0;
  const joiner = sentence[i - 1 - article];
  const title = sentence[i - 2 - article];
  if (
    joiner &&
    title &&
    ORG_JOINERS.has(joiner.lower) &&
    joiner.lower !== "the" &&
    (PORTFOLIO_TITLES.has(title.lower) || (article === 1 && MINISTRY_WORDS.has(title.lower)))
  ) {
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
    // A first name is capitalised ("della" is no Della).
    if (!sentence[k]!.cap || !wordEvidence(sentence[k]!.lower).firstName) continue;
    if (before.some((t) => wordEvidence(t.lower).firstName)) continue;
    if (before.some((t) => !t.cap || isTitleWord(t))) continue;
    // "San Giovanni", "Santa Maria": a saint's name, not a place and a person.
    if (SAINT_WORDS.has(before[before.length - 1]!.lower)) continue;
    // "Piazza Vittorio Emanuele", "Stadio Benito Stirpe": a place named after someone.
    if (before.length === 1 && (LOC_HEAD.has(before[0]!.lower) || DEDICATION_HEADS.has(before[0]!.lower))) continue;
    const knownBefore = lookupKnown(before, context);
    if (knownBefore?.type === "PERSON") continue;
    // "Saddam Hussein", "Pino Daniele": an unknown word before one first name is a first name
    // itself; only a known place or body, or a full name after it, starts a new name.
    if (!knownBefore && k === j) continue;
    // "Pier Luigi Bersani", "Gian Carlo Rossi": a short unknown word is the first half of a first name.
    if (!knownBefore && before.length === 1 && before[0]!.text.length <= 4 && !before[0]!.upper) continue;
    readRun(sentence, i, k - 1, context);
    readRun(sentence, k, j, context);
    return;
  }
  // "dell'Egitto Hosni Mubarak", "il patriarca di Mosca Cirillo": a known country, town or body,
  // then a name no gazetteer knows: two names, the second a person's (after a title, one word
  // is enough).
  if (context.language === "it" && j > i) {
    for (let k = j; k > i; k--) {
      const known = lookupKnown(sentence.slice(i, k), context);
      if (!known || known.type === "PERSON") continue;
      const rest = sentence.slice(k, j + 1);
      const titled = titleBefore(sentence, i) || titleBefore(sentence, i - 1);
      if (rest.length === 1 && !titled) break;
      const notPerson = (t: Token) =>
        (!t.cap && !NAME_PARTICLES.has(t.lower)) || ORG_TAIL.has(t.lower) || ORG_HEAD.has(t.lower);
      if (lookupKnown(rest, context) || rest.some(notPerson)) break;
      if (rest.some((t) => lookupName(t.text) !== undefined && !wordEvidence(t.lower).firstName)) break;
      readRun(sentence, i, k - 1, context);
      readRun(sentence, k, j, context, true);
      return;
    }
  }
  let personCue = personAfterTitle || titleBefore(sentence, i);
  let piece: Token[] = [];
  let afterDemonym = false;
  let orgCue = false;
  const flush = () => {
    // A piece starts and ends with a capitalised word ("del Consiglio" → "Consiglio").
    while (piece.length > 0 && !piece[0]!.cap) piece.shift();
    // …except the adjectives of an Italian organisation ("Corte suprema", "Banca centrale").
    const adjectives = context.language === "it" && piece.length > 0 && ORG_HEAD.has(piece[0]!.lower);
    while (piece.length > 0 && !piece[piece.length - 1]!.cap) {
      const last = piece[piece.length - 1]!;
      if (adjectives && isBodyAdjective(last) && !NOT_NAMES.has(last.lower) && !ORG_JOINERS.has(last.lower)) break;
      piece.pop();
    }
    // "American League", "Chinese Union": a nationality and one generic word name no one we can tell.
    const generic = afterDemonym && piece.length === 1 && ORG_TAIL.has(piece[0]!.lower);
    if (piece.length > 0 && !generic) readPiece(sentence, piece, personCue, context, orgCue);
    piece = [];
    afterDemonym = false;
    orgCue = false;
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
    // "Bergamo-based Atalanta", "Communist-led CGT": the compound describes what follows, an organisation.
    if (piece.length === 0 && k < run.length - 1 && AFFILIATION.test(token.text)) {
      orgCue = true;
      continue;
    }
    if (piece.length === 0 && isDemonym(token.text) && k < run.length - 1) {
      // "British Broadcasting Corporation", "Scottish National Party": the nationality is part of
      // the name of a party, company or agency ("Chinese Foreign Ministry" stays a ministry).
      if (context.language === "en" && demonymStartsName(run, k)) {
        piece.push(token);
        continue;
      }
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

/** "Ohio-based", "Communist-led", "state-owned": a compound that describes an organisation. */
const AFFILIATION = /^[\p{L}.'’-]+-(?:based|led|owned|backed|controlled|run|listed)$/u;
/** Bodies of a state, named after it by nationality but not by name ("Chinese Foreign Ministry"). */
const STATE_BODIES = new Set(
  "ministry government army navy police embassy parliament cabinet forces guard office department".split(" "),
);

/** A nationality that starts an organisation's name: two or more capitalised words after it, the last an organisation word. */
function demonymStartsName(run: Token[], k: number): boolean {
  const rest = run.slice(k + 1);
  if (rest.length < 2 || rest.some((t) => isTitleWord(t) || isDemonym(t.text))) return false;
  const last = rest[rest.length - 1]!;
  if (!last.cap || !ORG_TAIL.has(last.lower) || STATE_BODIES.has(last.lower)) return false;
  // "Jewish West Bank": a known place after a nationality is that place.
  return lookupName(rest.map((t) => t.text).join(" "))?.type !== "LOCATION";
}

const SCORE = /^\d{1,3}$/;
const STANDING = /^(?:\d{1,3}|\.\d{3})$/;

/**
 * A name in a results line ("Bury 4 Bristol City 0": two names, each followed by its score,
 * nothing else) or at the head of a standings row ("Bury 4 3 1 0 9 3 10": three or more
 * numbers, some small, unlike a golfer's round scores "70 68 72").
 */
function isSideInTable(sentence: Token[], piece: Token[]): boolean {
  const first = indexIn(sentence, piece[0]!);
  const last = first + piece.length - 1;
  if (first === 0) {
    let k = last + 1;
    let small = 0;
    while (sentence[k] && STANDING.test(sentence[k]!.text)) {
      if (sentence[k]!.text.startsWith(".") || Number(sentence[k]!.text) < 20) small++;
      k++;
    }
    if (k - last - 1 >= 3 && small > 0 && k === sentence.length) return true;
  }
  // Results line: name score name score, the whole line.
  const shape: string[] = [];
  for (const token of sentence) {
    const joiner = token.joinedBefore && (NAME_PARTICLES.has(token.lower) || ORG_JOINERS.has(token.lower));
    const kind = SCORE.test(token.text) ? "D" : token.cap || joiner ? "N" : "x";
    if (kind === "N" && shape[shape.length - 1] === "N") continue;
    shape.push(kind);
  }
  return shape.join("") === "NDND";
}

function readPiece(sentence: Token[], piece: Token[], personCue: boolean, context: Context, orgCue = false): void {
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
  // …unless it ends the name of an Italian body ("Partito Comunista Italiano").
  const italianBody = context.language === "it" && ORG_HEAD.has(piece[0]!.lower);
  if (isDemonym(last.text) && !(piece.length > 1 && (lookupName(last.text) || italianBody))) return;
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
  if (orgCue && !personCue) {
    emit(context, piece, "ORGANIZATION", 2);
    context.found[context.found.length - 1]!.orgContext = true;
    return;
  }
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
  // "Leyton Orient 2 Hartlepool 0", "Queens Park Rangers 4 1 2 1": in a sports report a name on
  // a line of results or standings is a side, however much it looks like a person's name.
  if (
    context.sports &&
    type.type !== "ORGANIZATION" &&
    (type.strength < 2 || type.type === "LOCATION") &&
    isSideInTable(sentence, piece)
  ) {
    emit(context, piece, "ORGANIZATION", 2);
    return;
  }
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
  } else if (
    // "National League for Democracy", "National Association of Purchasing Management": an
    // organisation's head word inside the name, before "of" or "for".
    language === "en" &&
    n >= 3 &&
    piece.some((t, k) => k < n - 1 && ORG_HEAD.has(t.lower) && t.cap && /^(?:of|for)$/.test(piece[k + 1]!.lower))
  ) {
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
  // "a Città del Capo", "di Poggio dei Pini": a name with a link inside, after a preposition of place.
  if (
    language === "it" &&
    n >= 3 &&
    !piece[1]!.cap &&
    PLACE_LINKS.has(piece[1]!.lower) &&
    placeBefore(sentence, indexIn(sentence, first)) &&
    organization === 0
  ) {
    place += 2.5;
    cue = true;
  }
  if (n === 1 && context.towns.has(first.start)) {
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
  // "la Bear Stearns", "i Black Eyed Peas", "della Thyssen Krupp": Italian puts no article before
  // a person's name; several words after one, none a first name, name a company, a band, a team.
  if (
    language === "it" &&
    n >= 2 &&
    previous &&
    ITALIAN_ARTICLES.has(previous.lower) &&
    !previous.lower.startsWith("nel") &&
    !wordEvidence(first.lower).firstName
  ) {
    person = 0;
    if (place === 0) organization += 1.5;
  }
  // "Global Equities Research", "Truck Center": unknown words in Italian text, one an English
  // common word, are a company's or a band's name more often than a person's.
  if (
    language === "it" &&
    n >= 2 &&
    !piece.some((t) => wordEvidence(t.lower).firstName) &&
    place === 0 &&
    piece.some((t) => t.cap && t.text.length > 2 && isEnglishCommon(t.lower))
  )
    organization += 1;
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
