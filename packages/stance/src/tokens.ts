/** The words and marks of a text, with true offsets and folded forms, and token access for the rules. */
import { type Token as CoreToken, tokenize as coreTokenize, foldName } from "@rassegna/core";

/**
 * A token of core's tokenizer (`@rassegna/core` `tokenize`: true offsets, capitals, sentence
 * starts) with its folded form (lower case, no accents, `’` as `'`), the form the cue lexicons
 * are written in.
 */
export type Token = CoreToken & { readonly folded: string };

/** The words and single marks inside one core token: "anti-Usa" → anti, -, Usa; "U.S." → U, ., S, . */
const PART = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const IS_WORD = /[\p{L}\p{N}]/u;

/**
 * The tokens of `text` from `from` to `to` (offsets into the whole text): core's tokens, with
 * the hyphens, apostrophes and periods inside a word as tokens of their own, since the cues
 * are word sequences ("anti Usa", "l asse", "U S") and a name is matched across them.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  for (const token of coreTokenize(text, { from, to })) {
    const parts = [...token.text.matchAll(PART)];
    if (parts.length === 1) {
      tokens.push({ ...token, position: tokens.length, folded: foldName(token.text) });
      continue;
    }
    for (const [index, match] of parts.entries()) {
      const value = match[0];
      const start = token.start + (match.index ?? 0);
      tokens.push({
        ...token,
        start,
        end: start + value.length,
        text: value,
        lower: value.toLowerCase(),
        cap: /^\p{Lu}/u.test(value),
        upper: /\p{L}/u.test(value) && !/\p{Ll}/u.test(value),
        word: IS_WORD.test(value),
        initial: token.initial && index === 0,
        lineBreakBefore: token.lineBreakBefore && index === 0,
        joinedBefore: index === 0 ? token.joinedBefore : true,
        position: tokens.length,
        folded: foldName(value),
      });
    }
  }
  return tokens;
}

/** Token `i` of a sentence; a reading past the end is a bug of the rules, not of the input. */
export function at(tokens: readonly Token[], i: number): Token {
  const token = tokens[i];
  if (token === undefined) throw new RangeError(`stance rules: no token ${i} (the sentence has ${tokens.length})`);
  return token;
}
