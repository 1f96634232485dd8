#!/usr/bin/env node
/**
 * Bundles the browser example with esbuild: `app.js` and the Rassegna packages it imports
 * (language, entities, stance, pipeline, core) into `dist/app.js`, for the browser platform.
 * A `node:` import left on any of their browser entry points fails this build.
 *
 *   node examples/browser/build.mjs   # then serve examples/browser/ and open index.html
 */
import { build } from "esbuild";

import { isMain } from "../lib/cli.mjs";

const here = new URL(".", import.meta.url);

/** Builds `dist/app.js`; returns esbuild's metafile (every input that went in). */
export async function buildBrowserExample() {
  const result = await build({
    entryPoints: [new URL("app.js", here).pathname],
    outfile: new URL("dist/app.js", here).pathname,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    sourcemap: false,
    metafile: true,
    logLevel: "warning",
  });
  return result.metafile;
}

if (isMain(import.meta.url)) {
  const metafile = await buildBrowserExample();
  const bytes = Object.values(metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  console.log(`examples/browser/dist/app.js: ${(bytes / 1e6).toFixed(1)} MB`);
}
