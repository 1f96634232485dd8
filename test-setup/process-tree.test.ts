import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { descendants, listProcesses, liveDescendantsCpuSeconds, reapedChildrenCpuSeconds } from "./process-tree.js";

const linux = existsSync("/proc/self/stat");
/** A child that starts a grandchild (a sleeping shell) and then burns CPU until it is killed. */
const PARENT = `
  const { spawn } = require("node:child_process");
  // The marker is put together here, so that this script's own command line does not hold it.
  spawn("sh", ["-c", "sleep 60 # rassegna-" + "grandchild"], { stdio: "ignore" });
  console.log("ready");
  for (;;) Math.sqrt(Math.random());
`;

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) {
    try {
      process.kill(-(child.pid as number), "SIGKILL");
    } catch {
      // Already gone.
    }
  }
});

async function startTree(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-e", PARENT, "rassegna-child"], { detached: true });
  started.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once("data", () => resolve());
    child.once("error", reject);
  });
  return child;
}

describe.runIf(linux)("the process tree (/proc)", () => {
  it("lists this process's children and their children, with their command lines, not others", async () => {
    const child = await startTree();
    expect(listProcesses().some((p) => p.pid === process.pid)).toBe(true);
    // The grandchild may need a moment to exec its command line after the child said "ready".
    let mine = descendants();
    for (let i = 0; i < 100 && !mine.some((p) => p.command.includes("rassegna-grandchild")); i++) {
      await new Promise((r) => setTimeout(r, 20));
      mine = descendants();
    }
    const childInfo = mine.find((p) => p.pid === child.pid);
    expect(childInfo?.ppid).toBe(process.pid);
    expect(childInfo?.command).toContain("rassegna-child");
    const grandchild = mine.find((p) => p.command.includes("rassegna-grandchild"));
    expect(grandchild?.ppid).toBe(child.pid);
    // Its arguments one by one: the shell's script is one argument, spaces and all.
    expect(grandchild?.argv.slice(1)).toEqual(["-c", "sleep 60 # rassegna-grandchild"]);
    expect(mine.some((p) => p.pid === process.pid)).toBe(false);
    // Seen from the child: the grandchild (and what it runs) is a descendant; this process and the child are not.
    const fromChild = descendants(child.pid as number).map((p) => p.pid);
    expect(fromChild).toContain(grandchild?.pid);
    expect(fromChild).not.toContain(child.pid);
    expect(fromChild).not.toContain(process.pid);
  });

  it("adds up the CPU of running descendants, and gives none once they are gone", async () => {
    const child = await startTree();
    let used = 0;
    for (let i = 0; i < 200 && used <= 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      used = liveDescendantsCpuSeconds();
    }
    expect(used).toBeGreaterThan(0);
    process.kill(-(child.pid as number), "SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(descendants().some((p) => p.pid === child.pid)).toBe(false);
  });

  it("counts the CPU of children that have stopped and been waited for", () => {
    const before = reapedChildrenCpuSeconds();
    spawnSync(process.execPath, [
      "-e",
      "const end = process.cpuUsage().user + 300000; while (process.cpuUsage().user < end);",
    ]);
    expect(reapedChildrenCpuSeconds()).toBeGreaterThan(before);
  });
});
