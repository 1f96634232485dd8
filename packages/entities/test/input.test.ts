import { RassegnaError } from "@rassegna/core";
import { createEntityExtractor, extractEntities } from "@rassegna/entities";
import { describe, expect, it } from "vitest";

import { chunks, MAX_CHUNK } from "../src/rules/chunks.js";
import { findMentions } from "../src/rules/find-mentions.js";
import type { WorkStats } from "../src/rules/types.js";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as RassegnaError).code;
  }
  return undefined;
}

describe("bad input", () => {
  it("rejects a non-string with INVALID_INPUT", () => {
    expect(codeOf(() => extractEntities(42 as unknown as string))).toBe("INVALID_INPUT");
    expect(codeOf(() => extractEntities(null as unknown as string))).toBe("INVALID_INPUT");
    expect(codeOf(() => extractEntities(new Uint8Array([1, 2]) as unknown as string))).toBe("INVALID_INPUT");
  });

  it("rejects binary text with a message that says what to do", () => {
    try {
      extractEntities("PK\u0003\u0004\u0000\u0000binary");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RassegnaError);
      expect((error as RassegnaError).code).toBe("INVALID_INPUT");
      expect((error as Error).message).toMatch(/binary/);
    }
  });

  it("gives no entities for empty or blank text", () => {
    expect(extractEntities("")).toEqual([]);
    expect(extractEntities("  \n\t ")).toEqual([]);
  });

  it("says when the rules do not read a language, and what to do", () => {
    try {
      extractEntities("Der Bundeskanzler sprach in Berlin.", { language: "de" });
      expect.unreachable();
    } catch (error) {
      expect((error as RassegnaError).code).toBe("UNSUPPORTED_LANGUAGE");
      expect((error as Error).message).toMatch(/transformers/);
    }
  });

  it("rejects an unknown backend", () => {
    expect(codeOf(() => extractEntities("Rome", { backend: "spacy" as "rules" }))).toBe("INVALID_INPUT");
    expect(codeOf(() => createEntityExtractor({ backend: "spacy" as "rules" }))).toBe("INVALID_INPUT");
  });

  it("treats an undetermined language as English", () => {
    expect(extractEntities("Officials met in Geneva.", { language: "und" }).map((e) => e.name)).toEqual(["Geneva"]);
  });
});

describe("large input", () => {
  const paragraph =
    "Prime Minister Giorgia Meloni met Emmanuel Macron in Paris on Tuesday, and Acme Holdings said it would invest in Milan. ";

  it("cuts text into bounded chunks that cover it in order", () => {
    const text = paragraph.repeat(400); // one paragraph, no line breaks, ~48k characters
    const spans = [...chunks(text)];
    expect(spans.length).toBeGreaterThan(1);
    let previous = 0;
    for (const [start, end] of spans) {
      expect(start).toBe(previous);
      expect(end - start).toBeLessThanOrEqual(MAX_CHUNK);
      previous = end;
    }
    expect(previous).toBe(text.length);
  });

  it("does work linear in the text (counted, not timed) for a 5 MB article", () => {
    const count = (text: string): WorkStats => {
      const stats: WorkStats = { chunks: 0, tokens: 0, longestChunk: 0 };
      findMentions(text, "en", { stats });
      return stats;
    };
    const unit = paragraph.repeat(40);
    const small = count(unit.repeat(100)); // ~0.5 MB
    const large = count(unit.repeat(1000)); // ~5 MB
    expect(unit.length * 1000).toBeGreaterThan(4_500_000);
    expect(large.tokens).toBe(small.tokens * 10);
    expect(large.chunks).toBeLessThanOrEqual(small.chunks * 10 + 1);
    expect(large.longestChunk).toBeLessThanOrEqual(MAX_CHUNK);
  });

  it("finds every mention in a long text with true offsets", () => {
    const text = paragraph.repeat(300);
    const entities = extractEntities(text);
    const meloni = entities.find((e) => e.name === "Giorgia Meloni");
    expect(meloni?.mentions).toHaveLength(300);
    for (const entity of entities) for (const m of entity.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});

describe("pathological input", () => {
  it("stays linear on a long run of capitalised words without punctuation", () => {
    const count = (words: number): WorkStats => {
      const stats: WorkStats = { chunks: 0, tokens: 0, longestChunk: 0 };
      findMentions(Array.from({ length: words }, (_, i) => (i % 2 ? "Bank" : "Of")).join(" of "), "en", { stats });
      return stats;
    };
    const small = count(20_000);
    const large = count(40_000);
    expect(large.tokens).toBeLessThanOrEqual(small.tokens * 2 + 2);
    expect(large.longestChunk).toBeLessThanOrEqual(MAX_CHUNK);
    const text = "Acme Holdings Group International Trading Bank Corp ".repeat(2000);
    const entities = extractEntities(text);
    for (const entity of entities)
      for (const m of entity.mentions) expect(m.text.split(" ").length).toBeLessThanOrEqual(13);
  });
});

describe("the rules' passes", () => {
  it("say which pass typed each mention", () => {
    const text = "ROME, Nov 26 - Acme Corp said on Monday that Walter Brandt would lead it.";
    const rules = Object.fromEntries(findMentions(text, "en").map((m) => [m.text, m.rule]));
    expect(rules.ROME).toBe("dateline");
    expect(rules["Acme Corp"]).toBe("classify");
    expect(rules["Walter Brandt"]).toBe("classify");
  });
});
