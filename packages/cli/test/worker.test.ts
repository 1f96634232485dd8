// `rassegna worker` and `rassegna run --redis` as spawned processes over a real Redis.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startRedis, type TestRedis } from "../../../test-setup/redis.js";
import { cli, jsonl, records } from "./helpers.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = join(root, "packages/cli/bin/rassegna.js");
let dir: string;
let redis: TestRedis;
const children: ChildProcess[] = [];

beforeAll(async () => {
  // The processes run the compiled code: bring dist/ up to date (quick when it is).
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-b", "packages/cli"], {
    cwd: root,
    stdio: "pipe",
  });
  dir = mkdtempSync(join(tmpdir(), "rassegna-worker-"));
  redis = await startRedis();
}, 120_000);
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await redis?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Proc {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(args: string[]): Proc {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: dir,
    env: { ...process.env, RASSEGNA_OFFLINE: "1", RASSEGNA_CACHE_DIR: join(dir, "models") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

async function until(check: () => boolean, what: string, ms = 240_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function worker(queue: string): Proc {
  const proc = start(["worker", "--redis", redis.url, "--queue", queue, "--stages", "language", "--stall-ms", "2000"]);
  return proc;
}

const ready = (proc: Proc) => until(() => proc.stderr().includes("taking jobs"), "a worker to start");

/** Invented one-line news items in four languages, each different. */
function corpus(n: number): Array<{ id: string; text: string }> {
  const forms = [
    (i: number) => `The town council of district ${i} approved the new bus timetable after a long debate.`,
    (i: number) =>
      `Il consiglio del quartiere ${i} ha approvato il nuovo orario degli autobus dopo un lungo dibattito.`,
    (i: number) => `El consejo del distrito ${i} aprobó el nuevo horario de autobuses tras un largo debate.`,
    (i: number) => `Le conseil du quartier ${i} a approuvé les nouveaux horaires des bus après un long débat.`,
  ];
  return Array.from({ length: n }, (_, i) => ({ id: `news-${i}`, text: forms[i % 4]!(i) }));
}

describe("rassegna worker and run --redis", () => {
  it("several workers return every article of a 5,000-line JSONL exactly once, in order, though one is killed", async () => {
    const queue = "five-thousand";
    const input = corpus(5000);
    const file = join(dir, "five-thousand.jsonl");
    writeFileSync(file, `${jsonl(...input)}\n`);
    const workers = [worker(queue), worker(queue), worker(queue)];
    await Promise.all(workers.map(ready));
    const run = start(["run", "--redis", redis.url, "--queue", queue, "--stages", "language", "--jsonl", file]);
    // Kill one worker outright while the run is under way: its jobs go to the others.
    await until(() => run.stdout().split("\n").length > 1500, "1,500 records");
    workers[0]!.child.kill("SIGKILL");
    const { code } = await run.exit;
    expect(run.stderr()).toBe("");
    expect(code).toBe(0);
    const out = records(run.stdout());
    expect(out.map((r) => r.id)).toEqual(input.map((a) => a.id));
    expect(out.map((r) => r.language.code)).toEqual(input.map((_, i) => ["en", "it", "es", "fr"][i % 4]));
    expect(out.every((r) => r.errors.length === 0)).toBe(true);

    // The queue holds each article's job once, all completed, none failed.
    const status = start(["queue", "status", "--redis", redis.url, "--queue", queue]);
    expect((await status.exit).code).toBe(0);
    expect(status.stdout()).toContain(`rassegna_queue_jobs{queue="${queue}.language",state="completed"} 5000`);
    expect(status.stdout()).toContain(`rassegna_queue_jobs{queue="${queue}.language",state="failed"} 0`);
    expect(status.stdout()).toContain(`rassegna_queue_jobs{queue="${queue}.language",state="active"} 0`);

    // SIGTERM: the workers left finish what they hold and exit 0.
    for (const proc of workers.slice(1)) proc.child.kill("SIGTERM");
    for (const proc of workers.slice(1)) {
      expect(await proc.exit).toEqual({ code: 0, signal: null });
      expect(proc.stderr()).toMatch(/stopped; \d+ jobs done/);
    }
    expect(await workers[0]!.exit).toEqual({ code: null, signal: "SIGKILL" });
  }, 480_000);

  it("waits and says so on stderr while no worker is there, then goes on", async () => {
    const queue = "late-worker";
    const input = corpus(20);
    const file = join(dir, "late.jsonl");
    writeFileSync(file, `${jsonl(...input)}\n`);
    const run = start(["run", "--redis", redis.url, "--queue", queue, "--stages", "language", "--jsonl", file]);
    await until(() => run.stderr().includes("no worker"), "the waiting message");
    expect(run.stderr()).toContain(`no worker is taking jobs from queue "${queue}.language"`);
    expect(run.stderr()).toContain(`rassegna worker --redis URL --queue ${queue} --stages language`);
    const late = worker(queue);
    const { code } = await run.exit;
    expect(code).toBe(0);
    expect(records(run.stdout()).map((r) => r.id)).toEqual(input.map((a) => a.id));
    late.child.kill("SIGINT");
    expect((await late.exit).code).toBe(0);
  }, 480_000);

  it("prints the help of worker and queue", async () => {
    for (const command of ["worker", "queue"]) {
      const { code, stdout } = await cli([command, "--help"]);
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: rassegna ${command} `);
      expect(stdout).toContain("--redis URL");
    }
  });

  it("says when Redis cannot be reached by queue status, exit 1", async () => {
    const { code, stderr } = await cli(["queue", "status", "--redis", "redis://127.0.0.1:1/0"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^rassegna queue: cannot reach Redis at redis:\/\/127\.0\.0\.1:1\/0: /);
  }, 120_000);

  it("says what is wrong with bad queue options, exit 2", async () => {
    const cases = [
      ["worker"],
      ["worker", "--redis", "http://127.0.0.1:1/0"],
      ["worker", "--redis", redis.url, "--stages", "language,summarise"],
      ["run", "--queue", "news", "--jsonl"],
      ["run", "--redis", redis.url, "--stages", "language", "--route", "language/stance"],
      ["queue", "status"],
      ["queue", "purge", "--redis", redis.url],
    ];
    const results = [];
    for (const args of cases) results.push(await cli(args));
    for (const { code, stdout } of results) {
      expect(code).toBe(2);
      expect(stdout).toBe("");
    }
    expect(results.map(({ stderr }) => stderr.split("\n")[0])).toEqual([
      "rassegna worker: say where Redis is with --redis redis://HOST:PORT/DB.",
      'rassegna worker: --redis takes a URL such as redis://127.0.0.1:6379/0, not "http://127.0.0.1:1/0".',
      'rassegna worker: --stages: unknown stage "summarise"; the stages are language, translate, entities, stance.',
      "rassegna run: --queue, --stages and --route go with --redis URL.",
      "rassegna run: give --stages (one step) or --route (several), not both.",
      "rassegna queue: say where Redis is with --redis redis://HOST:PORT/DB.",
      'rassegna queue: unknown action "purge"; use status or clear.',
    ]);
  }, 60_000);
});
