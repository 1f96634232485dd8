import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import type { Readable, Writable } from "node:stream";

import type { Analysis, Stage, StageError, StageWarning } from "@rassegna/core";
import { createPipeline, type Pipeline } from "@rassegna/pipeline";
import type { SkippedFile } from "@rassegna/sources";
import type { DefaultStageName, PipelineInput, StageFactory } from "rassegna";

import { type InputItem, readInputs } from "./inputs.js";
import { modelsCommand } from "./models.js";
import { assertSafeOutput, openSink, recordLine, writeFileAtomic } from "./output.js";
import { createProgress, type Progress } from "./progress.js";
import { distributedRun, queueCommand, workerCommand } from "./queue.js";
import { readReportRecords, renderReportHtml } from "./report/index.js";
import {
  CLEAN,
  COMMANDS,
  type CommandName,
  type Flags,
  HELP,
  INTERRUPTED,
  modelSettings,
  parseCommand,
  parseConcurrency,
  parseEngine,
  parseLanguage,
  parseLanguages,
  parseList,
  say,
  USAGE,
  UsageError,
  WITH_ERRORS,
} from "./usage.js";

/** Where the command reads and writes: the process's streams, or test doubles. */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
  /** Paths are taken relative to it (default: `process.cwd()`). */
  cwd?: string;
  /** Cancels the run (Ctrl-C): the command stops reading and exits with 130. */
  signal?: AbortSignal;
}

/** Options for embedding the command, e.g. with stages of one's own. */
export interface CliOptions {
  /** Stage factories used instead of the packages' own. */
  factories?: Partial<Record<DefaultStageName, StageFactory>>;
}

type ArticleCommand = "detect" | "translate" | "entities" | "stance" | "run";

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs the `rassegna` command with `argv` (without `node` and the script) and returns the
 * exit status: 0 when every record is clean, 1 when some record carries errors, 2 for bad
 * usage. Nothing but JSON Lines goes to `io.stdout` from the article commands.
 */
export async function runCli(argv: readonly string[], io: CliIo, options: CliOptions = {}): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    const topic = command === "help" ? args[0] : undefined;
    if (topic !== undefined && !(COMMANDS as readonly string[]).includes(topic)) {
      say(io.stderr, `rassegna: unknown command "${topic}".\n\n${HELP.main}`);
      return USAGE;
    }
    if (command === undefined) {
      say(io.stderr, HELP.main);
      return USAGE;
    }
    say(io.stdout, HELP[(topic as CommandName | undefined) ?? "main"]);
    return CLEAN;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    say(io.stderr, `rassegna: unknown command "${command}". Commands: ${COMMANDS.join(", ")}.`);
    return USAGE;
  }
  const name = command as CommandName;
  try {
    const { flags, positionals } = parseCommand(name, [...args]);
    if (flags.help) {
      say(io.stdout, HELP[name]);
      return CLEAN;
    }
    const cwd = io.cwd ?? process.cwd();
    if (name === "models") return await modelsCommand(positionals, flags, io, cwd);
    if (name === "report") return await reportCommand(positionals, flags, io, cwd);
    if (name === "queue") return await queueCommand(positionals, flags, io);
    if (name === "worker") {
      if (positionals.length > 0) throw new UsageError(`rassegna worker: takes no files (${positionals.join(" ")}).`);
      return await workerCommand(flags, io, modelSettings(flags), options.factories ?? {});
    }
    return await articleCommand(name, positionals, flags, io, cwd, options);
  } catch (error) {
    if (error instanceof UsageError) {
      say(io.stderr, `${error.message}\nRun \`rassegna ${name} --help\` for the options.`);
      return USAGE;
    }
    say(io.stderr, `rassegna ${name}: ${messageOf(error)}`);
    return WITH_ERRORS;
  }
}

/** The stages of an article command, from its flags. */
function commandStages(
  command: Exclude<ArticleCommand, "run">,
  flags: Flags,
  factory: (name: DefaultStageName) => StageFactory,
): Stage[] {
  const settings = modelSettings(flags);
  const languages = parseLanguages(flags.languages, command);
  const language = (options: Record<string, unknown> = {}) =>
    factory("language")({ ...(languages ? { languages } : {}), ...options });
  switch (command) {
    case "detect":
      return [language()];
    case "translate": {
      const engine = parseEngine(flags.engine, command);
      return [
        language(),
        factory("translate")({
          ...settings,
          ...(engine === undefined ? {} : { engines: [engine] }),
          ...(flags.to === undefined ? {} : { to: flags.to }),
        }),
      ];
    }
    case "entities":
      return [
        language(),
        factory("entities")({ ...settings, ...(flags.language ? { language: flags.language } : {}) }),
      ];
    case "stance": {
      const targets = parseList(flags.targets);
      return [
        language(),
        factory("stance")({
          ...settings,
          ...(targets ? { targets } : {}),
          ...(flags.language ? { language: flags.language } : {}),
        }),
      ];
    }
  }
}

/** Warns once per kind of trouble that will repeat on every record (a missing model). */
class Warnings {
  private seen = new Set<string>();

  constructor(
    private readonly stderr: Writable,
    private readonly progress: Progress,
  ) {}

  /** Says once per kind what records carry: errors (exit status 1) and warnings (no change). */
  check(doc: Analysis): void {
    for (const error of doc.errors) {
      if (error.code === "MODEL_UNAVAILABLE") {
        this.once(`${error.stage}:model`, `${error.message} (each affected record says so in "errors")`);
      }
    }
    for (const warning of doc.warnings ?? []) {
      this.once(
        `${warning.stage}:${warning.code}`,
        `${warning.message} (each affected record says so in "warnings"; warnings do not change the exit status)`,
      );
    }
  }

  private once(key: string, message: string): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.progress.interrupt(() => say(this.stderr, `rassegna: warning: ${message}`));
  }
}

async function articleCommand(
  command: ArticleCommand,
  paths: string[],
  flags: Flags,
  io: CliIo,
  cwd: string,
  options: CliOptions,
): Promise<number> {
  const concurrency = parseConcurrency(flags.concurrency, command);
  const hint =
    command === "translate"
      ? parseLanguage(flags.from, "--from", command)
      : parseLanguage(flags.language, "--language", command);
  if (command === "translate" && flags.to !== undefined) parseLanguage(flags.to, "--to", command);
  const engine = parseEngine(flags.engine, command);
  if (command === "run" && flags.redis === undefined && (flags.queue ?? flags.stages ?? flags.route) !== undefined) {
    throw new UsageError("rassegna run: --queue, --stages and --route go with --redis URL.");
  }
  // The stage packages load models' code: import them only when a command needs them, so
  // that --help and usage errors answer at once.
  const { createDefaultPipeline, stageFactory } = await import("rassegna");
  const factory = (name: DefaultStageName) => options.factories?.[name] ?? stageFactory(name);

  const controller = new AbortController();
  const onAbort = () => controller.abort(io.signal?.reason);
  io.signal?.addEventListener("abort", onAbort, { once: true });
  let progress: Progress | undefined;
  const pipelineOptions = {
    ...(concurrency === undefined ? {} : { concurrency }),
    signal: controller.signal,
    onProgress: (event: Parameters<Progress["onEvent"]>[0]) => progress?.onEvent(event),
  };
  let pipeline: Pick<Pipeline, "stream" | "close">;
  try {
    if (command === "run" && flags.redis !== undefined) {
      pipeline = await distributedRun(flags, { ...pipelineOptions, stderr: io.stderr });
    } else if (command === "run") {
      const targets = parseList(flags.targets);
      const languages = parseLanguages(flags.languages, command);
      pipeline = createDefaultPipeline({
        ...pipelineOptions,
        ...(languages ? { languages } : {}),
        ...modelSettings(flags),
        ...(targets ? { targets } : {}),
        ...(engine === undefined ? {} : { engines: [engine] }),
        factories: Object.fromEntries(
          (["language", "translate", "entities", "stance"] as const).map((name) => [name, factory(name)]),
        ),
      });
    } else {
      pipeline = createPipeline({ ...pipelineOptions, stages: commandStages(command, flags, factory) });
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // A stage that cannot be set up (not built, bad option): say so, produce nothing.
    say(io.stderr, `rassegna ${command}: cannot start: ${messageOf(error)}`);
    io.signal?.removeEventListener("abort", onAbort);
    return USAGE;
  }

  const sink = await (async () => {
    if (flags.out !== undefined) await assertSafeOutput(flags.out, paths, cwd);
    return openSink(flags.out, io.stdout, cwd);
  })().catch(async (error: unknown) => {
    io.signal?.removeEventListener("abort", onAbort);
    await pipeline.close().catch(() => {});
    throw new UsageError(`rassegna ${command}: cannot write --out ${flags.out}: ${messageOf(error)}`);
  });
  if (paths.length === 0 && (io.stdin as { isTTY?: boolean }).isTTY) {
    say(io.stderr, `rassegna ${command}: reading the article from the terminal; end it with Ctrl-D.`);
  }
  // Files of a folder that are not articles (README, code…): said once, at the end.
  const skipped: SkippedFile[] = [];
  const inputs = readInputs({
    paths,
    jsonl: flags.jsonl === true,
    stdin: io.stdin,
    cwd,
    language: hint,
    fetch: flags.fetch === true,
    onSkip: (file) => skipped.push(file),
  });
  // Inputs that could not be read or parsed: their record gets that error instead.
  const unreadable = new Map<number, StageError>();
  // Notes from reading (a file decoded from a legacy encoding): added to that record's warnings.
  const readNotes = new Map<number, StageWarning>();
  let read = 0;
  // What was read is checked by the pipeline: a value that is not an article becomes an INVALID_INPUT record.
  async function* articles(): AsyncGenerator<PipelineInput> {
    for await (const item of inputs as AsyncIterable<InputItem>) {
      if (item.error) unreadable.set(read, item.error);
      if (item.warning) readNotes.set(read, item.warning);
      read++;
      yield item.article as PipelineInput;
    }
  }

  progress = createProgress(io.stderr);
  const warnings = new Warnings(io.stderr, progress);
  let written = 0;
  let withErrors = 0;
  let status = CLEAN;
  let complete = false;
  try {
    for await (const doc of pipeline.stream(articles())) {
      const error = unreadable.get(written);
      if (error) {
        unreadable.delete(written);
        doc.errors = [error];
      }
      const note = readNotes.get(written);
      if (note) {
        readNotes.delete(written);
        doc.warnings = [note, ...(doc.warnings ?? [])];
      }
      written++;
      if (doc.errors.length > 0) withErrors++;
      warnings.check(doc);
      await sink.write(recordLine(doc));
    }
    status = withErrors > 0 ? WITH_ERRORS : CLEAN;
    complete = true;
  } catch (error) {
    progress.stop();
    if ((error as NodeJS.ErrnoException).code === "EPIPE") {
      // The reader went away (`| head`): what it wanted was written; stop quietly.
      status = withErrors > 0 ? WITH_ERRORS : CLEAN;
    } else if (controller.signal.aborted) {
      say(io.stderr, `rassegna ${command}: interrupted after ${written} records.`);
      status = INTERRUPTED;
    } else {
      say(io.stderr, `rassegna ${command}: stopped after ${written} records: ${messageOf(error)}`);
      status = WITH_ERRORS;
    }
  } finally {
    progress.stop();
    if (skipped.length > 0) say(io.stderr, skippedNote(command, skipped));
    io.signal?.removeEventListener("abort", onAbort);
    await pipeline.close().catch((error: unknown) => say(io.stderr, `rassegna ${command}: ${messageOf(error)}`));
    const { partial } = await sink.close(complete);
    if (partial !== undefined) {
      say(
        io.stderr,
        `rassegna ${command}: partial run: the ${written} finished records are in ${partial}; ${flags.out} was left as it was.`,
      );
    }
  }
  return status;
}

/** The end-of-run note on what a folder held that is not an article. */
function skippedNote(command: string, skipped: SkippedFile[]): string {
  const lines = skipped.map((file) => `  ${file.path}: ${file.reason}`);
  return `rassegna ${command}: skipped ${skipped.length} file${skipped.length === 1 ? "" : "s"} of the folders given:\n${lines.join("\n")}`;
}

async function reportCommand(positionals: string[], flags: Flags, io: CliIo, cwd: string): Promise<number> {
  const [results, ...extra] = positionals;
  if (results === undefined) throw new UsageError("rassegna report: give the RESULTS.jsonl written by `rassegna run`.");
  if (extra.length > 0) throw new UsageError(`rassegna report: one results file only (also got ${extra.join(" ")}).`);
  if (flags.html === undefined) throw new UsageError("rassegna report: say where the page goes with --html OUT.html.");
  let text: string;
  try {
    text = await readFile(resolve(cwd, results), "utf8");
  } catch (error) {
    throw new UsageError(`rassegna report: cannot read ${results}: ${messageOf(error)}`);
  }
  const { records, lines, notices } = readReportRecords(text, results);
  for (const notice of notices) say(io.stderr, `rassegna report: ${notice}`);
  const bad = notices.length;
  try {
    await assertSafeOutput(flags.html, [results], cwd, "--html");
  } catch (error) {
    throw new UsageError(`rassegna report: ${messageOf(error)}`);
  }
  const html = renderReportHtml(records, { title: flags.title ?? basename(results), notices, lines });
  await writeFileAtomic(resolve(cwd, flags.html), html);
  return bad > 0 ? WITH_ERRORS : CLEAN;
}
