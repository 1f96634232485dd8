/**
 * Verdicts an author gives in their own voice ("X ha ragione", "the blame lies with X",
 * "non si può assolvere X", "merita un riconoscimento X"): read in opinion pieces only, outside
 * quotations, for the text's own stance toward the actor named nearest to the verdict.
 */
import { addEvidence, type Tally, vote } from "./aggregate.js";
import { JUDGEMENT_AGAINST, JUDGEMENT_FAVOR } from "./generated/words.js";
import type { ActorMention } from "./mentions.js";
import { at, type Token } from "./tokens.js";
import type { ReadSentence } from "./types.js";
import { JUDGEMENT_EITHER_SIDE, JUDGEMENT_OPENS_CLAUSE } from "./words.js";

interface Verdict {
  words: string[];
  polarity: "FAVOR" | "AGAINST";
}

const VERDICTS: readonly Verdict[] = [
  ...[...JUDGEMENT_FAVOR.en, ...JUDGEMENT_FAVOR.it].map((p) => ({ words: p.split(" "), polarity: "FAVOR" as const })),
  ...[...JUDGEMENT_AGAINST.en, ...JUDGEMENT_AGAINST.it].map((p) => ({
    words: p.split(" "),
    polarity: "AGAINST" as const,
  })),
];

/** Weight of a verdict: stronger than an evaluative word, as it is said of someone. */
const VERDICT_WEIGHT = 1.5;
/** How far (in tokens) the actor may stand from the verdict. */
const REACH = 12;
/** Words an author may put inside a verdict ("merita invece un riconoscimento"). */
const GAP = 1;

/** The tokens of a verdict starting at word `i`, as [first, last], or undefined. */
function matchAt(tokens: readonly Token[], i: number, words: readonly string[]): [number, number] | undefined {
  let t = i;
  for (let w = 0; w < words.length; w++) {
    let skipped = 0;
    while (t < tokens.length) {
      const token = at(tokens, t);
      if (!token.word) {
        if (token.folded === "'" || token.folded === "’") {
          t++;
          continue;
        }
        return undefined;
      }
      if (token.folded === words[w]) break;
      if (w === 0 || ++skipped > GAP) return undefined;
      t++;
    }
    if (t >= tokens.length) return undefined;
    t++;
  }
  return [i, t - 1];
}

/**
 * Where a verdict's actor stands: after it when the verdict opens the clause ("la
 * responsabilità è di X", "non si può assolvere X", "the blame lies with X"), on either side
 * for "merita" (Italian puts the subject after: "merita un riconoscimento X"), else before it,
 * as its subject ("X ha ragione", "X is wrong").
 */
function sideOf(words: readonly string[]): "before" | "after" | "either" {
  const head = words[0] as string;
  if (JUDGEMENT_OPENS_CLAUSE.has(head)) return "after";
  if (JUDGEMENT_EITHER_SIDE.has(head)) return "either";
  return "before";
}

/** The mention nearest to tokens [first, last] within reach on the verdict's side, preferring the one after. */
function nearest(
  mentions: readonly ActorMention[],
  first: number,
  last: number,
  side: "before" | "after" | "either",
): ActorMention | undefined {
  let best: ActorMention | undefined;
  let distance = REACH + 1;
  for (const m of mentions) {
    if (side === "after" && m.first <= last) continue;
    if (side === "before" && m.last >= first) continue;
    const d = m.first > last ? m.first - last : first - m.last + 0.5;
    if (d > 0 && d < distance) {
      distance = d;
      best = m;
    }
  }
  return best;
}

/** Adds the verdicts of the author's own sentences to the tallies of the targets they name. */
export function readVerdicts(
  text: string,
  own: string,
  sentences: readonly ReadSentence[],
  tallies: ReadonlyMap<string, Tally>,
): void {
  for (const sentence of sentences) {
    const { tokens } = sentence;
    for (let i = 0; i < tokens.length; i++) {
      const token = at(tokens, i);
      if (!token.word || own[token.start] !== text[token.start]) continue;
      for (const verdict of VERDICTS) {
        if (verdict.words[0] !== token.folded) continue;
        const span = matchAt(tokens, i, verdict.words);
        if (!span) continue;
        // A verdict that opens the sentence names its subject after it ("Ha ragione X").
        const side = sideOf(verdict.words);
        const opens = tokens.slice(0, i).every((t) => !t.word);
        const mention = nearest(sentence.mentions, span[0], span[1], side === "before" && opens ? "after" : side);
        const tally = mention && tallies.get(mention.key);
        if (!tally) continue;
        vote(tally, verdict.polarity, VERDICT_WEIGHT);
        const cue = text.slice(token.start, at(tokens, span[1]).end);
        addEvidence(
          tally,
          { start: sentence.start, end: sentence.end, rule: "verdict", cue },
          verdict.polarity,
          VERDICT_WEIGHT,
        );
        i = span[1];
        break;
      }
    }
  }
}
