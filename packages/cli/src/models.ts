/**
 * `rassegna models list` says what state each model on disk is in, not only that its folder
 * is there: a download cut short or a damaged file is `partial` / `corrupt` with the file and
 * the fix, and a cache folder this user may not read is said to be that, not "no models".
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Writable } from "node:stream";
import { pathAccess, resolveModelSettings } from "@rassegna/core";

import { CLEAN, type Flags, modelSettings, say, UsageError, WITH_ERRORS } from "./usage.js";

/** What `models list` prints for one model: its folder as found, and its state. */
export interface CheckedModel {
  model: string;
  path: string;
  bytes: number;
  where: "cache" | "local";
  /** `ok`: every file a loader needs is there and whole; otherwise what is wrong. */
  status: "ok" | "partial" | "corrupt";
  problems?: string[];
}

/** Files of a folder, recursively, relative to it. */
function filesOf(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesOf(path, root));
    else out.push(relative(root, path));
  }
  return out;
}

/** A varint of a protobuf message at `at`: its value and the next position (undefined past the end). */
function varint(bytes: Uint8Array, at: number): [number, number] | undefined {
  let value = 0;
  let scale = 1;
  for (let i = at; i < bytes.length && i < at + 10; i++) {
    const byte = bytes[i]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return [value, i + 1];
    scale *= 128;
  }
  return undefined;
}

/**
 * Walks the top-level fields of an ONNX file (a protobuf `ModelProto`) without reading the
 * weights: a file cut short ends inside a field (the graph) that says it is longer. Returns
 * what is wrong, or `undefined` when every field ends where the file ends.
 */
export function checkOnnx(path: string): string | undefined {
  const size = statSync(path).size;
  if (size === 0) return "is empty";
  const fd = openSync(path, "r");
  try {
    const head = new Uint8Array(20);
    let at = 0;
    let fields = 0;
    while (at < size) {
      const got = readSync(fd, head, 0, head.length, at);
      const tag = varint(head.subarray(0, got), 0);
      if (!tag || tag[0] === 0) return `is not an ONNX model (bad field at byte ${at})`;
      const wire = tag[0] % 8;
      let next: number;
      if (wire === 0) {
        const value = varint(head.subarray(0, got), tag[1]);
        if (!value) return `ends inside a field (byte ${at})`;
        next = at + value[1];
      } else if (wire === 2) {
        const length = varint(head.subarray(0, got), tag[1]);
        if (!length) return `ends inside a field (byte ${at})`;
        next = at + length[1] + length[0];
      } else if (wire === 1) next = at + tag[1] + 8;
      else if (wire === 5) next = at + tag[1] + 4;
      else return `is not an ONNX model (wire type ${wire} at byte ${at})`;
      if (next > size) return `is cut short: ${size} bytes, where its fields need ${next}`;
      at = next;
      fields++;
    }
    return fields === 0 ? "is empty" : undefined;
  } finally {
    closeSync(fd);
  }
}

/** The state of one model folder: files a loader needs, whole and parseable. */
export function checkModelFolder(dir: string): Pick<CheckedModel, "status" | "problems"> {
  const problems: string[] = [];
  let partial = false;
  const files = filesOf(dir);
  // Half-written downloads are named "<file>.tmp.<pid>.<random>".
  for (const file of files.filter((f) => /\.tmp\.\d+\.\w+$/.test(f))) {
    partial = true;
    problems.push(`${file}: a download that did not finish`);
  }
  for (const file of files.filter((f) => f.endsWith(".json"))) {
    try {
      JSON.parse(readFileSync(join(dir, file), "utf8"));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message.split("\n")[0]})`);
    }
  }
  const weights = files.filter((f) => f.endsWith(".onnx"));
  if (weights.length === 0) {
    partial = true;
    problems.push("no weights (.onnx files)");
  }
  for (const file of weights) {
    const wrong = checkOnnx(join(dir, file));
    if (wrong) problems.push(`${file} ${wrong}`);
  }
  if (!files.some((f) => f === "tokenizer.json" || f === "tokenizer_config.json" || f.endsWith(".spm"))) {
    partial = true;
    problems.push("no tokenizer files");
  }
  if (problems.length === 0) return { status: "ok" };
  return { status: partial ? "partial" : "corrupt", problems };
}

/** Each listed model with its state. */
function checkModels(models: ReadonlyArray<Omit<CheckedModel, "status" | "problems">>): CheckedModel[] {
  return models.map((model) => ({ ...model, ...checkModelFolder(model.path) }));
}

/** The folders of models that this user may not read: said as such, never as "no models". */
function unreadableFolders(folders: ReadonlyArray<string | undefined>): string[] {
  return folders.filter((folder): folder is string => folder !== undefined && pathAccess(folder) === "unreadable");
}

/** `rassegna models pull|import|list`. */
export async function modelsCommand(
  positionals: string[],
  flags: Flags,
  io: { stdout: Writable; stderr: Writable & { isTTY?: boolean } },
  cwd: string,
): Promise<number> {
  const [action, ...models] = positionals;
  if (action !== "list" && action !== "pull" && action !== "import") {
    throw new UsageError(
      action === undefined
        ? "rassegna models: say pull, import or list."
        : `rassegna models: unknown action "${action}"; use pull, import or list.`,
    );
  }
  if (flags.to !== undefined && action !== "pull") throw new UsageError(`rassegna models ${action}: --to is for pull.`);
  const settings = modelSettings(flags);
  const { importModels, listModels, pullModels } = await import("@rassegna/translate");
  if (action === "import") {
    const [from, ...extra] = models;
    if (from === undefined || extra.length > 0) {
      throw new UsageError("rassegna models import: give one folder made by `rassegna models pull … --to DIR`.");
    }
    const imported = await importModels(resolve(cwd, from), settings);
    for (const model of imported) say(io.stdout, JSON.stringify(model));
    return CLEAN;
  }
  if (action === "list") {
    if (models.length > 0) throw new UsageError("rassegna models list: takes no model names.");
    const { cacheDir, localModelPath } = resolveModelSettings(settings);
    const locked = unreadableFolders([localModelPath, cacheDir]);
    if (locked.length > 0) {
      say(
        io.stderr,
        `rassegna models: cannot read ${locked.join(" or ")}: permission denied (this is not the same as no models there). Make it readable (chmod -R u+rwX, or run as its owner), or point --cache-dir / RASSEGNA_CACHE_DIR at a folder you can read.`,
      );
      return WITH_ERRORS;
    }
    const cached = checkModels(await listModels(settings));
    for (const model of cached) say(io.stdout, JSON.stringify(model));
    const broken = cached.filter((model) => model.status !== "ok");
    for (const model of broken) {
      say(
        io.stderr,
        `rassegna models: ${model.model} in ${model.path} is ${model.status}: ${model.problems?.join("; ")}. Delete the folder and run \`rassegna models pull ${model.model}\` again (or import it from a checked copy).`,
      );
    }
    if (broken.length > 0) return WITH_ERRORS;
    if (cached.length === 0) {
      const places = localModelPath === undefined ? cacheDir : `${localModelPath} and ${cacheDir}`;
      say(
        io.stderr,
        `rassegna models: no models in ${places}. Fetch one with \`rassegna models pull Xenova/opus-mt-it-en\`.`,
      );
    }
    return CLEAN;
  }
  let last = "";
  const pulled = await pullModels(models, {
    ...settings,
    ...(flags.to === undefined ? {} : { to: resolve(cwd, flags.to) }),
    onProgress: (info) => {
      if (!io.stderr.isTTY) return;
      const line = `pulling ${info.model}: ${info.file}`;
      if (line !== last) say(io.stderr, line);
      last = line;
    },
  });
  for (const model of pulled) say(io.stdout, JSON.stringify(model));
  return CLEAN;
}
