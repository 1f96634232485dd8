import { RassegnaError, type Stage } from "@rassegna/core";
import { createPipeline } from "@rassegna/pipeline";
import { describe, expect, it } from "vitest";

/** A stage that declares what it reads and writes, and does nothing. */
function declared(name: string, reads: Stage["reads"], writes: Stage["writes"]): Stage {
  return { name, reads, writes, process() {} };
}

describe("stage order (reads and writes)", () => {
  const language = declared("language", ["text"], ["language", "languageSegments"]);
  const translate = declared("translate", ["language"], ["translation"]);
  const tagger = declared("tagger", ["translation"], ["entities"]);

  it("accepts stages that come after the ones whose fields they read", () => {
    expect(() => createPipeline({ stages: [language, translate, tagger] })).not.toThrow();
  });

  it("refuses a stage that reads a field written only by a later stage, and says what to do", () => {
    const error = (() => {
      try {
        createPipeline({ stages: [translate, language] });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RassegnaError);
    expect((error as RassegnaError).code).toBe("USAGE");
    expect((error as RassegnaError).message).toBe(
      'Stage "translate" reads language, which stage "language" writes, but "language" runs after it: put "language" before "translate".',
    );
  });

  it("refuses a stage that reads a field no stage writes", () => {
    expect(() => createPipeline({ stages: [language, tagger] })).toThrow(
      'Stage "tagger" reads translation, which no stage of this pipeline writes (stages: language, tagger). Add the stage that writes translation before it.',
    );
  });

  it("lets stages read what the input carries, and leaves undeclared stages unchecked", () => {
    const reader = declared("reader", ["title", "targets", "languageHint"], []);
    const silent: Stage = { name: "silent", process() {} };
    expect(() => createPipeline({ stages: [reader, silent] })).not.toThrow();
    expect(() => createPipeline({ stages: [silent, translate] })).toThrow(/reads language, which no stage/);
  });
});
