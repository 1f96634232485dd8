import { type ModelSettingsOptions, RassegnaError, type Stage } from "@rassegna/core";
import * as entities from "@rassegna/entities";
import * as langdetect from "@rassegna/langdetect";
import { createPipeline, type Pipeline, type PipelineOptions } from "@rassegna/pipeline";
import * as stance from "@rassegna/stance";
import * as translate from "@rassegna/translate";

/** The stages of the default pipeline, in the order they run. */
export type DefaultStageName = "language" | "translate" | "entities" | "stance";

export const DEFAULT_STAGE_NAMES: readonly DefaultStageName[] = Object.freeze([
  "language",
  "translate",
  "entities",
  "stance",
]);

/** Makes a stage from its options. */
export type StageFactory = (options: Record<string, unknown>) => Stage;

/** Where each default stage's factory lives. */
const FACTORIES: Record<DefaultStageName, { module: object; pkg: string; name: string }> = {
  language: { module: langdetect, pkg: "@rassegna/langdetect", name: "languageStage" },
  translate: { module: translate, pkg: "@rassegna/translate", name: "translateStage" },
  entities: { module: entities, pkg: "@rassegna/entities", name: "entitiesStage" },
  stance: { module: stance, pkg: "@rassegna/stance", name: "stanceStage" },
};

/**
 * The factory of a default stage (`stageFactory("translate")` is `translateStage`).
 * Throws a `STAGE_FAILED` error naming the package when it does not provide one.
 */
export function stageFactory(name: DefaultStageName): StageFactory {
  const entry = FACTORIES[name];
  if (!entry) {
    throw new RassegnaError("USAGE", `There is no default stage "${String(name)}".`, {
      hint: `Use one of ${DEFAULT_STAGE_NAMES.join(", ")}.`,
    });
  }
  const factory = (entry.module as Record<string, unknown>)[entry.name];
  if (typeof factory !== "function") {
    throw new RassegnaError("STAGE_FAILED", `${entry.pkg} provides no ${entry.name}(): the ${name} stage is not available.`, {
      stage: name,
    });
  }
  return factory as StageFactory;
}

/** Options of {@link createDefaultPipeline}: the pipeline's, the model settings, and the stages'. */
export interface DefaultPipelineOptions extends Omit<PipelineOptions, "stages">, ModelSettingsOptions {
  /** Stance targets for articles that bring none of their own (default: the entities found). */
  targets?: string[];
  /** Stance holders for articles that bring none: every holder × target pair is answered. */
  holders?: string[];
  /**
   * Translation engines to try in order (default `["transformers", "apertium"]`): when the
   * neural model cannot be had, Apertium translates if it is installed; when neither can,
   * the record carries the translate error and entities and stance read the original.
   */
  engines?: Array<"transformers" | "apertium">;
  /** Language to translate into (default `"en"`). */
  to?: string;
  /** Further options for one stage, passed to its factory (e.g. `{ stance: { backend: "nli" } }`). */
  stageOptions?: Partial<Record<DefaultStageName, Record<string, unknown>>>;
  /** Replaces a default stage with your own, or leaves it out with `false`. */
  replace?: Partial<Record<DefaultStageName, Stage | false>>;
  /** Makes a default stage with your factory instead; it gets the options the default one would. */
  factories?: Partial<Record<DefaultStageName, StageFactory>>;
}

function modelSettings(options: ModelSettingsOptions): ModelSettingsOptions {
  return {
    ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
    ...(options.offline === undefined ? {} : { offline: options.offline }),
    ...(options.localModelPath === undefined ? {} : { localModelPath: options.localModelPath }),
  };
}

/** The stages of {@link createDefaultPipeline}, built from its options. */
export function defaultStages(options: DefaultPipelineOptions = {}): Stage[] {
  const settings = modelSettings(options);
  const own: Record<DefaultStageName, Record<string, unknown>> = {
    language: {},
    translate: {
      ...settings,
      engines: options.engines ?? ["transformers", "apertium"],
      ...(options.to === undefined ? {} : { to: options.to }),
    },
    entities: { ...settings },
    stance: {
      ...settings,
      ...(options.targets === undefined ? {} : { targets: options.targets }),
      ...(options.holders === undefined ? {} : { holders: options.holders }),
    },
  };
  const stages: Stage[] = [];
  for (const name of DEFAULT_STAGE_NAMES) {
    const replacement = options.replace?.[name];
    if (replacement === false) continue;
    const factory = options.factories?.[name] ?? stageFactory(name);
    stages.push(replacement ?? factory({ ...own[name], ...options.stageOptions?.[name] }));
  }
  return stages;
}

/**
 * The whole job in one pipeline: language → translation into English → entities →
 * stance, with sensible defaults. Every option of {@link createPipeline} passes through.
 *
 * @example
 * const pipeline = createDefaultPipeline({ targets: ["United States", "Russia"], concurrency: 4 });
 * for await (const record of pipeline.stream(articles)) console.log(record.stances);
 * await pipeline.close();
 */
export function createDefaultPipeline(options: DefaultPipelineOptions = {}): Pipeline {
  const {
    targets: _targets,
    holders: _holders,
    engines: _engines,
    to: _to,
    stageOptions: _stageOptions,
    replace: _replace,
    factories: _factories,
    cacheDir: _cacheDir,
    offline: _offline,
    localModelPath: _localModelPath,
    ...pipelineOptions
  } = options;
  return createPipeline({ ...pipelineOptions, stages: defaultStages(options) });
}
