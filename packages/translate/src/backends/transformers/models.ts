import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, sep } from "node:path";

import { type ModelSettingsOptions, RassegnaError, resolveModelSettings } from "@rassegna/core";
import { opusModelFor } from "../../registry.js";
import { acquireMarian, type DownloadProgress, releaseMarian } from "./marian.js";

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
  /**
   * Also copies the models into this folder, with a manifest of every file's size and sha256
   * ({@link MODELS_MANIFEST}), to carry to a machine without network (`importModels` there).
   */
  to?: string;
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
  const pulled = ids.flatMap((id) => onDisk.filter((m) => m.model === id).slice(0, 1));
  if (options.to !== undefined) await exportModels(pulled, options.to);
  return pulled;
}

/** The manifest written beside carried models: what `importModels` checks before copying. */
export const MODELS_MANIFEST = "rassegna-models.json";

/** One file of a carried model: its path inside the model's folder, size and sha256 (hex). */
export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** What a folder of carried models holds. */
export interface ModelsManifest {
  format: "rassegna-models/1";
  created: string;
  models: Array<{ model: string; files: ManifestFile[] }>;
}

const STAGE = "models";

async function sha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The files of a model folder, as paths relative to it (half-written downloads left out). */
async function filesUnder(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await filesUnder(dir, path)));
    else if (entry.isFile() && !/\.tmp\.\d+\.\w+$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/**
 * Copies models (as `listModels` or `pullModels` give them) into `to` as `<model id>/…`, and
 * writes {@link MODELS_MANIFEST} with every file's size and sha256. The folder can be carried
 * (a disk, an archive made with any tool) to a machine without network.
 */
export async function exportModels(models: readonly CachedModel[], to: string): Promise<ModelsManifest> {
  const manifest: ModelsManifest = { format: "rassegna-models/1", created: new Date().toISOString(), models: [] };
  for (const model of models) {
    const files: ManifestFile[] = [];
    for (const path of await filesUnder(model.path)) {
      const source = join(model.path, path);
      const target = join(to, model.model, path);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(source, target);
      files.push({ path, bytes: (await stat(target)).size, sha256: await sha256(target) });
    }
    manifest.models.push({ model: model.model, files });
  }
  await writeFile(join(to, MODELS_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function importError(message: string, hint: string): RassegnaError {
  return new RassegnaError("INVALID_INPUT", `${STAGE}: ${message}`, { stage: STAGE, hint });
}

/** A manifest path that stays inside its folder ("onnx/x.onnx"; not "../x", "/etc/x"). */
function safePath(path: unknown): path is string {
  return (
    typeof path === "string" &&
    path !== "" &&
    !isAbsolute(path) &&
    !path.includes("\\") &&
    path.split("/").every((part) => part !== "" && part !== "." && part !== "..")
  );
}

async function readManifest(from: string): Promise<ModelsManifest> {
  const where = join(from, MODELS_MANIFEST);
  const hint = `Make the folder on a connected machine with \`rassegna models pull MODEL… --to DIR\` and copy all of it.`;
  let manifest: ModelsManifest;
  try {
    manifest = JSON.parse(await readFile(where, "utf8")) as ModelsManifest;
  } catch (error) {
    throw importError(`cannot read ${where}: ${(error as Error).message}.`, hint);
  }
  const valid =
    manifest?.format === "rassegna-models/1" &&
    Array.isArray(manifest.models) &&
    manifest.models.every(
      (m) =>
        safePath(m?.model) &&
        Array.isArray(m.files) &&
        m.files.every((f) => safePath(f?.path) && Number.isInteger(f.bytes) && /^[0-9a-f]{64}$/.test(f.sha256)),
    );
  if (!valid) throw importError(`${where} is not a models manifest of this version.`, hint);
  return manifest;
}

/**
 * Imports models carried from a connected machine: checks every file of `from` against the
 * manifest (size and sha256) before copying anything, then copies the models into the model
 * cache (or `localModelPath` when set), where `listModels` and the translators find them.
 * A missing or damaged file is an `INVALID_INPUT` error naming it, and nothing is imported.
 */
export async function importModels(from: string, options: ModelSettingsOptions = {}): Promise<CachedModel[]> {
  const manifest = await readManifest(from);
  for (const { model, files } of manifest.models) {
    for (const file of files) {
      const path = join(from, model, file.path);
      const fix = `Copy ${model} again from the connected machine (its manifest says ${file.bytes} bytes, sha256 ${file.sha256}).`;
      const size = await stat(path).then(
        (s) => s.size,
        () => undefined,
      );
      if (size === undefined) throw importError(`${path} is missing.`, fix);
      if (size !== file.bytes || (await sha256(path)) !== file.sha256) {
        throw importError(`${path} does not match the manifest (damaged or changed copy).`, fix);
      }
    }
  }
  const settings = resolveModelSettings(options);
  const root = settings.localModelPath ?? settings.cacheDir;
  for (const { model, files } of manifest.models) {
    // Into a fresh folder beside the target, then swapped in: no half-imported model is ever read.
    const target = join(root, model);
    const staging = `${target}.import-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    for (const file of files) {
      await mkdir(dirname(join(staging, file.path)), { recursive: true });
      await copyFile(join(from, model, file.path), join(staging, file.path));
    }
    await rm(target, { recursive: true, force: true });
    await mkdir(dirname(target), { recursive: true });
    await rename(staging, target);
  }
  const ids = manifest.models.map((m) => m.model);
  return (await listModels(options)).filter((m) => ids.includes(m.model) && m.path.startsWith(root));
}
