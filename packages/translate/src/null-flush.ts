import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";

import { RassegnaError } from "@rassegna/core";

/**
 * A long-lived chain of programs in null-flush mode (Apertium's `-z`): each request is written
 * to its stdin followed by a NUL byte, and its answer is everything the chain writes up to the
 * next NUL. Loading Apertium's dictionaries is what costs, so the chain is started once and
 * fed request after request, one at a time.
 *
 * The chain runs as one shell pipeline in its own process group: a request that outlives its
 * time budget, or a cancelled one, kills the whole group (no half-read answer can be mistaken
 * for the next one), and the next request starts a fresh chain. A chain that dies on its own
 * fails the request in flight the same way. Callers decide what to retry.
 */
export interface NullFlushCommand {
  /** A shell pipeline (run by `bash -c`), reading stdin and writing stdout in null-flush mode. */
  script: string;
  /** Positional arguments of the script ($1, $2…). */
  args?: string[];
  /** What the chain is, for messages ("apertium ita-spa+spa-eng"). */
  label: string;
  /** What to do when it fails, for messages. */
  hint: string;
  stage: string;
}

/** Process groups alive in this process: killed when Node exits, so that no chain outlives it. */
const LIVE = new Set<number>();
let exitHook = false;

function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
  LIVE.delete(pid);
}

interface Pending {
  resolve: (output: string) => void;
  reject: (error: unknown) => void;
}

/** Bytes of stderr kept for the message of a failure. */
const STDERR_TAIL = 2000;

export class NullFlushProcess {
  readonly #command: NullFlushCommand;
  #child: ChildProcessWithoutNullStreams | undefined;
  #chunks: Buffer[] = [];
  #stderr = "";
  #pending: Pending | undefined;
  /** Requests run one after another: the tail of the queue. */
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;
  /** How many times a chain was started (the first start included). */
  starts = 0;

  constructor(command: NullFlushCommand) {
    this.#command = command;
  }

  /** The process id of the running chain (its group leader), if one is running. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /**
   * Sends `input` (which must hold no NUL) and resolves with the chain's answer. Rejects with
   * `TIMEOUT` after `timeoutMs`, `ABORTED` when `signal` aborts, `STAGE_FAILED` when the chain
   * dies or cannot start; in every case the chain is killed and restarted on the next request.
   */
  request(input: string, timeoutMs: number, signal?: AbortSignal): Promise<string> {
    const run = this.#queue.then(() => this.#run(input, timeoutMs, signal));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #fail(message: string, code: "STAGE_FAILED" | "TIMEOUT" | "ABORTED" = "STAGE_FAILED", cause?: unknown) {
    const { stage, hint } = this.#command;
    return new RassegnaError(code, `${stage}: ${this.#command.label}: ${message}`, {
      stage,
      ...(code === "ABORTED" ? {} : { hint }),
      ...(cause === undefined ? {} : { cause }),
    });
  }

  #start(): ChildProcessWithoutNullStreams {
    const child = spawn("bash", ["-c", this.#command.script, "bash", ...(this.#command.args ?? [])], {
      stdio: ["pipe", "pipe", "pipe"],
      // Its own process group: a kill reaches every program of the pipeline.
      detached: true,
    });
    this.starts++;
    this.#chunks = [];
    this.#stderr = "";
    if (child.pid !== undefined) LIVE.add(child.pid);
    if (!exitHook) {
      exitHook = true;
      process.once("exit", () => {
        for (const pid of [...LIVE]) killGroup(pid);
      });
    }
    child.stdout.on("data", (chunk: Buffer) => this.#onData(child, chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString("utf8")).slice(-STDERR_TAIL);
    });
    child.stdin.on("error", () => {
      // EPIPE when the chain died: reported by the exit handler.
    });
    child.on("error", (error) =>
      this.#onExit(child, this.#fail(`could not start: ${error.message}`, "STAGE_FAILED", error)),
    );
    child.on("exit", (code, signal) => {
      const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const detail = this.#stderr.trim().split("\n").slice(-3).join(" / ");
      this.#onExit(child, this.#fail(`the chain ${why}${detail ? `: ${detail}` : ""}.`));
    });
    this.#idle(child);
    return child;
  }

  /** An idle chain does not keep Node running; one with a request in flight does. */
  #idle(child: ChildProcessWithoutNullStreams, busy = false): void {
    for (const handle of [child, child.stdin, child.stdout, child.stderr] as Array<{ ref(): void; unref(): void }>) {
      if (busy) handle.ref();
      else handle.unref();
    }
  }

  #onData(child: ChildProcessWithoutNullStreams, chunk: Buffer): void {
    // Some programs write more NULs as they reach the end of their input: not answers.
    if (child !== this.#child || this.#closed) return;
    let rest = chunk;
    let zero = rest.indexOf(0);
    while (zero >= 0) {
      this.#chunks.push(rest.subarray(0, zero));
      const output = Buffer.concat(this.#chunks).toString("utf8");
      this.#chunks = [];
      rest = rest.subarray(zero + 1);
      const pending = this.#pending;
      this.#pending = undefined;
      if (pending) pending.resolve(output);
      else {
        // An answer nobody asked for: the chain is out of step. Start afresh.
        this.#kill();
        return;
      }
      zero = rest.indexOf(0);
    }
    if (rest.length > 0) this.#chunks.push(rest);
  }

  #onExit(child: ChildProcessWithoutNullStreams, error: RassegnaError): void {
    if (child.pid !== undefined) LIVE.delete(child.pid);
    if (child !== this.#child) return;
    this.#child = undefined;
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(error);
  }

  /** Kills the chain; a request still in flight fails with `error`. */
  #kill(error?: RassegnaError): void {
    const child = this.#child;
    this.#child = undefined;
    if (child?.pid !== undefined) killGroup(child.pid);
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.reject(error ?? this.#fail("the chain was stopped."));
  }

  #run(input: string, timeoutMs: number, signal?: AbortSignal): Promise<string> {
    if (this.#closed) return Promise.reject(this.#fail("the translator was closed.", "STAGE_FAILED"));
    if (signal?.aborted) return Promise.reject(this.#fail("the request was cancelled.", "ABORTED", signal.reason));
    this.#child ??= this.#start();
    const child = this.#child;
    this.#idle(child, true);
    return new Promise<string>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        if (this.#child === child) this.#idle(child);
      };
      const onAbort = () => {
        if (this.#pending?.resolve !== ok) return;
        this.#pending = undefined;
        this.#kill();
        done();
        reject(this.#fail("the request was cancelled.", "ABORTED", signal?.reason));
      };
      const ok = (output: string) => {
        done();
        resolve(output);
      };
      this.#pending = {
        resolve: ok,
        reject: (error) => {
          done();
          reject(error);
        },
      };
      timer = setTimeout(() => {
        if (this.#pending?.resolve !== ok) return;
        this.#pending = undefined;
        this.#kill();
        done();
        reject(this.#fail(`no answer within ${timeoutMs} ms; the chain was stopped and will be restarted.`, "TIMEOUT"));
      }, timeoutMs);
      signal?.addEventListener("abort", onAbort, { once: true });
      // A NUL inside the input would end the request early: none reaches the chain.
      child.stdin.write(`${input.replaceAll("\0", " ")}\0`);
    });
  }

  /** Stops the chain; a request after this fails. Waits for requests in flight to settle. */
  async close(): Promise<void> {
    this.#closed = true;
    const child = this.#child;
    if (child) {
      this.#idle(child, true);
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once("exit", () => resolve());
      });
      child.stdin.end();
      // A chain busy with a long request is not waited for.
      const timer = setTimeout(() => this.#kill(this.#fail("the translator was closed.")), 2000);
      await exited;
      clearTimeout(timer);
      this.#child = undefined;
      if (child.pid !== undefined) LIVE.delete(child.pid);
    }
    await this.#queue;
  }
}

/**
 * Chains shared by every engine of this process, by script: the Spanish→English mode that
 * Italian, French and Portuguese all pivot through is started once, not once per language.
 */
const SHARED = new Map<string, { process: NullFlushProcess; users: number }>();

function sharedKey(command: NullFlushCommand): string {
  return JSON.stringify([command.script, command.args ?? []]);
}

/** The shared chain running `command` (started on its first request); release it when done. */
export function acquireProcess(command: NullFlushCommand): NullFlushProcess {
  const key = sharedKey(command);
  let entry = SHARED.get(key);
  if (!entry) {
    entry = { process: new NullFlushProcess(command), users: 0 };
    SHARED.set(key, entry);
  }
  entry.users++;
  return entry.process;
}

/** Gives a shared chain back; the last user's release stops it. */
export async function releaseProcess(process: NullFlushProcess): Promise<void> {
  for (const [key, entry] of SHARED) {
    if (entry.process !== process) continue;
    if (--entry.users > 0) return;
    SHARED.delete(key);
    await process.close();
    return;
  }
}
