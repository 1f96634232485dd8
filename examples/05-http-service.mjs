// Example 5: a tiny HTTP service that analyses POSTed articles with one shared pipeline.
//
//   node examples/05-http-service.mjs [--port 8080] [--concurrency 2] [--max-body 1000000]
//   curl -s localhost:8080/analyze -H 'content-type: application/json' \
//        -d '{"id":"a1","text":"Pechino e Mosca rafforzano la loro intesa contro Washington."}'
//
// It listens on loopback only. Limits: bodies over `maxBodyBytes` get 413; at most
// `concurrency` analyses run at once and `queue` more wait, beyond that requests get 503
// with Retry-After, so a burst cannot exhaust memory.
import { createServer } from "node:http";
import { parseArgs } from "node:util";

import { createDefaultPipeline } from "rassegna";

import { isMain, runMain } from "./lib/cli.mjs";

class HttpError extends Error {
  constructor(status, message, headers = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/** Reads a request body up to `limit` bytes; more is a 413 without reading the rest. */
async function readBody(request, limit) {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw new HttpError(413, `Body over ${limit} bytes.`);
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `Body over ${limit} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A JSON body is one article `{id?, text, language?, targets?, holders?}`; any other body is the text. */
function toArticle(body, contentType = "") {
  if (!contentType.includes("json")) return { text: body };
  try {
    return JSON.parse(body);
  } catch {
    throw new HttpError(400, 'The body is not valid JSON: send {"text": "…"} or plain text.');
  }
}

/**
 * Creates the service (not yet listening). `pipeline` defaults to the full default pipeline;
 * `server.close()` also closes the pipeline it created.
 * @param {{ pipeline?: import("rassegna").Pipeline, maxBodyBytes?: number, concurrency?: number,
 *   queue?: number, pipelineOptions?: object }} [options]
 */
export function createAnalysisServer(options = {}) {
  const { maxBodyBytes = 1_000_000, concurrency = 2, queue = 8, pipelineOptions = {} } = options;
  const pipeline =
    options.pipeline ??
    createDefaultPipeline({ engines: ["transformers", "apertium"], ...pipelineOptions, concurrency });
  let active = 0;
  const waiting = [];
  let served = 0;

  // A counting semaphore: `concurrency` slots, a bounded queue, 503 past it.
  async function acquire() {
    if (active < concurrency) {
      active++;
      return;
    }
    if (waiting.length >= queue)
      throw new HttpError(503, "Too many requests in progress; retry shortly.", { "retry-after": "1" });
    await new Promise((resolve) => waiting.push(resolve));
  }
  function release() {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }

  async function handle(request, response) {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/health" && request.method === "GET") {
      return send(response, 200, { ok: true, active, waiting: waiting.length, served });
    }
    if (url.pathname !== "/analyze") throw new HttpError(404, "Not found: POST articles to /analyze.");
    if (request.method !== "POST") throw new HttpError(405, "Use POST.", { allow: "POST" });
    const body = await readBody(request, maxBodyBytes);
    const article = toArticle(body, request.headers["content-type"]);
    await acquire();
    try {
      const record = await pipeline.run(article, served++);
      return send(response, 200, record);
    } finally {
      release();
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof HttpError ? error.message : "Internal error while analysing the article.";
      if (status === 413) response.setHeader("connection", "close");
      send(response, status, { error: message }, error.headers);
      if (status === 413) request.resume();
    });
  });
  const closeServer = server.close.bind(server);
  server.close = (callback) =>
    closeServer((error) => {
      const done = options.pipeline ? Promise.resolve() : pipeline.close();
      done.then(() => callback?.(error), callback);
    });
  return server;
}

function send(response, status, payload, headers = {}) {
  if (response.headersSent) return response.end();
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  response.end(`${JSON.stringify(payload)}\n`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "8080" },
      concurrency: { type: "string", default: "2" },
      "max-body": { type: "string", default: "1000000" },
    },
  });
  const server = createAnalysisServer({
    concurrency: Number(values.concurrency),
    maxBodyBytes: Number(values["max-body"]),
  });
  server.listen(Number(values.port), "127.0.0.1", () => {
    const { port } = server.address();
    process.stderr.write(`listening on http://127.0.0.1:${port}/analyze (Ctrl-C to stop)\n`);
  });
  process.once("SIGINT", () => {
    process.stderr.write("stopping: finishing the analyses in progress…\n");
    server.close(() => process.exit(0));
  });
}

if (isMain(import.meta.url)) runMain(main);
