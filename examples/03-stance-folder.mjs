// Example 3: the stance of every article of a folder toward given targets.
//
//   node examples/03-stance-folder.mjs [FOLDER] [--targets "United States,Russia"]
//
// Builds its own pipeline from the stages it needs: language → translation (OPUS-MT, else
// Apertium) → stance. Stance reads the English translation when there is one, else the original.
import { parseArgs } from "node:util";

import { createPipeline, languageStage, stanceStage, translateStage } from "rassegna";

import { readArticleFolder } from "../corpus/read.mjs";
import { isMain, repoRoot, runMain } from "./lib/cli.mjs";

/**
 * Stance of each article toward each target: the article's own stance and every holder's.
 * @param {Array<{ id: string, text: string }>} articles
 * @param {string[]} targets
 * @param {{ engines?: Array<"transformers" | "apertium">, offline?: boolean, concurrency?: number }} [options]
 */
export async function stanceTowardTargets(articles, targets, options = {}) {
  const { engines = ["transformers", "apertium"], concurrency = 2, ...settings } = options;
  const pipeline = createPipeline({
    stages: [languageStage(), translateStage({ ...settings, engines }), stanceStage({ ...settings, targets })],
    concurrency,
  });
  const results = [];
  try {
    for await (const doc of pipeline.stream(articles.map(({ id, text }) => ({ id, text, targets })))) {
      const stances = doc.stances ?? [];
      results.push({
        id: doc.id,
        language: doc.language?.code,
        engine: doc.translation?.engine ?? (doc.language?.code === "en" ? "none (English)" : "not translated"),
        targets: targets.map((target) => ({
          target,
          own: stances.find((s) => s.target === target && !s.holder),
          holders: stances.filter((s) => s.target === target && s.holder && s.stance !== "NONE"),
        })),
        errors: doc.errors,
      });
    }
  } finally {
    await pipeline.close();
  }
  return results;
}

async function main() {
  const { values, positionals } = parseArgs({
    options: { targets: { type: "string", default: "United States,Russia,China" } },
    allowPositionals: true,
  });
  const folder = positionals[0] ?? `${repoRoot}corpus/articles`;
  const targets = values.targets
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  const articles = await readArticleFolder(folder);
  if (articles.length === 0) throw new Error(`No .txt articles in ${folder}.`);
  const results = await stanceTowardTargets(articles, targets);
  const label = (s) => (s ? `${s.stance} ${s.score.toFixed(2)}` : "—");
  for (const r of results) {
    console.log(`${r.id} (${r.language ?? "?"}, translation: ${r.engine})`);
    for (const t of r.targets) {
      const holders = t.holders.map((s) => `${s.holder} ${s.stance}`).join(", ");
      console.log(`  → ${t.target.padEnd(16)} ${label(t.own).padEnd(14)} ${holders ? `holders: ${holders}` : ""}`);
    }
    for (const e of r.errors) console.log(`  ! ${e.stage}: ${e.code}: ${e.message.split("\n")[0]}`);
  }
}

if (isMain(import.meta.url)) runMain(main);
