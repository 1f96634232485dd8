import { RassegnaError, resolveModelSettings, type StageWarning, unknownBackendError } from "@rassegna/core";

import { type EngineName, type SentenceEngine, STAGE } from "../engine.js";
import { opusModelFor } from "../registry.js";
import type { EngineFallback, Translator, TranslatorOptions } from "../types.js";
import { createApertiumEngine } from "./apertium/install.js";
import { createMarianEngine } from "./transformers/marian.js";

/** The backends (engines) a translator can run on. */
export const BACKENDS: readonly EngineName[] = Object.freeze(["transformers", "apertium"]);

/** Creates an engine of the given kind for the pair. */
export async function createEngine(
  name: EngineName,
  from: string,
  to: string,
  options: TranslatorOptions,
): Promise<SentenceEngine> {
  if (name === "apertium") {
    return createApertiumEngine(from, to, {
      ...(options.keepNames === undefined ? {} : { keepNames: options.keepNames }),
      ...(options.segmentTimeoutMs === undefined ? {} : { segmentTimeoutMs: options.segmentTimeoutMs }),
    });
  }
  if (name !== "transformers") throw unknownBackendError(STAGE, name, BACKENDS);
  const model = options.model ?? opusModelFor(from, to, STAGE);
  return createMarianEngine({
    model,
    dtype: options.dtype ?? "q8",
    device: options.device ?? "cpu",
    settings: resolveModelSettings(options),
    numBeams: options.numBeams ?? 1,
    maxInputTokens: options.maxInputTokens,
    maxNewTokens: options.maxNewTokens,
    onProgress: options.onProgress,
  });
}

/** The engines tried when the options name none: the neural model, then Apertium. */
export const DEFAULT_ENGINES: readonly EngineName[] = Object.freeze(["transformers", "apertium"]);

/**
 * The engines to try, in order, for `createTranslator` and the translate stage alike:
 * `engines` when given, else `backend` (or its former name `engine`) alone, else
 * {@link DEFAULT_ENGINES}. A name that is no backend is the core `unknownBackendError`
 * (`INVALID_INPUT`), before anything is loaded.
 */
export function engineOrder(options: Pick<TranslatorOptions, "backend" | "engine" | "engines">): EngineName[] {
  const one = options.backend ?? options.engine;
  const names = options.engines !== undefined ? [...options.engines] : one === undefined ? [...DEFAULT_ENGINES] : [one];
  for (const name of names) if (!BACKENDS.includes(name)) throw unknownBackendError(STAGE, name, BACKENDS);
  return names;
}

/** The engine that was created, and the fallback it stands for when it was not the first choice. */
export interface ChosenEngine {
  engine: SentenceEngine;
  fallback?: EngineFallback;
}

/**
 * Creates the first engine of `names` that is available. When none is, throws
 * `MODEL_UNAVAILABLE` with every engine's reason.
 */
export async function createFirstEngine(
  names: readonly EngineName[],
  from: string,
  to: string,
  options: TranslatorOptions,
): Promise<ChosenEngine> {
  const failures: RassegnaError[] = [];
  for (const name of names) {
    try {
      const engine = await createEngine(name, from, to, options);
      const first = failures[0];
      return first === undefined
        ? { engine }
        : { engine, fallback: { preferred: names[0] as EngineName, reason: first.message } };
    } catch (error) {
      if (!(error instanceof RassegnaError) || error.code !== "MODEL_UNAVAILABLE" || names.length === 1) throw error;
      failures.push(error);
    }
  }
  throw new RassegnaError(
    "MODEL_UNAVAILABLE",
    `${STAGE}: no engine can translate ${from}→${to}. ${failures.map((f, i) => `${names[i]}: ${f.message}`).join(" ")}`,
    { stage: STAGE, cause: failures[0] },
  );
}

/**
 * The warning a record carries when a fallback engine translated it (code `FALLBACK_ENGINE`):
 * which engine stood in for which, and why. A warning, not an error: the record is translated
 * and clean, and the exit status of the command does not change.
 */
export function fallbackWarning(translator: Pick<Translator, "engine" | "model" | "fallback">): StageWarning {
  const { preferred, reason } = translator.fallback ?? { preferred: "transformers", reason: "" };
  return {
    stage: STAGE,
    code: "FALLBACK_ENGINE",
    message: `translated by ${translator.engine} (${translator.model}) because ${preferred} was unavailable: ${reason}`,
  };
}
