/**
 * The committed tiny Marian model (tools/tiny-models/make_tiny_marian.py) loads offline through
 * transformers.js' translation pipeline and generates from the model itself: deterministic, the same
 * alone and in a batch (fp32), and its cached decoding (decoder_model_merged with use_cache_branch and
 * past_key_values) agrees with decoding that recomputes everything at each step.
 */
import { fileURLToPath } from "node:url";

import {
  AutoModelForSeq2SeqLM,
  AutoTokenizer,
  env,
  pipeline,
  Tensor,
  type TranslationPipeline,
} from "@huggingface/transformers";
import { applyModelSettings, resolveModelSettings } from "@rassegna/core";
import { beforeAll, describe, expect, it } from "vitest";

const MODEL = "rassegna/tiny-marian-it-en";
const MODELS = fileURLToPath(new URL("./fixtures/models/", import.meta.url));
const SENTENCES = [
  "Il governo italiano ha detto che le sanzioni contro la Russia sono importanti.",
  "Oggi a Roma.",
  "Ieri il ministro ha incontrato gli alleati europei a Bruxelles.",
];
const EOS = 0;
const PAD = 730;

function useFixtures(): void {
  applyModelSettings(
    env,
    resolveModelSettings({ localModelPath: MODELS, offline: true, cacheDir: "/nonexistent/rassegna-test-cache" }),
  );
}

async function translateEach(translate: TranslationPipeline, texts: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const text of texts) {
    const [result] = (await translate(text)) as { translation_text: string }[];
    out.push(result!.translation_text);
  }
  return out;
}

describe.each(["fp32", "q8"] as const)("tiny-marian-it-en through pipeline('translation') (%s)", (dtype) => {
  let translate: TranslationPipeline;
  beforeAll(async () => {
    useFixtures();
    translate = (await pipeline("translation", MODEL, { dtype })) as TranslationPipeline;
  });

  it("translates deterministically, and different sentences differently", async () => {
    const first = await translateEach(translate, SENTENCES);
    const second = await translateEach(translate, SENTENCES);
    expect(second).toEqual(first);
    for (const text of first) expect(text.trim().length).toBeGreaterThan(0);
    expect(new Set(first).size).toBe(SENTENCES.length);
  });

  it("carries glossary words over (the model was trained on word-by-word glossary pairs)", async () => {
    const [rome] = await translateEach(translate, ["Oggi a Roma."]);
    expect(rome).toMatch(/\bRome\b/);
  });
});

describe("tiny-marian-it-en batching and cache (fp32)", () => {
  let translate: TranslationPipeline;
  beforeAll(async () => {
    useFixtures();
    translate = (await pipeline("translation", MODEL, { dtype: "fp32" })) as TranslationPipeline;
  });

  it("gives the same translations in a batch as one by one", async () => {
    const batched = (await translate(SENTENCES)) as { translation_text: string }[];
    expect(batched.map((r) => r.translation_text)).toEqual(await translateEach(translate, SENTENCES));
  });

  it("decodes with the cache exactly as without it", async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(MODEL);
    const model = await AutoModelForSeq2SeqLM.from_pretrained(MODEL, { dtype: "fp32" });
    expect(tokenizer.pad_token_id).toBe(PAD);
    expect(tokenizer.eos_token_id).toBe(EOS);
    const inputs = tokenizer(SENTENCES[0]!);

    const cached = (await model.generate({ ...inputs, max_new_tokens: 40 })) as Tensor;
    const viaCache = (cached.tolist() as bigint[][])[0]!.map(Number);

    // Greedy by hand: every step runs the whole decoder prefix with no past (use_cache_branch = false).
    const ids = [PAD];
    while (ids.length < viaCache.length) {
      const decoder_input_ids = new Tensor("int64", BigInt64Array.from(ids.map(BigInt)), [1, ids.length]);
      const { logits } = await model({ ...inputs, decoder_input_ids });
      const [, steps, vocab] = logits.dims as number[];
      const last = Array.from((logits.data as Float32Array).subarray((steps! - 1) * vocab!, steps! * vocab!));
      last[PAD] = Number.NEGATIVE_INFINITY; // bad_words_ids, as generate() does
      ids.push(last.indexOf(Math.max(...last)));
    }
    expect(ids).toEqual(viaCache);
    expect(viaCache[0]).toBe(PAD);
    expect(viaCache.at(-1)).toBe(EOS);
  });
});
