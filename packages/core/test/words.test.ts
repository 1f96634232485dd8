import { describe, expect, it } from "vitest";
import { WORD_CLASSES, wordSet, wordsOf } from "../src/index.js";

describe("shared word classes", () => {
  it("keeps English and Italian apart", () => {
    expect(wordsOf("hypothetical-markers", "en")).toContain("should");
    expect(wordsOf("hypothetical-markers", "en")).not.toContain("dovrebbe");
    expect(wordsOf("hypothetical-markers", "it")).toContain("dovrebbe");
    expect(wordsOf("speech-verbs", "it")).toContain("detto");
    expect(wordsOf("speech-verbs", "it")).not.toContain("said");
  });

  it("answers an empty list for a language a class does not have", () => {
    expect(wordsOf("articled-prepositions", "en")).toEqual([]);
    expect(wordsOf("articles", "de")).toContain("der");
  });

  it("joins classes and languages into one set, folded on request", () => {
    const reporting = wordSet(["speech-verbs", "opinion-verbs"], ["en", "it"]);
    expect(reporting.has("said")).toBe(true);
    expect(reporting.has("ritiene")).toBe(true);
    expect(reporting.has("urged")).toBe(false);
    expect(wordSet("negators", "it").has("né")).toBe(true);
    expect(wordSet("negators", "it", { fold: true }).has("ne")).toBe(true);
    expect(wordSet("negators", "it", { fold: true }).has("né")).toBe(false);
  });

  it("is frozen", () => {
    expect(Object.isFrozen(WORD_CLASSES["speech-verbs"].en)).toBe(true);
    expect(() => (wordsOf("articles", "en") as string[]).push("x")).toThrow(TypeError);
  });

  it("rejects a class it does not have, naming the ones it has", () => {
    expect(() => wordsOf("verbs" as never, "en")).toThrow(/Unknown word class "verbs": use one of .*speech-verbs/);
  });
});
