/** The options of `tagStance` and `stanceStage`, and their checks. */
import { type Entity, InvalidInputError, type ModelSettingsOptions } from "@rassegna/core";

import type { OwnStanceMode, StanceDecision } from "./backends/rules.js";
import { checkNames, STAGE, unknownBackendError } from "./checks.js";
import { targetsFromEntities } from "./targets.js";

/**
 * Which engine decides the stances: `"learned"` (default; the rules read the text and a shipped
 * classifier labels each pair), `"rules"` (the rules' own tally), `"nli"` (zero-shot NLI
 * through transformers.js, asynchronous).
 */
export type StanceBackend = "learned" | "rules" | "nli";

/** The backends, for error messages and `selectBackend`. */
export const STANCE_BACKENDS: readonly StanceBackend[] = ["learned", "rules", "nli"];

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
  /** `"learned"` (default), `"rules"` or `"nli"`. */
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
   * Who labels each pair the rules read: `"learned"` (default) or `"rules"`.
   * @deprecated Use `backend: "learned"` or `backend: "rules"`; `decision` is read when `backend`
   * is absent or one of those two.
   */
  decision?: StanceDecision;
}

/** Options that select the learned or rules backend: the answer is synchronous. */
export type RulesStanceOptions = StanceOptions & { backend?: "learned" | "rules" };
/** Options that select the NLI backend: the answer is a promise. */
export type NliStanceOptions = StanceOptions & { backend: "nli" };

/**
 * The backend the options ask for. `decision` (deprecated) still picks between the learned and
 * the rules decision when `backend` does not say "nli".
 */
export function checkBackend(options: Pick<StanceOptions, "backend" | "decision">): StanceBackend {
  const { backend } = options;
  if (backend !== undefined && !STANCE_BACKENDS.includes(backend as StanceBackend))
    throw unknownBackendError(STAGE, backend, STANCE_BACKENDS);
  if (backend === "nli") return "nli";
  if (options.decision !== undefined) return checkDecision(options.decision);
  return backend ?? DEFAULT_BACKEND;
}

const DEFAULT_BACKEND: StanceBackend = "learned";

export function checkOwnStance(value: unknown): OwnStanceMode | undefined {
  if (value === undefined || value === "auto" || value === "always" || value === "never") return value;
  throw new InvalidInputError(`${STAGE}: unknown ownStance ${JSON.stringify(value)}.`, {
    stage: STAGE,
    hint: 'Use ownStance: "auto" (default), "always" or "never".',
  });
}

function checkDecision(value: unknown): StanceDecision {
  if (value === "learned" || value === "rules") return value;
  throw new InvalidInputError(`${STAGE}: unknown decision ${JSON.stringify(value)}.`, {
    stage: STAGE,
    hint: 'Use decision: "learned" (default) or "rules".',
  });
}

export function checkIncludeNone(value: unknown): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  throw new InvalidInputError(`${STAGE}: "includeNone" must be true or false.`, { stage: STAGE });
}

export function targetsOf(options: StanceOptions): string[] | undefined {
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
