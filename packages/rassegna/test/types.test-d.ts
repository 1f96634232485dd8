/**
 * Type tests of createDefaultPipeline's stage options (run by `vitest --typecheck`): each
 * default stage's options are its package's, by stage name, as transformers.js types its
 * pipelines by task.
 */
import {
  createDefaultPipeline,
  type DefaultStageFactory,
  type EntitiesStageOptions,
  type LanguageStageOptions,
  type Pipeline,
  type Stage,
  type StageOptionsMap,
  type StanceOptions,
  stageFactory,
  type TranslateStageOptions,
} from "rassegna";
import { describe, expectTypeOf, it } from "vitest";

describe("stage options by stage name", () => {
  it("maps each default stage to its package's options", () => {
    expectTypeOf<StageOptionsMap["language"]>().toEqualTypeOf<LanguageStageOptions>();
    expectTypeOf<StageOptionsMap["translate"]>().toEqualTypeOf<TranslateStageOptions>();
    expectTypeOf<StageOptionsMap["entities"]>().toEqualTypeOf<EntitiesStageOptions>();
    expectTypeOf<StageOptionsMap["stance"]>().toEqualTypeOf<StanceOptions>();
  });

  it("types stageOptions by stage: each stage's own options, no other's", () => {
    expectTypeOf(
      createDefaultPipeline({
        stageOptions: { language: { languages: ["it", "en"] }, stance: { targets: ["Russia"] } },
      }),
    ).toEqualTypeOf<Pipeline>();
    // @ts-expect-error: `languages` is the language stage's option, not stance's
    createDefaultPipeline({ stageOptions: { stance: { languages: ["it"] } } });
    // @ts-expect-error: there is no default stage "keywords"
    createDefaultPipeline({ stageOptions: { keywords: {} } });
  });

  it("gives stageFactory and factories the stage's own options", () => {
    expectTypeOf(stageFactory("language")).toEqualTypeOf<DefaultStageFactory<"language">>();
    expectTypeOf(stageFactory("language")).parameter(0).toEqualTypeOf<LanguageStageOptions>();
    expectTypeOf(stageFactory("translate")).returns.toEqualTypeOf<Stage>();
    createDefaultPipeline({
      factories: {
        language: (options) => {
          expectTypeOf(options).toEqualTypeOf<LanguageStageOptions>();
          return stageFactory("language")(options);
        },
      },
    });
    // @ts-expect-error: "keywords" is not a default stage
    stageFactory("keywords");
  });
});
