// The corpus: enough original articles in the right languages, well-formed front matter,
// and an index.jsonl that matches the articles (regenerate with `node corpus/build-index.mjs`).
import { readFileSync } from "node:fs";
import { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";

import { runCli } from "@rassegna/cli";

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

/** A writable that keeps what it gets. */
class Sink extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString();
    callback();
  }
}

describe("rassegna on the corpus folder", () => {
  it("gives one record per article (the web page and the feed's items too) and says what it left out", async () => {
    const stdout = new Sink();
    const stderr = new Sink();
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const code = await runCli(["detect", "corpus"], { stdin: Readable.from([]), stdout, stderr, cwd: root });
    const records = stdout.text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const articles = await readArticleFolder(`${corpus}articles`);
    const ids = records.map((r) => r.id);
    expect(ids).toHaveLength(articles.length + 1 + 3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("corpus/pages/it-trieste-porto.html");
    expect(ids.filter((id) => id.startsWith("https://corriere-di-prova.example/"))).toHaveLength(3);
    for (const a of articles) {
      const record = records.find((r) => r.id === a.id);
      expect(record?.language.code, a.id).toBe(a.language);
      expect(record?.text, a.id).toBe(a.text);
    }
    const page = records.find((r) => r.id === "corpus/pages/it-trieste-porto.html");
    expect(page.title).toBe("Trieste, il porto punta sulla ferrovia e guarda all'Europa centrale");
    expect(page.text).not.toMatch(/cookies|Condividi|Iscriviti|Politica/);
    for (const left of ["corpus/README.md", "corpus/read.mjs", "corpus/build-index.mjs", "corpus/index.jsonl"]) {
      expect(stderr.text).toContain(left);
    }
    expect(code).toBe(0);
  });
});
