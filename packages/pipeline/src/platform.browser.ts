/**
 * The browser stand-ins for `platform.ts` (chosen by the `browser` map in package.json).
 * A page has no Node streams: `toWebStream()` is the stream adapter there.
 */
import { RassegnaError } from "@rassegna/core";

/** Browsers put no listener limit on an AbortSignal: nothing to raise. */
export function setMaxListeners(_n: number, ..._targets: unknown[]): void {}

/** Stands in for Node's Duplex: constructing one says what to use instead. */
export class Duplex {
  constructor(_options?: unknown) {
    throw new RassegnaError(
      "USAGE",
      "pipeline: toNodeStream() needs Node streams, which a browser does not have. Use toWebStream() or stream() there.",
      { stage: "pipeline" },
    );
  }
}
