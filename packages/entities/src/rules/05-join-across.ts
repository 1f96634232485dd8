/**
 * Pass 5, names across lower-case joiners: "Bank of England", "Ministero dell'Economia",
 * "Ursula von der Leyen", "Procter & Gamble", "Città del Capo", "Organisation for Security and
 * Cooperation in Europe" are one name; "West Bank and Gaza", "Goldman Sachs in London",
 * "il Ministero e la Banca" are two.
 */
import type { Token } from "@rassegna/core";

import { lookupName, wordEvidence } from "../gazetteer.js";
import { isNameToken } from "./03-name-tokens.js";
import { titleBefore } from "./emit.js";
import { type Context, MAX_NAME_TOKENS, type Sentence, spanText } from "./types.js";
import { isOrgJoiner, isTitleWord, list, looksCommon } from "./words.js";

/** The next word still belongs to an organisation's name (not the first name of a person after it). */
export function continuesName(sentence: Sentence, k: number, context: Context): boolean {
  const token = sentence.at(k);
  if (!token?.joinedBefore || !isNameToken(sentence, k, context)) return false;
  // "Basilica di San Pietro": a saint's first name still belongs to the name.
  return !wordEvidence(token.lower).firstName || list("saint-words").has(sentence.lower(k - 1));
}

/** Whether tokens `i`..`j` start a place: after "a", "in", "di" and the like. */
function placeBefore(sentence: Sentence, i: number): boolean {
  const previous = sentence.at(i - 1);
  return previous !== undefined && !previous.cap && list("place-prepositions", "it").has(previous.lower);
}

/** The end of the name continued over capitalised words from `k` on. */
function continued(sentence: Sentence, i: number, k: number, context: Context): number {
  let end = k;
  while (end - i < MAX_NAME_TOKENS && continuesName(sentence, end + 1, context)) end++;
  return end;
}

/** The lower-case joiners after `j` (at most two) and the index of the word after them. */
function joinersAfter(sentence: Sentence, j: number, context: Context): { joiners: Token[]; k: number } | undefined {
  let k = j + 1;
  const joiners: Token[] = [];
  for (let token = sentence.at(k); token && joiners.length < 2; token = sentence.at(k)) {
    if (!token.word && token.text !== "&") break;
    if (token.cap) break;
    const first = joiners.length === 0;
    const inPlace = token.lower === "in" && first && context.language === "en";
    const and = token.lower === "and" && first && context.language === "en";
    // "Movimento per l'Autonomia", "Fondo per l'Ambiente": "per" and an article.
    const perArticle = joiners.length === 1 && joiners[0]?.lower === "per" && list("articles").has(token.lower);
    if (!(isOrgJoiner(token) || list("name-particles").has(token.lower) || inPlace || and || perArticle))
      return undefined;
    if (!token.joinedBefore && !(first && sentence.lower(k - 1).endsWith("'"))) return undefined;
    joiners.push(token);
    k++;
  }
  return { joiners, k };
}

/** The end of a name continued over lower-case joiners, or `j` when it does not continue. */
export function joinAcross(sentence: Sentence, i: number, j: number, context: Context): number {
  const found = joinersAfter(sentence, j, context);
  if (!found) return j;
  const { joiners, k } = found;
  const [joiner, secondJoiner] = joiners;
  const after = sentence.at(k);
  const lastJoiner = secondJoiner ?? joiner;
  if (!joiner || !lastJoiner || !after || !(after.joinedBefore || lastJoiner.lower.endsWith("'"))) return j;
  const one = secondJoiner === undefined;
  const { language } = context;
  const notNames = list("not-names");
  const generic = list("generic-nouns");
  const orgHead = list("org-head");
  const orgTail = list("org-tail");
  const locHead = list("loc-head");
  const locTail = list("loc-tail");
  const head = sentence.lower(i);
  const end = sentence.lower(j);
  // "Consiglio di Sicurezza del Paese": a generic noun after a joiner ends the name.
  if (!after.cap || notNames.has(after.lower) || generic.has(after.lower)) return j;
  // "il sostegno dell'Unione all'Ucraina": "a" and its forms before a known place mark whom the
  // act is for, not a word of the name ("Assessorato alla Cultura" keeps its complement).
  if (language === "it" && one && list("dative-links", "it").has(joiner.lower.replace(/’/g, "'"))) {
    const place = lookupName(after.text) ?? lookupName(spanText(context, sentence.slice(k, k + 2)));
    if (place?.type === "LOCATION") return j;
  }
  // "del Paese al Trattato": a lone generic noun before a joiner names no one, so heads nothing.
  if (i === j && generic.has(head) && language === "it") return j;
  // "il Ministero e la Banca": a conjunction and an article start a second name.
  // "il Movimento e al Fondo": …or an articled preposition.
  if (!one && list("conjunctions").has(joiner.lower)) return j;
  const run = sentence.slice(i, j + 1);
  // "Human Rights in China", "Security and Cooperation in Europe": a name ending in a common
  // noun continues over "in" to a known place ("Goldman Sachs in London" does not).
  if (
    one &&
    joiner.lower === "in" &&
    j > i &&
    looksCommon(end) &&
    !run.some((t) => wordEvidence(t.lower).firstName || isTitleWord(t)) &&
    !titleBefore(sentence, i) &&
    lookupName(after.text)?.type === "LOCATION"
  )
    return k;
  if (joiners.some((t) => t.lower === "in")) return j;
  // "Organisation for Security and Cooperation", "Test and County Cricket Board": "and" between
  // two common nouns inside the name of a body (not "Ford and General Motors Corp").
  if (
    language === "en" &&
    one &&
    joiner.lower === "and" &&
    looksCommon(end) &&
    looksCommon(after.lower) &&
    !lookupName(spanText(context, run))
  ) {
    const last = continued(sentence, i, k, context);
    const bodyAfter = orgTail.has(sentence.lower(last)) && !list("conjunctions").has(sentence.lower(last));
    const bodyBefore = orgHead.has(head) && run.some((t) => t.lower === "for" || t.lower === "of");
    if (bodyAfter || bodyBefore) return last;
  }
  // Otherwise "and" joins two names, not the words of one ("West Bank and Gaza").
  if (joiners.some((t) => t.lower === "and")) return j;
  // "Ossezia del Sud", "Irlanda del Nord", "Sudan del Sud": a compass point after "del" ends a place.
  if (one && (joiner.lower === "del" || joiner.lower === "dell'") && list("compass-points", "it").has(after.lower))
    return k;
  const orgLike = run.some(
    (t) => orgHead.has(t.lower) || orgTail.has(t.lower) || locTail.has(t.lower) || locHead.has(t.lower),
  );
  const orgWords = run.some((t) => orgHead.has(t.lower) || orgTail.has(t.lower));
  const locWords = run.some((t) => locHead.has(t.lower) || locTail.has(t.lower));
  const ofLink = list("of-links", "it").has(joiner.lower);
  // "Tribunale di Milano", "Procura di Roma": an office and its city apart, as the KIND corpus
  // spans them; a municipality keeps its town ("Comune di Vercelli"), a body its country ("Banca
  // d'Italia").
  if (
    language === "it" &&
    context.corpus === "kind" &&
    one &&
    ofLink &&
    !(list("place-owners", "it").has(head) && j === i) &&
    orgWords &&
    !locWords
  ) {
    const place = lookupName(after.text);
    if (place?.type === "LOCATION" && !place.country) return j;
  }
  // "Piazza Vittorio Emanuele di Roma": a named square, street or stadium, then its town.
  if (
    language === "it" &&
    one &&
    joiner.lower === "di" &&
    j > i &&
    locHead.has(head) &&
    lookupName(after.text)?.type === "LOCATION"
  )
    return j;
  // "Procura di Trani", "Istituto Floriani di Vimercate", "Corte di Giustizia di Aberystwyth": an
  // office, or a body already named, and "di" and one more word: the town it sits in.
  if (
    language === "it" &&
    context.corpus === "kind" &&
    one &&
    joiner.lower === "di" &&
    (list("office-heads", "it").has(head) || run.filter((t) => t.cap).length >= 2) &&
    orgWords &&
    !locWords &&
    !continuesName(sentence, k + 1, context) &&
    sentence.text(k + 1) !== "'s" &&
    !lookupName(after.text)?.country &&
    !wordEvidence(after.lower).firstName
  ) {
    context.towns.add(after.start);
    return j;
  }
  // "Luigi di Maio", "Giò Di Tonno": after a first name, "di" starts the surname.
  if (
    language === "it" &&
    one &&
    (joiner.lower === "di" || joiner.lower === "de") &&
    wordEvidence(end).firstName &&
    !run.some((t) => orgHead.has(t.lower) || !t.cap) &&
    lookupName(after.text) === undefined &&
    !continuesName(sentence, k + 1, context)
  )
    return k;
  // "Città del Capo", "Castiglione dei Pepoli", "Santiago de Compostela": after "a", "in", "di",
  // a word, a link and a second word name one place.
  if (
    language === "it" &&
    one &&
    list("place-links").has(joiner.lower) &&
    j === i &&
    placeBefore(sentence, i) &&
    !orgHead.has(head) &&
    !wordEvidence(head).firstName &&
    !wordEvidence(after.lower).firstName &&
    lookupName(sentence.text(i))?.type !== "PERSON" &&
    lookupName(sentence.text(i))?.type !== "ORGANIZATION"
  )
    return k;
  // "Procter & Gamble", "Douglas & Lomason": an ampersand joins two names into a company.
  if (one && joiner.text === "&") return continued(sentence, i, k, context);
  const particles = list("name-particles");
  const particleOnly =
    joiners.every((t) => particles.has(t.lower)) &&
    joiner.lower !== "e" &&
    (language === "en" || joiners.every((t) => list("person-particles").has(t.lower)));
  // Particles join people's names only between two capitalised words ("Leonardo da Vinci").
  if (orgLike || (particleOnly && joiners.every((t) => t.lower !== "and" && t.lower !== "y" && t.lower !== "und"))) {
    // "Consiglio di Stato" is caught above; between two names "di" is a preposition.
    // …but "de" after a person's given name is a Spanish, Portuguese or French surname's
    // particle ("Cristina Fernández de Kirchner", "Tarcísio de Freitas"), as in English text.
    const givenNameFirst = wordEvidence(head).firstName && !lookupName(sentence.text(i));
    if (!orgLike && language === "it" && (joiner.lower === "di" || (joiner.lower === "de" && !givenNameFirst)))
      return j;
    return continued(sentence, i, k, context);
  }
  return j;
}
