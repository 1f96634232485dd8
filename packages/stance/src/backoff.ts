/**
 * Backoffs for a holder → target pair that no cue linked: reported speech ("X said Y …")
 * and negative words between the two mentions. Weaker than cues, marked with their own rules.
 */
import { addEvidence, newTally, type Tally, vote } from "./aggregate.js";
import type { ActorMention } from "./mentions.js";
import { at, type Token } from "./tokens.js";
import type { ReadSentence } from "./types.js";
import { stanceValence } from "./valence.js";
import { NEGATORS, REPORT_AUXILIARIES, REPORT_VERBS } from "./words.js";

/**
 * True when a cue rule read the sentence the other way round ("Ford was criticised by
 * Trump": Trump → Ford): the backoffs then say nothing about holder → target there.
 */
function linkedTheOtherWay(sentence: ReadSentence, holder: string, target: string): boolean {
  return sentence.findings?.some((f) => f.holder === target && f.target === holder) ?? false;
}

/** Reported speech: holder at most this many tokens before the verb, target this many after it. */
const REPORT_HOLDER_GAP = 10;
const REPORT_TARGET_GAP = 6;
/** How far past the target the reported words are read. */
const REPORT_AFTER = 10;
/** Summed valence that makes a report AGAINST (≤ -min) or FAVOR (≥ pos): praise must be clearer. */
const REPORT_MIN = 0.3;
const REPORT_POS = 2;
const REPORT_WEIGHT = 0.5;

/** Longest apposition skipped after a reported target, in tokens. */
const APPOSITION_MAX = 12;

/** The token after an apposition that starts at `i` (", the biggest of them,"), else `i`. */
function appositionEnd(tokens: readonly Token[], i: number): number {
  if (tokens[i]?.folded !== ",") return i;
  for (let t = i + 1; t < tokens.length && t <= i + APPOSITION_MAX; t++) {
    const f = at(tokens, t).folded;
    if (f === ",") return t + 1;
    if (f === ";" || f === "." || f === ":") return i;
  }
  return i;
}

/** Valence of the words from `from` to `to` (tokens), skipping `skip`, with negation; and the cue words. */
function spanValence(
  text: string,
  english: boolean,
  tokens: readonly Token[],
  from: number,
  to: number,
  skip: ActorMention,
): { sum: number; cues: string[] } {
  let sum = 0;
  const cues: string[] = [];
  for (let i = from; i < to; i++) {
    if (i >= skip.first && i <= skip.last) continue;
    const token = at(tokens, i);
    if (!token.word) {
      if (token.folded === ";") break;
      continue;
    }
    let valence = stanceValence(token.folded, english, true);
    if (valence === 0) continue;
    for (let k = i - 1, words = 0; k >= from && words < 3; k--) {
      const tk = at(tokens, k);
      if (!tk.word) continue;
      words++;
      if (NEGATORS.has(tk.folded)) valence = -valence;
    }
    sum += valence;
    cues.push(text.slice(token.start, token.end));
  }
  return { sum, cues };
}

/**
 * Backoff for a holder → target pair: reported speech. "X said (that) Y had made false
 * claims", "X warned that Y cannot be trusted": the valence of what X reports, with Y near
 * its start, is X's stance toward Y. Tuned on DSE valid.
 */
export function reportedValence(
  text: string,
  english: boolean,
  sentences: readonly ReadSentence[],
  holder: string,
  target: string,
): Tally | undefined {
  const tally = newTally();
  for (const sentence of sentences) {
    if (linkedTheOtherWay(sentence, holder, target)) continue;
    const { tokens } = sentence;
    const holders = sentence.mentions.filter((m) => m.key === holder);
    const targets = sentence.mentions.filter((m) => m.key === target);
    for (const h of holders) {
      const t = targets.find((m) => m.first > h.last);
      if (!t) continue;
      // "According to X, Y …", "secondo X, Y …": the words after X are X's.
      let verb = accordingTo(tokens, h);
      // "X, the head of the council, said …": the apposition after X does not count.
      const from = appositionEnd(tokens, h.last + 1) - 1;
      for (let v = from + 1; verb < 0 && v < t.first && v - from <= REPORT_HOLDER_GAP; v++) {
        if (REPORT_VERBS.has(at(tokens, v).folded)) verb = v;
      }
      if (verb < 0 || t.first - Math.max(verb, h.last) > REPORT_TARGET_GAP) continue;
      // "said Y, the largest of them, is a fraud": the apposition after Y is skipped.
      const skipTo = appositionEnd(tokens, t.last + 1);
      const skipped = { ...t, last: skipTo - 1 };
      const stop = Math.min(tokens.length, skipTo + REPORT_AFTER);
      const { sum, cues } = spanValence(text, english, tokens, verb + 1, stop, skipped);
      if (report(tally, text, sentence, verb, sum, cues)) break;
    }
    // "Y is a fraud, X said.": the speaker closes the sentence, what comes before is theirs.
    for (const h of holders) {
      const verb = trailingSpeechVerb(tokens, h);
      if (verb === undefined) continue;
      const comma = Math.min(h.first, verb) - 1;
      const t = targets.findLast((m) => m.last < comma);
      if (!t || comma - t.last > REPORT_BEFORE_SPEAKER) continue;
      const { sum, cues } = spanValence(text, english, tokens, Math.max(0, t.first - REPORT_TARGET_GAP), comma, t);
      if (report(tally, text, sentence, verb, sum, cues)) break;
    }
  }
  return tally.evidence.length > 0 ? tally : undefined;
}

/** The "according" of "according to X" or the "secondo" of "secondo X", else -1. */
function accordingTo(tokens: readonly Token[], h: ActorMention): number {
  const before = tokens[h.first - 1];
  if (before?.folded === "secondo") return h.first - 1;
  if (before?.folded === "to" && tokens[h.first - 2]?.folded === "according") return h.first - 2;
  return -1;
}

/** How far (in tokens) before a closing speaker ("…, X said.") the target may stand. */
const REPORT_BEFORE_SPEAKER = 20;

/** The verb of "…, X said" or "…, said X", when the mention closes a sentence that way. */
function trailingSpeechVerb(tokens: readonly Token[], h: ActorMention): number | undefined {
  const before = tokens[h.first - 1];
  const after = tokens[h.last + 1];
  const end = (i: number) => {
    const next = tokens[i];
    return !next || next.folded === "." || next.folded === "," || next.folded === ";";
  };
  if (before && !before.word && after && REPORT_VERBS.has(after.folded) && end(h.last + 2)) return h.last + 1;
  // "…, said X", "…, ha detto X": an auxiliary may stand between the comma and the verb.
  let c = h.first - 2;
  if (c >= 0 && REPORT_AUXILIARIES.has(at(tokens, c).folded)) c--;
  const comma = tokens[c];
  if (before && REPORT_VERBS.has(before.folded) && comma && !comma.word && end(h.last + 1)) return h.first - 1;
  return undefined;
}

/** Adds a reported-speech vote when the reported words lean clearly one way. */
function report(
  tally: Tally,
  text: string,
  sentence: ReadSentence,
  verb: number,
  sum: number,
  cues: string[],
): boolean {
  const polarity = sum >= REPORT_POS ? "FAVOR" : sum <= -REPORT_MIN ? "AGAINST" : undefined;
  if (!polarity) return false;
  const weight = REPORT_WEIGHT * Math.min(1, Math.abs(sum));
  vote(tally, polarity, weight);
  const token = at(sentence.tokens, verb);
  const cue = `${text.slice(token.start, token.end)}: ${cues.join(" ")}`;
  addEvidence(tally, { start: sentence.start, end: sentence.end, rule: "reported-valence", cue }, polarity, weight);
  return true;
}

const BETWEEN_MAX_TOKENS = 10;
const BETWEEN_MIN = 0.3;
const BETWEEN_WEIGHT = 0.4;

/**
 * Backoff for a holder → target pair no rule linked: negative words between a mention of
 * the holder and a later mention of the target in one sentence ("X, in a scathing speech,
 * … Y"). Weak evidence, marked with its own rule.
 */
export function betweenValence(
  text: string,
  english: boolean,
  sentences: readonly ReadSentence[],
  holder: string,
  target: string,
): Tally | undefined {
  const tally = newTally();
  for (const sentence of sentences) {
    if (linkedTheOtherWay(sentence, holder, target)) continue;
    const holders = sentence.mentions.filter((m) => m.key === holder);
    const targets = sentence.mentions.filter((m) => m.key === target);
    for (const h of holders) {
      const t = targets.find((m) => m.first > h.last);
      if (!t || t.first - h.last > BETWEEN_MAX_TOKENS) continue;
      let sum = 0;
      const cues: string[] = [];
      for (let i = h.last + 1; i < t.first; i++) {
        const token = at(sentence.tokens, i);
        if (!token.word) continue;
        let valence = stanceValence(token.folded, english, false);
        if (valence === 0) continue;
        for (let k = i - 1, words = 0; k > h.last && words < 3; k--) {
          const tk = at(sentence.tokens, k);
          if (!tk.word) continue;
          words++;
          if (NEGATORS.has(tk.folded)) valence = -valence;
        }
        sum += valence;
        cues.push(text.slice(token.start, token.end));
      }
      // Only negative words: between two actors they mostly mean conflict, while positive
      // words in news are often about something else (tuned on DSE valid).
      if (sum > -BETWEEN_MIN) continue;
      const weight = BETWEEN_WEIGHT * Math.min(1, Math.abs(sum));
      vote(tally, "AGAINST", weight);
      addEvidence(
        tally,
        { start: sentence.start, end: sentence.end, rule: "valence-between", cue: cues.join(" ") },
        "AGAINST",
        weight,
      );
      break;
    }
  }
  return tally.evidence.length > 0 ? tally : undefined;
}
