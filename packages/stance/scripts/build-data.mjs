#!/usr/bin/env node
/**
 * Compiles the word lists of @rassegna/stance (`data/<lang>/*.yml`) into a typed, frozen
 * module, `src/generated/words.ts`, after checking them:
 *
 *   node packages/stance/scripts/build-data.mjs          # write
 *   node packages/stance/scripts/build-data.mjs --check  # fail when the module is stale
 *
 * Each file has `source` (where its words come from) and either
 * - `list` (the list it belongs to) and `entries` (folded phrases: lower case, no accents,
 *   single spaces), or
 * - `list` and `groups`: entries that share fields (a cue's `kind`, `polarity`, `weight`; an
 *   evaluative word's `polarity`; a word's `value`), in the order the rules try them, or
 * - `lists`: several small lists, name → entries.
 * A phrase listed twice in one list and language, an empty or unfolded phrase, a field with a
 * value it may not take, or a missing source fails the build with the file and the phrase.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { readPackageData } from "../../../scripts/data/compile.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, "..");
const dataDir = join(packageDir, "data");
const outFile = join(packageDir, "src", "generated", "words.ts");
const LANGUAGES = ["en", "it"];

const POLARITY = ["FAVOR", "AGAINST"];
const CUE_KINDS = [
  "verb",
  "noun",
  "mutual",
  "joint",
  "role",
  "consider",
  "against",
  "anti",
  "agent",
  "provoked",
  "rebut",
];
/** The fields each grouped list's groups take: name → check (undefined when fine, else the problem). */
const GROUP_FIELDS = {
  cues: {
    kind: { type: JSON.stringify(CUE_KINDS).replace(/,/g, " | ").slice(1, -1), check: (v) => CUE_KINDS.includes(v) },
    polarity: { type: '"FAVOR" | "AGAINST"', check: (v) => POLARITY.includes(v) },
    weight: { type: "number", check: (v) => typeof v === "number" && v > 0 && v <= 2, default: 1 },
  },
  evaluative: { polarity: { type: '"FAVOR" | "AGAINST"', check: (v) => POLARITY.includes(v) } },
  "news-valence": { value: { type: "number", check: (v) => typeof v === "number" && v >= -1 && v <= 1 } },
};

/**
 * Stance lists that are only the difference to core's shared word classes
 * (`packages/core/data/words/<lang>/`), which the rules read beside them (src/words.ts): `adds`
 * holds words core's classes lack (an entry core has fails: read core's), `leavesOut` words of
 * core's classes the rules skip (an entry core lacks fails: it is stale).
 */
const CORE_DIFFERENCES = {
  "negators-extra": { adds: ["negators", "negating-verbs"] },
  "not-done": { adds: ["negating-verbs"] },
  "gap-stops": { adds: ["negators"] },
  "plural-definite-articles": { leavesOut: ["definite-articles", "articled-prepositions"] },
};

const fold = (s) =>
  s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’`]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

const problems = [];
/** list → language → phrases (plain lists) */
const lists = new Map();
/** list → language → groups (grouped lists) */
const grouped = new Map();
/** list → language → every phrase seen, for duplicates */
const seen = new Map();

function phrasesOf(where, list, language, entries) {
  if (!Array.isArray(entries) || entries.length === 0) {
    problems.push(`${where}: no entries for "${list}"`);
    return [];
  }
  const byLanguage = seen.get(list) ?? new Map();
  seen.set(list, byLanguage);
  const all = byLanguage.get(language) ?? new Set();
  byLanguage.set(language, all);
  const out = [];
  for (const entry of entries) {
    const phrase = String(entry);
    if (phrase.trim() === "" || fold(phrase) !== phrase) problems.push(`${where}: "${phrase}" is not a folded phrase`);
    else if (all.has(phrase)) problems.push(`${where}: "${phrase}" is listed twice in ${list}/${language}`);
    else {
      all.add(phrase);
      out.push(phrase);
    }
  }
  return out;
}

function addPlain(where, list, language, entries) {
  if (!/^[a-z][a-z-]*$/.test(list)) problems.push(`${where}: bad list name "${list}"`);
  if (GROUP_FIELDS[list]) problems.push(`${where}: "${list}" takes groups, not entries`);
  const byLanguage = lists.get(list) ?? new Map();
  lists.set(list, byLanguage);
  byLanguage.set(language, [...(byLanguage.get(language) ?? []), ...phrasesOf(where, list, language, entries)]);
}

function addGroups(where, list, language, groups) {
  const fields = GROUP_FIELDS[list];
  if (!fields) {
    problems.push(`${where}: "${list}" is not a grouped list (${Object.keys(GROUP_FIELDS).join(", ")})`);
    return;
  }
  const byLanguage = grouped.get(list) ?? new Map();
  grouped.set(list, byLanguage);
  const out = byLanguage.get(language) ?? [];
  byLanguage.set(language, out);
  for (const [g, group] of groups.entries()) {
    const entry = {};
    for (const key of Object.keys(group)) {
      if (key !== "entries" && !fields[key]) problems.push(`${where}: group ${g + 1} has an unknown field "${key}"`);
    }
    for (const [key, field] of Object.entries(fields)) {
      const value = group[key] ?? field.default;
      if (value === undefined || !field.check(value))
        problems.push(`${where}: group ${g + 1}: "${key}" may not be ${JSON.stringify(group[key])}`);
      entry[key] = value;
    }
    entry.entries = phrasesOf(`${where} (group ${g + 1})`, list, language, group.entries);
    out.push(entry);
  }
}

for (const language of readdirSync(dataDir, { withFileTypes: true })) {
  if (!language.isDirectory()) continue;
  if (!LANGUAGES.includes(language.name)) {
    problems.push(`data/${language.name}: unknown language (expected one of ${LANGUAGES.join(", ")})`);
    continue;
  }
  for (const file of readdirSync(join(dataDir, language.name))
    .filter((f) => f.endsWith(".yml"))
    .sort()) {
    const where = `data/${language.name}/${file}`;
    const doc = parse(readFileSync(join(dataDir, language.name, file), "utf8"));
    if (!doc || typeof doc.source !== "string" || doc.source.trim() === "") problems.push(`${where}: no "source"`);
    if (doc?.lists && typeof doc.lists === "object") {
      for (const [list, entries] of Object.entries(doc.lists)) addPlain(where, list, language.name, entries);
    } else if (!doc || typeof doc.list !== "string") problems.push(`${where}: no "list" (or "lists")`);
    else if (Array.isArray(doc.groups)) addGroups(where, doc.list, language.name, doc.groups);
    else addPlain(where, doc.list, language.name, doc.entries);
  }
}
// The differences to core's word classes, checked against core's data files as stance reads them.
const core = readPackageData(join(packageDir, "..", "core"));
problems.push(...core.problems.map((p) => `core's data: ${p}`));
const coreWords = core.modules.get("words") ?? new Map();
for (const [list, { adds, leavesOut }] of Object.entries(CORE_DIFFERENCES)) {
  const classes = adds ?? leavesOut;
  for (const language of LANGUAGES) {
    const words = new Set();
    for (const name of classes) {
      const file = coreWords.get(name)?.files.find((f) => f.language === language);
      for (const word of file?.value ?? []) words.add(fold(word).replace(/'$/, ""));
    }
    for (const phrase of lists.get(list)?.get(language) ?? []) {
      if (adds && words.has(phrase))
        problems.push(
          `${list}/${language}: "${phrase}" is in core's ${classes.join(" or ")} already: leave it out here`,
        );
      if (leavesOut && !words.has(phrase))
        problems.push(
          `${list}/${language}: "${phrase}" is not in core's ${classes.join(" or ")}: nothing to leave out`,
        );
    }
  }
  if (!lists.has(list)) problems.push(`${list}: no such list in data/<lang>/ (CORE_DIFFERENCES names it)`);
}

if (problems.length > 0) {
  console.error(`stance data: ${problems.length} problem(s):\n  ${problems.join("\n  ")}`);
  process.exit(1);
}

const name = (list) => list.toUpperCase().replace(/-/g, "_");
const typeName = (list) => list.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
const languageType = `"${LANGUAGES.join('" | "')}"`;
const lines = [
  "// Generated by scripts/build-data.mjs from data/<lang>/*.yml — do not edit; edit the data and rerun.",
  "",
];
for (const [list, byLanguage] of [...lists].sort(([a], [b]) => a.localeCompare(b))) {
  lines.push(`export const ${name(list)}: Readonly<Record<${languageType}, readonly string[]>> = Object.freeze({`);
  for (const language of LANGUAGES) {
    const phrases = byLanguage.get(language) ?? [];
    if (phrases.length === 0) lines.push(`  ${language}: Object.freeze([]),`);
    else lines.push(`  ${language}: Object.freeze([`, ...phrases.map((p) => `    ${JSON.stringify(p)},`), "  ]),");
  }
  lines.push("});", "");
}
for (const [list, byLanguage] of [...grouped].sort(([a], [b]) => a.localeCompare(b))) {
  const fields = Object.entries(GROUP_FIELDS[list]).map(([key, field]) => `readonly ${key}: ${field.type};`);
  lines.push(`/** A group of \`${list}\` entries that share their fields. */`);
  lines.push(
    `export interface ${typeName(list)}Group { ${fields.join(" ")} readonly entries: readonly string[]; }`,
    "",
  );
  lines.push(
    `export const ${name(list)}: Readonly<Record<${languageType}, readonly ${typeName(list)}Group[]>> = Object.freeze({`,
  );
  for (const language of LANGUAGES) {
    const groups = byLanguage.get(language) ?? [];
    lines.push(`  ${language}: Object.freeze([`);
    for (const group of groups) {
      const { entries, ...rest } = group;
      const head = Object.entries(rest)
        .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
        .join(", ");
      lines.push(`    Object.freeze({ ${head}, entries: Object.freeze(${JSON.stringify(entries)}) }),`);
    }
    lines.push("  ]),");
  }
  lines.push("});", "");
}
const out = lines.join("\n");
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(outFile, "utf8");
  } catch {}
  // Layout is biome's business (it may join short arrays): compare the content.
  // (and may open a long union type with "|").
  const content = (text) =>
    text
      .replace(/\s+/g, "")
      .replace(/,([\]})])/g, "$1")
      .replace(/:\|/g, ":");
  if (content(current) !== content(out)) {
    console.error("stance data: src/generated/words.ts is stale; run `node packages/stance/scripts/build-data.mjs`.");
    process.exit(1);
  }
} else {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, out);
  // Lay it out as the repository's formatter would, when it is installed.
  const biome = join(packageDir, "..", "..", "node_modules", ".bin", "biome");
  if (existsSync(biome)) execFileSync(biome, ["format", "--write", outFile], { stdio: "ignore" });
}
