import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { articleFromJson, readSources, type SkippedFile, type SourceItem } from "../src/index.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rassegna-sources-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(inputs: string[], options: Parameters<typeof readSources>[1] = {}) {
  const skipped: SkippedFile[] = [];
  const items: SourceItem[] = [];
  for await (const item of readSources(inputs, { cwd: dir, onSkip: (s) => skipped.push(s), ...options })) {
    items.push(item);
  }
  return { items, skipped };
}

describe("folders", () => {
  it("reads only article files, in name order, and reports what it left out", async () => {
    const root = join(dir, "desk");
    mkdirSync(join(root, "scripts"), { recursive: true });
    mkdirSync(join(root, "node_modules", "x"), { recursive: true });
    writeFileSync(join(root, "README.md"), "# Desk\n\nHow this folder is organised.");
    writeFileSync(join(root, "LICENSE"), "Permission is hereby granted.");
    writeFileSync(join(root, "build.mjs"), "console.log('hi');");
    writeFileSync(join(root, "scripts", "tool.py"), "print('hi')");
    writeFileSync(join(root, "node_modules", "x", "a.txt"), "Not ours.");
    writeFileSync(join(root, "package.json"), '{"name": "desk"}');
    writeFileSync(join(root, "settings.json"), '{"theme": "dark"}');
    writeFileSync(join(root, "sitemap.xml"), '<?xml version="1.0"?><urlset><url><loc>x</loc></urlset>');
    writeFileSync(
      join(root, "a-note.txt"),
      "---\nid: nota-1\nlanguage: it\n---\nUna nota breve sul mercato del pesce.",
    );
    writeFileSync(join(root, "b-post.md"), "# Un titolo\n\nUn paragrafo di prova.");
    writeFileSync(join(root, "c-list.json"), JSON.stringify([{ id: "j1", text: "Primo." }, "Secondo."]));
    const { items, skipped } = await read(["desk"]);
    expect(items.map((i) => i.article.id)).toEqual(["nota-1", "desk/b-post.md", "j1", undefined]);
    expect(items.map((i) => i.article.text)).toEqual([
      "Una nota breve sul mercato del pesce.",
      "Un paragrafo di prova.",
      "Primo.",
      "Secondo.",
    ]);
    expect(items.every((i) => i.error === undefined)).toBe(true);
    expect(skipped.map((s) => s.path).sort()).toEqual(
      [
        "desk/LICENSE",
        "desk/README.md",
        "desk/build.mjs",
        "desk/node_modules",
        "desk/package.json",
        "desk/scripts/tool.py",
        "desk/settings.json",
        "desk/sitemap.xml",
      ].sort(),
    );
    expect(skipped.find((s) => s.path === "desk/settings.json")?.reason).toBe(
      "JSON that is neither an article nor a feed",
    );
  });

  it("reads an index of the folder's own articles once: repeated ids are left out and reported", async () => {
    const root = join(dir, "indexed");
    mkdirSync(join(root, "articles"), { recursive: true });
    writeFileSync(join(root, "articles", "one.txt"), "---\nid: one\n---\nPrimo articolo.");
    writeFileSync(join(root, "articles", "two.txt"), "---\nid: two\n---\nSecondo articolo.");
    const index = [
      { id: "one", text: "Primo articolo." },
      { id: "two", text: "Secondo articolo." },
      { id: "three", text: "Solo nell'indice." },
    ];
    writeFileSync(join(root, "index.jsonl"), index.map((line) => JSON.stringify(line)).join("\n"));
    const { items, skipped } = await read(["indexed"]);
    expect(items.map((i) => i.article.id)).toEqual(["one", "two", "three"]);
    expect(skipped).toEqual([
      { path: "indexed/index.jsonl", reason: "2 articles already read from other files (same id)" },
    ]);
  });

  it("reads a file given by name whatever its name, and gives a missing one an error item", async () => {
    writeFileSync(join(dir, "README"), "Una notizia salvata senza estensione.");
    const { items, skipped } = await read(["README", "nowhere.txt"]);
    expect(items[0]?.article).toEqual({ id: "README", text: "Una notizia salvata senza estensione." });
    expect(items[1]?.error).toEqual({
      stage: "input",
      code: "INVALID_INPUT",
      message: "Cannot read nowhere.txt: no such file or folder.",
    });
    expect(skipped).toEqual([]);
  });

  it("gives a file with broken front matter an error item naming the file", async () => {
    writeFileSync(join(dir, "broken.md"), "---\ntitle: [oops\n---\nTesto.");
    const { items } = await read(["broken.md"]);
    expect(items).toHaveLength(1);
    expect(items[0]?.article.id).toBe("broken.md");
    expect(items[0]?.error?.message).toMatch(/front matter of broken\.md is not valid YAML/);
  });
});

describe("text files not in UTF-8", () => {
  it("are decoded as detected, with a warning on the item; undecodable bytes are an error item", async () => {
    writeFileSync(
      join(dir, "legacy.txt"),
      Buffer.from("Il sindaco di Borgoverde \x93ha parlato\x94 a lungo: la citt\xe0 \xe8 in festa.", "latin1"),
    );
    writeFileSync(join(dir, "garbled.txt"), Buffer.from([0x41, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x81, 0x8d]));
    const { items } = await read(["legacy.txt", "garbled.txt"]);
    expect(items[0]?.article.text).toBe("Il sindaco di Borgoverde “ha parlato” a lungo: la città è in festa.");
    expect(items[0]?.warning).toMatchObject({ stage: "input", code: "ENCODING_DETECTED" });
    expect(items[0]?.warning?.message).toMatch(/^legacy\.txt is not UTF-8: it was read as windows-1252/);
    expect(items[1]?.error).toMatchObject({ code: "INVALID_INPUT" });
    expect(items[1]?.error?.message).toMatch(/^garbled\.txt: it is not UTF-8, and its encoding cannot be told/);
  });
});

describe("JSON articles", () => {
  it("carries title, date, url, source and meta through, and rejects a field of the wrong type", () => {
    const line = {
      id: "a",
      text: "Testo.",
      title: "Titolo",
      date: "2026-01-02",
      url: "https://example.org/a",
      source: "Agenzia",
      meta: { desk: "esteri", rank: 3 },
    };
    expect(articleFromJson(line, "in.jsonl line 1")).toEqual({ article: line });
    expect(articleFromJson({ id: "b", text: "x", date: 20260102 }, "in.jsonl line 2")).toEqual({
      article: { id: "b", text: "" },
      error: {
        stage: "input",
        code: "INVALID_INPUT",
        message: 'in.jsonl line 2: "date" must be a string, got a number (20260102).',
      },
    });
    expect(articleFromJson({ text: "x", meta: ["a"] }, "w").error?.message).toContain('"meta" must be an object');
    expect(articleFromJson(7, "w").error?.message).toBe(
      'w holds a number (7), not an article: give a JSON object with a "text", such as {"id": "a-1", "text": "…"}.',
    );
    expect(articleFromJson({ id: "c" }, "w").error?.message).toBe(
      'w: "text" is missing: give the article\'s text as a string.',
    );
    // Limits are the pipeline's to judge (they may be raised there): only wrong types are refused here.
    const many = Array.from({ length: 100 }, (_, i) => `Actor ${i}`);
    expect(articleFromJson({ text: "x", holders: many, targets: many }, "w").error).toBeUndefined();
  });
});
