/**
 * Verbs of considering and calling: "Pechino e Mosca considerano Washington il principale
 * avversario" (a role noun after the object), "X called Y 'crooked'" (the valence of what follows).
 */
import { at, type Token } from "../tokens.js";
import { stanceValence } from "../valence.js";
import { CALLED_OPENERS } from "../words.js";
import { groupAfter, holderBefore } from "./clauses.js";
import type { CueHit } from "./cues.js";
import { first, last } from "./groups.js";
import { isNegated } from "./modality.js";
import type { SentenceReader } from "./sentence.js";

/** "X called Y …": how many words after Y are read, and the valence that decides. */
const CALLED_WORDS = 5;
const CALLED_MIN = 0.3;
const CALLED_POS = 1;
const CALLED_WEIGHT = 0.7;

/** A verb of considering at index `c` of the sentence's cues. */
export function readConsider(r: SentenceReader, cues: readonly CueHit[], c: number): void {
  const { tokens, groups } = r;
  const hit = cues[c] as CueHit;
  // "Pechino e Mosca considerano Washington il principale avversario".
  const roleIndex = cues.findIndex(
    (h, k) =>
      k > c && (h.cue.kind === "role" || h.cue.kind === "mutual" || h.cue.kind === "joint") && h.first - hit.last <= 8,
  );
  const role = cues[roleIndex];
  if (!role) {
    considerValence(r, hit);
    return;
  }
  const targets = groupAfter(tokens, groups, hit.last, role.first - hit.last);
  const holders = holderBefore(tokens, groups, hit.first);
  if (!targets || last(targets).last >= role.first) return;
  r.used.add(roleIndex);
  const rule = role.cue.polarity === "AGAINST" ? "consider-as-adversary" : "consider-as-ally";
  r.directed(holders, targets, { ...role, first: hit.first }, rule);
}

/**
 * "X called Y 'crooked'", "X described Y as unfit": a verb of calling with no role noun
 * after it; the valence of the words right after the target says what X calls Y.
 */
function considerValence(r: SentenceReader, hit: CueHit): void {
  const { tokens, groups } = r;
  const targets = groupAfter(tokens, groups, hit.last, 2);
  if (!targets) return;
  let sum = 0;
  const words: string[] = [];
  for (let t = last(targets).last + 1, seen = 0; t < tokens.length && seen < CALLED_WORDS; t++) {
    const token = at(tokens, t);
    if (!token.word) {
      if (token.folded === "." || token.folded === ";" || token.folded === "," || token.folded === ":") break;
      continue;
    }
    seen++;
    if (groups.some((g) => first(g).first === t)) break;
    const valence = stanceValence(token.folded, r.english, true);
    // What follows the target must be what X calls it: "as …", "a …", or the word itself.
    if (seen === 1 && valence === 0 && !CALLED_OPENERS.has(token.folded)) return;
    if (valence === 0) continue;
    sum += valence;
    words.push(r.text.slice(token.start, token.end));
  }
  const polarity = sum <= -CALLED_MIN ? "AGAINST" : sum >= CALLED_POS ? "FAVOR" : undefined;
  if (!polarity) return;
  const holders = holderBefore(tokens, groups, hit.first);
  const rule = isNegated(tokens, hit, -1) ? "consider-valence+negation" : "consider-valence";
  const weight = isNegated(tokens, hit, -1) ? 0 : CALLED_WEIGHT * Math.min(1, Math.abs(sum));
  r.emit(holders, targets, polarity, weight, rule, hit, `${r.cueText(hit)}: ${words.join(" ")}`);
}
