/**
 * The browser stand-in for `data.ts` (chosen by the `browser` map in package.json): the same
 * data files, embedded in `embedded-data.js` (written into dist by `scripts/embed-data.mjs`
 * at build time) and decompressed with `brotli`, a pure-JavaScript Brotli decoder.
 */
import { decompress } from "brotli/decompress.js";

import { modelBrotliBase64 } from "./embedded-data.js";

export function readModelBytes(): Uint8Array {
  const binary = atob(modelBrotliBase64);
  const compressed = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) compressed[i] = binary.charCodeAt(i);
  return decompress(compressed);
}
