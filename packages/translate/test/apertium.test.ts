import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { createAnalysis, createStageContext } from "@rassegna/core";
import {
  APERTIUM_APT_COMMAND,
  apertiumChain,
  createTranslator,
  listApertiumModes,
  PartialBatchError,
  translateStage,
} from "@rassegna/translate";
import { describe, expect, it } from "vitest";
import { descendants } from "../../../test-setup/process-tree.js";
import { analyserApart, createApertiumEngine, nullFlushPipeline } from "../src/backends/apertium/install.js";

describe("the Apertium engine (the real apertium program)", () => {
  it("lists the installed modes, with the Italian→Spanish→English pivot", async () => {
    const modes = await listApertiumModes();
    expect(modes).toContain("ita-spa");
    expect(modes).toContain("spa-eng");
    expect(apertiumChain("it", "en", modes)).toEqual(["ita-spa", "spa-eng"]);
    expect(apertiumChain("es", "en", modes)).toEqual(["spa-eng"]);
    expect(apertiumChain("ru", "en", modes)).toBeUndefined();
  });

  it("chains modes named with two- or three-letter codes, plain names before variants", () => {
    const modes = ["ita-spa", "spa-eng_US", "spa-eng", "fr-es", "es-fr", "pt-es", "es-pt_BR", "eco-fr-es"];
    expect(apertiumChain("fr", "en", modes)).toEqual(["fr-es", "spa-eng"]);
    expect(apertiumChain("pt", "en", modes)).toEqual(["pt-es", "spa-eng"]);
    expect(apertiumChain("it", "en", modes)).toEqual(["ita-spa", "spa-eng"]);
    expect(apertiumChain("es", "pt", modes)).toEqual(["es-pt_BR"]);
    expect(apertiumChain("de", "en", modes)).toBeUndefined();
  });

  it("writes a mode's pipeline in null-flush mode, the generator's flag before -z, the analyser apart", () => {
    const mode =
      "lt-proc -w 'a/xx-yy.automorf.bin' | cg-proc 'a/xx-yy.rlx.bin' | apertium-tagger -g $2 'a/xx-yy.prob' | lt-proc $1 'a/xx-yy.autogen.bin'\n";
    const script = nullFlushPipeline(mode);
    expect(script).toBe(
      "lt-proc -z -w 'a/xx-yy.automorf.bin' | cg-proc -z 'a/xx-yy.rlx.bin' | apertium-tagger -z -g $2 'a/xx-yy.prob' | lt-proc $1 -z 'a/xx-yy.autogen.bin'",
    );
    expect(analyserApart(script)).toEqual({
      analyser: "exec lt-proc -z -w 'a/xx-yy.automorf.bin'",
      script:
        "cg-proc -z 'a/xx-yy.rlx.bin' | apertium-tagger -z -g $2 'a/xx-yy.prob' | lt-proc $1 -z 'a/xx-yy.autogen.bin'",
    });
  });

  it("translates Italian into English words through Spanish, with true segments", async () => {
    const translator = await createTranslator({ from: "it", engine: "apertium" });
    expect(translator.model).toBe("apertium:ita-spa+spa-eng");
    const text = "Il gatto dorme sulla sedia.\nIl governo ha approvato una nuova legge.";
    const result = await translator.translate(text);
    expect(result.engine).toBe("apertium");
    expect(result.model).toBe("apertium:ita-spa+spa-eng");
    const targets = result.segments.map((s) => result.text.slice(s.target.start, s.target.end));
    expect(targets).toHaveLength(2);
    expect(targets[0]).toMatch(/\bcat\b/i);
    expect(targets[0]).toMatch(/\bchair\b/i);
    expect(targets[1]).toMatch(/\bgovernment\b/i);
    expect(targets[1]).toMatch(/\blaw\b/i);
    expect(result.text).toBe(`${targets[0]}\n${targets[1]}`);
    // One apertium run for the whole batch of sentences.
    expect(translator.stats.calls).toBe(1);
    await translator.close();
  });

  it("keeps the English names of places and organisations Apertium would mistranslate", async () => {
    const translator = await createTranslator({ from: "it", engine: "apertium" });
    const result = await translator.translate(
      "Mosca e Pechino criticano gli Usa. Il Cremlino risponde alla Casa Bianca.",
    );
    expect(result.text).toMatch(/\bMoscow\b/);
    expect(result.text).toMatch(/\bBeijing\b/);
    expect(result.text).toMatch(/\bUnited States\b/);
    expect(result.text).toMatch(/\bKremlin\b/);
    expect(result.text).toMatch(/\bWhite House\b/);
    expect(result.text).not.toMatch(/\bFly\b|\bUses\b|Pechino/);
    // World regions and seas, which Apertium reads word by word ("Average Orient").
    const regions = await translator.translate("Navi nello Stretto di Taiwan e nel Medio Oriente.");
    expect(regions.text).toMatch(/\bTaiwan Strait\b/);
    expect(regions.text).toMatch(/\bMiddle East\b/);
    // "China" is also a Spanish word: the pivot must not read it ("The Chinese has…").
    const china = await translator.translate("La Cina esporta verso la Russia.");
    expect(china.text).toMatch(/^China\b/);
    expect(china.text).toMatch(/\bto Russia\b/);
    // News words the Italian dictionary lacks come out in English, not in Italian.
    const words = await translator.translate("I bombardieri hanno svolto esercitazioni.");
    expect(words.text).toMatch(/\bbombers\b/);
    expect(words.text).toMatch(/\bexercises\b/);
    await translator.close();
  });

  it("keeps people's names that are also Italian words (an option can turn it off)", async () => {
    const text = "Enrico Letta e Guido Crosetto hanno incontrato il premier Conte. Crosetto ha detto di sì.";
    const translator = await createTranslator({ from: "it", engine: "apertium" });
    const result = await translator.translate(text);
    expect(result.text).toMatch(/\bEnrico Letta\b/);
    expect(result.text).toMatch(/\bGuido Crosetto\b/);
    expect(result.text).toMatch(/\bConte\b/);
    expect(result.text).toMatch(/\bCrosetto has\b/);
    await translator.close();
    // Without it, Apertium translates them as words: the reason the option exists.
    const literal = await createTranslator({ from: "it", engine: "apertium", keepNames: false });
    expect((await literal.translate(text)).text).not.toMatch(/\bEnrico Letta\b/);
    await literal.close();
  });

  it("is used only when asked for, or as a fallback that the record names", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "rassegna-cache-"));
    const translator = await createTranslator({
      from: "it",
      engines: ["transformers", "apertium"],
      offline: true,
      cacheDir,
    });
    expect(translator.engine).toBe("apertium");
    const result = await translator.translate("La città è grande.");
    expect(result.model).toBe("apertium:ita-spa+spa-eng");
    expect(result.text).toMatch(/\bcity\b/i);
    // The translator says it stands in for the model, and why.
    expect(translator.fallback).toMatchObject({
      preferred: "transformers",
      reason: expect.stringContaining("Xenova/opus-mt-it-en"),
    });
    await translator.close();
    // With no engine named, the same order applies (as in the stage): the README's example works offline.
    const byDefault = await createTranslator({ from: "it", offline: true, cacheDir });
    expect(byDefault.engine).toBe("apertium");
    await byDefault.close();
    // One engine named: the missing model is an error, not a silent switch.
    await expect(
      createTranslator({ from: "it", engine: "transformers", offline: true, cacheDir }),
    ).rejects.toMatchObject({ code: "MODEL_UNAVAILABLE" });
  });

  it("in the stage, a record translated by the fallback carries a warning and no error", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "rassegna-cache-"));
    const stage = translateStage({ offline: true, cacheDir });
    try {
      const doc = createAnalysis({ id: "w-1", text: "Il sindaco apre la scuola nuova.", language: "it" }, 0);
      await stage.process(doc, createStageContext(stage));
      expect(doc.translation?.engine).toBe("apertium");
      expect(doc.errors).toEqual([]);
      expect(doc.warnings).toEqual([
        expect.objectContaining({
          stage: "translate",
          code: "FALLBACK_ENGINE",
          message: expect.stringMatching(/apertium.*transformers was unavailable.*opus-mt-it-en/s),
        }),
      ]);
    } finally {
      await stage.close?.();
    }
  });

  it("a missing pair or program is MODEL_UNAVAILABLE with the apt command that fixes it", async () => {
    await expect(createTranslator({ from: "ru", engine: "apertium" })).rejects.toMatchObject({
      code: "MODEL_UNAVAILABLE",
      message: expect.stringContaining("apt"),
    });
    await expect(listApertiumModes({ binary: "/nonexistent/apertium" })).rejects.toMatchObject({
      code: "MODEL_UNAVAILABLE",
      message: expect.stringContaining(APERTIUM_APT_COMMAND),
    });
  });
});

describe("the translate stage's warmup", () => {
  it("starts the Apertium programs of the languages asked for before any article, and skips what it cannot translate", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "rassegna-cache-"));
    const stage = translateStage({ offline: true, cacheDir, engines: ["apertium"] });
    try {
      expect(descendants().some((p) => p.command.includes("ita-spa"))).toBe(false);
      // English needs no engine, Russian has none here: neither is an error of the warmup.
      await stage.warmup(["it", "en", "ru"]);
      const running = descendants();
      expect(running.some((p) => p.command.includes("ita-spa.automorf.bin"))).toBe(true);
      expect(running.some((p) => p.command.includes("spa-eng.autogen.bin"))).toBe(true);
      const doc = createAnalysis({ id: "w-2", text: "Il treno parte domani.", language: "it" }, 0);
      await stage.process(doc, createStageContext(stage));
      expect(doc.translation?.text).toMatch(/\btrain\b/i);
      // The article in a language without an engine gets the error warmup did not raise.
      const russian = createAnalysis({ id: "w-3", text: "Поезд уходит завтра.", language: "ru" }, 0);
      await expect(stage.process(russian, createStageContext(stage))).rejects.toMatchObject({
        code: "MODEL_UNAVAILABLE",
      });
    } finally {
      await stage.close?.();
    }
    // Closing the stage stops its chains: none of their programs is left running.
    expect(descendants().filter((p) => /ita-spa|spa-eng/.test(p.command))).toEqual([]);
  });
});

describe("the Apertium chains stay up between batches", () => {
  const sentences = ["Il gatto dorme sul divano.", "La nave entra nel porto.", "Domani piove."];

  it("translates batch after batch on the same processes, and restarts a chain that was killed", async () => {
    const engine = await createApertiumEngine("it", "en");
    try {
      const first = await engine.translateBatch(sentences);
      const starts = engine.chainStarts;
      // Each process (the analyser and the rest of ita-spa and of spa-eng) started once.
      expect(starts).toBe(engine.chainPids.length);
      expect(starts).toBeGreaterThanOrEqual(2);
      expect(await engine.translateBatch(sentences.slice().reverse())).toEqual(first.slice().reverse());
      expect(engine.chainStarts).toBe(starts);
      // A chain that dies between batches (killed from outside): nothing is lost, it is started again.
      for (const pid of engine.chainPids) process.kill(-pid, "SIGKILL");
      expect(await engine.translateBatch(sentences)).toEqual(first);
      expect(engine.chainStarts).toBeGreaterThan(starts);
    } finally {
      await engine.close();
    }
    expect(engine.chainPids).toEqual([]);
    expect(descendants().filter((p) => /ita-spa|spa-eng/.test(p.command))).toEqual([]);
  });

  it("a sentence over its time budget gets a TIMEOUT error of its own, and nothing hangs", async () => {
    const engine = await createApertiumEngine("it", "en", { segmentTimeoutMs: 1 });
    try {
      const error = await engine.translateBatch(sentences).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PartialBatchError);
      const results = (error as PartialBatchError).results;
      expect(results).toHaveLength(sentences.length);
      for (const r of results) expect(r).toMatchObject({ code: "TIMEOUT", stage: "translate" });
    } finally {
      await engine.close();
    }
  });
});
