/**
 * Where Apertium's CPU goes once its programs are running (`pnpm tsx bench/apertium-flushes.ts`,
 * not part of `pnpm bench`; ~1 minute). The main job's question (#15): is it the number of
 * null-flushed blocks (each wakes every program of a chain once) or the amount of text?
 *
 * The corpus's translatable articles (Italian, Spanish, French, Portuguese) are cut into the
 * pieces the translate stage sends (its own `process`, with a `context.batch` that records
 * them), then the same pieces are sent through the stage's engine call (`batching.run`, what
 * the pipeline calls) as one block per language, one block per article, and one block per
 * sentence, on chains already running, with the sentence cache off. The programs' CPU is read
 * from /proc while they run; Node's is this process's. The translations of the three plans are
 * compared: batching must not change a byte.
 */
import { createAnalysis } from "@rassegna/core";
import { type SentenceItem, translateStage } from "@rassegna/translate";

// @ts-expect-error: a JavaScript module without types (the corpus reader the main job uses).
import { readArticleFolder } from "../corpus/read.mjs";
import { descendants } from "../test-setup/process-tree.js";
import { fmt, repoRoot, table } from "./lib.js";

const REPEATS = Math.max(1, Number(process.env.RASSEGNA_BENCH_REPEATS ?? 3));
const LANGUAGES = new Set(["it", "es", "fr", "pt"]);

type Block = SentenceItem[];

/** CPU seconds so far of each running descendant program, by pid (the chains' shells left out). */
function programs(): Map<number, { name: string; cpu: number }> {
  return new Map(
    descendants().flatMap((p) => {
      const [program = "?", ...args] = p.argv;
      const file = args.find((arg) => arg.endsWith(".bin") || arg.endsWith(".prob"));
      const name = `${program.split("/").pop()}${file ? ` ${file.split("/").pop()}` : ""}`;
      return /^(bash|esbuild|node)\b/.test(name) ? [] : [[p.pid, { name, cpu: p.cpuSeconds }] as const];
    }),
  );
}

async function main(): Promise<void> {
  const corpus = (await readArticleFolder(`${repoRoot}/corpus/articles`)) as Array<{
    id: string;
    file: string;
    text: string;
    title?: string;
  }>;
  const stage = translateStage({ engines: ["apertium"], cacheSize: 0, batchSize: 100_000 });
  const run = stage.batching?.run;
  if (!run) throw new Error("the translate stage has no batching");
  const signal = new AbortController().signal;
  // The pieces of each article, as the stage sends them to `context.batch`.
  const articles: Array<{ language: string; items: Block }> = [];
  for (const [index, article] of corpus.entries()) {
    const language = /([a-z]{2})-[^/]*$/.exec(article.file)?.[1] ?? "";
    if (!LANGUAGES.has(language)) continue;
    const items: Block = [];
    const doc = createAnalysis({ id: article.id, text: article.text, title: article.title, language }, index);
    await stage.process(doc, {
      signal,
      batch: async <I, O>(batch: readonly I[]): Promise<O[]> => {
        items.push(...(batch as unknown as Block));
        return batch.map(() => "") as O[];
      },
    } as Parameters<typeof stage.process>[1]);
    articles.push({ language, items });
  }
  const byLanguage = new Map<string, Block>();
  for (const { language, items } of articles) byLanguage.set(language, [...(byLanguage.get(language) ?? []), ...items]);
  const plans: Array<{ name: string; blocks: Block[] }> = [
    { name: "one block per language", blocks: [...byLanguage.values()] },
    { name: "one block per article", blocks: articles.map((a) => a.items) },
    { name: "one block per sentence", blocks: articles.flatMap((a) => a.items.map((item) => [item])) },
  ];
  const sentences = articles.reduce((n, a) => n + a.items.length, 0);
  const characters = articles.reduce((n, a) => n + a.items.reduce((m, item) => m + item.text.length, 0), 0);
  // Chains started and dictionaries loaded before any timing: one short sentence per language.
  for (const block of byLanguage.values()) await run(block.slice(0, 1), signal);

  const least = new Map<string, { apertium: number; node: number; byProgram: Map<string, number> }>();
  const outputs = new Map<string, string>();
  for (let r = 0; r < REPEATS; r++) {
    for (const plan of plans) {
      const before = programs();
      const cpu0 = process.cpuUsage();
      const translated: unknown[] = [];
      for (const block of plan.blocks) translated.push(...(await run(block, signal)));
      const cpu = process.cpuUsage(cpu0);
      const after = programs();
      const byProgram = new Map<string, number>();
      for (const [pid, p] of after) {
        byProgram.set(p.name, (byProgram.get(p.name) ?? 0) + p.cpu - (before.get(pid)?.cpu ?? 0));
      }
      const apertium = [...byProgram.values()].reduce((a, b) => a + b, 0);
      const node = (cpu.user + cpu.system) / 1e6;
      const best = least.get(plan.name);
      if (!best || apertium + node < best.apertium + best.node) least.set(plan.name, { apertium, node, byProgram });
      outputs.set(plan.name, JSON.stringify(translated.map(String)));
    }
  }
  await stage.close?.();

  const reference = outputs.get(plans[0]?.name ?? "");
  const rows = plans.map((plan) => {
    const t = least.get(plan.name) as { apertium: number; node: number };
    return [
      plan.name,
      plan.blocks.length,
      fmt(t.apertium, 2),
      fmt(t.node, 2),
      outputs.get(plan.name) === reference ? "identical" : "DIFFERENT",
    ];
  });
  const one = least.get("one block per language") as { apertium: number; node: number; byProgram: Map<string, number> };
  const each = least.get("one block per sentence") as { apertium: number; node: number };
  const eachBlocks = plans[2]?.blocks.length ?? 0;
  const oneBlocks = plans[0]?.blocks.length ?? 0;
  const perBlock = (each.apertium - one.apertium) / Math.max(1, eachBlocks - oneBlocks);
  const perBlockNode = (each.node - one.node) / Math.max(1, eachBlocks - oneBlocks);
  const top = [...one.byProgram].sort((a, b) => b[1] - a[1]);
  console.log(`### Apertium's CPU: blocks or text (${sentences} sentences, ${characters} characters, chains running)

Least of ${REPEATS} runs each (Apertium's programs + Node), interleaved; sentence cache off.

${table(["plan", "null-flushed blocks", "Apertium's programs CPU s", "Node CPU s", "translations"], rows, ["l", "r", "r", "r", "l"])}

One more block costs ${fmt(perBlock * 1000, 1)} ms of the programs' CPU and ${fmt(perBlockNode * 1000, 1)} ms of Node's;
the text itself, sent in as few blocks as there are languages, costs ${fmt(one.apertium, 2)} CPU s
(${fmt((one.apertium / characters) * 1e6, 1)} µs a character) in ${top.length} programs:

${table(
  ["program", "CPU s, one block per language"],
  top.map(([name, cpu]) => [`\`${name}\``, fmt(cpu, 3)]),
  ["l", "r"],
)}`);
}

await main();
