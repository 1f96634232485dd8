import type { Writable } from "node:stream";

import type { ProgressEvent } from "@rassegna/pipeline";
import cliProgress from "cli-progress";

/** What the command reports as articles go through. */
export interface Progress {
  /** Feed it the pipeline's progress events. */
  onEvent(event: ProgressEvent): void;
  /** Clears the bar (before a warning line) and draws it again afterwards. */
  interrupt(write: () => void): void;
  stop(): void;
}

const SILENT: Progress = {
  onEvent() {},
  interrupt(write) {
    write();
  },
  stop() {},
};

/**
 * A progress bar on standard error when it is a terminal; silence otherwise, so that logs
 * and pipes get nothing but what the command writes on purpose.
 */
export function createProgress(stderr: Writable & { isTTY?: boolean }, knownTotal?: number): Progress {
  if (!stderr.isTTY) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream: stderr,
      format: "{bar} {value}/{total} articles | {failed} with errors | {duration_formatted}",
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let read = 0;
  let finished = 0;
  let failed = 0;
  bar.start(knownTotal ?? 0, 0, { failed });
  return {
    onEvent(event) {
      if (event.type === "read") {
        read++;
        if (knownTotal === undefined || read > knownTotal) bar.setTotal(read);
        return;
      }
      finished++;
      if (event.type === "failed") failed++;
      bar.update(finished, { failed });
    },
    interrupt(write) {
      // cli-progress redraws on its own timer: clearing the line is enough for a clean warning.
      stderr.write("\r\u001b[2K");
      write();
    },
    stop() {
      bar.stop();
    },
  };
}
