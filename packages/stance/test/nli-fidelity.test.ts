/**
 * The NLI backend reads the model's three classes: a pair the model judges neutral is no
 * stance, even where its entailment logit is above its contradiction logit (the tiny model
 * does that for "vertice"/"summit" with "against", see make_tiny_bert_nli.py).
 */

import { closeStanceModels, tagStance } from "@rassegna/stance";
import { afterAll, describe, expect, it } from "vitest";

import { tinyNli } from "./helpers.js";

const settings = tinyNli;

afterAll(async () => {
  await closeStanceModels();
});

describe("three-way NLI probabilities", () => {
  it("gives NONE where the model says neutral, though entailment beats contradiction", async () => {
    const text = "Washington prepares the summit with Moscow.";
    const [stance] = await tagStance(text, { ...settings, holders: ["United States"], targets: ["Russia"] });
    expect(stance).toMatchObject({ holder: "United States", target: "Russia", stance: "NONE" });
  });

  it("still gives the stance the model entails, with a probability over all three classes", async () => {
    const text = "Washington wants new sanctions against Moscow.";
    const [stance] = await tagStance(text, { ...settings, holders: ["United States"], targets: ["Russia"] });
    expect(stance?.stance).toBe("AGAINST");
    expect(stance?.score).toBeGreaterThan(0.9);
    expect(stance?.score).toBeLessThan(1);
  });

  it("loads the quantized weights by default, and fp32 when asked, with the same decisions", async () => {
    const text = "Washington wants new sanctions against Moscow. Washington prepares the summit with Moscow.";
    const q8 = await tagStance(text, { ...settings, holders: ["United States"], targets: ["Russia"] });
    const fp32 = await tagStance(text, { ...settings, dtype: "fp32", holders: ["United States"], targets: ["Russia"] });
    expect(q8.map((s) => s.stance)).toEqual(fp32.map((s) => s.stance));
  });
});
