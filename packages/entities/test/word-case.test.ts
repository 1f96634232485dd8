import { describe, expect, it } from "vitest";

import { wordCase } from "../src/word-case.js";

describe("how English writes a word (SUBTLEX-US, data/case/)", () => {
  it("knows common words as lower case, names as capitalised, and the rest as rare", () => {
    expect(wordCase("hill")).toBe("lower");
    expect(wordCase("penalties")).toBe("lower");
    expect(wordCase("washington")).toBe("capital");
    expect(wordCase("voreling")).toBe("rare");
  });
});
