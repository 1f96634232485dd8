/**
 * The stage template's shared parts (docs/architecture.md, "One shape for every stage"): every
 * stage package exports a factory (`entitiesStage(options)`) whose options name a `backend`,
 * keeps each backend in `src/backends/`, and fails on an unknown backend with the same error.
 */
import { InvalidInputError } from "./errors.js";
import type { Stage } from "./stage.js";

/** Options every stage factory takes: which backend does the work. */
export interface BackendOptions<Name extends string = string> {
  /** The backend, e.g. `"rules"` or `"transformers"`; each stage documents its own and its default. */
  backend?: Name;
}

/**
 * One way a stage does its work (`"rules"`, `"transformers"`, `"apertium"`): a function of the
 * stage's input, and what it holds released by `close()`.
 */
export interface Backend<Input, Output> {
  /** The name callers pass as the stage option `backend`. */
  readonly name: string;
  run(input: Input, signal?: AbortSignal): Output | Promise<Output>;
  /** Frees what the backend loaded (models, workers). Safe to call twice. */
  close?(): void | Promise<void>;
}

/** What a stage package's `stage.ts` exports: the factory of its pipeline stage. */
export type StageFactory<Options extends BackendOptions = BackendOptions, S extends Stage = Stage> = (
  options?: Options,
) => S;

/**
 * The error for a backend name a stage does not have (the same code, `INVALID_INPUT`, and the
 * same wording in every stage): what was asked for and what exists.
 *
 * @example throw unknownBackendError("stance", "bert", ["rules", "nli"])
 * // stance: unknown backend "bert". Use one of "rules", "nli".
 */
export function unknownBackendError(stage: string, backend: unknown, known: readonly string[]): InvalidInputError {
  const asked = typeof backend === "string" ? JSON.stringify(backend) : `${String(backend)} (${typeof backend})`;
  return new InvalidInputError(`${stage}: unknown backend ${asked}.`, {
    stage,
    hint: `Use one of ${known.map((name) => JSON.stringify(name)).join(", ")}.`,
  });
}

/**
 * The backend a caller asked for, from the stage's table of backends: `requested` (or
 * `fallback` when absent), through `aliases` (old names kept for callers, e.g. `{ nli: "transformers" }`).
 * Throws {@link unknownBackendError} for any other name.
 */
export function selectBackend<Table extends Record<string, unknown>>(
  stage: string,
  backends: Table,
  requested: unknown,
  fallback: keyof Table & string,
  aliases: Readonly<Record<string, keyof Table & string>> = {},
): { name: keyof Table & string; backend: Table[keyof Table & string] } {
  const asked = requested === undefined ? fallback : requested;
  const name = typeof asked === "string" ? (Object.hasOwn(aliases, asked) ? aliases[asked] : asked) : undefined;
  if (name === undefined || !Object.hasOwn(backends, name))
    throw unknownBackendError(stage, asked, [...Object.keys(backends), ...Object.keys(aliases)]);
  return { name: name as keyof Table & string, backend: backends[name as keyof Table & string] };
}
