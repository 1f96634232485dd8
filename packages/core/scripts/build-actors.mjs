/**
 * Validates the actor gazetteer (`data/actors/*.json`) and compiles it into typed, frozen
 * modules (`src/generated/actors-data.ts`, `src/generated/offices-data.ts`). A plugin of the
 * shared data compiler (scripts/data/, `plugins: { actors: … }` in data/schema.yml): the
 * compiler checks word lists and tables file by file, this script the gazetteer's checks that
 * span files (a name claimed by two actors, `standsFor` and office holders that must name
 * actors, terms that must not overlap); the compiler runs it with every build and writes its
 * modules as it writes its own (only when their text changes; in CI a stale one fails).
 * See data/actors/README.md for the files and their fields.
 *
 *   pnpm build:data                            every package's data, this gazetteer included
 *   node scripts/build-actors.mjs              this gazetteer alone: validate and write the modules
 *   node scripts/build-actors.mjs --check      validate and fail when a module is stale (so does CI=true)
 *   node scripts/build-actors.mjs --countries  also refresh data/actors/country-ids.json from
 *                                              @rapideditor/country-coder (a dev dependency)
 *
 * Checks: each file names its source; every actor has a trimmed name, a known type and kind,
 * trimmed aliases (a list, or a map from a known language to a list); no name or alias is
 * claimed twice (by two actors, or twice by one), nor is it a country's name; `standsFor`
 * names an actor or a country; a Wikidata id has the form Q<digits>, names its source (a key
 * of sources.json) and is given to one actor only; offices name known countries and actors,
 * with ISO dates in order and terms that do not overlap; role nouns point to known offices.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { LANGUAGE_CODES, writeModule } from "../../../scripts/data/compile.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = join(root, "data", "actors");

const TYPES = new Set(["PERSON", "LOCATION", "ORGANIZATION"]);
const KINDS = new Set(["country", "city", "region", "person", "organization", "institution", "outlet"]);
const QID = /^Q[1-9]\d*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Files that are not lists of actors, and the order of those that are (first claim wins at run time). */
const SPECIAL = new Set(["countries.json", "country-ids.json", "sources.json", "offices.json", "roles.json"]);
const ORDER = ["cities.json", "regions.json", "people.json", "organizations.json", "italy.json", "world.json"];
const ACTOR_FIELDS = new Set(["name", "type", "kind", "aliases", "standsFor", "id", "idSource", "demonyms"]);

function fail(message) {
  throw new Error(`build-actors: ${message}`);
}

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(join(dataDir, file), "utf8"));
  } catch (error) {
    fail(`${file}: cannot read it as JSON (${error.message})`);
  }
};

function checkSource(file, data) {
  if (typeof data.source !== "string" || data.source.length < 20)
    fail(`${file}: say where the data comes from ("source", a sentence)`);
}

const isForm = (a) => typeof a === "string" && a !== "" && a.trim() === a && !/\s{2}/.test(a);

async function refreshCountryIds(codes) {
  const cc = await import("@rapideditor/country-coder");
  const ids = {};
  for (const code of codes) {
    const id = cc.feature(code)?.properties?.wikidata;
    if (id) ids[code] = id;
  }
  const file = {
    source:
      "Wikidata ids of ISO 3166-1 countries and territories, as the npm package @rapideditor/country-coder 5.6.1 records them (its `wikidata` feature property); regenerate with `node scripts/build-actors.mjs --countries`.",
    ids,
  };
  writeFileSync(join(dataDir, "country-ids.json"), `${JSON.stringify(file, null, 1)}\n`);
}

/** The countries file: codes, English names where news differs from CLDR, extra aliases and demonyms. */
function loadCountries(languages) {
  const data = readJson("countries.json");
  checkSource("countries.json", data);
  if (!Array.isArray(data.nameLanguages) || data.nameLanguages.some((l) => !languages.has(l)))
    fail(`countries.json: nameLanguages must be languages of sources.json "languages"`);
  const seen = new Set();
  const demonyms = new Map();
  for (const country of data.countries) {
    const where = `countries.json ${country?.code}`;
    if (!/^[A-Z]{2}$/.test(country.code ?? "")) fail(`${where}: code must be ISO 3166-1 alpha-2`);
    if (seen.has(country.code)) fail(`${where}: listed twice`);
    seen.add(country.code);
    for (const key of Object.keys(country))
      if (!["code", "name", "aliases", "demonyms"].includes(key)) fail(`${where}: unknown field "${key}"`);
    for (const key of ["aliases", "demonyms"]) {
      const list = country[key];
      if (list === undefined) continue;
      if (!Array.isArray(list) || !list.every(isForm)) fail(`${where}: ${key} must be trimmed strings`);
      if (new Set(list).size !== list.length) fail(`${where}: a form is listed twice in ${key}`);
    }
    for (const demonym of country.demonyms ?? []) {
      const folded = demonym.toLowerCase();
      if (demonyms.has(folded) && demonyms.get(folded) !== country.code)
        fail(`${where}: the demonym "${demonym}" is already ${demonyms.get(folded)}'s`);
      demonyms.set(folded, country.code);
    }
  }
  return data;
}

/** English name of a country as the run time gives it (the same rule as src/actors.ts). */
function countryNames(countries) {
  const english = new Intl.DisplayNames(["en"], { type: "region" });
  const clean = (name) => name.replace(/\s+-\s+.*$/, "").replace(/\s*\(.*\)$/, "");
  return new Map(countries.countries.map((c) => [c.code, c.name ?? clean(english.of(c.code) ?? c.code)]));
}

/** Aliases as written: a list (any language) or a map from language to list; flattened, with languages. */
function readAliases(where, aliases, languages) {
  if (Array.isArray(aliases)) {
    if (!aliases.every(isForm)) fail(`${where}: aliases must be trimmed strings`);
    return { all: aliases, byLanguage: undefined };
  }
  if (aliases === null || typeof aliases !== "object") fail(`${where}: aliases must be a list or a map by language`);
  const all = [];
  const byLanguage = {};
  for (const [language, list] of Object.entries(aliases)) {
    if (language !== "any" && !languages.has(language))
      fail(`${where}: "${language}" is not a language of sources.json "languages" (or "any")`);
    if (!Array.isArray(list) || !list.every(isForm)) fail(`${where}: aliases.${language} must be trimmed strings`);
    all.push(...list);
    if (language !== "any") byLanguage[language] = list;
  }
  return { all, byLanguage };
}

function loadActors(sources, languages, countryNameOf) {
  const files = readdirSync(dataDir).filter((f) => f.endsWith(".json") && !SPECIAL.has(f));
  files.sort((a, b) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b));
  const countryNames = new Set(countryNameOf.values());
  const actors = [];
  const claimed = new Map();
  const ids = new Map();
  for (const file of files) {
    const data = readJson(file);
    checkSource(file, data);
    if (!Array.isArray(data.actors)) fail(`${file}: "actors" must be an array`);
    for (const [i, actor] of data.actors.entries()) {
      const where = `${file} #${i} (${actor?.name})`;
      if (!isForm(actor.name)) fail(`${where}: bad name`);
      for (const key of Object.keys(actor)) if (!ACTOR_FIELDS.has(key)) fail(`${where}: unknown field "${key}"`);
      if (!TYPES.has(actor.type)) fail(`${where}: type must be one of ${[...TYPES].join(", ")}`);
      if (!KINDS.has(actor.kind) || actor.kind === "country")
        fail(
          `${where}: kind must be one of ${[...KINDS].filter((k) => k !== "country").join(", ")} (countries are in countries.json)`,
        );
      if (/\(/.test(actor.name) && actor.kind === "organization")
        fail(`${where}: a name with a qualifier in brackets is kind "institution" (translation must not write it)`);
      const { all, byLanguage } = readAliases(where, actor.aliases, languages);
      if (actor.demonyms !== undefined && (!Array.isArray(actor.demonyms) || !actor.demonyms.every(isForm)))
        fail(`${where}: demonyms must be trimmed strings`);
      if (actor.id !== undefined) {
        if (!QID.test(actor.id))
          fail(`${where}: id must be a Wikidata id (Q<digits>), got ${JSON.stringify(actor.id)}`);
        if (!Object.hasOwn(sources.sources, actor.idSource ?? ""))
          fail(`${where}: say where the id comes from (idSource: a key of sources.json "sources")`);
        if (ids.has(actor.id)) fail(`${where}: ${actor.id} is already the id of ${ids.get(actor.id)}`);
        ids.set(actor.id, actor.name);
      } else if (actor.idSource !== undefined) fail(`${where}: idSource without an id`);
      for (const form of [actor.name, ...all]) {
        const previous = claimed.get(form);
        if (previous !== undefined) fail(`${where}: "${form}" is already claimed by ${previous}`);
        if (countryNames.has(form)) fail(`${where}: "${form}" is the name of a country`);
        claimed.set(form, `${file}:${actor.name}`);
      }
      const record = { name: actor.name, type: actor.type, kind: actor.kind, aliases: all };
      if (byLanguage) record.names = byLanguage;
      if (actor.standsFor) record.standsFor = actor.standsFor;
      if (actor.id) record.id = actor.id;
      if (actor.demonyms) record.demonyms = actor.demonyms;
      actors.push(record);
    }
  }
  const names = new Set([...actors.map((a) => a.name), ...countryNames]);
  for (const actor of actors)
    if (actor.standsFor !== undefined && !names.has(actor.standsFor))
      fail(`${actor.name}: standsFor "${actor.standsFor}" is neither an actor nor a country`);
  return { actors, ids, names };
}

function loadCountryIds(codes, ids) {
  const data = readJson("country-ids.json");
  checkSource("country-ids.json", data);
  for (const [code, id] of Object.entries(data.ids)) {
    if (!codes.has(code) || !QID.test(id)) fail(`country-ids.json: bad entry ${code}: ${id}`);
    if (ids.has(id)) fail(`country-ids.json: ${id} (${code}) is already the id of ${ids.get(id)}`);
    ids.set(id, code);
  }
  return data.ids;
}

/** Offices and their holders by date (offices.json), and the role nouns that name them (roles.json). */
function loadOffices(names, countryNameOf, sources, languages) {
  const data = readJson("offices.json");
  checkSource("offices.json", data);
  const countries = new Set(countryNameOf.values());
  const officeIds = new Set();
  const ROLES = new Set(data.roles);
  for (const office of data.offices) {
    const where = `offices.json ${office?.id}`;
    if (!/^[a-z]+(?:-[a-z]+)*:[A-Za-z]+(?:-[A-Za-z]+)*$/.test(office.id ?? ""))
      fail(`${where}: id must be "<role>:<country code or body>" (e.g. "head-of-government:IT")`);
    if (officeIds.has(office.id)) fail(`${where}: listed twice`);
    officeIds.add(office.id);
    if (!ROLES.has(office.role)) fail(`${where}: role must be one of ${[...ROLES].join(", ")}`);
    if (!countries.has(office.country) && !names.has(office.country))
      fail(`${where}: country "${office.country}" is neither a country nor an actor`);
    if (!Object.hasOwn(sources.sources, office.source ?? "")) fail(`${where}: source must be a key of sources.json`);
    let previousEnd = "";
    for (const holder of office.holders) {
      const at = `${where} ${holder?.name}`;
      if (!names.has(holder.name)) fail(`${at}: the holder must be an actor of the data files (add it)`);
      if (!DATE.test(holder.start ?? "")) fail(`${at}: start must be an ISO date (YYYY-MM-DD)`);
      if (holder.end !== undefined && (!DATE.test(holder.end) || holder.end < holder.start))
        fail(`${at}: end must be an ISO date after start`);
      if (holder.start < previousEnd) fail(`${at}: the term starts before the previous one ends (list terms in order)`);
      previousEnd = holder.end ?? "9999-12-31";
      for (const key of Object.keys(holder))
        if (!["name", "start", "end"].includes(key)) fail(`${at}: unknown field "${key}"`);
    }
  }
  const roleData = readJson("roles.json");
  checkSource("roles.json", roleData);
  for (const [language, nouns] of Object.entries(roleData.nouns)) {
    if (!languages.has(language)) fail(`roles.json: "${language}" is not a language of sources.json`);
    for (const [noun, entry] of Object.entries(nouns)) {
      const where = `roles.json ${language} "${noun}"`;
      if (noun !== noun.toLowerCase() || !isForm(noun)) fail(`${where}: write role nouns in lower case, trimmed`);
      if (!ROLES.has(entry.role)) fail(`${where}: role must be one of ${[...ROLES].join(", ")}`);
      if (entry.country !== undefined && !countries.has(entry.country) && !names.has(entry.country))
        fail(`${where}: country "${entry.country}" is neither a country nor an actor`);
      for (const key of Object.keys(entry))
        if (!["role", "country", "generic"].includes(key)) fail(`${where}: unknown field "${key}"`);
    }
  }
  for (const [language, grammar] of Object.entries(roleData.grammar ?? {})) {
    if (!languages.has(language) || !roleData.nouns[language])
      fail(`roles.json grammar: "${language}" has no role nouns`);
    for (const key of ["determiners", "of", "blockers"])
      if (!Array.isArray(grammar[key]) || !grammar[key].every((w) => isForm(w) && w === w.toLowerCase()))
        fail(`roles.json grammar.${language}.${key}: a list of lower-case words`);
    if (typeof grammar.adjectivesFollow !== "boolean")
      fail(`roles.json grammar.${language}.adjectivesFollow: true or false (do adjectives follow the noun?)`);
    for (const key of Object.keys(grammar))
      if (!["determiners", "of", "blockers", "adjectivesFollow"].includes(key))
        fail(`roles.json grammar.${language}: unknown field "${key}"`);
  }
  for (const language of Object.keys(roleData.nouns))
    if (!roleData.grammar?.[language]) fail(`roles.json: role nouns of "${language}" need a grammar entry`);
  for (const [language, country] of Object.entries(roleData.defaultCountry ?? {}))
    if (!languages.has(language) || !countries.has(country))
      fail(`roles.json: bad defaultCountry ${language}: ${country}`);
  return {
    offices: data.offices,
    roles: data.roles,
    nouns: roleData.nouns,
    defaultCountry: roleData.defaultCountry ?? {},
    grammar: roleData.grammar,
  };
}

const FREEZE = `function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}`;

function renderActors({ countries, actors, countryIds }) {
  const countryRecords = countries.countries;
  return `// Generated by scripts/build-actors.mjs from data/actors/*.json: do not edit by hand.
/* biome-ignore-all format: generated */

/** One actor as the data files give it (see data/actors/README.md). */
export interface ActorData {
  readonly name: string;
  readonly type: "PERSON" | "LOCATION" | "ORGANIZATION";
  readonly kind: "country" | "city" | "region" | "person" | "organization" | "institution" | "outlet";
  readonly aliases: readonly string[];
  /** Aliases by language, where the data file gives them so. */
  readonly names?: Readonly<Record<string, readonly string[]>>;
  readonly standsFor?: string;
  readonly id?: string;
  readonly demonyms?: readonly string[];
}

/** One country or territory of data/actors/countries.json. */
export interface CountryData {
  readonly code: string;
  readonly name?: string;
  readonly aliases?: readonly string[];
  readonly demonyms?: readonly string[];
}

${FREEZE}

/** Languages whose country names (CLDR) become aliases. */
export const NAME_LANGUAGES: readonly string[] = deepFreeze(${JSON.stringify(countries.nameLanguages)});

export const COUNTRY_DATA: readonly CountryData[] = deepFreeze(${JSON.stringify(countryRecords)} as CountryData[]);

export const ACTOR_DATA: readonly ActorData[] = deepFreeze(${JSON.stringify(actors)} as ActorData[]);

/** Wikidata ids of countries and territories by ISO 3166-1 alpha-2 code. */
export const COUNTRY_IDS: Readonly<Record<string, string>> = deepFreeze(${JSON.stringify(countryIds)} as Record<string, string>);
`;
}

function renderOffices({ offices, roles, nouns, defaultCountry, grammar }) {
  return `// Generated by scripts/build-actors.mjs from data/actors/offices.json and roles.json: do not edit by hand.
/* biome-ignore-all format: generated */

/** A kind of office ("head-of-government"). */
export type OfficeRole = ${roles.map((r) => JSON.stringify(r)).join(" | ")};

/** One office of one country or body and who held it when (ISO dates, \`end\` exclusive, absent while in office). */
export interface OfficeData {
  readonly id: string;
  readonly role: OfficeRole;
  readonly country: string;
  /** Where the record comes from (a key of data/actors/sources.json). */
  readonly source: string;
  readonly holders: readonly { readonly name: string; readonly start: string; readonly end?: string }[];
}

/** What a role noun names: a kind of office, of a country when the noun says it ("cancelliere" → Germany). */
export interface RoleNounData {
  readonly role: OfficeRole;
  readonly country?: string;
  /** A noun so general ("presidente") that only a country the text names, or a holder it names, resolves it. */
  readonly generic?: boolean;
}

${FREEZE}

export const OFFICE_ROLES: readonly OfficeRole[] = deepFreeze(${JSON.stringify(roles)} as OfficeRole[]);

export const OFFICES: readonly OfficeData[] = deepFreeze(${JSON.stringify(offices)} as OfficeData[]);

/** Whose office an unqualified role noun means in a language's news ("il premier" in Italian: Italy's). */
export const DEFAULT_COUNTRY: Readonly<Record<string, string>> = deepFreeze(${JSON.stringify(defaultCountry)} as Record<string, string>);

/** Per language: the determiners before a role noun, the words joining a country to it, the words after it that make it another office. */
export interface RoleGrammarData {
  readonly determiners: readonly string[];
  readonly of: readonly string[];
  readonly blockers: readonly string[];
  /** Adjectives follow the noun ("il presidente americano"), not precede it ("the American president"). */
  readonly adjectivesFollow: boolean;
}

export const ROLE_GRAMMAR: Readonly<Record<string, RoleGrammarData>> = deepFreeze(${JSON.stringify(grammar)} as Record<string, RoleGrammarData>);

/** Role nouns by language, lower case ("premier", "presidente del consiglio"). */
export const ROLE_NOUNS: Readonly<Record<string, Readonly<Record<string, RoleNounData>>>> = deepFreeze(${JSON.stringify(nouns)} as Record<string, Record<string, RoleNounData>>);
`;
}

/**
 * The compiler's plugin entry (`plugins: { actors: scripts/build-actors.mjs }` in data/schema.yml):
 * checks the gazetteer and returns its two modules; scripts/data/build.mjs writes them (or, in
 * CI, fails when they are stale). A problem is thrown and reported by the compiler.
 */
export async function build({ refreshCountries = false } = {}) {
  const sources = readJson("sources.json");
  checkSource("sources.json", sources);
  const languages = new Set(sources.languages);
  for (const language of languages)
    if (!LANGUAGE_CODES.has(language)) fail(`sources.json: "${language}" is not an ISO 639-1 code`);
  const countries = loadCountries(languages);
  const codes = new Set(countries.countries.map((c) => c.code));
  if (refreshCountries) await refreshCountryIds(codes);
  const countryNameOf = countryNames(countries);
  const { actors, ids, names } = loadActors(sources, languages, countryNameOf);
  const countryIds = loadCountryIds(codes, ids);
  return {
    modules: [
      ["actors-data", renderActors({ countries, actors, countryIds })],
      ["offices-data", renderOffices(loadOffices(names, countryNameOf, sources, languages))],
    ],
    problems: [],
  };
}

// Run by itself (`node scripts/build-actors.mjs [--check] [--countries]`): the same build, for
// this folder alone; `--countries` first refreshes country-ids.json.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes("--check") || process.env.CI === "true";
  const { modules } = await build({ refreshCountries: process.argv.includes("--countries") });
  for (const [name, text] of modules) {
    const file = join(root, "src", "generated", `${name}.ts`);
    const outcome = writeModule(file, text, { check });
    if (outcome === "stale")
      fail(`${relative(root, file)} is stale: run \`node packages/core/scripts/build-actors.mjs\` and commit it`);
    if (outcome === "written") console.log(`wrote ${relative(root, file)}`);
  }
}
