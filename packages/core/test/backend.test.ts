import { describe, expect, it } from "vitest";
import { InvalidInputError, RassegnaError, selectBackend, unknownBackendError } from "../src/index.js";

describe("the stage template's backend helpers", () => {
  it("unknownBackendError says what was asked, what exists, and carries the stage", () => {
    const error = unknownBackendError("stance", "bert", ["rules", "nli"]);
    expect(error).toBeInstanceOf(RassegnaError);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.stage).toBe("stance");
    expect(error.message).toBe('stance: unknown backend "bert". Use one of "rules", "nli".');
    expect(unknownBackendError("x", 3, ["a"]).message).toContain("unknown backend 3 (number)");
  });

  it("selectBackend picks by name, by default, and through an alias kept for old callers", () => {
    const backends = { rules: "R", transformers: "T" };
    expect(selectBackend("entities", backends, "transformers", "rules")).toEqual({
      name: "transformers",
      backend: "T",
    });
    expect(selectBackend("entities", backends, undefined, "rules")).toEqual({ name: "rules", backend: "R" });
    expect(selectBackend("entities", backends, "bert", "rules", { bert: "transformers" }).backend).toBe("T");
    expect(() => selectBackend("entities", backends, "spacy", "rules")).toThrow(
      'entities: unknown backend "spacy". Use one of "rules", "transformers".',
    );
    expect(() => selectBackend("entities", backends, "toString", "rules")).toThrow(/unknown backend "toString"/);
  });
});
