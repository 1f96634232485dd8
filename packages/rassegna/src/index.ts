/**
 * `rassegna`: Rassegna in one install. Re-exports the public API of every package
 * (core types and errors, the pipeline, the four stages, the article sources) and offers
 * {@link createDefaultPipeline}: language → translation → entities → stance.
 */
export * from "@rassegna/core";
export * from "@rassegna/entities";
// Both rules backends export RULES_LANGUAGES (the same languages today); the bundle's is the
// entities' one (import the stance's from @rassegna/stance).
export { RULES_LANGUAGES } from "@rassegna/entities";
export * from "@rassegna/langdetect";
export * from "@rassegna/pipeline";
export * from "@rassegna/sources";
export * from "@rassegna/stance";
export * from "@rassegna/translate";
export {
  createDefaultPipeline,
  DEFAULT_STAGE_NAMES,
  type DefaultPipelineOptions,
  type DefaultStageFactory,
  type DefaultStageName,
  defaultStages,
  type StageFactory,
  type StageOptionsMap,
  stageFactory,
} from "./default.js";
