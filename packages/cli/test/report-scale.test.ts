// The report on hostile and huge input: malformed records, 10,000 articles, a size budget.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import type { Analysis } from "@rassegna/core";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readReportRecords, renderReportHtml } from "../src/report/index.js";
import { cli } from "./helpers.js";

const CHROMIUM = process.env.RASSEGNA_CHROMIUM ?? "/usr/bin/chromium";
const ACTORS = ["Freedonia", "Sylvania", "Latveria", "Genovia", "Elbonia", "Ruritania"];

/** A made-up article: two actors, a stance between them, a date spread over a year. */
function synthetic(i: number): Analysis {
  const holder = ACTORS[i % ACTORS.length]!;
  const target = ACTORS[(i * 7 + 1) % ACTORS.length]!;
  const text = `${holder} criticised ${target} over the border talks, article ${i}. `.repeat(6);
  return {
    id: `n${i}`,
    title: `Dispatch ${i}`,
    date: `2026-${String((i % 12) + 1).padStart(2, "0")}-15`,
    text,
    language: { code: "en", iso6393: "eng", confidence: 1, script: "Latn", reliable: true, alternatives: [] },
    entities: [
      {
        name: holder,
        type: "LOCATION",
        source: "original",
        mentions: [{ start: 0, end: holder.length, text: holder }],
      },
    ],
    stances: [
      { holder, target, stance: i % 3 === 0 ? "FAVOR" : "AGAINST", score: 0.7, evidence: [{ start: 0, end: 40 }] },
    ],
    errors: [],
  };
}

let dir: string;
let browser: Browser;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rassegna-report-scale-"));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("malformed records", () => {
  it("draws records with null evidence and mentions, and names skipped lines in a visible notice", async () => {
    const good = synthetic(1);
    const lines = [
      JSON.stringify(good),
      "{broken json",
      JSON.stringify({ ...synthetic(2), stances: [{ holder: "A", target: "B", stance: "AGAINST", evidence: [null] }] }),
      JSON.stringify({
        ...synthetic(3),
        entities: [{ name: "X", type: "PERSON", source: "original", mentions: [null] }],
      }),
      "42",
    ];
    writeFileSync(join(dir, "odd.jsonl"), lines.join("\n"));
    const { code, stderr } = await cli(["report", "odd.jsonl", "--html", "odd.html"], "", {}, dir);
    expect(code).toBe(1);
    expect(stderr).toContain("odd.jsonl line 2 skipped");
    expect(stderr).toContain("odd.jsonl line 5 skipped");
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dir, "odd.html")).href);
    const notice = await page.locator(".banner.notices").textContent();
    expect(notice).toContain("line 2 skipped");
    expect(notice).toContain("line 5 skipped");
    // The null evidence and mention are named, with their line, not dropped unseen.
    expect(notice).toContain("line 3 (n2): stances[0].evidence[0] is null");
    expect(notice).toContain('line 4 (n3): entities[0].mentions[0] (of "X") is null');
    expect(await page.locator("article.doc").evaluateAll((els) => els.map((e) => e.getAttribute("data-id")))).toEqual([
      "n1",
      "n2",
      "n3",
    ]);
    await page.close();
  });

  it("keeps the record's line number for a notice", () => {
    const { records, lines, notices } = readReportRecords(`\n${JSON.stringify({ id: 7 })}\n[1]\n`, "r.jsonl");
    expect(records.map((r) => r.id)).toEqual(["7"]);
    expect(lines).toEqual([2]);
    expect(notices).toEqual(["r.jsonl line 3 skipped: not a JSON object"]);
  });

  it("names each malformed part of a record it draws (at most five, then how many more)", () => {
    const record = {
      id: "m",
      entities: [7, { name: "Y", mentions: [null, { start: 0, end: 1 }, "x"] }],
      stances: "none",
      errors: [null],
    };
    const { records, notices } = readReportRecords(JSON.stringify(record), "r.jsonl");
    expect(records.map((r) => r.id)).toEqual(["m"]);
    expect(notices).toEqual([
      'r.jsonl line 1 (m): entities[0] is a number; entities[1].mentions[0] (of "Y") is null; entities[1].mentions[2] (of "Y") is a string; "stances" is a string, not a list; errors[0] is null — left out of the page; the rest of the record is shown.',
    ]);
  });
});

describe("10,000 articles", () => {
  const records = Array.from({ length: 10_000 }, (_, i) => synthetic(i));

  it("opens in a browser: aggregates first, one page of articles laid out, the others a click away", async () => {
    const html = renderReportHtml(records, { title: "Ten thousand" });
    expect(html.length).toBeLessThan(32 * 1024 * 1024);
    const file = join(dir, "big.html");
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(file).href, { timeout: 120_000 });
    const order = await page.evaluate(() =>
      Array.from(document.querySelectorAll("main > section h2, main > h2")).map((h) => h.textContent),
    );
    expect(order).toEqual(["Stance matrix", "Change over time", "Entity frequency", "Articles"]);
    expect(await page.locator("#articles article.doc").count()).toBe(50);
    expect(await page.locator("#filter-count").textContent()).toBe("50 of 10000 articles");
    // Each cell's tooltip names a few articles, not all of them.
    const title = await page.locator("td[data-holder][data-favor]:not(.empty)").first().getAttribute("title");
    expect(title).toMatch(/\(\+\d+ more\)$/);
    await page.locator("#next").click();
    expect(await page.locator("#page-info").textContent()).toBe("page 2 of 200");
    expect(await page.locator("#articles article.doc").first().getAttribute("data-id")).toBe("n50");
    await page.locator("#filter").fill("dispatch 9999");
    expect(
      await page.locator("#articles article.doc").evaluateAll((els) => els.map((e) => e.getAttribute("data-id"))),
    ).toEqual(["n9999"]);
    await page.close();
  }, 180_000);

  it("lists the articles past the size budget without their text, and says so", () => {
    const html = renderReportHtml(records.slice(0, 400), { maxBytes: 400_000 });
    expect(html.length).toBeLessThan(600_000);
    const compact = html.match(/class="doc compact/g)?.length ?? 0;
    expect(compact).toBeGreaterThan(0);
    expect(html).toContain(`${compact} of 400 articles are listed without their text`);
  });
});
