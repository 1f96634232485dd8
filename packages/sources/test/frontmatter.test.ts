import { describe, expect, it } from "vitest";

import { fromText, parseFrontMatter } from "../src/index.js";

describe("front matter", () => {
  it("turns the known keys into fields and every other key into meta, untouched", () => {
    const content = [
      "---",
      "id: it-porto-genova",
      'title: "Genova: il porto cresce ancora"',
      "date: 2026-03-04",
      "language: it",
      "url: https://example.org/genova",
      "source: Gazzetta di Prova",
      "tags: [porti, Liguria]",
      "author:",
      "  name: Lucia Verdi",
      "---",
      "Il porto di Genova ha chiuso il trimestre con più container dell'anno scorso.",
      "",
    ].join("\n");
    expect(fromText(content, { id: "fallback.txt" })).toEqual({
      id: "it-porto-genova",
      title: "Genova: il porto cresce ancora",
      date: "2026-03-04",
      language: "it",
      url: "https://example.org/genova",
      source: "Gazzetta di Prova",
      meta: { tags: ["porti", "Liguria"], author: { name: "Lucia Verdi" } },
      text: "Il porto di Genova ha chiuso il trimestre con più container dell'anno scorso.",
    });
  });

  it("keeps the text after the block exactly, and the path as id when the block has none", () => {
    const article = fromText("\uFEFF---\r\ntitle: Breve\r\n---\r\nRiga uno.\r\n\r\nRiga due.", { id: "news/a.txt" });
    expect(article).toEqual({ id: "news/a.txt", title: "Breve", text: "Riga uno.\r\n\r\nRiga due." });
  });

  it("reads a file without front matter as text only, and a lone --- rule as text", () => {
    expect(fromText("Solo testo, nessun blocco.", { id: "x" })).toEqual({
      id: "x",
      text: "Solo testo, nessun blocco.",
    });
    const rule = "Primo paragrafo.\n---\nSecondo paragrafo.";
    expect(fromText(rule, { id: "y" }).text).toBe(rule);
  });

  it("says where and why when the block is not valid YAML, instead of reading it as text", () => {
    expect(() => fromText("---\ntitle: [unclosed\n---\nTesto.", { where: "bad.md" })).toThrow(
      /front matter of bad\.md is not valid YAML/,
    );
    expect(() => parseFrontMatter("---\n- a\n- b\n---\nTesto.", "list.md")).toThrow(/not a set of "key: value" lines/);
  });

  it("reads an unquoted value holding a colon as people mean it", () => {
    const article = fromText("---\nid: v1\ntitle: Bruxelles: il vertice slitta\n---\nTesto.");
    expect(article).toEqual({ id: "v1", title: "Bruxelles: il vertice slitta", text: "Testo." });
  });

  it("keeps a known key of the wrong shape in meta rather than dropping it", () => {
    const article = fromText("---\ntitle:\n  it: Titolo\n  en: Title\nid: 42\n---\nCorpo.");
    expect(article.id).toBe("42");
    expect(article.title).toBeUndefined();
    expect(article.meta).toEqual({ title: { it: "Titolo", en: "Title" } });
  });

  it("renders Markdown to plain text and takes a first heading as the title", () => {
    const md = [
      "# Il Senato approva la riforma",
      "",
      "La riforma passa con **112 voti** favorevoli, dopo una [lunga discussione](https://example.org/x).",
      "",
      "- primo punto",
      "- secondo punto",
    ].join("\n");
    const article = fromText(md, { id: "r.md", format: "markdown" });
    expect(article.title).toBe("Il Senato approva la riforma");
    expect(article.text).toBe(
      "La riforma passa con 112 voti favorevoli, dopo una lunga discussione.\n\nprimo punto\n\nsecondo punto",
    );
  });

  it("keeps a Markdown heading that is not the front matter title in the text", () => {
    const article = fromText("---\ntitle: Titolo vero\n---\n## Antefatto\n\nUn fatto.", { format: "markdown" });
    expect(article.title).toBe("Titolo vero");
    expect(article.text).toBe("Antefatto\n\nUn fatto.");
  });
});
