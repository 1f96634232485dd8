// The main job (`pnpm main`) on a small corpus of its own: every article gets a record, the
// outputs are written, and a missing translation model is said once, not per article.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderReportHtml } from "@rassegna/cli";
import { createDefaultPipeline, readSources } from "rassegna";
import { afterAll, describe, expect, it } from "vitest";
import { runMainJob } from "../../scripts/main-job.mjs";

const root = mkdtempSync(join(tmpdir(), "rassegna-main-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const articles = join(root, "articles");
const extra = join(root, "extra");

describe("the main job", () => {
  it("analyses every article, writes JSON Lines and the report, and notes the missing model once", async () => {
    mkdirSync(articles);
    mkdirSync(extra);
    writeFileSync(
      join(articles, "it-uno.txt"),
      "---\nid: it-uno\ntitle: Prova\nlanguage: it\n---\nIl governo di Roma sostiene l'Ucraina. Mosca accusa l'Unione europea di ostacolare i negoziati.\n",
    );
    writeFileSync(
      join(articles, "de-zwei.txt"),
      "---\nid: de-zwei\nlanguage: de\n---\nDie Bundesregierung hat gestern einen neuen Haushalt für die Schulen und Krankenhäuser des Landes vorgestellt.\n",
    );
    writeFileSync(join(extra, "plain.txt"), "The United States and Canada signed a new trade agreement in Ottawa.\n");
    const lines: string[] = [];
    const { records } = await runMainJob({
      createDefaultPipeline,
      readArticles: readSources,
      renderReportHtml,
      root,
      outDir: join(root, "out"),
      sources: [{ dir: articles }, { dir: extra, prefix: "extra/" }, { dir: join(root, "missing") }],
      pipelineOptions: { offline: true, cacheDir: join(root, "cache") },
      print: (line: string) => lines.push(line),
    });
    expect(records.map((r: { id: string }) => r.id)).toEqual(["de-zwei", "it-uno", "extra/plain"]);
    const written = readFileSync(join(root, "out/analysis.jsonl"), "utf8").trim().split("\n");
    expect(written.map((l) => JSON.parse(l).id)).toEqual(["de-zwei", "it-uno", "extra/plain"]);
    const html = readFileSync(join(root, "out/report.html"), "utf8");
    expect(html).toContain('data-id="it-uno"');
    expect(html).toContain("stance-matrix");

    const output = lines.join("\n");
    expect(output.match(/Translation model unavailable/g)).toHaveLength(1);
    expect(output).toContain("[2/3] it-uno — Prova");
    expect(output).toMatch(/declared it ✓/);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
    const italian = records[1];
    // Italian is translated by Apertium here (no OPUS-MT model offline); German has no Apertium pair.
    expect(italian.translation?.engine).toBe("apertium");
    const german = records[0];
    expect(german.translation).toBeUndefined();
    expect(german.errors.some((e: { stage: string }) => e.stage === "translate")).toBe(true);
    expect(records[2].language.code).toBe("en");
    expect(records[2].errors).toEqual([]);
  });
});
