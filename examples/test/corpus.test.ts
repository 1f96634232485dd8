// The corpus: enough original articles in the right languages, well-formed front matter,
// and an index.jsonl that matches the articles (regenerate with `node corpus/build-index.mjs`).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { parseArticleFile, readArticleFolder } from "../../corpus/read.mjs";

const corpus = fileURLToPath(new URL("../../corpus/", import.meta.url));

describe("parseArticleFile", () => {
  it("splits front matter from the text", () => {
    const article = parseArticleFile("---\nid: x-1\ntitle: Un titolo: con due punti\nlanguage: it\n---\nTesto.\n", "f");
    expect(article).toEqual({ id: "x-1", title: "Un titolo: con due punti", language: "it", text: "Testo." });
  });

  it("reads a file without front matter as text, with the fallback id", () => {
    expect(parseArticleFile("\uFEFFSolo testo.\r\n\r\nSecondo paragrafo.", "seed")).toEqual({
      id: "seed",
      text: "Solo testo.\r\n\r\nSecondo paragrafo.",
    });
  });

  it("accepts CRLF front matter", () => {
    expect(parseArticleFile("---\r\nid: c\r\ndate: 2025-01-02\r\n---\r\nCorpo.", "f")).toEqual({
      id: "c",
      date: "2025-01-02",
      text: "Corpo.",
    });
  });
});

describe("corpus/", () => {
  it("has at least 15 articles of 150–400 words, 10+ Italian, and en, fr, es, de, pt", async () => {
    const articles = await readArticleFolder(`${corpus}articles`);
    expect(articles.length).toBeGreaterThanOrEqual(15);
    const languages = articles.map((a) => a.language);
    expect(languages.filter((l) => l === "it").length).toBeGreaterThanOrEqual(10);
    for (const code of ["en", "fr", "es", "de", "pt"]) expect(languages).toContain(code);
    for (const a of articles) {
      const words = a.text.split(/\s+/).filter(Boolean).length;
      expect(words, a.id).toBeGreaterThanOrEqual(150);
      expect(words, a.id).toBeLessThanOrEqual(400);
      expect(a.title, a.id).toBeTruthy();
      expect(a.date, a.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.file.endsWith(`${a.id}.txt`), a.id).toBe(true);
      expect(a.text.startsWith("---"), a.id).toBe(false);
    }
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
  });

  it("has an index.jsonl in step with the articles", async () => {
    const articles = await readArticleFolder(`${corpus}articles`);
    const lines = readFileSync(`${corpus}index.jsonl`, "utf8").trim().split("\n");
    expect(lines.map((line) => JSON.parse(line))).toEqual(
      articles.map(({ id, title, date, language, text }) => ({ id, title, date, language, text })),
    );
  });
});
