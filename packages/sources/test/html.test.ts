import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { fromHtml, htmlToText, readSources, type SourceItem } from "../src/index.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const dir = mkdtempSync(join(tmpdir(), "rassegna-html-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("fromHtml", () => {
  const article = fromHtml(fixture("page.html"), { url: "https://voce-collaudo.example/cronaca/bologna-tram" });

  it("takes the body and leaves out the menu, cookie notice, share bars, by-line and footer", () => {
    const paragraphs = article.text.split("\n\n");
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^La prima linea del tram di Bologna entrerà in servizio a dicembre/);
    expect(paragraphs[2]).toContain('"The system is ready, and the city should be proud of it"');
    for (const furniture of ["Oroscopo", "cookies", "Condividi", "Tweet", "Share on", "Giulia Fabbri", "diritti"]) {
      expect(article.text).not.toContain(furniture);
    }
    // The headline is the title, not the first line of the text.
    expect(article.text).not.toContain("apre in anticipo");
  });

  it("reads title, by-line, date, language, site and url from the page", () => {
    expect(article).toMatchObject({
      id: "https://voce-collaudo.example/cronaca/bologna-tram",
      url: "https://voce-collaudo.example/cronaca/bologna-tram",
      title: "Bologna, la nuova linea del tram apre in anticipo",
      date: "2026-09-14T06:30:00Z",
      language: "it",
      source: "La Voce di Collaudo",
    });
    expect(article.meta?.byline).toBe("Giulia Fabbri");
  });

  it("falls back on the canonical link for the url when none is given", () => {
    expect(fromHtml(fixture("page.html")).url).toBe("https://voce-collaudo.example/cronaca/bologna-tram");
  });

  it("says clearly that a page without an article has none", () => {
    expect(() => fromHtml(fixture("no-article.html"), { url: "https://voce-collaudo.example/" })).toThrow(
      /No article found in https:\/\/voce-collaudo\.example\/: it has \d+ characters of article text/,
    );
  });

  it("turns HTML into paragraphs apart by a blank line, keeping line breaks and <pre> as they are", () => {
    expect(
      htmlToText("<h2>Uno</h2><p>Due  <b>tre</b>\n quattro<br>cinque</p><pre>a  b\n c</pre><script>x()</script>"),
    ).toBe("Uno\n\nDue tre quattro\ncinque\n\na  b\n c");
  });
});

describe("pages in a folder", () => {
  it("gives a page without an article an error item, and a page its article, with the path as id", async () => {
    writeFileSync(join(dir, "a-page.html"), fixture("page.html"));
    writeFileSync(join(dir, "b-home.htm"), fixture("no-article.html"));
    const items: SourceItem[] = [];
    for await (const item of readSources(["."], { cwd: dir })) items.push(item);
    expect(items.map((i) => i.article.id)).toEqual(["a-page.html", "b-home.htm"]);
    expect(items[0]?.error).toBeUndefined();
    expect(items[0]?.article.url).toBe("https://voce-collaudo.example/cronaca/bologna-tram");
    expect(items[1]?.error).toMatchObject({ stage: "input", code: "INVALID_INPUT" });
    expect(items[1]?.error?.message).toMatch(/^No article found in b-home\.htm/);
  });
});
