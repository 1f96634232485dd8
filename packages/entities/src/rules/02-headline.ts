/**
 * Pass 2, headlines in capitals: capitals say nothing there, so names known from the gazetteers
 * or from the rest of the document are taken first, longest first (after the other passes have
 * read the document); the rest of the headline is then read as if written in sentence case
 * ("BOXING - MILLER DEFENDS TITLE": Miller), which is all a headline without its article has.
 */
import { type EntityType, type Token, TokenCursor } from "@rassegna/core";

import { lookupName, wordEvidence } from "../gazetteer.js";
import { readSentence } from "./04-runs.js";
import { isTeamPosition } from "./10-sports.js";
import { emit } from "./emit.js";
import { type Context, type Sentence, spanText } from "./types.js";
import { isCommonWord, list } from "./words.js";

/** A sentence in capitals (a headline): two or more letters' words, none with a lower-case letter. */
export function isHeadline(sentence: Sentence): boolean {
  let letters = 0;
  for (const token of sentence.tokens) {
    if (!token.word || !/\p{L}/u.test(token.text)) continue;
    if (!token.upper) return false;
    letters++;
  }
  return letters >= 2;
}

/** Reads the headlines of a document once its other sentences are read. */
export function readHeadlines(headlines: readonly Sentence[], context: Context): void {
  if (headlines.length === 0) return;
  const seen = new Map<string, { type: EntityType; canonical?: string }>();
  for (const mention of context.found) {
    const key = mention.text.toLowerCase();
    const entry: { type: EntityType; canonical?: string } = { type: mention.type };
    if (mention.canonical !== undefined) entry.canonical = mention.canonical;
    if (!seen.has(key) || mention.strength >= 2) seen.set(key, entry);
  }
  const notNames = list("not-names");
  for (const sentence of headlines) {
    const before = context.found.length;
    for (let i = 0; i < sentence.length; ) {
      let matched = 0;
      if (sentence.at(i)?.word) {
        for (let n = Math.min(4, sentence.length - i); n >= 1 && matched === 0; n--) {
          const tokens = sentence.slice(i, i + n);
          if (notNames.has(sentence.lower(i)) && (n === 1 || notNames.has(sentence.lower(i + n - 1)))) continue;
          if (!tokens.every((t, k) => k === 0 || t.joinedBefore)) continue;
          const surface = spanText(context, tokens);
          const fromDocument = seen.get(surface.toLowerCase());
          const place = lookupName(surface);
          // "CHICAGO AT TORONTO": after "at" or "in" a known place is where, whatever the document made of it.
          const venue = place?.type === "LOCATION" && list("venue-words").has(sentence.lower(i - 1));
          if (fromDocument && !venue) {
            const team =
              fromDocument.type === "LOCATION" && !lookupName(surface)?.country && isTeamPosition(sentence, tokens);
            emit(context, tokens, team ? "ORGANIZATION" : fromDocument.type, 2, "headline-from-document", {
              canonical: team ? undefined : fromDocument.canonical,
            });
            matched = n;
            continue;
          }
          const known = lookupName(surface);
          if (known && !(n === 1 && isCommonWord(sentence.lower(i)))) {
            if (known.type === "LOCATION" && !known.country && isTeamPosition(sentence, tokens)) {
              emit(context, tokens, "ORGANIZATION", 2, "headline-side");
            } else
              emit(context, tokens, known.type, 3, "headline-gazetteer", {
                canonical: known.name,
                sentence,
                country: known.country,
              });
            matched = n;
          }
        }
      }
      i += matched || 1;
    }
    readRest(sentence, context.found.slice(before), context);
  }
}

/** Reads a headline in sentence case, keeping what the names already taken from it leave. */
function readRest(sentence: Sentence, taken: readonly { start: number; end: number }[], context: Context): void {
  const own: Context = { ...context, found: [] };
  readSentence(recased(sentence), own);
  for (const mention of own.found) {
    if (taken.some((t) => t.start < mention.end && mention.start < t.end)) continue;
    // Only what has some evidence: a bare guess in capitals is no more a name than a word.
    if (mention.strength < 1) continue;
    mention.rule = `headline-${mention.rule}`;
    context.found.push(mention);
  }
}

/**
 * A headline in capitals read as if written in sentence case: a word the lexicon knows as a
 * known name, first name, surname or place keeps a capital, every other word is lower case.
 * "BOXING - MILLER DEFENDS WBA TITLE" reads as "boxing - Miller defends wba title".
 */
export function recased(sentence: Sentence): Sentence {
  const notNames = list("not-names");
  const sports = list("sports-words");
  const tokens = sentence.tokens.map((token): Token => {
    if (!token.word || !/\p{L}/u.test(token.text)) return token;
    const evidence = wordEvidence(token.lower);
    const name = evidence.firstName || evidence.lastName || evidence.place || lookupName(token.text) !== undefined;
    // Only a word something says is a name keeps its capital: a word the lexicon does not know
    // is as likely a verb or a noun ("DEFENDS", "PRANK") as a name.
    const common = notNames.has(token.lower) || sports.has(token.lower) || list("org-tail").has(token.lower) || !name;
    if (common) return { ...token, text: token.lower, cap: false, upper: false };

    const text = token.text.charAt(0) + token.text.slice(1).toLowerCase();
    return { ...token, text, cap: true, upper: false };
  });
  return new TokenCursor(tokens);
}
