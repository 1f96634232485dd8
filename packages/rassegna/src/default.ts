import {
  checkOptions,
  DEFAULT_PIPELINE_OPTIONS,
  type ModelSettingsOptions,
  RassegnaError,
  type Stage,
} from "@rassegna/core";
import { type EntitiesStageOptions, entitiesStage } from "@rassegna/entities";
import { type LanguageStageOptions, languageStage } from "@rassegna/langdetect";
import { createPipeline, type Pipeline, type PipelineOptions } from "@rassegna/pipeline";
import { type StanceOptions, stanceStage } from "@rassegna/stance";
import { type TranslateStageOptions, translateStage } from "@rassegna/translate";

/**
 * The options of each default stage, by stage name (as transformers.js types its pipelines by
 * task): `stageOptions`, `factories` and `stageFactory` are typed by it.
 */
export interface StageOptionsMap {
  language: LanguageStageOptions;
  translate: TranslateStageOptions;
  entities: EntitiesStageOptions;
  stance: StanceOptions;
}

/** The stages of the default pipeline, in the order they run. */
export type DefaultStageName = keyof StageOptionsMap;

export const DEFAULT_STAGE_NAMES: readonly DefaultStageName[] = Object.freeze([
  "language",
  "translate",
  "entities",
  "stance",
]);

/** Makes the default stage `N` from its package's options. */
export type DefaultStageFactory<N extends DefaultStageName = DefaultStageName> = (options: StageOptionsMap[N]) => Stage;

/**
 * Makes a stage from its options.
 * @deprecated Use {@link DefaultStageFactory} (typed by stage); `@rassegna/core`'s `StageFactory` is the template's.
 */
export type StageFactory = DefaultStageFactory;

/** Each default stage's factory, taking its package's options. */
const FACTORIES: { readonly [N in DefaultStageName]: DefaultStageFactory<N> } = {
  language: languageStage,
  translate: translateStage,
  entities: entitiesStage,
  stance: stanceStage,
};

/** The factory of a default stage: `stageFactory("translate")` makes `translateStage(options)`. */
export function stageFactory<N extends DefaultStageName>(name: N): DefaultStageFactory<N> {
  const factory = Object.hasOwn(FACTORIES, name) ? (FACTORIES[name] as DefaultStageFactory<N>) : undefined;
  if (!factory) {
    throw new RassegnaError("USAGE", `There is no default stage "${String(name)}".`, {
      hint: `Use one of ${DEFAULT_STAGE_NAMES.join(", ")}.`,
    });
  }
  return factory;
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
  /**
   * The languages the sources publish in (`["it", "en"]`): detection answers one of them. An
   * article's own `language` still wins.
   */
  languages?: string[];
  /**
   * The language the articles are expected to be in: a detection prior that settles short or
   * ambiguous texts (headlines); an article clearly in another language keeps its own. To skip
   * detection, give articles a `language` of their own.
   */
  language?: string;
  /** Further options for one stage, passed to its factory (e.g. `{ stance: { backend: "nli" } }`). */
  stageOptions?: { [N in DefaultStageName]?: StageOptionsMap[N] };
  /** Replaces a default stage with your own, or leaves it out with `false`. */
  replace?: Partial<Record<DefaultStageName, Stage | false>>;
  /** Makes a default stage with your factory instead; it gets the options the default one would. */
  factories?: { [N in DefaultStageName]?: DefaultStageFactory<N> };
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
  checkOptions(DEFAULT_PIPELINE_OPTIONS, options, "createDefaultPipeline");
  const settings = modelSettings(options);
  const own: StageOptionsMap = {
    language: {
      ...(options.languages === undefined ? {} : { languages: options.languages }),
      ...(options.language === undefined ? {} : { language: options.language }),
    },
    translate: {
      ...settings,
      engines: options.engines ?? ["transformers", "apertium"],
      ...(options.to === undefined ? {} : { to: options.to }),
    },
    // The model settings matter to the "transformers" backend (chosen through stageOptions);
    // the rules backend, the default, reads none of them.
    entities: { ...settings } as EntitiesStageOptions,
    stance: {
      ...settings,
      ...(options.targets === undefined ? {} : { targets: options.targets }),
      ...(options.holders === undefined ? {} : { holders: options.holders }),
    },
  };
  const make = <N extends DefaultStageName>(name: N): Stage | undefined => {
    const replacement = options.replace?.[name];
    if (replacement === false) return undefined;
    if (replacement) return replacement;
    const factory: DefaultStageFactory<N> = options.factories?.[name] ?? stageFactory(name);
    return factory({ ...own[name], ...options.stageOptions?.[name] });
  };
  return DEFAULT_STAGE_NAMES.map(make).filter((stage): stage is Stage => stage !== undefined);
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
    languages: _languages,
    language: _language,
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
