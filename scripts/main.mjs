// The main job (`pnpm main`): analyses corpus/ (its articles, web page and feed; and ../shared/corpus/ when it is
// there) with the whole pipeline (language → translation → entities → stance), writes
// out/analysis.jsonl and out/report.html, and prints a short summary per article.
//
// Where a translation model cannot be had (no network, nothing cached) it says so in one line,
// falls back to Apertium where the system has the pair, else analyses the source text; every
// such record carries the reason in its `errors`. Nothing is skipped, nothing crashes.
// The logic is in main-job.mjs; this file loads the built packages and reports failures
// as one line, without a stack trace.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { runMainJob } from "./main-job.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));

function fail(message, hint) {
  process.stderr.write(`main: ${message}${hint ? `\n  fix: ${hint}` : ""}\n`);
  process.exit(1);
}

async function load(specifier, what) {
  try {
    return await import(specifier);
  } catch (error) {
    if (error?.code === "ERR_MODULE_NOT_FOUND") {
      fail(
        `${what} is not built (${error.message.split("\n")[0]}).`,
        "run `pnpm install` (it builds) or `pnpm build`.",
      );
    }
    throw error;
  }
}

async function main() {
  const { createDefaultPipeline, readSources } = await load("rassegna", "The rassegna package");
  const { renderReportHtml } = await load(
    "../packages/cli/dist/report/index.js",
    "The report renderer of @rassegna/cli",
  );
  const shared = resolve(root, "../shared/corpus");
  if (!existsSync(shared)) process.stderr.write("(../shared/corpus/ is not there: analysing corpus/ only)\n");
  await runMainJob({
    createDefaultPipeline,
    readArticles: readSources,
    renderReportHtml,
    root,
    outDir: resolve(root, "out"),
    sources: [
      { dir: resolve(root, "corpus"), prefix: "" },
      { dir: shared, prefix: "shared/" },
    ],
    status: process.stderr.isTTY ? (line) => process.stderr.write(`\r${line}\x1b[K`) : () => {},
  });
  if (process.stderr.isTTY) process.stderr.write("\n");
}

main().catch((error) => fail(error?.message ?? String(error), error?.hint));
