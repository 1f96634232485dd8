/**
 * Pass 6, a run of name tokens cut into names: known as a whole (a gazetteer), or cut at a
 * portfolio after a title ("ministro degli Esteri Tajani"), a country before a leader ("il
 * presidente Usa Obama"), a first name after a place or body ("Iraq Saddam Hussein"), titles
 * and nationality words ("Prime Minister John Major", "British Airways"); each piece then goes
 * to pass 8 to be typed.
 */
import type { Token } from "@rassegna/core";

import { isDemonym, lookupName, wordEvidence } from "../gazetteer.js";
import { initialHasEvidence } from "./03-name-tokens.js";
import { readPiece } from "./08-piece.js";
import { isSide } from "./10-sports.js";
import { emit, lookupKnown, titleBefore } from "./emit.js";
import type { Context, Sentence } from "./types.js";
import { escapeRegExp, isBodyAdjective, isFirstName, isOrgJoiner, isTitleWord, list, wordsOf } from "./words.js";

/** "Ohio-based", "Communist-led", "state-owned": a compound that describes an organisation. */
const AFFILIATION = new RegExp(
  `^[\\p{L}.'’-]+-(?:${wordsOf("affiliation-tails", "en").map(escapeRegExp).join("|")})$`,
  "u",
);

/** A nationality that starts an organisation's name: two or more capitalised words after it, the last an organisation word. */
function demonymStartsName(run: readonly Token[], k: number): boolean {
  const rest = run.slice(k + 1);
  const last = rest[rest.length - 1];
  if (!last || rest.length < 2 || rest.some((t) => isTitleWord(t) || isDemonym(t.text))) return false;
  if (!last.cap || !list("org-tail").has(last.lower) || list("state-bodies").has(last.lower)) return false;
  // "Jewish West Bank": a known place after a nationality is that place.
  return lookupName(rest.map((t) => t.text).join(" "))?.type !== "LOCATION";
}

/** "ministro degli Esteri", "Minister of Defence", "the minister for the Family", "ministry of the Defence" before `i`. */
function portfolioBefore(sentence: Sentence, i: number): boolean {
  const article = sentence.lower(i - 1) === "the" ? 1 : 0;
  const joiner = sentence.at(i - 1 - article);
  const title = sentence.at(i - 2 - article);
  return (
    joiner !== undefined &&
    title !== undefined &&
    isOrgJoiner(joiner) &&
    joiner.lower !== "the" &&
    (list("portfolio-titles").has(title.lower) || (article === 1 && list("ministry-words").has(title.lower)))
  );
}

/** "Iraq Saddam Hussein", "Coldiretti Roberto Moncalvo": where a first name after a place or a body starts a new name. */
function firstNameSplit(sentence: Sentence, i: number, j: number, context: Context): number | undefined {
  for (let k = i + 1; k <= j; k++) {
    const before = sentence.slice(i, k);
    const last = before[before.length - 1];
    const token = sentence.at(k);
    // A first name is capitalised ("della" is no Della).
    if (!last || !token?.cap || !isFirstName(token)) continue;
    if (before.some((t) => isFirstName(t))) continue;
    if (before.some((t) => !t.cap || isTitleWord(t))) continue;
    // "San Giovanni", "Santa Maria": a saint's name, not a place and a person.
    if (list("saint-words").has(last.lower)) continue;
    // "Piazza Vittorio Emanuele", "Stadio Benito Stirpe": a place named after someone.
    if (before.length === 1 && (list("loc-head").has(last.lower) || list("dedication-heads", "it").has(last.lower)))
      continue;
    const knownBefore = lookupKnown(before, context);
    if (knownBefore?.type === "PERSON") continue;
    // "Saddam Hussein", "Pino Daniele": an unknown word before one first name is a first name
    // itself; only a known place or body, or a full name after it, starts a new name.
    if (!knownBefore && k === j) continue;
    // "Pier Luigi Bersani", "Gian Carlo Rossi": a short unknown word is the first half of a first name.
    if (!knownBefore && before.length === 1 && last.text.length <= 4 && !last.upper) continue;
    return k;
  }
  return undefined;
}

/**
 * "dell'Egitto Hosni Mubarak", "il patriarca di Mosca Cirillo": a known country, town or body,
 * then a name no gazetteer knows: where the second name, a person's, starts (after a title, one
 * word is enough).
 */
function knownThenPerson(sentence: Sentence, i: number, j: number, context: Context): number | undefined {
  const orgTail = list("org-tail");
  const orgHead = list("org-head");
  const particles = list("name-particles");
  const notPerson = (t: Token) => (!t.cap && !particles.has(t.lower)) || orgTail.has(t.lower) || orgHead.has(t.lower);
  for (let k = j; k > i; k--) {
    const known = lookupKnown(sentence.slice(i, k), context);
    if (!known || known.type === "PERSON") continue;
    const rest = sentence.slice(k, j + 1);
    const titled = titleBefore(sentence, i) || titleBefore(sentence, i - 1);
    if (rest.length === 1 && !titled) return undefined;
    if (lookupKnown(rest, context) || rest.some(notPerson)) return undefined;
    if (rest.some((t) => lookupName(t.text) !== undefined && !wordEvidence(t.lower).firstName)) return undefined;
    return k;
  }
  return undefined;
}

/** Reads the run of name tokens `i`..`j`. */
export function readRun(sentence: Sentence, i: number, j: number, context: Context, personAfterTitle = false): void {
  const run = sentence.slice(i, j + 1);
  const first = run[0];
  if (!first) return;
  // A portfolio after a title is not a name: "ministro del Lavoro Poletti": the portfolio goes,
  // the minister stays.
  if (portfolioBefore(sentence, i)) {
    if (run.length > 1) readRun(sentence, i + 1, j, context, true);
    return;
  }
  const known = lookupKnown(run, context);
  if (known) {
    // "Texas 5 Cleveland 3", "Norwich striker": a town named as a side is its club.
    if (known.type === "LOCATION" && !known.country && isSide(sentence, run))
      emit(context, run, "ORGANIZATION", 2, "gazetteer-place-as-side", { sentence });
    else emit(context, run, known.type, 3, "gazetteer", { canonical: known.name, sentence, country: known.country });
    return;
  }
  // "il presidente Usa Obama", "President Chirac": after a title, a country names whose
  // leader the person is.
  if (run.length > 1 && (personAfterTitle || titleBefore(sentence, i))) {
    const country = lookupKnown([first], context);
    if (country?.country) {
      emit(context, [first], country.type, 3, "gazetteer", { canonical: country.name, sentence, country: true });
      readRun(sentence, i + 1, j, context, true);
      return;
    }
  }
  // "i Paesi Ue", "gli Stati Nato": a generic plural before a known country or organisation
  // qualifies it; the name is what follows.
  if (run.length > 1 && list("generic-nouns").has(first.lower) && /s$|i$|e$/.test(first.lower)) {
    const rest = lookupKnown(run.slice(1), context);
    if (rest && (rest.country || rest.type === "ORGANIZATION")) {
      readRun(sentence, i + 1, j, context);
      return;
    }
  }
  // "Intanto Mosca", "Morto Giorgio Giubilo": a sentence-initial word with nothing to say it
  // is a name, before a known name or a first name, is just the first word of the sentence.
  if (run.length > 1 && first.initial && !initialHasEvidence(first, context)) {
    const rest = sentence.slice(i + 1, j + 1);
    if (lookupKnown(rest, context) || isFirstName(rest[0])) {
      readRun(sentence, i + 1, j, context);
      return;
    }
  }
  if (context.language === "it") {
    const split = firstNameSplit(sentence, i, j, context);
    if (split !== undefined) {
      readRun(sentence, i, split - 1, context);
      readRun(sentence, split, j, context);
      return;
    }
    const person = j > i ? knownThenPerson(sentence, i, j, context) : undefined;
    if (person !== undefined) {
      readRun(sentence, i, person - 1, context);
      readRun(sentence, person, j, context, true);
      return;
    }
  }
  cutAtTitles(sentence, run, personAfterTitle || titleBefore(sentence, i), context);
}

/** Cuts a run at titles and nationality words, and reads each piece. */
function cutAtTitles(sentence: Sentence, run: readonly Token[], titled: boolean, context: Context): void {
  const orgTail = list("org-tail");
  let personCue = titled;
  let piece: Token[] = [];
  let afterDemonym = false;
  let orgCue = false;
  const flush = () => {
    // A piece starts and ends with a capitalised word ("del Consiglio" → "Consiglio").
    while (piece[0] !== undefined && !piece[0].cap) piece.shift();
    // …except the adjectives of an Italian organisation ("Corte suprema", "Banca centrale").
    const adjectives = context.language === "it" && piece[0] !== undefined && list("org-head").has(piece[0].lower);
    for (let last = piece[piece.length - 1]; last !== undefined && !last.cap; last = piece[piece.length - 1]) {
      if (adjectives && isBodyAdjective(last) && !list("not-names").has(last.lower) && !isOrgJoiner(last)) break;
      piece.pop();
    }
    // "American League", "Chinese Union": a nationality and one generic word name no one we can tell.
    const generic = afterDemonym && piece.length === 1 && orgTail.has(piece[0]?.lower ?? "");
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
    const token = run[k];
    title ||= token !== undefined && isTitleWord(token);
    org ||= token !== undefined && orgTail.has(token.lower);
  }
  for (const [k, token] of run.entries()) {
    const title = isTitleWord(token) || (list("title-modifiers").has(token.lower) && titleLater[k] === true);
    const orgAfter = orgTailLater[k] === true;
    const notLast = k < run.length - 1;
    if (title && !orgAfter && notLast) {
      flush();
      personCue = true;
      continue;
    }
    if (title && !notLast && piece.length === 0) continue;
    // "Bergamo-based Atalanta", "Communist-led CGT": the compound describes what follows, an organisation.
    if (piece.length === 0 && notLast && AFFILIATION.test(token.text)) {
      orgCue = true;
      continue;
    }
    if (piece.length === 0 && isDemonym(token.text) && notLast) {
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
