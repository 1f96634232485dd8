/**
 * Pass 8, one piece of a run becomes a mention: a known name, or nothing (events, nationality
 * words, generic nouns, compound adjectives, codes), or a place after a compass word, an
 * organisation by context, else the type pass 7 gives, with the sports sides of results lines.
 */
import type { Token } from "@rassegna/core";

import { isDemonym, lookupName, wordEvidence } from "../gazetteer.js";
import { classify } from "./07-classify.js";
import { isSide, isSideInTable, isTeamPosition } from "./10-sports.js";
import { organisationContext } from "./11-org-context.js";
import { emit, lookupKnown } from "./emit.js";
import { type Context, type Sentence, spanText } from "./types.js";
import { COMMON_SUFFIX, endingIn, ITALIAN_COMMON_SUFFIX, list, wordsOf } from "./words.js";

const DEMONYM_SUFFIX = endingIn(wordsOf("demonym-endings", "en"));

/** Why a piece names nothing: an event, a nationality, a generic noun, a compound adjective, a code. */
function namesNothing(sentence: Sentence, piece: readonly Token[], personCue: boolean, context: Context): boolean {
  const first = piece[0];
  const last = piece[piece.length - 1];
  if (!first || !last) return true;
  if (list("event-tail").has(last.lower) || list("event-head", "it").has(first.lower)) return true;
  // "Chinese" ends no name; "China" (also a demonym to the lexicon: china, porcelain) may.
  // …unless it ends the name of an Italian body ("Partito Comunista Italiano").
  const italianBody = context.language === "it" && list("org-head").has(first.lower);
  if (isDemonym(last.text) && !(piece.length > 1 && (lookupName(last.text) || italianBody))) return true;
  // "i Paesi", "lo Stato", "the Countries": capitalised common nouns with no name after them.
  const generic = list("generic-nouns");
  if (piece.every((t) => !t.cap || generic.has(t.lower))) return true;
  // "Amman-bound", "Year-on-year", "France-registered": compound adjectives, not names.
  const tail = /-(\p{Ll}+)$/u.exec(last.text)?.[1];
  if (tail && (wordEvidence(tail).common || COMMON_SUFFIX.test(tail) || list("compound-tails", "en").has(tail)))
    return true;
  if (piece.length === 1) {
    // "H1N1", "CO2", "XXI": codes and numerals are not names unless a gazetteer knows them.
    if (/\d/.test(last.text) || /^[IVXLC]+$/.test(last.text)) return true;
    if (context.language === "it" && ITALIAN_COMMON_SUFFIX.test(last.lower) && !list("org-head").has(last.lower))
      return true;
  }
  if (piece.length === 1 && !personCue && DEMONYM_SUFFIX.test(last.lower)) {
    const next = sentence.at(sentence.indexOf(last) + 1);
    if (next?.word && !next.cap && !wordEvidence(last.lower).firstName && !list("verbs-after-person").has(next.lower))
      return true;
  }
  return false;
}

/** Reads one piece of a run (see {@link readRun}). */
export function readPiece(
  sentence: Sentence,
  piece: readonly Token[],
  personCue: boolean,
  context: Context,
  orgCue = false,
): void {
  const first = piece[0];
  const last = piece[piece.length - 1];
  if (!first || !last) return;
  if (piece.length === 1 && /^\p{Lu}$/u.test(last.text)) return;
  const known = lookupKnown(piece, context);
  if (known) {
    const team = known.type === "LOCATION" && !known.country && isSide(sentence, piece);
    if (team) emit(context, piece, "ORGANIZATION", 2, "gazetteer-place-as-side", { sentence, country: known.country });
    else emit(context, piece, known.type, 3, "gazetteer", { canonical: known.name, sentence, country: known.country });
    return;
  }
  if (namesNothing(sentence, piece, personCue, context)) return;
  // "East Jerusalem", "Northern Ireland", "Nord Italia": a compass word before a known place.
  if (piece.length >= 2 && list("compass-prefixes").has(first.lower)) {
    const place = lookupName(spanText(context, piece.slice(1)));
    if (place?.type === "LOCATION") {
      emit(context, piece, "LOCATION", 2, "compass-place", { sentence, country: place.country });
      return;
    }
  }
  const firstAt = sentence.indexOf(first);
  if (orgCue && !personCue) {
    const mention = emit(context, piece, "ORGANIZATION", 2, "affiliation");
    if (mention) mention.orgContext = true;
    return;
  }
  if (
    !personCue &&
    piece.length <= 3 &&
    !wordEvidence(first.lower).firstName &&
    organisationContext(sentence, firstAt, firstAt + piece.length - 1)
  ) {
    const mention = emit(context, piece, "ORGANIZATION", 2, "org-context");
    if (mention) mention.orgContext = true;
    return;
  }
  const type = classify(sentence, piece, personCue, context);
  if (!type) return;
  // "Leyton Orient 2 Hartlepool 0", "Queens Park Rangers 4 1 2 1": a name on a line of results
  // or standings is a side, however much it looks like a person's name (the line says so
  // itself: a one-line result reads the same as one in a sports report).
  if (
    type.type !== "ORGANIZATION" &&
    (type.strength < 2 || type.type === "LOCATION") &&
    isSideInTable(sentence, piece)
  ) {
    emit(context, piece, "ORGANIZATION", 2, "sports-table");
    return;
  }
  // "Lotte 6 Hyundai 2", "Walsall v Wrexham": an unknown one-word name before a score or beside
  // "v" is a side (in a sports report, even with some evidence of a person).
  if (
    type.type === "PERSON" &&
    type.strength < (context.sports ? 2 : 1) &&
    piece.length === 1 &&
    !wordEvidence(last.lower).firstName &&
    isTeamPosition(sentence, piece)
  ) {
    emit(context, piece, "ORGANIZATION", 1, "sports-side");
    return;
  }
  if (type.type === "LOCATION" && type.strength < 2 && isTeamPosition(sentence, piece)) {
    emit(context, piece, "ORGANIZATION", 1, "side");
    return;
  }
  emit(context, piece, type.type, type.strength, "classify", { sentence });
}
