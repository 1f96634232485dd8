/**
 * Shared helpers of the benchmarks. Each `*.bench.ts` exports a default function that runs
 * the benchmark and returns a markdown section; run directly, it also writes
 * `bench/results/<name>.md`. `pnpm bench` (bench/index.ts) runs them all into one report.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const benchDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(benchDir, "..");
/** Public benchmark data, read in place: never copied into the repository. */
export const sharedDataDir = process.env.RASSEGNA_SHARED_DIR
  ? join(process.env.RASSEGNA_SHARED_DIR, "bench-data")
  : join(repoRoot, "..", "shared", "bench-data");

/** Reads a file of the shared benchmark data, or throws a clear error when it is not there. */
export function readShared(relative: string): string {
  const path = join(sharedDataDir, relative);
  if (!existsSync(path)) {
    throw new Error(
      `Benchmark data ${path} is missing: put the shared folder beside the repository or set RASSEGNA_SHARED_DIR.`,
    );
  }
  return readFileSync(path, "utf8");
}

/** One line describing the machine, for the report. */
export function machineInfo(): string {
  const cpu = cpus();
  return `${cpu[0]?.model ?? "unknown CPU"} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
}

/** CPU seconds (user + system) spent by this process while `fn` runs, and wall seconds. */
export async function measure<T>(
  fn: () => T | Promise<T>,
): Promise<{ result: T; cpuSeconds: number; wallSeconds: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const wallSeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { result, cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds };
}

/** A markdown table from a header and rows. */
export function table(header: string[], rows: Array<Array<string | number>>, align?: Array<"l" | "r">): string {
  const sep = header.map((_, i) => ((align?.[i] ?? (i === 0 ? "l" : "r")) === "r" ? "---:" : "---"));
  const line = (cells: Array<string | number>) => `| ${cells.join(" | ")} |`;
  return [line(header), line(sep), ...rows.map(line)].join("\n");
}

/** Formats a number with a fixed number of decimals. */
export function fmt(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "–";
}

/** Writes `bench/results/<name>.md` and prints it. */
export function writeResult(name: string, markdown: string): string {
  const dir = join(benchDir, "results");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.md`);
  writeFileSync(path, `${markdown.trim()}\n`);
  process.stdout.write(`${markdown.trim()}\n\nwritten to ${path}\n`);
  return path;
}

/** True when the module at `url` is the script node was started with. */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && fileURLToPath(url) === process.argv[1];
}

/**
 * One benchmark's section of the report: its title as the heading, the command (and `note`),
 * then what the benchmark wrote, without the heading it starts with when run alone (else the
 * report would show two headings in a row).
 */
export function reportSection(title: string, command: string, note: string, body: string): string {
  const text = body.trim().replace(/^## [^\n]*\n+/, "");
  return `## ${title}\n\n_Command: \`${command}\`${note}._\n\n${text}`;
}
