/**
 * The article-level score this project steers by: `../shared/bench-data/articles/dev.jsonl` (60
 * news items with gold language, entities and relations) through the whole default pipeline,
 * offline, with whatever translation engines this machine has, scored by the shared
 * `tools/score-articles.mjs` (its `inputs` and `score` steps, run as they are).
 *
 *   pnpm bench:articles
 *
 * The records are written to `out/articles.jsonl` (the same file `rassegna run --jsonl` would give).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createDefaultPipeline } from "rassegna";
import { isMain, repoRoot, sharedDataDir, table, writeResult } from "./lib.js";

const scorer = join(sharedDataDir, "..", "tools", "score-articles.mjs");
const gold = join(sharedDataDir, "articles", "dev.jsonl");

function score(...args: string[]): string {
  return execFileSync(process.execPath, [scorer, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

export default async function run(): Promise<string> {
  for (const path of [scorer, gold]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: put the shared folder beside the repository.`);
  }
  const inputs = score("inputs", gold)
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  // Quality, not latency: a machine shared with other work must not time translation out.
  const pipeline = createDefaultPipeline({ offline: true, concurrency: 4, stageTimeoutMs: { translate: 30 * 60_000 } });
  const lines: string[] = [];
  const engines = new Map<string, number>();
  const t0 = performance.now();
  try {
    for await (const record of pipeline.stream(inputs)) {
      lines.push(JSON.stringify(record));
      const engine = record.translation?.engine ?? (record.translation ? "?" : "none");
      engines.set(engine, (engines.get(engine) ?? 0) + 1);
    }
  } finally {
    await pipeline.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  const outDir = join(repoRoot, "out");
  mkdirSync(outDir, { recursive: true });
  const records = join(outDir, "articles.jsonl");
  writeFileSync(records, `${lines.join("\n")}\n`);
  const output = score("score", gold, records, "--json");
  const summary = output.trim().split("\n").pop() ?? "";
  const figures = JSON.parse(output.slice(output.indexOf("{"), output.lastIndexOf("}") + 1)) as Record<string, unknown>;
  const rows = Object.entries(figures)
    .filter(([, value]) => typeof value === "number")
    .map(([name, value]) => [name, (value as number) <= 1 ? ((value as number) * 100).toFixed(1) : String(value)]);
  return [
    "## Articles (`bench/articles.bench.ts`)",
    "",
    `\`../shared/bench-data/articles/dev.jsonl\` (${inputs.length} items) through \`createDefaultPipeline({ offline: true })\` ` +
      `in ${seconds.toFixed(0)} s; translation engines used: ${[...engines].map(([e, n]) => `${e} ${n}`).join(", ")}. ` +
      "Scored by `../shared/tools/score-articles.mjs` (German has no offline engine here: it counts as not translated).",
    "",
    `\`${summary}\``,
    "",
    table(["figure", "value (% for rates)"], rows),
  ].join("\n");
}

if (isMain(import.meta.url)) {
  writeResult("articles", await run());
}
