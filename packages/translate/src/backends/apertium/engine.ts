import { RassegnaError, throwIfAborted } from "@rassegna/core";

import { type EngineStats, PartialBatchError, type SentenceEngine, STAGE } from "../../engine.js";
import { normalizeLanguage } from "../../registry.js";
import {
  englishNameSpans,
  hyphenNameSpans,
  NEWS_LEXICON,
  termSpans,
  withoutCountryArticles,
  withoutPivotLeftovers,
} from "./glossary.js";
import {
  analyserInput,
  foreignQuoteSpans,
  lexiconSpans,
  lowerAfterLeadingName,
  mergeSpans,
  nameSpans,
  parseAnalyses,
  type ShieldSpan,
  shield,
  unshield,
} from "./names.js";
import { acquireProcess, type NullFlushProcess, releaseProcess } from "./null-flush.js";
import { linesToStream, streamToText } from "./stream-format.js";

/** The Debian command that installs what the Italian pivot needs. */
export const APERTIUM_APT_COMMAND =
  "sudo apt-get install apertium apertium-spa-ita apertium-eng-spa apertium-fr-es apertium-es-pt cg3";

/** Default time budget of one sentence; a batch gets it once plus a twentieth of it per sentence. */
export const DEFAULT_SEGMENT_TIMEOUT_MS = 10_000;

export interface ApertiumOptions {
  /** The `apertium` executable (default: found on PATH), used to list the installed modes. */
  binary?: string;
  /**
   * Keep people's names as they are (default true): the source language's analyser finds
   * them and Apertium is not given them to translate ("Enrico Letta" is not "Enrico Read").
   */
  keepNames?: boolean;
  /**
   * Time budget of one sentence in milliseconds (default 10,000; a batch of n sentences gets
   * `t + n·t/20`). A chain that does not answer in time is killed and restarted, the batch's
   * sentences are sent again one by one, and a sentence that runs out of time alone fails
   * with `TIMEOUT` (its article gets the error, the other articles go on).
   */
  segmentTimeoutMs?: number;
}

function quote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** One mode of a chain: its first program (the analyser) apart from the rest, when it can be. */
export interface ApertiumModeSpec {
  mode: string;
  /**
   * The mode's morphological analyser (its first program, \`lt-proc -z … automorf.bin\`) as a
   * command of its own. The name finder reads its analyses too, so that each source
   * language's dictionary is loaded once, not twice.
   */
  analyser?: string | undefined;
  /** The rest of the mode's pipeline in null-flush mode (all of it when \`analyser\` is not apart). */
  script: string;
}

/** What an {@link ApertiumEngine} runs: the modes in order, and how people's names are found. */
export interface ApertiumChainSpec {
  modes: ApertiumModeSpec[];
  /** Keep people's names as written (default true). */
  keepNames?: boolean;
  /**
   * The source analyser's dictionary (\`…automorf.bin\`), run on its own for the names when the
   * first mode's analyser could not be taken apart.
   */
  analyser?: string | undefined;
}

/** A mode's processes: its analyser (when apart) and the rest of its pipeline. */
interface ModeProcesses {
  analyser: NullFlushProcess | undefined;
  rest: NullFlushProcess;
}

/**
 * Apertium (rule-based) engine. Each mode of the chain (ita-spa, then spa-eng) runs as two
 * long-lived pipelines of programs in null-flush mode: its analyser, then the rest (tagger,
 * transfer, generator), fed batch after batch (one sentence a line) and shared by every
 * engine of the process (Italian, French and Portuguese all pivot through one spa-eng). The
 * first mode's analyser also tells which words are people's names. They start when the engine
 * is made (\`start()\`); \`close()\` gives them back, and the last user stops them.
 */
export class ApertiumEngine implements SentenceEngine {
  readonly engine = "apertium" as const;
  readonly model: string;
  readonly key: string;
  /** Apertium has no input limit: sentences are never split for it. */
  readonly maxInputTokens = Number.POSITIVE_INFINITY;
  readonly stats: EngineStats = { calls: 0, sentences: 0, generatedTokens: 0 };
  readonly #modes: ModeProcesses[];
  /** The process whose analyses find names (the first mode's analyser), when names are kept. */
  readonly #names: NullFlushProcess | undefined;
  /** The source is Italian: the news lexicon applies. */
  readonly #italian: boolean;
  readonly #english: boolean;
  readonly #segmentMs: number;
  #closed = false;

  constructor(spec: ApertiumChainSpec, options: ApertiumOptions = {}) {
    const modes = spec.modes.map((m) => m.mode);
    this.model = `apertium:${modes.join("+")}`;
    this.key = this.model;
    this.#italian = normalizeLanguage(modes[0]?.split("-")[0] ?? "") === "it";
    this.#english = normalizeLanguage(modes[modes.length - 1]?.split("-")[1] ?? "") === "en";
    this.#segmentMs = options.segmentTimeoutMs ?? DEFAULT_SEGMENT_TIMEOUT_MS;
    // A chain's first answer waits for its programs to load their dictionaries.
    const common = {
      hint: `Check the installation with \`apertium -l\`, or reinstall: \`${APERTIUM_APT_COMMAND}\`.`,
      stage: STAGE,
      startupMs: 2 * this.#segmentMs,
    };
    this.#modes = spec.modes.map(({ mode, analyser, script }) => ({
      analyser:
        analyser === undefined
          ? undefined
          : acquireProcess({ script: analyser, label: `the analyser of apertium ${mode}`, ...common }),
      // "-n": unknown words unmarked (what \`apertium -u\` asks of the generator).
      rest: acquireProcess({ script, args: ["-n", ""], label: `apertium ${mode}`, ...common }),
    }));
    const first = this.#modes[0]?.analyser;
    this.#names =
      spec.keepNames === false
        ? undefined
        : (first ??
          (spec.analyser === undefined
            ? undefined
            : acquireProcess({
                script: `exec lt-proc -w -z ${quote(spec.analyser)}`,
                label: `the name analyser of ${modes[0]}`,
                ...common,
              })));
  }

  /** Every process of the engine, each once. */
  get #processes(): NullFlushProcess[] {
    const all = this.#modes.flatMap((m) => (m.analyser ? [m.analyser, m.rest] : [m.rest]));
    return [...new Set(this.#names ? [this.#names, ...all] : all)];
  }

  /** How many times the engine's processes were started (restarts after a failure included). */
  get chainStarts(): number {
    return this.#processes.reduce((sum, p) => sum + p.starts, 0);
  }

  /** The process group ids of the engine's running processes. */
  get chainPids(): number[] {
    return this.#processes.flatMap((p) => (p.pid === undefined ? [] : [p.pid]));
  }

  countTokens(text: string): number {
    return text.split(/\s+/).filter(Boolean).length;
  }

  /**
   * Starts every program of the chain (and the name analyser) now, so that they load their
   * dictionaries side by side while the caller goes on; the first batch would start them anyway.
   */
  start(): void {
    if (this.#closed) return;
    for (const process of this.#processes) process.start();
  }

  /** A request's time budget (a chain's first answer gets more: see \`startupMs\`). */
  #budget(segments: number): number {
    return this.#segmentMs + (segments * this.#segmentMs) / 20;
  }

  /**
   * A request, sent again once when the chain died under it (killed from outside, or it
   * crashed): the second goes to a fresh chain. A request that kills the chain again fails.
   */
  async #ask(process: NullFlushProcess, input: string, budget: number, signal?: AbortSignal): Promise<string> {
    try {
      return await process.request(input, budget, signal);
    } catch (error) {
      if (!(error instanceof RassegnaError) || error.code !== "STAGE_FAILED" || this.#closed) throw error;
      return process.request(input, budget, signal);
    }
  }

  /** Lines through the chain: one output line per input line, or undefined when they do not match. */
  async #translateLines(lines: readonly string[], signal?: AbortSignal): Promise<string[] | undefined> {
    // Each mode's output (stream format, ending in a blank) is the next mode's input.
    let output = linesToStream(lines);
    const budget = this.#budget(lines.length);
    for (const { analyser, rest } of this.#modes) {
      if (analyser) output = await this.#ask(analyser, output, budget, signal);
      output = await this.#ask(rest, output, budget, signal);
    }
    this.stats.calls++;
    const translated = streamToText(output).replace(/\n$/, "").split("\n");
    if (lines.length === 1) return [translated.join(" ").trim()];
    return translated.length === lines.length ? translated.map((line) => line.trim()) : undefined;
  }

  /**
   * Lines through the chain. When the batch fails (a chain that hangs or dies) or its lines do
   * not come back one for one, each line is sent again alone, on a fresh chain after a failure:
   * no sentence is lost, and one that fails alone gets its own error.
   */
  async #translateAll(lines: readonly string[], signal?: AbortSignal): Promise<Array<string | RassegnaError>> {
    try {
      const whole = await this.#translateLines(lines, signal);
      if (whole) return whole;
    } catch (error) {
      if (!(error instanceof RassegnaError) || error.code === "ABORTED" || lines.length === 1) throw error;
    }
    const out: Array<string | RassegnaError> = [];
    for (const line of lines) {
      throwIfAborted(signal, STAGE);
      try {
        out.push((await this.#translateLines([line], signal))?.[0] ?? "");
      } catch (error) {
        if (!(error instanceof RassegnaError) || error.code === "ABORTED") throw error;
        out.push(error);
      }
    }
    return out;
  }

  async translateBatch(texts: readonly string[], signal?: AbortSignal): Promise<string[]> {
    throwIfAborted(signal, STAGE);
    if (this.#closed) {
      throw new RassegnaError("STAGE_FAILED", `${STAGE}: the ${this.model} engine was closed.`, {
        stage: STAGE,
        hint: "Create a new translator.",
      });
    }
    if (texts.length === 0) return [];
    // One sentence a line: a line break inside one would shift every later line.
    const flat = texts.map((t) => t.replace(/[\r\n\u2028\u2029]+/g, " "));
    const shielded = await this.#shieldNames(flat, signal);
    const raw = await this.#translateAll(
      shielded.map((s) => s.text),
      signal,
    );
    const results = raw.map((line, i) => {
      if (line instanceof RassegnaError) return line;
      const { text, names } = shielded[i] as { text: string; names: Map<string, string> };
      // Apertium leaves two spaces where it drops a clitic ("is strengthening  on", "strengthens  .").
      const translated = unshield(lowerAfterLeadingName(text, line), names).replace(/ {2,}/g, " ");
      if (!this.#english) return translated;
      const english = withoutCountryArticles(translated.replace(/ +([.,;:!?])(?=\s|$)/g, "$1"));
      return this.#modes.length > 1 ? withoutPivotLeftovers(english) : english;
    });
    this.stats.sentences += texts.length;
    for (const r of results) if (typeof r === "string") this.stats.generatedTokens += this.countTokens(r);
    if (results.some((r) => r instanceof RassegnaError)) throw new PartialBatchError(results);
    return results as string[];
  }

  /**
   * The lines with names swapped for placeholders: known places and organisations (given
   * back in English) and, when the analyser is there, people's names (given back as written).
   */
  async #shieldNames(
    lines: readonly string[],
    signal?: AbortSignal,
  ): Promise<Array<{ text: string; names: Map<string, string> }>> {
    // Terms of the Italian news glossary first (longest), then hyphenated names, then known places.
    const known = lines.map((line) => {
      const terms: ShieldSpan[] = this.#italian ? termSpans(line) : [];
      return mergeSpans(mergeSpans(terms, hyphenNameSpans(line)), englishNameSpans(line));
    });
    let quotes: ShieldSpan[][] = lines.map(() => []);
    let people: ShieldSpan[][] = lines.map(() => []);
    let words: ShieldSpan[][] = lines.map(() => []);
    if (this.#names) {
      // Without the analyser's answer (it failed, or was too slow) names are translated like words.
      const output = await this.#ask(this.#names, analyserInput(lines), this.#budget(lines.length), signal).catch(
        (error: unknown) => {
          if (error instanceof RassegnaError && error.code === "ABORTED") throw error;
          return undefined;
        },
      );
      const analysed = output === undefined ? [] : parseAnalyses(output);
      if (analysed.length === lines.length) {
        people = lines.map((line, i) => nameSpans(line, analysed[i] ?? []));
        // Quotations in another language (English) pass through as written.
        quotes = lines.map((line, i) => foreignQuoteSpans(line, analysed[i] ?? []));
        // News words the Italian dictionary lacks ("bombardieri", "esercitazioni").
        if (this.#italian) words = lines.map((line, i) => lexiconSpans(line, analysed[i] ?? [], NEWS_LEXICON));
      }
    }
    return lines.map((line, i) =>
      shield(
        line,
        mergeSpans(mergeSpans(mergeSpans(quotes[i] ?? [], known[i] ?? []), people[i] ?? []), words[i] ?? []),
      ),
    );
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(
      [
        ...this.#modes.flatMap((m) => (m.analyser ? [m.analyser, m.rest] : [m.rest])),
        ...(this.#names && this.#names !== this.#modes[0]?.analyser ? [this.#names] : []),
      ].map(releaseProcess),
    );
  }
}
