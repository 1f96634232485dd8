/** "against Y", "contro Y", "anti-Y": the actor after the preposition or prefix is the target. */
import { SPORT_BEFORE_AGAINST } from "../words.js";
import { appositionAfter, groupAfter, holderBefore, wordBefore } from "./clauses.js";
import type { CueHit } from "./cues.js";
import type { SentenceReader } from "./sentence.js";

/** "X … against Y": the subject before holds it. */
export function readAgainst(r: SentenceReader, hit: CueHit): void {
  const { tokens, groups } = r;
  // "the game against Norwich", "a win against Chelsea": sport, not stance.
  if (SPORT_BEFORE_AGAINST.has(wordBefore(tokens, hit.first) ?? "")) return;
  const targets = groupAfter(tokens, groups, hit.last, 4) ?? appositionAfter(tokens, groups, hit.last);
  if (!targets) return;
  r.directed(holderBefore(tokens, groups, hit.first), targets, hit, "against");
}

/** "anti Y", "anti-Usa": the actor right after the prefix is the target. */
export function readAnti(r: SentenceReader, hit: CueHit): void {
  const { tokens, groups } = r;
  const targets = groupAfter(tokens, groups, hit.last, 2);
  if (!targets) return;
  // "l'asse tra Russia e Cina, anti Usa": the members of the axis hold it, even after "tra".
  r.directed(holderBefore(tokens, groups, hit.first, true), targets, hit, "anti");
}
