import {
  type AnalysisField,
  type ArticleLimits,
  checkLimit,
  DEFAULT_MAX_STANCES,
  DEFAULT_MAX_TEXT_LENGTH,
  DEFAULT_STAGE_TIMEOUT_MS,
  describeValue,
  RassegnaError,
  resolveArticleLimits,
  type Stage,
} from "@rassegna/core";

import type { PipelineOptions, ProgressEvent } from "./types.js";

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_BUFFER = 16;
/** Node's timers take at most 2^31 - 1 ms; longer budgets are no budget. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export function usage(message: string): RassegnaError {
  return new RassegnaError("USAGE", message, { stage: "pipeline" });
}

/** A limit option, checked: a usage error names the option and what it got. */
function limitOption(name: string, value: unknown, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  try {
    return checkLimit(name, value, min);
  } catch (error) {
    throw usage((error as Error).message);
  }
}

/** The time budget of each stage, in milliseconds (`Infinity`: none). */
function stageTimeouts(stages: readonly Stage[], option: PipelineOptions["stageTimeoutMs"]): number[] {
  if (option === undefined || typeof option === "number") {
    const ms = limitOption("stageTimeoutMs", option, DEFAULT_STAGE_TIMEOUT_MS);
    return stages.map(() => ms);
  }
  if (option === null || typeof option !== "object" || Array.isArray(option)) {
    throw usage(
      `stageTimeoutMs must be a number of milliseconds or { [stage name]: ms }, got ${describeValue(option)}.`,
    );
  }
  const names = new Set(stages.map((stage) => stage.name));
  for (const name of Object.keys(option)) {
    if (name !== "default" && !names.has(name)) {
      throw usage(
        `stageTimeoutMs names a stage "${name}" that is not in the pipeline (stages: ${[...names].join(", ")}).`,
      );
    }
  }
  const fallback = limitOption("stageTimeoutMs.default", option.default, DEFAULT_STAGE_TIMEOUT_MS);
  return stages.map((stage) => limitOption(`stageTimeoutMs.${stage.name}`, option[stage.name], fallback));
}

/** Fields the input itself may fill (`createAnalysis` copies them from the article). */
const INPUT_FIELDS: ReadonlySet<AnalysisField> = new Set<AnalysisField>([
  "id",
  "text",
  "languageHint",
  "targets",
  "holders",
  "title",
  "date",
  "url",
  "source",
  "meta",
]);

/**
 * Checks the order of stages that declare what they read and write (spaCy's `requires` /
 * `assigns`): a field a stage reads must be written by a stage before it or come with the input.
 * Stages that declare nothing are not checked.
 */
export function checkStageOrder(stages: readonly Stage[]): void {
  const writers = new Map<AnalysisField, number>();
  stages.forEach((stage, i) => {
    for (const field of stage.writes ?? []) if (!writers.has(field)) writers.set(field, i);
  });
  stages.forEach((stage, i) => {
    for (const field of stage.reads ?? []) {
      if (INPUT_FIELDS.has(field)) continue;
      const writer = writers.get(field);
      if (writer === undefined) {
        throw usage(
          `Stage "${stage.name}" reads ${field}, which no stage of this pipeline writes (stages: ${stages.map((s) => s.name).join(", ")}). Add the stage that writes ${field} before it.`,
        );
      }
      if (writer >= i) {
        const name = stages[writer]!.name;
        throw usage(
          `Stage "${stage.name}" reads ${field}, which stage "${name}" writes, but "${name}" runs ${writer === i ? "as the same stage" : "after it"}: put "${name}" before "${stage.name}".`,
        );
      }
    }
  });
}

/** The options of a pipeline, checked and with their defaults. */
export interface Settings {
  stages: readonly Stage[];
  concurrency: number;
  ordered: boolean;
  /** Most articles read but not yet taken by the consumer, per stream. */
  window: number;
  /** Read this far below the window before reading again: fewer, larger rounds of work. */
  refillAt: number;
  maxTextLength: number;
  maxStances: number;
  limits: ArticleLimits;
  /** Time budget of each stage per article, in milliseconds (`Infinity`: none). */
  timeouts: number[];
  removeInvisible: boolean;
  onProgress: ((event: ProgressEvent) => void) | undefined;
  signal: AbortSignal | undefined;
}

/** Checks `options` (a `USAGE` error naming the option for a bad one) and fills in the defaults. */
export function resolveSettings(options: PipelineOptions): Settings {
  if (options === null || typeof options !== "object" || !Array.isArray(options.stages)) {
    throw usage("createPipeline needs { stages: Stage[] }.");
  }
  options.stages.forEach((stage, i) => {
    if (stage === null || typeof stage !== "object" || typeof stage.process !== "function") {
      throw usage(`Stage ${i + 1} is not a stage: give an object with a name and a process(doc, context) method.`);
    }
    if (typeof stage.name !== "string" || stage.name === "") {
      throw usage(`Stage ${i + 1} has no name: every stage needs a short name such as "translate".`);
    }
  });
  const stages = [...options.stages];
  checkStageOrder(stages);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!(Number.isInteger(concurrency) && concurrency > 0)) {
    throw usage(`concurrency must be a positive integer (got ${String(options.concurrency)}).`);
  }
  const buffer = options.buffer ?? DEFAULT_BUFFER;
  if (!(Number.isInteger(buffer) && buffer >= 0)) {
    throw usage(`buffer must be an integer of 0 or more (got ${String(options.buffer)}).`);
  }
  const maxTextLength = limitOption("maxTextLength", options.maxTextLength, DEFAULT_MAX_TEXT_LENGTH, 0);
  const maxStances = limitOption("maxStances", options.maxStances, DEFAULT_MAX_STANCES, 0);
  let limits: ArticleLimits;
  try {
    limits = resolveArticleLimits(options.limits);
  } catch (error) {
    throw usage((error as Error).message);
  }
  const timeouts = stageTimeouts(stages, options.stageTimeoutMs);
  if (options.removeInvisible !== undefined && typeof options.removeInvisible !== "boolean") {
    throw usage(`removeInvisible must be true or false, got ${describeValue(options.removeInvisible)}.`);
  }
  const window = concurrency + buffer;
  return {
    stages,
    concurrency,
    ordered: options.ordered ?? true,
    window,
    refillAt: Math.max(concurrency, Math.floor(window / 2)),
    maxTextLength,
    maxStances,
    limits,
    timeouts,
    removeInvisible: options.removeInvisible ?? true,
    onProgress: options.onProgress,
    signal: options.signal,
  };
}
