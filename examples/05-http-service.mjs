// Example 5: a small production HTTP service that analyses POSTed articles.
//
//   node examples/05-http-service.mjs [--port 8080] [--workers 2] [--queue 8] [--max-body 1000000]
//                                     [--request-timeout 30000]
//   curl -s localhost:8080/analyze -H 'content-type: application/json' \
//        -d '{"id":"a1","text":"Pechino e Mosca rafforzano la loro intesa contro Washington."}'
//
// Built on node:http (no framework: two routes, and node:http has every timeout we need).
// What it guards against, each with a test:
// - admission before reading: a request takes a slot (running or queued) before its body is
//   read, so bodies count against the queue; past `concurrency + queue` it gets 503 at once;
// - bodies: `application/json` (UTF-8) only (415), one JSON object (422 for null, numbers,
//   arrays), at most `maxBodyBytes` (413), nesting checked before parsing (422), strict UTF-8;
// - an article the pipeline rejects (bad field, too many holders × targets) is a 422 with its
//   record; stage failures stay 200 with `errors` in the record, as the command does;
// - the client going away aborts its analysis (AbortSignal through the pipeline or the pool);
// - CPU-heavy stages run in worker threads (piscina) unless a pipeline is handed in;
// - timeouts: headers, whole request, keep-alive, and per analysis (504); a cap on connections;
// - `GET //` and other odd paths are 404, never 500.
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";

import { checkJsonLine } from "rassegna";

import { isMain, runMain } from "./lib/cli.mjs";

class HttpError extends Error {
  constructor(status, message, headers = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

const DEFAULTS = Object.freeze({
  maxBodyBytes: 1_000_000,
  concurrency: 2,
  queue: 8,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  analysisTimeoutMs: 120_000,
  maxConnections: 256,
  maxHeaderSize: 16 * 1024,
});

/** A whole number option of at least `min`: anything else is a usage error that names it. */
function wholeNumber(name, value, min = 1) {
  const number = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== "number" || !Number.isSafeInteger(number) || number < min) {
    throw new TypeError(`${name} must be a whole number of at least ${min}, got ${JSON.stringify(value)}.`);
  }
  return number;
}

/** Checks every numeric option; unknown options are refused rather than ignored. */
export function serviceOptions(options = {}) {
  const known = new Set([...Object.keys(DEFAULTS), "pipeline", "pipelineOptions", "workers"]);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) throw new TypeError(`Unknown option "${key}": known ones are ${[...known].join(", ")}.`);
  }
  const out = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS)) {
    if (options[key] !== undefined) out[key] = wholeNumber(key, options[key], key === "queue" ? 0 : 1);
  }
  out.workers =
    options.workers === undefined
      ? Math.min(out.concurrency, availableParallelism())
      : wholeNumber("workers", options.workers);
  return out;
}

/** Reads the body up to `limit` bytes, as strict UTF-8; stops reading at the limit. */
async function readBody(request, limit, signal) {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw new HttpError(413, `Body over ${limit} bytes.`);
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    if (signal.aborted) throw new HttpError(499, "Client went away.");
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `Body over ${limit} bytes.`);
    chunks.push(chunk);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, "The body is not valid UTF-8: send the article as UTF-8 JSON.");
  }
}

/** `application/json`, with no charset or UTF-8: anything else is 415. */
function checkContentType(header = "") {
  const [type, ...params] = header.split(";").map((part) => part.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith("charset="))
    ?.slice(8)
    .replace(/"/g, "");
  if (type !== "application/json" || (charset !== undefined && charset !== "utf-8" && charset !== "utf8")) {
    throw new HttpError(415, 'Send the article as JSON with "content-type: application/json".', {
      "accept-post": "application/json",
    });
  }
}

/** One JSON object, nesting checked before parsing. */
function parseArticle(body) {
  const problem = checkJsonLine(body, "The body");
  if (problem) throw new HttpError(problem.code === "INPUT_TOO_LARGE" ? 413 : 422, problem.message);
  let value;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new HttpError(400, `The body is not valid JSON (${error.message}): send {"text": "…"}.`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const got = value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
    throw new HttpError(422, `The body is ${got}: send one article as a JSON object {"id"?, "text", …}.`);
  }
  return value;
}

/** Analyses in worker threads: one default pipeline per thread, cancelled by terminating its task. */
async function workerAnalyser(workers, pipelineOptions) {
  const { Piscina } = await import("piscina");
  const pool = new Piscina({
    filename: new URL("./lib/analysis-worker.mjs", import.meta.url).href,
    minThreads: 1,
    maxThreads: workers,
    workerData: { pipelineOptions: { engines: ["transformers", "apertium"], ...pipelineOptions } },
  });
  return {
    run: (article, index, signal) => pool.run({ article, index }, { signal }),
    close: () => pool.destroy(),
  };
}

/**
 * Creates the service (not yet listening). Without `pipeline`, analyses run in `workers`
 * threads; with one, in this thread (tests, embedding). `server.close()` also stops what it
 * created.
 */
export function createAnalysisServer(options = {}) {
  const settings = serviceOptions(options);
  const { concurrency, queue, maxBodyBytes } = settings;
  const analyser = options.pipeline
    ? Promise.resolve({
        run: (article, index, signal) => options.pipeline.run(article, { index, signal }),
        close: () => {},
      })
    : workerAnalyser(settings.workers, options.pipelineOptions ?? {});
  analyser.catch(() => {});
  let active = 0;
  const waiting = [];
  let served = 0;

  /** A slot to run in, or a place in the queue; 503 past both. Given back by `release`. */
  function admit() {
    if (active < concurrency) {
      active++;
      return undefined;
    }
    if (waiting.length >= queue) {
      throw new HttpError(503, "Too many requests in progress; retry shortly.", { "retry-after": "1" });
    }
    let entry;
    const turn = new Promise((resolve) => {
      entry = { resolve };
      waiting.push(entry);
    });
    return { turn, entry };
  }
  function release() {
    const next = waiting.shift();
    if (next) next.resolve();
    else active--;
  }
  function leaveQueue(entry) {
    const at = waiting.indexOf(entry);
    if (at >= 0) waiting.splice(at, 1);
    return at >= 0;
  }

  async function analyse(request, response, signal) {
    checkContentType(request.headers["content-type"]);
    // The slot is taken before the body is read: waiting bodies are bounded by the queue.
    const ticket = admit();
    let running = ticket === undefined;
    try {
      const body = await readBody(request, maxBodyBytes, signal);
      const article = parseArticle(body);
      if (!running) {
        const gone = new Promise((_, reject) =>
          signal.addEventListener("abort", () => reject(new HttpError(499, "Client went away.")), { once: true }),
        );
        await Promise.race([ticket.turn, gone]);
        running = true;
      }
      const { run } = await analyser;
      const deadline = AbortSignal.timeout(settings.analysisTimeoutMs);
      let record;
      try {
        record = await run(article, served++, AbortSignal.any([signal, deadline]));
      } catch (error) {
        if (deadline.aborted) throw new HttpError(504, `The analysis took more than ${settings.analysisTimeoutMs} ms.`);
        throw error;
      }
      const rejected = record.errors?.some((e) => e.stage === "input");
      return send(response, rejected ? 422 : 200, record);
    } finally {
      if (running) release();
      else if (!leaveQueue(ticket.entry)) release();
    }
  }

  async function handle(request, response, signal) {
    // The path is read by hand: `new URL("//", base)` throws, and no path should be a 500.
    const path = (request.url ?? "/").split("?")[0];
    if (path === "/health") {
      if (request.method !== "GET") throw new HttpError(405, "Use GET.", { allow: "GET" });
      return send(response, 200, { ok: true, active, waiting: waiting.length, served });
    }
    if (path !== "/analyze") throw new HttpError(404, "Not found: POST articles to /analyze.");
    if (request.method !== "POST") throw new HttpError(405, "Use POST.", { allow: "POST" });
    return analyse(request, response, signal);
  }

  const server = createServer(
    {
      maxHeaderSize: settings.maxHeaderSize,
      // Node wants headers no later than the whole request.
      headersTimeout: Math.min(settings.headersTimeoutMs, settings.requestTimeoutMs),
      requestTimeout: settings.requestTimeoutMs,
      // How often Node looks for requests past those timeouts (its default is 30 s).
      connectionsCheckingInterval: Math.max(
        50,
        Math.min(1000, Math.floor(Math.min(settings.headersTimeoutMs, settings.requestTimeoutMs) / 4)),
      ),
    },
    (request, response) => {
      const controller = new AbortController();
      // The client went away before its answer: stop its analysis, free its slot.
      response.once("close", () => {
        if (!response.writableFinished) controller.abort(new Error("client closed the connection"));
      });
      handle(request, response, controller.signal).catch((error) => {
        if (controller.signal.aborted) return response.destroy();
        const status = error instanceof HttpError ? error.status : 500;
        const message = error instanceof HttpError ? error.message : "Internal error while analysing the article.";
        // Unread body left on the connection: close it rather than read what was refused.
        const unread = !request.readableEnded;
        send(response, status, { error: message }, { ...error.headers, ...(unread ? { connection: "close" } : {}) });
        if (unread) request.resume();
      });
    },
  );
  server.keepAliveTimeout = settings.keepAliveTimeoutMs;
  server.maxConnections = settings.maxConnections;
  const closeServer = server.close.bind(server);
  server.close = (callback) => {
    closeServer((error) => {
      clearTimeout(grace);
      analyser
        .then((a) => a.close())
        .then(
          () => callback?.(error),
          (closing) => callback?.(error ?? closing),
        );
    });
    // Idle keep-alive connections go now; requests in progress get a grace period.
    server.closeIdleConnections();
    const grace = setTimeout(() => server.closeAllConnections(), 5_000);
    grace.unref();
    return server;
  };
  return server;
}

function send(response, status, payload, headers = {}) {
  if (response.headersSent || response.destroyed) return response.end();
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(`${JSON.stringify(payload)}\n`);
}

/** The command line, strictly: unknown flags and values that are not whole numbers are usage errors. */
export function parseServiceArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: "string", default: "8080" },
      concurrency: { type: "string" },
      workers: { type: "string" },
      queue: { type: "string" },
      "max-body": { type: "string" },
      "request-timeout": { type: "string" },
    },
  });
  const port = wholeNumber("--port", values.port, 0);
  if (port > 65535) throw new TypeError(`--port must be at most 65535, got ${port}.`);
  const pick = (flag, key) =>
    values[flag] === undefined ? {} : { [key]: wholeNumber(`--${flag}`, values[flag], key === "queue" ? 0 : 1) };
  return {
    port,
    options: {
      ...pick("concurrency", "concurrency"),
      ...pick("workers", "workers"),
      ...pick("queue", "queue"),
      ...pick("max-body", "maxBodyBytes"),
      ...pick("request-timeout", "requestTimeoutMs"),
    },
  };
}

async function main() {
  let parsed;
  try {
    parsed = parseServiceArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(
      `usage error: ${error.message}\nusage: node examples/05-http-service.mjs [--port N] [--concurrency N] [--workers N] [--queue N] [--max-body BYTES] [--request-timeout MS]\n`,
    );
    process.exitCode = 2;
    return;
  }
  const server = createAnalysisServer(parsed.options);
  server.listen(parsed.port, "127.0.0.1", () => {
    const { port } = server.address();
    process.stderr.write(`listening on http://127.0.0.1:${port}/analyze (Ctrl-C to stop)\n`);
  });
  process.once("SIGINT", () => {
    process.stderr.write("stopping: finishing the analyses in progress…\n");
    server.close(() => process.exit(0));
  });
}

if (isMain(import.meta.url)) runMain(main);
