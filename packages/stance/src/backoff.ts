/**
 * Backoffs for a holder → target pair that no cue linked: reported speech ("X said Y …")
 * and negative words between the two mentions. Weaker than cues, marked with their own rules.
 */
import { addEvidence, newTally, type ReadSentence, type Tally, vote } from "./aggregate.js";
import { NEGATORS } from "./lexicon.js";
import type { ActorMention, Token } from "./mentions.js";
import { valenceOf } from "./valence.js";

/**
 * Verbs that report what someone said, found or believes: "X said (that) Y …". What
 * follows them is the holder's view, so its valence toward a target named in it is the
 * holder's stance.
 */
const REPORTING = new Set(
  "said says say told tells claimed claims claim argued argues argue wrote writes alleged alleges allege charged contended contends insisted insists complained complains suggested suggests concluded concludes conclude found believes believe believed thinks think thought warned warns warning noted notes added adds stated states tweeted tweets asserted asserts maintained maintains declared declares acknowledged admitted testified described describes called calls predicted predicts feared fears accused accuses accusing blamed blames ruled rules determined insisting arguing saying claiming suggesting".split(
    " ",
  ),
);

/** Reported speech: holder at most this many tokens before the verb, target this many after it. */
const REPORT_HOLDER_GAP = 10;
const REPORT_TARGET_GAP = 6;
/** How far past the target the reported words are read. */
const REPORT_AFTER = 10;
/** Summed valence that makes a report AGAINST (≤ -min) or FAVOR (≥ pos): praise must be clearer. */
const REPORT_MIN = 0.3;
const REPORT_POS = 2;
const REPORT_WEIGHT = 0.5;

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
    const token = tokens[i] as Token;
    if (!token.word) {
      if (token.folded === ";") break;
      continue;
    }
    let valence = valenceOf(token.folded, english);
    if (valence === 0) continue;
    for (let k = i - 1, words = 0; k >= from && words < 3; k--) {
      const tk = tokens[k] as Token;
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
    const { tokens } = sentence;
    const holders = sentence.mentions.filter((m) => m.key === holder);
    const targets = sentence.mentions.filter((m) => m.key === target);
    for (const h of holders) {
      const t = targets.find((m) => m.first > h.last);
      if (!t) continue;
      let verb = -1;
      for (let v = h.last + 1; v < t.first && v - h.last <= REPORT_HOLDER_GAP; v++) {
        if (REPORTING.has((tokens[v] as Token).folded)) verb = v;
      }
      if (verb < 0 || t.first - verb > REPORT_TARGET_GAP) continue;
      const stop = Math.min(tokens.length, t.last + 1 + REPORT_AFTER);
      const { sum, cues } = spanValence(text, english, tokens, verb + 1, stop, t);
      const polarity = sum >= REPORT_POS ? "FAVOR" : sum <= -REPORT_MIN ? "AGAINST" : undefined;
      if (!polarity) continue;
      const weight = REPORT_WEIGHT * Math.min(1, Math.abs(sum));
      vote(tally, polarity, weight);
      const cue = `${text.slice((tokens[verb] as Token).start, (tokens[verb] as Token).end)}: ${cues.join(" ")}`;
      addEvidence(tally, { start: sentence.start, end: sentence.end, rule: "reported-valence", cue }, polarity, weight);
      break;
    }
  }
  return tally.evidence.length > 0 ? tally : undefined;
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
    const holders = sentence.mentions.filter((m) => m.key === holder);
    const targets = sentence.mentions.filter((m) => m.key === target);
    for (const h of holders) {
      const t = targets.find((m) => m.first > h.last);
      if (!t || t.first - h.last > BETWEEN_MAX_TOKENS) continue;
      let sum = 0;
      const cues: string[] = [];
      for (let i = h.last + 1; i < t.first; i++) {
        const token = sentence.tokens[i] as Token;
        if (!token.word) continue;
        let valence = valenceOf(token.folded, english);
        if (valence === 0) continue;
        for (let k = i - 1, words = 0; k > h.last && words < 3; k--) {
          const tk = sentence.tokens[k] as Token;
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
