/**
 * Features of the learned decision: for a holder → target pair, or for the text's own stance
 * toward a target, what the rules found (rule, polarity, weight; the reverse direction; the
 * backoffs) and the words around the two mentions (between them, before the first, after the
 * second; direction; negation; a verb of saying; word valence by region). The same code
 * reads the training data (`scripts/train.ts`) and the texts at run time.
 */
import type { Tally } from "../aggregate.js";
import type { ActorMention } from "../mentions.js";
import { isSpeaker } from "../own-clauses.js";
import { at, type Token } from "../tokens.js";
import type { ReadSentence } from "../types.js";
import { valenceOf } from "../valence.js";
import { NEGATORS } from "../words.js";
import { loadVader } from "./load.js";

const vader = loadVader();

/** VADER's compound score of a span of text (Hutto & Gilbert 2014), in bins and as a value. */
function vaderFeatures(features: Features, prefix: string, text: string): void {
  if (text.trim() === "") return;
  const { compound } = vader.SentimentIntensityAnalyzer.polarity_scores(text);
  const bin = compound <= -0.5 ? "--" : compound < -0.05 ? "-" : compound < 0.05 ? "0" : compound < 0.5 ? "+" : "++";
  add(features, `${prefix}:${bin}`);
  add(features, `${prefix}:value`, compound);
}

/** Sparse features: name → value. */
export type Features = Map<string, number>;

function add(features: Features, name: string, value = 1): void {
  features.set(name, (features.get(name) ?? 0) + value);
}

/** Rule votes of a tally as features `prefix:rule:polarity` (the rule name without its qualifiers kept whole). */
function tallyFeatures(features: Features, prefix: string, tally: Tally | undefined): void {
  if (!tally) return;
  tally.evidence.forEach((evidence, i) => {
    const votes = tally.votes[i] ?? { favor: 0, against: 0 };
    const rule = evidence.rule ?? "rule";
    if (votes.favor > 0) add(features, `${prefix}:${rule}:F`, Math.min(2, votes.favor));
    if (votes.against > 0) add(features, `${prefix}:${rule}:A`, Math.min(2, votes.against));
    if (votes.favor === 0 && votes.against === 0) add(features, `${prefix}:${rule}:0`);
  });
  const margin = tally.favor - tally.against;
  if (margin > 0) add(features, `${prefix}:dec:F`, Math.min(2, margin));
  else if (margin < 0) add(features, `${prefix}:dec:A`, Math.min(2, -margin));
}

const WINDOW = 3;
const MAX_BETWEEN = 12;

/** Words of tokens `[from, to)`, folded, names and punctuation left out. */
function wordsIn(tokens: readonly Token[], from: number, to: number, inName: ReadonlySet<number>): string[] {
  const out: string[] = [];
  for (let i = Math.max(0, from); i < Math.min(tokens.length, to); i++) {
    const token = at(tokens, i);
    if (inName.has(i)) out.push("<name>");
    else if (token.word) out.push(/^\d/.test(token.folded) ? "<num>" : token.folded);
    else if (token.folded === "," || token.folded === ":" || token.folded === '"' || token.folded === "«")
      out.push(token.folded);
  }
  return out;
}

/** Summed valence of the words, with a negator in the two words before turning it. */
function valence(words: readonly string[], english: boolean): { pos: number; neg: number; negated: number } {
  let pos = 0;
  let neg = 0;
  let negated = 0;
  words.forEach((word, i) => {
    let v = valenceOf(word, english);
    if (v === 0) return;
    if (NEGATORS.has(words[i - 1] ?? "") || NEGATORS.has(words[i - 2] ?? "")) {
      v = -v;
      negated++;
    }
    if (v > 0) pos += v;
    else neg -= v;
  });
  return { pos, neg, negated };
}

function valenceFeatures(features: Features, prefix: string, words: readonly string[], english: boolean): void {
  const { pos, neg, negated } = valence(words, english);
  if (pos > 0) add(features, `${prefix}:v+`, Math.min(3, pos));
  if (neg > 0) add(features, `${prefix}:v-`, Math.min(3, neg));
  if (negated > 0) add(features, `${prefix}:vneg`);
}

function bag(features: Features, prefix: string, words: readonly string[], bigrams = false): void {
  for (const w of words) features.set(`${prefix}:${w}`, 1);
  if (bigrams) for (let i = 1; i < words.length; i++) features.set(`${prefix}:${words[i - 1]}_${words[i]}`, 1);
}

function namesOf(sentence: ReadSentence): Set<number> {
  const inName = new Set<number>();
  for (const m of sentence.mentions) for (let t = m.first; t <= m.last; t++) inName.add(t);
  return inName;
}

/** The closest pair of a holder mention and a target mention in a sentence. */
function closestPair(sentence: ReadSentence, holder: string, target: string) {
  let best: { h: ActorMention; t: ActorMention; d: number } | undefined;
  for (const h of sentence.mentions) {
    if (h.key !== holder) continue;
    for (const t of sentence.mentions) {
      if (t.key !== target) continue;
      const d = h.first < t.first ? t.first - h.last : h.first - t.last;
      if (d > 0 && (!best || d < best.d)) best = { h, t, d };
    }
  }
  return best;
}

/** What the rules read about a pair, handed to {@link pairFeatures}. */
export interface PairReading {
  /** The text the sentences index. */
  text: string;
  sentences: readonly ReadSentence[];
  /** Rule votes holder → target, target → holder, and the backoffs for holder → target. */
  forward: Tally | undefined;
  reverse: Tally | undefined;
  backoff: Tally | undefined;
  english: boolean;
}

/** Features of holder → target. */
export function pairFeatures(holder: string, target: string, reading: PairReading): Features {
  const features: Features = new Map([["bias", 1]]);
  tallyFeatures(features, "f", reading.forward);
  tallyFeatures(features, "r", reading.reverse);
  tallyFeatures(features, "b", reading.backoff);
  let together = 0;
  for (const sentence of reading.sentences) {
    const pair = closestPair(sentence, holder, target);
    if (!pair || together >= 2) continue;
    together++;
    const { h, t } = pair;
    const { tokens } = sentence;
    const inName = namesOf(sentence);
    const holderFirst = h.first < t.first;
    const dir = holderFirst ? "HT" : "TH";
    const [a, b] = holderFirst ? [h, t] : [t, h];
    const between = wordsIn(tokens, a.last + 1, b.first, inName);
    const before = wordsIn(tokens, a.first - WINDOW, a.first, inName);
    const after = wordsIn(tokens, b.last + 1, b.last + 1 + WINDOW, inName);
    add(features, `dir:${dir}`);
    add(
      features,
      `dist:${dir}:${between.length <= 2 ? "2" : between.length <= 5 ? "5" : between.length <= 10 ? "10" : "far"}`,
    );
    const near = between.length > MAX_BETWEEN ? [...between.slice(0, 6), ...between.slice(-6)] : between;
    bag(features, `w${dir}`, near, true);
    bag(features, "w", near);
    bag(features, `l${dir}`, before);
    bag(features, `a${dir}`, after);
    valenceFeatures(features, `vb${dir}`, between, reading.english);
    valenceFeatures(features, `va${dir}`, wordsIn(tokens, b.last + 1, b.last + 8, inName), reading.english);
    if (between.some((w) => NEGATORS.has(w))) add(features, `neg:${dir}`);
    if (isSpeaker(tokens, h)) add(features, "speaker:H");
    if (isSpeaker(tokens, t)) add(features, "speaker:T");
    const others = sentence.mentions.filter((m) => m.first > a.last && m.last < b.first).length;
    if (others > 0) add(features, `others:${Math.min(others, 3)}`);
  }
  if (together === 0) add(features, "apart");
  return features;
}

/** Features of the text's own stance toward a target: the rules' own tally and the words around it. */
export function ownFeatures(target: string, own: Tally | undefined, reading: PairReading): Features {
  const features: Features = new Map([["bias", 1]]);
  tallyFeatures(features, "o", own);
  let seen = 0;
  for (const sentence of reading.sentences) {
    const mention = sentence.mentions.find((m) => m.key === target);
    if (!mention || seen >= 2) continue;
    seen++;
    const { tokens } = sentence;
    const inName = namesOf(sentence);
    const before = wordsIn(tokens, mention.first - 4, mention.first, inName);
    const after = wordsIn(tokens, mention.last + 1, mention.last + 5, inName);
    const all = wordsIn(tokens, 0, tokens.length, inName);
    bag(features, "ol", before, true);
    bag(features, "or", after, true);
    bag(features, "os", all);
    valenceFeatures(features, "ovl", wordsIn(tokens, 0, mention.first, inName), reading.english);
    valenceFeatures(features, "ovr", wordsIn(tokens, mention.last + 1, tokens.length, inName), reading.english);
    valenceFeatures(features, "ovn", [...before, ...after], reading.english);
    if (isSpeaker(tokens, mention)) add(features, "ospeaker");
    vaderFeatures(features, "ovs", reading.text.slice(sentence.start, sentence.end));
    // The clause around the target: from the punctuation before it to the punctuation after it.
    let from = mention.first;
    while (from > 0 && at(tokens, from - 1).word) from--;
    let to = mention.last;
    while (to < tokens.length - 1 && at(tokens, to + 1).word) to++;
    vaderFeatures(features, "ovc", reading.text.slice(at(tokens, from).start, at(tokens, to).end));
    if (mention.first <= 1) add(features, "ofirst");
  }
  if (seen === 0) add(features, "onot-named");
  return features;
}
