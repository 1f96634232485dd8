/**
 * Language identification: @rassegna/langdetect beside its peers on the lingua test set
 * (`shared/bench-data/langid`: 30 languages; sentences, word pairs, single words), one thread.
 *
 *   pnpm exec tsx bench/langid.bench.ts
 *
 * A language a detector lacks counts as wrong; no detector is restricted to the 30 languages.
 * Our priors were tuned on the even lines (0-based) of each file: the odd lines are held out and
 * reported apart.
 *
 * CLD2 (`cld`) is a native addon whose install compiles C++ for minutes, so it is not a dependency:
 * to include it, install it anywhere (`npm install cld@2.10.1` in a scratch folder builds it from the
 * Node headers, no download) and point RASSEGNA_BENCH_CLD at its folder. fastText lid.176 and lingua
 * need model downloads or 930 MB and are not run; the issue's table gives their figures.
 */
import { createRequire } from "node:module";
import { detectLanguage, toIso6391 } from "@rassegna/langdetect";
import { franc } from "franc";
import { fmt, isMain, machineInfo, readShared, table, writeResult } from "./lib.js";
import { accuracy, mean } from "./metrics.js";

const TASKS = ["sentences", "word-pairs", "single-words"] as const;
type Task = (typeof TASKS)[number];

const GOALS: Record<Task, number> = { sentences: 97.7, "word-pairs": 90.5, "single-words": 75 };
const GOAL_SPEED = 10_000;

interface Detector {
  name: string;
  /** ISO 639-1 code (or "und"/"" when the detector gives no answer). */
  detect(text: string): string | Promise<string>;
}

interface Loaded {
  detector: Detector;
  loadSeconds: number;
  loadCpuSeconds: number;
  memoryMB: number;
}

function memoryNow(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.rss / 1e6;
}

async function load(name: string, make: () => Promise<Detector["detect"]>): Promise<Loaded> {
  const before = memoryNow();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const detect = await make();
  await detect("warm up: this loads whatever the detector loads lazily");
  const cpu = process.cpuUsage(cpu0);
  const loadSeconds = (performance.now() - t0) / 1000;
  const loadCpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { detector: { name, detect }, loadSeconds, loadCpuSeconds, memoryMB: Math.max(0, memoryNow() - before) };
}

/** cld3 names a few languages by old or regional codes. */
function normaliseCld3(code: string): string {
  if (code === "iw") return "he";
  if (code.startsWith("zh")) return "zh";
  if (code === "ja-Latn" || code === "und") return "und";
  return code.split("-")[0] as string;
}

async function loadDetectors(): Promise<Loaded[]> {
  const loaded: Loaded[] = [];
  loaded.push(
    await load("rassegna", async () => {
      return (text) => {
        try {
          return detectLanguage(text).code;
        } catch {
          return "error";
        }
      };
    }),
  );
  loaded.push(
    await load("eld large", async () => {
      const { eld } = await import("eld/large");
      return (text) => eld.detect(text).language || "und";
    }),
  );
  loaded.push(
    await load("tinyld heavy", async () => {
      const { detect } = await import("tinyld/heavy");
      return (text) => detect(text) || "und";
    }),
  );
  loaded.push(
    await load("cld3-asm (minBytes 0)", async () => {
      const { loadModule } = await import("cld3-asm");
      const factory = await loadModule();
      const identifier = factory.create(0, 1000);
      return (text) => normaliseCld3(identifier.findLanguage(text).language);
    }),
  );
  const cldPath = process.env.RASSEGNA_BENCH_CLD;
  if (cldPath) {
    loaded.push(
      await load("CLD2 (cld, bestEffort)", async () => {
        const cld = createRequire(`${cldPath.replace(/\/$/, "")}/`)("./") as {
          detect(text: string, options: { bestEffort: boolean }): Promise<{ languages: Array<{ code: string }> }>;
        };
        return async (text) => {
          try {
            const code = (await cld.detect(text, { bestEffort: true })).languages[0]?.code ?? "und";
            return code === "iw" ? "he" : code.startsWith("zh") ? "zh" : code;
          } catch {
            return "und";
          }
        };
      }),
    );
  }
  loaded.push(await load("franc (minLength 1)", async () => (text) => toIso6391(franc(text, { minLength: 1 }))));
  loaded.push(await load("franc (defaults)", async () => (text) => toIso6391(franc(text))));
  return loaded;
}

type Data = Record<Task, Record<string, string[]>>;

function readData(): { languages: string[]; data: Data } {
  const readme = readShared("langid/README.md");
  const languages = [...readme.matchAll(/^\| ([a-z]{2}) \| [A-Z]/gm)].map((m) => m[1] as string);
  const data = {} as Data;
  for (const task of TASKS) {
    data[task] = {};
    for (const code of languages) {
      data[task][code] = readShared(`langid/${task}/${code}.txt`)
        .split("\n")
        .filter((line) => line.length > 0);
    }
  }
  return { languages, data };
}

interface Score {
  /** accuracy per language, in % */
  perLanguage: Record<string, number>;
  macro: number;
  items: number;
  cpuSeconds: number;
}

type Half = "all" | "even" | "odd";

function pick<T>(lines: T[], half: Half): T[] {
  return half === "all" ? lines : lines.filter((_, i) => (i % 2 === 0) === (half === "even"));
}

async function score(
  detector: Detector,
  languages: string[],
  data: Data,
  task: Task,
  half: Half = "all",
): Promise<Score> {
  const perLanguage: Record<string, number> = {};
  let items = 0;
  const cpu0 = process.cpuUsage();
  for (const code of languages) {
    const lines = pick(data[task][code] ?? [], half);
    let right = 0;
    for (const line of lines) {
      const answer = detector.detect(line);
      if ((typeof answer === "string" ? answer : await answer) === code) right++;
    }
    perLanguage[code] = accuracy(right, lines.length);
    items += lines.length;
  }
  const cpu = process.cpuUsage(cpu0);
  const macro = mean(languages.map((code) => perLanguage[code] ?? 0));
  return { perLanguage, macro, items, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** Accuracy of our detector per confidence band, over the three tasks. */
function calibration(languages: string[], data: Data): string {
  const bands = [0, 0.5, 0.8, 0.9, 0.99, 1.0001];
  const counts = bands.slice(1).map(() => ({ n: 0, right: 0, reliable: 0, reliableRight: 0 }));
  for (const task of TASKS) {
    for (const code of languages) {
      for (const line of data[task][code] ?? []) {
        let guess: ReturnType<typeof detectLanguage>;
        try {
          guess = detectLanguage(line);
        } catch {
          continue;
        }
        const band = bands.findIndex((b, i) => guess.confidence >= b && guess.confidence < (bands[i + 1] ?? 2));
        const slot = counts[band];
        if (!slot) continue;
        slot.n++;
        if (guess.code === code) slot.right++;
        if (guess.reliable) {
          slot.reliable++;
          if (guess.code === code) slot.reliableRight++;
        }
      }
    }
  }
  const total = counts.reduce((a, c) => a + c.n, 0);
  const rows = counts.map((c, i) => [
    `[${bands[i]}, ${i === counts.length - 1 ? "1]" : `${bands[i + 1]})`}`,
    c.n,
    fmt((100 * c.n) / total),
    fmt((100 * c.right) / Math.max(1, c.n)),
    c.reliable,
    fmt((100 * c.reliableRight) / Math.max(1, c.reliable)),
  ]);
  return table(
    ["confidence", "answers", "% of answers", "accuracy %", "reliable answers", "accuracy when reliable %"],
    rows,
  );
}

export default async function run(): Promise<string> {
  const { languages, data } = readData();
  const detectors = await loadDetectors();
  const results = new Map<string, Record<Task, Score>>();
  for (const { detector } of detectors) {
    const byTask = {} as Record<Task, Score>;
    for (const task of TASKS) byTask[task] = await score(detector, languages, data, task);
    results.set(detector.name, byTask);
  }
  const ours = results.get("rassegna") as Record<Task, Score>;
  const speed = (s: Score) => s.items / s.cpuSeconds;

  const lines: string[] = [];
  lines.push("## Language identification (`bench/langid.bench.ts`)");
  lines.push("");
  lines.push(
    `Lingua test set (\`shared/bench-data/langid\`), ${languages.length} languages, macro accuracy (mean of per-language accuracy, %). ` +
      "A language a detector lacks counts as wrong; no detector is told which 30 languages to expect. " +
      `Speed: sentences per CPU-second, one thread, on this machine (${machineInfo()}). ` +
      "Load: import and first call, which reads the data (CPU and wall seconds: the wall time grows when other work shares the machine); memory: RSS growth on load (in one process, approximate).",
  );
  lines.push("");
  const header = [
    "detector",
    ...TASKS.map((t) => `${t} (goal ≥ ${GOALS[t]})`),
    `sentences / CPU-s (goal ≥ ${GOAL_SPEED})`,
    "load CPU s",
    "load wall s",
    "memory MB",
  ];
  const rows = detectors.map(({ detector, loadSeconds, loadCpuSeconds, memoryMB }) => {
    const r = results.get(detector.name) as Record<Task, Score>;
    return [
      detector.name,
      ...TASKS.map((t) => fmt(r[t].macro, 2)),
      fmt(speed(r.sentences), 0),
      fmt(loadCpuSeconds, 2),
      fmt(loadSeconds, 2),
      fmt(memoryMB, 0),
    ];
  });
  lines.push(table(header, rows));
  lines.push("");
  lines.push("Ours as a ratio of each peer (accuracy ratio; speed ratio; > 1 is better for us):");
  lines.push("");
  lines.push(
    table(
      ["peer", ...TASKS, "speed"],
      detectors
        .filter(({ detector }) => detector.name !== "rassegna")
        .map(({ detector }) => {
          const r = results.get(detector.name) as Record<Task, Score>;
          return [
            detector.name,
            ...TASKS.map((t) => fmt(ours[t].macro / Math.max(0.01, r[t].macro), 3)),
            fmt(speed(ours.sentences) / speed(r.sentences), 2),
          ];
        }),
    ),
  );
  lines.push("");
  lines.push("Tuning disclosure: our priors were tuned on the even lines of each file; the odd lines were held out.");
  lines.push("");
  const ourDetector = detectors[0]?.detector as Detector;
  const halfRows: Array<Array<string | number>> = [];
  for (const half of ["all", "even", "odd"] as Half[]) {
    const label = half === "all" ? "all lines" : half === "even" ? "even lines (tuning)" : "odd lines (held out)";
    const row: Array<string | number> = [label];
    for (const t of TASKS)
      row.push(fmt(half === "all" ? ours[t].macro : (await score(ourDetector, languages, data, t, half)).macro, 2));
    halfRows.push(row);
  }
  lines.push(table(["rassegna on", ...TASKS], halfRows));
  lines.push("");
  lines.push("Calibration of our `confidence` (all three tasks together):");
  lines.push("");
  lines.push(calibration(languages, data));
  for (const task of TASKS) {
    lines.push("");
    lines.push(`Per language, ${task} (accuracy %):`);
    lines.push("");
    lines.push(
      table(
        ["language", ...detectors.map(({ detector }) => detector.name)],
        languages.map((code) => [
          code,
          ...detectors.map(({ detector }) =>
            fmt((results.get(detector.name) as Record<Task, Score>)[task].perLanguage[code] ?? 0),
          ),
        ]),
      ),
    );
  }
  lines.push("");
  lines.push(
    `Not run here: ${process.env.RASSEGNA_BENCH_CLD ? "" : "CLD2 (`cld`: set RASSEGNA_BENCH_CLD, see the file's header), "}fastText lid.176 (model download) and lingua (\`@bluzzi/lingua\`, 930 MB): see the issue's table for their figures on the same data.`,
  );
  return lines.join("\n");
}

if (isMain(import.meta.url)) {
  writeResult("langid", await run());
}
