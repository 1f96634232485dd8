/**
 * Pass 2, headlines in capitals: capitals say nothing there, so only names known from the
 * gazetteers or from the rest of the document are taken, longest first (after the other passes
 * have read the document).
 */
import type { EntityType } from "@rassegna/core";

import { lookupName } from "../gazetteer.js";
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
    for (let i = 0; i < sentence.length; ) {
      let matched = 0;
      if (sentence.at(i)?.word) {
        for (let n = Math.min(4, sentence.length - i); n >= 1 && matched === 0; n--) {
          const tokens = sentence.slice(i, i + n);
          if (notNames.has(sentence.lower(i)) && (n === 1 || notNames.has(sentence.lower(i + n - 1)))) continue;
          if (!tokens.every((t, k) => k === 0 || t.joinedBefore)) continue;
          const surface = spanText(context, tokens);
          const fromDocument = seen.get(surface.toLowerCase());
          if (fromDocument) {
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
  }
}
