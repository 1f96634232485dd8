/**
 * `pnpm bench`: runs every benchmark (pipeline, language, translation, entities, stance, queue) in one
 * process, one after the other, and writes one markdown report to `docs/benchmarks.md`
 * with our numbers beside the peers' and the goals, and the machine it ran on.
 * `pnpm bench -- langid stance` runs only the named ones.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import { machineInfo, measure, repoRoot, reportSection } from "./lib.js";

const BENCHMARKS: Array<{ name: string; title: string; command: string }> = [
  { name: "pipeline", title: "Pipeline overhead", command: "pnpm bench:pipeline" },
  { name: "langid", title: "Language detection", command: "pnpm bench:langid" },
  { name: "mt", title: "Translation", command: "pnpm bench:mt" },
  { name: "entities", title: "Named entities", command: "pnpm bench:entities" },
  { name: "stance", title: "Stance", command: "pnpm bench:stance" },
  { name: "queue", title: "Queue (workers on BullMQ and Redis)", command: "pnpm bench:queue" },
  { name: "articles", title: "Articles (the score this project steers by)", command: "pnpm bench:articles" },
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((arg) => arg !== "--");
  const selected = wanted.length > 0 ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;
  const sections: string[] = [];
  const started = new Date().toISOString();
  for (const bench of selected) {
    process.stderr.write(`== ${bench.title} (${bench.command}) ==\n`);
    try {
      const module = (await import(`./${bench.name}.bench.js`)) as { default: () => Promise<string> };
      const { result, wallSeconds } = await measure(() => module.default());
      sections.push(reportSection(bench.title, bench.command, ` — ${wallSeconds.toFixed(0)} s`, result));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      sections.push(reportSection(bench.title, bench.command, "", `**Did not run:** ${message}`));
      process.stderr.write(`${bench.title} failed: ${message}\n`);
    }
  }
  const report = [
    "# Benchmarks",
    "",
    `Written by \`pnpm bench\` on ${started}.`,
    "",
    `Machine: ${machineInfo()}.`,
    "",
    "Benchmarks are not tests: they read the public evaluation sets in `../shared/bench-data/` in place",
    "and compare Rassegna with its peers in one run. Ratios are ours ÷ theirs.",
    "",
    ...sections.flatMap((section) => [section, ""]),
  ].join("\n");
  const out = join(repoRoot, "docs", wanted.length > 0 ? "benchmarks.partial.md" : "benchmarks.md");
  writeFileSync(out, report);
  process.stdout.write(`${report}\nwritten to ${out}\n`);
}

await main();
