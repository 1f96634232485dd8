/**
 * Pass 7, typing a name no gazetteer knows as a whole: cue words score a person, a place or an
 * organisation ("… Corp", "Bank of …", "Lake …", a first name, "in …", "said"), compromise's
 * lexicon adds what it knows of each word, and the best score wins; its strength says how sure
 * (2 with a cue word, 1 from word evidence, 0 a bare default, -1 a lone common word).
 */
import type { EntityType, Token } from "@rassegna/core";

import { lookupName, wordEvidence } from "../gazetteer.js";
import { wordCase } from "../word-case.js";
import { scorecardCues } from "./10-sports.js";
import type { Context, RulesLanguage, Sentence } from "./types.js";
import { capitalised, endingIn, escapeRegExp, isCommonWord, isEnglishCommon, list, wordsOf } from "./words.js";

/** Several unknown capitalised words: most often a person's name. */
const DEFAULT_MULTI: Record<RulesLanguage, EntityType> = { en: "PERSON", it: "PERSON" };
/** A lone unknown capitalised word: organisations (companies, clubs, acronyms) in English, places in Italian. */
const DEFAULT_SINGLE: Record<RulesLanguage, EntityType> = { en: "PERSON", it: "LOCATION" };
/** "SpaceX", "YouTube": a capital inside a word marks a brand (not "McDonald", "DeLillo": data/rules/surname-prefixes.yml). */
const INNER_CAPITAL = new RegExp(
  `^(?!${wordsOf("surname-prefixes")
    .map((prefix) => escapeRegExp(capitalised(prefix)))
    .join("|")})\\p{Lu}\\p{Ll}+\\p{Lu}`,
  "u",
);
/** Adjective endings that Italian surnames rarely have ("Popolare", "Comunista", "Militare", "Rosse"). */
const ITALIAN_NAME_ADJECTIVE = endingIn(wordsOf("name-adjective-endings", "it"));
const ITALIAN_SURNAME = endingIn(wordsOf("surname-endings", "it"));

/**
 * "Dole said", "Levy 's visit", "Wang , 45 ,": what follows a capitalised common word inside a
 * sentence that makes it a person's surname ("Woods", "Levy", "Green"), even with no first name
 * anywhere in the text (a headline, a one-line item).
 */
function personAfter(sentence: Sentence, at: number): boolean {
  const next = sentence.at(at + 1);
  if (!next) return false;
  if (list("verbs-after-person").has(next.lower) || next.lower === "'s" || next.lower === "’s") return true;
  // A possessive written apart is two tokens ("Levy ' s").
  if ((next.text === "'" || next.text === "’") && sentence.lower(at + 2) === "s") return true;
  return next.text === "," && /^\d{2}$/.test(sentence.text(at + 2)) && sentence.text(at + 3) === ",";
}

/**
 * Capitalised particles that start Italian surnames, never towns' names ("De Luca", "Di Maio",
 * "Del Rio"), as written: capitalised, and "D'" with either apostrophe.
 */
const SURNAME_PARTICLE: ReadonlySet<string> = new Set(
  wordsOf("surname-openers", "it").flatMap((word) => {
    const written = capitalised(word);
    return written.includes("'") ? [written, written.replace("'", "’")] : [written];
  }),
);

/** A type and how sure the rules are of it. */
export interface Typed {
  type: EntityType;
  strength: number;
}

/** The type of a piece of a run (tokens of `sentence`) that no gazetteer knows as a whole. */
export function classify(
  sentence: Sentence,
  piece: readonly Token[],
  personCue: boolean,
  context: Context,
): Typed | undefined {
  const { language } = context;
  const first = piece[0];
  const last = piece[piece.length - 1];
  if (!first || !last) return undefined;
  const n = piece.length;
  const firstAt = sentence.indexOf(first);
  const lastAt = firstAt + n - 1;
  const orgHead = list("org-head");
  let person = personCue ? 3 : 0;
  let place = 0;
  let organization = 0;
  let cue = personCue;
  if (n >= 2 && (list("org-tail").has(last.lower) || piece.some((t) => t.text === "&"))) {
    organization += 3;
    cue = true;
  } else if (
    // "National League for Democracy", "National Association of Purchasing Management": an
    // organisation's head word inside the name, before "of" or "for".
    language === "en" &&
    n >= 3 &&
    piece.some((t, k) => k < n - 1 && orgHead.has(t.lower) && t.cap && /^(?:of|for)$/.test(piece[k + 1]?.lower ?? ""))
  ) {
    organization += 3;
    cue = true;
  }
  // Joined over "in" to a place ("Human Rights in China"): only organisations are named so.
  if (language === "en" && piece.some((t) => t.lower === "in")) {
    organization += 3;
    cue = true;
  }
  if (orgHead.has(first.lower) && (n >= 2 || language === "it")) {
    organization += 3;
    cue = true;
  }
  if (n >= 2 && list("loc-tail").has(last.lower)) {
    place += 2.5;
    cue = true;
  }
  if (n >= 2 && list("loc-head").has(first.lower)) {
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
  if (commonOnly && !cue && n === 1 && !(language === "en" && !first.initial && personAfter(sentence, firstAt)))
    return { type: "PERSON", strength: -1 };
  if (n === 1 && first.upper && /^[\p{Lu}.&]{2,7}$/u.test(first.text)) organization += 1.5;
  const previous = sentence.at(firstAt - 1);
  if (previous && list("loc-prepositions", language).has(previous.lower)) place += 1;
  // "the city of Arbil", "the town of Lockerbie", "la città di Merano".
  const beforeOf = sentence.at(firstAt - 2);
  if (
    previous &&
    beforeOf &&
    (previous.lower === "of" || previous.lower === "di") &&
    list("place-nouns").has(beforeOf.lower)
  ) {
    place += 2;
  }
  const next = sentence.at(lastAt + 1);
  if (next && list("verbs-after-person").has(next.lower)) person += language === "it" ? 1 : 0.5;
  const scorecard = scorecardCues(sentence, firstAt, lastAt, context);
  if (scorecard > 0) {
    person += 3 * scorecard;
    cue = true;
  }
  // "Ribera ( AG )", "Vernio ( PO )": a two-letter code in brackets after a town is its province.
  if (
    language === "it" &&
    n === 1 &&
    /^\p{Lu}{2}$/u.test(first.text) &&
    previous?.text === "(" &&
    next?.text === ")" &&
    sentence.at(firstAt - 2)?.cap
  ) {
    place += 3;
    cue = true;
  }
  // "a Città del Capo", "di Poggio dei Pini": a name with a link inside, after a preposition of place.
  const second = piece[1];
  const prepositionBefore =
    previous !== undefined && !previous.cap && list("place-prepositions", "it").has(previous.lower);
  if (
    language === "it" &&
    n >= 3 &&
    second !== undefined &&
    !second.cap &&
    list("place-links").has(second.lower) &&
    prepositionBefore &&
    organization === 0
  ) {
    place += 2.5;
    cue = true;
  }
  if (n === 1 && context.towns.has(first.start)) {
    place += 3;
    cue = true;
  }
  // "ha detto Medvedev", "said Edberg .": a speech verb before the name, at the end of the
  // sentence or clause (an agency is known to the gazetteer: "said Interfax").
  if (previous && list("speech-before", language).has(previous.lower)) {
    if (language === "it") person += 1.5;
    else if (!next?.word) person += 1.5;
  }
  // "Sletten , who …", "the 30-year-old Edberg": what only a person is.
  if (
    next?.text === "," &&
    sentence.lower(lastAt + 2) === "who" &&
    previous?.lower !== "the" &&
    !piece.some((t) => wordEvidence(t.lower).place)
  )
    person += 2;
  // "Norwich striker", "Texas manager": a sports role after a name makes it a club.
  if (n <= 3 && next && list("sports-roles").has(next.lower)) {
    organization += 3;
    cue = true;
  }
  if (previous && /^\d+-year-old$/.test(previous.lower)) person += 2;
  // "Montanelli", "Poletti", "Bersani": Italian surname endings, for a word no lexicon knows as a place.
  if (language === "it" && n === 1 && ITALIAN_SURNAME.test(first.lower) && !wordEvidence(first.lower).place)
    person += 1;
  const articles = list("name-articles", "it");
  if (language === "it" && n === 1 && previous) {
    // "nel Mugello": "in" with an article is still "in".
    if (previous.lower.startsWith("nel")) place += 1;
    else if (articles.has(previous.lower)) organization += 1.5;
    if (previous.lower === "secondo") person += 1;
  }
  // "la Bear Stearns", "i Black Eyed Peas", "della Thyssen Krupp": Italian puts no article before
  // a person's name; several words after one, none a first name, name a company, a band, a team.
  if (
    language === "it" &&
    n >= 2 &&
    previous &&
    articles.has(previous.lower) &&
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
      piece.every((t) => !t.upper && !/\d/.test(t.text) && !isCommonWord(t.lower))
    ) {
      person += 1;
    }
  }
  if (language === "en" && n >= 2 && !wordEvidence(first.lower).firstName) {
    // "the White Sox", "the National Tennis Centre": English puts no article before a person's name.
    if (previous?.text === "the") {
      person = 0;
      if (place === 0) organization += 1;
    }
    // "Johnson Controls", "Pirelli Cables", "Kansai Electric Power": a name that ends in a word
    // English writes in lower case, with no first name, is a company's more often than a person's.
    if (!last.upper && wordCase(last.lower) === "lower" && !wordEvidence(last.lower).lastName) organization += 1.5;
  }
  // "a De Alessandri", "di Del Rio": a capitalised surname particle and a name make a person's
  // surname, not a place (Italian towns do not start with "De" or "Di").
  if (language === "it" && n >= 2 && SURNAME_PARTICLE.has(first.text) && piece[1]?.cap) person += 1;
  const best = Math.max(person, place, organization);
  if (best === 0) {
    // "TAX STAT", "Net Income N", "Financial Data": capitals or common words only, nothing known.
    if (n >= 2 && piece.every((t) => t.upper || isCommonWord(t.lower) || t.text.length === 1)) {
      return { type: DEFAULT_MULTI[language], strength: -1 };
    }
    // A lone unknown word: in a sports report most often a side (a club); elsewhere a surname
    // (news names people by surname far more often than it names bodies no gazetteer knows).
    const single = language === "en" && context.sports ? "ORGANIZATION" : DEFAULT_SINGLE[language];
    return { type: n === 1 ? single : DEFAULT_MULTI[language], strength: 0 };
  }
  const strength = cue ? 2 : 1;
  if (person === best) return { type: "PERSON", strength };
  if (organization === best) return { type: "ORGANIZATION", strength };
  return { type: "LOCATION", strength };
}
