import { describe, expect, it } from "vitest";
import { acquireProcess, NullFlushProcess, releaseProcess } from "../src/null-flush.js";

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

describe("a long-lived null-flush process", () => {
  it("answers request after request from one process", async () => {
    const chain = new NullFlushProcess(command);
    expect(await chain.request("uno", 5000)).toBe("UNO");
    expect(await chain.request("due tre", 5000)).toBe("DUE TRE");
    // Requests sent together are answered in order, each with its own answer.
    const answers = await Promise.all(["a", "b", "c"].map((x) => chain.request(x, 5000)));
    expect(answers).toEqual(["A", "B", "C"]);
    expect(chain.starts).toBe(1);
    await chain.close();
  });

  it("a chain that dies fails the request in flight and is restarted for the next", async () => {
    const chain = new NullFlushProcess(command);
    expect(await chain.request("prima", 5000)).toBe("PRIMA");
    await expect(chain.request("die", 5000)).rejects.toMatchObject({
      code: "STAGE_FAILED",
      message: expect.stringContaining("exited with code 3"),
    });
    expect(await chain.request("dopo", 5000)).toBe("DOPO");
    expect(chain.starts).toBe(2);
    await chain.close();
  });

  it("a request over its time budget is a TIMEOUT, the chain is killed and a fresh one answers", async () => {
    const chain = new NullFlushProcess(command);
    expect(await chain.request("warm", 5000)).toBe("WARM");
    const pid = chain.pid as number;
    await expect(chain.request("hang", 300)).rejects.toMatchObject({ code: "TIMEOUT" });
    // The whole group is gone (the sleeping bash included), not left running.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(pid)).toBe(false);
    expect(await chain.request("ancora", 5000)).toBe("ANCORA");
    expect(chain.starts).toBe(2);
    await chain.close();
  });

  it("a cancelled request is ABORTED and does not leave an answer for the next one", async () => {
    const chain = new NullFlushProcess(command);
    const controller = new AbortController();
    const pending = chain.request("hang", 10_000, controller.signal);
    setTimeout(() => controller.abort(), 100);
    await expect(pending).rejects.toMatchObject({ code: "ABORTED" });
    expect(await chain.request("poi", 5000)).toBe("POI");
    await chain.close();
  });

  it("close() stops the chain, and a request after it fails", async () => {
    const chain = new NullFlushProcess(command);
    await chain.request("x", 5000);
    const pid = chain.pid as number;
    await chain.close();
    expect(chain.pid).toBeUndefined();
    expect(alive(pid)).toBe(false);
    await expect(chain.request("y", 5000)).rejects.toMatchObject({ message: expect.stringContaining("closed") });
  });

  it("shared chains are started once for every user and stopped with the last", async () => {
    const script = `${ECHO} # shared`;
    const a = acquireProcess({ ...command, script });
    const b = acquireProcess({ ...command, script });
    expect(a).toBe(b);
    expect(await a.request("uno", 5000)).toBe("UNO");
    const pid = a.pid as number;
    await releaseProcess(a);
    expect(await b.request("due", 5000)).toBe("DUE");
    await releaseProcess(b);
    expect(alive(pid)).toBe(false);
    // A new user after the last release gets a fresh chain.
    const c = acquireProcess({ ...command, script });
    expect(c).not.toBe(a);
    await releaseProcess(c);
  });
});
