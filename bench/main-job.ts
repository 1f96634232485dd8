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
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// @ts-expect-error: a JavaScript module without types (the corpus reader the main job uses).
import { readArticleFolder } from "../corpus/read.mjs";
import { descendants, reapedChildrenCpuSeconds } from "../test-setup/process-tree.js";
import { fmt, repoRoot, table } from "./lib.js";

const GOAL_ARTICLES_PER_SECOND = 10;
const GOAL_RATIO = 3;
const REPEATS = Math.max(1, Number(process.env.RASSEGNA_BENCH_REPEATS ?? 3));

interface Input {
  id: string;
  text: string;
  title?: string;
}

/** One live descendant process: what it runs (a program and its data file) and its CPU seconds so far. */
interface Proc {
  name: string;
  cpu: number;
}

/** The program and data file of a command line ("lt-proc ita-spa.autogen.bin"), without the rule files. */
function programName(cmdline: string[]): string {
  const [program = "?", ...args] = cmdline;
  const file = args.find((arg) => arg.endsWith(".bin") || arg.endsWith(".prob"));
  return `${program.split("/").pop()}${file ? ` ${file.split("/").pop()}` : ""}`;
}

/**
 * This process's live descendants (Apertium's running programs) by pid, with the CPU seconds
 * each has used so far: what a running pipeline's children do inside a timed run, which the
 * reaped total only shows once they stop. Other children than Apertium's (tsx's esbuild, when
 * the benchmark runs under tsx) are left out, so this is `liveDescendantsCpuSeconds()` split
 * by program, less those.
 */
function apertiumProcesses(): Map<number, Proc> {
  return new Map(
    descendants().flatMap((p) => {
      const name = programName(p.argv);
      return /^(esbuild|node)\b/.test(name) ? [] : [[p.pid, { name, cpu: p.cpuSeconds }] as const];
    }),
  );
}

/** CPU seconds by program between two snapshots (processes started in between count from zero). */
function cpuByProgram(before: Map<number, Proc>, after: Map<number, Proc>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [pid, p] of after) {
    // The shell that holds each chain: its CPU is the chain's start.
    if (p.name === "bash") continue;
    out.set(p.name, (out.get(p.name) ?? 0) + p.cpu - (before.get(pid)?.cpu ?? 0));
  }
  return out;
}

function total(map: Map<number, Proc>): number {
  return [...map.values()].reduce((sum, p) => sum + p.cpu, 0);
}

interface Timing {
  wall: number;
  /** Node's own CPU seconds. */
  cpu: number;
  /** The child processes' CPU seconds. */
  childCpu: number;
  /** The child processes' CPU seconds by program, during the run (start-up included when cold). */
  programs: Map<string, number>;
  /** For a running pipeline: the programs' CPU seconds by program during the warm-up (their start-up). */
  startup?: Map<string, number>;
  records: number;
  engines: Record<string, number>;
  warnings: number;
  errors: number;
}

interface Record_ {
  id: string;
  translation?: { engine?: string };
  errors: unknown[];
  warnings?: unknown[];
}

type Pipeline = {
  stream(input: Iterable<Input>): AsyncIterable<Record_>;
  close(): Promise<void>;
};

async function timed(
  make: () => Pipeline,
  articles: Input[],
  warmUp?: Input[],
  onRecord?: (record: Record_) => void,
): Promise<Timing> {
  let pipeline: Pipeline | undefined;
  let startup: Map<string, number> | undefined;
  if (warmUp) {
    pipeline = make();
    for await (const _ of pipeline.stream(warmUp)) {
    }
    startup = cpuByProgram(new Map(), apertiumProcesses());
  }
  const cpu0 = process.cpuUsage();
  const child0 = reapedChildrenCpuSeconds();
  const live0 = apertiumProcesses();
  const t0 = performance.now();
  pipeline ??= make();
  const engines: Record<string, number> = {};
  let records = 0;
  let warnings = 0;
  let errors = 0;
  for await (const record of pipeline.stream(articles)) {
    records++;
    onRecord?.(record);
    const engine = record.translation?.engine ?? "none";
    engines[engine] = (engines[engine] ?? 0) + 1;
    warnings += record.warnings?.length ?? 0;
    if (record.errors.length > 0) errors++;
  }
  const wallWarm = performance.now() - t0;
  const cpuWarm = process.cpuUsage(cpu0);
  const live1 = apertiumProcesses();
  await pipeline.close();
  const wall = warmUp ? wallWarm : performance.now() - t0;
  const cpu = warmUp ? cpuWarm : process.cpuUsage(cpu0);
  // A running pipeline's children: what they used during the run (read live), not since the warm-up.
  const childCpu = warmUp ? total(live1) - total(live0) : reapedChildrenCpuSeconds() - child0;
  return {
    wall: wall / 1000,
    cpu: (cpu.user + cpu.system) / 1e6,
    childCpu,
    programs: cpuByProgram(live0, live1),
    ...(startup ? { startup } : {}),
    records,
    engines,
    warnings,
    errors,
  };
}

function best(runs: Timing[]): Timing {
  return runs.reduce((a, b) => (b.wall < a.wall ? b : a));
}

function bestCpu(runs: Timing[]): number {
  return Math.min(...runs.map((r) => r.cpu + r.childCpu));
}

/** The least CPU seconds of each program over the runs (the least disturbed by other users). */
function leastByProgram(maps: Array<Map<string, number> | undefined>): Map<string, number> {
  const out = new Map<string, number>();
  for (const map of maps) {
    for (const [name, cpu] of map ?? []) out.set(name, Math.min(out.get(name) ?? Number.POSITIVE_INFINITY, cpu));
  }
  return out;
}

const sum = (values: Iterable<number>): number => [...values].reduce((a, b) => a + b, 0);

/**
 * Where the CPU goes, program by program: each one's start-up (a running pipeline's warm-up,
 * one sentence per language), the cold run (start-up and work), and the run on a running
 * pipeline (work alone), with and without the sentence cache; Node's own CPU beside them.
 */
function programTable(runs: Record<"rules" | "given" | "cold" | "warm" | "warmNoCache", Timing[]>): string {
  const startup = leastByProgram(runs.warm.map((r) => r.startup));
  const cold = leastByProgram(runs.cold.map((r) => r.programs));
  const warm = leastByProgram(runs.warm.map((r) => r.programs));
  const noCache = leastByProgram(runs.warmNoCache.map((r) => r.programs));
  // By the cold run's CPU (start-up and work): sorted by start-up alone, the programs that do
  // most of the work (cg-proc, the transfers) start cheaply and fell into "other programs".
  const names = [...new Set([...startup.keys(), ...cold.keys()])].sort(
    (a, b) => (cold.get(b) ?? 0) - (cold.get(a) ?? 0) || a.localeCompare(b),
  );
  const shown = names.slice(0, 14);
  const rest = names.slice(14);
  const cell = (map: Map<string, number>, keys: string[]) => fmt(sum(keys.map((k) => map.get(k) ?? 0)), 2);
  const node = (list: Timing[]) => fmt(Math.min(...list.map((r) => r.cpu)), 2);
  const rows: Array<Array<string | number>> = [
    ...shown.map((name) => [
      `\`${name}\``,
      cell(startup, [name]),
      cell(cold, [name]),
      cell(warm, [name]),
      cell(noCache, [name]),
    ]),
    [`${rest.length} other programs`, cell(startup, rest), cell(cold, rest), cell(warm, rest), cell(noCache, rest)],
    ["**Apertium's programs, all**", cell(startup, names), cell(cold, names), cell(warm, names), cell(noCache, names)],
    ["**Node (this process)**", "", node(runs.cold), node(runs.warm), node(runs.warmNoCache)],
    ["Node, rules stages alone", "", node(runs.rules), "", ""],
    ["Node, rules stages, translations given", "", node(runs.given), "", ""],
  ];
  return table(["program", "start-up CPU s", "cold run CPU s", "running, cache on", "running, cache off"], rows, [
    "l",
    "r",
    "r",
    "r",
    "r",
  ]);
}

/** One run of a command as a user times it. */
interface CommandTiming {
  wall: number;
  /** User + system CPU seconds of the whole process tree (the command and every program it started). */
  cpu: number;
  records: number;
  /** Records by translation engine ("none": not translated), read from the JSON Lines written. */
  engines: string;
}

/**
 * Node with `args`, as a child process under `/usr/bin/time`: its user + system CPU is the
 * whole process tree's (wait4's resource usage holds every descendant that its parent waited
 * for: Apertium's programs are waited for by their shell, the shells by Node when the pipeline
 * closes). Exit status 1 (some records carry errors: the German articles) is a finished run.
 */
function timeCommand(args: string[], timeFile: string): CommandTiming {
  const result = spawnSync("/usr/bin/time", ["-f", "%U %S %e", "-o", timeFile, process.execPath, ...args], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 1 << 28,
    encoding: "utf8",
  });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(
      `${args.slice(0, 3).join(" ")} … exited with ${result.status ?? result.signal}: ${result.stderr.slice(-800)}`,
    );
  }
  const [user = Number.NaN, system = Number.NaN, wall = Number.NaN] =
    readFileSync(timeFile, "utf8").trim().split("\n").pop()?.split(" ").map(Number) ?? [];
  const lines = result.stdout.split("\n").filter(Boolean);
  const engines = new Map<string, number>();
  for (const line of lines) {
    const engine = (JSON.parse(line) as Record_).translation?.engine ?? "none";
    engines.set(engine, (engines.get(engine) ?? 0) + 1);
  }
  return {
    wall,
    cpu: user + system,
    records: lines.length,
    engines: [...engines].map(([engine, n]) => `${engine} ${n}`).join(", "),
  };
}

/**
 * The built CLI with its translate stage swapped for one that does nothing, through the
 * `factories` option of `runCli` (what `rassegna run` runs, minus translation): `rassegna run`
 * has no flag that turns translation off (`--engine` only chooses the engine), and none is
 * added for a benchmark. Run as `node --input-type=module -e SCRIPT run …`.
 */
function untranslatedCliScript(): string {
  const cli = pathToFileURL(join(repoRoot, "packages", "cli", "dist", "index.js")).href;
  return `const { runCli } = await import(${JSON.stringify(cli)});
const translate = () => ({ name: "translate", process() {} });
process.exitCode = await runCli(process.argv.slice(1), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, { factories: { translate } });`;
}

/**
 * The whole command as a user would time it (\`time rassegna run …\`): the corpus × 3 as a JSONL
 * file through the built CLI (\`packages/cli/bin/rassegna.js run --offline\`, empty model cache:
 * Apertium translates), and through the same CLI with translation left out; each a fresh
 * process, so Node's start, the loading of every stage's code and data and Apertium's start-up
 * are all inside, as they are for a user. Best CPU of the repeats, interleaved.
 */
async function wholeCommandRows(
  articles: Input[],
  cacheDir: string,
): Promise<{ rows: Array<Array<string | number>>; ratio: number; wallRatio: number } | undefined> {
  const bin = join(repoRoot, "packages", "cli", "bin", "rassegna.js");
  if (!existsSync("/usr/bin/time") || !existsSync(join(repoRoot, "packages", "cli", "dist", "index.js"))) {
    return undefined;
  }
  const dir = await mkdtemp(join(tmpdir(), "rassegna-bench-cli-"));
  try {
    const input = join(dir, "corpus-x3.jsonl");
    await writeFile(input, `${articles.map((a) => JSON.stringify(a)).join("\n")}\n`);
    const common = ["run", "--jsonl", input, "--offline", "--cache-dir", cacheDir, "--concurrency", "2"];
    const translated: CommandTiming[] = [];
    const untranslated: CommandTiming[] = [];
    for (let r = 0; r < REPEATS; r++) {
      untranslated.push(timeCommand(["--input-type=module", "-e", untranslatedCliScript(), ...common], join(dir, "t")));
      translated.push(timeCommand([bin, ...common], join(dir, "t")));
    }
    const least = (list: CommandTiming[]) => ({
      cpu: Math.min(...list.map((t) => t.cpu)),
      wall: Math.min(...list.map((t) => t.wall)),
      records: list[0]?.records ?? 0,
      engines: list[0]?.engines ?? "",
    });
    const off = least(untranslated);
    const on = least(translated);
    const row = (name: string, t: CommandTiming) => [
      name,
      t.records,
      fmt(t.wall, 2),
      fmt(t.records / t.wall, 1),
      fmt(t.cpu, 2),
      fmt(t.records / Math.max(t.cpu / 2, 1e-9), 1),
      `${fmt(t.wall / off.wall, 2)}× / ${fmt(t.cpu / off.cpu, 2)}× the command without translation`,
      t.engines,
    ];
    return {
      rows: [
        row("`rassegna run` as a user times it, translation left out (CLI, translate stage swapped)", off),
        row("`rassegna run` as a user times it (CLI, fresh process, offline)", on),
      ],
      ratio: on.cpu / off.cpu,
      wallRatio: on.wall / off.wall,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The goal line of the whole command (\`rassegna run\` with and without translation), or why it is missing. */
function commandLine(command: Awaited<ReturnType<typeof wholeCommandRows>>): string {
  if (!command) return "The whole command (`rassegna run`) was not timed: it needs `/usr/bin/time` and the built CLI.";
  return `The whole command as a user times it (\`rassegna run\`, a fresh process: Node's start and every stage's code and data loading inside, in both): CPU ${fmt(command.ratio, 2)}×, wall ${fmt(command.wallRatio, 2)}× the same command with translation left out (${command.ratio <= GOAL_RATIO ? "within" : "over"} ${GOAL_RATIO}× on CPU). This is a different baseline from the rows above: the fixed start-up cost of the command is in both sides of the ratio.`;
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
  // The rules stages on the articles with their translations given (read from a run of the
  // whole job): what entities and stance cost when they read the English too, translation aside.
  const translations = new Map<string, unknown>();
  const given = () =>
    createDefaultPipeline({
      ...options,
      replace: {
        translate: {
          name: "translate",
          process(doc: { id: string; translation?: unknown }) {
            const translation = translations.get(doc.id);
            if (translation !== undefined) doc.translation = structuredClone(translation);
          },
        },
      },
    });
  try {
    // Load and compile every stage's code once, untimed, so that the first timed run does not pay
    // for it; the whole job's run keeps the translations for the run that is given them.
    await timed(rulesOnly, once);
    await timed(whole, thrice, undefined, (record) => {
      if (record.translation !== undefined) translations.set(record.id, record.translation);
    });
    const runs = {
      rules: [] as Timing[],
      rulesRunning: [] as Timing[],
      cold: [] as Timing[],
      warm: [] as Timing[],
      warmNoCache: [] as Timing[],
      distinct: [] as Timing[],
      given: [] as Timing[],
    };
    for (let r = 0; r < REPEATS; r++) {
      runs.rules.push(await timed(rulesOnly, thrice));
      // The same warm-up as the running whole job: the stages' first use (what they build on
      // their first article) is then outside the timing on both sides of the running ratio.
      runs.rulesRunning.push(await timed(rulesOnly, thrice, warmUp));
      runs.given.push(await timed(given, thrice));
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
      row("rules stages alone, pipeline already running (same warm-up)", runs.rulesRunning),
      row("rules stages, translations given (no engine)", runs.given),
      row("whole job, cold start (as `pnpm main`)", runs.cold),
      row("whole job, Apertium already running", runs.warm),
      row("whole job, Apertium running, sentence cache off", runs.warmNoCache),
      row("whole job, cold, the 16 distinct articles once", runs.distinct),
    ];
    const command = await wholeCommandRows(thrice, cacheDir);
    if (command) rows.push(...command.rows);
    const wallRate = cold.records / cold.wall;
    const cpuRate = cold.records / (coldCpu / 2);
    const warm = best(runs.warm);
    const warmCpu = bestCpu(runs.warm);
    const startupCpu = Math.min(...runs.warm.map((r) => sum(r.startup?.values() ?? [])));
    const givenCpu = bestCpu(runs.given);
    const verdict = (ok: boolean) => (ok ? "met" : "missed");
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
Wall: ${fmt(wallRate, 1)} articles/s, ${fmt(cold.wall / rules.wall, 2)}× (${verdict(wallRate >= GOAL_ARTICLES_PER_SECOND && cold.wall / rules.wall <= GOAL_RATIO)} on this machine as loaded when run);
CPU: ${fmt(cpuRate, 1)} articles/s on two idle cores, ${fmt(coldCpu / rulesCpu, 2)}× (${verdict(cpuRate >= GOAL_ARTICLES_PER_SECOND && coldCpu / rulesCpu <= GOAL_RATIO)}).
With Apertium already running (a worker, a stream, the HTTP server): wall ${fmt(warm.wall / rules.wall, 2)}×, CPU ${fmt(warmCpu / rulesCpu, 2)}× the rules stages alone (${verdict(warmCpu / rulesCpu <= GOAL_RATIO)} on CPU). The rules stages on a pipeline also already running (the same warm-up): ${fmt(bestCpu(runs.rulesRunning), 2)} CPU s against ${fmt(rulesCpu, 2)} from a fresh pipeline; the running whole job against the lesser of the two (the warm-up left out of both timings where that is lower): CPU ${fmt(warmCpu / Math.min(rulesCpu, bestCpu(runs.rulesRunning)), 2)}×.
${commandLine(command)}

#### Where the CPU goes, by process

Least CPU seconds of each program over the runs. "Start-up" is what each of Apertium's
programs used to start and answer one sentence per language (the warm-up of a running
pipeline): ${fmt(startupCpu, 2)} CPU s in all, paid once per process by the cold run and never by a
running pipeline. The cold run's Node CPU holds the process starts (one per chain) and the
first compilation of the translation code. Node's CPU in the translated runs holds more than
translation: entities and stance read both the original and the English translation there
(the row "translations given": ${fmt(givenCpu, 2)} CPU s, ${fmt(givenCpu / rulesCpu, 2)}× the rules stages alone, before any engine runs).

${programTable(runs)}
Every translated record carries the \`FALLBACK_ENGINE\` warning (${cold.warnings} warnings on ${cold.records} records; ${cold.errors} records with errors: the German articles, which no engine here translates).
`;
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}
