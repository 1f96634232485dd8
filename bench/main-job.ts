/**
 * The main job's throughput, offline (part of `pnpm bench:pipeline`).
 *
 * The corpus (`corpus/articles/`, 16 articles in 6 languages) three times over, 48 articles,
 * through `createDefaultPipeline` with the main job's options (`pnpm main`: engines
 * transformers then Apertium, concurrency 2), offline with an empty model cache, so that
 * Apertium translates as it does on a machine without the OPUS-MT models. In the same run:
 * the rules stages alone (language, entities, stance: translation left out), the whole job
 * from a cold start (the pipeline made, the articles streamed, the pipeline closed: Apertium's
 * programs start and stop inside the timing, as in `pnpm main`), and the whole job on a
 * running pipeline (Apertium started beforehand by one sentence per language that the corpus
 * does not hold, as in a long-running worker).
 *
 * Wall time and CPU time are both reported: the machine is shared, so wall time measures the
 * other users too; CPU time (this process and its child processes, reaped when the pipeline
 * closes) does not. The corpus repeats itself, so the sentence cache answers the second and
 * third copies: a run with the cache off and the 16 distinct articles alone are reported too.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// @ts-expect-error: a JavaScript module without types (the corpus reader the main job uses).
import { readArticleFolder } from "../corpus/read.mjs";
import { fmt, repoRoot, table } from "./lib.js";

const GOAL_ARTICLES_PER_SECOND = 10;
const GOAL_RATIO = 3;
const REPEATS = Math.max(1, Number(process.env.RASSEGNA_BENCH_REPEATS ?? 3));

interface Input {
  id: string;
  text: string;
  title?: string;
}

/** CPU seconds of this process's reaped children (`/proc/self/stat` cutime + cstime). */
function childrenCpu(): number {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU seconds used so far by this process's live descendants (Apertium's running programs),
 * from /proc: what a running pipeline's children do inside a timed run, which the reaped
 * total only shows once they stop (with the warm-up's work in it).
 */
function liveChildrenCpu(): number {
  try {
    const parent = new Map<number, number>();
    const used = new Map<number, number>();
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        parent.set(Number(entry), Number(fields[1]));
        used.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / 100);
      } catch {
        // Gone meanwhile.
      }
    }
    const mine = new Set([process.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, ppid] of parent) {
        if (!mine.has(pid) && mine.has(ppid)) {
          mine.add(pid);
          grew = true;
        }
      }
    }
    mine.delete(process.pid);
    return [...mine].reduce((sum, pid) => sum + (used.get(pid) ?? 0), 0);
  } catch {
    return Number.NaN;
  }
}

interface Timing {
  wall: number;
  cpu: number;
  childCpu: number;
  records: number;
  engines: Record<string, number>;
  warnings: number;
  errors: number;
}

type Pipeline = {
  stream(input: Iterable<Input>): AsyncIterable<{
    translation?: { engine?: string };
    errors: unknown[];
    warnings?: unknown[];
  }>;
  close(): Promise<void>;
};

async function timed(make: () => Pipeline, articles: Input[], warmUp?: Input[]): Promise<Timing> {
  let pipeline: Pipeline | undefined;
  if (warmUp) {
    pipeline = make();
    for await (const _ of pipeline.stream(warmUp)) {
    }
  }
  const cpu0 = process.cpuUsage();
  const child0 = childrenCpu();
  const live0 = liveChildrenCpu();
  const t0 = performance.now();
  pipeline ??= make();
  const engines: Record<string, number> = {};
  let records = 0;
  let warnings = 0;
  let errors = 0;
  for await (const record of pipeline.stream(articles)) {
    records++;
    const engine = record.translation?.engine ?? "none";
    engines[engine] = (engines[engine] ?? 0) + 1;
    warnings += record.warnings?.length ?? 0;
    if (record.errors.length > 0) errors++;
  }
  const wallWarm = performance.now() - t0;
  const cpuWarm = process.cpuUsage(cpu0);
  const liveWarm = liveChildrenCpu() - live0;
  await pipeline.close();
  const wall = warmUp ? wallWarm : performance.now() - t0;
  const cpu = warmUp ? cpuWarm : process.cpuUsage(cpu0);
  // A running pipeline's children: what they used during the run (read live), not since the warm-up.
  const childCpu = warmUp ? liveWarm : childrenCpu() - child0;
  return { wall: wall / 1000, cpu: (cpu.user + cpu.system) / 1e6, childCpu, records, engines, warnings, errors };
}

function best(runs: Timing[]): Timing {
  return runs.reduce((a, b) => (b.wall < a.wall ? b : a));
}

function bestCpu(runs: Timing[]): number {
  return Math.min(...runs.map((r) => r.cpu + r.childCpu));
}

/** The section of the pipeline benchmark about the main job. */
export async function mainJobSection(): Promise<string> {
  const { createDefaultPipeline } = (await import("rassegna")) as {
    createDefaultPipeline: (options: object) => Pipeline;
  };
  const corpus = (await readArticleFolder(join(repoRoot, "corpus", "articles"))) as Array<Input & { file: string }>;
  const once: Input[] = corpus.map((a) => ({ id: a.id, text: a.text, ...(a.title ? { title: a.title } : {}) }));
  const thrice: Input[] = [0, 1, 2].flatMap((copy) => once.map((a) => ({ ...a, id: `${copy}/${a.id}` })));
  // One sentence per language, not in the corpus: starts the Apertium chains of a running worker.
  const warmUp: Input[] = [
    { id: "w-it", text: "Il treno delle sette è partito in orario.", title: "Treno" },
    { id: "w-es", text: "El tren de las siete salió a su hora." },
    { id: "w-fr", text: "Le train de sept heures est parti à l'heure." },
    { id: "w-pt", text: "O comboio das sete partiu a horas." },
  ];
  const cacheDir = await mkdtemp(join(tmpdir(), "rassegna-bench-empty-cache-"));
  const options = { engines: ["transformers", "apertium"], concurrency: 2, offline: true, cacheDir };
  const rulesOnly = () => createDefaultPipeline({ ...options, replace: { translate: false } });
  const whole = () => createDefaultPipeline(options);
  // The sentence cache (a translation memory) answers the corpus's second and third copies: without it too.
  const noCache = () => createDefaultPipeline({ ...options, stageOptions: { translate: { cacheSize: 0 } } });
  try {
    // Load and compile every stage's code once, untimed, so that the first timed run does not pay for it.
    await timed(rulesOnly, once);
    const runs = {
      rules: [] as Timing[],
      cold: [] as Timing[],
      warm: [] as Timing[],
      warmNoCache: [] as Timing[],
      distinct: [] as Timing[],
    };
    for (let r = 0; r < REPEATS; r++) {
      runs.rules.push(await timed(rulesOnly, thrice));
      runs.cold.push(await timed(whole, thrice));
      runs.warm.push(await timed(whole, thrice, warmUp));
      runs.warmNoCache.push(await timed(noCache, thrice, warmUp));
      runs.distinct.push(await timed(whole, once));
    }
    const rules = best(runs.rules);
    const rulesCpu = bestCpu(runs.rules);
    const row = (name: string, list: Timing[]): Array<string | number> => {
      const t = best(list);
      const cpu = bestCpu(list);
      return [
        name,
        t.records,
        fmt(t.wall, 2),
        fmt(t.records / t.wall, 1),
        fmt(cpu, 2),
        fmt(t.records / Math.max(cpu / 2, 1e-9), 1),
        `${fmt(t.wall / rules.wall, 2)}× / ${fmt(cpu / rulesCpu, 2)}×`,
        Object.entries(t.engines)
          .map(([engine, n]) => `${engine} ${n}`)
          .join(", "),
      ];
    };
    const cold = best(runs.cold);
    const coldCpu = bestCpu(runs.cold);
    const rows = [
      row("rules stages alone (no translation)", runs.rules),
      row("whole job, cold start (as `pnpm main`)", runs.cold),
      row("whole job, Apertium already running", runs.warm),
      row("whole job, Apertium running, sentence cache off", runs.warmNoCache),
      row("whole job, cold, the 16 distinct articles once", runs.distinct),
    ];
    const wallRate = cold.records / cold.wall;
    const cpuRate = cold.records / (coldCpu / 2);
    return `### The main job, offline (corpus × 3 = ${thrice.length} articles)

Best of ${REPEATS} runs each, interleaved; options of \`pnpm main\` (engines transformers then
Apertium, concurrency 2), offline with an empty model cache, so Apertium translates. "CPU s" is
this process plus its child processes (Apertium's programs, counted when the pipeline closes);
"art./s on 2 idle cores" is articles / (CPU s ÷ 2), what two cores free of other work would do
at best. For the rows with Apertium already running, its programs' CPU is what they used during
the run (read from /proc). The sentence cache answers the corpus's second and third copies; the
cache-off row and the 16 distinct articles show the job without that help.

${table(
  [
    "run",
    "articles",
    "wall s",
    "articles/s (wall)",
    "CPU s",
    "art./s on 2 idle cores",
    "× rules (wall / CPU)",
    "engines",
  ],
  rows,
  ["l", "r", "r", "r", "r", "r", "r", "l"],
)}

Goal: ≥ ${GOAL_ARTICLES_PER_SECOND} articles/s for the cold whole job, within ${GOAL_RATIO}× the rules stages alone.
Wall: ${fmt(wallRate, 1)} articles/s, ${fmt(cold.wall / rules.wall, 2)}× (${wallRate >= GOAL_ARTICLES_PER_SECOND && cold.wall / rules.wall <= GOAL_RATIO ? "met" : "missed"} on this machine as loaded when run);
CPU: ${fmt(cpuRate, 1)} articles/s on two idle cores, ${fmt(coldCpu / rulesCpu, 2)}× (${cpuRate >= GOAL_ARTICLES_PER_SECOND && coldCpu / rulesCpu <= GOAL_RATIO ? "met" : "missed"}).
Every translated record carries the \`FALLBACK_ENGINE\` warning (${cold.warnings} warnings on ${cold.records} records; ${cold.errors} records with errors: the German articles, which no engine here translates).
`;
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}
