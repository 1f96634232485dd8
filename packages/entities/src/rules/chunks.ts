/**
 * How the rules walk a text: chunks (paragraphs, long paragraphs cut at sentence ends), so
 * time is linear in the text and memory holds one chunk's tokens at a time; sentences of a
 * chunk's tokens.
 */
import { type Token, TokenCursor } from "@rassegna/core";

import type { Sentence } from "./types.js";

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

/** The sentences of a chunk's tokens: a new one at each sentence-initial word after a mark or a line break. */
export function* sentences(tokens: readonly Token[]): Generator<Sentence> {
  let begin = 0;
  for (let i = 1; i <= tokens.length; i++) {
    const token = tokens[i];
    const previous = tokens[i - 1];
    if (token === undefined || (token.initial && token.word && (token.lineBreakBefore || previous?.word === false))) {
      if (i > begin) yield new TokenCursor(tokens.slice(begin, i));
      begin = i;
    }
  }
}
