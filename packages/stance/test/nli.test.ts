/**
 * The NLI backend on the committed tiny model (`rassegna/tiny-bert-nli`, built by
 * tools/tiny-models/make_tiny_bert_nli.py): it entails "… is against …" when the premise
 * speaks of sanctions, and has no preference otherwise. Loaded offline, never from the hub.
 */
import { createAnalysis, createStageContext } from "@rassegna/core";
import { closeStanceModels, stanceStage, tagStance } from "@rassegna/stance";
import { afterAll, describe, expect, it } from "vitest";

import { tinyNli } from "./helpers.js";

const settings = tinyNli;

afterAll(async () => {
  await closeStanceModels();
});

describe("NLI backend on the tiny model", () => {
  it("answers holder × target pairs from the sentences that name both", async () => {
    const text = "Washington wants new sanctions against Moscow. The weather in Rome is fine.";
    const stances = await tagStance(text, { ...settings, holders: ["United States"], targets: ["Russia", "Italy"] });
    const russia = stances.find((s) => s.target === "Russia");
    expect(russia).toMatchObject({ holder: "United States", stance: "AGAINST" });
    expect(russia?.score).toBeGreaterThan(0.9);
    expect(russia?.evidence).toHaveLength(1);
    const evidence = russia?.evidence[0];
    expect(text.slice(evidence?.start, evidence?.end)).toBe("Washington wants new sanctions against Moscow.");
    expect(evidence?.rule).toBe("rassegna/tiny-bert-nli");
    expect(evidence?.cue).toBe("United States is against Russia.");
    // No sentence names the United States and Italy together: no question, NONE without evidence.
    expect(stances.find((s) => s.target === "Italy")).toMatchObject({ stance: "NONE", evidence: [] });
  });

  it("says NONE when the model prefers neither hypothesis", async () => {
    const text = "Oggi il presidente della Francia parla di economia con la Germania.";
    const stances = await tagStance(text, { ...settings, holders: ["France"], targets: ["Germany"] });
    expect(stances).toHaveLength(1);
    expect(stances[0]?.stance).toBe("NONE");
    expect(stances[0]?.evidence).toHaveLength(1);
  });

  it("gives the text's own stance toward each target when no holder is given", async () => {
    const stances = await tagStance("Il governo vuole nuove sanzioni contro Mosca.", {
      ...settings,
      targets: ["Russia"],
    });
    const own = stances.find((s) => s.holder === undefined && s.target === "Russia");
    expect(own?.stance).toBe("AGAINST");
    expect(own?.evidence[0]?.cue).toBe("The text is against Russia.");
  });

  it("runs in the stage, with the questions of an article sent through the stage's batches", async () => {
    const stage = stanceStage(settings);
    const batches: number[] = [];
    const context = createStageContext(stage);
    const counting = {
      ...context,
      async batch<I, O>(items: readonly I[]): Promise<O[]> {
        batches.push(items.length);
        return context.batch<I, O>(items);
      },
    };
    const doc = createAnalysis(
      {
        id: "n",
        text: "Washington wants new sanctions against Moscow.",
        language: "en",
        holders: ["United States"],
        targets: ["Russia"],
      },
      0,
    );
    await stage.process(doc, counting);
    await stage.close?.();
    expect(batches).toEqual([1]);
    expect(doc.stances).toEqual([
      expect.objectContaining({ holder: "United States", target: "Russia", stance: "AGAINST" }),
    ]);
    expect(doc.stances?.[0]?.evidence[0]?.source).toBe("original");
  });
});
