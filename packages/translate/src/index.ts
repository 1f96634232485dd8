// PLACEHOLDER until the translate work lands: the exported names are the planned API.
import { type ModelSettingsOptions, RassegnaError, type Stage, type Translation } from "@rassegna/core";

export interface TranslatorOptions extends ModelSettingsOptions {
  from?: string;
  to?: string;
  engine?: "transformers" | "apertium";
  model?: string;
  dtype?: string;
  device?: string;
  batchSize?: number;
  numBeams?: number;
  maxInputTokens?: number;
}
export interface Translator {
  readonly from: string;
  readonly to: string;
  readonly model: string;
  readonly engine: string;
  translate(text: string, options?: { signal?: AbortSignal }): Promise<Translation>;
  close(): Promise<void>;
}
export async function createTranslator(_options: TranslatorOptions = {}): Promise<Translator> {
  throw new RassegnaError("STAGE_FAILED", "translation is not built yet");
}
export interface TranslateStageOptions extends Omit<TranslatorOptions, "from"> {
  /** Engines to try in order, e.g. ["transformers", "apertium"]. */
  engines?: Array<"transformers" | "apertium">;
}
export function translateStage(_options: TranslateStageOptions = {}): Stage {
  throw new RassegnaError("STAGE_FAILED", "translation is not built yet");
}
export interface CachedModel {
  model: string;
  path: string;
  bytes: number;
}
export async function listModels(_options: ModelSettingsOptions = {}): Promise<CachedModel[]> {
  throw new RassegnaError("STAGE_FAILED", "translation is not built yet");
}
export async function pullModels(
  _models: string[],
  _options: ModelSettingsOptions & {
    onProgress?: (info: { model: string; file: string; loaded: number; total: number }) => void;
  } = {},
): Promise<CachedModel[]> {
  throw new RassegnaError("STAGE_FAILED", "translation is not built yet");
}
