import type { ErrorCode, StageError } from "./types.js";

/** Options of {@link RassegnaError}. */
export interface RassegnaErrorOptions {
  /** The stage that failed, e.g. `"translate"`. */
  stage?: string;
  /** What the caller can do about it. */
  hint?: string;
  cause?: unknown;
}

/**
 * Every error Rassegna throws: a stable `code`, the `stage` that threw, and a message that
 * says what failed, why, and what to do (`hint`).
 */
export class RassegnaError extends Error {
  readonly code: ErrorCode;
  readonly stage: string | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: RassegnaErrorOptions = {}) {
    const full = options.hint ? `${message} ${options.hint}` : message;
    super(full, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "RassegnaError";
    this.code = code;
    this.stage = options.stage;
    this.hint = options.hint;
  }
}

/** Bad input: not a string, binary, empty where text is required. */
export class InvalidInputError extends RassegnaError {
  constructor(message: string, options: RassegnaErrorOptions = {}) {
    super("INVALID_INPUT", message, options);
    this.name = "InvalidInputError";
  }
}

/** A model cannot be loaded: not cached in offline mode, hub unreachable, bad local path. */
export class ModelUnavailableError extends RassegnaError {
  readonly model: string;
  /** Every place that was searched for the model's files. */
  readonly searched: string[];

  constructor(model: string, message: string, options: RassegnaErrorOptions & { searched?: string[] } = {}) {
    super("MODEL_UNAVAILABLE", message, options);
    this.name = "ModelUnavailableError";
    this.model = model;
    this.searched = options.searched ?? [];
  }
}

/** The operation was cancelled through an `AbortSignal`. */
export class AbortError extends RassegnaError {
  constructor(message = "The operation was aborted.", options: RassegnaErrorOptions = {}) {
    super("ABORTED", message, options);
    this.name = "AbortError";
  }
}

/** Throws an {@link AbortError} when `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined, stage?: string): void {
  if (signal?.aborted) {
    throw new AbortError("The operation was aborted.", {
      ...(stage === undefined ? {} : { stage }),
      cause: signal.reason,
    });
  }
}

/** Turns anything thrown by a stage into the `{ stage, code, message }` of a record. */
export function toStageError(error: unknown, stage: string): StageError {
  if (error instanceof RassegnaError) {
    return { stage: error.stage ?? stage, code: error.code, message: error.message };
  }
  if (error instanceof Error && error.name === "AbortError") {
    return { stage, code: "ABORTED", message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { stage, code: "STAGE_FAILED", message: `Stage "${stage}" failed: ${message}` };
}

/**
 * The error for an optional package that is not installed (e.g. `@huggingface/transformers`
 * for a neural backend): says which package, for what, and the command that installs it.
 */
export function missingPackage(name: string, purpose: string, stage: string, cause?: unknown): RassegnaError {
  return new RassegnaError(
    "MODEL_UNAVAILABLE",
    `${stage}: ${purpose} needs the package ${name}, which is not installed.`,
    {
      stage,
      hint: `Install it next to Rassegna: \`npm install ${name}\` (or pnpm add / yarn add).`,
      cause,
    },
  );
}
