import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createPipeline, type Stage } from "rassegna";
import { afterAll, describe, expect, it } from "vitest";

import { createAnalysisServer, parseServiceArgs, serviceOptions } from "../05-http-service.mjs";

const cacheDir = mkdtempSync(join(tmpdir(), "rassegna-ex5-"));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

const json = { "content-type": "application/json" };
const post = (base: string, body: string, headers: Record<string, string> = json, signal?: AbortSignal) =>
  fetch(`${base}/analyze`, { method: "POST", headers, body, ...(signal ? { signal } : {}) });

/** A raw request over a socket: what it gets back (or "" when the server closed it). */
function raw(base: string, text: string, waitMs = 0): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(port), "127.0.0.1");
    let got = "";
    socket.on("data", (chunk) => {
      got += chunk.toString();
    });
    socket.on("close", () => resolve(got));
    socket.on("error", () => resolve(got));
    socket.write(text);
    if (waitMs === 0) socket.end();
  });
}

describe("example 5: HTTP service (default pipeline in worker threads)", () => {
  it("analyses a JSON article and refuses every other kind of body with the right status", async () => {
    const server = createAnalysisServer({
      maxBodyBytes: 4000,
      workers: 1,
      pipelineOptions: { offline: true, cacheDir },
    });
    const base = await listen(server);
    try {
      const text = "The United States criticised the new sanctions announced by Russia.";
      const ok = await post(base, JSON.stringify({ id: "a1", text, language: "en" }));
      expect(ok.status).toBe(200);
      const record = await ok.json();
      expect(record.id).toBe("a1");
      expect(record.errors).toEqual([]);
      expect(record.entities.map((e: { name: string }) => e.name)).toContain("United States");

      expect((await post(base, text, { "content-type": "text/plain" })).status).toBe(415);
      expect((await post(base, "{}", { "content-type": "text/notjsonatall" })).status).toBe(415);
      expect((await post(base, "{}", { "content-type": "application/json; charset=latin1" })).status).toBe(415);
      for (const body of ["null", "42", "[1]", '"text"']) expect((await post(base, body)).status).toBe(422);
      const big = await post(base, JSON.stringify({ text: "x".repeat(5000) }));
      expect(big.status).toBe(413);
      expect((await big.json()).error).toMatch(/over 4000 bytes/);
      expect((await post(base, "{oops")).status).toBe(400);
      const deep = await post(base, `${'{"m":'.repeat(100)}0${"}".repeat(100)}`);
      expect(deep.status).toBe(422);
      expect((await deep.json()).error).toMatch(/nests objects or arrays more than 64 deep/);
      const many = Array.from({ length: 100 }, (_, i) => `A${i}`);
      const explosion = await post(base, JSON.stringify({ id: "boom", text, holders: many, targets: many }));
      expect(explosion.status).toBe(422);
      expect((await explosion.json()).errors[0].code).toBe("LIMIT_EXCEEDED");
      expect((await fetch(`${base}/analyze`)).status).toBe(405);
      expect((await fetch(`${base}/nowhere`)).status).toBe(404);
      expect(await raw(base, "GET // HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")).toMatch(/^HTTP\/1\.1 404/);
      const health = await (await fetch(`${base}/health`)).json();
      expect(health).toMatchObject({ ok: true, active: 0, waiting: 0 });
    } finally {
      await close(server);
    }
  }, 60_000);
});

describe("example 5: admission, cancellation, timeouts (pipeline handed in)", () => {
  function gated() {
    let started = 0;
    const gates: Array<() => void> = [];
    const aborted: string[] = [];
    const stage: Stage = {
      name: "gate",
      process: (doc, context) =>
        new Promise<void>((resolve) => {
          started++;
          gates.push(resolve);
          context.signal.addEventListener("abort", () => {
            aborted.push(doc.id);
            resolve();
          });
        }),
    };
    const pipeline = createPipeline({ concurrency: 10, stages: [stage] });
    return { pipeline, gates, aborted, started: () => started };
  }

  it("runs at most `concurrency` analyses, queues `queue` more and turns the rest away", async () => {
    const { pipeline, gates, started } = gated();
    const server = createAnalysisServer({ pipeline, concurrency: 2, queue: 1 });
    const base = await listen(server);
    try {
      const first = [1, 2, 3].map((i) => post(base, JSON.stringify({ text: `article ${i}` })));
      while (started() < 2 || (await (await fetch(`${base}/health`)).json()).waiting < 1) await sleep(5);
      const refused = await post(base, JSON.stringify({ text: "article 4" }));
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("1");
      expect(started()).toBe(2);
      while (gates.length > 0 || started() < 3) {
        gates.shift()?.();
        await sleep(5);
      }
      expect(await Promise.all(first.map(async (p) => (await p).status))).toEqual([200, 200, 200]);
    } finally {
      await close(server);
      await pipeline.close();
    }
  });

  it("counts a body still being sent against the queue: a slow sender holds its place", async () => {
    const { pipeline } = gated();
    const server = createAnalysisServer({ pipeline, concurrency: 1, queue: 0, requestTimeoutMs: 1000 });
    const base = await listen(server);
    try {
      const slow = raw(
        base,
        "POST /analyze HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 50\r\n\r\n{",
        1,
      );
      while ((await (await fetch(`${base}/health`)).json()).active < 1) await sleep(5);
      expect((await post(base, JSON.stringify({ text: "second" }))).status).toBe(503);
      // The slow sender is cut off by the request timeout, and its slot comes back.
      await slow;
      while ((await (await fetch(`${base}/health`)).json()).active > 0) await sleep(5);
    } finally {
      await close(server);
      await pipeline.close();
    }
  });

  it("aborts the analysis when the client goes away, and frees its slot", async () => {
    const { pipeline, aborted, started } = gated();
    const server = createAnalysisServer({ pipeline, concurrency: 1, queue: 0 });
    const base = await listen(server);
    try {
      const controller = new AbortController();
      const gone = post(base, JSON.stringify({ id: "leaver", text: "Testo." }), json, controller.signal).catch(
        (e) => e,
      );
      while (started() < 1) await sleep(5);
      controller.abort();
      await gone;
      while (aborted.length === 0) await sleep(5);
      expect(aborted).toEqual(["leaver"]);
      while ((await (await fetch(`${base}/health`)).json()).active > 0) await sleep(5);
    } finally {
      await close(server);
      await pipeline.close();
    }
  });

  it("closes a connection whose body never comes, after the request timeout", async () => {
    const { pipeline } = gated();
    const server = createAnalysisServer({ pipeline, requestTimeoutMs: 200, headersTimeoutMs: 200 });
    const base = await listen(server);
    try {
      const answer = await raw(
        base,
        "POST /analyze HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 10\r\n\r\n{",
        1,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 408|^$/);
      expect((await (await fetch(`${base}/health`)).json()).active).toBe(0);
    } finally {
      await close(server);
      await pipeline.close();
    }
  });

  it("parses options strictly", () => {
    expect(() => parseServiceArgs(["--max-body", "abc"])).toThrow(/--max-body must be a whole number/);
    expect(() => parseServiceArgs(["--frobnicate"])).toThrow();
    expect(() => parseServiceArgs(["--port", "70000"])).toThrow(/--port/);
    expect(parseServiceArgs(["--queue", "0", "--max-body", "5000"]).options).toEqual({ queue: 0, maxBodyBytes: 5000 });
    expect(() => serviceOptions({ maxBodyBytes: Number.NaN })).toThrow(/maxBodyBytes/);
    expect(() => serviceOptions({ concurency: 2 })).toThrow(/Unknown option "concurency"/);
  });
});
