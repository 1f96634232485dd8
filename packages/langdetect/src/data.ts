/**
 * Reads the data files of `data/` (built by `scripts/build-data.mjs`). A browser bundle gets
 * `data.browser.js` instead (the `browser` map in package.json), which has the same files
 * embedded: no `node:` import there.
 */
import { readFileSync } from "node:fs";
import { brotliDecompressSync } from "node:zlib";

/** The n-gram and word model (`data/model.bin.br`), decompressed. */
export function readModelBytes(): Uint8Array {
  return brotliDecompressSync(readFileSync(new URL("../data/model.bin.br", import.meta.url)));
}
