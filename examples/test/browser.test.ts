// The browser example: bundled with esbuild for the browser platform (a `node:` import on the
// browser entry point of core, langdetect, entities, stance or pipeline fails the build), served
// from a loopback server, and driven in headless Chromium (Debian's chromium + playwright-core).
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";

import { type Browser, chromium, type Page } from "playwright-core";
import { createPipeline, entitiesStage, languageStage, stanceStage } from "rassegna";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildBrowserExample } from "../browser/build.mjs";

const CHROMIUM = process.env.RASSEGNA_CHROMIUM ?? "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../browser/", import.meta.url));
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript" };

// Our own paragraph: a foreign minister accuses a state and backs another.
const PARAGRAPH =
  "Il ministro degli Esteri Antonio Tajani ha accusato la Cina di aiutare la Russia nella guerra. " +
  "Secondo Tajani, l'Italia sostiene l'Ucraina e non cambierà linea.";

describe("examples/browser: analysis of pasted text in the page", () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let inputs: string[] = [];
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const metafile = await buildBrowserExample();
    inputs = Object.keys(metafile.inputs);
    server = createServer((request, response) => {
      const path = new URL(request.url ?? "/", "http://localhost").pathname;
      const file = path === "/" ? "index.html" : path.slice(1);
      if (file.includes("..") || !["index.html", "dist/app.js"].includes(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      response.end(readFileSync(`${ROOT}${file}`));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    });
    page = await browser.newPage();
    page.on("request", (request) => requests.push(request.url()));
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.fill("#text", PARAGRAPH);
    await page.click("#analyse");
    await page.waitForSelector('#status:is([data-state="done"], [data-state="error"])', { timeout: 60_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it("bundles the packages' browser data modules, not their Node ones", () => {
    expect(inputs.some((input) => input.includes("langdetect/dist/data.browser.js"))).toBe(true);
    expect(inputs.some((input) => input.includes("stance/dist/vader-data.browser.js"))).toBe(true);
    expect(inputs.some((input) => input.includes("core/dist/platform.browser.js"))).toBe(true);
    expect(inputs.filter((input) => /\/dist\/(data|vader-data|platform)\.js$/.test(input))).toEqual([]);
  });

  it("analyses without errors and without leaving the page", async () => {
    expect(pageErrors).toEqual([]);
    expect(await page.getAttribute("#status", "data-state")).toBe("done");
    const origins = new Set(requests.map((url) => new URL(url).origin));
    expect([...origins]).toHaveLength(1);
    expect([...origins][0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("shows the language, the people and the places", async () => {
    expect(await page.textContent("#language")).toMatch(/^it \(/);
    const entities = await page.$$eval("#entities li", (items) =>
      items.map((item) => ({ name: (item as HTMLElement).dataset.name, type: (item as HTMLElement).dataset.type })),
    );
    expect(entities).toContainEqual({ name: "Antonio Tajani", type: "PERSON" });
    const names = entities.map((entity) => entity.name);
    expect(names).toEqual(expect.arrayContaining(["China", "Russia", "Ukraine"]));
  });

  it("shows who stands against and for whom", async () => {
    const stances = await page.$$eval("#stances tr", (rows) =>
      rows.map((row) => ({ ...(row as HTMLElement).dataset })),
    );
    expect(stances.length).toBeGreaterThan(0);
    expect(stances).toContainEqual(expect.objectContaining({ target: "China", stance: "AGAINST" }));
    expect(stances).toContainEqual(expect.objectContaining({ target: "Ukraine", stance: "FAVOR" }));
  });

  it("finds what the same pipeline finds in Node (the same data, loaded the browser's way)", async () => {
    const pipeline = createPipeline({ stages: [languageStage(), entitiesStage(), stanceStage()] });
    const record = await pipeline.run({ id: "pasted", text: PARAGRAPH });
    await pipeline.close();
    const inPage = JSON.parse((await page.getAttribute("body", "data-record")) ?? "{}");
    expect(inPage.language).toEqual(record.language);
    expect(inPage.entities).toEqual(record.entities);
    expect(inPage.stances).toEqual(record.stances);
  });
});
