// Example 5 measured from outside: the service runs in its own process (the real default
// pipeline in worker threads, offline) and is hit the way the issue #16 probes hit it —
// bodies past the queue, clients that hang up, a body that never comes — then must still
// answer /health and analyse an article. The large version is `pnpm bench:stress`.
import { connect, type Socket } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startService } from "../lib/service-process.mjs";

interface Service {
  base: string;
  alive(): boolean;
  stop(): Promise<number | null>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const json = { "content-type": "application/json" };
const TEXT = "The council of Borgoverde criticised the new bridge tolls announced by the regional government. ";
const REQUEST_TIMEOUT_MS = 8000;

let service: Service;
beforeAll(async () => {
  service = (await startService([
    "--concurrency",
    "1",
    "--queue",
    "2",
    "--workers",
    "1",
    "--max-body",
    "400000",
    "--request-timeout",
    String(REQUEST_TIMEOUT_MS),
  ])) as Service;
}, 120_000);
afterAll(async () => {
  await service?.stop();
});

async function health(): Promise<{ ok: boolean; active: number; waiting: number }> {
  const response = await fetch(`${service.base}/health`);
  expect(response.status).toBe(200);
  return response.json();
}

async function until(test: (state: { active: number; waiting: number }) => boolean): Promise<void> {
  while (!test(await health())) await sleep(50);
}

/** A client that sends headers and the first byte of its body, then nothing: it holds a slot. */
function partialBody(): { socket: Socket; closed: Promise<string> } {
  const { port } = new URL(service.base);
  const socket = connect(Number(port), "127.0.0.1");
  let got = "";
  socket.on("data", (chunk) => {
    got += chunk.toString();
  });
  const closed = new Promise<string>((resolve) => {
    socket.on("close", () => resolve(got));
    socket.on("error", () => resolve(got));
  });
  socket.write("POST /analyze HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{");
  return { socket, closed };
}

const analyse = (body: string) => fetch(`${service.base}/analyze`, { method: "POST", headers: json, body });

describe("example 5 in its own process, under hostile clients", () => {
  it("analyses an article", async () => {
    const first = await analyse(JSON.stringify({ id: "calm", text: TEXT, language: "en" }));
    expect(first.status).toBe(200);
    expect((await first.json()).id).toBe("calm");
  }, 120_000);

  it("counts bodies still coming against the queue: the rest get 503 at once, /health answers", async () => {
    // One slot and two places in the queue, all taken by clients whose bodies do not come.
    const holders = [partialBody(), partialBody(), partialBody()];
    await until((s) => s.active === 1 && s.waiting === 2);
    const big = JSON.stringify({ text: TEXT.repeat(3000), language: "en" });
    const refused = await Promise.all(
      Array.from({ length: 9 }, async () => {
        const response = await analyse(big);
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(refused).toEqual(Array(9).fill(503));
    expect(await health()).toMatchObject({ ok: true, active: 1, waiting: 2 });
    // The clients hang up: their slots come back.
    for (const { socket } of holders) socket.destroy();
    await until((s) => s.active === 0 && s.waiting === 0);
  }, 60_000);

  it("cuts off a body that never comes after the request timeout, and frees its slot", async () => {
    const { closed } = partialBody();
    await until((s) => s.active === 1);
    expect(await closed).toMatch(/^HTTP\/1\.1 408|^$/);
    await until((s) => s.active === 0);
  }, 60_000);

  it("is still up and analysing after all that", async () => {
    const last = await analyse(JSON.stringify({ id: "after", text: TEXT, language: "en" }));
    expect(last.status).toBe(200);
    expect((await last.json()).id).toBe("after");
    expect(service.alive()).toBe(true);
  }, 60_000);
});
