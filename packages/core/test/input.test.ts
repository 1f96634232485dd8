import {
  assertText,
  createAnalysis,
  generatedId,
  hasInputError,
  looksBinary,
  missingPackage,
  RassegnaError,
  toStageError,
} from "@rassegna/core";
import { describe, expect, it } from "vitest";

describe("assertText", () => {
  it("rejects a non-string with INVALID_INPUT and a hint", () => {
    try {
      assertText(42, { stage: "entities" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RassegnaError);
      expect((error as RassegnaError).code).toBe("INVALID_INPUT");
      expect((error as RassegnaError).stage).toBe("entities");
      expect((error as Error).message).toMatch(/expected the text as a string, got a number/);
    }
  });
  it("names byte arrays so the caller knows to decode", () => {
    expect(() => assertText(new Uint8Array([1, 2]), { stage: "x" })).toThrow(/byte array/);
  });
  it("rejects binary text and over-long text with their codes", () => {
    expect(() => assertText("abc\u0000def", { stage: "x" })).toThrow(/binary/);
    try {
      assertText("a".repeat(11), { stage: "x", maxLength: 10 });
      expect.unreachable();
    } catch (error) {
      expect((error as RassegnaError).code).toBe("INPUT_TOO_LARGE");
    }
  });
  it("accepts ordinary text with tabs and line breaks", () => {
    expect(() => assertText("Roma,\tieri.\r\nSecondo paragrafo.", { stage: "x" })).not.toThrow();
    expect(looksBinary("Città di Castello — «citazione» 😀")).toBe(false);
    expect(looksBinary("Un solo carattere \ufffd sbagliato.")).toBe(false);
    expect(looksBinary("\u0001\u0002\u0003\u0004ab")).toBe(true);
  });
});

describe("createAnalysis", () => {
  it("keeps the id and the fields of an article", () => {
    const doc = createAnalysis({ id: "a-1", text: "Testo.", language: "it", targets: ["Russia", ""], title: "T" }, 0);
    expect(doc).toMatchObject({
      id: "a-1",
      text: "Testo.",
      languageHint: "it",
      targets: ["Russia"],
      title: "T",
      errors: [],
    });
  });
  it("generates a stable id from the position when none is given", () => {
    expect(createAnalysis("Testo.", 4).id).toBe(generatedId(4));
    expect(createAnalysis({ text: "Testo." }, 4).id).toBe(createAnalysis({ text: "Altro." }, 4).id);
    expect(generatedId(0)).not.toBe(generatedId(1));
  });
  it("turns every kind of bad input into one record with INVALID_INPUT", () => {
    for (const bad of [null, 5, { text: 5 }, { id: "x" }, { text: "\u0000\u0001binary" }, { text: "   " }]) {
      const doc = createAnalysis(bad, 0);
      expect(hasInputError(doc)).toBe(true);
      expect(doc.errors[0]?.code).toBe("INVALID_INPUT");
      expect(doc.errors[0]?.message.length).toBeGreaterThan(10);
    }
  });
});

describe("toStageError", () => {
  it("keeps codes of our errors and wraps others as STAGE_FAILED", () => {
    expect(toStageError(new RassegnaError("MODEL_UNAVAILABLE", "gone", { stage: "translate" }), "x")).toEqual({
      stage: "translate",
      code: "MODEL_UNAVAILABLE",
      message: "gone",
    });
    const wrapped = toStageError(new TypeError("boom"), "stance");
    expect(wrapped.code).toBe("STAGE_FAILED");
    expect(wrapped.message).toContain("boom");
  });
});

describe("missingPackage", () => {
  it("names the package, what needs it, and the install command", () => {
    const error = missingPackage("@huggingface/transformers", 'the "nli" backend', "stance");
    expect(error.code).toBe("MODEL_UNAVAILABLE");
    expect(error.stage).toBe("stance");
    expect(error.message).toContain('stance: the "nli" backend needs the package @huggingface/transformers');
    expect(error.message).toContain("npm install @huggingface/transformers");
  });
});
