/**
 * The data compiler's plugin for @rassegna/stance's word lists (`data/words/<lang>/*.yml`): the
 * shared compiler (`node scripts/data/build.mjs`, `--check`; see scripts/data/README.md) runs
 * `build()` for the `words` folder, as `data/schema.yml` says, and writes what it returns to
 * `src/generated/words.ts` (only when the text changes; with `--check`, a stale module fails).
 * A plugin, not plain lists, because the checks span files and packages: several lists share
 * a file, grouped lists take fields, and the differences to core's word classes are checked
 * against core's data.
 *
 * Each file has `source` (where its words come from) and either
 * - `list` (the list it belongs to) and `entries` (folded phrases: lower case, no accents,
 *   single spaces), or
 * - `list` and `groups`: entries that share fields (a cue's `kind`, `polarity`, `weight`; an
 *   evaluative word's `polarity`; a word's `value`), in the order the rules try them, or
 * - `lists`: several small lists, name → entries.
 * A phrase listed twice in one list and language, an empty or unfolded phrase, a field with a
 * value it may not take, a missing source, or a difference to core's classes that is none
 * (`CORE_DIFFERENCES`) fails the build with the file and the phrase.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { fold, readPackageData } from "../../../scripts/data/compile.mjs";

/** The languages of the rules' lexicons: each generated list has one entry per language. */
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
/** The fields each grouped list's groups take: name → type and check (and default). */
const GROUP_FIELDS = {
  cues: {
    kind: { type: CUE_KINDS.map((k) => JSON.stringify(k)).join(" | "), check: (v) => CUE_KINDS.includes(v) },
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
  "ambiguous-speech-verbs": { leavesOut: ["speech-verbs", "attribution-words"] },
  "determiners-extra": { adds: ["articles", "possessive-determiners"] },
  "ambiguous-determiners": { leavesOut: ["articles", "possessive-determiners"] },
  "apposition-words-extra": { adds: ["articles"] },
  "called-openers-extra": { adds: ["articles"] },
  "clause-openers-extra": { adds: ["speech-verbs"] },
  "report-verbs-extra": { adds: ["speech-verbs", "opinion-verbs", "accusation-verbs", "demand-verbs"] },
  "ambiguous-report-verbs": { leavesOut: ["speech-verbs", "opinion-verbs", "accusation-verbs", "demand-verbs"] },
};

/** Checks the lists of `dataDir` (`data/words/`): `{ modules: [["words", text]], problems }`. */
export async function build({ packageDir, dataDir }) {
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
      if (phrase.trim() === "" || fold(phrase) !== phrase)
        problems.push(`${where}: "${phrase}" is not a folded phrase`);
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
      for (const key of Object.keys(group))
        if (key !== "entries" && !fields[key]) problems.push(`${where}: group ${g + 1} has an unknown field "${key}"`);
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
      problems.push(`data/words/${language.name}: unknown language (expected one of ${LANGUAGES.join(", ")})`);
      continue;
    }
    for (const file of readdirSync(join(dataDir, language.name))
      .filter((f) => f.endsWith(".yml"))
      .sort()) {
      const where = `data/words/${language.name}/${file}`;
      const doc = parse(readFileSync(join(dataDir, language.name, file), "utf8"));
      if (!doc || typeof doc.source !== "string" || doc.source.trim() === "") problems.push(`${where}: no "source"`);
      if (doc?.lists && typeof doc.lists === "object") {
        for (const [list, entries] of Object.entries(doc.lists)) addPlain(where, list, language.name, entries);
      } else if (!doc || typeof doc.list !== "string") problems.push(`${where}: no "list" (or "lists")`);
      else if (Array.isArray(doc.groups)) addGroups(where, doc.list, language.name, doc.groups);
      else addPlain(where, doc.list, language.name, doc.entries);
    }
  }
  problems.push(...coreDifferenceProblems(packageDir, lists));
  if (problems.length > 0) return { modules: [], problems };
  return { modules: [["words", render(lists, grouped)]], problems };
}

/**
 * The differences to core's word classes that are none, checked against core's data files as
 * stance reads them. (A difference list that is missing fails where src/words.ts reads it.)
 */
function coreDifferenceProblems(packageDir, lists) {
  const problems = [];
  const core = readPackageData(join(packageDir, "..", "core"));
  problems.push(...core.problems.map((p) => `core's data: ${p}`));
  const coreWords = core.modules.get("words") ?? new Map();
  for (const [list, { adds, leavesOut }] of Object.entries(CORE_DIFFERENCES)) {
    const classes = adds ?? leavesOut;
    for (const language of LANGUAGES) {
      const words = new Set();
      for (const name of classes) {
        const file = coreWords.get(name)?.files.find((f) => f.language === language);
        // Folded as src/words.ts reads them: "dell'" → "dell".
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
  }
  return problems;
}

const constName = (list) => list.toUpperCase().replace(/-/g, "_");
const typeName = (list) => list.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
const languageType = LANGUAGES.map((l) => JSON.stringify(l)).join(" | ");

/** A frozen array of strings, on one line when short, else wrapped at about 100 columns. */
function frozenStrings(items, indent) {
  const one = `Object.freeze([${items.map((p) => JSON.stringify(p)).join(", ")}])`;
  if (indent.length + one.length <= 100) return one;
  const pad = `${indent}  `;
  const lines = [];
  let line = "";
  for (const item of items.map((p) => `${JSON.stringify(p)},`)) {
    if (line && pad.length + line.length + item.length + 1 > 100) {
      lines.push(line);
      line = "";
    }
    line += line ? ` ${item}` : item;
  }
  if (line) lines.push(line);
  return `Object.freeze([\n${lines.map((l) => pad + l).join("\n")}\n${indent}])`;
}

/** The text of `src/generated/words.ts`. */
function render(lists, grouped) {
  const lines = [
    "// Generated by scripts/data/build.mjs (plugin scripts/build-words.mjs) from data/words/<lang>/*.yml:",
    "// do not edit by hand; edit the data and run `pnpm build:data`.",
    "/* biome-ignore-all format: generated */",
    "",
  ];
  for (const [list, byLanguage] of [...lists].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      `export const ${constName(list)}: Readonly<Record<${languageType}, readonly string[]>> = Object.freeze({`,
    );
    for (const language of LANGUAGES)
      lines.push(`  ${language}: ${frozenStrings(byLanguage.get(language) ?? [], "  ")},`);
    lines.push("});", "");
  }
  for (const [list, byLanguage] of [...grouped].sort(([a], [b]) => a.localeCompare(b))) {
    const fields = Object.entries(GROUP_FIELDS[list]).map(([key, field]) => `readonly ${key}: ${field.type};`);
    lines.push(
      `/** A group of \`${list}\` entries that share their fields. */`,
      `export interface ${typeName(list)}Group { ${fields.join(" ")} readonly entries: readonly string[]; }`,
      "",
      `export const ${constName(list)}: Readonly<Record<${languageType}, readonly ${typeName(list)}Group[]>> = Object.freeze({`,
    );
    for (const language of LANGUAGES) {
      lines.push(`  ${language}: Object.freeze([`);
      for (const { entries, ...rest } of byLanguage.get(language) ?? []) {
        const head = Object.entries(rest)
          .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
          .join(", ");
        lines.push(`    Object.freeze({ ${head}, entries: ${frozenStrings(entries, "    ")} }),`);
      }
      lines.push("  ]),");
    }
    lines.push("});", "");
  }
  return lines.join("\n");
}
