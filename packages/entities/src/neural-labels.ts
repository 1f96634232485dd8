/**
 * Words and labels as BERT-style token classifiers see them, for the neural backend.
 *
 * Words: a BERT tokenizer first splits text at white space, then cuts every punctuation mark
 * and every CJK ideograph into a word of its own (its "basic" pre-tokenizer). The backend cuts
 * the text the same way, with true offsets, so that "dell'Unione" is three words ("dell", "'",
 * "Unione") and "Unione" gets its own label instead of the label of "dell"; a Chinese or
 * Japanese sentence is one word per character, not one word.
 *
 * Labels: NER models name their labels in several schemes (IOB: B-/I-; IOBES: also E-/S-;
 * BILOU: L-/U-) and type sets (CoNLL PER/LOC/ORG/MISC, OntoNotes PERSON/GPE/ORG/DATE…). Each
 * label is parsed by name; the types Rassegna does not report (MISC, DATE, NORP…) are read and
 * set aside on purpose; a label that is no NER label at all is refused when the model loads.
 */
import { type EntityType, RassegnaError } from "@rassegna/core";

/** A word of the text as a BERT tokenizer pre-splits it. */
export interface NeuralWord {
  start: number;
  end: number;
  text: string;
  /** Has a letter or digit (not a punctuation mark). */
  word: boolean;
  /** First word after a sentence-ending mark (or of the chunk). */
  initial: boolean;
}

// BERT's _is_punctuation: ASCII symbol ranges, and every Unicode punctuation character.
const PUNCTUATION = /[\p{P}!-/:-@[-`{-~]/u;
// BERT's _is_chinese_char: CJK ideograph blocks (not kana or hangul, which stay in words).
const CJK =
  /[\u4E00-\u9FFF\u3400-\u4DBF\u{20000}-\u{2A6DF}\u{2A700}-\u{2B73F}\u{2B740}-\u{2B81F}\u{2B820}-\u{2CEAF}\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/u;
const SPACE = /\s/u;
const SENTENCE_END = /^[.!?…。！？]$/u;

/** Splits `text[from, to)` into the words a BERT tokenizer would see, offsets into `text`. */
export function neuralWords(text: string, from = 0, to = text.length): NeuralWord[] {
  const words: NeuralWord[] = [];
  let start = -1;
  let initial = true;
  const push = (s: number, e: number, word: boolean) => {
    const value = text.slice(s, e);
    words.push({ start: s, end: e, text: value, word, initial: initial && word });
    if (word) initial = false;
    else if (SENTENCE_END.test(value)) initial = true;
  };
  let i = from;
  while (i < to) {
    const code = text.codePointAt(i) as number;
    const ch = String.fromCodePoint(code);
    const next = i + ch.length;
    if (SPACE.test(ch) || PUNCTUATION.test(ch) || CJK.test(ch)) {
      if (start >= 0) push(start, i, true);
      start = -1;
      if (!SPACE.test(ch)) push(i, next, CJK.test(ch));
    } else if (start < 0) start = i;
    i = next;
  }
  if (start >= 0) push(start, to, true);
  return words;
}

/** Where a label stands in its entity: begin, inside, end, single, or outside. */
export type LabelPosition = "B" | "I" | "E" | "S" | "O";

/** A label of the model, parsed: its position and the entity type it names, if one we report. */
export interface ParsedLabel {
  position: LabelPosition;
  /** `undefined` for outside labels and for types Rassegna does not report. */
  type: EntityType | undefined;
  /** The type as the model names it (`"GPE"`, `"MISC"`), `""` for outside. */
  tag: string;
}

const TYPES: Record<string, EntityType> = {
  PER: "PERSON",
  PERSON: "PERSON",
  LOC: "LOCATION",
  LOCATION: "LOCATION",
  GPE: "LOCATION",
  ORG: "ORGANIZATION",
  ORGANIZATION: "ORGANIZATION",
  ORGANISATION: "ORGANIZATION",
};
/** Types that NER models tag and Rassegna does not report: read, then set aside. */
const SET_ASIDE = new Set(
  "MISC DATE TIME NORP FAC EVENT PRODUCT WORK_OF_ART LAW LANGUAGE PERCENT MONEY QUANTITY ORDINAL CARDINAL".split(" "),
);
const POSITIONS: Record<string, LabelPosition> = { B: "B", I: "I", E: "E", L: "E", S: "S", U: "S" };

/** Parses one label; `undefined` when it is not a NER label (e.g. `LABEL_3`). */
export function parseLabel(label: string): ParsedLabel | undefined {
  const upper = label.trim().toUpperCase();
  if (upper === "O") return { position: "O", type: undefined, tag: "" };
  const match = /^([BIELSU])[-_](.+)$/.exec(upper);
  // IO scheme: a bare type ("PER") is inside an entity of that type.
  const [position, tag] = match
    ? [POSITIONS[match[1] as string] as LabelPosition, match[2] as string]
    : ["I" as const, upper];
  if (TYPES[tag]) return { position, type: TYPES[tag], tag };
  if (SET_ASIDE.has(tag)) return { position, type: undefined, tag };
  return undefined;
}

/**
 * Parses every label of a model's `id2label`, in id order. Refuses a model whose labels are
 * not NER labels, or that has none of the types Rassegna reports, with a clear error.
 */
export function parseLabels(model: string, id2label: Record<string, string> | undefined, stage: string): ParsedLabel[] {
  const ids = Object.keys(id2label ?? {}).sort((a, b) => Number(a) - Number(b));
  const labels = ids.map((id) => id2label?.[id] ?? "");
  const parsed = labels.map(parseLabel);
  const unknown = labels.filter((_, i) => parsed[i] === undefined);
  if (labels.length === 0 || unknown.length > 0 || !parsed.some((p) => p?.type !== undefined)) {
    throw new RassegnaError(
      "MODEL_UNAVAILABLE",
      `${stage}: model "${model}" is not a named-entity tagger Rassegna can read: its labels are ${
        labels.length === 0 ? "missing" : labels.join(", ")
      }${unknown.length > 0 ? ` (not NER labels: ${unknown.join(", ")})` : ""}.`,
      {
        stage,
        hint: "Use a token-classification model whose config.json id2label names IOB/IOBES/BILOU labels of PER/PERSON, LOC/GPE or ORG (e.g. B-PER, S-GPE).",
      },
    );
  }
  return parsed as ParsedLabel[];
}

/** How the label of a word is chosen from its word pieces, as transformers.js' aggregation strategies. */
export type AggregationStrategy = "first" | "max" | "average";

/**
 * The label index of a word from its pieces' logits: "first" takes the first piece's best
 * label; "max" the best label of the piece whose best score is highest; "average" the best
 * label of the pieces' averaged probabilities.
 */
export function wordLabel(pieces: readonly Float64Array[], strategy: AggregationStrategy): number {
  const probabilities = pieces.map(softmax);
  const argmax = (row: ArrayLike<number>) => {
    let best = 0;
    for (let c = 1; c < row.length; c++) if ((row[c] as number) > (row[best] as number)) best = c;
    return best;
  };
  if (probabilities.length === 0) return 0;
  if (strategy === "first") return argmax(probabilities[0] as Float64Array);
  if (strategy === "max") {
    let bestRow = probabilities[0] as Float64Array;
    for (const row of probabilities) if (Math.max(...row) > Math.max(...bestRow)) bestRow = row;
    return argmax(bestRow);
  }
  const mean = new Float64Array((probabilities[0] as Float64Array).length);
  for (const row of probabilities) {
    for (let c = 0; c < row.length; c++) mean[c] = (mean[c] as number) + (row[c] as number) / probabilities.length;
  }
  return argmax(mean);
}

function softmax(logits: Float64Array): Float64Array {
  const max = Math.max(...logits);
  const exp = logits.map((x) => Math.exp(x - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((x) => x / sum);
}
