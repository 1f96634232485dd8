/**
 * `@rassegna/stance`: where a text stands toward targets, and who stands for or against
 * whom, with the evidence that decides it.
 *
 * Two backends: `"rules"` (default; offline, explainable, English and Italian cues) and
 * `"nli"` (zero-shot natural-language inference through transformers.js).
 */
import {
  type Analysis,
  type BatchSpec,
  checkOptions,
  type Entity,
  type Evidence,
  hasInputError,
  InvalidInputError,
  type ModelSettingsOptions,
  RassegnaError,
  resolveModelSettings,
  STANCE_OPTIONS,
  type Stage,
  type StageContext,
  type Stance,
  type TextField,
  type TextSource,
  throwIfAborted,
} from "@rassegna/core";

import { MAX_EVIDENCE } from "./aggregate.js";
import { DEFAULT_NLI_MODEL, type NliItem, NliModel, type NliScores, nliQuestions, nliStance } from "./nli.js";
import {
  aliasesFromEntities,
  checkNames,
  checkText,
  type OwnStanceMode,
  RULE_LANGUAGES,
  ruleLanguages,
  STAGE,
  type StanceDecision,
  tagStanceWithRules,
  targetsFromEntities,
} from "./tag.js";
import { readVoice } from "./voice.js";

export { MAX_EVIDENCE } from "./aggregate.js";
export { DEFAULT_NLI_MODEL, HYPOTHESES } from "./nli.js";
export type { OwnStanceMode, StanceDecision } from "./tag.js";
export { readVoice, type Voice } from "./voice.js";

/** Which engine decides the stances. */
export type StanceBackend = "rules" | "nli";

/** Options of {@link tagStance} and {@link stanceStage}. */
export interface StanceOptions extends ModelSettingsOptions {
  /**
   * Whom the stances are about. Names match their aliases ("United States" matches "Usa",
   * "U.S.", "Washington", "americani"). Default: the `entities` given, else every known
   * actor the text names.
   */
  targets?: string[];
  /** Whose stances: with holders, every holder × target pair is answered, `NONE` included. */
  holders?: string[];
  /** Language of the text (`"en"`, `"it"`); guessed from the text when absent. */
  language?: string;
  /** Entities of the text (from `@rassegna/entities`): their names are the default targets. */
  entities?: Entity[];
  /** `"rules"` (default) or `"nli"`. */
  backend?: StanceBackend;
  /** The zero-shot model of the `"nli"` backend (hub id or local folder name). */
  model?: string;
  /** ONNX weights variant of the `"nli"` model (`"fp32"`, `"q8"`, …): transformers.js' `dtype`. */
  dtype?: string;
  /** Longest accepted text, in UTF-16 code units. */
  maxLength?: number;
  /** Cancels an `"nli"` run between model calls. */
  signal?: AbortSignal;
  /**
   * When the text's own stance (no holder) is given: `"always"`, `"never"`, or `"auto"`, only
   * when the author takes sides (an opinion piece; wire copy, news pages and headlines get
   * none). Default: `"always"` when `targets` are given, else `"auto"`.
   */
  ownStance?: OwnStanceMode;
  /**
   * Whether pairs without a stance are answered with `NONE` rows. Default: true when
   * `targets` or `holders` are given (every pair asked for is answered), else false.
   */
  includeNone?: boolean;
  /**
   * Who labels each pair the rules read: `"learned"` (default; the shipped classifier over
   * the rules' findings and the words around the mentions) or `"rules"` (the rules' tally).
   */
  decision?: StanceDecision;
}

/** Options that select the rules backend: the answer is synchronous. */
export type RulesStanceOptions = StanceOptions & { backend?: "rules" };
/** Options that select the NLI backend: the answer is a promise. */
export type NliStanceOptions = StanceOptions & { backend: "nli" };

function checkBackend(backend: unknown): StanceBackend {
  if (backend === undefined || backend === "rules") return "rules";
  if (backend === "nli") return "nli";
  throw new InvalidInputError(`${STAGE}: unknown backend ${JSON.stringify(backend)}.`, {
    stage: STAGE,
    hint: 'Use backend: "rules" (default) or "nli".',
  });
}

function checkOwnStance(value: unknown): OwnStanceMode | undefined {
  if (value === undefined || value === "auto" || value === "always" || value === "never") return value;
  throw new InvalidInputError(`${STAGE}: unknown ownStance ${JSON.stringify(value)}.`, {
    stage: STAGE,
    hint: 'Use ownStance: "auto" (default), "always" or "never".',
  });
}

function checkDecision(value: unknown): StanceDecision {
  if (value === undefined) return DEFAULT_DECISION;
  if (value === "learned" || value === "rules") return value;
  throw new InvalidInputError(`${STAGE}: unknown decision ${JSON.stringify(value)}.`, {
    stage: STAGE,
    hint: 'Use decision: "learned" (default) or "rules".',
  });
}

const DEFAULT_DECISION: StanceDecision = "learned";

function checkIncludeNone(value: unknown): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  throw new InvalidInputError(`${STAGE}: "includeNone" must be true or false.`, { stage: STAGE });
}

function targetsOf(options: StanceOptions): string[] | undefined {
  const targets = checkNames(options.targets, "targets");
  if (targets) return targets;
  if (options.entities !== undefined) {
    if (!Array.isArray(options.entities)) {
      throw new InvalidInputError(`${STAGE}: "entities" must be an array of entities.`, { stage: STAGE });
    }
    const fromEntities = targetsFromEntities(options.entities);
    if (fromEntities.length > 0) return fromEntities;
  }
  return undefined;
}

const nliModels = new Map<string, NliModel>();

function nliModelFor(options: StanceOptions): NliModel {
  const settings = resolveModelSettings(options);
  const model = options.model ?? DEFAULT_NLI_MODEL;
  const key = JSON.stringify([model, settings, options.dtype ?? null]);
  let loaded = nliModels.get(key);
  if (!loaded) {
    loaded = new NliModel(model, settings, options.dtype);
    nliModels.set(key, loaded);
  }
  return loaded;
}

async function tagStanceWithNli(text: string, options: StanceOptions): Promise<Stance[]> {
  const model = nliModelFor(options);
  const questions = nliQuestions(text, targetsOf(options), checkNames(options.holders, "holders"));
  const asked = questions.filter((q) => q.item !== undefined);
  const scores =
    asked.length > 0
      ? await model.score(
          asked.map((q) => q.item as NliItem),
          options.signal,
        )
      : [];
  const byQuestion = new Map(asked.map((q, i) => [q, scores[i]]));
  return questions.map((q) => nliStance(q, byQuestion.get(q), model.model));
}

/**
 * Stances of a text toward targets:
 * - without `holders`: the text's own stance toward each target (no `holder`), and the
 *   actor → target stances the text reports ("Washington sanctions Iran": United States →
 *   Iran AGAINST);
 * - with `holders`: every holder × target pair, `NONE` included.
 *
 * Each stance has a `score` in [0, 1] and `evidence`: the sentences that decide it, with the
 * rule (or model) and the cue that fired. The rules backend answers at once; `backend: "nli"`
 * answers with a promise.
 *
 * @throws {InvalidInputError} for a text that is not a string, binary or too large, or bad options.
 * @throws {RassegnaError} `UNSUPPORTED_LANGUAGE` when the rules cannot read the language.
 */
export function tagStance(text: string, options?: RulesStanceOptions): Stance[];
export function tagStance(text: string, options: NliStanceOptions): Promise<Stance[]>;
export function tagStance(text: string, options?: StanceOptions): Stance[] | Promise<Stance[]>;
export function tagStance(text: string, options: StanceOptions = {}): Stance[] | Promise<Stance[]> {
  checkOptions(STANCE_OPTIONS, options, STAGE);
  if (checkBackend(options.backend) === "nli") {
    try {
      checkText(text, options.maxLength);
      checkNames(options.holders, "holders");
      targetsOf(options);
    } catch (error) {
      return Promise.reject(error);
    }
    return tagStanceWithNli(text, options);
  }
  checkText(text, options.maxLength);
  const targets = targetsOf(options);
  const holders = checkNames(options.holders, "holders");
  const asked = checkNames(options.targets, "targets") !== undefined;
  return tagStanceWithRules(text, {
    targets,
    holders,
    languages: ruleLanguages(options.language, text),
    ownStance: checkOwnStance(options.ownStance) ?? (asked ? "always" : "auto"),
    includeNone: checkIncludeNone(options.includeNone) ?? (asked || holders !== undefined),
    decision: checkDecision(options.decision),
    ...(Array.isArray(options.entities) ? { aliases: aliasesFromEntities(options.entities) } : {}),
  });
}

/** Frees the NLI models `tagStance` loaded. */
export async function closeStanceModels(): Promise<void> {
  const models = [...nliModels.values()];
  nliModels.clear();
  await Promise.all(models.map((m) => m.dispose()));
}

/** One text of an article the stage reads. */
interface Reading {
  source: TextSource;
  text: string;
  language: string | undefined;
  /** Which field of the article the text is: the body (default) or the title. */
  field?: TextField;
}

/** The texts to read: the English translation when there is one, and the original when the backend can read it. */
function readings(doc: Analysis, backend: StanceBackend, languageOption: string | undefined): Reading[] {
  const out: Reading[] = [];
  if (doc.translation?.text)
    out.push({ source: "translation", text: doc.translation.text, language: doc.translation.to });
  const language =
    doc.languageHint ?? (doc.language?.code !== "und" ? doc.language?.code : undefined) ?? languageOption;
  const readable =
    backend === "nli" || language === undefined || RULE_LANGUAGES.some((l) => language.toLowerCase().startsWith(l));
  if (readable) out.push({ source: "original", text: doc.text, language });
  // The title is read like the body (a headline often states the stance); its evidence says so.
  if (typeof doc.title === "string" && doc.title.trim() !== "") {
    const translated = doc.translation?.title;
    if (translated)
      out.push({ source: "translation", text: translated, language: doc.translation?.to, field: "title" });
    if (readable) out.push({ source: "original", text: doc.title, language, field: "title" });
  }
  if (!readable && out.length === 0) {
    throw new RassegnaError(
      "UNSUPPORTED_LANGUAGE",
      `${STAGE}: the rules backend reads English and Italian, not "${language}".`,
      {
        stage: STAGE,
        hint: 'Put the translate stage before the stance stage, or use backend: "nli" with a multilingual model.',
      },
    );
  }
  return out;
}

const SIGN = { FAVOR: 1, AGAINST: -1, NONE: 0 } as const;

/** Evidence of the original and the translation, taken in turn so that both are shown. */
function interleaveSources(evidence: Evidence[]): Evidence[] {
  if (evidence.length <= MAX_EVIDENCE) return evidence;
  const original = evidence.filter((e) => e.source !== "translation");
  const translation = evidence.filter((e) => e.source === "translation");
  const out: Evidence[] = [];
  for (let i = 0; i < Math.max(original.length, translation.length); i++) {
    const a = original[i];
    const b = translation[i];
    if (a) out.push(a);
    if (b) out.push(b);
  }
  return out;
}

/** Merges the stances read from the original and the translation, per (holder, target). */
function mergeStances(parts: Array<{ source: TextSource; stances: Stance[] }>, tagSources: boolean): Stance[] {
  const merged = new Map<string, Stance & { value: number }>();
  for (const { source, stances } of parts) {
    for (const stance of stances) {
      const key = `${stance.holder ?? ""}\u0000${stance.target}`;
      const evidence = stance.evidence.map((e) => (tagSources ? { ...e, source } : e));
      const value = SIGN[stance.stance] * stance.score;
      const seen = merged.get(key);
      if (!seen) {
        merged.set(key, { ...stance, evidence, value });
        continue;
      }
      seen.value += value;
      seen.evidence.push(...evidence);
      if (stance.stance === "NONE" && seen.stance === "NONE") seen.score = Math.min(seen.score, stance.score);
    }
  }
  return [...merged.values()].map(({ value, ...merging }) => {
    // Each source gave at most MAX_EVIDENCE items; keep the first of each in turn.
    const stance = { ...merging, evidence: interleaveSources(merging.evidence).slice(0, MAX_EVIDENCE) };
    if (stance.stance === "NONE" && value === 0) return stance;
    const label = value > 0 ? "FAVOR" : value < 0 ? "AGAINST" : "NONE";
    return { ...stance, stance: label, score: Math.round(Math.min(1, Math.abs(value)) * 1000) / 1000 };
  });
}

/**
 * The pipeline stage `"stance"`: writes `doc.stances`. It reads the English translation
 * when there is one and the original text too when the backend reads its language; evidence
 * says which (`source`). Targets: `doc.targets`, else the `targets` option, else the
 * article's entities; holders: `doc.holders`, else the `holders` option, else discovered.
 * With `backend: "nli"`, model calls of several articles go into shared batches.
 */
export function stanceStage(options: StanceOptions = {}): Stage {
  checkOptions(STANCE_OPTIONS, options, STAGE);
  const backend = checkBackend(options.backend);
  const optionTargets = checkNames(options.targets, "targets");
  const optionHolders = checkNames(options.holders, "holders");
  const model = backend === "nli" ? nliModelFor(options) : undefined;
  const batching: BatchSpec<NliItem, NliScores> | undefined = model
    ? { batchSize: 8, maxWaitMs: 20, run: (items, signal) => model.score(items, signal) }
    : undefined;

  const optionOwn = checkOwnStance(options.ownStance);
  const optionNone = checkIncludeNone(options.includeNone);

  async function read(
    doc: Analysis,
    reading: Reading,
    context: StageContext,
    own: "always" | "never",
  ): Promise<Stance[]> {
    const named = doc.targets ?? optionTargets;
    const targets =
      named ?? (doc.entities?.length ? targetsFromEntities(doc.entities, doc.translation !== undefined) : undefined);
    const holders = doc.holders ?? optionHolders;
    if (!model) {
      return tagStance(reading.text, {
        ...(targets ? { targets } : {}),
        ...(doc.entities?.length ? { entities: doc.entities } : {}),
        ...(holders ? { holders } : {}),
        ...(reading.language ? { language: reading.language } : {}),
        ...(options.maxLength === undefined ? {} : { maxLength: options.maxLength }),
        ownStance: own,
        ...(options.decision === undefined ? {} : { decision: options.decision }),
        includeNone: optionNone ?? (named !== undefined || holders !== undefined),
      });
    }
    checkText(reading.text, options.maxLength);
    const questions = nliQuestions(reading.text, targets?.length ? targets : undefined, holders);
    const asked = questions.filter((q) => q.item !== undefined);
    const scores = asked.length > 0 ? await context.batch<NliItem, NliScores>(asked.map((q) => q.item as NliItem)) : [];
    const byQuestion = new Map(asked.map((q, i) => [q, scores[i]]));
    return questions.map((q) => nliStance(q, byQuestion.get(q), model.model));
  }

  return {
    name: STAGE,
    ...(batching ? { batching } : {}),
    async process(doc: Analysis, context: StageContext): Promise<void> {
      if (hasInputError(doc)) return;
      throwIfAborted(context.signal, STAGE);
      const parts: Array<{ source: TextSource; stances: Stance[] }> = [];
      const texts = readings(doc, backend, options.language);
      // Whether the author takes sides is read once per article, on the text the rules read
      // best (the original when they read its language), so that both readings agree.
      const mode = optionOwn ?? ((doc.targets ?? optionTargets) !== undefined ? "always" : "auto");
      const voiced = texts.find((r) => r.source === "original") ?? texts[0];
      const own = mode === "auto" ? (voiced && readVoice(voiced.text).opinion ? "always" : "never") : mode;
      for (const reading of texts) {
        if (reading.text.trim() === "") continue;
        let stances = await read(doc, reading, context, own);
        if (reading.field === "title") {
          // Only what the title says: no NONE rows for targets it does not name.
          stances = stances
            .filter((stance) => stance.stance !== "NONE")
            .map((stance) => ({
              ...stance,
              evidence: stance.evidence.map((e) => ({ ...e, field: "title" as const })),
            }));
        }
        parts.push({ source: reading.source, stances });
      }
      doc.stances = mergeStances(parts, true);
    },
    async close(): Promise<void> {
      await model?.dispose();
    },
  };
}
