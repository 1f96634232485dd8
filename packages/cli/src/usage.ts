import type { Writable } from "node:stream";
import { parseArgs } from "node:util";

import type { ModelSettingsOptions } from "@rassegna/core";

/** Exit statuses of the contract. */
export const CLEAN = 0;
export const WITH_ERRORS = 1;
export const USAGE = 2;
export const INTERRUPTED = 130;

/** Writes one line (a newline added when missing). */
export function say(stream: Writable, text: string): void {
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** Bad usage: the message goes to standard error and the command exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const COMMANDS = [
  "detect",
  "translate",
  "entities",
  "stance",
  "run",
  "models",
  "report",
  "worker",
  "queue",
] as const;
export type CommandName = (typeof COMMANDS)[number];

const INPUT = `  FILES…               article files, folders of them, or web addresses; standard input when none:
                       .txt/.md (YAML front matter: id, title, date, language, url, source),
                       .html pages, RSS/Atom/JSON feeds (.xml/.rss/.atom/.json, one article an item),
                       .json/.jsonl articles; a folder gives only its article files (README, code… skipped)
  --jsonl              the input is JSON Lines: {"id", "text", "title"?, "date"?, "url"?, "source"?,
                       "language"?, "targets"?, "holders"?, "meta"?} a line
  --fetch              download each feed item's page and read the article there
  --out FILE           write the JSON Lines there instead of standard output
  --concurrency N      articles processed at once (default 4)`;

const MODELS = `  --offline            never reach the Hugging Face hub (also RASSEGNA_OFFLINE=1)
  --cache-dir DIR      where downloaded models are kept (also RASSEGNA_CACHE_DIR)
  --model-path DIR     a folder of models laid out as DIR/<model id>/ (also RASSEGNA_MODEL_PATH)`;

const QUEUE = `  --redis URL          the Redis server of the queue, redis://HOST:PORT/DB
  --queue NAME         the queue's name (default rassegna)`;

const OUTPUT = `Output: one JSON record per input article, in input order, on standard output.
Exit status: 0 when every record is clean, 1 when some record carries errors, 2 for bad usage.`;

export const HELP: Record<CommandName | "main", string> = {
  main: `rassegna: news articles in many languages → structured English analysis.

Usage: rassegna <command> [options] [FILES…]

Commands:
  detect      the language of each article
  translate   translate each article into English
  entities    people, places and organisations, with offsets
  stance      stance toward targets, and actor → target stance
  run         all of the above: language → translation → entities → stance
  models      pull | import | list the translation models
  report      turn the records of \`run\` into one HTML page
  worker      take articles from a Redis queue (\`run --redis\`) and analyse them
  queue       status | clear of a Redis queue

Run \`rassegna <command> --help\` for the options of a command.`,
  detect: `Usage: rassegna detect [FILES…] [--jsonl] [--out FILE] [--languages it,en]

The language of each article: ISO 639-1 code (else 639-3, "und" when it cannot be told),
confidence, script, alternatives.

${INPUT}
  --languages LIST     comma-separated languages the source publishes in: each answer is one

${OUTPUT}`,
  translate: `Usage: rassegna translate [FILES…] [--jsonl] [--from it] [--to en] [--engine transformers|apertium]

Translates each article into English (Italian first), sentence by sentence, with the
alignment of each source sentence to its translation.

${INPUT}
  --from LANG          the language of the articles (skips detection for those without one)
  --to LANG            the language to translate into (default en)
  --engine NAME        transformers (Marian/OPUS-MT, default) or apertium (rule-based)
${MODELS}

${OUTPUT}`,
  entities: `Usage: rassegna entities [FILES…] [--jsonl] [--language en]

People, places and organisations of each article, under canonical English names, with the
offsets of every mention.

${INPUT}
  --language LANG      the language of the articles (skips detection for those without one)
${MODELS}

${OUTPUT}`,
  stance: `Usage: rassegna stance [FILES…] [--jsonl] [--targets "United States,Russia"] [--language en]

The stance of each article toward targets (FAVOR, AGAINST, NONE), and the actor → target
stances it reports, with the sentences that decide them. A JSONL line's "targets" override
--targets; with "holders" as well, every holder × target pair is answered.

${INPUT}
  --targets LIST       comma-separated targets (default: the actors the text names)
  --language LANG      the language of the articles (skips detection for those without one)
${MODELS}

${OUTPUT}`,
  run: `Usage: rassegna run [FILES…|URLS…] [--jsonl] [--fetch] [--targets …] [--concurrency N] [--language it] [--languages it,en] [--redis URL [--queue NAME]]

The whole job: language → translation into English → entities → stance. When no
translation model can be had, the record carries the translate error and entities and
stance read the original text. Sentences already in English (a quotation in an Italian
article) are kept as they are; the title is translated and read too.

${INPUT}
  --language LANG      the language of the articles (skips detection for those without one)
  --languages LIST     comma-separated languages the sources publish in: detection answers
                       one of them (e.g. it,en for an Italian feed that carries English)
  --targets LIST       comma-separated stance targets (default: the actors the text names)
  --engine NAME        translation engine: transformers or apertium (default: transformers,
                       then apertium when the model cannot be had)
${MODELS}
${QUEUE}
  --stages LIST        with --redis: the stages the workers run (workers started with the same
                       --stages); default all
  --route STEPS        with --redis: steps on queues of their own, e.g.
                       "language/translate/entities,stance" (a worker per step: --stages translate)

With --redis the stages run in \`rassegna worker\` processes (any number, on any machines);
the records come back exactly as without: one per input, in input order. It waits, and says
so, while no worker is there. See docs/scaling.md.

${OUTPUT}`,
  worker: `Usage: rassegna worker --redis redis://HOST:PORT/DB [--queue NAME] [--concurrency N] [--stages LIST]

Takes articles from the queue that \`rassegna run --redis\` fills and runs the stages on them
until SIGTERM or SIGINT; then it finishes the jobs it holds and exits 0. A job held by a
worker that died is given to another after the stalled-job check.

${QUEUE}
  --concurrency N      jobs at once; they share model batches (default 16)
  --stages LIST        run only these stages, as one step of a route (queue NAME.<stages>),
                       e.g. --stages translate; default: the whole pipeline on queue NAME
  --metrics-port N     serve Prometheus metrics on this port (GET /metrics)
  --stall-ms N         lock time of a job: one held by a dead worker is retried this long
                       after (default 30000)
  --targets LIST       comma-separated stance targets (default: the actors the text names)
  --engine NAME        translation engine: transformers or apertium
${MODELS}`,
  queue: `Usage: rassegna queue status --redis redis://HOST:PORT/DB [--queue NAME]
       rassegna queue clear --redis redis://HOST:PORT/DB [--queue NAME]

status   jobs waiting / active / completed / failed per queue of NAME, live workers, and
         time per stage over every worker, as Prometheus text
clear    removes every job and result of NAME and its steps

${QUEUE}`,
  models: `Usage: rassegna models pull [MODEL…] [--to DIR]
       rassegna models import DIR
       rassegna models list

pull     fetches translation models into the cache (default: the Italian → English model);
         with --to DIR also copies them into DIR with a manifest of sha256 sums, to carry
         to a machine without network (docs/models.md)
import   checks a folder made by pull --to against its manifest, then copies its models
         into the cache (or --model-path); a damaged file stops it before anything is copied
list     the models on disk, one JSON line each

${MODELS}`,
  report: `Usage: rassegna report RESULTS.jsonl --html OUT.html [--title TITLE]

Turns the records written by \`rassegna run\` into one self-contained HTML page.

  --html FILE          where to write the page
  --title TEXT         the page title (default: the name of RESULTS.jsonl)`,
};

/** The options every article-reading command understands. */
const COMMON = {
  help: { type: "boolean", short: "h" },
  jsonl: { type: "boolean" },
  out: { type: "string", short: "o" },
  concurrency: { type: "string" },
  fetch: { type: "boolean" },
} as const;

const MODEL_FLAGS = {
  offline: { type: "boolean" },
  "cache-dir": { type: "string" },
  "model-path": { type: "string" },
} as const;

export const OPTIONS = {
  detect: { ...COMMON, languages: { type: "string" } },
  translate: {
    ...COMMON,
    ...MODEL_FLAGS,
    from: { type: "string" },
    to: { type: "string" },
    engine: { type: "string" },
  },
  entities: { ...COMMON, ...MODEL_FLAGS, language: { type: "string" } },
  stance: { ...COMMON, ...MODEL_FLAGS, language: { type: "string" }, targets: { type: "string" } },
  run: {
    ...COMMON,
    ...MODEL_FLAGS,
    language: { type: "string" },
    languages: { type: "string" },
    targets: { type: "string" },
    engine: { type: "string" },
    redis: { type: "string" },
    queue: { type: "string" },
    stages: { type: "string" },
    route: { type: "string" },
  },
  worker: {
    help: { type: "boolean", short: "h" },
    ...MODEL_FLAGS,
    concurrency: { type: "string" },
    targets: { type: "string" },
    engine: { type: "string" },
    redis: { type: "string" },
    queue: { type: "string" },
    stages: { type: "string" },
    "metrics-port": { type: "string" },
    "stall-ms": { type: "string" },
  },
  queue: { help: { type: "boolean", short: "h" }, redis: { type: "string" }, queue: { type: "string" } },
  models: { help: { type: "boolean", short: "h" }, ...MODEL_FLAGS, to: { type: "string" } },
  report: { help: { type: "boolean", short: "h" }, html: { type: "string" }, title: { type: "string" } },
} as const;

/** Flag values of any command, as parsed. */
export interface Flags {
  help?: boolean;
  jsonl?: boolean;
  out?: string;
  concurrency?: string;
  fetch?: boolean;
  offline?: boolean;
  "cache-dir"?: string;
  "model-path"?: string;
  from?: string;
  to?: string;
  engine?: string;
  language?: string;
  languages?: string;
  targets?: string;
  html?: string;
  title?: string;
  redis?: string;
  queue?: string;
  stages?: string;
  route?: string;
  "metrics-port"?: string;
  "stall-ms"?: string;
}

/** Parses a command's arguments; unknown flags and missing values are usage errors. */
export function parseCommand(command: CommandName, args: string[]): { flags: Flags; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: OPTIONS[command],
      allowPositionals: true,
      strict: true,
    });
    return { flags: values as Flags, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`rassegna ${command}: ${message.replace(/\s*To specify a positional argument.*$/s, "")}`);
  }
}

export function parseConcurrency(value: string | undefined, command: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n > 0 && n <= 256)) {
    throw new UsageError(`rassegna ${command}: --concurrency takes a whole number from 1 to 256, not "${value}".`);
  }
  return n;
}

export function parseList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  return list.length > 0 ? list : undefined;
}

export function parseEngine(value: string | undefined, command: string): "transformers" | "apertium" | undefined {
  if (value === undefined) return undefined;
  if (value === "transformers" || value === "apertium") return value;
  throw new UsageError(`rassegna ${command}: --engine is "transformers" or "apertium", not "${value}".`);
}

export function parseLanguage(value: string | undefined, flag: string, command: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*$/.test(value)) {
    throw new UsageError(`rassegna ${command}: ${flag} takes a language code such as "it" or "en", not "${value}".`);
  }
  return value;
}

/** `--languages it,en`: language codes, each checked like `--language`. */
export function parseLanguages(value: string | undefined, command: string): string[] | undefined {
  const list = parseList(value);
  if (value !== undefined && list === undefined) {
    throw new UsageError(`rassegna ${command}: --languages takes comma-separated language codes such as "it,en".`);
  }
  return list?.map((code) => parseLanguage(code, "--languages", command) as string);
}

/** The model settings the flags give (`--offline`, `--cache-dir`, `--model-path`). */
export function modelSettings(flags: Flags): ModelSettingsOptions {
  return {
    ...(flags.offline ? { offline: true } : {}),
    ...(flags["cache-dir"] === undefined ? {} : { cacheDir: flags["cache-dir"] }),
    ...(flags["model-path"] === undefined ? {} : { localModelPath: flags["model-path"] }),
  };
}
