import { ModelUnavailableError } from "./errors.js";
import { homedir, join, pathAccess, processEnv } from "./platform.js";

/** Model settings every neural stage shares; options first, then environment variables. */
export interface ModelSettings {
  /** Where downloaded model files are kept. `RASSEGNA_CACHE_DIR`, default `~/.cache/rassegna/models`. */
  cacheDir: string;
  /** Never reach the hub; use only cached or local files. `RASSEGNA_OFFLINE=1`. */
  offline: boolean;
  /** A folder of models laid out as `<localModelPath>/<model id>/…`. `RASSEGNA_MODEL_PATH`. */
  localModelPath: string | undefined;
}

/** The options a stage takes to override {@link ModelSettings}. */
export type ModelSettingsOptions = Partial<ModelSettings>;

const TRUTHY = new Set(["1", "true", "yes", "on"]);

/** The default cache directory: `$XDG_CACHE_HOME/rassegna/models` or `~/.cache/rassegna/models`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = processEnv()): string {
  const base = env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "rassegna", "models");
}

/**
 * Resolves the model settings: explicit options win, then `RASSEGNA_CACHE_DIR`,
 * `RASSEGNA_OFFLINE`, `RASSEGNA_MODEL_PATH`, then defaults.
 */
export function resolveModelSettings(
  options: ModelSettingsOptions = {},
  env: NodeJS.ProcessEnv = processEnv(),
): ModelSettings {
  const envOffline = env.RASSEGNA_OFFLINE?.trim().toLowerCase();
  return {
    cacheDir: options.cacheDir ?? (env.RASSEGNA_CACHE_DIR || defaultCacheDir(env)),
    offline: options.offline ?? (envOffline !== undefined && TRUTHY.has(envOffline)),
    localModelPath: options.localModelPath ?? (env.RASSEGNA_MODEL_PATH || undefined),
  };
}

/**
 * The part of transformers.js' `env` object that the settings drive. Typed structurally so
 * that core does not depend on transformers.js.
 */
export interface TransformersEnvLike {
  cacheDir: string | null;
  localModelPath: string;
  allowRemoteModels: boolean;
  allowLocalModels: boolean;
}

/**
 * Applies the settings to transformers.js' global `env` before a model is loaded. Local
 * models stay allowed even without a local model path: transformers.js refuses to read its
 * own cache when both local and remote models are disabled, so offline use of cached models
 * needs the cache folder (same `<model id>/<file>` layout) as the local folder.
 */
export function applyModelSettings(env: TransformersEnvLike, settings: ModelSettings): void {
  env.cacheDir = settings.cacheDir;
  env.allowRemoteModels = !settings.offline;
  env.allowLocalModels = true;
  env.localModelPath = ensureTrailingSlash(settings.localModelPath ?? settings.cacheDir);
}

function ensureTrailingSlash(path: string): string {
  return path.endsWith("/") ? path : `${path}/`;
}

/**
 * Every place a model's files are looked for, in the order transformers.js 4 tries them: its
 * file cache (`cacheDir`) first, then the local model folder, then the hub.
 */
export function modelSearchPlaces(model: string, settings: ModelSettings): string[] {
  const places: string[] = [join(settings.cacheDir, model)];
  if (settings.localModelPath !== undefined && settings.localModelPath !== settings.cacheDir) {
    places.push(join(settings.localModelPath, model));
  }
  if (!settings.offline) places.push(`https://huggingface.co/${model} (Hugging Face hub)`);
  return places;
}

/**
 * transformers.js reads its settings from one global `env` while it loads files. Every load
 * of every stage goes through this queue, so that each runs start to end with its own cache
 * folder, offline flag and local path, whatever other stage loads at the same time.
 */
let loadQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs `load` after every load queued before it, with `settings` applied to `env` for its
 * whole duration. A failed load does not block the ones after it.
 */
export function loadWithModelSettings<T>(
  env: TransformersEnvLike,
  settings: ModelSettings,
  load: () => Promise<T>,
): Promise<T> {
  const run = loadQueue.then(() => {
    applyModelSettings(env, settings);
    return load();
  });
  loadQueue = run.catch(() => undefined);
  return run;
}

/**
 * The error for a model that could not be loaded: names the model, every place searched,
 * and what fixes it.
 */
export function modelUnavailable(
  model: string,
  settings: ModelSettings,
  stage: string,
  cause?: unknown,
): ModelUnavailableError {
  const searched = modelSearchPlaces(model, settings);
  // A model found on no disk place is simply missing: the loader's own error for that case
  // ("cannot read tokenizer_class of undefined") would only confuse.
  const disk = searched.filter((place) => !place.startsWith("https://"));
  const access = disk.map((place) => pathAccess(place));
  // A folder this process may not read is not a missing model: the fix is the permissions.
  const locked = disk.filter((_, i) => access[i] === "unreadable");
  const onDisk = access.includes("readable");
  if (locked.length > 0 && !onDisk) {
    return new ModelUnavailableError(
      model,
      `${stage}: model "${model}" cannot be read: permission denied on ${locked.join(", ")} (the folder, or one above it, is not readable by this user).`,
      {
        stage,
        hint: `Make it readable (e.g. \`chmod -R u+rwX ${settings.cacheDir}\`, or run as its owner), or set RASSEGNA_CACHE_DIR to a folder you can read and write.`,
        searched,
        cause,
      },
    );
  }
  const reason = !onDisk ? " (no copy on disk)" : cause instanceof Error ? ` (${cause.message.split("\n")[0]})` : "";
  const fix = settings.offline
    ? `Run \`rassegna models pull ${model}\` on a machine with network access and copy ${settings.cacheDir}, or set RASSEGNA_MODEL_PATH to a folder holding ${model}/, or unset RASSEGNA_OFFLINE.`
    : `Check the network access to the Hugging Face hub and run \`rassegna models pull ${model}\`, or set RASSEGNA_MODEL_PATH to a folder holding ${model}/.`;
  return new ModelUnavailableError(
    model,
    `${stage}: model "${model}" is not available${reason}. Searched: ${searched.join(", ")}.`,
    { stage, hint: fix, searched, cause },
  );
}
