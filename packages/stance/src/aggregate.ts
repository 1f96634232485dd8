/**
 * From sentence findings to stances: votes per (holder, target) summed over sentences into
 * a label and a score. The votes themselves come from `rules/` (cues), `backoff.ts`
 * (holder → target without a cue) and `own.ts` (the text's own stance).
 */
import type { Evidence, Stance, StanceLabel } from "@rassegna/core";

import type { Finding } from "./types.js";

/** Votes for one (holder, target) pair. */
export interface Tally {
  favor: number;
  against: number;
  evidence: Evidence[];
  /** What each piece of evidence (same index) gave to each side. */
  votes: Array<{ favor: number; against: number }>;
}

export function newTally(): Tally {
  return { favor: 0, against: 0, evidence: [], votes: [] };
}

/**
 * Most evidence items kept per stance: the strongest for the label given, then the
 * strongest against it, shown in text order. A long article can repeat one relation in
 * dozens of sentences; five are enough to check it and keep records small.
 */
export const MAX_EVIDENCE = 5;

/** Index of each evidence key in its tally, so that repeated cues are listed once. */
const evidenceKeys = new WeakMap<Tally, Map<string, number>>();

export function addEvidence(tally: Tally, evidence: Evidence, polarity?: "FAVOR" | "AGAINST", weight = 0): void {
  let keys = evidenceKeys.get(tally);
  if (!keys) {
    keys = new Map();
    evidenceKeys.set(tally, keys);
  }
  const key = `${evidence.start}:${evidence.end}:${evidence.rule}:${evidence.cue}`;
  const seen = keys.get(key);
  const index = seen ?? tally.evidence.length;
  if (seen === undefined) {
    keys.set(key, index);
    tally.evidence.push(evidence);
    tally.votes.push({ favor: 0, against: 0 });
  }
  const votes = tally.votes[index];
  if (votes && polarity === "FAVOR") votes.favor += weight;
  else if (votes && polarity === "AGAINST") votes.against += weight;
}

/** The evidence worth showing for a label: at most `MAX_EVIDENCE`, in text order. */
function strongestEvidence(tally: Tally, stance: StanceLabel): Evidence[] {
  if (tally.evidence.length <= MAX_EVIDENCE) return tally.evidence;
  const strength = (i: number): number => {
    const v = tally.votes[i] ?? { favor: 0, against: 0 };
    const forLabel = stance === "FAVOR" ? v.favor : stance === "AGAINST" ? v.against : v.favor + v.against;
    const other = stance === "FAVOR" ? v.against : stance === "AGAINST" ? v.favor : 0;
    // Evidence for the label first (by weight), then the rest (by weight).
    return forLabel > 0 ? 1000 + forLabel : other;
  };
  return tally.evidence
    .map((e, i) => ({ e, i, s: strength(i) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, MAX_EVIDENCE)
    .sort((a, b) => a.i - b.i)
    .map(({ e }) => e);
}

export function vote(tally: Tally, polarity: "FAVOR" | "AGAINST", weight: number): void {
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
    addEvidence(
      tally,
      { start: finding.start, end: finding.end, rule: finding.rule, cue: finding.cue },
      finding.polarity,
      finding.weight,
    );
  }
  return byHolder;
}
/** Builds the output record of one (holder, target) pair. */
export function toStance(target: string, holder: string | undefined, tally: Tally | undefined): Stance {
  const { stance, score } = decide(tally ?? newTally());
  const out: Stance = { target, stance, score, evidence: tally ? strongestEvidence(tally, stance) : [] };
  if (holder !== undefined) out.holder = holder;
  return out;
}
