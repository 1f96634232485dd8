/**
 * Features of the text's own stance toward a target, centred on the target's mention: the
 * words at each position left and right of it, the words of its clause and of the rest of the
 * sentence, its role by cues (speaker of reported speech, agent after "by", subject opening its
 * clause, object after a verb, inside a quotation), and the valence (AFINN-165, VADER) of the
 * words attached to it, of its clause and of the sentence, with a negator turning the words in
 * its scope. The same code reads the training data (`scripts/train.ts`) and texts at run time.
 */
import type { Tally } from "../aggregate.js";
import type { ActorMention } from "../mentions.js";
import { isSpeaker } from "../own-clauses.js";
import { at, type Token } from "../tokens.js";
import type { ReadSentence } from "../types.js";
import { valenceOf } from "../valence.js";
import { AGENT_MARKERS, CLAUSE_BREAKS, NEGATORS, RELATIVE_PRONOUNS } from "../words.js";
import { type Features, ownFeatures, type PairReading } from "./features.js";
import { loadVader } from "./load.js";

const vader = loadVader();

function add(features: Features, name: string, value = 1): void {
  features.set(name, (features.get(name) ?? 0) + value);
}

/** Marks that end a clause: the target's clause runs between two of them. */
const CLAUSE_MARKS = new Set([",", ";", ":", "(", ")", "—", "–", "?", "!", '"', "“", "”", "«", "»"]);
const QUOTES = new Set(['"', "“", "”", "«", "»"]);

/** A token as the features see it: a folded word, `<num>`, `<name>` (another mention), `<T>` (the target) or a mark. */
interface Item {
  form: string;
  word: boolean;
  /** Token index of the item's first token. */
  token: number;
}

function itemsOf(tokens: readonly Token[], mentions: readonly ActorMention[], target: ActorMention): Item[] {
  const out: Item[] = [];
  const mentionAt = new Map<number, ActorMention>();
  for (const m of mentions) mentionAt.set(m.first, m);
  for (let i = 0; i < tokens.length; i++) {
    const m = mentionAt.get(i);
    if (m) {
      out.push({ form: m === target ? "<T>" : "<name>", word: true, token: i });
      i = m.last;
      continue;
    }
    const token = at(tokens, i);
    if (token.word) out.push({ form: /^\d/.test(token.folded) ? "<num>" : token.folded, word: true, token: i });
    else out.push({ form: token.folded, word: false, token: i });
  }
  return out;
}

/** Summed valence of the items, a negator in the three words before turning a word. */
function valence(items: readonly Item[], english: boolean): { pos: number; neg: number } {
  let pos = 0;
  let neg = 0;
  items.forEach((item, i) => {
    if (!item.word) return;
    let v = valenceOf(item.form, english);
    if (v === 0) return;
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      const before = items[j] as Item;
      if (!before.word) break;
      if (NEGATORS.has(before.form)) {
        v = -v;
        break;
      }
    }
    if (v > 0) pos += v;
    else neg -= v;
  });
  return { pos, neg };
}

function sign(pos: number, neg: number): string {
  const net = pos - neg;
  return net > 0.25 ? "+" : net < -0.25 ? "-" : "0";
}

function valenceFeatures(features: Features, prefix: string, items: readonly Item[], english: boolean): string {
  const { pos, neg } = valence(items, english);
  if (pos > 0) add(features, `${prefix}:v+`, Math.min(3, pos));
  if (neg > 0) add(features, `${prefix}:v-`, Math.min(3, neg));
  const s = sign(pos, neg);
  add(features, `${prefix}:s${s}`);
  return s;
}

function vaderBin(text: string): string {
  if (text.trim() === "") return "none";
  const { compound } = vader.SentimentIntensityAnalyzer.polarity_scores(text);
  return compound <= -0.5 ? "--" : compound < -0.05 ? "-" : compound < 0.05 ? "0" : compound < 0.5 ? "+" : "++";
}

function isBoundary(item: Item): boolean {
  return (!item.word && CLAUSE_MARKS.has(item.form)) || CLAUSE_BREAKS.has(item.form);
}

const WINDOW = 6;

/** Features of one sentence around one mention of the target. */
function aroundMention(
  features: Features,
  text: string,
  sentence: ReadSentence,
  mention: ActorMention,
  english: boolean,
): void {
  const { tokens } = sentence;
  const items = itemsOf(tokens, sentence.mentions, mention);
  const t = items.findIndex((item) => item.form === "<T>");
  const left = items.slice(0, t);
  const right = items.slice(t + 1);
  // Position-marked neighbours (marks included: "Trump, who" differs from "Trump who").
  for (let k = 1; k <= 3; k++) {
    add(features, `L${k}:${left[left.length - k]?.form ?? "<s>"}`);
    add(features, `R${k}:${right[k - 1]?.form ?? "</s>"}`);
  }
  add(features, `L21:${left[left.length - 2]?.form ?? "<s>"}_${left[left.length - 1]?.form ?? "<s>"}`);
  add(features, `R12:${right[0]?.form ?? "</s>"}_${right[1]?.form ?? "</s>"}`);
  // Words near (within WINDOW words each side), and the rest of the sentence.
  const leftWords = left.filter((item) => item.word);
  const rightWords = right.filter((item) => item.word);
  const nearLeft = leftWords.slice(-WINDOW);
  const nearRight = rightWords.slice(0, WINDOW);
  for (const item of nearLeft) features.set(`LW:${item.form}`, 1);
  for (const item of nearRight) features.set(`RW:${item.form}`, 1);
  for (const item of [...leftWords.slice(0, -WINDOW), ...rightWords.slice(WINDOW)]) features.set(`FW:${item.form}`, 1);
  // The target's clause.
  let from = t;
  while (from > 0 && !isBoundary(items[from - 1] as Item)) from--;
  let to = t;
  while (to < items.length - 1 && !isBoundary(items[to + 1] as Item)) to++;
  const clause = items.slice(from, to + 1);
  for (const item of clause) if (item.word && item.form !== "<T>") features.set(`C:${item.form}`, 1);
  const clauseLeft = items.slice(from, t);
  const clauseRight = items.slice(t + 1, to + 1);
  // Role cues.
  const subject = clauseLeft.every((item) => !item.word || item.form === "the");
  const agent = AGENT_MARKERS.has(left[left.length - 1]?.form ?? "");
  const speaker = isSpeaker(tokens, mention);
  const relative = RELATIVE_PRONOUNS.has(rightWords[0]?.form ?? "") || RELATIVE_PRONOUNS.has(right[1]?.form ?? "");
  let quotes = 0;
  for (const item of left) if (QUOTES.has(item.form)) quotes++;
  const role = speaker ? "speaker" : agent ? "agent" : subject ? "subject" : "object";
  add(features, `role:${role}`);
  if (relative) add(features, "relative");
  if (quotes % 2 === 1) add(features, "in-quote");
  if (items.some((item) => QUOTES.has(item.form))) add(features, "has-quote");
  // Valence of the words attached to the target, of its clause, and of the sentence.
  const sl = valenceFeatures(features, "VL", nearLeft, english);
  const sr = valenceFeatures(features, "VR", nearRight, english);
  const sc = valenceFeatures(features, "VC", clause, english);
  const ss = valenceFeatures(features, "VS", items, english);
  valenceFeatures(features, "VCL", clauseLeft, english);
  valenceFeatures(features, "VCR", clauseRight, english);
  add(features, `role:${role}:VR${sr}`);
  add(features, `role:${role}:VL${sl}`);
  add(features, `role:${role}:VC${sc}`);
  add(features, `role:${role}:VS${ss}`);
  if (clause.some((item) => NEGATORS.has(item.form))) add(features, "C:negated");
  // VADER of the sentence, the clause, and the text on either side of the target.
  const start = (i: number) => at(tokens, (items[i] as Item).token).start;
  const end = (i: number) => {
    const item = items[i] as Item;
    const m = sentence.mentions.find((x) => x.first === item.token);
    return m ? m.end : at(tokens, item.token).end;
  };
  const vs = vaderBin(text.slice(sentence.start, sentence.end));
  add(features, `vs:${vs}`);
  add(features, `role:${role}:vs${vs}`);
  add(features, `vc:${vaderBin(text.slice(start(from), end(to)))}`);
  if (t > 0) add(features, `vl:${vaderBin(text.slice(sentence.start, mention.start))}`);
  if (t < items.length - 1) add(features, `vr:${vaderBin(text.slice(mention.end, sentence.end))}`);
  // The mention itself: a pronoun or role noun in lower case ("she", "the senator"), never a name.
  for (let i = mention.first; i <= mention.last; i++) {
    const token = at(tokens, i);
    if (token.word && !token.cap) add(features, `M:${token.folded}`);
  }
  const others = sentence.mentions.filter((m) => m !== mention).length;
  add(features, `others:${Math.min(others, 3)}`);
  add(features, `pos:${t === 0 ? "first" : t / items.length < 0.5 ? "early" : "late"}`);
}

/** Features of the text's own stance toward `target`: the rules' own tally and the words around the first mentions. */
export function targetFeatures(target: string, own: Tally | undefined, reading: PairReading): Features {
  const features: Features = new Map([["bias", 1]]);
  if (own) {
    const margin = own.favor - own.against;
    if (margin > 0) add(features, "o:F", Math.min(2, margin));
    else if (margin < 0) add(features, "o:A", Math.min(2, -margin));
    for (const evidence of own.evidence) add(features, `o:rule:${evidence.rule ?? "rule"}`);
  }
  let seen = 0;
  for (const sentence of reading.sentences) {
    const mention = sentence.mentions.find((m) => m.key === target);
    if (!mention) continue;
    aroundMention(features, reading.text, sentence, mention, reading.english);
    if (++seen >= 2) break;
  }
  if (seen === 0) add(features, "not-named");
  return features;
}

/** The features of the own classifier: {@link ownFeatures} and, prefixed `t.`, {@link targetFeatures}. */
export function ownClassifierFeatures(target: string, own: Tally | undefined, reading: PairReading): Features {
  const features = ownFeatures(target, own, reading);
  for (const [name, value] of targetFeatures(target, own, reading)) features.set(`t.${name}`, value);
  return features;
}
