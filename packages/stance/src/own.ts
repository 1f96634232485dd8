/** The text's own stance toward each target (no holder): cues about it and evaluative words near it. */
import { addEvidence, newTally, type Tally, vote } from "./aggregate.js";
import { readVerdicts } from "./judgement.js";
import type { ActorMention } from "./mentions.js";
import { isSpeaker, wordValence } from "./own-clauses.js";
import { isCueAt } from "./rules/cues.js";
import { at, type Token } from "./tokens.js";
import type { CueLanguage, Finding, ReadSentence } from "./types.js";
import { outsideQuotes } from "./voice.js";

const BOTH: ReadonlySet<CueLanguage> = new Set(["en", "it"]);

/** Weight of a finding about the target in the text's own stance: reported holders count less. */
const REPORTED_WEIGHT = 0.7;
const OWN_FINDING_WEIGHT = 1;
const EVALUATIVE_WEIGHT = 0.5;
/** Distance (in tokens) at which an evaluative word counts half. */
const DECAY = 6;

/**
 * The text's own stance toward each target: cues whose object is the target, and
 * evaluative words in sentences that name it, each given to the actor named nearest to it.
 * Where the target is the one speaking ("X said …"), neither counts: their own words say what
 * they think, not how the text treats them.
 */
export function ownStances(
  text: string,
  english: boolean,
  targets: readonly string[],
  findings: readonly Finding[],
  sentences: readonly ReadSentence[],
  strict = false,
): Map<string, Tally> {
  const tallies = new Map<string, Tally>(targets.map((t) => [t, newTally()]));
  /**
   * Strict reading (a whole article, where the author's voice is told apart from the voices
   * it reports): what someone else does to the target ("X accused Y") is X's stance, not the
   * author's, and quoted words are the speaker's; only the author's own words count.
   */
  const own = strict ? outsideQuotes(text) : text;
  const actedOn = new Set<string>();
  if (strict) for (const f of findings) if (f.holder) actedOn.add(`${f.start}\u0000${f.target}`);
  /** The mentions that are the source of reported speech, per sentence. */
  const speakersOf = new Map<ReadSentence, Set<ActorMention>>(
    sentences.map((s) => [s, new Set(s.mentions.filter((m) => isSpeaker(s.tokens, m)))]),
  );
  /** For each target, the starts of the sentences in which it speaks. */
  const speaking = new Map<string, Set<number>>();
  for (const [sentence, speakers] of speakersOf) {
    for (const m of speakers) {
      const starts = speaking.get(m.key) ?? new Set<number>();
      starts.add(sentence.start);
      speaking.set(m.key, starts);
    }
  }
  for (const finding of findings) {
    const tally = tallies.get(finding.target);
    if (!tally) continue;
    // A cue in a sentence where the target is the one speaking is mostly in their own words
    // ("'we will back the plan,' Holder said"), not the text's view of them.
    if (speaking.get(finding.target)?.has(finding.start)) continue;
    if (strict) continue;
    const weight = finding.weight * (finding.holder ? REPORTED_WEIGHT : OWN_FINDING_WEIGHT);
    vote(tally, finding.polarity, weight);
    addEvidence(
      tally,
      { start: finding.start, end: finding.end, rule: finding.rule, cue: finding.cue },
      finding.polarity,
      weight,
    );
  }
  if (strict) readVerdicts(text, own, sentences, tallies);
  for (const sentence of sentences) {
    const named = sentence.mentions.filter((m) => tallies.has(m.key));
    if (named.length === 0) continue;
    const inName = new Set<number>();
    for (const m of sentence.mentions) for (let t = m.first; t <= m.last; t++) inName.add(t);
    const tokens = sentence.tokens;
    const speakers = speakersOf.get(sentence) as Set<ActorMention>;
    for (let i = 0; i < tokens.length; i++) {
      const token = at(tokens, i);
      if (!token.word || inName.has(i)) continue;
      if (strict && own[token.start] === " " && text[token.start] !== " ") continue;
      if (strict && isCueAt(tokens, i, BOTH)) continue;
      const { value, negated } = wordValence(tokens, i, english);
      if (value === 0) continue;
      let nearest: ActorMention | undefined;
      let distance = Number.POSITIVE_INFINITY;
      for (const m of sentence.mentions) {
        const d = i < m.first ? m.first - i : i - m.last;
        if (d < distance) {
          distance = d;
          nearest = m;
        }
      }
      if (!nearest) continue;
      const tally = tallies.get(nearest.key);
      if (!tally) continue;
      // A speaker's own words say what the speaker thinks, not how the text treats them.
      if (speakers.has(nearest)) continue;
      if (strict && actedOn.has(`${sentence.start}\u0000${nearest.key}`)) continue;
      const polarity = value > 0 ? "FAVOR" : "AGAINST";
      const weight = (Math.abs(value) * EVALUATIVE_WEIGHT) / (1 + distance / DECAY);
      vote(tally, polarity, weight);
      addEvidence(
        tally,
        {
          start: sentence.start,
          end: sentence.end,
          rule: negated ? "evaluative+negation" : "evaluative",
          cue: text.slice(token.start, token.end),
        },
        polarity,
        weight,
      );
    }
  }
  return tallies;
}
