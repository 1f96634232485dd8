import { fromIso6392B, ISO_639_3_TO_1, toIso6391 } from "@rassegna/core";
import { describe, expect, it } from "vitest";

describe("language codes (ISO 639)", () => {
  it("gives the 639-1 code of a 639-3 code, an individual language its macrolanguage's", () => {
    expect(toIso6391("ita")).toBe("it");
    expect(toIso6391("DEU")).toBe("de");
    // Individual languages the detector names, under a macrolanguage with a 639-1 code.
    expect(toIso6391("cmn")).toBe("zh");
    expect(toIso6391("arb")).toBe("ar");
    expect(toIso6391("pes")).toBe("fa");
  });

  it("keeps a code without a 639-1 code, a 639-1 code and a stranger as they are, in lower case", () => {
    expect(toIso6391("haw")).toBe("haw");
    // Luba-Lulua is under no macrolanguage: "lu" is Luba-Katanga's code, not its.
    expect(toIso6391("lua")).toBe("lua");
    expect(toIso6391("lub")).toBe("lu");
    expect(toIso6391("it")).toBe("it");
    expect(toIso6391("constructor")).toBe("constructor");
    expect(toIso6391("")).toBe("");
  });

  it("reads the bibliographic codes of 639-2/B as their 639-3 codes", () => {
    expect(fromIso6392B("fre")).toBe("fra");
    expect(fromIso6392B("GER")).toBe("deu");
    expect(toIso6391(fromIso6392B("chi"))).toBe("zh");
    // A 639-3 code that is also its own 639-2/B code, and a 639-1 code, stay.
    expect(fromIso6392B("ita")).toBe("ita");
    expect(fromIso6392B("fr")).toBe("fr");
  });

  it("has one frozen table, with only 639-3 keys and 639-1 values", () => {
    expect(Object.isFrozen(ISO_639_3_TO_1)).toBe(true);
    for (const [three, one] of Object.entries(ISO_639_3_TO_1)) {
      expect(three).toMatch(/^[a-z]{3}$/);
      expect(one).toMatch(/^[a-z]{2}$/);
    }
  });
});
