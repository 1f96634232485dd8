// The per-token limit before the engine (issue #16): a run of characters without a space
// longer than `maxTokenLength` never reaches the engine; options of the wrong type are USAGE.
import { createAnalysis, createStageContext } from "@rassegna/core";
import { createTranslator, translateStage } from "@rassegna/translate";
import { describe, expect, it } from "vitest";

import { tinyOptions } from "./helpers.js";

describe("maxTokenLength", () => {
  it("refuses a text with an over-long run before the engine, and translates the others", async () => {
    const translator = await createTranslator({ ...tinyOptions, maxTokenLength: 40 });
    try {
      await expect(translator.translate(`Il sindaco ${"parola".repeat(10)} ha parlato.`)).rejects.toMatchObject({
        code: "LIMIT_EXCEEDED",
        stage: "translate",
        message: expect.stringMatching(/run of 60 characters without a space \(from offset 11\), over the limit of 40/),
      });
      const fine = await translator.translate("Il sindaco ha parlato.");
      expect(fine.text.length).toBeGreaterThan(0);
    } finally {
      await translator.close();
    }
  });

  it("as a stage: throws LIMIT_EXCEEDED for that article (the pipeline records it), translates the next", async () => {
    const { from: _from, ...stageOptions } = tinyOptions;
    const stage = translateStage({ ...stageOptions, engines: ["transformers"], maxTokenLength: 40 });
    const context = createStageContext(stage);
    try {
      const long = createAnalysis({ id: "long", text: `Roma ${"x".repeat(100)} fine.`, language: "it" }, 0);
      long.language = { code: "it", iso6393: "ita", confidence: 1, script: "Latn", reliable: true, alternatives: [] };
      await expect(stage.process(long, context)).rejects.toMatchObject({ code: "LIMIT_EXCEEDED", stage: "translate" });
      expect(long.translation).toBeUndefined();
      const short = createAnalysis({ id: "short", text: "Il sindaco ha parlato.", language: "it" }, 1);
      short.language = long.language;
      await stage.process(short, context);
      expect(short.translation?.text.length).toBeGreaterThan(0);
    } finally {
      await stage.close?.();
    }
  });

  it("options of the wrong type are a USAGE error naming them", async () => {
    await expect(createTranslator({ ...tinyOptions, maxTokenLength: Number.NaN })).rejects.toMatchObject({
      code: "USAGE",
      message: expect.stringMatching(/option "maxTokenLength" must be a whole number/),
    });
    await expect(createTranslator({ from: 5 as unknown as string })).rejects.toMatchObject({
      code: "USAGE",
      message: expect.stringMatching(/option "from" must be a language code/),
    });
    expect(() => translateStage({ engines: "apertium" as never })).toThrow(/option "engines" must be an array/);
  });
});
