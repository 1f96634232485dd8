import { fromIso6392B, RassegnaError, toIso6391 } from "@rassegna/core";

/** One OPUS-MT model of the registry: ONNX weights on the Hugging Face hub for transformers.js. */
export interface TranslationModelInfo {
  /** Source language (ISO 639-1). */
  from: string;
  /** Target language (ISO 639-1). */
  to: string;
  /** Hub id, loadable by transformers.js. */
  model: string;
  /** The Helsinki-NLP model the ONNX weights were converted from. */
  base: string;
}

function opus(from: string, to: string, pair = `${from}-${to}`): TranslationModelInfo {
  return { from, to, model: `Xenova/opus-mt-${pair}`, base: `Helsinki-NLP/opus-mt-${pair}` };
}

/**
 * Source languages with an OPUS-MT → English model converted for transformers.js (the
 * `Xenova/opus-mt-*` repositories). Portuguese, Romanian, Catalan and Galician share the
 * multi-source ROMANCE→English model.
 */
export const TRANSLATION_MODELS: readonly TranslationModelInfo[] = Object.freeze([
  opus("it", "en"),
  opus("fr", "en"),
  opus("es", "en"),
  opus("de", "en"),
  opus("nl", "en"),
  opus("ru", "en"),
  opus("zh", "en"),
  opus("ar", "en"),
  opus("ja", "en"),
  opus("sv", "en"),
  opus("fi", "en"),
  opus("hi", "en"),
  opus("af", "en"),
  opus("pt", "en", "ROMANCE-en"),
  opus("ro", "en", "ROMANCE-en"),
  opus("ca", "en", "ROMANCE-en"),
  opus("gl", "en", "ROMANCE-en"),
]);

/** A model for sources the registry does not list: pass it as `model` explicitly. */
export const MULTILINGUAL_MODEL = "Xenova/opus-mt-mul-en";

/**
 * Normalises a language code: lower case, region dropped ("pt-BR" → "pt"), ISO 639-3 and the
 * bibliographic 639-2/B codes ("fre", "ger") → 639-1, by @rassegna/core's table.
 */
export function normalizeLanguage(code: string): string {
  const base = code.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return toIso6391(fromIso6392B(base));
}

/** True when the code names English (en, eng, en-GB…). */
export function isEnglish(code: string): boolean {
  return normalizeLanguage(code) === "en";
}

/** The registry entry for a pair, or undefined. */
export function findOpusModel(from: string, to = "en"): TranslationModelInfo | undefined {
  const f = normalizeLanguage(from);
  const t = normalizeLanguage(to);
  return TRANSLATION_MODELS.find((m) => m.from === f && m.to === t);
}

/**
 * The hub id of the OPUS-MT model for `from` → `to`. Throws `MODEL_UNAVAILABLE` naming the
 * pair and the pairs that exist when the registry has none.
 */
export function opusModelFor(from: string, to = "en", stage = "translate"): string {
  const found = findOpusModel(from, to);
  if (found) return found.model;
  const known = TRANSLATION_MODELS.map((m) => `${m.from}→${m.to}`).join(", ");
  throw new RassegnaError(
    "MODEL_UNAVAILABLE",
    `${stage}: no translation model is registered for ${normalizeLanguage(from)}→${normalizeLanguage(to)}. Registered pairs: ${known}.`,
    {
      stage,
      hint: `Pass a Marian model for the pair as \`model\` (e.g. "${MULTILINGUAL_MODEL}" for many sources into English), or use engine "apertium" where the system has the pair.`,
    },
  );
}
