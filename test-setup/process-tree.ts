/**
 * The processes a process has started, and their children, read from Linux's `/proc`: which
 * programs are running under this one (a test that Apertium's chain started, or stopped) and
 * how much CPU they have used (a benchmark that counts the work of child programs while they
 * still run, before they are reaped). One walk for the tests and the benchmarks.
 *
 * Linux only: elsewhere (no `/proc`) `descendants()` is empty and the CPU totals are `NaN`.
 */
import { readdirSync, readFileSync } from "node:fs";

/** One running process. */
export interface ProcessInfo {
  pid: number;
  /** The parent's pid. */
  ppid: number;
  /** The command line, arguments joined by spaces ("" when the process hides it or is gone). */
  command: string;
  /** The same command line, one string per argument (a shell's `-c` script stays one argument). */
  argv: string[];
  /**
   * CPU seconds the process itself has used so far (user + system): the scheduler's count of
   * its threads' time on a CPU where /proc shows it, else `/proc/<pid>/stat`'s sampled times.
   */
  cpuSeconds: number;
}

/** Clock ticks a second of `/proc/<pid>/stat`'s times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/**
 * The fields of `/proc/<pid>/stat` after the command name, which may itself hold spaces and
 * brackets: index 0 is the state, 1 the parent pid, 11 and 12 utime and stime, 13 and 14
 * cutime and cstime (the reaped children's).
 */
function statFields(pid: number | "self"): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/**
 * Seconds on a CPU of every thread of a process, from `/proc/<pid>/task/<tid>/schedstat` (its
 * first field, in nanoseconds, is the scheduler's own count), or undefined where it cannot be
 * read. The utime and stime of `/proc/<pid>/stat` are sampled at clock ticks: for Apertium's
 * running programs, which wake briefly and often, they came to 25–35 % less than this on the
 * benchmark machine, while the reaped children's time (cutime + cstime, read once they have
 * exited) matched it. Live and reaped readings must agree for a benchmark to add them up.
 */
function runtimeSeconds(pid: number): number | undefined {
  try {
    let nanoseconds = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      nanoseconds += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    }
    return Number.isFinite(nanoseconds) ? nanoseconds / 1e9 : undefined;
  } catch {
    return undefined;
  }
}

/** Every process now running that `/proc` shows. */
export function listProcesses(): ProcessInfo[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  const out: ProcessInfo[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const fields = statFields(pid);
      let argv: string[] = [];
      try {
        argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
      } catch {
        // Not ours to read: the command stays unknown.
      }
      out.push({
        pid,
        ppid: Number(fields[1]),
        command: argv.join(" "),
        argv,
        cpuSeconds: runtimeSeconds(pid) ?? (Number(fields[11]) + Number(fields[12])) / TICKS,
      });
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

/** The processes started by `root` (default: this process), its children's children too, not `root` itself. */
export function descendants(root: number = process.pid): ProcessInfo[] {
  const all = listProcesses();
  const mine = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all)
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
  }
  return all.filter((p) => p.pid !== root && mine.has(p.pid));
}

/**
 * CPU seconds used so far by the running descendants of `root` (default: this process): the
 * work of child programs inside a timed run, which {@link reapedChildrenCpuSeconds} shows only
 * once they have stopped and been waited for. `NaN` without `/proc`.
 */
export function liveDescendantsCpuSeconds(root: number = process.pid): number {
  try {
    readdirSync("/proc");
  } catch {
    return Number.NaN;
  }
  return descendants(root).reduce((sum, p) => sum + p.cpuSeconds, 0);
}

/** CPU seconds of this process's children that have stopped and been reaped (cutime + cstime); `NaN` without `/proc`. */
export function reapedChildrenCpuSeconds(): number {
  try {
    const fields = statFields("self");
    return (Number(fields[13]) + Number(fields[14])) / TICKS;
  } catch {
    return Number.NaN;
  }
}
