// Starts example 5 (the HTTP service) as a child process on a free loopback port, so that a
// test or a benchmark measures it from outside: its answers, its /health while loaded, its
// peak memory (VmHWM of the child, worker threads included), and whether it is still up.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("../05-http-service.mjs", import.meta.url));

/** The child's peak resident memory in MiB (Linux /proc), or undefined elsewhere. */
function peakMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kib) ? Math.round(kib / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `node examples/05-http-service.mjs --port 0 …args` and resolves once it listens:
 * `{ base, pid, peakMiB(), alive(), stderr(), stop() }`. Rejects with its standard error if
 * it exits first or does not listen within `startMs`.
 */
export function startService(args = [], { env = {}, startMs = 60_000 } = {}) {
  const child = spawn(process.execPath, [SCRIPT, "--port", "0", ...args], {
    env: { ...process.env, RASSEGNA_OFFLINE: "1", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the service did not listen within ${startMs} ms: ${stderr}`));
    }, startMs);
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match && timer) {
        clearTimeout(timer);
        resolve({
          base: match[1],
          pid: child.pid,
          peakMiB: () => peakMiB(child.pid),
          alive: () => !exited && child.exitCode === null,
          stderr: () => stderr,
          stop: () =>
            new Promise((done) => {
              if (exited) return done(child.exitCode);
              child.once("exit", (code) => done(code));
              child.kill("SIGINT");
              setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
            }),
        });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited (${code}) before listening: ${stderr}`));
    });
  });
}
