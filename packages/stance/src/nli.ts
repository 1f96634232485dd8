/**
 * The optional neural backend: zero-shot natural-language inference through transformers.js.
 * For each (holder, target) pair, the sentences that name them are the premise and two
 * hypotheses are scored: "{holder} supports {target}." and "{holder} is against {target}.".
 */
import {
  applyModelSettings,
  type ModelSettings,
  missingPackage,
  modelUnavailable,
  type Stance,
  splitSentences,
  type TransformersEnvLike,
  throwIfAborted,
} from "@rassegna/core";

import { discoverMentions, NameMatcher, tokenize } from "./mentions.js";
import { STAGE } from "./tag.js";

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

/** What a zero-shot pipeline of transformers.js does, typed as much as we use. */
type ZeroShot = ((
  text: string,
  labels: string[],
  options: { hypothesis_template: string; multi_label: boolean },
) => Promise<{ labels: string[]; scores: number[] }>) & { dispose?: () => Promise<void> };

/** Loads zero-shot classifiers through core's model settings; one load per model and settings. */
export class NliModel {
  private loading: Promise<ZeroShot> | undefined;

  constructor(
    readonly model: string,
    private readonly settings: ModelSettings,
    private readonly dtype?: string,
  ) {}

  private load(): Promise<ZeroShot> {
    if (!this.loading) {
      this.loading = (async () => {
        const transformers = await import("@huggingface/transformers").catch((error: unknown) => {
          throw missingPackage("@huggingface/transformers", 'the "nli" backend', STAGE, error);
        });
        applyModelSettings(transformers.env as unknown as TransformersEnvLike, this.settings);
        try {
          const options = this.dtype === undefined ? {} : { dtype: this.dtype as "fp32" };
          return (await transformers.pipeline("zero-shot-classification", this.model, options)) as unknown as ZeroShot;
        } catch (error) {
          throw modelUnavailable(this.model, this.settings, STAGE, error);
        }
      })();
      // A failed load is not cached: the next call tries again (the files may have arrived).
      this.loading.catch(() => {
        this.loading = undefined;
      });
    }
    return this.loading;
  }

  /** Scores each item; checks the signal between items. */
  async score(items: readonly NliItem[], signal?: AbortSignal): Promise<NliScores[]> {
    const classify = await this.load();
    const out: NliScores[] = [];
    for (const item of items) {
      throwIfAborted(signal, STAGE);
      const result = await classify(item.premise, [HYPOTHESES.favor, HYPOTHESES.against], {
        hypothesis_template: item.template,
        multi_label: true,
      });
      const at = (label: string) => result.scores[result.labels.indexOf(label)] ?? 0;
      out.push({ favor: at(HYPOTHESES.favor), against: at(HYPOTHESES.against) });
    }
    return out;
  }

  async dispose(): Promise<void> {
    const loading = this.loading;
    this.loading = undefined;
    if (loading) await (await loading.catch(() => undefined))?.dispose?.();
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
