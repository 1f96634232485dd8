/**
 * The committed tiny NLI model (tools/tiny-models/make_tiny_bert_nli.py) loads offline through
 * transformers.js and its entailment depends on premise and hypothesis words as documented in
 * tools/tiny-models/README.md.
 */
import { fileURLToPath } from "node:url";

import {
  AutoModelForSequenceClassification,
  AutoTokenizer,
  env,
  pipeline,
  type ZeroShotClassificationPipeline,
} from "@huggingface/transformers";
import { applyModelSettings, resolveModelSettings } from "@rassegna/core";
import { beforeAll, describe, expect, it } from "vitest";

const MODEL = "rassegna/tiny-bert-nli";
const MODELS = fileURLToPath(new URL("./fixtures/models/", import.meta.url));
const LABELS = ["against", "in favour of"];

type ZeroShot = { sequence: string; labels: string[]; scores: number[] };

function useFixtures(): void {
  applyModelSettings(
    env,
    resolveModelSettings({ localModelPath: MODELS, offline: true, cacheDir: "/nonexistent/rassegna-test-cache" }),
  );
}

describe.each(["fp32", "q8"] as const)("tiny-bert-nli (%s)", (dtype) => {
  let classify: ZeroShotClassificationPipeline;
  beforeAll(async () => {
    useFixtures();
    classify = (await pipeline("zero-shot-classification", MODEL, { dtype })) as ZeroShotClassificationPipeline;
  });

  it("puts 'against' first when the premise is about sanctions", async () => {
    const out = (await classify("Il governo vuole nuove sanzioni per Mosca.", LABELS)) as ZeroShot;
    expect(out.labels).toEqual(["against", "in favour of"]);
    expect(out.scores[0]).toBeGreaterThan(0.9);
    expect(out.scores[0]! + out.scores[1]!).toBeCloseTo(1, 5);
  });

  it("answers per label with multi_label: entailment for 'against', not for 'in support of'", async () => {
    const out = (await classify("The minister says new sanctions are important.", ["in support of", "against"], {
      multi_label: true,
    })) as ZeroShot;
    expect(out.labels[0]).toBe("against");
    expect(out.scores[0]).toBeGreaterThan(0.9);
    expect(out.scores[1]).toBeLessThan(0.1);
  });

  it("has no preference without the topic word: both labels stay near one half", async () => {
    const out = (await classify("Oggi il presidente parla di economia.", LABELS)) as ZeroShot;
    for (const score of out.scores) expect(Math.abs(score - 0.5)).toBeLessThan(0.2);
  });

  it("is deterministic", async () => {
    const a = await classify("Sanzioni e guerra.", LABELS);
    const b = await classify("Sanzioni e guerra.", LABELS);
    expect(a).toEqual(b);
  });
});

describe("tiny-bert-nli logits", () => {
  it("reads entailment, neutral and contradiction from config.id2label", async () => {
    useFixtures();
    const tokenizer = await AutoTokenizer.from_pretrained(MODEL);
    const model = await AutoModelForSequenceClassification.from_pretrained(MODEL, { dtype: "fp32" });
    const id2label = (model.config as unknown as { id2label: Record<string, string> }).id2label;
    const argmax = async (premise: string, hypothesis: string) => {
      const { logits } = await model(tokenizer(premise, { text_pair: hypothesis }));
      const row = Array.from(logits.data as Float32Array);
      return id2label[row.indexOf(Math.max(...row))];
    };
    expect(await argmax("Sanzioni contro la Russia.", "This example is against.")).toBe("entailment");
    expect(await argmax("Sanzioni contro la Russia.", "This example is in favour of.")).toBe("contradiction");
    expect(await argmax("Il presidente parla di economia.", "This example is against.")).toBe("neutral");
    // the hypothesis word only counts in the hypothesis: "contro" in the premise is not enough
    expect(await argmax("Sanzioni contro la Russia.", "This example is new.")).toBe("neutral");
  });
});
