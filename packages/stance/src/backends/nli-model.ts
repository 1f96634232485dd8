/**
 * The optional neural backend: zero-shot natural-language inference through transformers.js.
 * For each (holder, target) pair, the sentences that name them are the premise and two
 * hypotheses are scored: "{holder} supports {target}." and "{holder} is against {target}.".
 */
import {
  loadWithModelSettings,
  type ModelSettings,
  missingPackage,
  modelUnavailable,
  RassegnaError,
  type Stance,
  splitSentences,
  type TransformersEnvLike,
  throwIfAborted,
} from "@rassegna/core";
import { STAGE } from "../checks.js";
import { discoverMentions, NameMatcher } from "../mentions.js";
import { tokenize } from "../tokens.js";

/** The default zero-shot model: multilingual (XNLI), so it reads the Italian source as well. */
export const DEFAULT_NLI_MODEL = "Xenova/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7";

/** The hypothesis templates; `{holder}` and `{target}` are filled in, `{}` takes the relation. */
export const HYPOTHESES = {
  template: "{holder} {} {target}.",
  /** Stands for the holder in the text's own stance. */
  textHolder: "The text",
  favor: "supports",
  against: "is against",
} as const;

/** Entailment probability over which a hypothesis counts. */
const ENTAILED = 0.5;
/** How much more the winning hypothesis must be entailed than the other one. */
const MARGIN = 0.2;
/** Longest premise, in characters: NLI models read at most a few hundred tokens. */
const MAX_PREMISE = 1200;

/** One question for the model: a premise and the two hypotheses for one pair. */
export interface NliItem {
  premise: string;
  template: string;
}

/** Entailment probabilities of the FAVOR and AGAINST hypotheses. */
export interface NliScores {
  favor: number;
  against: number;
}

// The slice of transformers.js this backend uses, typed structurally.
interface TensorLike {
  dims: number[];
  data: ArrayLike<number>;
}
type PairTokenizer = (
  texts: string[],
  options: { text_pair: string[]; padding: boolean; truncation: boolean },
) => Record<string, unknown>;
interface SequenceClassifier {
  config: { label2id?: Record<string, number>; id2label?: Record<string, string> };
  (inputs: Record<string, unknown>): Promise<{ logits: TensorLike }>;
  dispose(): Promise<unknown>;
}
interface TransformersModule {
  env: TransformersEnvLike;
  AutoTokenizer: { from_pretrained(model: string, options: Record<string, unknown>): Promise<unknown> };
  AutoModelForSequenceClassification: {
    from_pretrained(model: string, options: Record<string, unknown>): Promise<unknown>;
  };
}
interface LoadedNli {
  tokenizer: PairTokenizer;
  classifier: SequenceClassifier;
  /** Index of each NLI class in the model's logits. */
  entailment: number;
}

/** Premise–hypothesis pairs per model call. */
const PAIRS_PER_CALL = 8;

/** Finds the entailment class of an NLI model by its label names; refuses a model without one. */
export function entailmentIndex(model: string, config: SequenceClassifier["config"]): number {
  const names = new Map<number, string>();
  for (const [id, label] of Object.entries(config.id2label ?? {})) names.set(Number(id), label.toLowerCase());
  for (const [label, id] of Object.entries(config.label2id ?? {})) names.set(Number(id), label.toLowerCase());
  for (const [id, label] of names) if (label.startsWith("entail")) return id;
  throw new RassegnaError(
    "MODEL_UNAVAILABLE",
    `${STAGE}: model "${model}" is not an NLI model Rassegna can read: no "entailment" label among ${
      [...names.values()].join(", ") || "its (missing) labels"
    }.`,
    { stage: STAGE, hint: "Use an NLI sequence classifier whose config.json names entailment/neutral/contradiction." },
  );
}

/**
 * Loads NLI classifiers through core's model settings; one load per model and settings.
 *
 * Each hypothesis is scored by the probability of "entailment" over all the model's classes
 * (entailment, neutral, contradiction). transformers.js' zero-shot pipeline in multi-label
 * mode compares entailment with contradiction only, so a pair the model judges neutral but
 * with entailment a little above contradiction would score well over 0.5: "no relation"
 * would become a stance.
 */
export class NliModel {
  private loading: Promise<LoadedNli> | undefined;
  readonly dtype: string;

  constructor(
    readonly model: string,
    private readonly settings: ModelSettings,
    dtype?: string,
  ) {
    // q8 (model_quantized.onnx), as translate and entities load: a third of the fp32 file.
    this.dtype = dtype ?? "q8";
  }

  private load(): Promise<LoadedNli> {
    if (!this.loading) {
      this.loading = (async () => {
        const tjs = (await import("@huggingface/transformers").catch((error: unknown) => {
          throw missingPackage("@huggingface/transformers", 'the "nli" backend', STAGE, error);
        })) as unknown as TransformersModule;
        const common = { local_files_only: this.settings.offline };
        const [tokenizer, classifier] = await loadWithModelSettings(tjs.env, this.settings, async () => {
          try {
            return [
              (await tjs.AutoTokenizer.from_pretrained(this.model, common)) as PairTokenizer,
              (await tjs.AutoModelForSequenceClassification.from_pretrained(this.model, {
                ...common,
                dtype: this.dtype,
                device: "cpu",
              })) as SequenceClassifier,
            ] as const;
          } catch (error) {
            throw modelUnavailable(this.model, this.settings, STAGE, error);
          }
        });
        try {
          return { tokenizer, classifier, entailment: entailmentIndex(this.model, classifier.config) };
        } catch (error) {
          await classifier.dispose();
          throw error;
        }
      })();
      // A failed load is not cached: the next call tries again (the files may have arrived).
      this.loading.catch(() => {
        this.loading = undefined;
      });
    }
    return this.loading;
  }

  /** Scores each item; checks the signal between model calls. */
  async score(items: readonly NliItem[], signal?: AbortSignal): Promise<NliScores[]> {
    const { tokenizer, classifier, entailment } = await this.load();
    const pairs = items.flatMap((item) =>
      [HYPOTHESES.favor, HYPOTHESES.against].map((relation) => ({
        premise: item.premise,
        hypothesis: item.template.replace("{}", relation),
      })),
    );
    const entailed: number[] = [];
    for (let i = 0; i < pairs.length; i += PAIRS_PER_CALL) {
      throwIfAborted(signal, STAGE);
      const batch = pairs.slice(i, i + PAIRS_PER_CALL);
      const inputs = tokenizer(
        batch.map((p) => p.premise),
        { text_pair: batch.map((p) => p.hypothesis), padding: true, truncation: true },
      );
      const { logits } = await classifier(inputs);
      const classes = logits.dims[1] ?? 3;
      batch.forEach((_, b) => {
        const row = Array.from({ length: classes }, (_, c) => Number(logits.data[b * classes + c]));
        const max = Math.max(...row);
        const exp = row.map((x) => Math.exp(x - max));
        entailed.push((exp[entailment] as number) / exp.reduce((a, x) => a + x, 0));
      });
    }
    return items.map((_, i) => ({ favor: entailed[2 * i] as number, against: entailed[2 * i + 1] as number }));
  }

  async dispose(): Promise<void> {
    const loading = this.loading;
    this.loading = undefined;
    if (loading) await (await loading.catch(() => undefined))?.classifier.dispose();
  }
}

/** One pair to ask about, with the sentences that name it. */
export interface NliQuestion {
  holder: string | undefined;
  target: string;
  sentences: Array<{ start: number; end: number }>;
  item: NliItem | undefined;
}

function fill(holder: string | undefined, target: string): string {
  return HYPOTHESES.template
    .replace("{holder}", holder ?? HYPOTHESES.textHolder)
    .replace("{target}", target.replace(/\{\}/g, ""));
}

/**
 * The questions for a text: every holder × target pair when holders are given, else the
 * text's own stance toward each target and each pair of actors named in one sentence.
 */
export function nliQuestions(
  text: string,
  targets: readonly string[] | undefined,
  holders: readonly string[] | undefined,
) {
  const matcher = new NameMatcher([...(holders ?? []), ...(targets ?? [])]);
  const sentences = splitSentences(text).map((s) => {
    const tokens = tokenize(text, s.start, s.end);
    const keys = new Set(matcher.find(text, tokens).map((m) => m.key));
    if (!holders) for (const m of discoverMentions(text, tokens)) keys.add(m.key);
    return { start: s.start, end: s.end, keys };
  });
  const allTargets = targets ?? [...new Set(sentences.flatMap((s) => [...s.keys]))];
  const pairs: Array<[string | undefined, string]> = [];
  if (holders) {
    for (const h of holders) for (const t of allTargets) if (h !== t) pairs.push([h, t]);
  } else {
    for (const t of allTargets) pairs.push([undefined, t]);
    const seen = new Set<string>();
    for (const s of sentences) {
      for (const t of allTargets) {
        if (!s.keys.has(t)) continue;
        for (const h of s.keys) {
          if (h === t || seen.has(`${h}\u0000${t}`)) continue;
          seen.add(`${h}\u0000${t}`);
          pairs.push([h, t]);
        }
      }
    }
  }
  return pairs.map(([holder, target]): NliQuestion => {
    const named = sentences.filter((s) => s.keys.has(target) && (holder === undefined || s.keys.has(holder)));
    let premise = "";
    const used: Array<{ start: number; end: number }> = [];
    for (const s of named) {
      const part = text.slice(s.start, s.end);
      if (premise.length > 0 && premise.length + part.length > MAX_PREMISE) break;
      premise += (premise ? " " : "") + part.slice(0, MAX_PREMISE);
      used.push({ start: s.start, end: s.end });
    }
    const item = premise ? { premise, template: fill(holder, target) } : undefined;
    return { holder, target, sentences: used, item };
  });
}

/** The stance of one question from the model's scores. */
export function nliStance(question: NliQuestion, scores: NliScores | undefined, model: string): Stance {
  let stance: Stance["stance"] = "NONE";
  let score = 1;
  if (scores) {
    const best = Math.max(scores.favor, scores.against);
    if (best >= ENTAILED && Math.abs(scores.favor - scores.against) >= MARGIN) {
      stance = scores.favor >= scores.against ? "FAVOR" : "AGAINST";
      score = best;
    } else score = 1 - best;
  }
  const cue = question.item?.template.replace("{}", stance === "AGAINST" ? HYPOTHESES.against : HYPOTHESES.favor);
  const out: Stance = {
    target: question.target,
    stance,
    score: Math.round(score * 1000) / 1000,
    evidence: question.sentences.map((s) => ({ ...s, rule: model, ...(cue ? { cue } : {}) })),
  };
  if (question.holder !== undefined) out.holder = question.holder;
  return out;
}
