import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { RassegnaError, throwIfAborted } from "@rassegna/core";

import type { EngineStats, SentenceEngine } from "./engine.js";
import { englishNameSpans, withoutCountryArticles } from "./glossary.js";
import {
  analyserInput,
  lexiconSpans,
  lowerAfterLeadingName,
  mergeSpans,
  nameSpans,
  parseAnalyses,
  type ShieldSpan,
  shield,
  unshield,
} from "./names.js";
import { NEWS_LEXICON } from "./news-lexicon.js";
import { normalizeLanguage } from "./registry.js";

const STAGE = "translate";

/** The Debian command that installs what the Italian pivot needs. */
export const APERTIUM_APT_COMMAND =
  "sudo apt-get install apertium apertium-spa-ita apertium-eng-spa apertium-fr-es apertium-es-pt cg3";

export interface ApertiumOptions {
  /** The `apertium` executable (default: found on PATH). */
  binary?: string;
  /**
   * Keep people's names as they are (default true): the source language's analyser finds
   * them and Apertium is not given them to translate ("Enrico Letta" is not "Enrico Read").
   */
  keepNames?: boolean;
}

/** Where Debian and a local build install Apertium's mode files. */
const MODE_DIRS = ["/usr/share/apertium/modes", "/usr/local/share/apertium/modes"];

/**
 * The morphological analyser of a mode (the `lt-proc -w …automorf.bin` it starts with), or
 * undefined when its mode file cannot be read: names are then translated like other words.
 */
async function findAnalyser(mode: string): Promise<string | undefined> {
  for (const dir of MODE_DIRS) {
    try {
      const pipeline = await readFile(join(dir, `${mode}.mode`), "utf8");
      const match = /lt-proc\s+(?:-\w+\s+)*'?([^'\s|]+automorf\.bin)'?/.exec(pipeline);
      if (match) return match[1];
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(binary: string, args: string[], signal?: AbortSignal): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // No input on stdin: Node gives a child a socket there, which apertium cannot open as /dev/stdin.
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"], ...(signal ? { signal } : {}) });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
    );
  });
}

/** Runs a program with `input` on its stdin (lt-proc reads a pipe, unlike apertium). */
function runWithInput(binary: string, args: string[], input: string, signal?: AbortSignal): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ["pipe", "pipe", "pipe"], ...(signal ? { signal } : {}) });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.stdin.on("error", () => {});
    child.on("close", (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
    );
    child.stdin.end(input);
  });
}

/** The translation modes the installed Apertium offers (`apertium -l`), e.g. "ita-spa". */
export async function listApertiumModes(options: ApertiumOptions = {}): Promise<string[]> {
  const binary = options.binary ?? "apertium";
  let result: RunResult;
  try {
    result = await run(binary, ["-l"]);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new RassegnaError(
      "MODEL_UNAVAILABLE",
      missing
        ? `${STAGE}: the Apertium engine needs the \`${binary}\` program, which is not installed.`
        : `${STAGE}: could not run \`${binary} -l\`: ${(error as Error).message}.`,
      { stage: STAGE, hint: `Install it with \`${APERTIUM_APT_COMMAND}\`.`, cause: error },
    );
  }
  return result.stdout
    .split(/\s+/)
    .map((m) => m.trim())
    .filter((m) => /^[a-z]{2,3}(_\w+)?-[a-z]{2,3}(_\w+)?$/.test(m));
}

/**
 * The chain of modes that translates `from` → `to`: the direct mode, or two modes through a
 * pivot language (Debian has no Italian–English pair: ita-spa then spa-eng; French and
 * Portuguese go fr-es / pt-es then spa-eng). Debian names modes with both two- and
 * three-letter codes ("ita-spa", "fr-es") and adds variants ("spa-eng_US"): modes are
 * indexed by language pair, plain names first.
 */
export function apertiumChain(from: string, to: string, modes: readonly string[]): string[] | undefined {
  const f = normalizeLanguage(from);
  const t = normalizeLanguage(to);
  const byPair = new Map<string, string>();
  const plainFirst = [...modes].sort((a, b) => Number(a.includes("_")) - Number(b.includes("_")));
  for (const mode of plainFirst) {
    const parts = mode.split("-");
    if (parts.length !== 2) continue;
    const key = `${normalizeLanguage(parts[0] as string)}>${normalizeLanguage(parts[1] as string)}`;
    if (!byPair.has(key)) byPair.set(key, mode);
  }
  const direct = byPair.get(`${f}>${t}`);
  if (direct) return [direct];
  // Prefer Spanish as the pivot: it is the best-covered language of Apertium.
  const pivots = new Set(["es", ...[...byPair.keys()].map((key) => key.split(">")[1] as string)]);
  for (const p of pivots) {
    if (p === f || p === t) continue;
    const first = byPair.get(`${f}>${p}`);
    const second = byPair.get(`${p}>${t}`);
    if (first && second) return [first, second];
  }
  return undefined;
}

/** Apertium (rule-based) engine: one process chain per batch, one sentence a line. */
export class ApertiumEngine implements SentenceEngine {
  readonly engine = "apertium" as const;
  readonly model: string;
  readonly key: string;
  /** Apertium has no input limit: sentences are never split for it. */
  readonly maxInputTokens = Number.POSITIVE_INFINITY;
  readonly stats: EngineStats = { calls: 0, sentences: 0, generatedTokens: 0 };
  readonly #binary: string;
  readonly #chain: string[];
  /** The first mode's analyser, when names are kept. */
  readonly #analyser: string | undefined;
  /** The source is Italian: the news lexicon applies. */
  readonly #italian: boolean;

  constructor(chain: string[], options: ApertiumOptions = {}, analyser?: string) {
    this.#chain = chain;
    this.#binary = options.binary ?? "apertium";
    this.#analyser = analyser;
    this.#italian = normalizeLanguage(chain[0]?.split("-")[0] ?? "") === "it";
    this.model = `apertium:${chain.join("+")}`;
    this.key = this.model;
  }

  countTokens(text: string): number {
    return text.split(/\s+/).filter(Boolean).length;
  }

  async #runChain(input: string, signal?: AbortSignal): Promise<string> {
    let text = input;
    const dir = await mkdtemp(join(tmpdir(), "rassegna-apertium-"));
    try {
      for (const mode of this.#chain) text = await this.#runMode(mode, text, dir, signal);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return text;
  }

  async #runMode(mode: string, text: string, dir: string, signal?: AbortSignal): Promise<string> {
    const input = join(dir, "input.txt");
    await writeFile(input, text, "utf8");
    const result = await run(this.#binary, ["-u", mode, input], signal);
    // apertium prints its usage and exits 0 on some errors: an output-less run with stderr fails too.
    if (result.code !== 0 || (result.stdout === "" && result.stderr.trim() !== "")) {
      throw new RassegnaError(
        "STAGE_FAILED",
        `${STAGE}: \`${this.#binary} -u ${mode}\` failed (exit ${result.code}): ${result.stderr.trim().split("\n")[0] ?? ""}`,
        {
          stage: STAGE,
          hint: `Check the installation with \`${this.#binary} -l\`, or reinstall: \`${APERTIUM_APT_COMMAND}\`.`,
        },
      );
    }
    return result.stdout;
  }

  async translateBatch(texts: readonly string[], signal?: AbortSignal): Promise<string[]> {
    throwIfAborted(signal, STAGE);
    if (texts.length === 0) return [];
    // Apertium keeps line breaks: one sentence a line maps outputs back to inputs.
    const flat = texts.map((t) => t.replace(/[\r\n\u2028\u2029]+/g, " "));
    const shielded = await this.#shieldNames(flat, signal);
    const lines = shielded.map((s) => s.text);
    const output = (await this.#runChain(`${lines.join("\n")}\n`, signal)).replace(/\n$/, "").split("\n");
    this.stats.calls++;
    let raw: string[];
    if (output.length === lines.length) {
      raw = output.map((line) => line.trim());
    } else {
      // A line count that does not match: translate one at a time rather than misalign.
      raw = [];
      for (const line of lines) raw.push((await this.#runChain(`${line}\n`, signal)).trim());
    }
    const english = normalizeLanguage(this.#chain[this.#chain.length - 1]?.split("-")[1] ?? "") === "en";
    const results = raw.map((line, i) => {
      const { text, names } = shielded[i] as { text: string; names: Map<string, string> };
      // Apertium leaves two spaces where it drops a clitic ("is strengthening  on", "strengthens  .").
      const translated = unshield(lowerAfterLeadingName(text, line), names).replace(/ {2,}/g, " ");
      return english ? withoutCountryArticles(translated.replace(/ +([.,;:!?])(?=\s|$)/g, "$1")) : translated;
    });
    this.stats.sentences += texts.length;
    for (const r of results) this.stats.generatedTokens += this.countTokens(r);
    return results;
  }

  /**
   * The lines with names swapped for placeholders: known places and organisations (given
   * back in English) and, when the analyser is there, people's names (given back as written).
   */
  async #shieldNames(
    lines: readonly string[],
    signal?: AbortSignal,
  ): Promise<Array<{ text: string; names: Map<string, string> }>> {
    const known = lines.map((line) => englishNameSpans(line));
    let people: ShieldSpan[][] = lines.map(() => []);
    let words: ShieldSpan[][] = lines.map(() => []);
    if (this.#analyser) {
      const result = await runWithInput("lt-proc", ["-w", this.#analyser], analyserInput(lines), signal).catch(
        () => undefined,
      );
      const analysed = result?.code === 0 ? parseAnalyses(result.stdout) : [];
      if (analysed.length === lines.length) {
        people = lines.map((line, i) => nameSpans(line, analysed[i] ?? []));
        // News words the Italian dictionary lacks ("bombardieri", "esercitazioni").
        if (this.#italian) words = lines.map((line, i) => lexiconSpans(line, analysed[i] ?? [], NEWS_LEXICON));
      }
    }
    return lines.map((line, i) =>
      shield(line, mergeSpans(mergeSpans(known[i] ?? [], people[i] ?? []), words[i] ?? [])),
    );
  }

  async close(): Promise<void> {}
}

/**
 * Creates the Apertium engine for a pair, or throws `MODEL_UNAVAILABLE` naming what is
 * missing (the program or the pair) and the apt command that installs it.
 */
export async function createApertiumEngine(
  from: string,
  to: string,
  options: ApertiumOptions = {},
): Promise<ApertiumEngine> {
  const modes = await listApertiumModes(options);
  const chain = apertiumChain(from, to, modes);
  if (!chain) {
    const f = normalizeLanguage(from);
    const t = normalizeLanguage(to);
    const hint =
      f === "it" && t === "en"
        ? `Install the pairs with \`${APERTIUM_APT_COMMAND}\`.`
        : "Install the Debian package of the pair (`apt-cache search apertium-` lists them), e.g. apertium-eng-spa.";
    throw new RassegnaError(
      "MODEL_UNAVAILABLE",
      `${STAGE}: Apertium has no mode for ${f}→${t}, directly or through a pivot language. Installed modes: ${modes.join(", ") || "none"}.`,
      { stage: STAGE, hint },
    );
  }
  const analyser = options.keepNames === false ? undefined : await findAnalyser(chain[0] as string);
  return new ApertiumEngine(chain, options, analyser);
}
