import type { Stage } from "@rassegna/core";

import type { Task } from "./task.js";
import type { StageStats } from "./types.js";

/**
 * One article in this many has each synchronous stage call timed on its own; the others
 * read the clock once, at the article's end, and share that time out among the stages in
 * the proportions measured. A clock read costs about as much as a no-op stage, so timing
 * every call would double the cost of quick stages; the totals stay exact either way.
 */
const TIME_EVERY = 16;

/** Calls, errors, batches and time of every stage of a pipeline. */
export class StageTimes {
  readonly stats: StageStats[];
  /** Time and count of the synchronous stage calls timed on their own: their proportions. */
  private readonly sampleMs: number[];
  private readonly sampleCalls: number[];
  /** Untimed time, by the last stage of the stretch it covers (stages 0 to that one). */
  private readonly untimedMs: number[];
  private articlesStarted = 0;

  constructor(private readonly stages: readonly Stage[]) {
    this.stats = stages.map(() => ({ calls: 0, errors: 0, ms: 0, batches: 0, batchItems: 0 }));
    this.sampleMs = stages.map(() => 0);
    this.sampleCalls = stages.map(() => 0);
    this.untimedMs = stages.map(() => 0);
  }

  /** An article starts at `clock`: decides whether its synchronous calls are timed one by one. */
  start(task: Task, clock: number): void {
    task.start = task.clock = clock;
    task.timed = this.articlesStarted++ % TIME_EVERY === 0;
  }

  /** Stage `i` returned synchronously: timed on its own only in a timed article. */
  syncEnd(task: Task, i: number): void {
    const stats = this.stats[i]!;
    stats.calls++;
    task.next = i + 1;
    if (task.timed) {
      const now = performance.now();
      const ms = now - task.clock;
      stats.ms += ms;
      this.sampleMs[i]! += ms;
      this.sampleCalls[i]!++;
      task.clock = now;
    }
  }

  /** Stage `i` settled its promise: always timed on its own. */
  asyncEnd(task: Task, i: number): void {
    const stats = this.stats[i]!;
    const now = performance.now();
    stats.calls++;
    stats.ms += now - task.clock;
    task.clock = now;
    task.next = i + 1;
  }

  /**
   * Ends the untimed stretch of `task` (stages 0 to `last`) with one clock read; the task
   * is timed from here on. {@link byStage} shares that time out among the stages.
   */
  shareOut(task: Task, last: number): void {
    const now = performance.now();
    this.untimedMs[last]! += now - task.clock;
    task.clock = now;
    task.timed = true;
  }

  /**
   * Time per stage: what was timed call by call, plus a share of every untimed stretch in
   * proportion to the stages' measured mean synchronous call (evenly while none was measured).
   */
  private stageMs(): number[] {
    const mean = this.stages.map((_, i) => {
      const calls = this.sampleCalls[i]!;
      return calls > 0 ? this.sampleMs[i]! / calls : 0;
    });
    const ms = this.stats.map((stats) => stats.ms);
    this.untimedMs.forEach((elapsed, last) => {
      if (elapsed === 0) return;
      let total = 0;
      for (let j = 0; j <= last; j++) total += mean[j]!;
      for (let j = 0; j <= last; j++) ms[j]! += total > 0 ? (elapsed * mean[j]!) / total : elapsed / (last + 1);
    });
    return ms;
  }

  /** The totals by stage name (two stages of one name share a line). */
  byStage(): Record<string, StageStats> {
    const stages: Record<string, StageStats> = {};
    const ms = this.stageMs();
    this.stages.forEach((stage, i) => {
      const own = { ...this.stats[i]!, ms: ms[i]! };
      const seen = stages[stage.name];
      stages[stage.name] = seen
        ? {
            calls: seen.calls + own.calls,
            errors: seen.errors + own.errors,
            ms: seen.ms + own.ms,
            batches: seen.batches + own.batches,
            batchItems: seen.batchItems + own.batchItems,
          }
        : own;
    });
    return stages;
  }
}
