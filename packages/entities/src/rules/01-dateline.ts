/**
 * Pass 1, datelines: "LONDON 1996-08-30", "ROME, Nov 26", "KHASAVYURT , Russia": one to three
 * place names at the start of a line, in capitals or capitalised, separated by commas, then a
 * date. The places are places whatever else the document says of the same words (a sports
 * report's "LONDON" is the city, not a club).
 */
import type { Token } from "@rassegna/core";

import { lookupName } from "../gazetteer.js";
import { emit, isMonth } from "./emit.js";
import type { Context, Sentence } from "./types.js";
import { list } from "./words.js";

/** A date that ends a dateline at `k`: "1996-08-30", "Nov 26", "26 novembre". */
function isDateAt(sentence: Sentence, k: number): boolean {
  const token = sentence.at(k);
  if (!token) return false;
  if (/^\d{4}-\d{2}-\d{2}$/.test(token.text)) return true;
  const next = sentence.at(k + 1);
  if (isMonth(token)) return next !== undefined && /^\d{1,2}$/.test(next.text);
  return /^\d{1,2}$/.test(token.text) && isMonth(next);
}

/** A word of a place's name in a dateline: capitalised, joined to the word before it. */
function placeWord(token: Token | undefined, first: boolean): boolean {
  return token?.cap === true && token.word && (first || token.joinedBefore);
}

/** Reads a dateline at the start of `sentence`; returns how many tokens it took (0 when there is none). */
export function readDateline(sentence: Sentence, context: Context): number {
  const first = sentence.first;
  if (!first?.cap || !(first.lineBreakBefore || first.position === 0)) return 0;
  const places: Token[][] = [];
  let k = 0;
  while (places.length < 3) {
    const begin = k;
    while (placeWord(sentence.at(k), k === begin)) k++;
    if (k === begin || k - begin > 4) return 0;
    const place = sentence.slice(begin, k);
    // "Calif .", "Mich .": an abbreviated state.
    const period = sentence.at(k);
    if (period?.text === "." && period.start === place[place.length - 1]?.end) k++;
    places.push(place);
    if (sentence.text(k) === ",") k++;
    if (isDateAt(sentence, k)) break;
    if (!sentence.at(k)?.cap) return 0;
  }
  if (!isDateAt(sentence, k)) return 0;
  const notNames = list("not-names");
  if (places.some((tokens) => tokens.some((t) => notNames.has(t.lower) || isMonth(t)))) return 0;
  for (const tokens of places) {
    const known = lookupName(context.text.slice(tokens[0]?.start, tokens[tokens.length - 1]?.end));
    const place = known?.type === "LOCATION" ? known : undefined;
    emit(context, tokens, "LOCATION", 3, "dateline", { canonical: place?.name, country: place?.country });
  }
  return k;
}
