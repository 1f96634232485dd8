import { describe, expect, it } from "vitest";

import {
  assertTokenLength,
  checkOptions,
  DEFAULT_MAX_TOKEN_LENGTH,
  DEFAULT_PIPELINE_OPTIONS,
  DETECT_OPTIONS,
  EXTRACT_OPTIONS,
  PIPELINE_OPTIONS,
  RassegnaError,
  STANCE_OPTIONS,
  TRANSLATOR_OPTIONS,
  utf8Length,
} from "../src/index.js";

function failure(run: () => void): RassegnaError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RassegnaError);
    return error as RassegnaError;
  }
  throw new Error("expected an error");
}

describe("checkOptions", () => {
  it("lets sound options, no options and unknown keys through", () => {
    expect(() => checkOptions(EXTRACT_OPTIONS, { language: "it", backend: "rules" }, "entities")).not.toThrow();
    expect(() => checkOptions(EXTRACT_OPTIONS, undefined, "entities")).not.toThrow();
    expect(() => checkOptions(STANCE_OPTIONS, { targets: ["Freedonia"], somethingElse: 1 }, "stance")).not.toThrow();
    expect(() =>
      checkOptions(
        PIPELINE_OPTIONS,
        { stages: [], maxTextLength: Number.POSITIVE_INFINITY, concurrency: 2 },
        "pipeline",
      ),
    ).not.toThrow();
    expect(() =>
      checkOptions(PIPELINE_OPTIONS, { stageTimeoutMs: { translate: 500, default: 100 } }, "p"),
    ).not.toThrow();
  });

  it("names the option, what it must be, what it got and what to do", () => {
    const error = failure(() => checkOptions(EXTRACT_OPTIONS, { language: 5 }, "entities"));
    expect(error.code).toBe("USAGE");
    expect(error.stage).toBe("entities");
    expect(error.message).toMatch(/^entities: option "language" must be a language code .* got a number \(5\)\./);
    expect(error.message).toMatch(/leave the option out/);
  });

  it("refuses NaN, fractions, negative numbers and strings where a whole number goes", () => {
    for (const bad of [Number.NaN, 2.5, -1, "4", Number.NEGATIVE_INFINITY]) {
      const error = failure(() => checkOptions(PIPELINE_OPTIONS, { maxTextLength: bad }, "pipeline"));
      expect(error.message).toMatch(/option "maxTextLength" must be a whole number of at least 0/);
    }
    expect(failure(() => checkOptions(TRANSLATOR_OPTIONS, { batchSize: 0 }, "translate")).message).toMatch(
      /"batchSize" must be a whole number of at least 1, got a number \(0\)/,
    );
  });

  it("refuses a single string where a list goes, and a non-string inside a list", () => {
    expect(failure(() => checkOptions(STANCE_OPTIONS, { targets: "Freedonia" }, "stance")).message).toMatch(
      /option "targets" must be an array of names .* got a string \("Freedonia"\)/,
    );
    expect(failure(() => checkOptions(DETECT_OPTIONS, { languages: ["it", 7] }, "language")).message).toMatch(
      /option "languages.1" must be a language code/,
    );
  });

  it("names the deepest wrong value inside nested options", () => {
    expect(
      failure(() => checkOptions(PIPELINE_OPTIONS, { stageTimeoutMs: { translate: "soon" } }, "pipeline")).message,
    ).toMatch(/option "stageTimeoutMs.translate" must be a whole number/);
    expect(failure(() => checkOptions(PIPELINE_OPTIONS, { limits: { maxPairs: 0 } }, "pipeline")).message).toMatch(
      /option "limits.maxPairs"/,
    );
    expect(failure(() => checkOptions(DEFAULT_PIPELINE_OPTIONS, { replace: { stance: 5 } }, "x")).message).toMatch(
      /option "replace.stance" must be a stage, or false/,
    );
  });

  it("refuses options that are not an object", () => {
    for (const bad of [null, 5, "rules", true]) {
      expect(failure(() => checkOptions(EXTRACT_OPTIONS, bad, "entities")).message).toMatch(
        /^entities: the options must be an object of options/,
      );
    }
  });

  it("knows an AbortSignal from something else", () => {
    expect(() => checkOptions(EXTRACT_OPTIONS, { signal: new AbortController().signal }, "e")).not.toThrow();
    expect(failure(() => checkOptions(EXTRACT_OPTIONS, { signal: { aborted: "no" } }, "e")).message).toMatch(
      /"signal" must be an AbortSignal/,
    );
  });
});

describe("assertTokenLength", () => {
  it("lets ordinary text and runs at the limit through", () => {
    expect(() => assertTokenLength("Il sindaco di Borgoverde ha parlato.", undefined, "translate")).not.toThrow();
    expect(() => assertTokenLength(`a ${"x".repeat(DEFAULT_MAX_TOKEN_LENGTH)} b`, undefined, "t")).not.toThrow();
    expect(() => assertTokenLength("x".repeat(50), Number.POSITIVE_INFINITY, "t")).not.toThrow();
  });

  it("refuses a run over the limit with LIMIT_EXCEEDED, its length and where it starts", () => {
    const text = `Breve notizia.\n${"parola".repeat(20)} fine`;
    const error = failure(() => assertTokenLength(text, 100, "translate"));
    expect(error.code).toBe("LIMIT_EXCEEDED");
    expect(error.stage).toBe("translate");
    expect(error.message).toMatch(/a run of 120 characters without a space \(from offset 15\), over the limit of 100/);
    expect(error.message).toMatch(/raise maxTokenLength/);
    // The last run counts too.
    expect(failure(() => assertTokenLength(`ok ${"z".repeat(11)}`, 10, "t")).message).toMatch(/run of 11/);
  });
});

describe("utf8Length", () => {
  it("counts UTF-8 bytes as an encoder would", () => {
    for (const text of ["", "ascii", "città", "€ 5", "𝐀 astral", "lone \ud800 surrogate"]) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});
