import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  type Analysis,
  createDefaultPipeline,
  createPipeline,
  defaultStages,
  detectLanguage,
  extractEntities,
  type Stage,
  stageFactory,
  tagStance,
} from "rassegna";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let cacheDir: string;
beforeAll(() => {
  cacheDir = mkdtempSync(join(tmpdir(), "rassegna-models-"));
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Offline, with an empty cache, on the neural engine only: the translation model cannot be had. */
const noModel = () => ({ offline: true, cacheDir, engines: ["transformers" as const] });

const italian =
  "Il presidente degli Stati Uniti ha criticato la Russia. Secondo Pechino, la Cina resta vicina a Mosca.";
const english = "The president of the United States criticised Russia. Beijing says China stays close to Moscow.";

function checkOffsets(doc: Analysis): void {
  for (const entity of doc.entities ?? []) {
    const text = entity.source === "translation" ? (doc.translation?.text ?? "") : doc.text;
    for (const m of entity.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  }
}

describe("createDefaultPipeline", () => {
  it("runs language → translate → entities → stance, in that order", async () => {
    const order: string[] = [];
    const spy = (name: string): Stage => ({
      name,
      process() {
        order.push(name);
      },
    });
    const pipeline = createDefaultPipeline({
      factories: {
        language: () => spy("language"),
        translate: () => spy("translate"),
        entities: () => spy("entities"),
        stance: () => spy("stance"),
      },
    });
    await pipeline.run("Some text.");
    expect(order).toEqual(["language", "translate", "entities", "stance"]);
    expect(Object.keys(pipeline.stats().stages)).toEqual(order);
    await pipeline.close();
  });

  it("passes targets, holders, engines and model settings to the stages' factories", () => {
    const seen: Record<string, Record<string, unknown>> = {};
    const factory = (name: string) => (options: Record<string, unknown>) => {
      seen[name] = options;
      return { name, process() {} };
    };
    defaultStages({
      targets: ["Iran"],
      holders: ["Israel"],
      engines: ["apertium"],
      offline: true,
      cacheDir: "/c",
      localModelPath: "/m",
      stageOptions: { stance: { backend: "nli" } },
      factories: {
        language: factory("language"),
        translate: factory("translate"),
        entities: factory("entities"),
        stance: factory("stance"),
      },
    });
    expect(seen.translate).toEqual({ offline: true, cacheDir: "/c", localModelPath: "/m", engines: ["apertium"] });
    expect(seen.stance).toEqual({
      offline: true,
      cacheDir: "/c",
      localModelPath: "/m",
      targets: ["Iran"],
      holders: ["Israel"],
      backend: "nli",
    });
    expect(seen.entities).toEqual({ offline: true, cacheDir: "/c", localModelPath: "/m" });
  });

  it("leaves out a stage replaced by false, and uses a stage given instead", async () => {
    const mine: Stage = {
      name: "my-stance",
      process(doc) {
        doc.stances = [];
      },
    };
    const pipeline = createDefaultPipeline({ ...noModel(), replace: { translate: false, stance: mine } });
    expect(Object.keys(pipeline.stats().stages)).toEqual(["language", "entities", "my-stance"]);
    const record = await pipeline.run({ id: "x", text: italian });
    expect(record.errors).toEqual([]);
    expect(record.stances).toEqual([]);
    await pipeline.close();
  });

  it("without a translation model: records the translate error, entities and stance read the original", async () => {
    const pipeline = createDefaultPipeline(noModel());
    const record = await pipeline.run({ id: "it-1", text: italian });
    await pipeline.close();
    expect(record.language?.code).toBe("it");
    expect(record.translation).toBeUndefined();
    expect(record.errors.map((e) => `${e.stage}:${e.code}`)).toEqual(["translate:MODEL_UNAVAILABLE"]);
    expect(record.errors[0]!.message).toContain(cacheDir);
    const names = (record.entities ?? []).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["United States", "Russia", "China"]));
    expect(record.entities?.every((e) => e.source === "original")).toBe(true);
    checkOffsets(record);
    expect(record.stances?.some((s) => s.target === "Russia")).toBe(true);
  });

  it("leaves English untranslated and clean", async () => {
    const pipeline = createDefaultPipeline({ ...noModel(), targets: ["Russia"] });
    const record = await pipeline.run({ id: "en-1", text: english });
    await pipeline.close();
    expect(record.language?.code).toBe("en");
    expect(record.errors).toEqual([]);
    expect(record.translation).toBeUndefined();
    checkOffsets(record);
    expect(record.stances?.map((s) => s.target)).toContain("Russia");
  });

  it("streams many articles with one record each, bad ones included", async () => {
    const pipeline = createDefaultPipeline({ ...noModel(), concurrency: 3 });
    const inputs: unknown[] = [{ id: "a", text: english }, null, { id: "c", text: 12 }, { id: "d", text: english }];
    const ids: string[] = [];
    for await (const record of pipeline.stream(inputs)) ids.push(record.id);
    await pipeline.close();
    expect(ids).toEqual(["a", "article-2", "c", "d"]);
  });
});

describe("the re-exported API", () => {
  it("offers the stages' entry points and the pipeline from one import", async () => {
    expect(detectLanguage(english).code).toBe("en");
    const entities = await extractEntities(english, { language: "en" });
    expect(entities.map((e) => e.name)).toContain("Russia");
    const stances = await tagStance(english, { targets: ["Russia"], language: "en" });
    expect(stances.map((s) => s.target)).toContain("Russia");
    const pipeline = createPipeline({ stages: [stageFactory("language")({})] });
    expect((await pipeline.run("Una frase italiana, piuttosto lunga, per riconoscere la lingua.")).language?.code).toBe(
      "it",
    );
  });

  it("says clearly which default stages exist", () => {
    expect(() => stageFactory("summary" as never)).toThrow(expect.objectContaining({ code: "USAGE" }));
  });
});
