/** The words and marks of a text, with true offsets and folded forms, and token access for the rules. */
import { foldName } from "@rassegna/core";

/** A word or punctuation mark, with its offsets in the text and its folded form. */
export interface Token {
  start: number;
  end: number;
  /** Lower case, no accents, `’` as `'`. */
  folded: string;
  /** True for words (letters or digits), false for punctuation. */
  word: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

/** Splits `text` (or `text.slice(from, to)`, keeping the offsets of `text`) into tokens. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const part = text.slice(from, to);
  for (const match of part.matchAll(TOKEN)) {
    const start = from + (match.index ?? 0);
    const raw = match[0];
    tokens.push({ start, end: start + raw.length, folded: foldName(raw), word: /[\p{L}\p{N}]/u.test(raw) });
  }
  return tokens;
}

/** Token `i` of a sentence; a reading past the end is a bug of the rules, not of the input. */
export function at(tokens: readonly Token[], i: number): Token {
  const token = tokens[i];
  if (token === undefined) throw new RangeError(`stance rules: no token ${i} (the sentence has ${tokens.length})`);
  return token;
}
