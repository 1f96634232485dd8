import { RassegnaError } from "@rassegna/core";
import { findOpusModel, isEnglish, normalizeLanguage, opusModelFor, TRANSLATION_MODELS } from "@rassegna/translate";
import { describe, expect, it } from "vitest";

describe("the OPUS-MT registry", () => {
  it("maps Italian to Xenova/opus-mt-it-en and the other required sources to their models", () => {
    expect(opusModelFor("it")).toBe("Xenova/opus-mt-it-en");
    for (const code of ["fr", "es", "de", "nl", "ru", "zh", "ar"]) {
      expect(opusModelFor(code, "en")).toBe(`Xenova/opus-mt-${code}-en`);
    }
    expect(opusModelFor("pt")).toBe("Xenova/opus-mt-ROMANCE-en");
  });
  it("accepts ISO 639-3 codes and regional variants", () => {
    expect(normalizeLanguage("ita")).toBe("it");
    expect(normalizeLanguage("pt-BR")).toBe("pt");
    expect(opusModelFor("rus")).toBe("Xenova/opus-mt-ru-en");
    expect(findOpusModel("zh_Hans")?.base).toBe("Helsinki-NLP/opus-mt-zh-en");
    expect(isEnglish("eng")).toBe(true);
    expect(isEnglish("en-GB")).toBe(true);
    expect(isEnglish("it")).toBe(false);
  });
  it("reads bibliographic codes and individual languages as the engines' codes", () => {
    // ISO 639-2/B ("fre", "ger", "dut", "chi", "rum") and individual languages of a macrolanguage.
    expect(["fre", "ger", "dut", "chi", "rum"].map(normalizeLanguage)).toEqual(["fr", "de", "nl", "zh", "ro"]);
    expect(["cmn", "arb", "zho", "ara"].map(normalizeLanguage)).toEqual(["zh", "ar", "zh", "ar"]);
    expect(opusModelFor("ger")).toBe("Xenova/opus-mt-de-en");
  });
  it("every entry translates into English and names a Helsinki-NLP base model", () => {
    for (const entry of TRANSLATION_MODELS) {
      expect(entry.to).toBe("en");
      expect(entry.model.startsWith("Xenova/opus-mt-")).toBe(true);
      expect(entry.base.replace("Helsinki-NLP/", "Xenova/")).toBe(entry.model);
    }
  });
  it("throws MODEL_UNAVAILABLE naming the pair and the registered pairs for an unknown pair", () => {
    let error: unknown;
    try {
      opusModelFor("ko", "en");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RassegnaError);
    expect((error as RassegnaError).code).toBe("MODEL_UNAVAILABLE");
    expect((error as RassegnaError).message).toContain("ko→en");
    expect((error as RassegnaError).message).toContain("it→en");
    expect((error as RassegnaError).message).toContain("Xenova/opus-mt-mul-en");
    expect(() => opusModelFor("it", "fr")).toThrow(/it→fr/);
  });
});
