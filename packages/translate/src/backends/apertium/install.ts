import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { RassegnaError } from "@rassegna/core";

import { STAGE } from "../../engine.js";
import { normalizeLanguage } from "../../registry.js";
import { APERTIUM_APT_COMMAND, type ApertiumChainSpec, ApertiumEngine, type ApertiumOptions } from "./engine.js";

/** Where Debian and a local build install Apertium's mode files. */
const MODE_DIRS = ["/usr/share/apertium/modes", "/usr/local/share/apertium/modes"];

/** The path of a mode file, or undefined. */
async function findModeFile(mode: string): Promise<{ path: string; text: string } | undefined> {
  for (const dir of MODE_DIRS) {
    const path = join(dir, `${mode}.mode`);
    try {
      return { path, text: await readFile(path, "utf8") };
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}

/** The morphological analyser of a mode (the `lt-proc -w …automorf.bin` it starts with). */
function analyserOf(modeText: string): string | undefined {
  return /lt-proc\s+(?:-\w+\s+)*'?([^'\s|]+automorf\.bin)'?/.exec(modeText)?.[1];
}

/**
 * A mode's pipeline with every program in null-flush mode: \`-z\` after each program name.
 * (\`apertium -z\` asks \`apertium-wblank-mode -z\` for it, which also puts
 * \`apertium-wblank-attach\` / \`-detach\` around the transfer for word-bound blanks
 * \`[[…]]\`. The text given to these chains has every \`[\` escaped, so it holds none: both
 * programs would pass it through unchanged, at the cost of one more process start per mode,
 * two more processes per mode and two more copies of each batch.)
 */
export function nullFlushPipeline(modeText: string): string {
  const script = modeText
    .trim()
    .split("|")
    .map((part) => part.trim().replace(/^(\S+)/, "$1 -z"))
    .join(" | ");
  // lt-proc forgets -z when a mode flag follows it ("lt-proc -z -n" waits for the end of
  // input): the generator's flag ($1) goes first.
  return script.replace(/ -z \$1 /g, " $1 -z ");
}

/**
 * A mode's null-flush pipeline with its first program apart when that is the morphological
 * analyser (\`lt-proc … automorf.bin\`, taking no mode argument): the analyser as its own
 * command, and the rest.
 */
export function analyserApart(script: string): { analyser?: string; script: string } {
  const bar = script.indexOf(" | ");
  const first = bar < 0 ? "" : script.slice(0, bar).trim();
  if (!/^lt-proc\s.*automorf\.bin'?$/.test(first) || first.includes("$")) return { script };
  return { analyser: `exec ${first}`, script: script.slice(bar + 3).trim() };
}

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(binary: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // No input on stdin: Node gives a child a socket there, which apertium cannot open as /dev/stdin.
    const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }),
    );
  });
}

/** Mode lists by executable: the installed modes do not change while a process runs. */
const MODE_LISTS = new Map<string, Promise<string[]>>();

/**
 * The translation modes the installed Apertium offers (\`apertium -l\`), e.g. "ita-spa". Asked
 * once per process and executable (a failure is not remembered).
 */
export async function listApertiumModes(options: ApertiumOptions = {}): Promise<string[]> {
  const binary = options.binary ?? "apertium";
  let pending = MODE_LISTS.get(binary);
  if (!pending) {
    pending = askModes(binary);
    MODE_LISTS.set(binary, pending);
    pending.catch(() => MODE_LISTS.delete(binary));
  }
  return [...(await pending)];
}

async function askModes(binary: string): Promise<string[]> {
  let result: RunResult;
  try {
    result = await run(binary, ["-l"]);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new RassegnaError(
      "MODEL_UNAVAILABLE",
      missing
        ? `${STAGE}: the Apertium engine needs the \`${binary}\` program, which is not installed.`
        : `${STAGE}: could not run \`${binary} -l\`: ${(error as Error).message}.`,
      { stage: STAGE, hint: `Install it with \`${APERTIUM_APT_COMMAND}\`.`, cause: error },
    );
  }
  return result.stdout
    .split(/\s+/)
    .map((m) => m.trim())
    .filter((m) => /^[a-z]{2,3}(_\w+)?-[a-z]{2,3}(_\w+)?$/.test(m));
}

/**
 * The chain of modes that translates `from` → `to`: the direct mode, or two modes through a
 * pivot language (Debian has no Italian–English pair: ita-spa then spa-eng; French and
 * Portuguese go fr-es / pt-es then spa-eng). Debian names modes with both two- and
 * three-letter codes ("ita-spa", "fr-es") and adds variants ("spa-eng_US"): modes are
 * indexed by language pair, plain names first.
 */
export function apertiumChain(from: string, to: string, modes: readonly string[]): string[] | undefined {
  const f = normalizeLanguage(from);
  const t = normalizeLanguage(to);
  const byPair = new Map<string, string>();
  const plainFirst = [...modes].sort((a, b) => Number(a.includes("_")) - Number(b.includes("_")));
  for (const mode of plainFirst) {
    const parts = mode.split("-");
    if (parts.length !== 2) continue;
    const key = `${normalizeLanguage(parts[0] as string)}>${normalizeLanguage(parts[1] as string)}`;
    if (!byPair.has(key)) byPair.set(key, mode);
  }
  const direct = byPair.get(`${f}>${t}`);
  if (direct) return [direct];
  // Prefer Spanish as the pivot: it is the best-covered language of Apertium.
  const pivots = new Set(["es", ...[...byPair.keys()].map((key) => key.split(">")[1] as string)]);
  for (const p of pivots) {
    if (p === f || p === t) continue;
    const first = byPair.get(`${f}>${p}`);
    const second = byPair.get(`${p}>${t}`);
    if (first && second) return [first, second];
  }
  return undefined;
}

/**
 * Creates the Apertium engine for a pair, or throws `MODEL_UNAVAILABLE` naming what is
 * missing (the program or the pair) and the apt command that installs it. The programs are
 * started at once, so that their dictionaries load while the caller prepares the first batch.
 */
export async function createApertiumEngine(
  from: string,
  to: string,
  options: ApertiumOptions = {},
): Promise<ApertiumEngine> {
  const modes = await listApertiumModes(options);
  const chain = apertiumChain(from, to, modes);
  const f = normalizeLanguage(from);
  const t = normalizeLanguage(to);
  if (!chain) {
    const hint =
      f === "it" && t === "en"
        ? `Install the pairs with \`${APERTIUM_APT_COMMAND}\`.`
        : "Install the Debian package of the pair (`apt-cache search apertium-` lists them), e.g. apertium-eng-spa.";
    throw new RassegnaError(
      "MODEL_UNAVAILABLE",
      `${STAGE}: Apertium has no mode for ${f}→${t}, directly or through a pivot language. Installed modes: ${modes.join(", ") || "none"}.`,
      { stage: STAGE, hint },
    );
  }
  const parts: ApertiumChainSpec["modes"] = [];
  let analyser: string | undefined;
  for (const mode of chain) {
    const file = await findModeFile(mode);
    if (!file) {
      throw new RassegnaError(
        "MODEL_UNAVAILABLE",
        `${STAGE}: Apertium lists the mode ${mode} but its file is in none of ${MODE_DIRS.join(", ")}.`,
        { stage: STAGE, hint: `Reinstall the pair: \`${APERTIUM_APT_COMMAND}\`.` },
      );
    }
    const script = nullFlushPipeline(file.text);
    const apart = analyserApart(script);
    if (parts.length === 0 && apart.analyser === undefined) analyser = analyserOf(file.text);
    parts.push({ mode, ...apart });
  }
  const engine = new ApertiumEngine(
    { modes: parts, analyser, ...(options.keepNames === undefined ? {} : { keepNames: options.keepNames }) },
    options,
  );
  engine.start();
  return engine;
}
