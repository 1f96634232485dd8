import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";

import { type ModelSettingsOptions, resolveModelSettings } from "@rassegna/core";

import { acquireMarian, type DownloadProgress, releaseMarian } from "./marian.js";
import { opusModelFor } from "./registry.js";

/** A model found on disk. */
export interface CachedModel {
  /** Its id: the folder path under the root ("Xenova/opus-mt-it-en"). */
  model: string;
  /** The folder holding its files. */
  path: string;
  /** Total size of its files. */
  bytes: number;
  /** Whether it is in the download cache or in the local model folder (RASSEGNA_MODEL_PATH). */
  where: "cache" | "local";
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    // Half-written downloads are named "<file>.tmp.<pid>.<random>": not part of the model.
    else if (entry.isFile() && !/\.tmp\.\d+\.\w+$/.test(entry.name)) total += (await stat(path)).size;
  }
  return total;
}

/** Model folders (holding a config.json) under `root`, as "<owner>/<name>" or "<name>". */
async function modelFolders(root: string, where: CachedModel["where"]): Promise<CachedModel[]> {
  if (!existsSync(root)) return [];
  const found: CachedModel[] = [];
  const visit = async (dir: string, depth: number): Promise<void> => {
    if (existsSync(join(dir, "config.json")) && dir !== root) {
      found.push({ model: relative(root, dir).split(sep).join("/"), path: dir, bytes: await folderBytes(dir), where });
      return;
    }
    if (depth >= 2) return;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) await visit(join(dir, entry.name), depth + 1);
    }
  };
  await visit(root, 0);
  return found.sort((a, b) => a.model.localeCompare(b.model));
}

/** The models on disk: in the local model folder (if set) and in the download cache. */
export async function listModels(options: ModelSettingsOptions = {}): Promise<CachedModel[]> {
  const settings = resolveModelSettings(options);
  const local = settings.localModelPath === undefined ? [] : await modelFolders(settings.localModelPath, "local");
  return [...local, ...(await modelFolders(settings.cacheDir, "cache"))];
}

export interface PullOptions extends ModelSettingsOptions {
  /** Weights to fetch: "q8" (default), "fp32"… */
  dtype?: string;
  onProgress?: (info: DownloadProgress) => void;
}

/**
 * Fetches models into the cache ahead of time (default: the Italian model) by loading them
 * once: transformers.js downloads what is missing. Offline, a model that is not on disk
 * fails with the `MODEL_UNAVAILABLE` error that names where it was looked for.
 */
export async function pullModels(models: string[], options: PullOptions = {}): Promise<CachedModel[]> {
  const settings = resolveModelSettings(options);
  const ids = models.length > 0 ? models : [opusModelFor("it", "en")];
  for (const model of ids) {
    const loaded = await acquireMarian({
      model,
      dtype: options.dtype ?? "q8",
      device: "cpu",
      settings,
      onProgress: options.onProgress,
    });
    await releaseMarian(loaded);
  }
  const onDisk = await listModels(options);
  return onDisk.filter((m) => ids.includes(m.model));
}
