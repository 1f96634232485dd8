import { describe, expect, it } from "vitest";

import { capitalised, eitherApostrophe, eitherCaseFirst, endingIn } from "../src/rules/words.js";

describe("ending tests built from data lists (data/rules/<lang>/*-endings.yml)", () => {
  it("matches a word that ends in one of the endings, and no word that only contains one", () => {
    const test = endingIn(["zione", "ità"]);
    expect(test.test("costituzione")).toBe(true);
    expect(test.test("libertà")).toBe(false);
    expect(test.test("umanità")).toBe(true);
    expect(test.test("zionesimo")).toBe(false);
  });

  it("takes an ending literally: a period is a period, not any letter", () => {
    const test = endingIn(["s.p.a", "co."]);
    expect(test.test("acme s.p.a")).toBe(true);
    expect(test.test("acme sxpxa")).toBe(false);
    expect(test.test("acme co.")).toBe(true);
    expect(test.test("acme cox")).toBe(false);
  });

  it("capitalises a word as a sentence starts it", () => {
    expect(capitalised("nella")).toBe("Nella");
    expect(capitalised("d'")).toBe("D'");
  });

  it("builds patterns for a word written at a sentence start or with a typographic apostrophe", () => {
    const article = new RegExp(`^${eitherCaseFirst("gli")}$`);
    expect(article.test("gli")).toBe(true);
    expect(article.test("Gli")).toBe(true);
    expect(article.test("GLI")).toBe(false);
    const link = new RegExp(`^${eitherApostrophe("dell'")}$`);
    expect(link.test("dell'")).toBe(true);
    expect(link.test("dell’")).toBe(true);
    expect(link.test("dello")).toBe(false);
  });
});
