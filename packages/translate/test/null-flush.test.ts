import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";
import { acquireProcess, NullFlushProcess, releaseProcess } from "../src/backends/apertium/null-flush.js";

/**
 * A stand-in chain in bash: answers each NUL-ended request with it upper-cased, hangs on
 * "hang", dies on "die" (what a real Apertium program may do on input it chokes on).
 */
const ECHO = `while IFS= read -r -d '' line; do
  case "$line" in
    hang) sleep 30 ;;
    die) exit 3 ;;
    *) printf '%s\\0' "\${line^^}" ;;
  esac
done`;

const command = { script: ECHO, label: "test chain", hint: "Check the test.", stage: "translate" };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether the process is gone once Node has reaped it (no fixed wait: a loaded machine reaps late). */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 1000 && alive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  return !alive(pid);
}

/** A budget no answer of the stand-in needs, however loaded the machine. */
const LONG = 60_000;

describe("a long-lived null-flush process", () => {
  it("does not run the user's ~/.bashrc (bash reads it when its stdin is a socket, as Node gives it)", async () => {
    const home = mkdtempSync(join(tmpdir(), "rassegna-home-"));
    writeFileSync(join(home, ".bashrc"), 'touch "$HOME/bashrc-was-read"\n');
    const saved = { HOME: process.env.HOME, SHLVL: process.env.SHLVL };
    // bash reads it only in a shell of level < 2: as started by a service, not from a terminal.
    Object.assign(process.env, { HOME: home, SHLVL: "0" });
    const chain = new NullFlushProcess(command);
    try {
      expect(await chain.request("ciao", LONG)).toBe("CIAO");
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await chain.close();
    }
    expect(existsSync(join(home, "bashrc-was-read"))).toBe(false);
    rmSync(home, { recursive: true, force: true });
  });

  it("answers request after request from one process", async () => {
    const chain = new NullFlushProcess(command);
    expect(await chain.request("uno", LONG)).toBe("UNO");
    expect(await chain.request("due tre", LONG)).toBe("DUE TRE");
    // Requests sent together are answered in order, each with its own answer.
    const answers = await Promise.all(["a", "b", "c"].map((x) => chain.request(x, LONG)));
    expect(answers).toEqual(["A", "B", "C"]);
    expect(chain.starts).toBe(1);
    await chain.close();
  });

  it("a chain that dies fails the request in flight and is restarted for the next", async () => {
    const chain = new NullFlushProcess(command);
    expect(await chain.request("prima", LONG)).toBe("PRIMA");
    await expect(chain.request("die", LONG)).rejects.toMatchObject({
      code: "STAGE_FAILED",
      message: expect.stringContaining("exited with code 3"),
    });
    expect(await chain.request("dopo", LONG)).toBe("DOPO");
    expect(chain.starts).toBe(2);
    await chain.close();
  });

  it("a request over its time budget is a TIMEOUT, the chain is killed and a fresh one answers", async () => {
    const chain = new NullFlushProcess(command);
    expect(await chain.request("warm", LONG)).toBe("WARM");
    const pid = chain.pid as number;
    await expect(chain.request("hang", 300)).rejects.toMatchObject({ code: "TIMEOUT" });
    // The whole group is gone (the sleeping bash included), not left running.
    expect(await gone(pid)).toBe(true);
    expect(await chain.request("ancora", LONG)).toBe("ANCORA");
    expect(chain.starts).toBe(2);
    await chain.close();
  });

  it("a cancelled request is ABORTED and does not leave an answer for the next one", async () => {
    const chain = new NullFlushProcess(command);
    const controller = new AbortController();
    const pending = chain.request("hang", 10_000, controller.signal);
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toMatchObject({ code: "ABORTED" });
    expect(await chain.request("poi", LONG)).toBe("POI");
    await chain.close();
  });

  it("close() stops the chain, and a request after it fails", async () => {
    const chain = new NullFlushProcess(command);
    await chain.request("x", LONG);
    const pid = chain.pid as number;
    await chain.close();
    expect(chain.pid).toBeUndefined();
    expect(await gone(pid)).toBe(true);
    await expect(chain.request("y", LONG)).rejects.toMatchObject({ message: expect.stringContaining("closed") });
  });

  it("close() kills an idle chain's programs (they do not run to the end of their input) and its shell exits", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rassegna-close-"));
    const marker = join(dir, "reached-end-of-input");
    // Two programs under the shell, as in an Apertium mode: the first marks the end of its input.
    const chain = new NullFlushProcess({ ...command, script: `{ ${ECHO}; touch "$1"; } | cat`, args: [marker] });
    expect(await chain.request("fine", LONG)).toBe("FINE");
    const pid = chain.pid as number;
    await chain.close();
    expect(await gone(pid)).toBe(true);
    expect(existsSync(marker)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it("close() lets a chain answer the requests in flight before it stops", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rassegna-close-"));
    const marker = join(dir, "reached-end-of-input");
    const chain = new NullFlushProcess({ ...command, script: `{ ${ECHO}; touch "$1"; } | cat`, args: [marker] });
    const pending = chain.request("ultima", LONG);
    await chain.close();
    expect(await pending).toBe("ULTIMA");
    expect(existsSync(marker)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it("shared chains are started once for every user and stopped with the last", async () => {
    const script = `${ECHO} # shared`;
    const a = acquireProcess({ ...command, script });
    const b = acquireProcess({ ...command, script });
    expect(a).toBe(b);
    expect(await a.request("uno", LONG)).toBe("UNO");
    const pid = a.pid as number;
    await releaseProcess(a);
    expect(await b.request("due", LONG)).toBe("DUE");
    await releaseProcess(b);
    expect(await gone(pid)).toBe(true);
    // A new user after the last release gets a fresh chain.
    const c = acquireProcess({ ...command, script });
    expect(c).not.toBe(a);
    await releaseProcess(c);
  });

  it("start() starts the chain ahead of the first request, which then uses it", async () => {
    const chain = new NullFlushProcess(command);
    expect(chain.pid).toBeUndefined();
    chain.start();
    expect(chain.pid).toBeDefined();
    expect(chain.ready).toBe(false);
    expect(await chain.request("pronto", LONG)).toBe("PRONTO");
    expect(chain.ready).toBe(true);
    expect(chain.starts).toBe(1);
    await chain.close();
  });

  it("requests queued behind one that hangs go to a fresh chain, none lost", async () => {
    const chain = new NullFlushProcess(command);
    expect(await chain.request("warm", LONG)).toBe("WARM");
    const hang = chain.request("hang", 300);
    const behind = [chain.request("dopo", LONG), chain.request("ancora", LONG)];
    await expect(hang).rejects.toMatchObject({ code: "TIMEOUT" });
    expect(await Promise.all(behind)).toEqual(["DOPO", "ANCORA"]);
    expect(chain.starts).toBe(2);
    await chain.close();
  });

  it("a queued request that is cancelled is ABORTED, and its answer goes to no one else", async () => {
    const chain = new NullFlushProcess(command);
    const controller = new AbortController();
    const first = chain.request("uno", LONG);
    const cancelled = chain.request("due", LONG, controller.signal);
    const third = chain.request("tre", LONG);
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ code: "ABORTED" });
    expect(await first).toBe("UNO");
    expect(await third).toBe("TRE");
    expect(await chain.request("quattro", LONG)).toBe("QUATTRO");
    await chain.close();
  });
});
