import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createPipeline } from "rassegna";
import { afterAll, describe, expect, it } from "vitest";

import { createAnalysisServer } from "../05-http-service.mjs";

const cacheDir = mkdtempSync(join(tmpdir(), "rassegna-ex5-"));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

describe("example 5: HTTP service", () => {
  it("analyses POSTed articles with the shared default pipeline and rejects what it must", async () => {
    const server = createAnalysisServer({ maxBodyBytes: 2000, pipelineOptions: { offline: true, cacheDir } });
    const base = await listen(server);
    try {
      const text = "The United States criticised the new sanctions announced by Russia.";
      const ok = await fetch(`${base}/analyze`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: "a1", text, language: "en" }),
      });
      expect(ok.status).toBe(200);
      const record = await ok.json();
      expect(record.id).toBe("a1");
      expect(record.errors).toEqual([]);
      expect(record.entities.map((e: { name: string }) => e.name)).toContain("United States");

      const plain = await fetch(`${base}/analyze`, { method: "POST", body: text });
      expect((await plain.json()).text).toBe(text);

      const big = await fetch(`${base}/analyze`, { method: "POST", body: "x".repeat(5000) });
      expect(big.status).toBe(413);
      expect((await big.json()).error).toMatch(/over 2000 bytes/);

      const bad = await fetch(`${base}/analyze`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{oops",
      });
      expect(bad.status).toBe(400);
      expect((await fetch(`${base}/analyze`)).status).toBe(405);
      expect((await fetch(`${base}/nowhere`)).status).toBe(404);
      const health = await (await fetch(`${base}/health`)).json();
      expect(health).toMatchObject({ ok: true, active: 0, waiting: 0 });
    } finally {
      await close(server);
    }
  });

  it("runs at most `concurrency` analyses, queues `queue` more and turns the rest away", async () => {
    let started = 0;
    const gates: Array<() => void> = [];
    const pipeline = createPipeline({
      concurrency: 10,
      stages: [
        {
          name: "gate",
          process: () =>
            new Promise<void>((resolve) => {
              started++;
              gates.push(resolve);
            }),
        },
      ],
    });
    const server = createAnalysisServer({ pipeline, concurrency: 2, queue: 1 });
    const base = await listen(server);
    try {
      const post = (i: number) => fetch(`${base}/analyze`, { method: "POST", body: `article ${i}` });
      const first = [post(1), post(2), post(3)];
      // Wait until two analyses run and one waits in the queue.
      while (started < 2 || (await (await fetch(`${base}/health`)).json()).waiting < 1) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const refused = await post(4);
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("1");
      expect(started).toBe(2);
      while (gates.length > 0 || started < 3) {
        gates.shift()?.();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const statuses = await Promise.all(first.map(async (p) => (await p).status));
      expect(statuses).toEqual([200, 200, 200]);
      expect(started).toBe(3);
    } finally {
      await close(server);
      await pipeline.close();
    }
  });
});
