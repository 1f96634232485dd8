import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { readFileSync } from "node:fs";

import { RassegnaError } from "@rassegna/core";

/**
 * A long-lived chain of programs in null-flush mode (Apertium's `-z`): each request is written
 * to its stdin followed by a NUL byte, and its answer is everything the chain writes up to the
 * next NUL. Loading Apertium's dictionaries is what costs, so the chain is started once (or
 * ahead of time, {@link NullFlushProcess.start}) and fed request after request.
 *
 * Requests are pipelined: each is written as soon as it is asked for, and the answers come
 * back in the same order, so the programs of the chain work on one request while the next
 * waits in the pipe. The time budget of a request runs from when the one before it was
 * answered (from when it was written, for the first).
 *
 * The chain runs as one shell pipeline in its own process group: a request that outlives its
 * time budget, or a cancelled one, kills the whole group (no half-read answer can be mistaken
 * for the next one); the requests queued behind it are written again to a fresh chain, so none
 * is lost. A chain that dies on its own fails the request it was answering the same way.
 * Callers decide what to retry.
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
  /**
   * Time, in milliseconds, added to the budget of a request that a freshly started chain
   * answers first (its programs are still loading their dictionaries). Default 0.
   */
  startupMs?: number;
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

/**
 * Kills the programs of an idle chain rather than let them read to the end of their input: a
 * program that does exits through its destructors, which free its dictionaries piece by piece
 * (0.15–0.19 CPU s for the Italian, Spanish, French and Portuguese chains, against 0.05–0.07
 * killed: measured with /proc/<pid>/schedstat before the close and the reaped children's
 * time after). The kernel frees a killed process's memory at once. The programs under the
 * chain's shell are killed one by one, not the shell, which then reaps them and exits: their
 * CPU time stays counted in this process's children's (a killed shell would leave them to
 * init, and `time` would not see them). A chain that is one program (`exec lt-proc …`) is
 * killed itself. Without Linux's /proc nothing is killed: the end of input stops the chain.
 */
function killPrograms(pid: number): void {
  let children: number[];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
  } catch {
    return;
  }
  for (const program of children.length > 0 ? children : [pid]) {
    try {
      process.kill(program, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

/** One request: written to the running chain, waiting for its answer. */
interface Request {
  input: string;
  timeoutMs: number;
  resolve: (output: string) => void;
  reject: (error: unknown) => void;
  /** Cancelled while queued: its answer is read and dropped. */
  dropped: boolean;
  timer?: NodeJS.Timeout | undefined;
  /** Detaches the abort listener. */
  detach: () => void;
}

/** Bytes of stderr kept for the message of a failure. */
const STDERR_TAIL = 2000;

export class NullFlushProcess {
  readonly #command: NullFlushCommand;
  #child: ChildProcessWithoutNullStreams | undefined;
  #chunks: Buffer[] = [];
  #stderr = "";
  /** Requests written to the running chain, in order: the first is the one being answered. */
  #inFlight: Request[] = [];
  /** Whether the running chain has answered once (its dictionaries are loaded). */
  #ready = false;
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

  /** Whether the running chain has answered a request (so its programs are loaded). */
  get ready(): boolean {
    return this.#child !== undefined && this.#ready;
  }

  /**
   * Starts the chain now, if it is not running, so that its programs load their dictionaries
   * while the caller does other work. Requests start it anyway; this only moves the start earlier.
   */
  start(): void {
    if (this.#closed || this.#child) return;
    this.#child = this.#spawn();
  }

  /**
   * Sends `input` (a NUL inside it is written as a space) and resolves with the chain's
   * answer. Rejects with `TIMEOUT` when the answer takes longer than `timeoutMs` (counted from
   * the answer before it), `ABORTED` when `signal` aborts, `STAGE_FAILED` when the chain dies
   * or cannot start; the chain is then killed and the requests behind it go to a fresh one.
   */
  request(input: string, timeoutMs: number, signal?: AbortSignal): Promise<string> {
    if (this.#closed) return Promise.reject(this.#fail("the translator was closed."));
    if (signal?.aborted) return Promise.reject(this.#fail("the request was cancelled.", "ABORTED", signal.reason));
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => this.#abort(request, signal?.reason);
      const request: Request = {
        // A NUL inside the input would end the request early: none reaches the chain.
        input: `${input.replaceAll("\0", " ")}\0`,
        timeoutMs,
        dropped: false,
        resolve: (output) => {
          request.detach();
          resolve(output);
        },
        reject: (error) => {
          request.detach();
          reject(error);
        },
        detach: () => {
          clearTimeout(request.timer);
          signal?.removeEventListener("abort", onAbort);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#inFlight.push(request);
      this.start();
      this.#send(request);
      this.#busy();
      if (this.#inFlight[0] === request) this.#arm(request);
    });
  }

  #fail(message: string, code: "STAGE_FAILED" | "TIMEOUT" | "ABORTED" = "STAGE_FAILED", cause?: unknown) {
    const { stage, hint } = this.#command;
    return new RassegnaError(code, `${stage}: ${this.#command.label}: ${message}`, {
      stage,
      ...(code === "ABORTED" ? {} : { hint }),
      ...(cause === undefined ? {} : { cause }),
    });
  }

  #spawn(): ChildProcessWithoutNullStreams {
    // --norc: bash reads ~/.bashrc when its stdin is a socket (it takes it for rshd/sshd), and
    // Node gives a child a socket there: each chain would run the user's shell set-up first
    // (a pyenv or nvm init takes from a tenth of a second to a minute waiting for its lock).
    const args = ["--norc", "--noprofile", "-c", this.#command.script, "bash", ...(this.#command.args ?? [])];
    const child = spawn("bash", args, {
      stdio: ["pipe", "pipe", "pipe"],
      // Its own process group: a kill reaches every program of the pipeline.
      detached: true,
    });
    this.starts++;
    this.#chunks = [];
    this.#stderr = "";
    this.#ready = false;
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
    this.#setRef(child, false);
    return child;
  }

  /** An idle chain does not keep Node running; one with requests in flight does. */
  #setRef(child: ChildProcessWithoutNullStreams, busy: boolean): void {
    for (const handle of [child, child.stdin, child.stdout, child.stderr] as Array<{ ref(): void; unref(): void }>) {
      if (busy) handle.ref();
      else handle.unref();
    }
  }

  #busy(): void {
    if (this.#child) this.#setRef(this.#child, this.#inFlight.length > 0);
  }

  #send(request: Request): void {
    this.#child?.stdin.write(request.input);
  }

  /** Starts the time budget of the request now being answered. */
  #arm(request: Request): void {
    clearTimeout(request.timer);
    const budget = request.timeoutMs + (this.#ready ? 0 : (this.#command.startupMs ?? 0));
    request.timer = setTimeout(() => {
      if (this.#inFlight[0] !== request) return;
      this.#inFlight.shift();
      request.reject(
        this.#fail(`no answer within ${budget} ms; the chain was stopped and will be restarted.`, "TIMEOUT"),
      );
      this.#restart();
    }, budget);
  }

  #abort(request: Request, reason: unknown): void {
    const index = this.#inFlight.indexOf(request);
    if (index < 0 || request.dropped) return;
    request.reject(this.#fail("the request was cancelled.", "ABORTED", reason));
    if (index === 0) {
      // Half answered: only a fresh chain is sure not to hand its rest to the next request.
      this.#inFlight.shift();
      this.#restart();
    } else {
      // Still waiting in the pipe: its answer will come, and is dropped.
      request.dropped = true;
    }
  }

  #onData(child: ChildProcessWithoutNullStreams, chunk: Buffer): void {
    // Some programs write more NULs as they reach the end of their input: not answers.
    if (child !== this.#child) return;
    let rest = chunk;
    let zero = rest.indexOf(0);
    while (zero >= 0) {
      this.#chunks.push(rest.subarray(0, zero));
      const output = Buffer.concat(this.#chunks).toString("utf8");
      this.#chunks = [];
      rest = rest.subarray(zero + 1);
      this.#ready = true;
      const request = this.#inFlight.shift();
      if (!request) {
        // An answer nobody asked for: the chain is out of step. Start afresh.
        if (!this.#closed) this.#restart();
        return;
      }
      if (!request.dropped) request.resolve(output);
      const next = this.#inFlight[0];
      if (next) this.#arm(next);
      zero = rest.indexOf(0);
    }
    if (rest.length > 0) this.#chunks.push(rest);
    this.#busy();
  }

  #onExit(child: ChildProcessWithoutNullStreams, error: RassegnaError): void {
    if (child.pid !== undefined) LIVE.delete(child.pid);
    if (child !== this.#child) return;
    this.#child = undefined;
    // The request being answered is the one the chain died on: it fails; the others go to a fresh chain.
    const failed = this.#inFlight.shift();
    if (failed && !failed.dropped) failed.reject(error);
    if (this.#closed) {
      for (const request of this.#inFlight.splice(0)) if (!request.dropped) request.reject(error);
      return;
    }
    this.#resend();
  }

  /** Kills the running chain and writes the requests still waiting to a fresh one. */
  #restart(): void {
    const child = this.#child;
    this.#child = undefined;
    if (child?.pid !== undefined) killGroup(child.pid);
    this.#resend();
  }

  #resend(): void {
    for (const request of this.#inFlight) clearTimeout(request.timer);
    this.#inFlight = this.#inFlight.filter((request) => !request.dropped);
    if (this.#inFlight.length === 0 || this.#closed) {
      for (const request of this.#inFlight.splice(0)) request.reject(this.#fail("the translator was closed."));
      return;
    }
    this.start();
    for (const request of this.#inFlight) this.#send(request);
    this.#busy();
    this.#arm(this.#inFlight[0] as Request);
  }

  /**
   * Stops the chain; a request after this fails. The requests in flight are answered first
   * (a chain that takes over two seconds more is killed, and they fail); an idle chain's
   * programs are killed at once (see {@link killPrograms}).
   */
  async close(): Promise<void> {
    this.#closed = true;
    const child = this.#child;
    if (!child) return;
    this.#setRef(child, true);
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once("exit", () => resolve());
    });
    child.stdin.end();
    if (this.#inFlight.length === 0 && child.pid !== undefined) killPrograms(child.pid);
    const timer = setTimeout(() => {
      if (this.#child === child) {
        this.#child = undefined;
        if (child.pid !== undefined) killGroup(child.pid);
      }
      for (const request of this.#inFlight.splice(0)) {
        if (!request.dropped) request.reject(this.#fail("the translator was closed."));
      }
    }, 2000);
    await exited;
    clearTimeout(timer);
    if (this.#child === child) this.#child = undefined;
    if (child.pid !== undefined) LIVE.delete(child.pid);
    for (const request of this.#inFlight.splice(0)) {
      if (!request.dropped) request.reject(this.#fail("the translator was closed."));
    }
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
