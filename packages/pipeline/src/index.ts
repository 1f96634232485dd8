/**
 * `@rassegna/pipeline`: streaming composition of Rassegna stages over articles, as async
 * iterables, Node streams or web streams.
 */
export { createPipeline } from "./pipeline.js";
export type {
  AnalysisDuplex,
  Pipeline,
  PipelineInput,
  PipelineOptions,
  PipelineSource,
  PipelineStats,
  ProgressEvent,
  RunOptions,
  StageStats,
} from "./types.js";
