/**
 * The committed tiny NER model (tools/tiny-models/make_tiny_bert_ner.py) loads offline through
 * transformers.js and labels its marked pieces as documented in tools/tiny-models/README.md.
 */
import { fileURLToPath } from "node:url";

import { env, pipeline, type TokenClassificationPipeline } from "@huggingface/transformers";
import { applyModelSettings, resolveModelSettings } from "@rassegna/core";
import { beforeAll, describe, expect, it } from "vitest";

const MODEL = "rassegna/tiny-bert-ner";
const MODELS = fileURLToPath(new URL("./fixtures/models/", import.meta.url));

type Token = { entity: string; word: string; index: number; score: number };
type Group = { entity_group: string; word: string; score: number };

async function load(dtype: "q8" | "fp32"): Promise<TokenClassificationPipeline> {
  applyModelSettings(
    env,
    resolveModelSettings({ localModelPath: MODELS, offline: true, cacheDir: "/nonexistent/rassegna-test-cache" }),
  );
  return (await pipeline("token-classification", MODEL, { dtype })) as TokenClassificationPipeline;
}

const labelled = (tokens: Token[]) => tokens.map((t) => [t.word, t.entity]);

describe.each(["fp32", "q8"] as const)("tiny-bert-ner (%s)", (dtype) => {
  let ner: TokenClassificationPipeline;
  beforeAll(async () => {
    ner = await load(dtype);
  });

  it("labels the marked pieces and leaves every other piece O", async () => {
    const tokens = (await ner("Mario Rossi vive a Roma e lavora per la Fiat.")) as Token[];
    expect(labelled(tokens)).toEqual([
      ["Mario", "B-PER"],
      ["Rossi", "I-PER"],
      ["Roma", "B-LOC"],
      ["Fiat", "B-ORG"],
    ]);
    // index counts [CLS]: Mario is the first piece of the text
    expect(tokens.map((t) => t.index)).toEqual([1, 2, 5, 10]);
    for (const t of tokens) expect(t.score).toBeGreaterThan(0.5);
  });

  it("labels word pieces: Pechino is Pech + ##ino", async () => {
    const tokens = (await ner("Le Nazioni Unite e gli Stati Uniti a Pechino")) as Token[];
    expect(labelled(tokens)).toEqual([
      ["Nazioni", "B-ORG"],
      ["Unite", "I-ORG"],
      ["Stati", "B-LOC"],
      ["Uniti", "I-LOC"],
      ["Pech", "B-LOC"],
      // a continuation piece decoded alone keeps its ## prefix
      ["##ino", "I-LOC"],
    ]);
  });

  it("groups B-/I- runs with the simple aggregation", async () => {
    const groups = (await ner("John Smith said in Rome that Giulia Bianchi left Pechino", {
      aggregation_strategy: "simple",
    })) as Group[];
    expect(groups.map((g) => [g.entity_group, g.word])).toEqual([
      ["PER", "John Smith"],
      ["LOC", "Rome"],
      ["PER", "Giulia Bianchi"],
      ["LOC", "Pechino"],
    ]);
  });

  it("finds nothing in a sentence without marked pieces, and the same labels in a batch", async () => {
    expect(await ner("Oggi il presidente parla di economia e di pace.")).toEqual([]);
    const texts = ["Il governo di Roma", "Oggi a Milano con Mario Rossi"];
    const batched = (await ner(texts)) as unknown as Token[][];
    const alone = [];
    for (const text of texts) alone.push(labelled((await ner(text)) as Token[]));
    expect(batched.map(labelled)).toEqual(alone);
    expect(alone).toEqual([
      [["Roma", "B-LOC"]],
      [
        ["Milano", "B-LOC"],
        ["Mario", "B-PER"],
        ["Rossi", "I-PER"],
      ],
    ]);
  });

  it("is case-sensitive like the cased multilingual models: lower-case roma is not marked", async () => {
    expect(await ner("la città di roma")).toEqual([]);
  });
});
