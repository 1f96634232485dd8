// The worker thread of example 5: one default pipeline per thread, so that language
// detection, translation, entities and stance run off the server's event loop.
import { workerData } from "node:worker_threads";

import { createDefaultPipeline } from "rassegna";

const pipeline = createDefaultPipeline({ ...(workerData?.pipelineOptions ?? {}), concurrency: 1 });

/** Analyses one article; piscina terminates the thread if the request is cancelled meanwhile. */
export default async function analyse({ article, index }) {
  // The record crosses the thread boundary by structured clone: plain data only.
  return JSON.parse(JSON.stringify(await pipeline.run(article, index)));
}
