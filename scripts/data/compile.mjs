/**
 * The data compiler of the workspace: reads a package's word lists, lexicons and tables
 * (`packages/<pkg>/data/**\/*.{yml,json}`), checks them against the package's schema
 * (`data/schema.yml`) and renders typed, frozen TypeScript modules (`src/generated/<module>.ts`).
 * After retext-equality's `script/generate.js` (YAML per language, duplicates fail the build)
 * and franc's `script/build.js` (data compiled to modules that say they are generated).
 *
 * A data file:
 *
 *   source: where the words come from (required)
 *   notes: anything a maintainer should know (optional)
 *   entries: [a, b, c]          # a list, or
 *   map: { key: value, … }      # a table
 *   package: block-elements     # optional: start from an npm package's list (or table)
 *   except: [canvas]            #   (its default export, or `{ name, export }`), less these (keys)
 *
 * Its list name is its file name (`speech-verbs.yml` → `speech-verbs`, exported as
 * `SPEECH_VERBS`); a folder named by an ISO 639-1 code gives its language (`data/words/en/…`);
 * the first other folder names the module (`data/words/…` → `src/generated/words.ts`; files
 * right under `data/` or `data/<lang>/` go to `src/generated/data.ts`). The schema says, per
 * list, what its entries (or keys and values) may be, whether it is per language, and its
 * class: lists of one class share no entry in a language. See scripts/data/README.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { iso6393To1 } from "iso-639-3/iso6393-to-1.js";
import { parse } from "yaml";

/** ISO 639-1 codes: a data folder with one of these names holds that language's files. */
export const LANGUAGE_CODES = new Set(Object.values(iso6393To1));

const LIST_KEYS = new Set(["description", "class", "languages", "module", "entries", "map"]);
const SCHEMA_KEYS = new Set(["languages", "ignore", "lists", "plugins"]);
const FILE_KEYS = new Set(["source", "notes", "entries", "map", "package", "except"]);

/** Folds a phrase as the stages compare words: no accents, lower case, ’ → ', single spaces. */
export function fold(text) {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const WORD = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}'.-]*$/u;
/** Named kinds of string a schema may ask for. */
const KINDS = {
  word: (s) => WORD.test(s) && s === s.toLowerCase() && s === s.normalize("NFC"),
  phrase: (s) => s.split(" ").every((w) => KINDS.word(w)),
  folded: (s) => KINDS.phrase(s) && fold(s) === s,
  name: (s) => s.trim() === s && s !== "" && !/\s{2,}/.test(s),
  text: (s) => s.trim() !== "",
};
const KIND_HELP = {
  word: "one lower-case word (letters, digits, ' . -)",
  phrase: "lower-case words with single spaces",
  folded: "a folded phrase (lower case, no accents, single spaces)",
  name: "a trimmed name",
  text: "non-empty text",
};

/**
 * A checker for a string spec: a kind name (`word`), `{ pattern: "regex" }` or
 * `{ enum: [a, b] }`; returns `undefined` when the value is fine, else what it should be.
 */
function stringCheck(spec, where) {
  if (typeof spec === "string") {
    if (!KINDS[spec]) throw new Error(`${where}: unknown kind "${spec}" (one of ${Object.keys(KINDS).join(", ")})`);
    return (v) => (typeof v === "string" && KINDS[spec](v) ? undefined : KIND_HELP[spec]);
  }
  if (spec && Array.isArray(spec.enum))
    return (v) => (spec.enum.includes(v) ? undefined : `one of ${spec.enum.join(", ")}`);
  if (spec && typeof spec.pattern === "string") {
    const re = new RegExp(spec.pattern, "u");
    return (v) => (typeof v === "string" && re.test(v) ? undefined : `a string matching /${spec.pattern}/`);
  }
  throw new Error(`${where}: a string spec is a kind name, { enum: [...] } or { pattern: "..." }`);
}

/** `string`, `string?`, `string[]`, `number`, `boolean`, a kind, or `{ enum }`/`{ pattern }`/`{ fields }`. */
function valueCheck(spec, where) {
  if (typeof spec === "string") {
    const optional = spec.endsWith("?");
    const base = optional ? spec.slice(0, -1) : spec;
    if (base.endsWith("[]")) {
      const item = valueCheck(base.slice(0, -2), where);
      return (v) => {
        if (!Array.isArray(v) || v.length === 0) return "a non-empty list";
        for (const x of v) {
          const problem = item(x);
          if (problem) return `a list of ${problem}`;
        }
        return undefined;
      };
    }
    if (base === "string") return (v) => (typeof v === "string" && v.trim() !== "" ? undefined : "a non-empty string");
    if (base === "number") return (v) => (typeof v === "number" && Number.isFinite(v) ? undefined : "a number");
    if (base === "boolean") return (v) => (typeof v === "boolean" ? undefined : "true or false");
    return stringCheck(base, where);
  }
  if (spec?.fields) {
    const fields = Object.entries(spec.fields).map(([name, f]) => ({
      name,
      optional: typeof f === "string" && f.endsWith("?"),
      check: valueCheck(typeof f === "string" && f.endsWith("?") ? f.slice(0, -1) : f, `${where}.${name}`),
    }));
    return (v) => {
      if (typeof v !== "object" || v === null || Array.isArray(v))
        return `an object with ${Object.keys(spec.fields).join(", ")}`;
      for (const key of Object.keys(v))
        if (!(key in spec.fields)) return `no field "${key}" (fields: ${Object.keys(spec.fields).join(", ")})`;
      for (const f of fields) {
        if (!(f.name in v)) {
          if (f.optional) continue;
          return `an object with "${f.name}"`;
        }
        const problem = f.check(v[f.name]);
        if (problem) return `"${f.name}": ${problem}`;
      }
      return undefined;
    };
  }
  return stringCheck(spec, where);
}

/** The TypeScript type of values of a spec. */
function tsType(spec) {
  if (typeof spec === "string") {
    const base = spec.endsWith("?") ? spec.slice(0, -1) : spec;
    if (base.endsWith("[]")) return `readonly ${tsType(base.slice(0, -2))}[]`;
    if (base === "number" || base === "boolean") return base;
    return "string";
  }
  if (spec?.enum) return spec.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (spec?.fields) {
    const fields = Object.entries(spec.fields).map(([name, f]) => {
      const optional = typeof f === "string" && f.endsWith("?");
      return `readonly ${JSON.stringify(name)}${optional ? "?" : ""}: ${tsType(f)}`;
    });
    return `{ ${fields.join("; ")} }`;
  }
  return "string";
}

/** Reads `data/schema.yml` of a package; `undefined` when the package has none (it does not use the compiler). */
export function readSchema(packageDir) {
  const file = join(packageDir, "data", "schema.yml");
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const schema = parse(text) ?? {};
  for (const key of Object.keys(schema))
    if (!SCHEMA_KEYS.has(key))
      throw new Error(`${relative(process.cwd(), file)}: unknown key "${key}" (keys: ${[...SCHEMA_KEYS].join(", ")})`);
  const where = relative(process.cwd(), file);
  const lists = new Map();
  for (const [name, spec] of Object.entries(schema.lists ?? {})) {
    const at = `${where}: lists.${name}`;
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`${at}: a list name is lower-case words with dashes`);
    for (const key of Object.keys(spec ?? {}))
      if (!LIST_KEYS.has(key)) throw new Error(`${at}: unknown key "${key}" (keys: ${[...LIST_KEYS].join(", ")})`);
    if (typeof spec?.description !== "string") throw new Error(`${at}: say what the list is ("description")`);
    if ((spec.entries === undefined) === (spec.map === undefined))
      throw new Error(`${at}: give either "entries" (a list) or "map" (a table)`);
    lists.set(name, {
      name,
      description: spec.description.trim(),
      class: spec.class,
      languages: spec.languages === true,
      module: spec.module,
      entries: spec.entries,
      map: spec.map,
      check:
        spec.entries !== undefined
          ? stringCheck(spec.entries, `${at}.entries`)
          : {
              key: stringCheck(spec.map.keys ?? "text", `${at}.map.keys`),
              value: valueCheck(spec.map.values ?? "string", `${at}.map.values`),
            },
    });
  }
  const languages = schema.languages ?? [];
  for (const code of languages)
    if (!LANGUAGE_CODES.has(code)) throw new Error(`${where}: "${code}" is not an ISO 639-1 code`);
  // Plugins: a data folder whose files span each other (the actor gazetteer) is checked and
  // compiled by a script of the package, which the compiler runs and writes for.
  const plugins = [];
  for (const [folder, script] of Object.entries(schema.plugins ?? {})) {
    if (!/^[a-z][a-z0-9-]*$/.test(folder)) throw new Error(`${where}: plugins.${folder}: a data folder's name`);
    if (typeof script !== "string" || !existsSync(join(packageDir, script)))
      throw new Error(`${where}: plugins.${folder}: "${script}" is not a script of this package`);
    plugins.push({ folder, script });
  }
  const ignore = [...(schema.ignore ?? []), ...plugins.map((p) => p.folder)];
  return { file: where, lists, languages, plugins, ignore: ignore.map((p) => p.replace(/\/?\*\*$/, "")) };
}

function walk(dir, base = dir) {
  const out = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...walk(path, base));
    else out.push(relative(base, path).split(sep).join("/"));
  }
  return out;
}

const constName = (name) => name.toUpperCase().replace(/-/g, "_");

/**
 * The list or table a data file builds on (`package: block-elements` or `package: { name, export }`):
 * the package's default export (or the named one), resolved from the data's own package, with
 * its version. Throws a sentence when the package is missing or does not export a list of
 * strings (`table`: an object of strings).
 */
function packageData(packageDir, spec, table = false) {
  const name = typeof spec === "string" ? spec : spec?.name;
  const exportName = typeof spec === "object" ? spec.export : undefined;
  if (typeof name !== "string" || name === "")
    throw new Error('"package" is a package name, or { name, export } (an npm package that exports a list or a table)');
  const require = createRequire(join(packageDir, "package.json"));
  let module;
  let entry;
  try {
    entry = require.resolve(name);
    module = require(name);
  } catch (error) {
    throw new Error(
      `cannot load the package "${name}" (${error.code ?? error.message}): add it to the devDependencies of this package`,
    );
  }
  const value = exportName ? module?.[exportName] : Array.isArray(module) ? module : module?.default;
  const fits = table
    ? typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      Object.values(value).every((v) => typeof v === "string")
    : Array.isArray(value) && value.every((v) => typeof v === "string");
  if (!fits)
    throw new Error(
      `"${name}"${exportName ? ` export "${exportName}"` : ""} is not a ${table ? "table of strings" : "list of strings"}`,
    );
  let dir = dirname(entry);
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  const version = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
  return { value, label: `${name}@${version}${exportName ? ` (${exportName})` : ""}` };
}

/**
 * Reads, checks and groups a package's data. Returns `{ modules, problems }`: `modules` maps a
 * module name to its lists (`{ spec, files: [{ path, language, source, value }] }`), `problems`
 * is every problem found, as "file: what is wrong" sentences (empty when all is well).
 */
export function readPackageData(packageDir, schema = readSchema(packageDir)) {
  const problems = [];
  const modules = new Map();
  if (!schema) return { modules, problems };
  const dataDir = join(packageDir, "data");
  const files = walk(dataDir).filter(
    (path) =>
      /\.(ya?ml|json)$/.test(path) &&
      path !== "schema.yml" &&
      !schema.ignore.some((p) => path === p || path.startsWith(`${p}/`)),
  );
  for (const path of files) {
    const where = `${relative(process.cwd(), dataDir)}/${path}`;
    const parts = path.split("/");
    const fileName = parts.pop().replace(/\.(ya?ml|json)$/, "");
    const language = parts.find((p) => LANGUAGE_CODES.has(p));
    const folder = parts.find((p) => !LANGUAGE_CODES.has(p));
    const spec = schema.lists.get(fileName);
    if (!spec) {
      problems.push(`${where}: no list "${fileName}" in ${schema.file} (declare it there, or ignore the file)`);
      continue;
    }
    if (spec.languages && !language) {
      problems.push(`${where}: "${fileName}" is per language: put it in a folder named by its ISO 639-1 code`);
      continue;
    }
    if (!spec.languages && language) {
      problems.push(`${where}: "${fileName}" is not per language (set languages: true in ${schema.file})`);
      continue;
    }
    if (language && schema.languages.length > 0 && !schema.languages.includes(language)) {
      problems.push(`${where}: language "${language}" is not one of ${schema.languages.join(", ")} (${schema.file})`);
      continue;
    }
    let doc;
    try {
      doc = parse(readFileSync(join(dataDir, path), "utf8"), { uniqueKeys: true });
    } catch (error) {
      problems.push(`${where}: ${error.message.split("\n")[0]}`);
      continue;
    }
    if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
      problems.push(`${where}: expected "source" and "entries" or "map"`);
      continue;
    }
    for (const key of Object.keys(doc))
      if (!FILE_KEYS.has(key)) problems.push(`${where}: unknown key "${key}" (keys: ${[...FILE_KEYS].join(", ")})`);
    if (typeof doc.source !== "string" || doc.source.trim().length < 10)
      problems.push(`${where}: say where the data comes from ("source", a sentence)`);
    let value;
    let source = doc.source;
    if (spec.entries !== undefined) {
      // A list may build on an npm package's list: its entries, less "except", plus "entries".
      let base = [];
      if (doc.package !== undefined) {
        try {
          const { value: list, label } = packageData(packageDir, doc.package);
          const except = doc.except ?? [];
          if (!Array.isArray(except)) problems.push(`${where}: "except" must be a list`);
          else
            for (const entry of except)
              if (!list.includes(entry))
                problems.push(`${where}: ${JSON.stringify(entry)} (except) is not in ${label}`);
          base = list.filter((entry) => !except.includes(entry));
          source = `${label}, with: ${doc.source}`;
        } catch (error) {
          problems.push(`${where}: ${error.message}`);
          continue;
        }
      } else if (doc.except !== undefined) problems.push(`${where}: "except" needs a "package" to take from`);
      const own = doc.entries ?? [];
      if (!Array.isArray(own) || (own.length === 0 && base.length === 0)) {
        problems.push(`${where}: "entries" must be a non-empty list`);
        continue;
      }
      const seen = new Set();
      for (const entry of base) seen.add(entry);
      for (const entry of base) {
        const problem = spec.check(entry);
        if (problem) problems.push(`${where}: ${JSON.stringify(entry)} (from ${doc.package}) is not ${problem}`);
      }
      for (const entry of own) {
        const problem = spec.check(entry);
        if (problem) problems.push(`${where}: ${JSON.stringify(entry)} is not ${problem}`);
        else if (seen.has(entry))
          problems.push(
            `${where}: ${JSON.stringify(entry)} is ${base.includes(entry) ? `already in ${doc.package?.name ?? doc.package}` : "listed twice"}`,
          );
        seen.add(entry);
      }
      value = [...base, ...own];
    } else {
      // A table may build on an npm package's table: its entries, less the keys in "except", plus "map".
      let base = {};
      if (doc.package !== undefined) {
        try {
          const { value: table, label } = packageData(packageDir, doc.package, true);
          const except = doc.except ?? [];
          if (!Array.isArray(except)) problems.push(`${where}: "except" must be a list`);
          else
            for (const key of except)
              if (!Object.hasOwn(table, key))
                problems.push(`${where}: ${JSON.stringify(key)} (except) is not in ${label}`);
          base = Object.fromEntries(Object.entries(table).filter(([key]) => !except.includes(key)));
          source = `${label}, with: ${doc.source}`;
        } catch (error) {
          problems.push(`${where}: ${error.message}`);
          continue;
        }
      } else if (doc.except !== undefined) problems.push(`${where}: "except" needs a "package" to take from`);
      const own = doc.map ?? {};
      if (
        typeof own !== "object" ||
        own === null ||
        Array.isArray(own) ||
        (Object.keys(own).length === 0 && Object.keys(base).length === 0)
      ) {
        problems.push(`${where}: "map" must be a non-empty table`);
        continue;
      }
      const label = doc.package?.name ?? doc.package;
      for (const [key, v] of [...Object.entries(base), ...Object.entries(own)]) {
        const from = Object.hasOwn(own, key) ? "" : ` (from ${label})`;
        const keyProblem = spec.check.key(key);
        if (keyProblem) problems.push(`${where}: key ${JSON.stringify(key)}${from} is not ${keyProblem}`);
        const valueProblem = spec.check.value(v);
        if (valueProblem)
          problems.push(`${where}: ${JSON.stringify(key)} → ${JSON.stringify(v)}${from}: expected ${valueProblem}`);
      }
      for (const key of Object.keys(own))
        if (Object.hasOwn(base, key)) problems.push(`${where}: ${JSON.stringify(key)} is already in ${label}`);
      value = { ...base, ...own };
    }
    const moduleName = spec.module ?? folder ?? "data";
    const lists = modules.get(moduleName) ?? new Map();
    modules.set(moduleName, lists);
    const list = lists.get(fileName) ?? { spec, files: [] };
    lists.set(fileName, list);
    if (list.files.some((f) => f.language === language)) {
      problems.push(
        `${where}: list "${fileName}"${language ? ` (${language})` : ""} is given twice (${list.files.find((f) => f.language === language).path})`,
      );
      continue;
    }
    list.files.push({ path: where, language, source, value });
  }
  // Lists of one class share no entry (or key) in a language.
  const byClass = new Map();
  for (const lists of modules.values())
    for (const [name, list] of lists) {
      if (!list.spec.class) continue;
      for (const file of list.files) {
        const key = `${list.spec.class}\u0000${file.language ?? ""}`;
        const owners = byClass.get(key) ?? new Map();
        byClass.set(key, owners);
        for (const entry of Array.isArray(file.value) ? file.value : Object.keys(file.value)) {
          const owner = owners.get(entry);
          if (owner && owner.name !== name)
            problems.push(
              `${file.path}: ${JSON.stringify(entry)} is also in "${owner.name}" (${owner.path}); lists of class "${list.spec.class}" share no entry`,
            );
          else owners.set(entry, { name, path: file.path });
        }
      }
    }
  for (const spec of schema.lists.values()) {
    const declared = [...modules.values()].some((lists) => lists.has(spec.name));
    if (!declared) problems.push(`${schema.file}: list "${spec.name}" has no data file`);
  }
  return { modules, problems };
}

/** A frozen literal of a JSON value, laid out for reading. */
function literal(value, indent) {
  const pad = "  ".repeat(indent + 1);
  const end = "  ".repeat(indent);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) {
      const lines = [];
      let line = "";
      for (const item of value.map((v) => JSON.stringify(v))) {
        if (line && line.length + item.length + 2 > 100 - pad.length) {
          lines.push(line);
          line = "";
        }
        line += line ? ` ${item},` : `${item},`;
      }
      if (line) lines.push(line);
      return lines.length === 1 && lines[0].length < 60
        ? `Object.freeze([${lines[0].slice(0, -1)}])`
        : `Object.freeze([\n${lines.map((l) => pad + l).join("\n")}\n${end}])`;
    }
    return `Object.freeze([\n${value.map((v) => `${pad}${literal(v, indent + 1)},`).join("\n")}\n${end}])`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${pad}${JSON.stringify(k)}: ${literal(v, indent + 1)},`);
    return `Object.freeze({\n${entries.join("\n")}\n${end}})`;
  }
  return JSON.stringify(value);
}

/** The TypeScript source of one module. */
export function renderModule(packageName, moduleName, lists) {
  const names = [...lists.keys()].sort();
  const files = names.flatMap((n) => lists.get(n).files.map((f) => f.path)).sort();
  const out = [
    `// Generated by scripts/data/build.mjs from ${packageName}'s data files: do not edit by hand;`,
    "// edit the data (and its data/schema.yml) and run `pnpm build:data`. Made from:",
    ...files.map((f) => `//   ${f}`),
    "/* biome-ignore-all format: generated */",
    "",
  ];
  for (const name of names) {
    const { spec, files: parts } = lists.get(name);
    const itemType =
      spec.entries !== undefined
        ? `readonly (${tsType(spec.entries)})[]`.replace(/^readonly \((string)\)\[\]$/, "readonly $1[]")
        : `Readonly<Record<${spec.map.keys?.enum ? tsType(spec.map.keys) : "string"}, ${tsType(spec.map.values ?? "string")}>>`;
    const sources = parts
      .slice()
      .sort((a, b) => (a.language ?? "").localeCompare(b.language ?? ""))
      .map(
        (f) =>
          ` * - ${f.language ? `${f.language}: ` : ""}${f.source.trim().replace(/\s+/g, " ").replace(/\*\//g, "* /")}`,
      );
    out.push(
      "/**",
      ` * ${spec.description.replace(/\s+/g, " ").replace(/\*\//g, "* /")}`,
      " *",
      " * Sources:",
      ...sources,
      " */",
    );
    if (spec.languages) {
      const langs = parts.map((f) => f.language).sort();
      out.push(
        `export const ${constName(name)}: { ${langs.map((l) => `readonly ${l}: ${itemType}`).join("; ")} } = Object.freeze({`,
        ...langs.map((l) => `  ${l}: ${literal(parts.find((f) => f.language === l).value, 1)},`),
        "});",
        "",
      );
    } else {
      out.push(`export const ${constName(name)}: ${itemType} = ${literal(parts[0].value, 0)};`, "");
    }
  }
  out.push(
    `/** Every list of this module, by the name of its data file. */`,
    `export const ${constName(moduleName)}_LISTS = Object.freeze({`,
    ...names.map((n) => `  ${JSON.stringify(n)}: ${constName(n)},`),
    "});",
    "",
  );
  return out.join("\n");
}

/**
 * Writes a generated module when its text changed. With `check` (CI) a changed module is not
 * written: the answer is "stale". Returns "same", "written" or "stale".
 */
export function writeModule(file, text, { check = false } = {}) {
  const current = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  if (current === text) return "same";
  if (check) return "stale";
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return "written";
}

/**
 * Runs a package's plugin (`plugins: { <folder>: <script> }` in its schema): the script exports
 * `build({ packageDir, dataDir })`, which checks the folder's files and returns
 * `{ modules: [[moduleName, text], …], problems: [sentences] }` (a thrown error is one problem).
 */
export async function runPlugin(packageDir, plugin) {
  const dataDir = join(packageDir, "data", plugin.folder);
  try {
    const module = await import(pathToFileURL(join(packageDir, plugin.script)).href);
    if (typeof module.build !== "function") return { modules: [], problems: [`${plugin.script}: exports no build()`] };
    const result = await module.build({ packageDir, dataDir });
    return { modules: result.modules ?? [], problems: result.problems ?? [] };
  } catch (error) {
    return { modules: [], problems: [`${plugin.script}: ${error.message}`] };
  }
}
