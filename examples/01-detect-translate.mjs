// Example 1: detect the language of one article and translate it into English.
//
//   node examples/01-detect-translate.mjs [FILE]
//
// The neural engine (OPUS-MT in transformers.js) is tried first; when its model cannot be
// had (no network and nothing cached), the example says so in one line and falls back to
// Apertium, the rule-based engine, where the system has the language pair.
import { readFile } from "node:fs/promises";

import { createTranslator, detectLanguage } from "rassegna";

import { parseArticleFile } from "../corpus/read.mjs";
import { defaultArticlePath, isMain, runMain } from "./lib/cli.mjs";

/**
 * Detects the language of `text` and translates it with the first engine that works.
 * @param {string} text
 * @param {{ engines?: Array<"transformers" | "apertium">, offline?: boolean, cacheDir?: string,
 *   localModelPath?: string, model?: string, onNote?: (line: string) => void }} [options]
 */
export async function detectAndTranslate(text, options = {}) {
  const { engines = ["transformers", "apertium"], onNote = () => {}, ...settings } = options;
  const language = detectLanguage(text);
  if (language.code === "en") return { language, translation: undefined, engine: "none (already English)" };
  if (language.code === "und") throw new Error("The language of this text cannot be told: is it empty or too short?");
  const failures = [];
  for (const engine of engines) {
    let translator;
    try {
      translator = await createTranslator({ ...settings, from: language.code, to: "en", engine });
      const translation = await translator.translate(text);
      return { language, translation, engine };
    } catch (error) {
      if (error?.code !== "MODEL_UNAVAILABLE") throw error;
      failures.push(error);
      onNote(`${engine} unavailable: ${String(error.message).split("\n")[0]}`);
    } finally {
      await translator?.close();
    }
  }
  const reasons = failures.map((e) => e.message).join(" | ");
  throw Object.assign(new Error(`No translation engine could translate ${language.code}→en: ${reasons}`), {
    hint: failures.find((e) => e.hint)?.hint,
  });
}

async function main() {
  const file = process.argv[2] ?? defaultArticlePath();
  const article = parseArticleFile(await readFile(file, "utf8"), file);
  const { language, translation, engine } = await detectAndTranslate(article.text, {
    onNote: (line) => process.stderr.write(`note: ${line}\n`),
  });
  const alternatives = language.alternatives.map((a) => `${a.code} ${a.confidence.toFixed(2)}`).join(", ");
  console.log(`${article.id}`);
  console.log(`language: ${language.code} (confidence ${language.confidence.toFixed(2)}; then ${alternatives || "—"})`);
  console.log(`engine:   ${engine}${translation ? ` (${translation.model})` : ""}\n`);
  console.log(translation ? translation.text : article.text);
}

if (isMain(import.meta.url)) runMain(main);
