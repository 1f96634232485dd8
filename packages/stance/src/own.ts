/** The text's own stance toward each target (no holder): cues about it and evaluative words near it. */
import { addEvidence, newTally, type ReadSentence, type Tally, vote } from "./aggregate.js";
import { NEGATORS } from "./lexicon.js";
import type { ActorMention, Token } from "./mentions.js";
import type { Finding } from "./rules.js";
import { valenceOf } from "./valence.js";

/** Verbs of saying: the actor next to one is quoted, "X said", "said X", "secondo X". */
const SPEECH = new Set(
  "said says say told tells added adds tweeted tweets wrote writes argued argues stated states explained explains noted notes insisted insists claimed claims asked asks replied replies answered warned warns according detto dichiarato spiegato affermato aggiunto sottolineato scritto secondo dice dicono afferma spiega".split(
    " ",
  ),
);

/** True when the mention is the source of reported speech next to it. */
function isSpeaker(tokens: readonly Token[], mention: ActorMention): boolean {
  const next = tokens
    .slice(mention.last + 1, mention.last + 4)
    .find((t) => t.word && t.folded !== "has" && t.folded !== "ha");
  if (next && SPEECH.has(next.folded)) return true;
  // "…, said Merkel." / "according to Merkel,": the verb before, the mention closing the clause.
  const after = tokens[mention.last + 1];
  if (after?.word) return false;
  for (let t = mention.first - 1; t >= 0 && t >= mention.first - 3; t--) {
    const token = tokens[t] as Token;
    if (!token.word) continue;
    if (token.folded === "to") return (tokens[t - 1] as Token | undefined)?.folded === "according";
    return SPEECH.has(token.folded);
  }
  return false;
}

const FIGHT = /^(fight|fights|fighting|fought|battl|lott|combatt)/;
const FOR = new Set(["for", "per"]);

/** Weight of a finding about the target in the text's own stance: reported holders count less. */
const REPORTED_WEIGHT = 0.7;
const OWN_FINDING_WEIGHT = 1;
const EVALUATIVE_WEIGHT = 0.5;
/** Distance (in tokens) at which an evaluative word counts half. */
const DECAY = 6;

/**
 * The text's own stance toward each target: cues whose object is the target, and
 * evaluative words in sentences that name it, each given to the actor named nearest to it.
 */
export function ownStances(
  text: string,
  english: boolean,
  targets: readonly string[],
  findings: readonly Finding[],
  sentences: readonly ReadSentence[],
): Map<string, Tally> {
  const tallies = new Map<string, Tally>(targets.map((t) => [t, newTally()]));
  for (const finding of findings) {
    const tally = tallies.get(finding.target);
    if (!tally) continue;
    const weight = finding.weight * (finding.holder ? REPORTED_WEIGHT : OWN_FINDING_WEIGHT);
    vote(tally, finding.polarity, weight);
    addEvidence(
      tally,
      { start: finding.start, end: finding.end, rule: finding.rule, cue: finding.cue },
      finding.polarity,
      weight,
    );
  }
  for (const sentence of sentences) {
    const named = sentence.mentions.filter((m) => tallies.has(m.key));
    if (named.length === 0) continue;
    const inName = new Set<number>();
    for (const m of sentence.mentions) for (let t = m.first; t <= m.last; t++) inName.add(t);
    const tokens = sentence.tokens;
    const speakers = new Set(sentence.mentions.filter((m) => isSpeaker(tokens, m)));
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      if (!token.word || inName.has(i)) continue;
      let valence = valenceOf(token.folded, english);
      // "fights for the rights of …", "lotta per …": championing, not conflict.
      if (valence < 0 && FIGHT.test(token.folded) && FOR.has((tokens[i + 1] as Token | undefined)?.folded ?? ""))
        valence = 1;
      if (valence === 0) continue;
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
      let negated = false;
      for (let t = i - 1, words = 0; t >= 0 && words < 3; t--) {
        const tk = tokens[t] as Token;
        if (!tk.word) continue;
        words++;
        if (NEGATORS.has(tk.folded)) negated = true;
      }
      if (negated) valence = -valence;
      const polarity = valence > 0 ? "FAVOR" : "AGAINST";
      const weight = (Math.abs(valence) * EVALUATIVE_WEIGHT) / (1 + distance / DECAY);
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
