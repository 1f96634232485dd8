/**
 * The benchmark scores against values worked out by hand for invented sentences (the working
 * is in each test). Data from ../shared never appears here.
 */
import { describe, expect, it } from "vitest";

import { accuracy, corpusBleu, corpusChrf, countLabel, mean, prf, tokenize13a } from "./metrics.js";

describe("tokenize13a", () => {
  it("splits punctuation off words but keeps decimals and in-word dashes", () => {
    expect(tokenize13a("Hello, world. 3.5 d-e")).toEqual(["Hello", ",", "world", ".", "3.5", "d-e"]);
    expect(tokenize13a('Say "no" (twice)')).toEqual(["Say", '"', "no", '"', "(", "twice", ")"]);
  });
});

describe("corpusBleu", () => {
  it("scores a near-miss: the geometric mean of the n-gram precisions", () => {
    // the cat sat on the mat / the cat sat on a mat: 1-grams 5/6 (one "the" too many),
    // 2-grams 3/5, 3-grams 2/4, 4-grams 1/3, same length (no penalty):
    // (5/6 · 3/5 · 1/2 · 1/3)^(1/4) = (1/12)^(1/4) = 0.53728…
    const bleu = corpusBleu(["the cat sat on the mat"], [["the cat sat on a mat"]]);
    expect(bleu.score).toBeCloseTo(53.7285, 3);
    expect(bleu.precisions.map((p) => Number(p.toFixed(4)))).toEqual([83.3333, 60, 50, 33.3333]);
    expect(bleu.bp).toBe(1);
  });

  it("applies the brevity penalty of a short hypothesis", () => {
    // 6 words against 7: precisions 6/6, 4/5, 3/4, 2/3 → 0.4^(1/4); BP = e^(1 − 7/6).
    const bleu = corpusBleu(["the cat sat on the mat"], [["the cat sat on the red mat"]]);
    expect(bleu.bp).toBeCloseTo(Math.exp(-1 / 6), 10);
    expect(bleu.score).toBeCloseTo(67.3182, 3);
    expect([bleu.sysLen, bleu.refLen]).toEqual([6, 7]);
  });

  it("smooths n-gram orders without a match exponentially (sacreBLEU's exp)", () => {
    // a b c d / a b x y: 2/4, 1/3, then 0/2 → 1/(2·2), 0/1 → 1/(4·1): (1/2 · 1/3 · 1/4 · 1/4)^(1/4).
    expect(corpusBleu(["a b c d"], [["a b x y"]]).score).toBeCloseTo(31.9472, 3);
  });

  it("gives 100 for a perfect copy and 0 for an empty hypothesis", () => {
    expect(corpusBleu(["The dog barked."], [["The dog barked."]]).score).toBeCloseTo(100, 10);
    expect(corpusBleu([""], [["The dog barked."]]).score).toBe(0);
  });

  it("takes the closest reference length among several references", () => {
    // 6 hypothesis words; references of 4 and 7 words: 7 is closer (|1| < |2|).
    const bleu = corpusBleu(["the cat sat on the mat"], [["a cat sat here"], ["the cat sat on the red mat"]]);
    expect(bleu.refLen).toBe(7);
  });
});

describe("corpusChrf", () => {
  it("averages character n-gram precision and recall over the orders both sides have", () => {
    // abc / abd (no spaces): 1-grams 2/3, 2-grams 1/2, 3-grams 0/1; orders 4-6 have no n-grams.
    // P = R = (2/3 + 1/2 + 0) / 3 = 7/18, and F2 of equal P and R is that value: 38.89.
    expect(corpusChrf(["abc"], [["abd"]])).toBeCloseTo((100 * 7) / 18, 8);
  });

  it("ignores whitespace and gives 100 for the same characters", () => {
    expect(corpusChrf(["a b c"], [["abc"]])).toBeCloseTo(100, 10);
    expect(corpusChrf(["xyz"], [["abc"]])).toBe(0);
  });
});

describe("classification scores", () => {
  it("computes precision, recall and F1 from counts", () => {
    // 3 right, 1 wrong guess, 2 missed: P 3/4, R 3/5, F1 = 2·0.75·0.6 / 1.35 = 2/3.
    const { p, r, f } = prf({ tp: 3, fp: 1, fn: 2 });
    expect([p, r]).toEqual([0.75, 0.6]);
    expect(f).toBeCloseTo(2 / 3, 12);
    expect(prf({ tp: 0, fp: 0, fn: 4 })).toEqual({ p: 0, r: 0, f: 0 });
  });

  it("counts one label over gold and predicted labels, optionally at some positions", () => {
    const gold = ["FAVOR", "AGAINST", "FAVOR", "NONE", "FAVOR"];
    const predicted = ["FAVOR", "FAVOR", "NONE", "NONE", "FAVOR"];
    expect(countLabel(gold, predicted, "FAVOR")).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(countLabel(gold, predicted, "AGAINST")).toEqual({ tp: 0, fp: 0, fn: 1 });
    // Positions 1 and 1 again (a bootstrap draw) and 4.
    expect(countLabel(gold, predicted, "FAVOR", [1, 1, 4])).toEqual({ tp: 1, fp: 2, fn: 0 });
  });

  it("computes accuracy in % and macro averages", () => {
    expect(accuracy(3, 4)).toBe(75);
    expect(accuracy(0, 0)).toBe(0);
    expect(mean([100, 50, 75])).toBe(75);
    expect(mean([])).toBe(0);
  });
});

describe("the report's sections", () => {
  it("puts one heading on a benchmark's section, not the benchmark's own as well", async () => {
    const { reportSection } = await import("./lib.js");
    const section = reportSection("Stance", "pnpm bench:stance", " — 3 s", "## Stance (test split)\n\nF_avg 60.\n");
    expect(section).toBe("## Stance\n\n_Command: `pnpm bench:stance` — 3 s._\n\nF_avg 60.");
    expect(section.match(/^## /gm)).toHaveLength(1);
    expect(reportSection("Queue", "pnpm bench:queue", "", "**Did not run:** no Redis")).toBe(
      "## Queue\n\n_Command: `pnpm bench:queue`._\n\n**Did not run:** no Redis",
    );
  });
});
