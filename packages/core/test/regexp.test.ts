import { escapeRegExp } from "@rassegna/core";
import { describe, expect, it } from "vitest";

describe("escapeRegExp", () => {
  it("builds a pattern that matches the text literally, and only it", () => {
    const pattern = new RegExp(`^(?:${["s.p.a", "a+b", "(x)", "c/d", "[e]"].map(escapeRegExp).join("|")})$`, "u");
    for (const word of ["s.p.a", "a+b", "(x)", "c/d", "[e]"]) expect(pattern.test(word)).toBe(true);
    for (const word of ["sxpxa", "aab", "x", "c", "e"]) expect(pattern.test(word)).toBe(false);
  });
});
