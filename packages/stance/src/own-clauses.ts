/**
 * How a sentence is laid out around a person it names, without a parser: who is the source
 * of reported speech, where clauses break, and the valence of each word with negation read
 * inside its clause. Used by the text's own stance (`own.ts`).
 */
import type { ActorMention } from "./mentions.js";
import { newsValence } from "./own-lexicon.js";
import { at, type Token } from "./tokens.js";
import { valenceOf } from "./valence.js";
import { FOR, NEGATORS, NOT_DONE, SPEECH_VERBS } from "./words.js";

/** True when the mention is the source of reported speech next to it: "X said", "…, said X", "according to X". */
export function isSpeaker(tokens: readonly Token[], mention: ActorMention): boolean {
  const next = tokens
    .slice(mention.last + 1, mention.last + 4)
    .find((t) => t.word && t.folded !== "has" && t.folded !== "ha");
  if (next && SPEECH_VERBS.has(next.folded)) return true;
  // "…, said Merkel." / "according to Merkel,": the verb before, the mention closing the clause.
  const after = tokens[mention.last + 1];
  if (after?.word) return false;
  for (let t = mention.first - 1; t >= 0 && t >= mention.first - 3; t--) {
    const token = at(tokens, t);
    if (!token.word) continue;
    if (token.folded === "to") return tokens[t - 1]?.folded === "according";
    return SPEECH_VERBS.has(token.folded);
  }
  return false;
}

/** Punctuation that closes a clause: a negator before it does not reach past it. */
const CLAUSE_MARKS = new Set([",", ";", ":", "(", ")", "—", "–", "?", "!"]);

/**
 * How many words before a valenced word a negator still reaches, within its clause: "does not
 * appear likely to win" (four words between).
 */
const NEGATION_WINDOW = 5;

const FIGHT = /^(fight|fights|fighting|fought|battl|lott|combatt)/;

/**
 * The valence of token `i` toward whom the sentence is about, in [-1, 1]; `negated` when a
 * negator in its clause turned it. A negated positive word reads as negative ("did not keep
 * his promise"); a negated negative word as nothing ("was not charged" is no praise: the same
 * reading as the cue rules' "a negated attack is no stance").
 */
export function wordValence(
  tokens: readonly Token[],
  i: number,
  english: boolean,
): { value: number; negated: boolean } {
  const token = at(tokens, i);
  let value = valenceOf(token.folded, english);
  if (value === 0 && english) value = newsValence(token.folded);
  // "fights for the rights of …", "lotta per …": championing, not conflict.
  if (value < 0 && FIGHT.test(token.folded) && FOR.has(tokens[i + 1]?.folded ?? "")) value = 1;
  if (value === 0) return { value, negated: false };
  for (let t = i - 1, words = 0; t >= 0 && words < NEGATION_WINDOW; t--) {
    const tk = at(tokens, t);
    if (!tk.word) {
      if (CLAUSE_MARKS.has(tk.folded)) break;
      continue;
    }
    words++;
    if (NEGATORS.has(tk.folded) || NOT_DONE.has(tk.folded)) return { value: value > 0 ? -value : 0, negated: true };
  }
  return { value, negated: false };
}
