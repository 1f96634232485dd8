/**
 * The browser stand-in for `load.ts`: plain `require` calls, which bundlers (esbuild, webpack,
 * Vite) resolve and inline at build time. Never loaded by Node.
 */
import type { VaderLike } from "./load.js";

declare const require: (id: string) => unknown;

export function loadVader(): VaderLike {
  return require("vader-sentiment") as VaderLike;
}

export function loadModelFile(): unknown {
  return require("../../data/model.json");
}
