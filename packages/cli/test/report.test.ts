// The HTML report, checked in a real browser (Debian's chromium driven by playwright-core)
// on hand-made records, plus the span rendering it is built on.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import type { Analysis, Entity, Span, Stance } from "@rassegna/core";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { drawableSpans, type MarkSpan, renderLayeredText } from "../src/report/html.js";
import { renderReportHtml } from "../src/report/index.js";

const CHROMIUM = process.env.RASSEGNA_CHROMIUM ?? "/usr/bin/chromium";
/** Tests write only to temporary folders: the docs' screenshot is refreshed only when asked. */
const DOCS_SCREENSHOT = fileURLToPath(new URL("../../../docs/report.png", import.meta.url));
const UPDATE_SCREENSHOT = process.env.RASSEGNA_UPDATE_SCREENSHOT === "1";

/** The span of the `nth` occurrence of `word` in `text`. */
function at(text: string, word: string, nth = 0): Span {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(word, start + 1);
  if (start < 0) throw new Error(`"${word}" not in test text`);
  return { start, end: start + word.length };
}

function entity(name: string, type: Entity["type"], source: Entity["source"], text: string, words: string[]): Entity {
  return { name, type, source, mentions: words.map((w) => ({ ...at(text, w), text: w })) };
}

function stance(holder: string, target: string, label: Stance["stance"], evidence: Span): Stance {
  return { holder, target, stance: label, score: 0.8, evidence: [{ ...evidence, rule: "test-rule", cue: "cue" }] };
}

const itText =
  "Pechino e Mosca considerano Washington un avversario.\n\nXi Jinping ha incontrato Vladimir Putin a Mosca.";
const enText = "Beijing and Moscow regard Washington as an adversary.\n\nXi Jinping met Vladimir Putin in Moscow.";
const itSentences = [at(itText, "Pechino e Mosca considerano Washington un avversario."), at(itText, "Xi Jinping ha")];
itSentences[1] = { start: itSentences[1]!.start, end: itText.length };
const enSentences = [at(enText, "Beijing and Moscow regard Washington as an adversary."), { start: 0, end: 0 }];
enSentences[1] = { start: at(enText, "Xi Jinping met").start, end: enText.length };

const translated: Analysis = {
  id: "it-axis",
  title: "Asse Pechino–Mosca",
  date: "2025-12-01",
  text: itText,
  language: { code: "it", iso6393: "ita", confidence: 0.97, script: "Latn", reliable: true, alternatives: [] },
  translation: {
    from: "it",
    to: "en",
    engine: "apertium",
    model: "apertium:ita-spa+spa-eng",
    text: enText,
    segments: [
      { source: itSentences[0]!, target: enSentences[0]! },
      { source: itSentences[1]!, target: enSentences[1]! },
    ],
  },
  entities: [
    entity("China", "LOCATION", "original", itText, ["Pechino"]),
    entity("Russia", "LOCATION", "original", itText, ["Mosca"]),
    entity("United States", "LOCATION", "original", itText, ["Washington"]),
    entity("Xi Jinping", "PERSON", "original", itText, ["Xi Jinping"]),
    entity("Vladimir Putin", "PERSON", "original", itText, ["Vladimir Putin"]),
    entity("China", "LOCATION", "translation", enText, ["Beijing"]),
    entity("Russia", "LOCATION", "translation", enText, ["Moscow"]),
    entity("United States", "LOCATION", "translation", enText, ["Washington"]),
    entity("Xi Jinping", "PERSON", "translation", enText, ["Xi Jinping"]),
    entity("Vladimir Putin", "PERSON", "translation", enText, ["Vladimir Putin"]),
  ],
  stances: [
    stance("China", "United States", "AGAINST", enSentences[0]!),
    stance("Russia", "United States", "AGAINST", enSentences[0]!),
    stance("China", "Russia", "FAVOR", enSentences[1]!),
  ],
  errors: [],
};
// The second mention of Mosca ("a Mosca") is added to Russia's original mentions.
translated.entities![1]!.mentions.push({ ...at(itText, "Mosca", 1), text: "Mosca" });

const hostileText =
  'Il blog ha pubblicato <script>alert("x")</script> & <b>grassetto</b> 🇮🇹 Pechino accusa gli Stati Uniti.';
const untranslated: Analysis = {
  id: "it-untranslated",
  title: "Titolo con <i>markup</i> & simboli",
  text: hostileText,
  languageHint: "it",
  entities: [
    entity("China", "LOCATION", "original", hostileText, ["Pechino"]),
    entity("United States", "LOCATION", "original", hostileText, ["Stati Uniti"]),
  ],
  stances: [stance("China", "United States", "AGAINST", at(hostileText, "Pechino accusa gli Stati Uniti."))],
  errors: [
    {
      stage: "translate",
      code: "MODEL_UNAVAILABLE",
      message: 'Model "Xenova/opus-mt-it-en" is not cached and remote models are off.',
    },
  ],
};
// The flag emoji is two surrogate pairs: a mention that starts inside one must not be drawn.
const flag = at(hostileText, "🇮🇹");
untranslated.entities!.push({
  name: "Broken",
  type: "ORGANIZATION",
  source: "original",
  mentions: [{ start: flag.start + 1, end: flag.end, text: "?" }],
});

// One entity for both texts, each mention tagged with its own source (as the entities stage merges them).
translated.entities!.push({
  name: "Taipei",
  type: "LOCATION",
  source: "translation",
  mentions: [
    { ...at(enText, "adversary"), text: "adversary", source: "translation" },
    { ...at(itText, "avversario"), text: "avversario", source: "original" },
  ] as Entity["mentions"],
});

const englishText = "Washington praised Ottawa. The European Union stayed silent.";
const english: Analysis = {
  id: "en-note",
  text: englishText,
  language: { code: "en", iso6393: "eng", confidence: 0.99, script: "Latn", reliable: true, alternatives: [] },
  entities: [
    entity("United States", "LOCATION", "original", englishText, ["Washington"]),
    entity("European Union", "ORGANIZATION", "original", englishText, ["European Union"]),
    // Out of range, and overlapping "European Union": both must be left out, not break the page.
    { name: "Ghost", type: "PERSON", source: "original", mentions: [{ start: 500, end: 510, text: "ghost" }] },
    {
      name: "Union",
      type: "ORGANIZATION",
      source: "original",
      mentions: [{ ...at(englishText, "Union"), text: "Union" }],
    },
  ],
  stances: [
    stance("United States", "Canada", "FAVOR", at(englishText, "Washington praised Ottawa.")),
    { target: "European Union", stance: "NONE", score: 0.1, evidence: [] },
  ],
  errors: [],
};

const rejected: Analysis = {
  id: "bad-line",
  text: "",
  errors: [{ stage: "input", code: "INVALID_INPUT", message: 'Article "bad-line" has empty text.' }],
};

const records = [translated, untranslated, english, rejected];

describe("renderLayeredText", () => {
  const span = (start: number, end: number, tag: string, data: Record<string, string> = {}): MarkSpan => ({
    start,
    end,
    tag,
    className: tag,
    data,
  });

  it("splits an inner span that crosses an outer boundary so the markup nests", () => {
    const text = "abcdef";
    const html = renderLayeredText(text, [span(0, 3, "s"), span(3, 6, "s")], [span(2, 4, "m")]);
    expect(html).toBe('<s class="s">ab<m class="m">c</m></s><s class="s"><m class="m">d</m>ef</s>');
  });

  it("escapes text and attribute values", () => {
    const html = renderLayeredText('<a href="x">&', [], [span(0, 2, "m", { entity: 'A "b" <c>' })]);
    expect(html).toBe('<m class="m" data-entity="A &quot;b&quot; &lt;c&gt;">&lt;a</m> href=&quot;x&quot;&gt;&amp;');
  });

  it("leaves out spans that are out of range, cut a surrogate pair, or overlap", () => {
    const text = "x😀y";
    const problems = { outOfRange: 0, splitsCharacter: 0, overlapping: 0 };
    const kept = drawableSpans(
      text,
      [span(1, 2, "m"), span(1, 3, "m"), span(0, 9, "m"), span(2, 1, "m"), span(2, 4, "m"), span(3, 4, "m")],
      problems,
    );
    expect(kept.map((s) => [s.start, s.end])).toEqual([
      [1, 3],
      [3, 4],
    ]);
    expect(problems).toEqual({ outOfRange: 2, splitsCharacter: 2, overlapping: 0 });
  });
});

describe("renderReportHtml on odd input", () => {
  it("renders an empty corpus and records with missing or malformed fields without throwing", () => {
    expect(renderReportHtml([])).toContain("No records.");
    const odd = [
      { id: "only-id" },
      { id: "bad-fields", text: 5, entities: "x", stances: [null, { target: 3 }], errors: null },
      { id: "bad-translation", text: "Testo.", translation: { text: 7 }, entities: [{ name: "A", mentions: null }] },
    ] as unknown as Analysis[];
    const html = renderReportHtml(odd, { title: "odd" });
    for (const id of ["only-id", "bad-fields", "bad-translation"]) expect(html).toContain(`data-id="${id}"`);
    expect(html).toContain("No stances in these records.");
  });
});

describe("renderReportHtml in a browser", () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rassegna-report-"));
    const file = join(dir, "report.html");
    writeFileSync(file, renderReportHtml(records, { title: "Test <corpus>" }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("loads nothing but the file itself", () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith("file:") && !url.startsWith("data:"))).toEqual([]);
  });

  it("shows the stance matrix with FAVOR/AGAINST counts across articles, coloured", async () => {
    const cell = page.locator('td[data-holder="China"][data-target="United States"]');
    expect(await cell.getAttribute("data-against")).toBe("2");
    expect(await cell.getAttribute("data-favor")).toBe("0");
    expect((await cell.textContent())?.trim()).toBe("▼2");
    const favour = page.locator('td[data-holder="China"][data-target="Russia"]');
    expect((await favour.textContent())?.trim()).toBe("▲1");
    const [against, favor] = await Promise.all(
      [cell, favour].map((c) => c.evaluate((el) => getComputedStyle(el).backgroundColor)),
    );
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const [ar, ag] = rgb(against);
    const [fr, fg] = rgb(favor);
    expect(ar).toBeGreaterThan(ag!);
    expect(fg).toBeGreaterThan(fr!);
    const rows = await page.locator(".stance-matrix tbody th").allTextContents();
    expect(rows).toContain("China");
    expect(rows).toContain("United States");
    expect(await page.locator(".stance-matrix thead th").allTextContents()).toContain("Canada");
  });

  it("highlights entities in the original and in the English by their offsets", async () => {
    const doc = page.locator('article.doc[data-id="it-axis"]');
    expect(await doc.locator(".col-original mark.ent").allTextContents()).toEqual([
      "Pechino",
      "Mosca",
      "Washington",
      "avversario",
      "Xi Jinping",
      "Vladimir Putin",
      "Mosca",
    ]);
    expect(await doc.locator(".col-english mark.ent").allTextContents()).toEqual([
      "Beijing",
      "Moscow",
      "Washington",
      "adversary",
      "Xi Jinping",
      "Vladimir Putin",
    ]);
    expect(await doc.locator('.col-english mark.ent[data-entity="China"]').textContent()).toBe("Beijing");
    // The whole text is still there, in order, with its paragraph break.
    expect(await doc.locator(".col-original .text").textContent()).toBe(itText);
    expect(await doc.locator(".col-english .text").textContent()).toBe(enText);
  });

  it("links an entity and a sentence to their counterparts in the other column on hover", async () => {
    const doc = page.locator('article.doc[data-id="it-axis"]');
    await doc.locator('.col-original mark.ent[data-entity="China"]').hover();
    expect(await doc.locator('.col-english mark.ent[data-entity="China"]').getAttribute("class")).toContain("hl");
    expect(await doc.locator(".col-english .seg.hl-seg").textContent()).toBe(
      enText.slice(enSentences[0]!.start, enSentences[0]!.end),
    );
  });

  it("shows hostile text as text and keeps the page intact", async () => {
    const doc = page.locator('article.doc[data-id="it-untranslated"]');
    expect(await doc.locator(".text").textContent()).toBe(hostileText);
    expect(await doc.locator("h3").textContent()).toBe("Titolo con <i>markup</i> & simboli");
    expect(await page.evaluate(() => document.scripts.length)).toBe(1);
    expect(await doc.locator(".text b, .text script, h3 i").count()).toBe(0);
    expect(await doc.locator("mark.ent").allTextContents()).toEqual(["Pechino", "Stati Uniti"]);
    expect(await doc.locator(".note").textContent()).toContain("1 cutting a character");
    expect(await page.title()).toBe("Test <corpus>");
  });

  it("shows errors per article: translation unavailable, rejected input", async () => {
    const doc = page.locator('article.doc[data-id="it-untranslated"]');
    expect(await doc.locator(".errors").textContent()).toContain("Translation unavailable");
    expect(await doc.locator(".col-english .missing").textContent()).toContain("read from the original text");
    expect(await page.locator(".banner").textContent()).toContain("Translation unavailable for 1 of 4 articles");
    const bad = page.locator('article.doc[data-id="bad-line"]');
    expect(await bad.getAttribute("class")).toContain("has-errors");
    expect(await bad.locator(".errors").textContent()).toContain("Input rejected");
    expect(await bad.locator(".columns").count()).toBe(0);
    expect(await page.locator('article.doc[data-id="it-axis"] .errors').count()).toBe(0);
  });

  it("leaves out bad spans of an English article without breaking it", async () => {
    const doc = page.locator('article.doc[data-id="en-note"]');
    expect(await doc.locator(".columns").getAttribute("class")).toContain("single");
    expect(await doc.locator("mark.ent").allTextContents()).toEqual(["Washington", "European Union"]);
    expect(await doc.locator(".note").textContent()).toContain("1 outside the text");
    expect(await doc.locator(".note").textContent()).toContain("1 overlapping");
  });

  it("counts entity frequency across the corpus and filters articles by entity", async () => {
    const first = page.locator(".freq tbody tr").first();
    expect(await first.locator("td").first().textContent()).toContain("United States");
    expect(await first.locator("td.num").allTextContents()).toEqual(["3", "4"]);
    const china = page.locator('.freq tr[data-filter="china"] td.num');
    expect(await china.allTextContents()).toEqual(["2", "3"]);
    await page.locator('.freq tr[data-filter="vladimir putin"]').click();
    expect(await page.locator("article.doc:not(.hidden)").evaluateAll((els) => els.map((e) => e.id))).toEqual([
      "doc-1",
    ]);
    expect(await page.locator("#filter-count").textContent()).toBe("1 of 4 articles");
    await page.locator("#filter").fill("");
    expect(await page.locator("article.doc:not(.hidden)").count()).toBe(4);
  });

  it("takes a screenshot for the docs", async () => {
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    const png = await page.screenshot({
      path: UPDATE_SCREENSHOT ? DOCS_SCREENSHOT : join(dir, "report.png"),
      fullPage: true,
    });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });
});
