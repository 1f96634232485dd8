// The main job's logic, apart from how its dependencies are loaded (scripts/main.mjs loads the
// built packages; the test in examples/test/ passes the sources), so that it can be tested.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { extname, relative, resolve } from "node:path";

/**
 * The articles of every source folder, ids prefixed per source, read with `readArticles`
 * (`readSources` of @rassegna/sources): text files with front matter, web pages, feeds; the
 * folder's README, scripts and index are left out. A file without an id of its own is named
 * by its path without the extension. The declared language (front matter, `<html lang>`, the
 * feed's language) is kept aside in `meta` (not given as a hint), so that detection really
 * runs and can be checked. A file that cannot be read is kept, with its error.
 */
export async function readSources(sources, root, readArticles) {
  const articles = [];
  for (const { dir, prefix = "" } of sources) {
    if (!existsSync(dir)) continue;
    for await (const { article, error, path } of readArticles(["."], { cwd: dir })) {
      const { language, id: ownId, meta, ...fields } = article;
      const named = ownId !== undefined && ownId !== path;
      const id = named || path === undefined ? ownId : path.slice(0, path.length - extname(path).length);
      articles.push({
        ...fields,
        id: `${prefix}${id}`,
        meta: {
          ...meta,
          ...(path ? { file: relative(root, resolve(dir, path)) } : {}),
          ...(language ? { declaredLanguage: language } : {}),
          ...(error ? { readError: error } : {}),
        },
      });
    }
  }
  return articles;
}

/** A few lines about one record: language, engine, top entities, stances, errors. */
export function summarise(record, index, total) {
  const lines = [`[${index + 1}/${total}] ${record.id}${record.title ? ` — ${record.title}` : ""}`];
  const lang = record.language;
  const declared = record.meta?.declaredLanguage;
  const check = declared ? `, declared ${declared} ${declared === lang?.code ? "✓" : "✗"}` : "";
  lines.push(`    language     ${lang ? `${lang.code} (${lang.confidence.toFixed(2)}${check})` : "—"}`);
  const t = record.translation;
  const translateError = record.errors.find((e) => e.stage === "translate");
  const translation = t
    ? `${t.engine ?? "?"} (${t.model})`
    : lang?.code === "en"
      ? "not needed (English)"
      : `none (${translateError ? translateError.code : "no translation"}): analysed the source text`;
  lines.push(`    translation  ${translation}`);
  const counts = new Map();
  for (const e of record.entities ?? []) counts.set(e.name, (counts.get(e.name) ?? 0) + e.mentions.length);
  const entities = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name, count]) => `${name} ×${count}`);
  lines.push(`    entities     ${entities.join(", ") || "—"}`);
  // Who stands where first (actor → target), then the text's own stance toward targets.
  const decided = (record.stances ?? []).filter((s) => s.stance !== "NONE").sort((a, b) => b.score - a.score);
  const stances = [...decided.filter((s) => s.holder).slice(0, 3), ...decided.filter((s) => !s.holder).slice(0, 2)].map(
    (s) => `${s.holder ?? "(text)"}→${s.target} ${s.stance} ${s.score.toFixed(2)}`,
  );
  lines.push(`    stances      ${stances.join(" · ") || "—"}`);
  for (const e of record.errors.filter((e) => e.stage !== "translate")) {
    lines.push(`    error        ${e.stage}: ${e.code}: ${e.message.split("\n")[0]}`);
  }
  return lines.join("\n");
}

/** The one line about translation models that could not be had, or undefined when all were. */
export function translationNotice(records) {
  const missing = records.filter((r) =>
    r.errors.some((e) => e.stage === "translate" && e.code === "MODEL_UNAVAILABLE"),
  );
  const fellBack = records.filter((r) => r.translation && r.translation.engine !== "transformers");
  if (missing.length === 0 && fellBack.length === 0) return undefined;
  const parts = [];
  if (fellBack.length > 0) parts.push(`${fellBack.length} article(s) translated with Apertium instead`);
  if (missing.length > 0) {
    const languages = [...new Set(missing.map((r) => r.language?.code ?? "?"))].join(", ");
    parts.push(`${missing.length} article(s) (${languages}) not translated, analysed in their source language`);
  }
  return `Translation model unavailable (no access to the model hub and nothing cached): ${parts.join("; ")}. Each record says so; \`pnpm exec rassegna models pull\` or RASSEGNA_MODEL_PATH fixes it (docs/models.md).`;
}

/**
 * Runs the whole job. `createDefaultPipeline` and `renderReportHtml` are passed in;
 * `print` gets stdout lines, `status` progress for stderr.
 */
export async function runMainJob({
  createDefaultPipeline,
  readArticles,
  renderReportHtml,
  sources,
  root,
  outDir,
  pipelineOptions = {},
  print = (line) => console.log(line),
  status = () => {},
}) {
  const articles = await readSources(sources, root, readArticles);
  if (articles.length === 0) throw new Error(`No articles found in ${sources.map((s) => s.dir).join(", ")}.`);
  status(`Analysing ${articles.length} articles…`);
  const started = Date.now();
  const pipeline = createDefaultPipeline({ engines: ["transformers", "apertium"], concurrency: 2, ...pipelineOptions });
  const records = [];
  let stageTimes = "";
  try {
    for await (const record of pipeline.stream(articles)) {
      // A file that could not be read (a page without an article…) says why, not "empty text".
      const readError = record.meta?.readError;
      if (readError) {
        record.errors = [readError];
        delete record.meta.readError;
      }
      records.push(record);
      status(`${records.length}/${articles.length} analysed`);
    }
    stageTimes = Object.entries(pipeline.stats().stages)
      .map(([name, stats]) => `${name} ${(stats.ms / 1000).toFixed(1)} s`)
      .join(", ");
  } finally {
    await pipeline.close();
  }
  const seconds = (Date.now() - started) / 1000;

  await mkdir(outDir, { recursive: true });
  const jsonl = resolve(outDir, "analysis.jsonl");
  const html = resolve(outDir, "report.html");
  await writeFile(jsonl, records.map((r) => `${JSON.stringify(r)}\n`).join(""));
  await writeFile(html, renderReportHtml(records, { title: "Rassegna — corpus report" }));

  const notice = translationNotice(records);
  if (notice) print(`NOTE: ${notice}\n`);
  records.forEach((record, i) => {
    print(summarise(record, i, records.length));
  });
  const withErrors = records.filter((r) => r.errors.length > 0).length;
  const translated = records.filter((r) => r.translation).length;
  print(
    `\n${records.length} articles in ${seconds.toFixed(1)} s: ${translated} translated, ${withErrors} with errors (see each record's "errors").`,
  );
  if (stageTimes) print(`Time inside each stage, summed over articles: ${stageTimes}.`);
  print(`Wrote ${relative(root, jsonl)} and ${relative(root, html)}.`);
  return { records, jsonl, html };
}
